"""
The rubric's output: for each entry the groups it was placed in and why,
and for the whole answer each group's evidence, the internal/external
criterion and the score.

Plain data, like the taxonomy it refers to.
"""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Match:
    """Why an entry was placed in a group: the learner's words and the rule."""

    group_id: str
    words: str  # the learner's words that matched, as they wrote them
    rule: str  # the lexicon term or synonym they matched
    source: str = "lexicon"  # "lexicon" or "synonym"

    def to_dict(self):
        return {"group": self.group_id, "words": self.words, "rule": self.rule, "source": self.source}


@dataclass(frozen=True)
class PlacedEntry:
    """One entry of the learner's list and the groups it was placed in."""

    text: str
    matches: tuple = field(default_factory=tuple)

    @property
    def group_ids(self):
        seen = []
        for match in self.matches:
            if match.group_id not in seen:
                seen.append(match.group_id)
        return tuple(seen)


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
