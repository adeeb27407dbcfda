"""
Studio authoring: the editor's JSON becomes an Exercise (or per-field
problems), the save/preview/preset handlers for authors only, author_view,
and rescoring after an author's save.
"""
import copy
import json

import pytest
import requests
from xblock.fields import ScopeIds
from xblock.runtime import NullI18nService

from customer_tenet_xblock.block import CustomerTenetXBlock
from customer_tenet_xblock.block.studio import editor_data, id_from_label, read_editor
from customer_tenet_xblock.exercise.presets import ANY_ORGANISATION, INSURANCE, MANAGERS
from customer_tenet_xblock.exercise.settings import Exercise
from customer_tenet_xblock.exercise.validation import MAX_LABEL_LENGTH
from helpers import (
    MANAGERS_SCENARIO,
    ListUserStateClient,
    RecordingRuntime,
    call_handler,
    learner_fields,
    make_block,
    submitted_states,
    workbench_post,
)

I18N = NullI18nService()
BASE = Exercise()


def config(**changes):
    data = editor_data(BASE)
    data.update(changes)
    return data


def with_group(data, **group):
    data = copy.deepcopy(data)
    data["groups"].append({"id": "", "label": "", "side": "external", "points": "1",
                           "hint": "", "why": "", "synonyms": "", **group})
    return data


def problems_of(data):
    exercise, problems = read_editor(data, BASE, I18N)
    assert (exercise is None) == bool(problems)
    return problems


def staff_block(exercise=None):
    return make_block(exercise, runtime=RecordingRuntime("author-1", is_staff=True))


class TestReadEditor:
    @pytest.mark.parametrize("taxonomy", [INSURANCE, MANAGERS, ANY_ORGANISATION])
    def test_what_the_editor_shows_reads_back_unchanged(self, taxonomy):
        exercise = Exercise(taxonomy=taxonomy, max_attempts=3, weight=2.5, show_why="always")
        assert read_editor(editor_data(exercise), BASE, I18N) == (exercise, {})

    def test_the_form_sends_text_and_it_is_read_as_numbers_and_lines(self):
        data = with_group(config(max_attempts=" 4 ", weight="1.5", balance_points="2"),
                          label="Suppliers", points="2.5", synonyms=" vendors \n\n  wholesalers\r\n")
        exercise, problems = read_editor(data, BASE, I18N)
        assert problems == {}
        assert (exercise.max_attempts, exercise.weight, exercise.taxonomy.balance_points) == (4, 1.5, 2.0)
        group = exercise.taxonomy.groups[-1]
        assert group.synonyms == ("vendors", "wholesalers") and group.points == 2.5

    def test_a_new_group_gets_an_id_from_its_label(self):
        exercise, _ = read_editor(with_group(config(), label="Brokers' clerks"), BASE, I18N)
        assert exercise.taxonomy.groups[-1].id == "brokers_clerks"
        # "agent_staff" is taken by the insurance example.
        exercise, _ = read_editor(with_group(config(), label="Agent staff"), BASE, I18N)
        assert exercise.taxonomy.groups[-1].id == "agent_staff_2"

    def test_generated_ids_never_collide(self):
        data = with_group(with_group(config(), label="Coworkers 2"), label="Coworkers_2")
        exercise, problems = read_editor(data, BASE, I18N)
        ids = [group.id for group in exercise.taxonomy.groups]
        assert problems == {} and ids[-2:] == ["coworkers_2", "coworkers_2_2"]

    def test_an_existing_id_stays_when_the_label_changes(self):
        data = config()
        data["groups"][0]["label"] = "Insured people"
        exercise, _ = read_editor(data, BASE, I18N)
        assert exercise.taxonomy.groups[0].id == "policyholders"

    @pytest.mark.parametrize("label, expected", [
        ("Équipe café", "equipe_cafe"), ("  --Big   Clients--  ", "big_clients"), ("客户", "group"),
    ])
    def test_id_from_label(self, label, expected):
        assert id_from_label(label, set()) == expected

    @pytest.mark.parametrize("changes, field, words", [
        ({"max_attempts": "two"}, "max_attempts", "whole number"),
        ({"max_attempts": "2.5"}, "max_attempts", "whole number"),
        ({"max_attempts": "-1"}, "max_attempts", "between 0"),
        ({"weight": "heavy"}, "weight", "a number"),
        ({"weight": "NaN"}, "weight", "a number"),
        ({"display_name": "  "}, "display_name", "needs a display name"),
        ({"display_name": "x" * (MAX_LABEL_LENGTH + 1)}, "display_name", "at most"),
        ({"prompt": ""}, "prompt", "needs a prompt"),
        ({"show_why": "sometimes"}, "show_why", "Choose when"),
        ({"groups": []}, "groups", "at least one customer group"),
        ({"groups": "policyholders"}, "groups", "could not be read"),
        ({"takeaway": 7}, "takeaway", "Enter text"),
    ])
    def test_each_problem_is_reported_on_its_field(self, changes, field, words):
        problems = problems_of(config(**changes))
        assert words in problems[field]

    @pytest.mark.parametrize("group, field, words", [
        ({"label": "Policyholders"}, "groups.6.label", "same label"),
        ({"label": "Brokers", "id": "agents"}, "groups.6.id", "ids must be unique"),
        ({"label": "Brokers", "id": "Big Agents"}, "groups.6.id", "lowercase letters"),
        ({"label": "Brokers", "points": "-1"}, "groups.6.points", "between 0"),
        ({"label": "Brokers", "points": "lots"}, "groups.6.points", "a number"),
        ({"label": "Brokers", "id": 5}, "groups.6.id", "Enter text"),
        ({"label": "Brokers", "side": "sideways"}, "groups.6.side", "internal or external"),
        ({"label": "Brokers", "hint": "h" * 5001}, "groups.6.hint", "at most"),
        ({"label": "Brokers", "synonyms": "s" * (MAX_LABEL_LENGTH + 1)}, "groups.6.synonyms", "at most"),
    ])
    def test_each_group_problem_is_reported_on_its_field(self, group, field, words):
        problems = problems_of(with_group(config(), **group))
        assert words in problems[field]

    def test_a_group_without_label_or_id_gets_one_message(self):
        assert problems_of(with_group(config())) == {"groups.6.label": "Every group needs a label."}

    def test_total_points_must_be_above_zero(self):
        data = config()
        for group in data["groups"]:
            group["points"] = "0"
        assert "more than 0 points" in problems_of(data)["groups"]

    def test_settings_left_out_keep_their_value(self):
        base = Exercise(max_attempts=5)
        exercise, _ = read_editor({"display_name": "Renamed"}, base, I18N)
        assert exercise == base.with_changes(display_name="Renamed")


