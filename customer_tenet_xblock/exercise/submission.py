"""
Checks on what a learner submits, before anything is stored or graded.

Pure functions that take the translator: a refusal carries an HTTP status, a
stable code the browser and tests can rely on, and a translated message.
Nothing here touches learner state, so a refused submission changes nothing.
"""
import re
from dataclasses import dataclass

from ..rubric import split_entries
from ..rubric.normalizing import count_words
from ..rubric.splitting import LINE_BREAKS
from .refusals import Refusal

MAX_REFLECTION_CHARS = 5_000
# Words and symbols in an answer. Grading costs up to about 10 us a word, so this
# bounds one answer's grading at about 40 ms, whatever its words; a list of customers
# within the longest allowed answer (settings.MAX_CHARS_BOUNDS) holds about 3,600.
MAX_ANSWER_WORDS = 4_000
SUBMISSION_FIELDS = frozenset({"answer", "reflection"})
# What clean_text replaces and drops, as patterns: one pass in C, not a Python step a character.
_LINE_BREAK = re.compile("[" + re.escape("".join(sorted(LINE_BREAKS))) + "]")
# The control characters (Unicode's Cc) but tab and newline, and surrogates (Cs).
_DROPPED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class Submission:
    answer: str
    reflection: str
    entries: tuple


_ASCII_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")  # all but tab and newline


def clean_text(text):
    """
    Make typed text safe to store and show: unpaired surrogates become U+FFFD
    (they cannot be encoded), every line break the splitter knows (CR, VT,
    FF, NEL U+0085, U+2028, U+2029...) becomes a newline *before* the other
    control characters but tab are dropped (else NEL would glue two entries
    into one word). Everything else, emoji and right-to-left text included, is
    kept as written.
    """
    if text.isascii() and not _ASCII_CONTROLS.search(text):
        return text  # the common case: nothing to replace or drop
    # Through UTF-16: a split surrogate pair is joined, each lone surrogate is one U+FFFD.
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return _DROPPED.sub("", _LINE_BREAK.sub("\n", text.replace("\r\n", "\n")))


def require_object(data, fields, translator):
    """A request body must be a JSON object with no field outside `fields`."""
    _ = translator.gettext
    if not isinstance(data, dict):
        raise Refusal(400, "bad_request", _("The request must be a JSON object."))
    unexpected = sorted(set(data) - fields)
    if unexpected:
        raise Refusal(400, "unexpected_field", _("Unexpected field: {name}.").format(name=unexpected[0]))


def read_submission(data, exercise, translator):
    """Validate a submit request's JSON body; return a Submission or raise Refusal."""
    _ = translator.gettext
    require_object(data, SUBMISSION_FIELDS, translator)
    answer = data.get("answer")
    reflection = data.get("reflection", "")
    if not isinstance(answer, str) or not isinstance(reflection, str):
        raise Refusal(400, "bad_type", _("Your answer and reflection must be text."))
    answer, reflection = clean_text(answer), clean_text(reflection)
    if not answer.strip():
        raise Refusal(400, "empty_answer", _("Write at least one customer before you submit."))
    if len(answer) > exercise.max_chars:
        raise Refusal(400, "answer_too_long", translator.ngettext(
            "Your answer is too long: keep it under {max} character.",
            "Your answer is too long: keep it under {max} characters.",
            exercise.max_chars,
        ).format(max=exercise.max_chars))
    if count_words(answer) > MAX_ANSWER_WORDS:
        raise Refusal(400, "answer_too_many_words", _(
            "Your answer has too many words: keep it under {max} words."
        ).format(max=MAX_ANSWER_WORDS))
    if len(reflection) > MAX_REFLECTION_CHARS:
        raise Refusal(400, "reflection_too_long", _(
            "Your reflection is too long: keep it under {max} characters."
        ).format(max=MAX_REFLECTION_CHARS))
    entries = tuple(split_entries(answer, limit=exercise.max_entries))  # stops past the limit
    if not entries:
        raise Refusal(400, "empty_answer", _("Write at least one customer before you submit."))
    if len(entries) > exercise.max_entries:
        raise Refusal(400, "too_many_entries", translator.ngettext(
            "Your list has too many entries: list at most {max} customer.",
            "Your list has too many entries: list at most {max} customers.",
            exercise.max_entries,
        ).format(max=exercise.max_entries))
    return Submission(answer=answer, reflection=reflection.strip(), entries=entries)
