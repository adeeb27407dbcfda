"""
The exercise as OLX: readable nested XML that round-trips exactly.

    <customer_tenet display_name="..." max_attempts="3" weight="1" ...>
      <prompt>Markdown</prompt>
      <group id="policyholders" side="external" points="1" kind="customers">
        <label>...</label> <hint>...</hint> <why>...</why>
        <synonym>...</synonym>
      </group>
      <reflection>...</reflection>
      <takeaway>...</takeaway>
    </customer_tenet>

What is merely absent takes the documented default (no <group> at all: the
insurance taxonomy); what is wrong raises OlxError naming the problem, and so
does an exercise that breaks a rule of validation.py: the block's parse_xml
and the CLI read with `read_node` and refuse the same files in the same words.
Other attributes and namespaced elements (the platform's settings, like
visible_to_staff_only) are handed back for the block to read as its fields.
Files are parsed with a parser that resolves no entities and reads no DTD
or network, with bounded size and depth.
"""
from gettext import NullTranslations

from lxml import etree

from ..rubric.taxonomy import KINDS, SIDES, Group, Taxonomy
from .i18n import N_, TranslatableError
from .settings import ATTRIBUTE, ELEMENT, GROUP_ELEMENTS, SETTINGS, TAXONOMY_SETTINGS, Exercise
from .validation import exercise_problems

MAX_OLX_BYTES = 1_000_000
MAX_DEPTH = 4  # customer_tenet > group > label is as deep as it goes

# The root element's attributes and text elements, as settings.SETTINGS says each setting travels.
ROOT_ATTRIBUTES = {setting.name: setting for setting in SETTINGS if setting.olx == ATTRIBUTE}
ROOT_TEXTS = {setting.olx_tag: setting for setting in SETTINGS if setting.olx == ELEMENT}
GROUP_TEXTS = ("label", "hint", "why")


class OlxError(TranslatableError, ValueError):
    """The OLX cannot be read; the message names the problem."""


def _safe_parser():
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=True, remove_pis=True,
    )


