"""
The block in a runtime that records every event: handlers, refusals, grades,
rescoring, views and OLX.
"""
import json

import pytest
from lxml import etree
from webob import Request
from xblock.exceptions import JsonHandlerError

from customer_tenet_xblock.block.json_api import JsonRefusal, json_api
from customer_tenet_xblock.exercise import olx
from customer_tenet_xblock.exercise.presets import INSURANCE, MANAGERS
from customer_tenet_xblock.exercise.settings import Exercise
from customer_tenet_xblock.rubric.taxonomy import Group
from helpers import RecordingRuntime, call_handler, learner_fields, make_block, view_data

THREE_GROUPS = "policyholders\nagents\ncoworkers"
FIVE_GROUPS = "policyholders\nagents\ncoworkers\nmy manager\nunderwriting"
TWO_GROUPS = "policyholders\nagents"


def submit(block, answer, reflection=None):
    body = {"answer": answer}
    if reflection is not None:
        body["reflection"] = reflection
    return call_handler(block, "submit", body)


def page_data(block):
    """The student view's data, as the page's script receives them."""
    return view_data(block.student_view())


def assert_no_group_given_away(data):
    """No id, label, hint, why-it-matters text, synonym or points of any group."""
    flat = json.dumps(data).lower()
    taxonomy = INSURANCE
    words = [text.lower() for group in taxonomy.groups
             for text in (group.id, group.label, group.hint, group.why, *group.synonyms)]
    assert [word for word in words if word and word in flat] == []
    assert '"points"' not in flat and '"hint"' not in flat


def grade(value, possible=6.0, only_if_higher=False):
    return {"value": value, "max_value": possible, "only_if_higher": only_if_higher}


