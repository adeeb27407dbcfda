"""
What the student view shows about one learner, as JSON data: a pure function
of the learner's fields, the exercise's attempts, the course's deadline and
correctness policy, and the feedback (when the course shows it). The block
reads those once per request and calls it; the browser and the mobile apps
only lay it out.
"""
from .assessment import attempts_left
from .feedback import points_text
from .i18n import N_

DEADLINE_PASSED = N_("The due date has passed: answers are no longer accepted.")


def attempts_text(used, max_attempts, translator):
    if not max_attempts:
        return translator.ngettext(
            "You have used {used} attempt. Attempts are unlimited.",
            "You have used {used} attempts. Attempts are unlimited.",
            used,
        ).format(used=used)
    return translator.ngettext(
        "You have used {used} of {total} attempt.",
        "You have used {used} of {total} attempts.",
        max_attempts,
    ).format(used=used, total=max_attempts)


def attempts_left_text(left, translator):
    """'1 attempt left'; empty when attempts are unlimited (attempts_text says so)."""
    if left is None:
        return ""
    return translator.ngettext("{left} attempt left", "{left} attempts left", left).format(left=left)


def counting_score_text(earned, possible, translator):
    """The score that counts (the best so far), in words."""
    return translator.gettext("Score that counts (your best attempt): {points}").format(
        points=points_text(earned, possible, translator)
    )


def submitted_text(results_after_due, translator):
    """What a learner reads instead of feedback while the course hides correctness."""
    if results_after_due:
        return translator.gettext("Your answer has been submitted. Your results will be shown after the due date.")
    return translator.gettext("Your answer has been submitted.")


def learner_state(translator, learner, max_attempts, closed, feedback, results_after_due):
    """
    `learner`: the learner's fields by name (answer, reflection, attempts,
    raw_earned, raw_possible); `max_attempts`: the exercise's, 0 when
    unlimited; `closed`: the due date has passed; `feedback`: the answer's
    (feedback.describe), None when there is no answer or the course hides
    correctness, and then the state holds no score, no feedback and no group:
    only that the answer was submitted; `results_after_due`: the course shows
    results after the due date (show_correctness "past_due").
    """
    answer, used = learner["answer"], learner["attempts"]
    left = attempts_left(max_attempts, used)
    return {
        "answer": answer,
        "reflection": learner["reflection"],
        "attempts": used,
        "max_attempts": max_attempts,
        "attempts_left": left,
        "attempts_text": attempts_text(used, max_attempts, translator),
        "attempts_left_text": attempts_left_text(left, translator),
        "score_text": counting_score_text(learner["raw_earned"], learner["raw_possible"], translator)
        if feedback else "",
        "can_submit": left != 0 and not closed,
        "deadline_passed": closed,
        "closed_text": translator.gettext(DEADLINE_PASSED) if closed else "",
        "submitted_text": submitted_text(results_after_due, translator) if answer and not feedback else "",
        "feedback": feedback,
    }
