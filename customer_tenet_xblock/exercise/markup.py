"""Author-written Markdown to HTML that is safe to put in a learner's page."""
import markdown
import nh3


def render_markdown(text):
    """
    Markdown to sanitised HTML: nh3 keeps ordinary formatting and links and
    drops scripts, event-handler attributes and javascript: URLs.
    """
    return nh3.clean(markdown.markdown(text, output_format="html"))
