"""
The shape of a built-in lexicon and the registry of lexicons by name.

A lexicon is data. It names *concepts* (policyholder words, agent words,
staff words, department names...), each with the phrases that express it,
the groups it places an entry in (in order of preference: the first group the
taxonomy has wins), and how it combines with the other concepts of a phrase:

- ``head``: decides on its own ("policyholders", "brokers", "underwriting"),
  unless the word right after it is in its ``with`` table ("catering company").
- ``role``: decides on its own unless a modifier in its ``with`` table says
  otherwise ("staff" are coworkers, "agency staff" are agent staffs).
- ``open``: takes its group from its modifiers ("people who pay premiums",
  "folks in billing"); on its own it names a group only if it has one.
- ``mod``: only ever modifies a head ("we insure", "report to me").
- ``block``: the entry is not about a customer ("competitors' agents").

The matcher (matching.py) is general; only this data is English.
"""
from dataclasses import dataclass

HEAD, ROLE, OPEN, MOD, BLOCK = "head", "role", "open", "mod", "block"
HEAD_ROLES = (HEAD, ROLE, OPEN)

# Group preferences: the first group the taxonomy has is used.
POLICYHOLDERS = ("policyholders", "customers")
END_CUSTOMERS = ("customers",)
AGENTS = ("agents", "partners")
AGENT_STAFF = ("agent_staff", "partners")
PARTNERS = ("partners",)
DEPARTMENTS = ("departments", "coworkers")
MANAGEMENT = ("management",)
COWORKERS = ("coworkers",)
# "My team", "my staff", "my employees": a manager's own people when the
# taxonomy has that group; otherwise the people one works beside. Decision for
# the default taxonomy: a learner's direct reports are coworkers (they are not
# management, and the insurance example has no group of its own for them).
OWN_PEOPLE = ("direct_reports", "coworkers")
# "Other managers": management in the insurance example, peers for managers.
PEER_MANAGERS = ("management", "coworkers")

# The kinds a group may be of (taxonomy.KINDS) beyond the insurance example:
# a group takes the words of its kind when its id is not one of these.
SUPPLIERS = ("suppliers", "partners")
REGULATORS = ("regulators",)
INVESTORS = ("investors",)
BOARD = ("investors", "management")  # "the board": investors where a group holds them
COMMUNITY = ("community",)
# "The catering company": an outside firm of a trade, a supplier where a group holds
# them; without one, the partners or the trade's department.
OUTSIDE_FIRM = ("suppliers", "partners", "departments", "coworkers")

# An instructor's synonym or label word acts in a phrase as the built-in concept
# of its group's kind does ("<department synonym> team" is a department's team).
KIND_CONCEPTS = {
    "customers": "policyholder", "partners": "partner", "suppliers": "supplier",
    "departments": "department_name", "management": "manager", "coworkers": "coworker",
    "direct_reports": "own_people", "regulators": "regulator", "investors": "investor",
    "community": "community_member",
}

DEPARTMENT_CONTEXT = ("department", "other_department", "department_name", "department_role", "csr")


@dataclass(frozen=True)
class Concept:
    name: str
    role: str
    groups: tuple  # group ids in order of preference
    phrases: tuple  # plain phrases; normalised by the matcher
    with_: tuple = ()  # ((modifier concept names, groups), ...)
    person: bool = False  # names people (the splitter splits "X and Y" on two of these)
    source: str = "lexicon"  # "synonym" or "label" for an instructor's words


@dataclass(frozen=True)
class Lexicon:
    name: str
    concepts: tuple = ()
    # Words skipped inside a phrase ("buy [our] policies").
    fillers: frozenset = frozenset()
    # Words that end the head noun phrase ("agents WHO sell", "staff AT the agency").
    boundaries: frozenset = frozenset()
    # Words that join two customers ("agents AND their staff").
    conjunctions: frozenset = frozenset()
    # Possessives that point back to the previous customer ("their staff").
    anaphors: frozenset = frozenset()
    # Short forms: folded singular word -> the words it stands for.
    abbreviations: tuple = ()
    # Abbreviations that only count when written in capitals ("IT" vs "it").
    capital_abbreviations: tuple = ()
    # Common words close to lexicon words that typo tolerance must leave alone.
    known_words: frozenset = frozenset()
    # Endings of verb forms that start a post-modifier after the head
    # ("agents SELLING our policies", "agentes VINCULADOS a la compañía").
    participle_endings: tuple = ("ing", "ed")

    def concept(self, name):
        for concept in self.concepts:
            if concept.name == name:
                return concept
        raise KeyError(name)


def _load():
    from . import lexicon_en, lexicon_es

    return {"en": lexicon_en.LEXICON, "es": lexicon_es.LEXICON, "": Lexicon(name="")}


_LEXICONS = None


def get_lexicon(name):
    """The built-in lexicon of that name; an empty one for unknown names."""
    global _LEXICONS
    if _LEXICONS is None:
        _LEXICONS = _load()
    return _LEXICONS.get(name, _LEXICONS[""])


def all_lexicons():
    get_lexicon("")
    return tuple(_LEXICONS.values())
