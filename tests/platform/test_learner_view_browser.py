"""
The learner's view in Debian's chromium on an LMS-like page: the block built
with the platform's mixins (due dates, show_correctness), its fragment served
as the LMS serves it, its handlers answered by the block itself.
"""
from pathlib import Path

import pytest
import workbench as workbench_package
from webob import Request
from xblock.runtime import NullI18nService

from customer_tenet_xblock.exercise.settings import Exercise
from customer_tenet_xblock.exercise.validation import exercise_problems
from customer_tenet_xblock.rubric.taxonomy import Group, Taxonomy
from helpers import FIRST, SECOND, map_chips, row, said_by_picture, statuses, submit
from lms_learner import HOUR, NOW, make_lms_block

pytestmark = [pytest.mark.browser, pytest.mark.slow]

JQUERY = Path(workbench_package.__file__).parent / "static" / "workbench" / "js" / "vendor" / "jquery.min.js"
LMS = "http://lms.test"


def open_in_lms(page, block):
    """
    Serve the block's student view as the LMS does: its HTML, CSS and scripts,
    the init function called with the element and a runtime whose handlerUrl
    reaches the block's real handlers (here, in this test's process).
    """
    def tag(resource):
        if resource.mimetype == "text/css":
            return (f'<link rel="stylesheet" href="{resource.data}">' if resource.kind == "url"
                    else f"<style>{resource.data}</style>")
        return f'<script src="{resource.data}"></script>' if resource.kind == "url" else f"<script>{resource.data}</script>"

    def unit_page():
        fragment = block.student_view()
        css = "".join(tag(r) for r in fragment.resources if r.mimetype == "text/css")
        scripts = "".join(tag(r) for r in fragment.resources if r.mimetype == "application/javascript")
        return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unit</title>
{css}<script>{JQUERY.read_text(encoding="utf-8")}</script>{scripts}</head>
<body><main><h2>Unit: who are your customers</h2><div class="xblock" id="the-block">{fragment.content}</div></main><script>
var runtime = {{handlerUrl: function (element, name) {{ return '/handler/' + name; }}}};
CustomerTenetXBlock(runtime, document.getElementById('the-block'));
</script></body></html>"""

    def answer(route):
        path = route.request.url[len(LMS):]
        if path == "/unit":
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=unit_page())
            return
        if path.startswith("/resource/"):  # the LMS's resource view (openedx/core/djangoapps/common_views/xblock.py)
            with type(block).open_local_resource(path.removeprefix("/resource/")) as opened:
                route.fulfill(status=200, body=opened.read(),
                              content_type="text/css" if path.endswith(".css") else "text/javascript")
            return
        name = path.removeprefix("/handler/")
        request = Request.blank("/", method=route.request.method, body=route.request.post_data_buffer or b"")
        response = block.runtime.handle(block, name, request)
        route.fulfill(status=response.status_code, content_type="application/json", body=response.body)

    page.route(LMS + "/**", answer)
    page.goto(LMS + "/unit")
    page.wait_for_selector(".customer-tenet .ct-map-picture .ct-you")
    return page.locator(".customer-tenet")


def axe_violations(page):
    """What axe-core (WCAG 2.1 AA) finds wrong in the block, as a readable report; empty when nothing."""
    from axe_playwright_python.sync_playwright import Axe
    results = Axe().run(page, context=".customer-tenet")
    return results.generate_report() if results.violations_count else ""


def object_property_ids():
    """Group ids that are also names of every JavaScript object's properties; validation allows them."""
    groups = (
        Group(id="__proto__", label="Prototype partners", side="external", synonyms=("prototype partners",)),
        Group(id="constructor", label="Builders", side="internal", synonyms=("builders",)),
        Group(id="hasownproperty", label="Owners", side="internal", synonyms=("owners",)),
        Group(id="policyholders", label="Policyholders", side="external", synonyms=("policyholders",)),
    )
    exercise = Exercise(taxonomy=Taxonomy(groups=groups, lexicon=""))
    assert list(exercise_problems(exercise, NullI18nService())) == []
    return exercise


@pytest.mark.parametrize("answer, found", [
    ("builders\npolicyholders", {"Builders", "Policyholders"}),  # __proto__ missed
    ("prototype partners\nowners", {"Prototype partners", "Owners"}),  # constructor missed
])
def test_ids_named_like_object_properties_map_and_feedback_agree(page, answer, found):
    """
    A group whose id is "__proto__" or "constructor" is shown found or missed
    on the map exactly as the feedback says (the map no longer looks groups
    up by id in a plain object, where "__proto__" is always there).
    """
    block = open_in_lms(page, make_lms_block(object_property_ids()))
    submit(page, block, answer)
    rows = statuses(block)
    assert {label for label, state in rows.items() if state == "Found"} == found
    chips = map_chips(block)
    assert {label: state.capitalize() for label, state in chips["internal"] + chips["external"]} == rows
    assert block.locator(".ct-map-text").text_content() == said_by_picture(chips)


def test_past_the_deadline_the_page_says_so_and_the_answer_is_read_only(page):
    """Mirrors xmodule/capa_block.py (closed(): past the due date plus grace period, no submission)."""
    lms_block = make_lms_block()
    block = open_in_lms(page, lms_block)
    submit(page, block, FIRST)
    lms_block.due = NOW - HOUR  # the due date passes while the page is open
    submit(page, block, SECOND)
    message = "The due date has passed: answers are no longer accepted."
    block.get_by_role("alert").filter(has_text=message).wait_for()
    box = block.get_by_label("Your customers", exact=True)
    assert box.input_value() == SECOND  # the text is kept, and now read-only
    block.locator(".ct-submit:disabled").wait_for()
    assert not box.is_editable() and block.locator(".ct-submit").inner_text() == "Past due"
    assert block.locator(".ct-score").inner_text() == "3 of 6 customer groups — 3/6 points"  # from the first

    page.reload()
    block = page.locator(".customer-tenet")
    block.locator(".ct-map-picture .ct-you").wait_for()
    assert block.locator(".ct-notice").inner_text() == message
    box = block.get_by_label("Your customers", exact=True)
    assert box.input_value() == FIRST and not box.is_editable()
    button = block.locator(".ct-submit")
    assert button.is_disabled() and button.inner_text() == "Past due"
    assert block.locator(".ct-score").inner_text() == "3 of 6 customer groups — 3/6 points"
    assert row(block, "Coworkers").locator(".ct-group-why").count() == 1  # no attempt left: why it matters
    assert lms_block.attempts == 1
    assert axe_violations(page) == ""


def test_when_the_course_never_shows_results_the_page_shows_none(page):
    """Mirrors xmodule/capa_block.py (_get_answer_notification: "Answer submitted." when correctness is hidden)."""
    block = open_in_lms(page, make_lms_block(show_correctness="never"))
    submit(page, block, FIRST)
    assert block.locator(".ct-notice").inner_text() == "Your answer has been submitted."
    assert block.locator(".ct-feedback").is_hidden()
    chips = map_chips(block)
    assert [state for _label, state in chips["internal"] + chips["external"]] == ["open"] * 6
    assert all(label == "" for label, _state in chips["internal"] + chips["external"])
    assert block.locator(".ct-attempts").inner_text() == "You have used 1 attempt. Attempts are unlimited."
    shown = block.inner_text() + block.locator(".ct-map-text").text_content()
    assert not [label for label in ("Policyholders", "Insurance agents", "Coworkers") if label in shown]
    assert "points" not in shown
    assert axe_violations(page) == ""
