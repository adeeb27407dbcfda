"""
The rubric's output for each entry: the groups it was placed in, and why.

Plain data, like the taxonomy it refers to by group id.
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