class TestSaveHandler:
    def test_an_author_saves_the_configuration(self):
        block = staff_block()
        data = with_group(config(display_name="Customers at the bank", max_attempts="2"),
                          label="Branch tellers", side="internal", synonyms="cashiers")
        status, response = call_handler(block, "studio_save", data)
        assert status == 200 and response["saved"]
        assert block.display_name == "Customers at the bank" and block.max_attempts == 2
        assert block.groups[-1]["id"] == "branch_tellers" and block.groups[-1]["synonyms"] == ["cashiers"]
        assert response["config"]["groups"][-1]["id"] == "branch_tellers"  # the editor shows the new id

    def test_an_invalid_configuration_saves_nothing(self):
        block = staff_block()
        before = block.exercise
        data = with_group(config(display_name="Changed", max_attempts="-3"), label="Policyholders")
        status, response = call_handler(block, "studio_save", data)
        assert status == 400 and response["code"] == "invalid_configuration"
        assert set(response["fields"]) == {"max_attempts", "groups.6.label"}
        assert "2 problems" in response["error"]
        assert block.exercise == before

    @pytest.mark.parametrize("body, code", [
        (b"{nope", "bad_json"),
        ([1, 2], "bad_request"),
        ({"colour": "red"}, "unexpected_field"),
        ({"groups": [{"label": "x", "secret": 1}]}, "unexpected_field"),
    ])
    def test_malformed_requests_are_refused(self, body, code):
        block = staff_block()
        before = block.exercise
        status, response = call_handler(block, "studio_save", body)
        assert (status, response["code"]) == (400, code)
        assert block.exercise == before




class FakeStudioPermissions:
    """Studio's StudioPermissionsService: can_write(course_key) for the current user."""

    def __init__(self, writers):
        self.writers = writers

    def can_write(self, course_key):
        return str(course_key) in self.writers


