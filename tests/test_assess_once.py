"""
One submission is split and graded once and writes only the learner fields
whose value changed; one function states when the best attempt counts and
when why-it-matters and the takeaway show (issues 14 and 15).
"""
import pytest
from xblock.field_data import DictFieldData

from customer_tenet_xblock.exercise import submission as submission_module
from customer_tenet_xblock.exercise.assessment import assess, attempts_left, left_after_first_attempt
from customer_tenet_xblock.exercise.settings import SHOW_WHY_ALWAYS, Exercise
from customer_tenet_xblock.rubric import grade, grading, splitting
from helpers import RecordingRuntime, call_handler, make_block

ANSWER = "policyholders\ninsurance brokers\nmy boss"
BETTER = "policyholders\ninsurance brokers\nmy boss\ncoworkers"


class RecordingFieldData(DictFieldData):
    """Fields in a dict, counting what the block reads from and writes to the store."""

    def __init__(self):
        super().__init__({})
        self.reads, self.writes = [], []

    def has(self, block, name):
        self.reads.append(name)
        return super().has(block, name)

    def get(self, block, name):
        self.reads.append(name)
        return super().get(block, name)

    def set_many(self, block, update_dict):
        self.writes.extend(update_dict)
        super().set_many(block, update_dict)


def fresh_block(field_data):
    """A new block instance on the same stored fields, as a runtime builds one per request."""
    runtime = RecordingRuntime()
    runtime._services["field-data"] = field_data  # pylint: disable=protected-access
    return make_block(runtime=runtime)


@pytest.fixture
def counted(monkeypatch):
    """How many times answers are split and entries placed in groups."""
    calls = {"split": 0, "place": 0}

    def counting(name, function):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(submission_module, "split_entries", counting("split", submission_module.split_entries))
    monkeypatch.setattr(grading, "split_entries", counting("split", splitting.split_entries))
    monkeypatch.setattr(grading, "place_entries", counting("place", grading.place_entries))
    grade.cache_clear()
    yield calls
    grade.cache_clear()


def test_a_first_submission_is_split_and_graded_once(counted):
    status, _state = call_handler(make_block(), "submit", {"answer": ANSWER})
    assert status == 200
    assert counted == {"split": 1, "place": 1}


def test_a_later_submission_grades_the_best_answer_so_far_once_more(counted):
    block = make_block()
    call_handler(block, "submit", {"answer": ANSWER})
    grade.cache_clear()
    counted.update(split=0, place=0)
    status, state = call_handler(block, "submit", {"answer": BETTER})
    assert status == 200 and state["feedback"]["found_count"] == 4
    assert counted == {"split": 2, "place": 2}


def test_a_resubmission_writes_only_what_changed():
    """Mirrors xblock/fields.py (Field.__set__ leaves a field equal to the value read unwritten)."""
    field_data = RecordingFieldData()
    call_handler(fresh_block(field_data), "submit", {"answer": ANSWER, "reflection": "My boss too."})
    assert set(field_data.writes) >= {"answer", "best_answer", "reflection", "attempts", "raw_earned",
                                      "raw_possible"}
    field_data.writes.clear()
    # The same score, the same reflection: the best answer and the score stay as stored.
    status, state = call_handler(fresh_block(field_data), "submit",
                                 {"answer": ANSWER + "\nmy dog", "reflection": "My boss too."})
    assert status == 200 and state["attempts"] == 2
    assert sorted(field_data.writes) == ["answer", "attempts"]
    block = fresh_block(field_data)
    assert (block.best_answer, block.raw_earned, block.reflection) == (ANSWER, 3.0, "My boss too.")


