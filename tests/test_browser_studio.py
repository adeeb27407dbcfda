"""What an author does in the Studio editor, in Debian's chromium against the workbench server."""
import pytest

from customer_tenet_xblock.exercise.class_figures import normalise_entry
from helpers import MANAGERS_SCENARIO, WorkbenchUser
from run_workbench import serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def open_editor(page, base, student="staff-author"):
    page.goto(f"{base}/scenario/{MANAGERS_SCENARIO}/studio_view/?student={student}")
    editor = page.locator(".customer-tenet-studio")
    editor.locator(".ct-group-editor").first.wait_for()
    return editor


def group(editor, label):
    return editor.locator(".ct-group-editor").filter(has=editor.page.locator("legend", has_text=label))


def save(editor):
    editor.get_by_role("button", name="Save", exact=True).click()


@pytest.mark.usefixtures("managers_config")
def test_an_author_adds_a_synonym_and_a_learner_who_uses_it_gets_the_group(page, workbench):
    editor = open_editor(page, workbench)
    peers = group(editor, "Peers and other teams")
    peers.get_by_label("Synonyms").fill("quartermasters\nsupply office")
    save(editor)
    editor.locator(".ct-studio-status").filter(has_text="Saved.").wait_for()

    page.goto(f"{workbench}/scenario/{MANAGERS_SCENARIO}/?student=browser-synonym-learner")
    learner = page.locator(".customer-tenet")
    learner.get_by_label("Your customers", exact=True).fill("the quartermasters")
    with page.expect_response(lambda response: "/submit/" in response.url) as submitted:
        learner.get_by_role("button", name="Submit").click()
    feedback = submitted.value.json()["feedback"]
    assert [row["label"] for row in feedback["groups"] if row["found"]] == ["Peers and other teams"]
    learner.get_by_role("heading", name="Your feedback").wait_for()
    assert "the quartermasters" in learner.inner_text()


@pytest.mark.usefixtures("managers_config")
def test_errors_sit_next_to_their_fields_and_nothing_is_saved(page, workbench):
    editor = open_editor(page, workbench)
    editor.get_by_role("button", name="Add a group").click()
    # The new group's label has the focus; leave it empty. Make another problem too.
    editor.get_by_label("Maximum attempts").fill("many")
    save(editor)
    summary = editor.locator(".ct-studio-problems")
    summary.wait_for()
    assert "2 problems" in summary.inner_text()
    attempts = editor.get_by_label("Maximum attempts")
    assert attempts.get_attribute("aria-invalid") == "true"
    error_id = attempts.get_attribute("aria-describedby").split()[-1]
    assert page.locator(f"#{error_id}").inner_text() == "Enter a whole number."
    new_label = group(editor, "Group 4").get_by_label("Label")
    assert new_label.get_attribute("aria-invalid") == "true"
    # The summary links take the keyboard to the field.
    summary.get_by_role("link", name="Group 4, Label: Every group needs a label.").click()
    assert page.evaluate("document.activeElement.id") == new_label.get_attribute("id")

    page.reload()
    editor = open_editor(page, workbench)
    assert editor.locator(".ct-group-editor").count() == 3
    assert editor.get_by_label("Maximum attempts").input_value() == "0"


@pytest.mark.usefixtures("managers_config")
def test_groups_reorder_by_keyboard_and_a_preset_asks_first(page, workbench):
    editor = open_editor(page, workbench)
    labels = editor.locator(".ct-group-editor [data-group-field='label']")
    assert labels.evaluate_all("nodes => nodes.map(n => n.value)") == [
        "Your own people", "Peers and other teams", "External customers"]
    group(editor, "External customers").get_by_role("button", name="Move up").focus()
    page.keyboard.press("Enter")
    assert labels.evaluate_all("nodes => nodes.map(n => n.value)") == [
        "Your own people", "External customers", "Peers and other teams"]
    assert page.evaluate("document.activeElement.textContent") == "Move up"  # focus stays on the button
    page.keyboard.press("Enter")
    assert labels.first.input_value() == "External customers"

    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    editor.get_by_label("Start from a preset").select_option("insurance")
    editor.get_by_role("button", name="Apply preset").click()
    assert "Insurance company" in questions[0]
    assert editor.locator(".ct-group-editor").count() == 3  # declined: nothing replaced

    page.once("dialog", lambda dialog: dialog.accept())
    editor.get_by_role("button", name="Apply preset").click()
    editor.locator(".ct-studio-status").filter(has_text="Select Save to keep it").wait_for()
    assert editor.locator(".ct-group-editor").count() == 6
    page.reload()  # not saved: the managers' groups are still there
    assert open_editor(page, workbench).locator(".ct-group-editor").count() == 3