class TestStudioAuthors:
    """In Studio the user service never sets user_is_staff; write access to the course decides."""

    class Usage(str):
        """Like opaque_keys' BlockUsageLocator: the usage id knows its course."""
        context_key = "course-v1:Org+Course+Run"

    USAGE = Usage("block-v1:Org+Course+Run+type@customer_tenet+block@tenet1")

    def block_in_studio(self, writers):
        runtime = RecordingRuntime("author-1", is_staff=False)
        runtime._services["studio_user_permissions"] = FakeStudioPermissions(writers)  # pylint: disable=protected-access
        ids = ScopeIds("author-1", "customer_tenet", "def-1", self.USAGE)
        return runtime.construct_xblock_from_class(CustomerTenetXBlock, ids)

    def test_a_course_author_may_save(self):
        block = self.block_in_studio({"course-v1:Org+Course+Run"})
        status, _ = call_handler(block, "studio_save", config(display_name="By the author"))
        assert status == 200 and block.display_name == "By the author"

    def test_someone_without_write_access_may_not(self):
        block = self.block_in_studio({"course-v1:Other+Course+Run"})
        status, _ = call_handler(block, "studio_save", config(display_name="By a stranger"))
        assert status == 403 and block.display_name == BASE.display_name


class TestPreview:
    def test_preview_feedback_is_what_a_learner_gets(self):
        """The same feedback, from the unsaved configuration, and nothing saved or recorded."""
        data = with_group(config(max_attempts="3", show_why="always"), label="Regulators", synonyms="the ministry")
        answer = "brokers\nthe ministry\nmy cat"
        author = staff_block()
        status, preview = call_handler(author, "studio_preview", {"config": data, "answer": answer})
        assert status == 200
        assert author.exercise == BASE and author.runtime.events == [] and learner_fields(author)["attempts"] == 0
        found = {group["id"]: group["found"] for group in preview["feedback"]["groups"]}
        assert found["regulators"] and found["agents"] and not found["coworkers"]
        assert preview["feedback"]["unplaced"] == ["my cat"]

        learner = make_block(read_editor(data, BASE, I18N)[0])
        _status, state = call_handler(learner, "submit", {"answer": answer})
        assert preview["feedback"] == state["feedback"]

    def test_the_prompt_preview_is_rendered_and_sanitised(self):
        prompt = "**Who** serves whom?\n\n<script>alert(1)</script><a href=\"javascript:alert(2)\">x</a>"
        status, preview = call_handler(staff_block(), "studio_preview", {"config": config(prompt=prompt)})
        assert status == 200 and preview["feedback"] is None
        assert "<strong>Who</strong>" in preview["prompt_html"]
        assert "<script" not in preview["prompt_html"] and "javascript:" not in preview["prompt_html"]

    def test_an_invalid_configuration_is_reported_per_field(self):
        status, response = call_handler(staff_block(), "studio_preview",
                                        {"config": config(groups=[]), "answer": "agents"})
        assert status == 400 and response["fields"] == {"groups": "Add at least one customer group."}

    def test_the_sample_answer_is_checked_like_a_learners(self):
        status, response = call_handler(staff_block(), "studio_preview", {"config": config(), "answer": "  "})
        assert (status, response["code"]) == (400, "empty_answer")


class TestPresets:
    def test_a_preset_gives_its_groups_and_criterion_points(self):
        status, preset = call_handler(staff_block(), "studio_preset", {"preset": "managers"})
        assert status == 200
        assert [group["id"] for group in preset["groups"]] == [group.id for group in MANAGERS.groups]
        assert preset["balance_points"] == 1.0

    def test_a_preset_changes_nothing_until_saved(self):
        block = staff_block()
        call_handler(block, "studio_preset", {"preset": "any_organisation"})
        assert block.exercise == BASE

    @pytest.mark.parametrize("body", [{"preset": "pirates"}, {}, ["managers"]])
    def test_unknown_presets_are_refused(self, body):
        status, response = call_handler(staff_block(), "studio_preset", body)
        assert (status, response["code"]) == (400, "unknown_preset")


