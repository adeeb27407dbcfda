"""
Grade one answer against a taxonomy: split, place, score.

Pure and deterministic: the same text and taxonomy always give the same
result, so a stored answer can be rescored after the rubric changes.
"""
import functools

from .matching import place_entries
from .results import BalanceResult, GroupResult, RubricResult
from .splitting import split_entries
from .taxonomy import EXTERNAL, INTERNAL


def grade_entries(entries, taxonomy):
    """Score already split entries (the block checks their count first)."""
    placed = tuple(place_entries(entries, taxonomy))
    groups = tuple(
        GroupResult(
            group=group,
            evidence=tuple(
                (entry.text, match)
                for entry in placed
                for match in entry.matches
                if match.group_id == group.id
            ),
        )
        for group in taxonomy.groups
    )
    found_sides = {result.group.side for result in groups if result.found}
    balance = BalanceResult(
        applies=taxonomy.balance_applies,
        external_found=EXTERNAL in found_sides,
        internal_found=INTERNAL in found_sides,
        points=taxonomy.balance_points,
    )
    return RubricResult(entries=placed, groups=groups, balance=balance)


# A request grades the same answer more than once (submit, score, feedback) and
# every page view grades it again; grading is pure, so results can be reused.
@functools.lru_cache(maxsize=256)
def grade(text, taxonomy):
    """Split a learner's free text into entries and score them."""
    return grade_entries(split_entries(text), taxonomy)


def counting_result(latest_answer, best_answer, taxonomy):
    """
    The result whose score counts: the best attempt counts, so of the latest
    answer and the best one so far, whichever earns more under this rubric
    (the latest on a tie). Rescoring and the class summary both use this rule.
    """
    answers = [answer for answer in dict.fromkeys((latest_answer, best_answer)) if answer]
    return max((grade(answer, taxonomy) for answer in answers), key=lambda result: result.earned)
