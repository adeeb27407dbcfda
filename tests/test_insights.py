"""
Instructor insights: the class summary, the response export and the LMS's
generate_report_data hook, in-process against learner states stored by the
real submit handler, then over HTTP in the workbench and in Chromium.
"""
import csv
import io

import pytest
from xblock.fields import Scope

from customer_tenet_xblock.exercise.class_figures import normalise_entry, spreadsheet_safe
from helpers import (
    CLASS,
    REPO,
    ListUserStateClient,
    RecordingRuntime,
    WorkbenchUser,
    XBlockUserState,
    call_handler,
    make_block,
    submitted_states,
)
from run_workbench import serving


def staff_block(states=None):
    runtime = RecordingRuntime(user_id="staff-1", is_staff=True)
    if states is not None:
        runtime._services["user_state_client"] = ListUserStateClient(states)
    return make_block(runtime=runtime)


# ---- pure rules -------------------------------------------------------------


@pytest.mark.parametrize("text", ["=1+1", "+41 22", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_defused(text):
    assert spreadsheet_safe(text) == "'" + text


@pytest.mark.parametrize("value", ["brokers", "my boss = customer", "", 3.0])
def test_other_cells_are_left_alone(value):
    assert spreadsheet_safe(value) == value


def test_unplaced_entries_are_normalised():
    assert normalise_entry("  The Lighthouse-Keepers! ") == normalise_entry("the lighthouse keeper")
    assert normalise_entry("Lighthouse KEEPER") == "lighthouse keeper"
    assert normalise_entry("Directeurs régionaux", lang="") == "directeurs regionaux"


# ---- generate_report_data, from states stored by the submit handler ----------


def test_report_rows_follow_the_lms_contract():
    rows = list(staff_block().generate_report_data(iter(submitted_states())))
    assert [username for username, _row in rows] == list(CLASS)
    ana = dict(rows[0][1])
    assert list(ana) == ["Answer", "Placed entries", "Unplaced entries", "Score", "Possible score",
                         "Attempts", "Reflection"]
    assert ana["Answer"] == CLASS["ana"][0]
    assert "brokers → Insurance agents" in ana["Placed entries"].split("\n")
    assert ana["Unplaced entries"] == "the lighthouse keeper"
    assert (ana["Score"], ana["Possible score"], ana["Attempts"]) == (3.0, 6.0, 1)
    assert ana["Reflection"] == "Everyone is a customer."


def test_report_defuses_formulas_in_learner_text():
    cai = dict(staff_block().generate_report_data(iter(submitted_states()))).get("cai")
    assert cai["Answer"].startswith("'@SUM(1+1)\n=HYPERLINK(")
    assert cai["Unplaced entries"].startswith("'@SUM(1+1)")
    assert cai["Reflection"] == "'@SUM(A1:A9)"


def test_report_respects_limit_and_skips_learners_without_an_answer():
    states = submitted_states()
    states.insert(1, XBlockUserState("viewer", "usage-1", {"attempts": 0}, None, Scope.user_state))
    block = staff_block()
    assert [name for name, _ in block.generate_report_data(iter(states))] == list(CLASS)
    assert [name for name, _ in block.generate_report_data(iter(states), limit_responses=2)] == ["ana", "ben"]
    assert list(block.generate_report_data(iter(states), limit_responses=0)) == []


def test_report_scores_with_the_rubric_in_force():
    """After an instructor adds a synonym, the report (like rescoring) places the entry."""
    states = submitted_states()
    block = staff_block()
    groups = [dict(group) for group in block.groups]
    next(group for group in groups if group["id"] == "departments")["synonyms"].append("lighthouse keeper")
    block.groups = groups
    ana = dict(block.generate_report_data(iter(states)))["ana"]
    assert ana["Unplaced entries"] == "" and ana["Score"] == 4.0


# ---- the staff handlers in-process --------------------------------------------


def test_summary_counts_shares_and_unplaced_entries():
    status, summary = call_handler(staff_block(submitted_states()), "class_summary", {})
    assert status == 200
    assert summary["learners"] == 4
    assert summary["learners_text"] == "4 learners have submitted an answer."
    shares = {row["id"]: (row["share"], row["text"]) for row in summary["groups"]}
    assert shares["policyholders"] == (0.5, "2 of 4 learners (50%)")
    assert shares["agents"][0] == 0.5 and shares["management"][0] == 0.25 and shares["agent_staff"][0] == 0
    # Scores 3 (ana), 1 (ben), 1 (cai), 1 (dee): every whole score from 0 to 6 has a row.
    assert [(row["label"], row["text"]) for row in summary["scores"]][:4] == [
        ("0 points", "0 learners"), ("1 point", "3 learners"), ("2 points", "0 learners"), ("3 points", "1 learner"),
    ]
    assert len(summary["scores"]) == 7
    # Spellings count together, once per learner (dee wrote it twice); most frequent first.
    first = summary["unplaced"][0]
    assert (first["text"], first["learners"], first["learners_text"]) == (
        normalise_entry("the lighthouse keeper"), 3, "3 learners")
    assert {row["text"]: row["learners"] for row in summary["unplaced"]}[normalise_entry("astronauts")] == 1


def test_suggested_group_is_the_one_its_writers_missed_most():
    answers = {
        "p": ("policyholders\nagents\nagent staff\nmy boss\ncoworkers\nthe lighthouse keeper", ""),
        "q": ("policyholders\nagents\nagent staff\nmy boss\ncoworkers\nthe lighthouse keeper", ""),
        "r": ("the lighthouse keeper", ""),  # misses everything
    }
    _status, summary = call_handler(staff_block(submitted_states(answers)), "class_summary", {})
    row = summary["unplaced"][0]
    # Departments was missed by all three writers, every other group by one.
    assert (row["learners"], row["suggested_group"], row["suggested_label"]) == (
        3, "departments", "Other company departments")


def test_summary_of_an_empty_class():
    _status, summary = call_handler(staff_block([]), "class_summary", {})
    assert summary["learners"] == 0 and summary["learners_text"] == "No learner has submitted an answer yet."


def test_staff_without_a_user_state_reader_get_a_clear_refusal():
    status, body = call_handler(staff_block(), "class_summary", {})
    assert status == 501 and body["code"] == "no_user_states"
    assert "problem responses report" in body["error"]


def test_export_is_csv_with_one_row_per_learner():
    status, body = call_handler(staff_block(submitted_states()), "export_responses", {})
    assert status == 200 and body["filename"].endswith(".csv")
    rows = list(csv.reader(io.StringIO(body["csv"])))
    assert rows[0][:3] == ["Username", "Answer", "Placed entries"]
    assert [row[0] for row in rows[1:]] == list(CLASS)
    assert rows[3][1].startswith("'@SUM(")  # cai's answer, defused
    assert rows[1][1] == CLASS["ana"][0]  # newlines survive CSV quoting


# ---- the student view -------------------------------------------------------


def test_staff_see_the_summary_section_and_learners_do_not():
    staff_html = staff_block().student_view().content
    learner_html = make_block(runtime=RecordingRuntime(user_id="ana")).student_view().content
    assert "ct-insights" in staff_html and "Class summary (staff only)" in staff_html
    assert "ct-insights" not in learner_html and "Class summary" not in learner_html


def test_staff_add_a_frequent_unplaced_entry_as_a_synonym_in_one_action():
    """Issue 13: the summary's suggestion becomes a synonym; the next summary places the entry."""
    block = staff_block(submitted_states())
    status, summary = call_handler(block, "class_summary", {})
    row = summary["unplaced"][0]
    assert row["text"] == normalise_entry("the lighthouse keeper") and row["suggested_group"]
    status, body = call_handler(block, "add_synonym", {"entry": row["text"], "group": row["suggested_group"]})
    assert status == 200 and "rescore" in body["message"]
    group = block.exercise.taxonomy.group(row["suggested_group"])
    assert group.synonyms == (row["text"],)
    status, again = call_handler(block, "class_summary", {})
    assert row["text"] not in [r["text"] for r in again["unplaced"]]
    # The same entry twice is no change.
    assert call_handler(block, "add_synonym", {"entry": row["text"].upper(), "group": group.id})[0] == 200
    assert block.exercise.taxonomy.group(group.id).synonyms == (row["text"],)


@pytest.mark.parametrize("body, code", [
    ({"entry": "astronauts", "group": "astronomers"}, "unknown_group"),
    ({"entry": "  \u0007 ", "group": "coworkers"}, "empty_entry"),
    ({"entry": "x" * 201, "group": "coworkers"}, "invalid_synonym"),
    ({"entry": "astronauts"}, "bad_request"),
    ({"entry": ["astronauts"], "group": "coworkers"}, "bad_request"),
    (["astronauts"], "bad_request"),
])
def test_a_bad_synonym_request_changes_nothing(body, code):
    block = staff_block()
    before = block.exercise
    status, response = call_handler(block, "add_synonym", body)
    assert (status, response["code"]) == (400, code) and response["error"]
    assert block.exercise == before


# ---- over HTTP, in the workbench --------------------------------------------

SCENARIO = "customer_tenet.0"


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    """A workbench of our own, so the class is exactly the learners these tests create."""
    with serving(tmp_path_factory.mktemp("insights-workbench")) as (_process, base):
        yield base


def post(base, student, handler, body):
    response = WorkbenchUser(base, student, SCENARIO).post(handler, body.encode("utf-8"))
    return response.status_code, response.json()


@pytest.fixture(scope="module")
def submitted(bench):
    import json
    for username, (answer, reflection) in CLASS.items():
        status, _ = post(bench, username, "submit", json.dumps({"answer": answer, "reflection": reflection}))
        assert status == 200
    return bench


@pytest.mark.slow
def test_workbench_summary_and_export_read_every_learner(submitted):
    status, summary = post(submitted, "staff1", "class_summary", "{}")
    assert status == 200 and summary["learners"] == 4
    assert summary["unplaced"][0]["learners"] == 3
    status, export = post(submitted, "staff1", "export_responses", "{}")
    rows = list(csv.reader(io.StringIO(export["csv"])))
    assert sorted(row[0] for row in rows[1:]) == sorted(CLASS)
    assert any(row[1].startswith("'@SUM(") for row in rows)





# ---- in Chromium --------------------------------------------------------------


@pytest.mark.slow
def test_staff_page_shows_chart_and_downloads_csv(submitted, page):
    page.goto(f"{submitted}/scenario/{SCENARIO}/?student=staff1")
    section = page.locator(".ct-insights")
    section.get_by_role("button", name="Load the class summary").click()
    section.locator(".ct-chart-groups tbody tr").first.wait_for()
    assert section.locator(".ct-insights-learners").text_content() == "4 learners have submitted an answer."
    first_group = section.locator(".ct-chart-groups tbody tr").first
    assert first_group.locator("th").text_content() == "Policyholders"
    assert first_group.locator(".ct-chart-text").text_content() == "2 of 4 learners (50%)"
    assert first_group.locator(".ct-bar-fill").evaluate("node => node.style.width") == "50%"
    assert first_group.locator(".ct-bar").get_attribute("aria-hidden") == "true"
    assert section.locator(".ct-unplaced-entry").first.text_content() == normalise_entry("the lighthouse keeper")
    page.screenshot(path=str(submitted_screenshot()), full_page=True)
    from axe_playwright_python.sync_playwright import Axe
    results = Axe().run(page, context=".ct-insights", options={"resultTypes": ["violations", "passes"]}).response
    assert [violation["id"] for violation in results["violations"]] == []
    assert {"color-contrast", "td-headers-attr"} <= {rule["id"] for rule in results["passes"]}  # it did check
    with page.expect_download() as download_info:
        section.locator(".ct-insights-export").click()
    download = download_info.value
    assert download.suggested_filename == "customer-tenet-responses.csv"
    text = open(download.path(), encoding="utf-8-sig").read()
    assert sorted(row[0] for row in list(csv.reader(io.StringIO(text)))[1:]) == sorted(CLASS)


@pytest.mark.slow
def test_a_one_word_unplaced_entry_wraps_and_the_other_columns_keep_their_words_at_360_px(bench, browser):
    """The learner view's overflow-wrap: anywhere must not squeeze the staff table to one-letter columns."""
    scenario = "customer_tenet.2"  # a scenario no other test in this module summarises
    long_word = "Supercalifragilisticexpialidociouscustomerservicerepresentatives" * 2
    response = WorkbenchUser(bench, "long-worder", scenario).post("submit", {"answer": f"my team\n{long_word}"})
    assert response.status_code == 200
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(f"{bench}/scenario/{scenario}/?student=staff-phone")
    section = page.locator(".ct-insights")
    section.get_by_role("button", name="Load the class summary").click()
    entry = section.locator(".ct-unplaced-entry").first
    entry.wait_for()
    assert entry.text_content() == normalise_entry(long_word)
    layout = section.evaluate("""section => {
        const lines = node => {  // line boxes of a cell's text
            const range = document.createRange();
            range.selectNodeContents(node);
            return new Set(Array.from(range.getClientRects(), rect => Math.round(rect.top))).size;
        };
        const cells = Array.from(section.querySelectorAll('.ct-unplaced-table th, .ct-unplaced-table td'));
        return {
            overflow: section.scrollWidth - section.clientWidth,
            entryLines: lines(section.querySelector('.ct-unplaced-entry')),
            // a cell whose text takes more lines than it has words has had a word broken
            brokenWords: cells.filter(cell => !cell.classList.contains('ct-unplaced-entry'))
                .filter(cell => lines(cell) > cell.textContent.trim().split(/\\s+/).length)
                .map(cell => cell.textContent),
        };
    }""")
    assert layout["overflow"] <= 0 and layout["entryLines"] > 1 and layout["brokenWords"] == [], layout
    context.close()


def submitted_screenshot():
    target = REPO / "test-artifacts"
    target.mkdir(exist_ok=True)
    return target / "staff-summary.png"


@pytest.mark.slow
def test_learner_page_has_no_summary(submitted, page):
    page.goto(f"{submitted}/scenario/{SCENARIO}/?student=ana")
    page.locator(".ct-form").wait_for()
    assert page.locator(".ct-insights").count() == 0
    assert page.evaluate("typeof window.CustomerTenetInsights") == "undefined"


@pytest.mark.slow
def test_staff_add_an_unplaced_entry_as_a_synonym_from_the_page(bench, page):
    """Issue 13: one click on the class summary stores the synonym; the page says scores change on rescore."""
    scenario = "customer_tenet.1"  # its own class, so the other tests' rubric stays as it is
    for learner in ("kit", "lou"):
        response = WorkbenchUser(bench, learner, scenario).post("submit", {"answer": "policyholders\nthe harbour pilots"})
        assert response.status_code == 200
    page.goto(f"{bench}/scenario/{scenario}/?student=staff-synonyms")
    section = page.locator(".ct-insights")
    assert "Rescore All Learners' Submissions" in section.locator(".ct-insights-rescore").inner_text()
    section.get_by_role("button", name="Load the class summary").click()
    row = section.locator(".ct-unplaced-table tbody tr").filter(has_text=normalise_entry("the harbour pilots"))
    row.wait_for()
    suggested = row.locator(".ct-suggested-label").inner_text()
    with page.expect_response(lambda response: "/add_synonym/" in response.url) as added:
        row.get_by_role("button", name=f"Add as a synonym: “{normalise_entry('the harbour pilots')}” to {suggested}").click()
    assert added.value.status == 200
    row.locator(".ct-add-synonym-outcome").filter(has_text="rescore").wait_for()
    section.get_by_role("button", name="Load the class summary").click()
    section.locator(".ct-insights-no-unplaced").wait_for(state="visible")


def test_the_summary_says_scores_change_on_rescore_and_where_to_add_synonyms_on_the_lms():
    """
    Issue 13: the rescore note with this problem's location, and, since the
    LMS keeps authored settings read-only (lms/djangoapps/lms_xblock/field_data.py),
    the way to the Studio editor's panel that adds the same entries.
    """
    html = staff_block().student_view().content
    assert "Rescore All Learners&#x27; Submissions" in html and "location (usage-1)" in html
    assert "“Show what learners wrote”" in html and "select Edit on this problem" in html


def lms_add_synonym_refusal():
    """
    What the real add_synonym answers course staff in the LMS, whose authored
    fields are read-only (lms/djangoapps/lms_xblock/field_data.py, XBlock's
    ReadOnlyFieldData): status and JSON body.
    """
    from xblock.field_data import DictFieldData, ReadOnlyFieldData, SplitFieldData
    authored, learner = ReadOnlyFieldData(DictFieldData({})), DictFieldData({})
    runtime = RecordingRuntime(user_id="staff-1", is_staff=True)
    runtime._services["field-data"] = SplitFieldData({  # pylint: disable=protected-access
        Scope.content: authored, Scope.settings: authored, Scope.parent: authored, Scope.children: authored,
        Scope.user_state: learner, Scope.user_state_summary: learner, Scope.user_info: learner,
        Scope.preferences: learner,
    })
    return call_handler(make_block(runtime=runtime), "add_synonym", {"entry": "the lighthouse keeper", "group": "coworkers"})


@pytest.mark.slow
def test_where_the_page_cannot_store_the_refusal_hides_the_buttons_and_names_the_editors_panel(submitted, page):
    """
    In the LMS (lms/djangoapps/lms_xblock/field_data.py) every one-action
    button would fail alike: after the first refusal the page hides them and
    says where the same list can add synonyms. The workbench stores authored
    fields, so the LMS's own answer, computed by the real handler, is served here.
    """
    import json
    status, body = lms_add_synonym_refusal()
    assert (status, body["code"]) == (403, "studio_only")
    page.route("**/add_synonym/**", lambda route: route.fulfill(
        status=status, content_type="application/json", body=json.dumps(body)))
    page.goto(f"{submitted}/scenario/{SCENARIO}/?student=staff1")
    section = page.locator(".ct-insights")
    section.get_by_role("button", name="Load the class summary").click()
    buttons = section.locator(".ct-add-synonym")
    buttons.first.wait_for()
    assert buttons.count() >= 2
    buttons.first.click()
    outcome = section.locator(".ct-add-synonym-outcome").first
    outcome.filter(has_text="Show what learners wrote").wait_for()
    assert outcome.text_content() == body["error"]
    assert all(button.is_hidden() for button in buttons.all())
