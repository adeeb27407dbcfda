"""
Rules for a valid exercise configuration, in one place: each setting's
bounds, choices and lengths as settings.SETTINGS describes them, and the
rules of the customer groups.

Pure functions: they take the translator as an argument and return
(field, message) pairs, so Studio's editor, the block's validate(), the OLX
parser and the CLI report the same problems in the same words.
"""
from ..rubric.taxonomy import KINDS, SIDES
from .settings import MAX_LABEL_LENGTH, MAX_POINTS, MAX_TEXT_LENGTH, SETTINGS, SETTINGS_BY_NAME

MAX_GROUPS = 30
MAX_SYNONYMS = 200
MAX_ID_LENGTH = 50
ID_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")


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
    balance_in_bounds = not SETTINGS_BY_NAME["balance_points"].problem_with(taxonomy.balance_points)
    if groups and balance_in_bounds and taxonomy.possible_points <= 0:  # one message about the points is enough
        yield "groups", _("The exercise must be worth more than 0 points in total.")


def exercise_problems(exercise, translator):
    """All problems of an exercise as (field, message) pairs; empty when valid."""
    problems = [
        (setting.name, message) for setting in SETTINGS
        if setting.problem and (message := setting.problem_text(setting.value(exercise), translator))
    ]
    problems.extend(_taxonomy_problems(exercise.taxonomy, translator.gettext))
    return problems
