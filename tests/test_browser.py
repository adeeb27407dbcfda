"""What a learner does, in Debian's chromium against the workbench server."""
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def open_exercise(page, base, student, scenario="customer_tenet.0"):
    page.goto(f"{base}/scenario/{scenario}/?student={student}")
    page.wait_for_selector(".customer-tenet .ct-map svg")
    return page.locator(".customer-tenet")


def submit(page, block, answer):
    block.get_by_label("Your customers", exact=True).fill(answer)
    block.get_by_role("button", name="Submit").click()


def row(block, group_label):
    return block.locator(".ct-group").filter(has_text=group_label)


def status(block, group_label):
    return row(block, group_label).locator(".ct-group-status").text_content()


def test_learner_submits_sees_rows_and_gets_them_back_after_reload(page, workbench):
    block = open_exercise(page, workbench, "browser-learner")
    submit(page, block, "our insureds\nbrokers\nmy boss\nthe weather")
    heading = block.get_by_role("heading", name="Your feedback")
    heading.wait_for()
    assert block.locator(".ct-score").inner_text() == "3 of 6 customer groups — 3/6 points"
    assert status(block, "Policyholders") == "Found"
    assert "“our insureds”" in row(block, "Policyholders").inner_text()
    assert status(block, "Coworkers") == "Missed"
    assert block.locator(".ct-unplaced-list li").all_inner_texts() == ["the weather"]
    assert "1 attempt" in block.locator(".ct-attempts").inner_text()
    # Focus moves to the feedback so keyboard and screen-reader users land on it.
    assert page.evaluate("document.activeElement.classList.contains('ct-feedback-heading')")

    page.reload()
    block = open_exercise(page, workbench, "browser-learner")
    assert block.get_by_label("Your customers", exact=True).input_value() == "our insureds\nbrokers\nmy boss\nthe weather"
    assert block.locator(".ct-score").inner_text() == "3 of 6 customer groups — 3/6 points"
    assert "“our insureds”" in row(block, "Policyholders").inner_text()


def test_hostile_entries_are_shown_as_text_and_never_run(page, workbench):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    block = open_exercise(page, workbench, "browser-hostile")
    submit(page, block, "<script>alert(1)</script>\n<img src=x onerror=alert(2)>\npolicyholders")
    block.get_by_role("heading", name="Your feedback").wait_for()
    texts = block.locator(".ct-unplaced-list li").all_inner_texts()
    assert "<script>alert(1)</script>" in texts and "<img src=x onerror=alert(2)>" in texts
    assert block.locator(".ct-feedback img, .ct-feedback script").count() == 0
    assert dialogs == []


def test_empty_answer_shows_an_error_and_uses_no_attempt(page, workbench):
    block = open_exercise(page, workbench, "browser-empty")
    submit(page, block, "   ")
    error = block.get_by_role("alert")
    error.filter(has_text="Write at least one customer").wait_for()
    assert block.get_by_label("Your customers", exact=True).get_attribute("aria-invalid") == "true"
    assert "used 0 attempts" in block.locator(".ct-attempts").inner_text()