def test_try_an_answer_shows_the_learners_feedback_without_saving(page, workbench):
    editor = open_editor(page, workbench)
    group(editor, "External customers").get_by_label("Synonyms").fill("patrons")
    editor.get_by_label("Sample answer").fill("our patrons\n<img src=x onerror=alert(1)>")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    editor.get_by_role("button", name="Try this answer").click()
    result = editor.locator(".ct-try-result")
    result.locator(".ct-try-score").wait_for()
    assert "1 of 3 customer groups" in result.inner_text()
    assert "External customers — Found" in result.inner_text()
    assert "<img src=x onerror=alert(1)>" in result.locator(".ct-try-unplaced").inner_text()
    assert result.locator("img").count() == 0 and dialogs == []

    editor.get_by_label("Prompt").fill("**Who** are they?<script>alert(2)</script>")
    editor.get_by_role("button", name="Preview the prompt").click()
    preview = editor.locator(".ct-prompt-preview-body strong")
    preview.wait_for()
    assert preview.inner_text() == "Who" and editor.locator(".ct-prompt-preview-body script").count() == 0
    page.reload()
    assert group(open_editor(page, workbench), "External customers").get_by_label("Synonyms").input_value() == ""


def test_the_editor_has_no_accessibility_violations(page, workbench):
    from axe_playwright_python.sync_playwright import Axe
    editor = open_editor(page, workbench)
    editor.get_by_label("Display name").fill("")
    save(editor)
    editor.locator(".ct-studio-problems").wait_for()  # check the error state too
    results = Axe().run(page, context=".customer-tenet-studio")
    assert results.violations_count == 0, results.generate_report()
    editor.get_by_label("Display name").fill("Managers")
    editor.get_by_label("Sample answer").fill("our clients\nmy team")
    editor.get_by_role("button", name="Try this answer").click()
    editor.locator(".ct-try-score").wait_for()  # and with the sample feedback shown
    results = Axe().run(page, context=".customer-tenet-studio")
    assert results.violations_count == 0, results.generate_report()


def test_try_an_answer_offers_each_unplaced_entry_as_a_synonym(page, workbench):
    """Issue 13: an unplaced entry becomes a group's synonym in one action; the preview follows at once."""
    editor = open_editor(page, workbench)
    editor.get_by_label("Sample answer").fill("the quartermasters\nmy pet rock")
    editor.get_by_role("button", name="Try this answer").click()
    result = editor.locator(".ct-try-result")
    result.locator(".ct-try-score").wait_for()
    assert "0 of 3 customer groups" in result.inner_text()
    entry = result.locator(".ct-try-unplaced-entry").filter(has_text="the quartermasters")
    entry.get_by_label("Add as a synonym of").select_option(label="Peers and other teams")
    with page.expect_response(lambda response: "/studio_preview/" in response.url):
        entry.get_by_role("button", name="Add").click()
    result.get_by_text("Peers and other teams — Found").wait_for()
    assert [text.strip() for text in result.locator(".ct-try-unplaced-text").all_inner_texts()] == ["my pet rock"]
    peers = group(editor, "Peers and other teams").get_by_label("Synonyms")
    assert peers.input_value() == "the quartermasters"
    assert "Select Save to keep it" in editor.locator(".ct-studio-status").inner_text()
    page.reload()  # not saved until Save
    assert group(open_editor(page, workbench), "Peers and other teams").get_by_label("Synonyms").input_value() == ""


@pytest.mark.usefixtures("managers_config")
def test_an_author_picks_a_groups_kind_and_its_everyday_words_place_entries(page, workbench):
    """Issue 13: a new group of kind "Suppliers and contractors" takes "our vendors" once saved."""
    editor = open_editor(page, workbench)
    assert group(editor, "External customers").get_by_label("Kind of customer").input_value() == "customers"
    editor.get_by_role("button", name="Add a group").click()
    new = group(editor, "Group 4")
    new.get_by_label("Label").fill("Hauliers")
    assert new.get_by_label("Kind of customer").input_value() == "other"
    new.get_by_label("Kind of customer").select_option(label="Suppliers and contractors")
    editor.get_by_label("Sample answer").fill("our vendors")
    editor.get_by_role("button", name="Try this answer").click()
    editor.locator(".ct-try-result").get_by_text("Hauliers — Found").wait_for()
    save(editor)
    editor.locator(".ct-studio-status").filter(has_text="Saved.").wait_for()
    page.reload()
    assert group(open_editor(page, workbench), "Hauliers").get_by_label("Kind of customer").input_value() == "suppliers"