class TestGradeEvents:
    def test_first_submission_publishes_its_score(self, block):
        status, state = submit(block, THREE_GROUPS)
        assert status == 200
        assert block.runtime.grade_events() == [grade(3.0)]
        assert state["feedback"]["found_count"] == 3
        assert state["attempts"] == 1

    def test_improvement_raises_the_grade(self, block):
        submit(block, THREE_GROUPS)
        submit(block, FIVE_GROUPS)
        assert block.runtime.grade_events() == [grade(3.0), grade(5.0)]
        assert block.get_score().raw_earned == 5.0

    def test_worse_retry_keeps_the_best_score(self, block):
        submit(block, FIVE_GROUPS)
        status, state = submit(block, TWO_GROUPS)
        assert status == 200
        assert block.runtime.grade_events() == [grade(5.0), grade(5.0)]
        # The learner sees feedback on what they just wrote, and the score that counts.
        assert state["feedback"]["found_count"] == 2
        assert state["feedback"]["score_text"] == "2 of 6 customer groups — 2/6 points"
        assert "5/6" in state["score_text"]
        assert block.answer == TWO_GROUPS and block.best_answer == FIVE_GROUPS

    def test_the_submit_answer_says_the_attempts_and_the_score_that_counts(self):
        block = make_block(Exercise(max_attempts=2))
        _status, first = submit(block, THREE_GROUPS)
        assert (first["attempts_text"], first["attempts_left_text"]) == (
            "You have used 1 of 2 attempts.", "1 attempt left")
        _status, last = submit(block, TWO_GROUPS)
        assert (last["attempts_text"], last["attempts_left_text"], last["score_text"]) == (
            "You have used 2 of 2 attempts.", "0 attempts left", "Score that counts (your best attempt): 3/6 points")
        _status, unlimited = submit(make_block(), TWO_GROUPS)
        assert (unlimited["attempts_text"], unlimited["attempts_left_text"], unlimited["max_attempts"]) == (
            "You have used 1 attempt. Attempts are unlimited.", "", 0)

    def test_attempts_exhausted_refuses_without_an_event(self):
        block = make_block(Exercise(max_attempts=2))
        submit(block, TWO_GROUPS)
        status, state = submit(block, THREE_GROUPS)
        assert status == 200 and state["attempts_left"] == 0 and state["can_submit"] is False
        before = learner_fields(block)
        status, body = submit(block, FIVE_GROUPS)
        assert status == 409 and body["code"] == "no_attempts_left"
        assert learner_fields(block) == before
        assert block.runtime.grade_events() == [grade(2.0), grade(3.0)]

    def test_rescore_after_the_author_adds_a_synonym(self, block):
        submit(block, "policyholders\nthe zorblax")
        assert block.runtime.grade_events() == [grade(1.0)]
        taxonomy = block.exercise.taxonomy
        groups = tuple(
            Group(**{**g.__dict__, "synonyms": ("zorblax",)}) if g.id == "management" else g
            for g in taxonomy.groups
        )
        block.store_exercise(block.exercise.with_changes(taxonomy=taxonomy.__class__(groups=groups)))
        block.rescore(only_if_higher=False)
        assert block.runtime.grade_events()[-1] == grade(2.0)
        assert block.get_score().raw_earned == 2.0

    def test_rescore_after_the_author_changes_points(self, block):
        submit(block, THREE_GROUPS)
        taxonomy = block.exercise.taxonomy
        groups = tuple(Group(**{**g.__dict__, "points": 2.0}) for g in taxonomy.groups)
        block.store_exercise(block.exercise.with_changes(taxonomy=taxonomy.__class__(groups=groups)))
        assert block.max_score() == 12.0
        block.rescore(only_if_higher=True)
        assert block.runtime.grade_events()[-1] == grade(6.0, possible=12.0, only_if_higher=True)

    def test_balance_criterion_points(self):
        block = make_block(Exercise(taxonomy=MANAGERS))
        submit(block, "my direct reports")
        submit(block, "my direct reports\nour clients")
        # 1 point per group found, plus 1 for naming inside and outside customers.
        assert block.runtime.grade_events() == [grade(1.0, 4.0), grade(3.0, 4.0)]

    def test_publish_grade_republishes_the_stored_score(self, block):
        submit(block, THREE_GROUPS)
        block.publish_grade()
        assert block.runtime.grade_events()[-1] == {"value": 3.0, "max_value": 6.0, "only_if_higher": None}

    def test_completion_comes_from_the_grade_event(self, block):
        """
        The LMS marks a completable scored block complete when its grade event
        arrives (completion's scorable_block_completion handler): so the block
        keeps the default mode and sends a grade on every graded submission.
        """
        from xblock.completable import XBlockCompletionMode
        assert XBlockCompletionMode.get_mode(type(block)) == XBlockCompletionMode.COMPLETABLE
        assert not getattr(block, "has_custom_completion", False)
        submit(block, "my dog")  # nothing found still completes the exercise
        assert block.runtime.grade_events() == [grade(0.0)]

    def test_unbound_max_score_reads_only_configuration(self):
        assert make_block().max_score() == 6.0
        assert make_block(Exercise(taxonomy=MANAGERS)).max_score() == 4.0


class TestRefusals:
    """Every refusal case is in test_hostile.py; here, the form a refusal takes."""

    def test_refusals_are_xblocks_own_json_handler_error(self, block):
        """
        As XBlock.json_handler answers a JsonHandlerError (xblock/core.py): its
        status and its message as "error"; JsonRefusal, one of them, adds our code.
        """
        def plain(self, data, suffix=""):
            raise JsonHandlerError(409, "plain")

        def ours(self, data, suffix=""):
            raise JsonRefusal(409, "our_code", "ours")

        for handler, body in ((plain, {"error": "plain"}), (ours, {"error": "ours", "code": "our_code"})):
            request = Request.blank("/", method="POST", body=b"{}", content_type="application/json")
            response = json_api(handler)(block, request)
            assert (response.status_code, response.json) == (409, body)

    def test_the_blocks_refusals_are_json_handler_errors(self, block):
        """What the block refuses, it refuses as XBlock's handlers do (xblock/core.py's JsonHandlerError)."""
        block.max_attempts, block.attempts = 1, 1
        with pytest.raises(JsonHandlerError) as refused:
            type(block).submit.__wrapped__(block, {"answer": "agents"})
        assert (refused.value.status_code, refused.value.code) == (409, "no_attempts_left")


