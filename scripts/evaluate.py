"""
`make eval`: the matching engine on the dev evaluation set, beside a baseline.

The baseline grades the way peer XBlocks do: an entry belongs to a group when
one of the group's label words or synonyms occurs in it as a case-insensitive
substring. Both are scored on the same figures:

- entry accuracy: the entry's set of groups is exactly the expected set;
- per-group precision and recall over entries;
- unplaceable entries (expected []) that were placed anyway;
- answers whose covered groups are exactly the expected ones.

The English dev set (../shared/eval) is graded with the default taxonomy; the
Spanish set (tests/fixtures/eval_es_*.jsonl) with the Spanish preset. Then each
organisation's taxonomy in tests/fixtures/orgs (an OLX file written as an
instructor would, from the "Any organisation" preset, with the learner
phrasings beside it in a .jsonl file) gets one line: exact-entry accuracy,
entries that belong to no group but were placed, and the keyword baseline.

Exit status 1 when the engine misses a target (entry accuracy < 97% in English,
< 95% in Spanish and for each organisation, an answer wrong, more than one
unplaceable entry placed, any in an organisation's set), so CI can run it.
"""
import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from customer_tenet_xblock.exercise.olx import parse_olx_text  # noqa: E402
from customer_tenet_xblock.exercise.presets import INSURANCE_ES, default_taxonomy  # noqa: E402
from customer_tenet_xblock.rubric.matching import place_entries, place_entry  # noqa: E402
from customer_tenet_xblock.rubric.splitting import split_entries  # noqa: E402

EVAL = REPO.parent / "shared" / "eval"
FIXTURES = REPO / "tests" / "fixtures"
ORGANISATIONS = FIXTURES / "orgs"
TARGET_ACCURACY_ORGANISATION = 0.95
TARGET_ACCURACY = 0.97
TARGET_ACCURACY_ES = 0.95
MAX_UNPLACEABLE_PLACED = 1
BASELINE_STOPWORDS = frozenset("the other company of and a an".split())


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# --- the two graders --------------------------------------------------------

def engine_groups(entry, taxonomy):
    return {match.group_id for match in place_entry(entry, taxonomy)}


def engine_answer(text, taxonomy):
    return {match.group_id for placed in place_entries(split_entries(text), taxonomy)
            for match in placed.matches}


def baseline_keywords(taxonomy):
    keywords = {}
    for group in taxonomy.groups:
        words = [w for w in group.label.lower().split() if w not in BASELINE_STOPWORDS]
        # Peer blocks match the singular stem too ("agents" -> "agent").
        words += [w[:-1] for w in words if w.endswith("s") and len(w) > 3]
        keywords[group.id] = tuple(words) + tuple(s.lower() for s in group.synonyms)
    return keywords


def baseline_groups(entry, keywords):
    text = entry.lower()
    return {group_id for group_id, words in keywords.items() if any(w in text for w in words)}


def baseline_answer(text, keywords):
    # Peer blocks split on lines only.
    return {g for line in text.splitlines() if line.strip() for g in baseline_groups(line, keywords)}


# --- figures ----------------------------------------------------------------

def entry_figures(rows, grader, group_ids):
    exact, placed_unplaceable = 0, 0
    counts = {g: {"tp": 0, "fp": 0, "fn": 0} for g in group_ids}
    misses = []
    for row in rows:
        expected, got = set(row["expect"]), grader(row["entry"])
        if got == expected:
            exact += 1
        else:
            misses.append((row["entry"], sorted(got), sorted(expected)))
        if not expected and got:
            placed_unplaceable += 1
        for g in group_ids:
            if g in got and g in expected:
                counts[g]["tp"] += 1
            elif g in got:
                counts[g]["fp"] += 1
            elif g in expected:
                counts[g]["fn"] += 1
    return {
        "accuracy": exact / len(rows) if rows else 1.0,
        "exact": exact, "total": len(rows), "counts": counts,
        "unplaceable_placed": placed_unplaceable,
        "unplaceable": sum(1 for row in rows if not row["expect"]),
        "misses": misses,
    }


