"""The rules of a valid configuration, each reported against its field."""
import gettext

import pytest

from customer_tenet_xblock.exercise.presets import PRESETS
from customer_tenet_xblock.exercise.settings import Exercise
from customer_tenet_xblock.exercise.validation import exercise_problems
from customer_tenet_xblock.rubric.taxonomy import Group, Taxonomy

T = gettext.NullTranslations()


def fields_of(exercise):
    return [field for field, _message in exercise_problems(exercise, T)]


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_presets_are_valid(preset):
    assert exercise_problems(Exercise(taxonomy=PRESETS[preset][1]), T) == []


def with_groups(*groups, **taxonomy):
    return Exercise(taxonomy=Taxonomy(groups=groups, **taxonomy))


A = Group(id="a", label="Alpha")
B = Group(id="b", label="Beta", side="internal")


@pytest.mark.parametrize("exercise, field", [
    (with_groups(), "groups"),
    (with_groups(A, Group(id="a", label="Other")), "groups.1.id"),
    (with_groups(A, Group(id="b", label=" alpha ")), "groups.1.label"),
    (with_groups(Group(id="", label="x")), "groups.0.id"),
    (with_groups(Group(id="Bad Id!", label="x")), "groups.0.id"),
    (with_groups(Group(id="a", label="  ")), "groups.0.label"),
    (with_groups(Group(id="a", label="x", side="sideways")), "groups.0.side"),
    (with_groups(Group(id="a", label="x", points=-1)), "groups.0.points"),
    (with_groups(Group(id="a", label="x", points=0)), "groups"),
    (with_groups(A, B, balance_points=-2), "balance_points"),
    (with_groups(Group(id="a", label="x", hint="h" * 5001)), "groups.0.hint"),
    (with_groups(Group(id="a", label="x", synonyms=("s" * 201,))), "groups.0.synonyms"),
    (with_groups(A, lexicon="klingon"), "lexicon"),
    (Exercise(max_attempts=-1), "max_attempts"),
    (Exercise(weight=float("nan")), "weight"),
    (Exercise(weight=-1), "weight"),
    (Exercise(display_name=""), "display_name"),
    (Exercise(prompt=" "), "prompt"),
    (Exercise(show_why="sometimes"), "show_why"),
    (Exercise(max_chars=10), "max_chars"),
    (Exercise(max_entries=100_000), "max_entries"),
    (Exercise(takeaway="t" * 5001), "takeaway"),
])
def test_each_problem_names_its_field(exercise, field):
    assert field in fields_of(exercise)


def test_zero_points_group_is_fine_when_others_count():
    assert fields_of(with_groups(A, Group(id="z", label="Zero", points=0))) == []


def test_an_unset_weight_is_valid():
    """Unset, as for problems: the gradebook counts the raw points."""
    assert fields_of(Exercise(weight=None)) == [] and Exercise().weight is None