class TestViews:
    def test_studio_view_follows_studios_editor_conventions(self):
        fragment = staff_block().studio_view()
        assert "editor-with-buttons" in fragment.content  # Studio then uses our Save/Cancel
        assert "save-button" in fragment.content and "cancel-button" in fragment.content
        assert fragment.js_init_fn == "CustomerTenetStudio"
        assert json.loads(fragment.json_init_args)["config"] == editor_data(BASE)

    def test_author_view_summarises_the_configuration(self):
        block = make_block(Exercise(taxonomy=MANAGERS, max_attempts=2))
        html = block.render("author_view").content
        assert "3 customer groups" in html and "4 points in all" in html and "2 attempts" in html
        assert "Your own people" in html and "direct_reports" in html
        assert "cannot be graded" not in html

    def test_author_view_lists_problems(self):
        html = make_block(Exercise(taxonomy=MANAGERS.__class__(groups=()))).render("author_view").content
        assert "cannot be graded" in html and "Add at least one customer group." in html

    def test_author_view_escapes_author_text(self):
        block = staff_block()
        call_handler(block, "studio_save", config(display_name="<img src=x onerror=alert(1)>"))
        html = block.render("author_view").content
        assert "<img src=x" not in html and "&lt;img src=x" in html


def grade(value, possible=6.0, only_if_higher=False):
    return {"value": value, "max_value": possible, "only_if_higher": only_if_higher}


class TestRescoreAfterSave:
    """An author saves new synonyms or points in the editor; the LMS's rescore gives the new score."""

    def learner_then_author(self):
        runtime = RecordingRuntime("learner-1", is_staff=False)
        block = make_block(runtime=runtime)
        call_handler(block, "submit", {"answer": "policyholders\nzorblax"})  # no lexicon knows "zorblax"
        assert runtime.grade_events() == [grade(1.0)]
        runtime.service(block, "user").user.opt_attrs["edx-platform.user_is_staff"] = True  # the author now
        return block

    def test_rescore_after_a_synonym_is_saved(self):
        block = self.learner_then_author()
        data = config()
        data["groups"][4]["synonyms"] = "zorblax"  # management
        assert call_handler(block, "studio_save", data)[0] == 200
        block.rescore(only_if_higher=False)
        assert block.runtime.grade_events()[-1] == grade(2.0)
        assert block.get_score().raw_earned == 2.0

    def test_rescore_after_points_are_saved(self):
        block = self.learner_then_author()
        data = config()
        data["groups"][0]["points"] = "4"  # policyholders
        assert call_handler(block, "studio_save", data)[0] == 200
        block.rescore(only_if_higher=False)
        assert block.runtime.grade_events()[-1] == grade(4.0, possible=9.0)


# ---- in the real workbench, over HTTP ---------------------------------------

@pytest.mark.slow
class TestInTheWorkbench:
    def test_the_editor_renders_at_the_studio_view_address(self, workbench):
        page = requests.get(f"{workbench}/scenario/{MANAGERS_SCENARIO}/studio_view/", params={"student": "staff1"},
                            timeout=30)
        assert page.status_code == 200
        assert "customer-tenet-studio editor-with-buttons" in page.text and "CustomerTenetStudio" in page.text

    def test_an_author_saves_and_a_learner_gets_the_new_synonym(self, workbench, managers_config):
        managers_config["groups"][1]["synonyms"] = "quartermasters"  # Peers and other teams
        status, response = workbench_post(workbench, MANAGERS_SCENARIO, "staff-http", "studio_save", managers_config)
        assert status == 200 and response["config"]["groups"][1]["synonyms"] == "quartermasters"
        status, state = workbench_post(workbench, MANAGERS_SCENARIO, "http-learner-syn", "submit",
                                       {"answer": "the quartermasters"})
        found = {group["id"] for group in state["feedback"]["groups"] if group["found"]}
        assert status == 200 and found == {"coworkers"}

    def test_an_invalid_configuration_changes_nothing(self, workbench, managers_config):
        managers_config["groups"][0]["id"] = "coworkers"
        managers_config["display_name"] = "Broken"
        status, response = workbench_post(workbench, MANAGERS_SCENARIO, "staff-http", "studio_save", managers_config)
        assert status == 400 and response["fields"] == {"groups.1.id": response["fields"]["groups.1.id"]}
        assert "ids must be unique" in response["fields"]["groups.1.id"]
        page = requests.get(f"{workbench}/scenario/{MANAGERS_SCENARIO}/", params={"student": "viewer"}, timeout=30)
        assert "Your people are your customers" in page.text and "Broken" not in page.text



# ---- the editor's panel "What learners wrote that no group took" (issue 13) ------------------


class RefusingStateClient:
    """Any read of learners' states fails the test."""

    def iter_all_for_block(self, block_key, scope=None):
        raise AssertionError("learners' states were read")


