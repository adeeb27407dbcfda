"""
What a learner does, in Debian's chromium against the workbench server.
(On an LMS-like page, with the course settings the LMS mixes in:
tests/platform/test_learner_view_browser.py.)
"""
import json
import re

import pytest

from helpers import (
    FIRST,
    SECOND,
    TWO_ATTEMPTS,
    WorkbenchUser,
    map_chips,
    open_exercise,
    row,
    said_by_picture,
    statuses,
    submit,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FAILED = "Your answer could not be sent. Check your connection and try again; your text is still here."

# Where each element of the block sticks out of the block or of the window (hidden text excluded).
OVERFLOW = """block => {
    const frame = block.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const out = [];
    for (const node of block.querySelectorAll('*')) {
        if (node.closest('.ct-sr-only') || !node.getClientRects().length) continue;
        const box = node.getBoundingClientRect();
        if (box.left < Math.max(frame.left, 0) - 0.5 || box.right > Math.min(frame.right, width) + 0.5) {
            out.push(node.className + ' ' + Math.round(box.left) + '..' + Math.round(box.right));
        }
    }
    return {scroll: block.scrollWidth, client: block.clientWidth, right: frame.right, width: width, out: out};
}"""


def test_full_flow_first_attempt_improved_attempt_exhausted_and_reload(page, workbench):
    block = open_exercise(page, workbench, "browser-flow", TWO_ATTEMPTS)
    # Before any answer: the map shows the exercise's shape, empty, and gives no group away.
    chips = map_chips(block)
    assert [state for _label, state in chips["internal"] + chips["external"]] == ["open"] * 6
    assert all(label == "" for label, _state in chips["internal"] + chips["external"])
    assert block.locator(".ct-map-text").text_content() == said_by_picture(chips)
    assert "3 customer groups to find." in said_by_picture(chips)
    assert block.locator(".ct-feedback").is_hidden()
    assert block.locator(".ct-attempts").inner_text() == "You have used 0 of 2 attempts. 2 attempts left"

    submit(page, block, FIRST)
    assert block.locator(".ct-score").inner_text() == "3 of 6 customer groups — 3/6 points"
    assert block.locator(".ct-meter-fill").evaluate("node => node.style.width") == "50%"
    assert statuses(block) == {
        "Policyholders": "Found", "Insurance agents": "Found", "Agent staffs": "Missed",
        "Other company departments": "Missed", "The company management team": "Found", "Coworkers": "Missed",
    }
    assert "“our insureds”" in row(block, "Policyholders").inner_text()
    assert row(block, "Coworkers").locator(".ct-group-hint").count() == 1
    assert block.locator(".ct-feedback .ct-group-missed .ct-group-why").count() == 0  # not before the last attempt
    assert block.locator(".ct-unplaced-text").all_text_contents() == ["the weather"]
    assert block.locator(".ct-attempts-left").inner_text() == "1 attempt left"
    assert block.locator(".ct-takeaway").is_hidden()
    # The map now sits in the feedback and agrees with the rows and with its text alternative.
    assert block.locator(".ct-feedback .ct-map").count() == 1
    chips = map_chips(block)
    assert ["Coworkers", "missed"] in chips["internal"] and ["Policyholders", "found"] in chips["external"]
    assert {label: state.capitalize() for label, state in chips["internal"] + chips["external"]} == statuses(block)
    assert block.locator(".ct-map-text").text_content() == said_by_picture(chips)

    block.locator(".ct-reflection").fill("Coworkers count too.")
    submit(page, block, SECOND)  # the improved, last attempt
    assert block.locator(".ct-score").inner_text() == "5 of 6 customer groups — 5/6 points"
    assert block.locator(".ct-best").inner_text() == "Score that counts (your best attempt): 5/6 points"
    assert statuses(block)["Coworkers"] == "Found"
    assert "“the claims department”" in row(block, "Other company departments").inner_text()
    why = row(block, "Agent staffs").locator(".ct-group-why")
    assert why.inner_text().startswith("Why it matters: ")  # shown for the missed group once attempts are used up
    assert block.locator(".ct-takeaway").is_visible()
    button = block.locator(".ct-submit")
    assert button.is_disabled() and button.inner_text() == "No attempts left"
    assert not block.get_by_label("Your customers", exact=True).is_editable()  # readable, no longer editable
    assert block.locator(".ct-attempts").inner_text() == "You have used 2 of 2 attempts. 0 attempts left"
    before = block.locator(".ct-feedback").inner_text()

    page.reload()
    block = open_exercise(page, workbench, "browser-flow", TWO_ATTEMPTS)
    assert block.get_by_label("Your customers", exact=True).input_value() == SECOND
    assert block.locator(".ct-reflection").input_value() == "Coworkers count too."
    assert block.locator(".ct-feedback").inner_text() == before  # rows, map, why, takeaway: all of it
    assert block.locator(".ct-submit").is_disabled()
    assert block.locator(".ct-attempts-left").inner_text() == "0 attempts left"


def test_hostile_entries_are_shown_as_text_and_never_run(page, workbench):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    block = open_exercise(page, workbench, "browser-hostile")
    hostile = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>"]
    submit(page, block, "\n".join(hostile + ["policyholders"]))
    texts = block.locator(".ct-unplaced-text").all_text_contents()
    assert texts == hostile
    assert block.locator("img, script").count() == 0
    page.reload()  # and again when the saved answer comes back with the page
    block = open_exercise(page, workbench, "browser-hostile")
    assert block.locator(".ct-unplaced-text").all_text_contents() == hostile
    assert block.locator("img, script").count() == 0
    assert dialogs == []


def test_empty_answer_shows_an_error_and_uses_no_attempt(page, workbench):
    block = open_exercise(page, workbench, "browser-empty", TWO_ATTEMPTS)
    submit(page, block, "   ")
    block.get_by_role("alert").filter(has_text="Write at least one customer").wait_for()
    assert block.get_by_label("Your customers", exact=True).get_attribute("aria-invalid") == "true"
    assert block.locator(".ct-attempts-left").inner_text() == "2 attempts left"
    assert block.locator(".ct-feedback").is_hidden()
    submit(page, block, "brokers")  # the next good answer clears the error
    assert block.get_by_role("alert").is_hidden()
    assert block.get_by_label("Your customers", exact=True).get_attribute("aria-invalid") is None


@pytest.mark.parametrize("failure", ["server_error", "network_down"])
def test_a_failed_request_shows_a_message_and_keeps_the_text(page, workbench, failure):
    student = f"browser-failed-{failure}"
    block = open_exercise(page, workbench, student, TWO_ATTEMPTS)
    if failure == "server_error":
        page.route("**/submit**", lambda route: route.fulfill(status=500, body="<h1>Server Error (500)</h1>"))
    else:
        page.route("**/submit**", lambda route: route.abort("connectionfailed"))
    answer = "our insureds\nmy coworkers"
    submit(page, block, answer)
    block.get_by_role("alert").filter(has_text=FAILED).wait_for()
    box = block.get_by_label("Your customers", exact=True)
    assert box.input_value() == answer and box.get_attribute("aria-invalid") is None  # the text was fine
    button = block.get_by_role("button", name="Submit")
    assert button.is_enabled() and button.get_attribute("aria-busy") is None
    assert block.locator(".ct-feedback").is_hidden()
    page.unroute("**/submit**")
    submit(page, block, answer)  # trying again works
    assert block.locator(".ct-score").inner_text() == "2 of 6 customer groups — 2/6 points"
    assert block.locator(".ct-attempts-left").inner_text() == "1 attempt left"  # the failure used none


def test_the_button_shows_progress_and_cannot_be_pressed_twice(page, workbench):
    block = open_exercise(page, workbench, "browser-busy", TWO_ATTEMPTS)
    held = []
    page.route("**/submit**", lambda route: held.append(route))
    block.get_by_label("Your customers", exact=True).fill("brokers")
    button = block.locator(".ct-submit")
    button.click()
    page.wait_for_function("document.querySelector('.ct-submit').getAttribute('aria-busy') === 'true'")
    assert button.is_disabled() and button.inner_text() == "Submitting…"
    assert button.locator(".ct-spinner").is_visible()
    button.click(force=True)  # a second press on the disabled button
    page.evaluate("document.querySelector('.ct-form').requestSubmit()")  # and Enter reaching the form anyway
    page.wait_for_timeout(300)
    assert len(held) == 1
    held[0].continue_()
    block.locator(".ct-feedback:not([hidden])").wait_for()
    assert button.get_attribute("aria-busy") is None and button.inner_text() == "Submit" and button.is_enabled()
    assert len(held) == 1
    assert block.locator(".ct-attempts-left").inner_text() == "1 attempt left"


@pytest.mark.parametrize("viewport, scale", [
    ({"width": 360, "height": 740}, 1),  # a phone
    ({"width": 640, "height": 450}, 2),  # 200 % zoom of a 1280 × 900 window: half the css pixels, twice as dense
], ids=["phone-360", "zoom-200"])
def test_nothing_scrolls_sideways_or_is_cut_off(browser, workbench, viewport, scale):
    context = browser.new_context(viewport=viewport, device_scale_factor=scale)
    page = context.new_page()
    try:
        block = open_exercise(page, workbench, f"browser-narrow-{viewport['width']}", TWO_ATTEMPTS)
        layouts = [block.evaluate(OVERFLOW)]
        submit(page, block, FIRST + "\nunderwriting-and-claims-administration-department-of-the-regional-office")
        layouts.append(block.evaluate(OVERFLOW))
        submit(page, block, SECOND)
        block.locator(".ct-takeaway:not([hidden])").wait_for()
        layouts.append(block.evaluate(OVERFLOW))
        for layout in layouts:
            assert layout["scroll"] <= layout["client"], layout
            assert layout["right"] <= layout["width"], layout
            assert layout["out"] == [], layout
        chip = block.locator(".ct-chip-label").filter(has_text="The company management team")
        assert chip.evaluate("node => node.scrollWidth <= node.clientWidth")
    finally:
        context.close()


def page_data_strings(page_html):
    """Every key and string the student view's init arguments hold, as its script receives them."""
    found = re.search(r'<script type="application/json" class="ct-data">(.*?)</script>', page_html, re.S)
    data = json.loads(found.group(1))
    strings = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                strings.append(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and value:
            strings.append(value)
    walk(data)
    return strings


def test_a_new_learner_pasting_the_page_data_scores_nothing(workbench):
    """The answer key is not in the page: everything its data holds, pasted as an answer, finds no group."""
    learner = WorkbenchUser(workbench, "paste-the-page-data")
    strings = page_data_strings(learner.page)
    assert "slots" in strings
    response = learner.post("submit", {"answer": "\n".join(strings)})
    assert response.status_code == 200
    feedback = response.json()["feedback"]
    assert (feedback["found_count"], feedback["earned"]) == (0, "0")


def test_two_exercises_on_one_page_each_work_on_their_own(page, workbench):
    """
    A unit holding two exercises, seen by staff: each block's fragment brings
    the shared palette, translator and helpers again, as the LMS's
    xmodule/vertical_block.py adds every child fragment's resources (duplicates
    included). Both blocks start, and a submission in one changes only that one.
    """
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{workbench}/scenario/customer_tenet.4/?student=staff-two-blocks")
    blocks = page.locator(".customer-tenet:not(.ct-insights)")
    blocks.nth(1).locator(".ct-map-picture .ct-you").wait_for()
    assert blocks.count() == 2 and page.locator(".ct-map-picture .ct-you").count() == 2
    assert page.locator(".ct-insights").count() == 2  # staff: each block's class summary

    first, second = blocks.nth(0), blocks.nth(1)
    untouched = first.inner_text()
    submit(page, second, "my direct reports\nclients")
    assert second.locator(".ct-score").inner_text().startswith("2 of ")
    assert first.locator(".ct-feedback").is_hidden() and first.inner_text() == untouched
    submit(page, first, FIRST)
    assert first.locator(".ct-score").inner_text() == "3 of 6 customer groups — 3/6 points"
    assert second.locator(".ct-score").inner_text().startswith("2 of ")
    # The palette reaches each block from its own root, and the page around it gets none.
    colours = page.evaluate("""() => [...document.querySelectorAll('.customer-tenet:not(.ct-insights)')]
        .map(node => getComputedStyle(node).getPropertyValue('--ct-accent').trim())
        .concat([getComputedStyle(document.body).getPropertyValue('--ct-accent').trim()])""")
    assert colours == ["#0a5a9c", "#0a5a9c", ""]
    summary = page.locator(".ct-insights").nth(1)
    summary.locator(".ct-insights-load").click()
    summary.locator(".ct-insights-body:not([hidden])").wait_for()
    assert summary.locator(".ct-insights-learners").inner_text().startswith("1 learner")
    assert errors == []