def test_an_author_adds_what_learners_wrote_from_the_editor_and_a_learners_new_answer_is_placed(page, server):
    """
    Issue 13 on the real platform: the LMS keeps authored fields read-only
    (lms/djangoapps/lms_xblock/field_data.py), so the one action lives in
    Studio's editor, whose handlers may store them
    (cms/djangoapps/contentstore/views/component.py) and which can read
    learners' states (cms/envs/common.py installs lms.djangoapps.courseware).
    A workbench of its own, so the class is exactly these learners.
    """
    base, _database = server
    for learner in ("lamp-1", "lamp-2", "lamp-3"):
        response = WorkbenchUser(base, learner, MANAGERS_SCENARIO).post("submit", {"answer": "the lamplighters"})
        assert response.status_code == 200
    requests_seen = []
    page.on("request", lambda request: requests_seen.append(request.url))
    editor = open_editor(page, base)
    assert not [url for url in requests_seen if "/class_summary/" in url]  # nothing read on editor start
    panel = editor.locator(".ct-learners-unplaced")
    assert "Rescore All Learners' Submissions" in panel.inner_text()
    editor.get_by_label("Sample answer").fill("the lamplighters")
    editor.get_by_role("button", name="Try this answer").click()
    editor.locator(".ct-try-unplaced").wait_for()

    with page.expect_response(lambda response: "/class_summary/" in response.url) as loaded:
        panel.get_by_role("button", name="Show what learners wrote").click()
    entry = normalise_entry("the lamplighters")
    row = next(row for row in loaded.value.json()["unplaced"] if row["text"] == entry)
    item = panel.locator(".ct-learners-list li").filter(has_text=entry)
    assert "3 learners" in item.inner_text()
    choice = item.get_by_label("Add as a synonym of")
    assert choice.evaluate("select => select.options[select.selectedIndex].textContent") == row["suggested_label"]
    with page.expect_response(lambda response: "/studio_preview/" in response.url):
        item.get_by_role("button", name="Add").click()  # one action
    editor.locator(".ct-studio-status").filter(has_text="Select Save to keep it").wait_for()
    result = editor.locator(".ct-try-result")
    result.filter(has_text=f"{row['suggested_label']} — Found").wait_for()  # the preview followed
    assert group(editor, row["suggested_label"]).get_by_label("Synonyms").input_value().endswith(entry)

    save(editor)
    editor.locator(".ct-studio-status").filter(has_text="Saved.").wait_for()
    response = WorkbenchUser(base, "lamp-4", MANAGERS_SCENARIO).post("submit", {"answer": "the lamplighters"})
    found = [group["label"] for group in response.json()["feedback"]["groups"] if group["found"]]
    assert found == [row["suggested_label"]]



def test_without_a_state_client_the_panel_says_so_and_the_editor_still_saves(browser, tmp_path):
    """
    A runtime that gives no way to read learners' states (the LMS gives blocks
    no "user_state_client" service, lms/djangoapps/courseware/block_render.py;
    Studio relies on the courseware app, cms/envs/common.py): the panel says
    so, and the editor saves as usual.
    """
    with serving(tmp_path, environment={"WORKBENCH_AS_LMS_WITHOUT_STATE_CLIENT": "1"}) as (_process, base):
        context = browser.new_context()
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        editor = open_editor(page, base)
        panel = editor.locator(".ct-learners-unplaced")
        panel.get_by_role("button", name="Show what learners wrote").click()
        panel.locator(".ct-learners-status").filter(has_text="does not let the block read learners' answers").wait_for()
        assert panel.locator(".ct-learners-list").is_hidden()
        editor.get_by_label("Display name").fill("Still saves")
        save(editor)
        editor.locator(".ct-studio-status").filter(has_text="Saved.").wait_for()
        assert errors == []
        context.close()