class TestLearnersPanel:
    """
    In Studio's editor the panel asks the class_summary handler, which Studio
    serves through component_handler and which reads learners' states there
    as in the LMS: Studio loads lms.djangoapps.courseware too.
    """

    COURSE = "course-v1:Org+Course+Run"

    def studio_block(self, writers=(COURSE,), client=None):
        """Studio's editor runtime: a permissions service, no user_is_staff; a state client only if given."""
        runtime = RecordingRuntime("author-1", is_staff=False)
        runtime._services["studio_user_permissions"] = FakeStudioPermissions(set(writers))  # pylint: disable=protected-access
        if client is not None:
            runtime._services["user_state_client"] = client  # pylint: disable=protected-access
        ids = ScopeIds("author-1", "customer_tenet", "def-1", TestStudioAuthors.USAGE)
        return runtime.construct_xblock_from_class(CustomerTenetXBlock, ids)

    def test_the_editor_offers_the_panel_and_the_rescore_note_but_reads_nothing_until_asked(self):
        """
        Studio's editor renders studio_view (cms/djangoapps/contentstore/views/component.py):
        opening it must not read learners' states; the panel says how scores follow.
        """
        html = self.studio_block(client=RefusingStateClient()).studio_view().content
        assert "What learners wrote that no group took" in html
        assert "Show what learners wrote" in html
        assert "Rescore All Learners&#x27; Submissions" in html
        assert "block-v1:Org+Course+Run+type@customer_tenet+block@tenet1" in html

    def test_an_author_gets_the_class_summarys_own_figures(self):
        """
        Studio has lms.djangoapps.courseware in its INSTALLED_APPS (cms/envs/common.py),
        so the state client the LMS's summary uses works in the editor's
        handlers (cms/djangoapps/contentstore/views/component.py): the panel's
        entries, counts and suggestions are the class summary's.
        """
        states = submitted_states()
        status, in_studio = call_handler(self.studio_block(client=ListUserStateClient(states)), "class_summary", {})
        lms_staff = make_block(runtime=RecordingRuntime("staff-1", is_staff=True))
        lms_staff.runtime._services["user_state_client"] = ListUserStateClient(states)  # pylint: disable=protected-access
        assert status == 200
        _status, in_lms = call_handler(lms_staff, "class_summary", {})
        assert in_studio["unplaced"] == in_lms["unplaced"]
        assert in_studio["unplaced"][0]["learners"] == 3 and in_studio["unplaced"][0]["suggested_group"]

    def test_who_may_not_edit_the_course_is_refused(self):
        """Studio's permissions service decides (cms/djangoapps/contentstore/views/component.py serves the handler)."""
        block = self.studio_block(writers=("course-v1:Other+Course+Run",), client=RefusingStateClient())
        status, body = call_handler(block, "class_summary", {})
        assert (status, body["code"]) == (403, "staff_only")
        learner = make_block(runtime=RecordingRuntime("learner-1"))
        learner.runtime._services["user_state_client"] = RefusingStateClient()  # pylint: disable=protected-access
        assert call_handler(learner, "class_summary", {})[0] == 403

    def test_without_a_state_client_the_panel_says_so_and_the_editor_works(self):
        """A runtime without a user-state client: a clear 501, and saving still works."""
        block = self.studio_block()
        assert "Show what learners wrote" in block.studio_view().content
        status, body = call_handler(block, "class_summary", {})
        assert (status, body["code"]) == (501, "no_user_states") and "problem responses report" in body["error"]
        assert call_handler(block, "studio_save", config(display_name="Still saves"))[0] == 200

    def test_a_synonym_added_in_the_panel_is_stored_by_save_and_places_the_entry(self):
        """
        The panel adds to the editor's unsaved groups; studio_save, the handler
        Studio saves the block after (cms/djangoapps/contentstore/views/component.py),
        stores it, and the next summary places the entry.
        """
        block = self.studio_block(client=ListUserStateClient(submitted_states()))
        row = call_handler(block, "class_summary", {})[1]["unplaced"][0]
        data = editor_data(block.exercise)
        group = next(g for g in data["groups"] if g["id"] == row["suggested_group"])
        group["synonyms"] = (group["synonyms"] + "\n" + row["text"]).strip()
        assert call_handler(block, "studio_save", data)[0] == 200
        again = call_handler(block, "class_summary", {})[1]
        assert row["text"] not in [r["text"] for r in again["unplaced"]]
