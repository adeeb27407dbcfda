"""
OLX as the platform hands it over: Studio's clipboard, course export and
import, with the platform's own fields mixed into the block.
"""
import datetime
from gettext import NullTranslations

import pytest
from lxml import etree
from xblock.fields import ScopeIds

from customer_tenet_xblock import cli
from customer_tenet_xblock.block import CustomerTenetXBlock
from customer_tenet_xblock.exercise import olx
from customer_tenet_xblock.exercise.presets import MANAGERS
from customer_tenet_xblock.exercise.settings import Exercise
from mixin_stand_ins import LMS_MIXINS, STUDIO_MIXINS, PlatformRuntime

# The parser the platform's course import installs as lxml's default: entities are expanded.
PLATFORM_PARSER = etree.XMLParser(dtd_validation=False, load_dtd=False, remove_blank_text=True)


def new_block(runtime=None, exercise=None, usage_id="block-1"):
    runtime = runtime or PlatformRuntime()
    block = runtime.make(CustomerTenetXBlock, usage_id)
    if exercise is not None:
        block.store_exercise(exercise)
    return block


def course_export(block):
    """The node a course export writes: the runtime names it with its url_name, then the block fills it in."""
    vertical = etree.Element("vertical")
    child = etree.SubElement(vertical, "customer_tenet")
    child.set("url_name", block.scope_ids.usage_id)
    block.add_xml_to_node(child)
    etree.indent(child, space="  ")
    return etree.tostring(child, encoding="unicode")


def course_import(text, runtime=None, usage_id="imported-1"):
    """The platform's import: parse with its parser, drop xblock-family, parse_xml on the mixed class."""
    runtime = runtime or PlatformRuntime()
    node = etree.fromstring(text, PLATFORM_PARSER)
    node.attrib.pop("xblock-family", None)
    block_class = runtime.mixologist.mix(CustomerTenetXBlock)
    keys = ScopeIds(None, "customer_tenet", usage_id, usage_id)
    block = block_class.parse_xml(node, runtime, keys, runtime.id_generator)
    runtime.blocks[usage_id] = block
    return block


def clipboard_paste(olx_text, runtime, copied_from="block-v1:Org+Course+Run+type@customer_tenet+block@source"):
    """Studio's paste: the unmixed class's parse_xml on the staged OLX, then the source is recorded."""
    node = etree.fromstring(olx_text)
    keys = ScopeIds(None, "customer_tenet", "pasted", "pasted")
    block = CustomerTenetXBlock.parse_xml(node, runtime, keys)
    if "copied_from_block" in block.fields:
        block.copied_from_block = copied_from
    return block


# ---- Studio's clipboard ------------------------------------------------------

def test_a_copy_of_a_pasted_block_pastes_again():
    """
    cms/djangoapps/contentstore/helpers.py: paste hands the staged OLX node to
    parse_xml of the class as loaded; the OLX was written by add_xml_to_node
    plus url_name (openedx/core/lib/xblock_serializer/block_serializer.py),
    and a block pasted once carries copied_from_block, so copying it again
    puts the attribute on the node.
    """
    runtime = PlatformRuntime(STUDIO_MIXINS)
    first = clipboard_paste(course_export(new_block(runtime, Exercise(taxonomy=MANAGERS, max_attempts=2))), runtime)
    staged = course_export(first)
    assert 'copied_from_block="' in staged
    second = clipboard_paste(staged, runtime, copied_from="block-v1:Org+Course+Run+type@customer_tenet+block@pasted")
    assert second.exercise == first.exercise
    assert second.copied_from_block.endswith("block@pasted")


@pytest.mark.parametrize("attributes", [
    'copied_from_block="block-v1:O+C+R+type@customer_tenet+block@b1"',
    'copied_from_block="lb:Org:lib:customer_tenet:b1" copied_from_version="4"',
    'url_name="b1" xblock-family="xblock.v1" filename="b1"',
])
def test_the_platforms_own_attributes_are_accepted_where_they_are_no_field(attributes):
    """
    cms/djangoapps/contentstore/helpers.py: the clipboard node may carry
    copied_from_block and copied_from_version in a runtime (the LMS's, a
    library's) that mixes in no AuthoringMixin; url_name, xblock-family and
    filename come from the serializer and export.
    """
    runtime = PlatformRuntime(LMS_MIXINS)
    block = clipboard_paste(f'<customer_tenet {attributes} max_attempts="2"/>', runtime)
    assert block.max_attempts == 2
    assert "copied_from_block" not in block.fields


def test_a_name_that_is_no_field_is_refused_naming_it():
    """cms/djangoapps/contentstore/helpers.py: paste calls parse_xml; a typo must not be dropped silently."""
    with pytest.raises(olx.OlxError, match="unknown attribute 'max_attempt'"):
        clipboard_paste('<customer_tenet url_name="b1" max_attempt="2"/>', PlatformRuntime())


# ---- course export and import --------------------------------------------------

DUE = datetime.datetime(2031, 5, 1, 23, 30, tzinfo=datetime.timezone.utc)


def block_with_settings(runtime, settings):
    block = new_block(runtime, Exercise(taxonomy=MANAGERS, max_attempts=3))
    for name, value in settings.items():
        setattr(block, name, value)
    return block