def test_the_best_attempt_counts_and_a_tie_keeps_the_earlier_best():
    exercise = Exercise()
    first = assess(exercise, ANSWER, _NullTranslator())
    assert (first.earned, first.best_answer) == (3.0, ANSWER)
    worse = assess(exercise, "policyholders", _NullTranslator(), best_answer=ANSWER)
    assert (worse.result.earned, worse.earned, worse.best_answer) == (1.0, 3.0, ANSWER)
    tie = assess(exercise, "my boss\ninsurance brokers\npolicyholders", _NullTranslator(), best_answer=ANSWER)
    assert (tie.earned, tie.best_answer) == (3.0, ANSWER)
    better = assess(exercise, BETTER, _NullTranslator(), best_answer=ANSWER)
    assert (better.earned, better.best_answer) == (4.0, BETTER)


def test_why_and_the_takeaway_follow_the_attempts_left():
    exercise = Exercise(max_attempts=2)
    after_first = assess(exercise, ANSWER, _NullTranslator(), left_after_first_attempt(exercise))
    missed = [group for group in after_first.feedback["groups"] if not group["found"]]
    assert missed and all(group["why"] == "" for group in missed)
    assert after_first.feedback["takeaway"] == ""
    last = assess(exercise, ANSWER, _NullTranslator(), attempts_left=0)
    assert all(group["why"] for group in last.feedback["groups"])
    assert last.feedback["takeaway"]
    always = assess(exercise.with_changes(show_why=SHOW_WHY_ALWAYS), ANSWER, _NullTranslator(), attempts_left=1)
    assert all(group["why"] for group in always.feedback["groups"])


def test_attempts_left_count_down_to_zero_and_none_means_unlimited():
    assert [attempts_left(3, used) for used in range(5)] == [3, 2, 1, 0, 0]
    assert attempts_left(0, 7) is None and attempts_left(None, 1) is None  # None: the course's setting, unlimited
    assert left_after_first_attempt(Exercise(max_attempts=2)) == 1 and left_after_first_attempt(Exercise()) is None


class _NullTranslator:
    def gettext(self, message):
        return message

    def ngettext(self, singular, plural, count):
        return singular if count == 1 else plural


def test_the_exercise_is_built_without_copying_the_groups(monkeypatch):
    """Mirrors xblock/fields.py (a List field's read deep-copies its default and again to notice in-place changes)."""
    import xblock.fields
    field_data = RecordingFieldData()
    call_handler(fresh_block(field_data), "submit", {"answer": ANSWER})
    copies = []
    real_copy = xblock.fields.copy.deepcopy
    monkeypatch.setattr(xblock.fields.copy, "deepcopy", lambda value, *rest: copies.append(value) or real_copy(value, *rest))
    block = fresh_block(field_data)
    assert len(block.exercise.taxonomy.groups) == 6
    assert copies == []


def test_settings_set_in_the_request_are_what_the_exercise_shows():
    block = make_block()
    assert len(block.exercise.taxonomy.groups) == 6
    block.groups = block.groups[:2]  # as Studio's save and OLX import set them, before the runtime saves
    assert [group.id for group in block.exercise.taxonomy.groups] == ["policyholders", "agents"]
    block.max_entries = 3
    assert block.exercise.max_entries == 3


def test_a_submission_reads_only_the_settings_it_uses():
    """Mirrors workbench/runtime.py (WorkbenchDjangoKeyValueStore: each field read is a database query)."""
    field_data = RecordingFieldData()
    call_handler(fresh_block(field_data), "submit", {"answer": ANSWER})
    field_data.reads.clear()
    status, state = call_handler(fresh_block(field_data), "submit", {"answer": BETTER})
    assert status == 200 and state["feedback"]["found_count"] == 4
    assert not {"display_name", "prompt", "reflection_prompt", "weight"} & set(field_data.reads)
    # Groups are missed and attempts are unlimited: the takeaway is not shown, so not read.
    assert "takeaway" not in field_data.reads and "show_why" in field_data.reads


def test_the_exercise_read_as_used_equals_the_whole_exercise():
    block = make_block(Exercise(max_attempts=3, weight=2.0, takeaway="Serve them all."))
    assert block.exercise == Exercise(max_attempts=3, weight=2.0, takeaway="Serve them all.")
    assert block.exercise.with_changes(max_attempts=1).max_attempts == 1
