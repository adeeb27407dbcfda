"""
customer-tenet: grade sample answers offline, exactly as a course would.

    customer-tenet grade [--taxonomy BLOCK.xml] [--json] [--show-why] [FILE|-]
    customer-tenet grade --batch FILE.jsonl [--taxonomy BLOCK.xml]

--taxonomy takes the block's own OLX (Studio export). An answer is checked and
graded as the block does after a learner's first attempt: the course's limits
(empty answer, length, number of entries) refuse it, and why a missed group
matters shows by the exercise's show_why policy (--show-why: always). Input and output are UTF-8;
output is always valid JSON (--json, --batch). Problems with the input
print one line on stderr and exit with status 2, before anything is written.
"""
import argparse
import json
import os
import sys

from .exercise import olx
from .exercise.assessment import assess, left_after_first_attempt
from .exercise.i18n import N_, TranslatableError, translations_for
from .exercise.refusals import Refusal
from .exercise.settings import SHOW_WHY_ALWAYS, Exercise
from .exercise.submission import read_submission

EXIT_BAD_INPUT = 2


class InputError(TranslatableError):
    """Bad input, or output that cannot be written: reported on one line, exit status 2."""


def load_exercise(path, translator):
    if path is None:
        return Exercise()
    try:
        with open(path, "rb") as olx_file:
            # The block's own reader and rules: the CLI refuses what parse_xml refuses.
            return olx.parse_olx_text(olx_file.read(olx.MAX_OLX_BYTES + 1), translator)
    except OSError as error:
        raise InputError(N_("cannot read {path}: {reason}"), path=path, reason=error.strerror) from None
    except olx.OlxError as error:
        raise InputError(N_("{path}: {problem}"), path=path, problem=error.message(translator)) from None


def shown_name(path):
    """How messages name an input: stdin is None or "-"."""
    return "<stdin>" if path in (None, "-") else path


def read_text(path):
    """A file's text, or stdin's for "-": UTF-8 either way, read as bytes (never decoded leniently)."""
    name = shown_name(path)
    try:
        if path in (None, "-"):
            if sys.stdin is None:  # started with stdin closed (`<&-`)
                raise InputError(N_("cannot read {path}: it is closed"), path=name)
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as text_file:
                data = text_file.read()
        return data.decode("utf-8")
    except OSError as error:
        raise InputError(N_("cannot read {path}: {reason}"), path=name, reason=error.strerror) from None
    except UnicodeDecodeError:
        raise InputError(N_("{path} is not UTF-8 text"), path=name) from None


def _not_json(literal):
    raise ValueError(f"{literal} is not JSON")


def batch_output(path, exercise, translator):
    """
    One JSON line per batch line, all built before any is written. A line that
    is not JSON (NaN and Infinity are not), lacks "id" or "text", nests too
    deeply or holds a number JSON cannot write (1e400) stops everything.
    """
    name = shown_name(path)
    lines = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:  # grading raises neither RecursionError nor ValueError: these are the line's
            item = json.loads(line, parse_constant=_not_json)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str) or "id" not in item:
                raise InputError(N_('{path}:{line}: expected an object with "id" and a string "text"'),
                                 path=name, line=number)
            line_out = batch_line(item, exercise, translator)
            lines.append(json.dumps(line_out, ensure_ascii=False, allow_nan=False) + "\n")
        except RecursionError:
            raise InputError(N_("{path}:{line}: nested too deeply"), path=name, line=number) from None
        except ValueError:
            raise InputError(N_("{path}:{line}: not valid JSON"), path=name, line=number) from None
    return "".join(lines)


def batch_line(item, exercise, translator):
    """
    One answer as the course treats it: what the block would refuse (empty,
    too long, too many entries) is a "refused" line with the block's code and
    message; anything else is graded as a first attempt.
    """
    try:
        submission = read_submission({"answer": item["text"]}, exercise, translator)  # cleans as the block does
    except Refusal as refusal:
        return {"id": item["id"], "refused": {"code": refusal.code, "message": refusal.message}}
    result = assess(exercise, submission.answer, translator, left_after_first_attempt(exercise),
                    entries=submission.entries).result
    return {
        "id": item["id"],
        "entries": [{"text": entry.text, "groups": list(entry.group_ids)} for entry in result.entries],
        "covered": list(result.covered),
        "missed": list(result.missed),
        "earned": result.earned,
        "possible": result.possible,
    }