def round_trip(settings, mixins=STUDIO_MIXINS):
    runtime = PlatformRuntime(mixins)
    block = block_with_settings(runtime, settings)
    exported = course_export(block)
    imported = course_import(exported, runtime)
    for name, value in settings.items():
        assert imported.fields[name].is_set_on(imported), name
        assert getattr(imported, name) == value, name
    assert imported.exercise == block.exercise
    assert course_export(imported).replace('"imported-1"', '"block-1"') == exported
    return exported


def test_inherited_settings_round_trip_through_course_export():
    """
    xmodule/modulestore/inheritance.py: InheritanceMixin mixes due,
    graceperiod, visible_to_staff_only ("hide from learners") and
    show_correctness into every block; XBlock's default add_xml_to_node writes
    every field that is set, and so must ours.
    """
    exported = round_trip({
        "visible_to_staff_only": True, "due": DUE, "graceperiod": datetime.timedelta(hours=2, minutes=30),
        "show_correctness": "past_due", "graded": True, "days_early_for_beta": 1.5,
    })
    assert 'visible_to_staff_only="true"' in exported and 'show_correctness="past_due"' in exported


def test_group_access_round_trips_through_course_export():
    """lms/djangoapps/lms_xblock/mixin.py: group_access, keyed by partition id (an int), limits who sees the block."""
    round_trip({"group_access": {50: [1, 2], 51: [3]}}, LMS_MIXINS)


def test_the_library_link_round_trips_through_course_export():
    """
    cms/lib/xblock/upstream_sync.py: UpstreamSyncMixin's upstream* fields link
    a block to its library source; severing the link sets upstream to None,
    which XBlock writes as <option:upstream none="true"/>.
    """
    round_trip({
        "upstream": "lb:Org:lib:customer_tenet:abc", "upstream_version": 4, "upstream_version_declined": 5,
        "upstream_display_name": "From the library", "downstream_customized": ["display_name"],
    })
    exported = round_trip({"upstream": None, "copied_from_block": "lb:Org:lib:customer_tenet:abc"})
    assert 'none="true"' in exported


def test_course_import_with_the_platforms_parser_and_settings_keeps_the_exercise():
    """
    xmodule/x_module.py (XMLParsingSystem.xblock_from_node): import pops
    xblock-family, then calls parse_xml(node, runtime, keys, id_generator) on
    the mixed class with the node parsed by xmodule/modulestore/xml.py's parser.
    """
    text = ('<customer_tenet url_name="b9" xblock-family="xblock.v1" visible_to_staff_only="true" '
            'group_access=\'{"50": [1]}\' max_attempts="2">\n  <prompt>Who?</prompt>\n</customer_tenet>')
    block = course_import(text)
    assert (block.visible_to_staff_only, block.group_access, block.max_attempts) == (True, {50: [1]}, 2)
    assert block.exercise.prompt == "Who?"


# ---- one reader, one set of rules -------------------------------------------------

def group(points="1", group_id="a", label="Alpha"):
    return f'<group id="{group_id}" points="{points}"><label>{label}</label></group>'


INVALID = [
    (f"<customer_tenet>{group(points='nan')}</customer_tenet>", "groups.0.points"),
    (f"<customer_tenet>{group(points='inf')}</customer_tenet>", "groups.0.points"),
    (f"<customer_tenet>{group(points='-2')}</customer_tenet>", "groups.0.points"),
    (f"<customer_tenet>{group()}{group(label='Beta')}</customer_tenet>", "groups.1.id"),
    (f"<customer_tenet>{group(label='x' * 300)}</customer_tenet>", "groups.0.label"),
    (f"<customer_tenet>{group(label='x' * 2_000_000)}</customer_tenet>", "groups.0.label"),
    ('<customer_tenet max_attempts="-3"/>', "max_attempts"),
    ('<customer_tenet weight="nan"/>', "weight"),
    ('<customer_tenet balance_points="inf"/>', "balance_points"),
]


@pytest.mark.parametrize("text, field", INVALID)
def test_course_import_refuses_what_studio_and_the_cli_refuse(text, field, tmp_path):
    """
    cms/djangoapps/contentstore/tasks.py: course import runs with error blocks
    off, so parse_xml's exception fails the import and its str() is what the
    log shows; it must name the block and the problem, in the CLI's words.
    """
    runtime = PlatformRuntime()
    with pytest.raises(olx.OlxError) as caught:
        course_import(text.replace("<customer_tenet", '<customer_tenet url_name="week2_customers"', 1), runtime)
    message = str(caught.value)
    assert message.startswith('<customer_tenet url_name="week2_customers">: ' + field + ": ")
    assert runtime.blocks == {} and runtime.events == []
    path = tmp_path / "block.xml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(cli.InputError) as refused:
        cli.load_exercise(str(path), NullTranslations())
    if len(text) < olx.MAX_OLX_BYTES:  # a larger file the CLI refuses unread, for its size
        assert str(refused.value) == f"{path}: " + message.split(">: ", 1)[1]


def test_a_doctype_with_an_internal_entity_is_refused_although_the_platforms_parser_expanded_it():
    """xmodule/modulestore/xml.py: the import parser (load_dtd=False) still expands internal entities."""
    text = '<!DOCTYPE customer_tenet [<!ENTITY who "agents">]><customer_tenet><prompt>&who;</prompt></customer_tenet>'
    assert etree.fromstring(text, PLATFORM_PARSER)[0].text == "agents"
    with pytest.raises(olx.OlxError, match="DOCTYPE"):
        course_import(text)

