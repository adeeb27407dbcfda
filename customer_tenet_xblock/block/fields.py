"""
The block's fields: the exercise configuration and one learner's state.

`exercise` turns the configuration fields into the plain Exercise the rest of
the package works with; `store_exercise` writes one back.

`max_attempts` shares its name with the platform's inherited course-wide
"Maximum Attempts" (InheritanceMixin): while a block does not set its own, it
follows the course, as problems do, and the course may hand over None
(unlimited). `weight` left unset means what it means for problems: the
gradebook counts the raw points.
"""
import yaml
from lxml import etree
from xblock.core import XML_NAMESPACES
from xblock.fields import Field, Float, Integer, List, Scope, String

from ..exercise.i18n import N_
from ..exercise.olx import OlxError
from ..exercise.settings import SETTINGS, stored_values

FIELD_TYPES = {str: String, int: Integer, float: Float, list: List}


def setting_field(setting):
    """The XBlock field that stores one setting of settings.SETTINGS."""
    return FIELD_TYPES[setting.kind](
        display_name=setting.label, help=setting.help or None,
        scope=getattr(Scope, setting.scope), default=setting.store(setting.default),
    )


class ExerciseFieldsMixin(type("ExerciseFields", (), {setting.name: setting_field(setting) for setting in SETTINGS})):
    """Configuration, set by the course author in Studio or OLX: one field per setting."""

    def store_exercise(self, exercise, always=()):
        """
        Write a validated Exercise into the configuration fields.

        A setting equal to what the block shows already is left as it is, so one
        it inherits (the course's Maximum Attempts) or leaves unset (weight)
        keeps doing so until the author changes it; names in `always` are
        written anyway (the settings an OLX node names).
        """
        shown = stored_values(self.exercise)
        for name, value in stored_values(exercise).items():
            if name in always or value != shown[name] or self.fields[name].is_set_on(self):
                setattr(self, name, value)


EXERCISE_FIELDS = frozenset(setting.name for setting in SETTINGS)


class LearnerFieldsMixin:
    """One learner's work; the score is recomputable from the answers."""

    answer = String(scope=Scope.user_state, default="", help="The learner's latest answer.")
    best_answer = String(
        scope=Scope.user_state, default="",
        help="The answer that scored best when it was submitted; rescoring takes the better of the two.",
    )
    reflection = String(scope=Scope.user_state, default="", help="The learner's ungraded reflection.")
    attempts = Integer(scope=Scope.user_state, default=0, help="Submissions that were graded.")
    raw_earned = Float(scope=Scope.user_state, default=0.0, help="The score last published.")
    raw_possible = Float(scope=Scope.user_state, default=0.0, help="The score's maximum when published.")


LEARNER_FIELDS = tuple(name for name, value in vars(LearnerFieldsMixin).items() if isinstance(value, Field))


# ---- the block's other settings in OLX ---------------------------------------
# The platform mixes its own fields into every block (visible_to_staff_only,
# group_access, due, upstream, ...). They travel as XBlock's default OLX
# writes them: an attribute each (field.to_string / from_string), or an
# <option:name none="true"/> element for a String set to None.

SETTING_SCOPES = (Scope.settings, Scope.content)
# Names the platform puts on a block's node that need not be fields: the usage
# id (course export, clipboard), XBlock's family tag, the file of a pointer
# node, and where the clipboard copied the block from.
PLATFORM_ATTRIBUTES = frozenset({"url_name", "xblock-family", "filename", "copied_from_block", "copied_from_version"})
OPTION_NAMESPACE = XML_NAMESPACES["option"]


def other_setting_names(block):
    """The settings the block sets explicitly that are not part of the exercise."""
    return [
        name for name, field in block.fields.items()
        if field.scope in SETTING_SCOPES and name not in EXERCISE_FIELDS and field.is_set_on(block)
    ]


def read_other_settings(fields, attributes, elements):
    """
    {field name: value} for the attributes and <option:...> elements of a node
    that are not the exercise's; OlxError for a name that is no such field
    (the platform's own attributes excepted) or a value it cannot read.
    """
    named = [(name, text, False) for name, text in attributes.items()]
    for element in elements:
        qname = etree.QName(element)
        if qname.namespace != OPTION_NAMESPACE:
            raise OlxError(N_("{where} has an unknown element <{tag}>."), where="<customer_tenet>", tag=qname.localname)
        named.append((qname.localname, element.text or "", element.get("none") == "true"))
    values = {}
    for name, text, is_none in named:
        field = fields.get(name)
        if field is None or field.scope not in SETTING_SCOPES or name in EXERCISE_FIELDS:
            if name in PLATFORM_ATTRIBUTES:
                continue
            raise OlxError(N_("{where} has an unknown attribute {name}."), where="<customer_tenet>", name=repr(name))
        try:
            # Read as XBlock's default parse_xml reads it, then through the field's JSON form,
            # as storing and loading would (GroupAccessDict turns partition ids back into ints).
            values[name] = None if is_none else field.from_json(field.to_json(field.from_string(text)))
        except (ValueError, TypeError, yaml.YAMLError):
            raise OlxError(N_("{name} cannot be read from {value}."), name=name, value=repr(text)) from None
    return values
