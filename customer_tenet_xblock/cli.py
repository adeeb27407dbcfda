"""
customer-tenet: grade sample answers offline, exactly as a course would.

    customer-tenet grade [--taxonomy BLOCK.xml] [--json] [FILE|-]
    customer-tenet grade --batch FILE.jsonl [--taxonomy BLOCK.xml]

--taxonomy takes the block's own OLX (Studio export). Problems with the input
print one line on stderr and exit with status 2, before anything is written.
"""
import argparse
import json
import sys

from . import olx
from .exercise import Exercise
from .feedback import describe
from .i18n import N_, TranslatableError, translations_for
from .rubric import grade

EXIT_BAD_INPUT = 2


class InputError(TranslatableError):
    """Bad input from the user of the CLI: reported on one line."""


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


def read_text(path):
    try:
        if path in (None, "-"):
            return sys.stdin.read()
        with open(path, encoding="utf-8") as text_file:
            return text_file.read()
    except OSError as error:
        raise InputError(N_("cannot read {path}: {reason}"), path=path, reason=error.strerror) from None
    except UnicodeDecodeError:
        raise InputError(N_("{path} is not UTF-8 text"), path=path) from None


def read_batch(path):
    """All lines of a JSONL batch, checked before any output is written."""
    items = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError:
            raise InputError(N_("{path}:{line}: not valid JSON"), path=path, line=number) from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or "id" not in item:
            raise InputError(N_('{path}:{line}: expected an object with "id" and a string "text"'), path=path, line=number)
        items.append(item)
    return items


def batch_line(item, taxonomy):
    result = grade(item["text"], taxonomy)
    return {
        "id": item["id"],
        "entries": [{"text": entry.text, "groups": list(entry.group_ids)} for entry in result.entries],
        "covered": list(result.covered),
        "missed": list(result.missed),
        "earned": result.earned,
        "possible": result.possible,
    }


def readable(feedback):
    """The feedback as plain text, in the order the learner's page shows it."""
    lines = [feedback["score_text"], ""]
    for group in feedback["groups"]:
        mark = "[x]" if group["found"] else "[ ]"
        lines.append(f"{mark} {group['label']} ({group['points']}/{group['possible']})")
        for entry in group["entries"]:
            lines.append(f"      {entry['text']}  <- {entry['words']!r} ~ {entry['rule']!r}")
        if group["hint"]:
            lines.append(f"      hint: {group['hint']}")
        if group["why"]:
            lines.append(f"      why: {group['why']}")
    if feedback["unplaced"]:
        lines += ["", "Not placed:"] + [f"  - {text}" for text in feedback["unplaced"]]
    if feedback["balance"]["message"]:
        lines += ["", feedback["balance"]["message"]]
    if feedback["takeaway"]:
        lines += ["", feedback["takeaway"]]
    return "\n".join(lines) + "\n"


def run_grade(args, translator):
    exercise = load_exercise(args.taxonomy, translator)
    taxonomy = exercise.taxonomy
    if args.batch:
        items = read_batch(args.batch)
        return "".join(json.dumps(batch_line(item, taxonomy), ensure_ascii=False) + "\n" for item in items)
    result = grade(read_text(args.file), taxonomy)
    if args.json:
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return readable(describe(
        result, translator, show_why_for_missed=True,
        show_takeaway=not result.missed, takeaway=exercise.takeaway,
    ))


def parser():
    top = argparse.ArgumentParser(prog="customer-tenet", description=__doc__.split("\n\n")[0])
    commands = top.add_subparsers(dest="command", required=True)
    grade_command = commands.add_parser("grade", help="grade an answer, or a batch of answers")
    grade_command.add_argument("file", nargs="?", default="-", help="the answer's text file, or - for stdin")
    grade_command.add_argument("--taxonomy", metavar="BLOCK.xml", help="the block's OLX (default: the insurance example)")
    grade_command.add_argument("--json", action="store_true", help="print the result as JSON")
    grade_command.add_argument("--batch", metavar="FILE.jsonl", help='grade lines of {"id": ..., "text": ...}')
    return top


def main(argv=None):
    args = parser().parse_args(argv)
    translator = translations_for()
    try:
        output = run_grade(args, translator)
    except InputError as error:
        print(f"customer-tenet: {error.message(translator)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    sys.stdout.write(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