def readable(feedback, translator):
    """
    The feedback as plain text, in the order the learner's page shows it.
    Under each found group, each entry that placed it: the learner's words
    that matched and the lexicon term or synonym they matched ("head +
    modifier" when a modifier decided the group).
    """
    _ = translator.gettext
    lines = [feedback["score_text"], ""]
    for group in feedback["groups"]:
        mark = "[x]" if group["found"] else "[ ]"
        lines.append(f"{mark} {group['label']} ({group['points']}/{group['possible']})")
        for entry in group["entries"]:
            evidence = _("“{entry}”: the words “{words}” match “{rule}”")
            lines.append("      " + evidence.format(entry=entry["text"], words=entry["words"], rule=entry["rule"]))
        if group["hint"]:
            lines.append("      " + _("Hint: {hint}").format(hint=group["hint"]))
        if group["why"]:
            lines.append("      " + _("Why it matters: {why}").format(why=group["why"]))
    if feedback["unplaced"]:
        lines += ["", _("Not placed in any group:")] + [f"  - {text}" for text in feedback["unplaced"]]
    if feedback["balance"]["message"]:
        lines += ["", feedback["balance"]["message"]]
    if feedback["takeaway"]:
        lines += ["", feedback["takeaway"]]
    return "\n".join(lines) + "\n"


def run_grade(args, translator):
    exercise = load_exercise(args.taxonomy, translator)
    if args.batch:
        return batch_output(args.batch, exercise, translator)
    try:
        submission = read_submission({"answer": read_text(args.file)}, exercise, translator)
    except Refusal as refusal:  # what the block would refuse, in the same words
        raise InputError(N_("{path}: {problem}"), path=shown_name(args.file), problem=refusal.message) from None
    if args.show_why:
        exercise = exercise.with_changes(show_why=SHOW_WHY_ALWAYS)
    assessment = assess(exercise, submission.answer, translator, left_after_first_attempt(exercise),
                        entries=submission.entries)
    if args.json:
        return json.dumps(assessment.result.to_dict(), ensure_ascii=False, allow_nan=False, indent=2) + "\n"
    return readable(assessment.feedback, translator)


def parser():
    top = argparse.ArgumentParser(prog="customer-tenet", description=__doc__.split("\n\n")[0])
    commands = top.add_subparsers(dest="command", required=True)
    grade_command = commands.add_parser("grade", help="grade an answer, or a batch of answers")
    grade_command.add_argument("file", nargs="?", default="-", help="the answer's text file, or - for stdin")
    grade_command.add_argument("--taxonomy", metavar="BLOCK.xml",
                               help="the block's OLX (default: the insurance example)")
    grade_command.add_argument("--json", action="store_true", help="print the result as JSON")
    grade_command.add_argument("--show-why", action="store_true",
                               help="show why each missed group matters, whatever the exercise's policy")
    grade_command.add_argument("--batch", metavar="FILE.jsonl", help='grade lines of {"id": ..., "text": ...}')
    return top


def main(argv=None):
    args = parser().parse_args(argv)
    translator = translations_for()
    try:
        output = run_grade(args, translator)
        write_output(output)
    except InputError as error:
        print(f"customer-tenet: {error.message(translator)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def write_output(output):
    """
    All the output in one write, as UTF-8 whatever the locale. A lone
    surrogate (from a batch line's "\\ud800" id) can only sit inside a JSON
    string, where backslashreplace writes it as JSON's own escape, \\ud800.
    """
    data = output.encode("utf-8", "backslashreplace")
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        raise InputError(N_("cannot write the output: standard output is closed"))
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except OSError as error:  # e.g. a closed pipe; Python's own flush at exit then writes to devnull, quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise InputError(N_("cannot write the output: {reason}"), reason=error.strerror) from None


if __name__ == "__main__":
    sys.exit(main())
