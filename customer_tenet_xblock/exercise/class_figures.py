"""
The class summary and the response export, computed from learners' own states.

Every learner's work stays in their own Scope.user_state (answer, best_answer,
reflection, attempts); nothing is written to a shared record when they submit.
These pure functions read those states (as the runtime's user-state iterator
yields them), grade each answer with the current rubric and return plain data,
so the figures always follow the rubric in force, synonyms added included.
"""
import csv
import hashlib
import io
import json
from collections import Counter
from dataclasses import dataclass, replace

from ..rubric import RubricResult, counting_result, grade
from ..rubric.normalizing import singular, tokenize
from .feedback import plural_count, translate_text
from .refusals import Refusal
from .submission import clean_text
from .validation import exercise_problems

# A spreadsheet treats a cell starting with one of these as a formula (OWASP CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
MOST_UNPLACED = 10
# One staff request reads at most this many learners' states; the LMS's Problem
# Responses report (an instructor task) is the way to see every learner.
LEARNER_CAP = 2_000
# ... and stops once their answers (latest and best) hold this many characters:
# a stored answer may hold 20,000 (50,000 under older limits), each graded in up to
# about 2 us a character, so 2,000 such learners would hold the request for minutes;
# 2,000 ordinary ones hold about 1,000,000.
ANSWER_CHARACTER_CAP = 2_000_000


def spreadsheet_safe(value):
    """Text as a spreadsheet must show it, never run it: a leading apostrophe defuses a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def normalise_entry(text, lang="en"):
    """
    An unplaced entry folded as the matcher folds it (case, accents,
    punctuation) with each word in the singular, so that spellings of one
    phrase count together: "Lighthouse-Keepers!" -> "lighthouse keeper".
    """
    return " ".join(
        token.word if token.symbol or not lang else singular(token.word, lang) for token in tokenize(text)
    )


@dataclass(frozen=True)
class LearnerRecord:
    """One learner's stored work, graded now with the current rubric."""

    username: str
    answer: str  # the latest answer: what the learner sees
    reflection: str
    attempts: int
    latest: RubricResult  # the latest answer's result
    counting: RubricResult  # the result that gives the learner's score


def learner_record(username, state, taxonomy):
    """A learner's record from their stored state; None when they have not submitted."""
    answer = _text(state.get("answer"))
    if not answer.strip():
        return None
    latest = grade(answer, taxonomy)
    counting = counting_result(answer, _text(state.get("best_answer")), taxonomy)
    attempts = state.get("attempts")
    return LearnerRecord(
        username=username, answer=answer, reflection=_text(state.get("reflection")),
        attempts=attempts if isinstance(attempts, int) else 0, latest=latest, counting=counting,
    )


def _text(value):
    return value if isinstance(value, str) else ""


def records_from_states(user_states, taxonomy):
    """Records for every state (objects with .username and .state) that holds an answer."""
    for user_state in user_states:
        record = learner_record(user_state.username, user_state.state or {}, taxonomy)
        if record is not None:
            yield record


def first_states(user_states, cap=LEARNER_CAP, characters=ANSWER_CHARACTER_CAP):
    """
    The first states of an iterator, at most `cap` of them and no more once
    their answers hold `characters`, and whether it held more; reads at most
    one state past those it keeps.
    """
    states, read = [], 0
    for user_state in user_states:
        if len(states) >= cap or read >= characters:
            return states, True
        states.append(user_state)
        state = user_state.state or {}
        read += len(_text(state.get("answer"))) + len(_text(state.get("best_answer")))
    return states, False


