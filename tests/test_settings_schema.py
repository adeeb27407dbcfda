"""
Each setting is described once (exercise/settings.py SETTINGS); the block's
field, the OLX, Studio's editor, the rules and the mobile data all follow
that description. Table-driven over SETTINGS, so a setting added there is
checked everywhere without a new test.
"""
from dataclasses import replace
from gettext import NullTranslations

import pytest
from xblock.fields import Scope

from customer_tenet_xblock.block.studio import editor_data, read_editor
from customer_tenet_xblock.exercise import olx
from customer_tenet_xblock.exercise.presets import MANAGERS
from customer_tenet_xblock.exercise.settings import SETTINGS, Exercise
from customer_tenet_xblock.exercise.validation import exercise_problems
from helpers import make_block

TRANSLATOR = NullTranslations()


def with_value(setting, value):
    """The default Exercise with one setting changed."""
    exercise = Exercise()
    if setting.on_taxonomy:
        return exercise.with_changes(taxonomy=replace(exercise.taxonomy, **{setting.name: value}))
    return exercise.with_changes(**{setting.name: value})


def valid_other_value(setting):
    """A valid value that is not the default."""
    if setting.kind is list:
        return MANAGERS.groups
    if setting.choices:
        return next(value for value in setting.choice_values if value != setting.default)
    if setting.bounds:  # the highest, or the lowest when the highest is the default (max_chars)
        return setting.kind(next(bound for bound in reversed(setting.bounds) if bound != setting.default))
    return f"{setting.default} (changed)".strip()


def invalid_value(setting):
    """A value the setting's own rule refuses, or None when it has none beyond its type."""
    if setting.bounds:
        return setting.kind(setting.bounds[1] + 1)
    if setting.choices:
        return "nonsense"
    if setting.max_length:
        return "x" * (setting.max_length + 1)
    return None


SCALARS = [setting for setting in SETTINGS if setting.kind is not list]


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda setting: setting.name)
def test_the_block_has_the_field_the_setting_describes(setting):
    field = make_block().fields[setting.name]
    assert field.scope == getattr(Scope, setting.scope)
    assert field.default == setting.store(setting.default)
    assert field.display_name == setting.label


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda setting: setting.name)
def test_a_setting_stored_as_its_default_reads_as_one_left_unset(setting):
    """The block takes an unset setting's default as is, without loading its stored form."""
    block = make_block()
    assert block.exercise == Exercise()
    setattr(block, setting.name, setting.store(setting.default))
    block.save()
    stored = make_block(runtime=block.runtime)  # the next request: the setting read from its stored form
    assert stored.fields[setting.name].is_set_on(stored)
    assert stored.exercise == Exercise()


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda setting: setting.name)
def test_a_changed_setting_is_stored_and_read_back(setting):
    exercise = with_value(setting, valid_other_value(setting))
    block = make_block(exercise)
    assert block.exercise == exercise
    assert block.fields[setting.name].is_set_on(block)


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda setting: setting.name)
def test_a_changed_setting_round_trips_through_olx(setting):
    exercise = with_value(setting, valid_other_value(setting))
    assert exercise_problems(exercise, TRANSLATOR) == []
    assert olx.parse_olx_text(olx.exercise_to_text(exercise)) == exercise


@pytest.mark.parametrize("setting", SCALARS, ids=lambda setting: setting.name)
def test_the_editor_shows_and_reads_every_setting(setting):
    value = valid_other_value(setting)
    data = editor_data(Exercise())
    assert setting.name in data
    exercise, problems = read_editor({setting.name: value}, Exercise(), TRANSLATOR)
    assert problems == {} and exercise == with_value(setting, value)


@pytest.mark.parametrize("setting", [s for s in SETTINGS if invalid_value(s) is not None], ids=lambda s: s.name)
def test_a_setting_that_breaks_its_rule_is_named_by_validation(setting):
    problems = exercise_problems(with_value(setting, invalid_value(setting)), TRANSLATOR)
    assert [name for name, _message in problems] == [setting.name]
    _exercise, editor_problems = read_editor({setting.name: invalid_value(setting)}, Exercise(), TRANSLATOR)
    assert list(editor_problems) == [setting.name]


def test_the_mobile_apps_get_the_settings_marked_for_them():
    data = make_block().student_view_data()
    exercise = Exercise()
    for setting in SETTINGS:
        assert (setting.name in data) == setting.mobile
        if setting.mobile:
            assert data[setting.name] == setting.value(exercise)
