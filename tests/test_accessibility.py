"""
The learner's view against WCAG 2.1 AA, in Debian's chromium: axe-core scoped
to the block in every state, keyboard-only use, and semantics a screen reader
relies on.
"""
from itertools import pairwise

import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers import FIRST, SECOND, TWO_ATTEMPTS, open_exercise, submit

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def as_in_an_lms_unit(page):
    """
    Put the unit title the LMS's vertical renders (vert_module.html: an h2) above the block.
    The workbench has none, so its page jumps from its own h1 to the block's h3, the level
    Open edX problems use inside a unit.
    """
    page.evaluate("""() => {
        if (document.querySelector('.lms-unit-title')) return;
        const title = document.createElement('h2');
        title.className = 'lms-unit-title';
        title.textContent = 'Unit: who are your customers';
        const block = document.querySelector('.customer-tenet');
        block.parentNode.insertBefore(title, block);
    }""")


def assert_no_violations(page):
    as_in_an_lms_unit(page)
    results = Axe().run(page, context=".customer-tenet", options={"resultTypes": ["violations", "passes"]})
    assert results.violations_count == 0, results.generate_report()
    checked = {rule["id"] for rule in results.response["passes"]}
    assert {"color-contrast", "label", "heading-order"} <= checked  # it did look at the block's content


def test_axe_finds_no_violations_before_after_in_error_and_when_attempts_are_used_up(page, workbench):
    block = open_exercise(page, workbench, "a11y-axe", TWO_ATTEMPTS)
    assert_no_violations(page)  # before: the empty map and the form

    submit(page, block, "")
    block.get_by_role("alert").filter(has_text="Write at least one customer").wait_for()
    assert_no_violations(page)  # the error state

    submit(page, block, FIRST)
    block.locator(".ct-unplaced:not([hidden])").wait_for()
    assert_no_violations(page)  # feedback: rows, map, unplaced entries, balance

    submit(page, block, SECOND)
    block.locator(".ct-takeaway:not([hidden])").wait_for()
    assert_no_violations(page)  # why it matters, the takeaway, the disabled button


def test_axe_finds_no_violations_when_a_request_fails(page, workbench):
    block = open_exercise(page, workbench, "a11y-failed", TWO_ATTEMPTS)
    page.route("**/submit**", lambda route: route.fulfill(status=500, body="Server Error"))
    submit(page, block, FIRST)
    block.get_by_role("alert").filter(has_text="could not be sent").wait_for()
    assert_no_violations(page)


def focused(page):
    return page.evaluate("""() => {
        const node = document.activeElement;
        const style = getComputedStyle(node);
        return {cls: node.className, outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
    }""")


def test_keyboard_only_submission_moves_focus_to_the_feedback_and_announces_the_score(page, workbench):
    block = open_exercise(page, workbench, "a11y-keyboard")
    for _press in range(40):  # from the top of the page, through the workbench's own links
        page.keyboard.press("Tab")
        if focused(page)["cls"] == "ct-answer":
            break
    order = [focused(page)]
    page.keyboard.type("our insureds\nbrokers\nmy boss")
    page.keyboard.press("Tab")
    order.append(focused(page))
    page.keyboard.press("Tab")
    order.append(focused(page))
    assert [step["cls"] for step in order] == ["ct-answer", "ct-reflection", "ct-submit"]
    for step in order:  # focus is visible on every stop
        assert step["outline"] != "none" and step["width"] >= 2, step
    page.keyboard.press("Enter")

    page.wait_for_function("document.activeElement.classList.contains('ct-feedback-heading')")
    assert focused(page)["outline"] != "none"
    live = block.locator("[aria-live=polite]")
    live.filter(has_text="3 of 6").wait_for()
    assert live.text_content() == "3 of 6 customer groups — 3/6 points"
    assert block.locator(".ct-answer").input_value() == "our insureds\nbrokers\nmy boss"


def test_semantics_label_lists_headings_figure_and_meter(page, workbench):
    block = open_exercise(page, workbench, "a11y-semantics", TWO_ATTEMPTS)
    answer = block.get_by_label("Your customers", exact=True)
    assert answer.evaluate("node => node.labels[0].tagName") == "LABEL"
    figure = block.get_by_role("figure", name="Customer map")
    assert figure.locator(".ct-map-picture").get_attribute("aria-hidden") == "true"
    assert figure.locator(".ct-map-text").text_content().startswith("Customer map. You are in the middle.")

    submit(page, block, FIRST)
    assert block.get_by_role("list").first.get_by_role("listitem").count() > 0
    assert block.locator("ul.ct-groups > li").count() == 6
    assert block.locator("ul.ct-unplaced-list > li").count() == 1
    assert block.get_by_role("region", name="Your feedback").is_visible()
    # Headings fit inside an LMS unit page: no h1, and no level skipped below the block's h3.
    levels = [int(tag[1]) for tag in block.locator("h1, h2, h3, h4, h5, h6").evaluate_all(
        "nodes => nodes.filter(node => node.getClientRects().length).map(node => node.tagName)")]
    assert levels[0] == 3 and min(levels) == 3
    assert all(later - earlier <= 1 for earlier, later in pairwise(levels)), levels
    # The score bar repeats the written score: hidden from assistive technology, the text says it.
    assert block.locator(".ct-meter").get_attribute("aria-hidden") == "true"
    assert block.locator(".ct-score").is_visible()


def test_found_missed_and_unplaced_differ_by_more_than_colour(page, workbench):
    block = open_exercise(page, workbench, "a11y-colour", TWO_ATTEMPTS)
    open_chip = block.locator(".ct-map-picture .ct-zone .ct-chip").first
    open_look = open_chip.evaluate("node => getComputedStyle(node).borderTopStyle")
    submit(page, block, FIRST)

    def look(locator, border):
        return locator.evaluate(f"""node => [
            node.querySelector('.ct-icon').textContent,
            getComputedStyle(node).{border},
            (node.querySelector('.ct-group-status-text') || {{}}).textContent || null,
        ]""")

    rows = [look(block.locator(f".ct-group-{state}").first, "borderLeftStyle") for state in ("found", "missed")]
    unplaced = look(block.locator(".ct-unplaced-entry").first, "borderTopStyle")
    assert rows == [["✓", "solid", "Found"], ["?", "dashed", "Missed"]]
    assert unplaced == ["–", "dotted", None]  # under its own heading, with its own symbol and outline
    assert block.locator(".ct-unplaced h5").text_content() == "Entries that did not match a customer group"

    chips = [look(block.locator(f".ct-map-picture .ct-chip-{state}").first, "borderTopStyle")
             for state in ("found", "missed")]
    assert [chip[:2] for chip in chips] == [["✓", "solid"], ["?", "dashed"]]
    assert open_look == "dotted"  # the empty slots before the first answer
    legend = block.locator(".ct-map-legend").inner_text()
    assert "Found" in legend and "Missed" in legend
