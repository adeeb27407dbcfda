"""
The whole configuration of one exercise: each setting described once.

SETTINGS says, for every setting, its name, type, scope, default, bounds or
choices, OLX form, the label Studio shows and whether the mobile apps get it.
The Exercise dataclass, the block's fields (block/fields.py), the OLX
attributes (olx.py), the rules (validation.py), Studio's editor data and
reader (block/studio.py) and student_view_data all derive from it, so adding
a setting means one entry here plus its widget in the editor's template.
"""
from dataclasses import dataclass, field, make_dataclass, replace

from ..rubric.taxonomy import Group
from .i18n import N_
from .presets import default_taxonomy

# When the why-it-matters text of a missed group is shown.
SHOW_WHY_ALWAYS = "always"
SHOW_WHY_AFTER_LAST_ATTEMPT = "after_last_attempt"
SHOW_WHY_NEVER = "never"

# Learner answer limits: defaults, and the bounds an instructor may set them in.
DEFAULT_MAX_CHARS = 20_000
DEFAULT_MAX_ENTRIES = 200
# An answer of 20,000 characters holds 500 entries of 40: room for any list of customers;
# with submission.MAX_ANSWER_WORDS it bounds what one answer costs to grade.
MAX_CHARS_BOUNDS = (100, 20_000)
MAX_ENTRIES_BOUNDS = (1, 500)

# Limits of what an author writes (the groups' rules in validation.py use them too).
MAX_LABEL_LENGTH = 200
MAX_TEXT_LENGTH = 5_000  # hint, why, synonym, reflection question, takeaway
MAX_PROMPT_LENGTH = 20_000
MAX_POINTS = 100
MAX_ATTEMPTS = 1_000

DEFAULT_DISPLAY_NAME = N_("Who are your customers?")
DEFAULT_PROMPT = N_(
    "Think about an insurance company and the work you do there. "
    "**Who are your customers?** Don't stop at the people who buy a policy: "
    "make a list of everyone who benefits from the work you and your company do.\n\n"
    "Write one customer per line."
)
DEFAULT_REFLECTION_PROMPT = N_("What surprised you about identifying your customers? Why?")
DEFAULT_TAKEAWAY = N_(
    "Everyone is your customer: the people who buy from the company, the people who "
    "sell for it, and the people you work beside. Each of them matters to the "
    "company's success and to yours. This week, notice how often you serve each "
    "group, and look out for customers you did not list."
)


# How a setting travels in OLX.
ATTRIBUTE = "attribute"  # <customer_tenet name="value">
ELEMENT = "element"  # <customer_tenet><tag>text</tag></customer_tenet>
GROUP_ELEMENTS = "groups"  # one <group> element each, written and read by olx.py


def _same(value):
    return value


@dataclass(frozen=True)
class Setting:
    """One setting of an exercise, and everything the package needs to know about it."""

    name: str  # the block's field, the Exercise's (or its taxonomy's) attribute, the editor's key
    kind: type  # str, int, float; list for the groups
    scope: str  # XBlock's Scope: "settings" or "content"
    default: object  # as the Exercise holds it
    label: str  # marked with N_: the field's name in Studio
    help: str = ""  # marked with N_
    on_taxonomy: bool = False  # an attribute of Exercise.taxonomy (the rubric's input), not of Exercise
    optional: bool = False  # may be None ("unset"): empty in the editor, absent from OLX
    bounds: tuple = None  # (lowest, highest) a number may be
    choices: tuple = ()  # (value, label marked with N_) pairs: the values a text may take
    max_length: int = None  # of a text
    problem: str = ""  # marked with N_: what validation says when a rule above is broken; {low}, {high}, {max}
    blank_problem: str = ""  # marked with N_: for a text that may not be blank, what validation says when it is
    olx: str = ATTRIBUTE
    olx_tag: str = ""  # an ELEMENT's tag
    mobile: bool = False  # in student_view_data, for the mobile apps
    store: object = _same  # the Exercise's value -> the field's (JSON-ready) value
    load: object = _same  # the field's value -> the Exercise's

    def value(self, exercise):
        return getattr(exercise.taxonomy if self.on_taxonomy else exercise, self.name)

    @property
    def choice_values(self):
        return tuple(value for value, _label in self.choices)

    def problem_with(self, value):
        """
        The (untranslated) problem of a value with this setting's bounds,
        choices, blankness or length; "" when it has none. Types are checked
        where values are read.
        """
        if value is None:
            return "" if self.optional else self.problem
        if self.bounds is not None:
            low, high = self.bounds
            return "" if low <= value <= high else self.problem  # NaN is never within bounds
        if self.choices:
            return "" if value in self.choice_values else self.problem
        if self.blank_problem and not value.strip():
            return self.blank_problem
        return self.problem if self.max_length is not None and len(value) > self.max_length else ""

    def problem_text(self, value, translator):
        """problem_with, translated and filled in."""
        problem = self.problem_with(value)
        low, high = self.bounds or (None, self.max_length)
        return translator.gettext(problem).format(low=low, high=high, max=high) if problem else ""


