"""
Grade one answer against a taxonomy: split, place, score.

Pure and deterministic: the same text and taxonomy always give the same
result, so a stored answer can be rescored after the rubric changes.
"""
import functools
from dataclasses import dataclass

from .matching import place_entries
from .splitting import split_entries
from .taxonomy import EXTERNAL, INTERNAL


@dataclass(frozen=True)
class GroupResult:
    group: object  # taxonomy.Group
    # (entry text, Match) pairs: the learner's entries that showed this group.
    evidence: tuple = ()

    @property
    def found(self):
        return bool(self.evidence)

    @property
    def earned(self):
        return self.group.points if self.found else 0.0


@dataclass(frozen=True)
class BalanceResult:
    """The internal/external criterion: did the learner see both kinds?"""

    applies: bool
    external_found: bool
    internal_found: bool
    points: float

    @property
    def met(self):
        return self.external_found and self.internal_found

    @property
    def earned(self):
        return self.points if (self.applies and self.met) else 0.0

    @property
    def possible(self):
        return self.points if self.applies else 0.0


@dataclass(frozen=True)
class RubricResult:
    entries: tuple  # PlacedEntry, in the learner's order
    groups: tuple  # GroupResult, in the taxonomy's order
    balance: BalanceResult

    @property
    def covered(self):
        return tuple(result.group.id for result in self.groups if result.found)

    @property
    def missed(self):
        return tuple(result.group.id for result in self.groups if not result.found)

    @property
    def unplaced(self):
        return tuple(entry.text for entry in self.entries if not entry.matches)

    @property
    def earned(self):
        return sum(result.earned for result in self.groups) + self.balance.earned

    @property
    def possible(self):
        return sum(result.group.points for result in self.groups) + self.balance.possible

    def to_dict(self):
        """Plain data for JSON (the CLI's --json and --batch)."""
        return {
            "entries": [
                {"text": entry.text, "groups": list(entry.group_ids),
                 "evidence": [match.to_dict() for match in entry.matches]}
                for entry in self.entries
            ],
            "covered": list(self.covered),
            "missed": list(self.missed),
            "unplaced": list(self.unplaced),
            "balance": {
                "applies": self.balance.applies,
                "external": self.balance.external_found,
                "internal": self.balance.internal_found,
                "met": self.balance.met,
                "earned": self.balance.earned,
                "possible": self.balance.possible,
            },
            "earned": self.earned,
            "possible": self.possible,
        }


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
