"""
Assess one answer once: the rules of what a submission earns and what the
learner reads, in one place for the block, Studio's preview and the CLI.

- The best attempt counts: of the latest answer and the best one so far,
  whichever earns more under this rubric (the latest on a tie); the best so
  far is replaced only by an answer that earns strictly more.
- Missed groups show why they matter by the instructor's show_why policy and
  the attempts left; the takeaway shows once every group is found or no
  attempt is left.

The answer is split and graded once; the best answer so far, when there is
one, once more.
"""
from dataclasses import dataclass

from ..rubric import grade, grade_entries
from .feedback import describe, why_visible


@dataclass(frozen=True)
class Assessment:
    result: object  # rubric.RubricResult of this answer: what the feedback describes
    earned: float  # the points that count (the best attempt's)
    possible: float
    best_answer: str  # the best answer so far, this one included
    feedback: dict  # feedback.describe(): what the learner reads


def attempts_left(max_attempts, used):
    """The attempts a learner has left after `used`: None when unlimited (max_attempts 0, or None from the course)."""
    return max(max_attempts - used, 0) if max_attempts else None


def left_after_first_attempt(exercise):
    """The attempts a learner has left after a first attempt: Studio's preview and the CLI show that moment."""
    return attempts_left(exercise.max_attempts, 1)


def assess(exercise, answer, translator, attempts_left=None, best_answer="", entries=None):
    """
    Grade `answer` (its `entries` when already split, as the submission checks
    split them) against the exercise. `attempts_left` is what the learner has
    after this answer: None when unlimited, 0 when none (also past the due date).
    """
    taxonomy = exercise.taxonomy
    result = grade(answer, taxonomy) if entries is None else grade_entries(entries, taxonomy)
    earned = result.earned
    if best_answer and best_answer != answer:
        best_earned = grade(best_answer, taxonomy).earned
        if best_earned >= earned:
            earned = best_earned
        else:
            best_answer = answer
    else:
        best_answer = answer
    missed = result.missed  # a property of the result, computed on each use
    show_takeaway = attempts_left == 0 or not missed
    feedback = describe(  # a setting is read only where it matters (the block reads its fields lazily)
        result, translator,
        show_why_for_missed=bool(missed) and why_visible(exercise.show_why, attempts_left),
        show_takeaway=show_takeaway, takeaway=exercise.takeaway if show_takeaway else "",
    )
    return Assessment(result=result, earned=earned, possible=taxonomy.possible_points,
                      best_answer=best_answer, feedback=feedback)
