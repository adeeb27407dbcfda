"""
Due dates in the LMS: past the due date plus the grace period, the block
accepts no answer (as a CAPA problem is closed), and its view says so.
The course settings come from the stand-ins in mixin_stand_ins.py.
"""
import gettext

import pytest

from customer_tenet_xblock.exercise.i18n import LOCALE_DIR
from customer_tenet_xblock.exercise.settings import Exercise
from helpers import RecordingRuntime, call_handler, learner_fields, make_block
from lms_learner import HOUR, NOW, make_lms_block

FIRST = "policyholders\nagents"
BETTER = "policyholders\nagents\ncoworkers"


def submit(block, answer):
    return call_handler(block, "submit", {"answer": answer})


def answered_then_closed(**settings):
    """A learner who answered before the due date; the date then passed."""
    block = make_lms_block(**settings)
    status, _state = submit(block, FIRST)
    assert status == 200
    block.due = NOW - HOUR
    return block


@pytest.mark.parametrize("due, graceperiod", [
    (NOW - HOUR, None),  # past the due date, no grace period
    (NOW - 3 * HOUR, 2 * HOUR),  # past the grace period too
], ids=["past-due", "past-grace-period"])
def test_past_the_close_date_an_answer_is_refused_and_nothing_changes(due, graceperiod):
    """
    Mirrors xmodule/capa_block.py (closed(), is_past_due(): the due date plus
    the grace period, from xmodule/modulestore/inheritance.py close_date):
    a problem past its close date takes no answer.
    """
    block = answered_then_closed()
    block.due, block.graceperiod = due, graceperiod
    before = learner_fields(block)
    status, body = submit(block, BETTER)
    assert (status, body["code"]) == (403, "deadline_passed")
    assert body["error"] == "The due date has passed: answers are no longer accepted."
    assert learner_fields(block) == before  # no attempt used, the answer and score kept
    assert len(block.runtime.grade_events()) == 1  # only the answer given in time


@pytest.mark.parametrize("settings", [
    {"due": NOW - HOUR, "graceperiod": 2 * HOUR},  # within the grace period
    {"due": NOW + HOUR},  # not due yet
    {"due": NOW - HOUR, "self_paced": True},  # self-paced courses have no deadlines
    {},  # no due date
], ids=["within-grace", "not-due-yet", "self-paced", "no-due-date"])
def test_before_the_close_date_answers_are_graded(settings):
    """
    Mirrors xmodule/modulestore/inheritance.py (has_deadline_passed(): a
    self-paced course or a block with no due date never closes; the grace
    period extends the due date).
    """
    block = make_lms_block(**settings)
    status, state = submit(block, BETTER)
    assert status == 200 and state["attempts"] == 1
    assert state["can_submit"] is True and state["deadline_passed"] is False
    assert block.runtime.grade_events()[-1]["value"] == 3.0


def test_the_refusal_is_translated():
    """Mirrors xmodule/capa_block.py (submit_problem refuses a closed problem with a translated message)."""
    runtime = RecordingRuntime()
    runtime._services["i18n"] = gettext.translation("text", str(LOCALE_DIR), ["es"])
    block = make_lms_block(runtime=runtime, due=NOW - HOUR)
    status, body = submit(block, FIRST)
    assert status == 403
    assert body["error"] != "The due date has passed: answers are no longer accepted."
    assert "fecha" in body["error"]


def test_the_view_says_the_deadline_passed_and_keeps_the_feedback():
    """
    Mirrors xmodule/capa_block.py (closed(): past the due date the problem is
    closed like one whose attempts are used up, its results still shown).
    """
    block = answered_then_closed()
    state = block.state_for_learner()
    assert state["can_submit"] is False and state["deadline_passed"] is True
    assert state["closed_text"] == "The due date has passed: answers are no longer accepted."
    assert state["answer"] == FIRST and state["feedback"]["found_count"] == 2
    # No attempt is left to make: why each missed group matters, and the takeaway, are shown.
    rows = {row["id"]: row for row in state["feedback"]["groups"]}
    assert rows["coworkers"]["why"] and state["feedback"]["takeaway"]
    status, same = call_handler(block, "learner_state", {})
    assert status == 200 and same == state


def test_a_deadline_beats_attempts_left():
    """Mirrors xmodule/capa_block.py (closed(): closed by the date even with attempts left)."""
    block = answered_then_closed(exercise=Exercise(max_attempts=3))
    state = block.state_for_learner()
    assert state["attempts_left"] == 2 and state["can_submit"] is False


def test_outside_the_lms_there_is_no_deadline():
    """The workbench mixes in no course settings: the block neither closes nor fails."""
    block = make_block()
    assert not hasattr(block, "due")
    status, state = submit(block, FIRST)
    assert status == 200 and state["deadline_passed"] is False and state["closed_text"] == ""