def parse_olx_text(data, translator=None):
    """Parse a whole OLX document (bytes or str) into a valid Exercise."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_OLX_BYTES:
        raise OlxError(N_("The OLX is larger than {max} bytes."), max=MAX_OLX_BYTES)
    try:
        root = etree.fromstring(data, parser=_safe_parser())
    except etree.XMLSyntaxError as error:
        raise OlxError(N_("The OLX is not well-formed XML: {detail}"), detail=str(error)) from None
    return exercise_from_node(root, translator)


def _check_depth(node, depth=1):
    if depth > MAX_DEPTH:
        raise OlxError(N_("<{tag}> is nested too deeply."), tag=node.tag)
    for child in _elements(node):
        _check_depth(child, depth + 1)


def _convert(value, kind, where):
    try:
        return kind(value)
    except ValueError:
        template = N_("{where} must be a whole number, not {value}.") if kind is int else N_(
            "{where} must be a number, not {value}.")
        raise OlxError(template, where=where, value=repr(value)) from None


def _elements(node):
    """Child elements only: comments and processing instructions carry no settings."""
    return (child for child in node if isinstance(child.tag, str))


def _text(node):
    """An element that holds text only: Markdown goes in as text, never as XML markup."""
    for child in node:
        if child.tag is etree.Entity:
            raise OlxError(N_("<{tag}> uses the entity {entity}: entities are not allowed."),
                           tag=node.tag, entity=child.text)
        if isinstance(child.tag, str):
            raise OlxError(N_("<{tag}> must hold text only, not <{child}>."), tag=node.tag, child=child.tag)
    # Text around a comment (the runtime's parser may keep them) is still the text.
    return "".join([node.text or ""] + [child.tail or "" for child in node]).strip()


def _choice(value, choices, where):
    """An attribute that takes one of a few words (wrong ones are a wrong type, not a rule)."""
    if value not in choices:
        allowed = ", ".join(repr(choice) for choice in choices)
        raise OlxError(N_("{where} must be one of {allowed}, not {value}."),
                       where=where, allowed=allowed, value=repr(value))
    return value


def _setting_value(text, setting):
    """A root attribute's value, of its setting's type and among its choices."""
    value = _convert(text, setting.kind, setting.name)
    return _choice(value, setting.choice_values, setting.name) if setting.choices else value


def _group_from_node(node, index):
    where = f"<group> #{index + 1}"
    unknown = sorted(set(node.attrib) - {"id", "side", "points", "kind"})
    if unknown:
        raise OlxError(N_("{where} has an unknown attribute {name}."), where=where, name=repr(unknown[0]))
    if "id" not in node.attrib:
        raise OlxError(N_("{where} has no id attribute."), where=where)
    texts = {name: "" for name in GROUP_TEXTS}
    synonyms = []
    for child in _elements(node):
        if child.tag == "synonym":
            synonyms.append(_text(child))
        elif child.tag in texts:
            if node.findall(child.tag)[0] is not child:
                raise OlxError(N_("{where} has more than one <{tag}>."), where=where, tag=child.tag)
            texts[child.tag] = _text(child)
        else:
            raise OlxError(N_("{where} has an unknown element <{tag}>."), where=where, tag=child.tag)
    if not texts["label"]:
        raise OlxError(N_("{where} has no <label>."), where=where)
    return Group(
        id=node.get("id"),
        side=_choice(node.get("side", "external"), SIDES, f"{where} side"),
        points=_convert(node.get("points", "1"), float, f"{where} points"),
        # Absent (OLX written before kinds): the kind of the id, "other" for a new id.
        kind=_choice(node.get("kind"), KINDS, f"{where} kind") if "kind" in node.attrib else "",
        synonyms=tuple(s for s in synonyms if s),
        **texts,
    )


def read_node(node, translator=None):
    """
    (Exercise, other attributes, other elements) from an lxml element.

    The exercise is checked with the rules Studio applies; attributes that are
    not the exercise's and elements in a namespace are returned untouched.
    """
    if not isinstance(node.tag, str) or node.tag != "customer_tenet":
        raise OlxError(N_("Expected <customer_tenet>, found <{tag}>."), tag=node.tag)
    docinfo = node.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        # Entities are how XXE and "billion laughs" attacks work; course OLX never needs them.
        # The platform's parser expands internal entities, so the DOCTYPE is all that is left to see.
        raise OlxError(N_("The OLX has a <!DOCTYPE> declaration: DTDs and entities are not allowed."))
    _check_depth(node)
    values = {
        name: _setting_value(node.get(name), setting)
        for name, setting in ROOT_ATTRIBUTES.items()
        if name in node.attrib
    }
    groups, others = [], []
    for child in _elements(node):
        if etree.QName(child).namespace:
            others.append(child)
        elif child.tag == "group":
            groups.append(_group_from_node(child, len(groups)))
        elif child.tag in ROOT_TEXTS:
            if ROOT_TEXTS[child.tag].name in values:
                raise OlxError(N_("{where} has more than one <{tag}>."), where="<customer_tenet>", tag=child.tag)
            values[ROOT_TEXTS[child.tag].name] = _text(child)
        else:
            raise OlxError(N_("{where} has an unknown element <{tag}>."), where="<customer_tenet>", tag=child.tag)
    taxonomy = {setting.name: values.pop(setting.name, setting.default) for setting in TAXONOMY_SETTINGS}
    taxonomy["groups"] = tuple(groups) or taxonomy["groups"]  # no <group> at all: the default taxonomy's
    values["taxonomy"] = Taxonomy(**taxonomy)
    exercise = Exercise(**values)
    problems = exercise_problems(exercise, translator or NullTranslations())
    if problems:
        field, problem = problems[0]
        raise OlxError(N_("{field}: {problem}"), field=field, problem=problem)
    attributes = {name: value for name, value in node.attrib.items() if name not in ROOT_ATTRIBUTES}
    return exercise, attributes, others


def exercise_from_node(node, translator=None):
    """
    The Exercise of an lxml element, for the CLI: the block's other settings
    (visibility, dates, ...) do not change how an answer is graded.
    """
    return read_node(node, translator)[0]


def _add_text(parent, tag, text):
    child = etree.SubElement(parent, tag)
    child.text = text
    return child


def exercise_to_node(exercise, node, omit=()):
    """Write every setting of an Exercise (but those named in `omit`) onto an lxml element, in a fixed order."""
    for name, setting in ROOT_ATTRIBUTES.items():
        if name not in omit and setting.value(exercise) is not None:  # an unset weight stays unset
            node.set(name, _format(setting.value(exercise)))
    for setting in SETTINGS:  # the elements, in the schema's order
        if setting.olx == ELEMENT:
            _add_text(node, setting.olx_tag, setting.value(exercise))
        elif setting.olx == GROUP_ELEMENTS:
            _add_groups(node, setting.value(exercise))
    return node


def _add_groups(node, groups):
    for group in groups:
        group_node = etree.SubElement(
            node, "group", id=group.id, side=group.side, points=_format(group.points), kind=group.kind)
        for tag in GROUP_TEXTS:
            _add_text(group_node, tag, getattr(group, tag))
        for synonym in group.synonyms:
            _add_text(group_node, "synonym", synonym)


def _format(value):
    return f"{value:g}" if isinstance(value, float) else str(value)


def exercise_to_text(exercise):
    """The OLX document for an exercise, as the CLI and tests write it."""
    node = exercise_to_node(exercise, etree.Element("customer_tenet"))
    etree.indent(node, space="  ")
    return etree.tostring(node, encoding="unicode") + "\n"