DEFAULT_TAXONOMY = default_taxonomy()

SETTINGS = (
    Setting("display_name", str, "settings", DEFAULT_DISPLAY_NAME, N_("Display name"), mobile=True,
            blank_problem=N_("The exercise needs a display name."),
            max_length=MAX_LABEL_LENGTH, problem=N_("A label may be at most {max} characters long.")),
    Setting("prompt", str, "content", DEFAULT_PROMPT, N_("Prompt (Markdown)"), mobile=True,  # sanitised when shown
            blank_problem=N_("The exercise needs a prompt."),
            max_length=MAX_PROMPT_LENGTH, problem=N_("The prompt may be at most {max} characters long."),
            olx=ELEMENT, olx_tag="prompt"),
    Setting("max_attempts", int, "settings", 0, N_("Maximum attempts"), mobile=True,
            help=N_("0 means unlimited. Unset: the course-wide Maximum Attempts."),
            bounds=(0, MAX_ATTEMPTS), problem=N_("Attempts must be between 0 (unlimited) and {max}."),
            load=lambda value: value or 0),  # None (the course's setting) is unlimited, like 0
    Setting("weight", float, "settings", None, N_("Problem weight"),
            help=N_("Empty: the exercise is worth its points."), optional=True,  # None: the raw points count
            bounds=(0, MAX_POINTS), problem=N_("The weight must be between 0 and {max}.")),
    Setting("show_why", str, "settings", SHOW_WHY_AFTER_LAST_ATTEMPT, N_("When to show why a missed group matters"),
            choices=((SHOW_WHY_ALWAYS, N_("Right away")), (SHOW_WHY_AFTER_LAST_ATTEMPT, N_("After the last attempt")),
                     (SHOW_WHY_NEVER, N_("Never"))),
            problem=N_("Choose when the why-it-matters text is shown.")),
    Setting("max_chars", int, "settings", DEFAULT_MAX_CHARS, N_("Longest answer (characters)"), mobile=True,
            bounds=MAX_CHARS_BOUNDS, problem=N_("This limit must be between {low} and {high}.")),
    Setting("max_entries", int, "settings", DEFAULT_MAX_ENTRIES, N_("Most entries in an answer"), mobile=True,
            bounds=MAX_ENTRIES_BOUNDS, problem=N_("This limit must be between {low} and {high}.")),
    Setting("balance_points", float, "content", DEFAULT_TAXONOMY.balance_points,
            N_("Points for naming internal and external customers"), on_taxonomy=True,
            bounds=(0, MAX_POINTS), problem=N_("Points must be between 0 and {max}.")),
    Setting("lexicon", str, "content", DEFAULT_TAXONOMY.lexicon, N_("Built-in matching lexicon"), on_taxonomy=True,
            choices=(("en", N_("English")), ("es", N_("Spanish")), ("", N_("None: only labels and synonyms"))),
            problem=N_("Unknown matching lexicon.")),
    # The groups' own rules are validation.py's; their OLX is olx.py's and their editor studio.py's.
    Setting("groups", list, "content", DEFAULT_TAXONOMY.groups, N_("Customer groups"), on_taxonomy=True,
            olx=GROUP_ELEMENTS, store=lambda groups: [group.to_dict() for group in groups],
            load=lambda stored: tuple(Group.from_dict(group) for group in stored)),
    Setting("reflection_prompt", str, "content", DEFAULT_REFLECTION_PROMPT, N_("Reflection question"),
            mobile=True, max_length=MAX_TEXT_LENGTH, problem=N_("This text may be at most {max} characters long."),
            olx=ELEMENT, olx_tag="reflection"),  # empty: no reflection question
    Setting("takeaway", str, "content", DEFAULT_TAKEAWAY, N_("Takeaway"),
            max_length=MAX_TEXT_LENGTH, problem=N_("This text may be at most {max} characters long."),
            olx=ELEMENT, olx_tag="takeaway"),
)
SETTINGS_BY_NAME = {setting.name: setting for setting in SETTINGS}
TAXONOMY_SETTINGS = tuple(setting for setting in SETTINGS if setting.on_taxonomy)


def _with_changes(self, **changes):
    return replace(self, **changes)


# The exercise as plain data: one attribute per setting, the taxonomy's in `taxonomy`.
Exercise = make_dataclass(
    "Exercise",
    [(setting.name, setting.kind, field(default=setting.default)) for setting in SETTINGS if not setting.on_taxonomy]
    + [("taxonomy", object, field(default_factory=default_taxonomy))],
    frozen=True,
    namespace={"with_changes": _with_changes, "__module__": __name__},
)


def stored_values(exercise):
    """An Exercise as the values of the block's fields (JSON-ready), by setting name."""
    return {setting.name: setting.store(setting.value(exercise)) for setting in SETTINGS}