class TestLearnerText:
    def test_control_characters_and_lone_surrogates_are_cleaned(self, block):
        status, state = submit(block, "policy\x00holders\nagents\ud800\n\u202eright-to-left")
        assert status == 200
        assert "\x00" not in block.answer and "\ud800" not in block.answer
        assert state["answer"] == block.answer

    def test_reflection_is_saved_with_the_answer(self, block):
        submit(block, THREE_GROUPS, reflection="  So many internal customers!  ")
        assert block.reflection == "So many internal customers!"
        assert block.state_for_learner()["reflection"] == "So many internal customers!"


class TestFeedback:
    def test_rows_found_missed_unplaced_and_balance(self, block):
        _, state = submit(block, "policyholders\nagents\nmy dog")
        feedback = state["feedback"]
        rows = {row["id"]: row for row in feedback["groups"]}
        assert [row["id"] for row in feedback["groups"]] == [
            "policyholders", "agents", "agent_staff", "departments", "management", "coworkers"]
        assert rows["policyholders"]["found"] and rows["policyholders"]["entries"][0]["text"] == "policyholders"
        assert not rows["coworkers"]["found"] and rows["coworkers"]["hint"]
        # Unlimited attempts: why a missed group matters waits (policy "after the last attempt").
        assert rows["coworkers"]["why"] == "" and rows["policyholders"]["why"]
        assert feedback["unplaced"] == ["my dog"]
        assert "only external" in feedback["balance"]["message"]
        assert feedback["takeaway"] == ""

    def test_last_attempt_shows_why_and_the_takeaway(self):
        block = make_block(Exercise(max_attempts=1))
        _, state = submit(block, TWO_GROUPS)
        rows = {row["id"]: row for row in state["feedback"]["groups"]}
        assert rows["coworkers"]["why"]
        assert state["feedback"]["takeaway"]

    def test_finding_every_group_shows_the_takeaway(self, block):
        _, state = submit(block, "policyholders\nagents\nagent staff\nother departments\nmanagement\ncoworkers")
        assert state["feedback"]["found_count"] == 6
        assert "everyone" in state["feedback"]["takeaway"].lower()
        assert "inside and outside" in state["feedback"]["balance"]["message"]

    def test_show_why_always(self):
        block = make_block(Exercise(show_why="always"))
        _, state = submit(block, TWO_GROUPS)
        assert all(row["why"] for row in state["feedback"]["groups"])

    def test_state_survives_a_new_block_instance(self, block):
        submit(block, THREE_GROUPS, reflection="noted")
        again = block.runtime.construct_xblock_from_class(type(block), block.scope_ids)
        state = again.state_for_learner()
        assert state["answer"] == THREE_GROUPS and state["reflection"] == "noted"
        assert state["feedback"]["found_count"] == 3 and state["attempts"] == 1

    def test_learner_state_handler(self, block):
        submit(block, THREE_GROUPS)
        status, state = call_handler(block, "learner_state", {})
        assert status == 200 and state["answer"] == THREE_GROUPS


