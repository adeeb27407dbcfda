"""
The course's "Show Results" setting (show_correctness): where it hides
correctness, the learner sees no score and no found or missed group, in the
page, in learner_state or in the submit response; the grade still goes to the
LMS, which hides it on its own pages.
"""
import json
from datetime import timedelta

import pytest

from customer_tenet_xblock.exercise.feedback import correctness_visible
from customer_tenet_xblock.exercise.presets import INSURANCE
from helpers import call_handler, view_data
from lms_learner import HOUR, NOW, make_lms_block

ANSWER = "policyholders\nagents"
LABELS = [group.label for group in INSURANCE.groups]


def submit(block, answer=ANSWER):
    return call_handler(block, "submit", {"answer": answer})


def page_data(block):
    """The student view's data, as the page's script receives them."""
    return view_data(block.student_view())


def assert_shows_nothing_of_the_grading(state):
    assert state["feedback"] is None and state["score_text"] == ""
    text = json.dumps(state)
    assert not [label for label in LABELS if label in text]
    assert "points" not in text


def test_never_shows_no_score_or_groups_but_still_grades():
    """
    Mirrors xmodule/capa_block.py (_get_answer_notification: "Answer
    submitted." instead of correct/incorrect and points when
    correctness_available() is false; the grade is published all the same).
    """
    block = make_lms_block(show_correctness="never")
    status, state = submit(block)
    assert status == 200
    assert_shows_nothing_of_the_grading(state)
    assert state["submitted_text"] == "Your answer has been submitted."
    assert state["attempts"] == 1 and state["answer"] == ANSWER
    assert block.runtime.grade_events() == [{"value": 2.0, "max_value": 6.0, "only_if_higher": False}]
    _status, later = call_handler(block, "learner_state", {})
    assert_shows_nothing_of_the_grading(later)
    assert_shows_nothing_of_the_grading(page_data(block)["state"])
    assert not [label for label in LABELS if label in json.dumps(page_data(block))]


def test_never_hides_it_from_staff_too():
    """Mirrors xblock/scorable.py (ShowCorrectness.correctness_available: "never" is checked before staff access)."""
    block = make_lms_block(show_correctness="never", is_staff=True)
    _status, state = submit(block)
    assert_shows_nothing_of_the_grading(state)


@pytest.mark.parametrize("settings", [
    {"due": NOW + HOUR},
    {"due": NOW - HOUR, "graceperiod": 2 * HOUR},  # the due date passed, the grace period not yet
], ids=["before-due", "within-grace"])
def test_past_due_hides_it_from_learners_until_the_close_date(settings):
    """
    Mirrors xmodule/capa_block.py (correctness_available() passes close_date,
    the due date plus the grace period, to ShowCorrectness in xmodule/graders.py).
    """
    block = make_lms_block(show_correctness="past_due", **settings)
    status, state = submit(block)
    assert status == 200
    assert_shows_nothing_of_the_grading(state)
    assert state["submitted_text"] == (
        "Your answer has been submitted. Your results will be shown after the due date.")


def test_past_due_shows_it_once_the_close_date_has_passed():
    """Mirrors xmodule/graders.py (ShowCorrectness.correctness_available: "past_due" and a past due date)."""
    block = make_lms_block(show_correctness="past_due", due=NOW + HOUR)
    submit(block)
    block.due = NOW - HOUR
    state = block.state_for_learner()
    assert state["feedback"]["found_count"] == 2 and state["submitted_text"] == ""
    assert "2/6" in state["score_text"]


def test_past_due_shows_it_to_staff_at_once():
    """Mirrors xmodule/graders.py (ShowCorrectness.correctness_available: staff see correctness unless "never")."""
    block = make_lms_block(show_correctness="past_due", due=NOW + HOUR, is_staff=True)
    _status, state = submit(block)
    assert state["feedback"]["found_count"] == 2


@pytest.mark.parametrize("show_correctness", ["always", ""])
def test_always_shows_it(show_correctness):
    """Mirrors xmodule/graders.py (ShowCorrectness: "always", or any other value, shows correctness)."""
    block = make_lms_block(show_correctness=show_correctness, due=NOW + HOUR)
    _status, state = submit(block)
    assert state["feedback"]["found_count"] == 2 and state["submitted_text"] == ""


@pytest.mark.parametrize("show_correctness", ["always", "past_due", "never", "never_but_include_grade", "", "x"])
@pytest.mark.parametrize("close_date", [None, NOW - HOUR, NOW + HOUR])
@pytest.mark.parametrize("is_staff", [False, True])
def test_the_rule_is_the_platforms(show_correctness, close_date, is_staff):
    """Mirrors xblock/scorable.py (ShowCorrectness.correctness_available, moved there from xmodule/graders.py)."""
    from xblock.scorable import ShowCorrectness
    now = NOW + timedelta(seconds=1)
    assert correctness_visible(show_correctness, close_date, is_staff, now) == \
        ShowCorrectness.correctness_available(show_correctness, close_date, is_staff)