def summary_cache_key(usage_id, taxonomy, cap=LEARNER_CAP):
    """
    The cache key of a block's summary: it changes with the block, the rubric
    (any edit to groups, synonyms, points or lexicon) and the cap. Hashed,
    so it suits memcached (no spaces, under 250 characters).
    """
    rubric = json.dumps(taxonomy.to_dict(), sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256("\n".join((str(usage_id), rubric, str(cap))).encode("utf-8")).hexdigest()
    return f"customer_tenet.class_summary.{digest}"


def summarise(records, taxonomy, most=MOST_UNPLACED):
    """
    The class at a glance: how many submitted, the score distribution, each
    group's share of learners who found it, and the most frequent unplaced
    entries, each with a suggested group. Each learner counts once.
    """
    records = list(records)
    learners = len(records)
    found = Counter(group_id for record in records for group_id in record.counting.covered)
    scores = Counter(record.counting.earned for record in records)
    writers = Counter()  # normalised unplaced entry -> learners who wrote it
    missed_by_writers = {}  # normalised unplaced entry -> groups those learners missed
    for record in records:
        for entry in {normalise_entry(text, taxonomy.lexicon) for text in record.counting.unplaced} - {""}:
            writers[entry] += 1
            missed_by_writers.setdefault(entry, Counter()).update(record.counting.missed)
    order = {group.id: index for index, group in enumerate(taxonomy.groups)}
    return {
        "learners": learners,
        "possible": taxonomy.possible_points,
        "mean": sum(record.counting.earned for record in records) / learners if learners else 0.0,
        "scores": [{"earned": value, "count": scores[value]} for value in score_bins(scores, taxonomy.possible_points)],
        "groups": [
            {"id": group.id, "found": found[group.id], "share": found[group.id] / learners if learners else 0.0}
            for group in taxonomy.groups
        ],
        "unplaced": [
            {"text": entry, "learners": count, "suggested_group": suggest_group(missed_by_writers[entry], order)}
            for entry, count in sorted(writers.items(), key=lambda item: (-item[1], item[0]))[:most]
        ],
    }


def score_bins(scores, possible):
    """Every whole score from 0 to the maximum (so gaps show), plus any other score reached."""
    whole = range(int(possible) + 1) if possible <= 100 else ()
    return sorted(set(whole) | set(scores))


def suggest_group(missed, order):
    """
    The group most often missed by the learners who wrote an unplaced entry:
    someone who wrote "claims adjusters" and missed "departments" was most
    likely naming a department. Ties go to the taxonomy's order; None when
    those learners missed nothing.
    """
    if not missed:
        return None
    return min(missed, key=lambda group_id: (-missed[group_id], order.get(group_id, len(order))))


def response_fields(record, translator, label_of):
    """
    One learner's row of the response export, as (heading, value) pairs in
    column order. Learner text is made spreadsheet-safe here, once, for every
    way the rows leave the block.
    """
    _ = translator.gettext
    placed = [
        "{entry} → {groups}".format(entry=entry.text, groups=", ".join(label_of(gid) for gid in entry.group_ids))
        for entry in record.latest.entries if entry.matches
    ]
    return [
        (_("Answer"), spreadsheet_safe(record.answer)),
        (_("Placed entries"), spreadsheet_safe("\n".join(placed))),
        (_("Unplaced entries"), spreadsheet_safe("\n".join(record.latest.unplaced))),
        (_("Score"), record.counting.earned),
        (_("Possible score"), record.counting.possible),
        (_("Attempts"), record.attempts),
        (_("Reflection"), spreadsheet_safe(record.reflection)),
    ]


def describe_summary(summary, taxonomy, translator):
    """The summary in a staff member's words: every figure also as text, for the chart's text alternative."""
    _, ngettext = translator.gettext, translator.ngettext
    learners = summary["learners"]
    labels = {group.id: translate_text(translator, group.label) for group in taxonomy.groups}

    def learners_text(count):
        return ngettext("{count} learner", "{count} learners", count).format(count=count)

    def share_text(count):
        return ngettext(
            "{count} of {total} learner ({percent}%)", "{count} of {total} learners ({percent}%)", learners,
        ).format(count=count, total=learners, percent=round(100 * count / learners) if learners else 0)

    return {
        "learners": learners,
        "learners_text": ngettext(
            "{count} learner has submitted an answer.", "{count} learners have submitted an answer.", learners,
        ).format(count=learners) if learners else _("No learner has submitted an answer yet."),
        "mean_text": ngettext(
            "Average score: {mean} of {possible} point.", "Average score: {mean} of {possible} points.",
            plural_count(summary["possible"]),
        ).format(
            mean=f"{round(summary['mean'], 1):g}",
            possible=f"{summary['possible']:g}",
        ) if learners else "",
        "groups": [
            {"id": row["id"], "label": labels[row["id"]], "share": row["share"], "text": share_text(row["found"])}
            for row in summary["groups"]
        ],
        "scores": [
            {
                "label": ngettext("{points} point", "{points} points", plural_count(row["earned"])).format(
                    points=f"{row['earned']:g}"),
                "share": row["count"] / learners if learners else 0.0,
                "text": learners_text(row["count"]),
            }
            for row in summary["scores"]
        ],
        "unplaced": [
            {
                "text": row["text"],
                "learners": row["learners"],
                "learners_text": learners_text(row["learners"]),
                "suggested_group": row["suggested_group"],
                "suggested_label": labels.get(row["suggested_group"]) or _("No suggestion"),
            }
            for row in summary["unplaced"]
        ],
    }


def responses_csv(rows, username_heading):
    """CSV text from (username, {heading: value}) rows, as generate_report_data yields them."""
    rows = list(rows)
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow([username_heading] + (list(rows[0][1]) if rows else []))
    for username, fields in rows:
        writer.writerow([spreadsheet_safe(username)] + list(fields.values()))
    return output.getvalue()


def exercise_with_synonym(exercise, data, translator):
    """
    The class summary's one action: (the exercise with `data["entry"]` added as
    a synonym of the group `data["group"]`, that group, the entry as stored). Raises Refusal, and
    nothing changes, for a request no page would send or an exercise the rules
    refuse (too long, too many synonyms). An entry the group has already is
    no change.
    """
    _ = translator.gettext
    if not isinstance(data, dict) or set(data) != {"entry", "group"} or not all(
            isinstance(value, str) for value in data.values()):
        raise Refusal(400, "bad_request", _("Send the entry and the id of its group."))
    taxonomy = exercise.taxonomy
    if data["group"] not in taxonomy.group_ids:
        raise Refusal(400, "unknown_group", _("That group is not in the exercise any more. Reload the summary."))
    entry = clean_text(data["entry"]).strip()
    if not entry:
        raise Refusal(400, "empty_entry", _("Enter the entry to add."))
    group = taxonomy.group(data["group"])
    if entry.casefold() in {synonym.casefold() for synonym in group.synonyms}:
        return exercise, group, entry
    changed = replace(group, synonyms=group.synonyms + (entry,))
    groups = tuple(changed if g is group else g for g in taxonomy.groups)
    updated = exercise.with_changes(taxonomy=replace(taxonomy, groups=groups))
    problems = exercise_problems(updated, translator)
    if problems:
        raise Refusal(400, "invalid_synonym", problems[0][1])
    return updated, changed, entry
