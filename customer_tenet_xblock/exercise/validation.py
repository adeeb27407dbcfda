"""
Rules for a valid exercise configuration, in one place.

Pure functions: they take the translator as an argument and return
(field, message) pairs, so Studio's editor, the block's validate(), the OLX
parser and the CLI report the same problems in the same words.
"""
from ..rubric.taxonomy import KINDS, SIDES
from .settings import MAX_CHARS_BOUNDS, MAX_ENTRIES_BOUNDS, SHOW_WHY_CHOICES

MAX_GROUPS = 30
MAX_SYNONYMS = 200
MAX_ID_LENGTH = 50
MAX_LABEL_LENGTH = 200
MAX_TEXT_LENGTH = 5_000  # hint, why, synonym, reflection question, takeaway
MAX_PROMPT_LENGTH = 20_000
MAX_POINTS = 100
MAX_ATTEMPTS = 1_000
ID_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")
LEXICONS = ("en", "es", "")


def _group_problems(index, group, _):
    where = f"groups.{index}"
    if not group.id:
        yield f"{where}.id", _("Every group needs an id.")
    elif len(group.id) > MAX_ID_LENGTH or not set(group.id) <= ID_CHARACTERS:
        yield f"{where}.id", _(
            "A group id may use only lowercase letters, digits, '-' and '_', at most {max} characters."
        ).format(max=MAX_ID_LENGTH)
    if not group.label.strip():
        yield f"{where}.label", _("Every group needs a label.")
    elif len(group.label) > MAX_LABEL_LENGTH:
        yield f"{where}.label", _("A label may be at most {max} characters long.").format(max=MAX_LABEL_LENGTH)
    if group.side not in SIDES:
        yield f"{where}.side", _("The side must be internal or external.")
    if group.kind not in KINDS:
        yield f"{where}.kind", _("Choose what kind of customers this group holds.")
    if not 0 <= group.points <= MAX_POINTS:
        yield f"{where}.points", _("Points must be between 0 and {max}.").format(max=MAX_POINTS)
    for name, text in (("hint", group.hint), ("why", group.why)):
        if len(text) > MAX_TEXT_LENGTH:
            yield f"{where}.{name}", _("This text may be at most {max} characters long.").format(max=MAX_TEXT_LENGTH)
    if len(group.synonyms) > MAX_SYNONYMS:
        yield f"{where}.synonyms", _("A group may have at most {max} synonyms.").format(max=MAX_SYNONYMS)
    if any(len(synonym) > MAX_LABEL_LENGTH for synonym in group.synonyms):
        yield f"{where}.synonyms", _("A synonym may be at most {max} characters long.").format(max=MAX_LABEL_LENGTH)


def _taxonomy_problems(taxonomy, _):
    groups = taxonomy.groups
    if not groups:
        yield "groups", _("Add at least one customer group.")
    if len(groups) > MAX_GROUPS:
        yield "groups", _("A taxonomy may have at most {max} groups.").format(max=MAX_GROUPS)
    seen_ids, seen_labels = set(), set()
    for index, group in enumerate(groups):
        yield from _group_problems(index, group, _)
        if group.id and group.id in seen_ids:
            yield f"groups.{index}.id", _("Two groups have the id '{id}'; ids must be unique.").format(id=group.id)
        label_key = group.label.strip().casefold()
        if label_key and label_key in seen_labels:
            yield f"groups.{index}.label", _("Two groups have the same label; labels must be unique.")
        seen_ids.add(group.id)
        seen_labels.add(label_key)
    if not 0 <= taxonomy.balance_points <= MAX_POINTS:
        yield "balance_points", _("Points must be between 0 and {max}.").format(max=MAX_POINTS)
    elif groups and taxonomy.possible_points <= 0:
        yield "groups", _("The exercise must be worth more than 0 points in total.")
    if taxonomy.lexicon not in LEXICONS:
        yield "lexicon", _("Unknown matching lexicon.")


def exercise_problems(exercise, translator):
    """All problems of an exercise as (field, message) pairs; empty when valid."""
    _ = translator.gettext
    problems = []
    if not exercise.display_name.strip():
        problems.append(("display_name", _("The exercise needs a display name.")))
    elif len(exercise.display_name) > MAX_LABEL_LENGTH:
        problems.append(("display_name", _("A label may be at most {max} characters long.").format(max=MAX_LABEL_LENGTH)))
    if not exercise.prompt.strip():
        problems.append(("prompt", _("The exercise needs a prompt.")))
    elif len(exercise.prompt) > MAX_PROMPT_LENGTH:
        problems.append(("prompt", _("The prompt may be at most {max} characters long.").format(max=MAX_PROMPT_LENGTH)))
    if not 0 <= exercise.max_attempts <= MAX_ATTEMPTS:
        problems.append(("max_attempts", _("Attempts must be between 0 (unlimited) and {max}.").format(max=MAX_ATTEMPTS)))
    if exercise.weight is not None and not 0 <= exercise.weight <= MAX_POINTS:
        problems.append(("weight", _("The weight must be between 0 and {max}.").format(max=MAX_POINTS)))
    if exercise.show_why not in SHOW_WHY_CHOICES:
        problems.append(("show_why", _("Choose when the why-it-matters text is shown.")))
    for name, text in (("reflection_prompt", exercise.reflection_prompt), ("takeaway", exercise.takeaway)):
        if len(text) > MAX_TEXT_LENGTH:
            problems.append((name, _("This text may be at most {max} characters long.").format(max=MAX_TEXT_LENGTH)))
    for name, value, (low, high) in (
        ("max_chars", exercise.max_chars, MAX_CHARS_BOUNDS),
        ("max_entries", exercise.max_entries, MAX_ENTRIES_BOUNDS),
    ):
        if not low <= value <= high:
            problems.append((name, _("This limit must be between {low} and {high}.").format(low=low, high=high)))
    problems.extend(_taxonomy_problems(exercise.taxonomy, _))
    return problems