class TestViews:
    def test_student_view_renders_the_exercise(self, block):
        fragment = block.student_view()
        assert "Who are your customers?" in fragment.content
        html_id = block.html_id()
        assert f'<label class="ct-label" for="{html_id}-answer">' in fragment.content
        assert fragment.js_init_fn == "CustomerTenetXBlock"
        # Script and style sheet by URL, so that browsers cache them.
        assert [(r.kind, r.data) for r in fragment.resources if r.mimetype == "text/css"] == [
            ("url", "/resource/css/min/palette.css"), ("url", "/resource/css/min/customer_tenet.css")]
        assert [(r.kind, r.data) for r in fragment.resources if r.mimetype == "application/javascript"] == [
            ("url", "/resource/js/min/i18n.js"), ("url", "/resource/js/min/common.js"), ("url", "/resource/js/min/customer_tenet.js")]

    def test_prompt_markdown_is_sanitised(self):
        prompt = ("**Bold** <script>alert(1)</script> <img src=x onerror=alert(2)> "
                  "[link](javascript:alert(3)) <a href='https://example.org' onclick='x()'>ok</a>")
        block = make_block(Exercise(prompt=prompt))
        html = block.runtime.render(block, "student_view").content
        assert "<strong>Bold</strong>" in html
        assert "<script>alert(1)" not in html and "onerror" not in html
        assert "onclick" not in html
        # The javascript: link is not a link: CommonMark leaves it as the text the author typed.
        links = etree.HTML(html).xpath("//a/@href")
        assert links == ["https://example.org"] and "[link](javascript:alert(3))" in html

    def test_authored_texts_are_escaped(self):
        block = make_block(Exercise(display_name="<b>Name</b>", reflection_prompt="<img src=x onerror=1>"))
        html = block.runtime.render(block, "student_view").content
        assert "&lt;b&gt;Name&lt;/b&gt;" in html and "<img src=x" not in html

    def test_student_view_data_gives_no_group_away_and_has_no_learner_state(self, block):
        submit(block, THREE_GROUPS)
        data = block.student_view_data()
        assert data["slots"] == {"internal": 3, "external": 3}  # the empty map's shape
        assert_no_group_given_away(data)
        assert THREE_GROUPS not in repr(data)
        assert data["max_score"] == 6.0 and data["max_attempts"] == 0

    def test_a_new_learners_page_data_gives_no_group_away(self, block):
        init = page_data(block)
        assert init["slots"] == {"internal": 3, "external": 3}
        assert init["state"]["feedback"] is None
        assert_no_group_given_away(init)

    def test_after_an_answer_the_page_data_holds_what_the_feedback_shows(self, block):
        submit(block, THREE_GROUPS)
        init = page_data(block)
        # The feedback draws the map: the empty map's shape is no longer sent.
        assert "groups" not in init and "slots" not in init
        rows = {row["label"]: row for row in init["state"]["feedback"]["groups"]}
        assert rows["Coworkers"]["found"] and not rows["Agent staffs"]["found"]
        assert "synonyms" not in repr(init)  # how groups are matched is never sent
        # Nothing the feedback does not show: no group id, no count or rule beside the texts that say them.
        assert ["id" in row for row in rows.values()] == [False] * 6
        assert "hint" not in rows["Coworkers"] and rows["Agent staffs"]["hint"]  # a found group shows no hint
        shown = json.dumps(init)
        assert not [key for key in ('"attempts_left"', "found_count", "applies", '"rule"', '"words"') if key in shown]

    def test_validate_reports_problems(self):
        block = make_block(Exercise(taxonomy=MANAGERS.__class__(groups=())))
        messages = block.validate().messages
        assert any("at least one customer group" in m.text for m in messages)
        assert make_block().validate().messages == []


class TestOlx:
    def test_block_olx_round_trip(self):
        block = make_block(Exercise(taxonomy=MANAGERS, max_attempts=3))
        node = etree.Element("root")
        block.add_xml_to_node(node)
        text = etree.tostring(node, encoding="unicode")
        assert node.tag == "customer_tenet"
        again = make_block(olx.parse_olx_text(text))
        assert again.exercise == block.exercise

    def test_parse_xml_through_the_runtime(self):
        runtime = RecordingRuntime()
        node = etree.fromstring('<customer_tenet max_attempts="2"><group id="a" side="internal">'
                                '<label>A team</label></group></customer_tenet>')
        from xblock.fields import ScopeIds

        from customer_tenet_xblock.block import CustomerTenetXBlock
        ids = ScopeIds("u", "customer_tenet", "d", "u1")
        block = CustomerTenetXBlock.parse_xml(node, runtime, ids)
        assert block.max_attempts == 2 and [g["id"] for g in block.groups] == ["a"]
