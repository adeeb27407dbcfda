"""Author-written Markdown to HTML that is safe to put in a learner's page."""
from functools import lru_cache

import nh3


@lru_cache(maxsize=1)
def _commonmark():
    """
    CommonMark, with the author's raw HTML passed on to nh3. markdown-it parses
    in time linear in the text; Python-Markdown took 55 s on a 20,000-character
    prompt of "[" (it searches the rest of the text at each bracket). Imported
    on the first render: grading, rescoring and the CLI never render a prompt.
    """
    from markdown_it import MarkdownIt
    return MarkdownIt("commonmark", {"html": True})


# Every page view shows the prompt: a worker renders each prompt once.
@lru_cache(maxsize=64)
def render_markdown(text):
    """
    Markdown to sanitised HTML: nh3 keeps ordinary formatting and links and
    drops scripts, event-handler attributes and javascript: URLs.
    """
    return nh3.clean(_commonmark().render(text))