def answer_figures(rows, grader):
    misses = [(row.get("id"), sorted(grader(row["text"])), sorted(row["covered"]))
              for row in rows if grader(row["text"]) != set(row["covered"])]
    return {"exact": len(rows) - len(misses), "total": len(rows), "misses": misses}


def ratio(numerator, denominator):
    return numerator / denominator if denominator else 1.0


def timing(taxonomy, entries):
    """Median CPU milliseconds to grade a ten-entry and a 1,000-entry answer (warm cache).

    CPU time, not wall time, so other work on a shared machine does not count.
    """
    phrasings = [row["entry"] for row in entries]
    ten = "\n".join(phrasings[i * 7 % len(phrasings)] for i in range(10))
    # Distinct entries, so de-duplication does not shrink the work.
    thousand = "\n".join(f"{phrasings[i % len(phrasings)]} {i}" for i in range(1000))
    engine_answer(ten, taxonomy)

    def best_of(text, runs):
        samples = []
        for _ in range(runs):
            began = time.process_time()
            engine_answer(text, taxonomy)
            samples.append((time.process_time() - began) * 1000)
        return sorted(samples)[len(samples) // 2]

    return best_of(ten, 51), best_of(thousand, 7), len(split_entries(thousand))


def report(title, taxonomy, entries, answers, target, show_misses):
    """Print one set's figures beside the baseline; the targets it misses."""
    group_ids = taxonomy.group_ids
    keywords = baseline_keywords(taxonomy)

    engine = entry_figures(entries, lambda e: engine_groups(e, taxonomy), group_ids)
    baseline = entry_figures(entries, lambda e: baseline_groups(e, keywords), group_ids)
    engine_ans = answer_figures(answers, lambda t: engine_answer(t, taxonomy))
    baseline_ans = answer_figures(answers, lambda t: baseline_answer(t, keywords))

    print(f"{title}: {len(entries)} entries ({engine['unplaceable']} unplaceable), {len(answers)} answers")
    print(f"{'':28}{'engine':>16}{'baseline':>16}")
    print(f"{'entry accuracy (exact set)':28}"
          f"{engine['accuracy']:>10.1%} {engine['exact']:>2}/{engine['total']:<3}"
          f"{baseline['accuracy']:>10.1%} {baseline['exact']:>2}/{baseline['total']:<3}")
    print(f"{'unplaceable entries placed':28}{engine['unplaceable_placed']:>16}{baseline['unplaceable_placed']:>16}")
    print(f"{'answers exactly covered':28}{engine_ans['exact']:>13}/{engine_ans['total']:<2}"
          f"{baseline_ans['exact']:>13}/{baseline_ans['total']:<2}")
    print()
    print(f"{'group':16}{'engine P':>10}{'engine R':>10}{'base P':>10}{'base R':>10}")
    for g in group_ids:
        e, b = engine["counts"][g], baseline["counts"][g]
        print(f"{g:16}"
              f"{ratio(e['tp'], e['tp'] + e['fp']):>10.0%}{ratio(e['tp'], e['tp'] + e['fn']):>10.0%}"
              f"{ratio(b['tp'], b['tp'] + b['fp']):>10.0%}{ratio(b['tp'], b['tp'] + b['fn']):>10.0%}")
    print()
    ten_ms, thousand_ms, thousand_entries = timing(taxonomy, entries)
    print(f"timing: ten-entry answer {ten_ms:.3f} ms (target < 1 ms), "
          f"{thousand_entries}-entry answer {thousand_ms:.1f} ms (target < 100 ms)")

    if show_misses or engine["misses"] or engine_ans["misses"]:
        for entry, got, expected in engine["misses"]:
            print(f"  entry miss: {entry!r}: got {got}, expected {expected}")
        for answer_id, got, expected in engine_ans["misses"]:
            print(f"  answer miss: {answer_id}: got {got}, expected {expected}")

    failed = []
    if engine["accuracy"] < target:
        failed.append(f"{title}: entry accuracy {engine['accuracy']:.1%} < {target:.0%}")
    if engine_ans["exact"] < engine_ans["total"]:
        failed.append(f"{title}: answers {engine_ans['exact']}/{engine_ans['total']}")
    if engine["unplaceable_placed"] > MAX_UNPLACEABLE_PLACED:
        failed.append(f"{title}: {engine['unplaceable_placed']} unplaceable entries placed")
    return failed


def organisation_figures(olx_path):
    """(engine figures, baseline figures) of one organisation's taxonomy and phrasings."""
    taxonomy = parse_olx_text(olx_path.read_bytes()).taxonomy
    rows = read_jsonl(olx_path.with_suffix(".jsonl"))
    keywords = baseline_keywords(taxonomy)
    engine = entry_figures(rows, lambda e: engine_groups(e, taxonomy), taxonomy.group_ids)
    baseline = entry_figures(rows, lambda e: baseline_groups(e, keywords), taxonomy.group_ids)
    return engine, baseline


def report_organisations(folder, show_misses):
    """One line per organisation's taxonomy; the targets it misses."""
    print("Organisations' own taxonomies (tests/fixtures/orgs)")
    print(f"{'taxonomy':12}{'entries':>8}{'engine':>16}{'negatives placed':>18}{'baseline':>16}{'base neg.':>11}")
    failed, exact, total = [], 0, 0
    for path in sorted(Path(folder).glob("*.xml")):
        engine, baseline = organisation_figures(path)
        exact, total = exact + engine["exact"], total + engine["total"]
        print(f"{path.stem:12}{engine['total']:>8}"
              f"{engine['accuracy']:>10.1%} {engine['exact']:>2}/{engine['total']:<3}"
              f"{engine['unplaceable_placed']:>11}/{engine['unplaceable']:<6}"
              f"{baseline['accuracy']:>10.1%} {baseline['exact']:>2}/{baseline['total']:<3}"
              f"{baseline['unplaceable_placed']:>7}/{baseline['unplaceable']:<3}")
        if show_misses or engine["misses"]:
            for entry, got, expected in engine["misses"]:
                print(f"  {path.stem} miss: {entry!r}: got {got}, expected {expected}")
        if engine["accuracy"] < TARGET_ACCURACY_ORGANISATION:
            failed.append(f"{path.stem}: entry accuracy {engine['accuracy']:.1%} < {TARGET_ACCURACY_ORGANISATION:.0%}")
        if engine["unplaceable_placed"]:
            failed.append(f"{path.stem}: {engine['unplaceable_placed']} unplaceable entries placed")
    print(f"{'all':12}{total:>8}{ratio(exact, total):>10.1%} {exact:>2}/{total:<3}")
    return failed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--entries", default=str(EVAL / "dev_entries.jsonl"))
    parser.add_argument("--answers", default=str(EVAL / "dev_answers.jsonl"))
    parser.add_argument("--es-entries", default=str(FIXTURES / "eval_es_entries.jsonl"))
    parser.add_argument("--es-answers", default=str(FIXTURES / "eval_es_answers.jsonl"))
    parser.add_argument("--organisations", default=str(ORGANISATIONS),
                        help="folder of <name>.xml taxonomies with <name>.jsonl phrasings")
    parser.add_argument("--show-misses", action="store_true", help="list every wrong entry and answer")
    args = parser.parse_args(argv)

    failed = report("Dev set", default_taxonomy(), read_jsonl(args.entries), read_jsonl(args.answers),
                    TARGET_ACCURACY, args.show_misses)
    print()
    failed += report("Spanish set (insurance_es)", INSURANCE_ES, read_jsonl(args.es_entries),
                     read_jsonl(args.es_answers), TARGET_ACCURACY_ES, args.show_misses)
    print()
    failed += report_organisations(args.organisations, args.show_misses)
    if failed:
        print("TARGETS MISSED: " + "; ".join(failed))
        return 1
    print("targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
