"""
The rubric's input: the taxonomy of customer groups a learner's entries are placed into.

Plain data, no XBlock imports: the rubric core, the block, the OLX parser and
the CLI all share these types.
"""
from dataclasses import dataclass

EXTERNAL = "external"
INTERNAL = "internal"
SIDES = (EXTERNAL, INTERNAL)

# What kind of customer a group holds: the generic words of that kind ("our
# suppliers", "my boss", "other teams") place entries in it whatever its id.
KINDS = (
    "customers", "partners", "suppliers", "departments", "management", "coworkers",
    "direct_reports", "regulators", "investors", "community", "other",
)
OTHER_KIND = "other"  # no generic words: only the group's label and synonyms
# The kind of the built-in and preset group ids, so existing content keeps its meaning.
KIND_OF_ID = {
    "policyholders": "customers", "customers": "customers",
    "agents": "partners", "agent_staff": "partners", "partners": "partners",
    "suppliers": "suppliers", "departments": "departments", "management": "management",
    "coworkers": "coworkers", "direct_reports": "direct_reports", "regulators": "regulators",
    "investors": "investors", "community": "community",
}

# The ids of the built-in presets' groups: the lexicon was written for them.
BUILT_IN_IDS = frozenset(
    "policyholders customers agents agent_staff partners departments management coworkers direct_reports".split()
)


def default_kind(group_id):
    """The kind a group has when none was chosen: its id's, else "other"."""
    return KIND_OF_ID.get(group_id, OTHER_KIND)


@dataclass(frozen=True)
class Group:
    """One customer group of the rubric."""

    id: str
    label: str
    side: str = EXTERNAL
    points: float = 1.0
    hint: str = ""
    why: str = ""
    # Instructor-authored phrases that always place an entry in this group,
    # on top of the built-in lexicon.
    synonyms: tuple = ()
    kind: str = ""  # one of KINDS; empty: the kind of the id (default_kind)

    def __post_init__(self):
        if not self.kind:
            object.__setattr__(self, "kind", default_kind(self.id))

    def to_dict(self):
        return {
            "id": self.id,
            "label": self.label,
            "side": self.side,
            "points": self.points,
            "hint": self.hint,
            "why": self.why,
            "synonyms": list(self.synonyms),
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, data):
        """Build a group from trusted, already validated data."""
        return cls(
            id=data["id"],
            label=data["label"],
            side=data.get("side", EXTERNAL),
            points=float(data.get("points", 1.0)),
            hint=data.get("hint", ""),
            why=data.get("why", ""),
            synonyms=tuple(data.get("synonyms", ())),
            kind=data.get("kind", ""),
        )


@dataclass(frozen=True)
class Taxonomy:
    """The groups a learner should find, and the internal/external criterion."""

    groups: tuple = ()
    # Points for naming at least one internal and one external customer.
    balance_points: float = 0.0
    # Which built-in matching lexicon applies ("en", "es", or "" for none:
    # then only the groups' labels and synonyms place entries).
    lexicon: str = "en"

    def group(self, group_id):
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    @property
    def group_ids(self):
        return tuple(group.id for group in self.groups)

    @property
    def sides(self):
        """The sides present in this taxonomy, in a stable order."""
        return tuple(side for side in SIDES if any(g.side == side for g in self.groups))

    @property
    def balance_applies(self):
        """The criterion only makes sense when both sides have groups."""
        return len(self.sides) == len(SIDES)

    @property
    def possible_points(self):
        balance = self.balance_points if self.balance_applies else 0.0
        return sum(group.points for group in self.groups) + balance

    def to_dict(self):
        return {
            "groups": [group.to_dict() for group in self.groups],
            "balance_points": self.balance_points,
            "lexicon": self.lexicon,
        }

    @classmethod
    def from_dict(cls, data):
        return cls(
            groups=tuple(Group.from_dict(g) for g in data.get("groups", ())),
            balance_points=float(data.get("balance_points", 0.0)),
            lexicon=data.get("lexicon", "en"),
        )
