"""OLX: readable nested XML, exact round trips, safe parsing of hostile files."""
import copy
from gettext import NullTranslations

import pytest
from lxml import etree
from xblock.fields import ScopeIds

from customer_tenet_xblock import cli
from customer_tenet_xblock.block import CustomerTenetXBlock
from customer_tenet_xblock.exercise import olx
from customer_tenet_xblock.exercise.presets import ANY_ORGANISATION, INSURANCE, MANAGERS
from customer_tenet_xblock.exercise.settings import Exercise
from customer_tenet_xblock.rubric.taxonomy import Group, Taxonomy
from helpers import RecordingRuntime, make_block


@pytest.mark.parametrize("taxonomy", [INSURANCE, MANAGERS, ANY_ORGANISATION])
def test_export_import_export_is_byte_identical(taxonomy):
    exercise = Exercise(taxonomy=taxonomy, max_attempts=3, weight=2.5, show_why="always")
    first = olx.exercise_to_text(exercise)
    again = olx.parse_olx_text(first)
    assert again == exercise
    assert olx.exercise_to_text(again) == first


def test_export_is_readable_nested_xml():
    groups = (Group(id="a", label="Alpha & <co>", side="internal", points=2, synonyms=("alpha", "α")),)
    text = olx.exercise_to_text(Exercise(taxonomy=Taxonomy(groups=groups)))
    assert '<group id="a" side="internal" points="2" kind="other">' in text
    assert "<label>Alpha &amp; &lt;co&gt;</label>" in text
    assert "<synonym>α</synonym>" in text
    assert "<prompt>" in text and "<reflection>" in text and "<takeaway>" in text


def test_absent_settings_take_the_defaults():
    exercise = olx.parse_olx_text("<customer_tenet/>")
    assert exercise == Exercise()


def test_comments_are_ignored():
    exercise = olx.parse_olx_text('<customer_tenet max_attempts="2"><!-- note --><prompt>Hi</prompt></customer_tenet>')
    assert exercise.max_attempts == 2 and exercise.prompt == "Hi"


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<customer_tenet><prompt>&xxe;</prompt></customer_tenet>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<customer_tenet><prompt>&lol4;</prompt></customer_tenet>"""


LAUGHS_IN_AN_ATTRIBUTE = LAUGHS.replace(b"<customer_tenet><prompt>&lol4;</prompt>", b'<customer_tenet display_name="&lol4;">')
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE customer_tenet SYSTEM "http://127.0.0.1:9/evil.dtd">
<customer_tenet/>"""
PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;]>
<customer_tenet/>"""


@pytest.mark.parametrize("document", [XXE, LAUGHS, LAUGHS_IN_AN_ATTRIBUTE, EXTERNAL_DTD, PARAMETER_ENTITY])
def test_dtds_and_entities_are_refused_unexpanded(document):
    with pytest.raises(olx.OlxError, match="DOCTYPE|not well-formed") as caught:
        olx.parse_olx_text(document)
    assert "root:" not in str(caught.value) and "lollol" not in str(caught.value)


def test_an_entity_in_a_node_the_runtime_hands_over_is_named():
    node = etree.fromstring(XXE, etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True))
    with pytest.raises(olx.OlxError, match="DOCTYPE"):
        olx.exercise_from_node(node)
    with pytest.raises(olx.OlxError, match="entity &xxe;"):  # the same node out of its document
        olx.exercise_from_node(copy.deepcopy(node))


def test_deep_nesting_is_refused():
    deep = b"<customer_tenet>" + b"<group>" * 5000 + b"</group>" * 5000 + b"</customer_tenet>"
    with pytest.raises(olx.OlxError):
        olx.parse_olx_text(deep)


def test_absent_group_attributes_take_the_defaults():
    exercise = olx.parse_olx_text('<customer_tenet><group id="a"><label>A</label></group></customer_tenet>')
    assert exercise.taxonomy.groups == (Group(id="a", label="A", side="external", points=1.0),)


@pytest.mark.parametrize("text, words", [
    ("<customer_tenet><prompt>", "not well-formed"),
    ("<problem/>", "Expected <customer_tenet>"),
    ("<customer_tenet><banner/></customer_tenet>", "unknown element <banner>"),
    ("<customer_tenet><group><label>x</label></group></customer_tenet>", "no id attribute"),
    ('<customer_tenet><group id="a"/></customer_tenet>', "no <label>"),
    ('<customer_tenet><group id="a" points="many"><label>x</label></group></customer_tenet>', "must be a number"),
    ('<customer_tenet max_attempts="two"/>', "max_attempts must be a whole number"),
    ('<customer_tenet><group id="a"><label>x</label><colour/></group></customer_tenet>', "unknown element <colour>"),
    ("<customer_tenet><group id='a'><label><b><i>x</i></b></label></group></customer_tenet>", "nested too deeply"),
    ("<customer_tenet><prompt>Say <b>who</b></prompt></customer_tenet>", "<prompt> must hold text only, not <b>"),
    ("<customer_tenet><prompt>a</prompt><prompt>b</prompt></customer_tenet>", "more than one <prompt>"),
    ('<customer_tenet><group id="a"><label>x</label><label>y</label></group></customer_tenet>', "more than one <label>"),
    ('<customer_tenet><group id="a" side="sideways"><label>x</label></group></customer_tenet>', "side must be one of"),
    ('<customer_tenet><group id="a" bonus="2"><label>x</label></group></customer_tenet>', "unknown attribute 'bonus'"),
    ('<customer_tenet show_why="sometimes"/>', "show_why must be one of"),
    ('<customer_tenet lexicon="klingon"/>', "lexicon must be one of"),
    ('<customer_tenet weight="heavy"/>', "weight must be a number"),
    ('<customer_tenet balance_points="x"/>', "balance_points must be a number"),
    ("", "not well-formed"),
    (b"\xff\xfe<customer_tenet/>", "not well-formed"),
])
def test_bad_olx_names_the_problem(text, words):
    with pytest.raises(olx.OlxError, match=words):
        olx.parse_olx_text(text)


def test_size_is_bounded():
    with pytest.raises(olx.OlxError, match="larger than"):
        olx.parse_olx_text(b"<customer_tenet><prompt>" + b"x" * olx.MAX_OLX_BYTES + b"</prompt></customer_tenet>")


def export_block(block):
    node = etree.Element("unknown_root")
    block.add_xml_to_node(node)
    etree.indent(node, space="  ")
    return etree.tostring(node, encoding="utf-8")


@pytest.mark.parametrize("taxonomy", [INSURANCE, MANAGERS])
def test_the_blocks_export_import_export_is_byte_identical(taxonomy):
    """Through the runtime's own hooks, add_xml_to_node and parse_xml, as Studio exports and imports."""
    groups = taxonomy.groups + (Group(id="x", label="Ünïcode & <friends>", side="internal", points=2.5,
                                      hint="a\nb", why="“why”", synonyms=("one", "two")),)
    exercise = Exercise(taxonomy=Taxonomy(groups=groups, balance_points=1.5), max_attempts=4, weight=0.5)
    first = export_block(make_block(exercise))
    ids = ScopeIds("u", "customer_tenet", "d2", "u2")
    imported = CustomerTenetXBlock.parse_xml(etree.fromstring(first), RecordingRuntime(), ids)
    assert imported.exercise == exercise
    assert export_block(imported) == first


def test_the_cli_reads_the_blocks_export(tmp_path):
    exercise = Exercise(taxonomy=MANAGERS, max_attempts=2)
    path = tmp_path / "block.xml"
    path.write_bytes(export_block(make_block(exercise)))
    assert cli.load_exercise(str(path), NullTranslations()) == exercise


def test_the_cli_reads_a_course_export_with_the_platforms_settings(tmp_path):
    """The CLI grades with the exercise; settings the platform mixes in do not change a grade."""
    exercise = Exercise(taxonomy=MANAGERS, max_attempts=2)
    node = etree.fromstring(export_block(make_block(exercise)))
    node.set("url_name", "b1")
    node.set("visible_to_staff_only", "true")
    node.set("group_access", '{"50": [1]}')
    path = tmp_path / "block.xml"
    path.write_bytes(etree.tostring(node))
    assert cli.load_exercise(str(path), NullTranslations()) == exercise


def test_an_unset_weight_is_not_written_and_reads_back_unset():
    text = olx.exercise_to_text(Exercise())
    assert "weight=" not in text
    assert olx.parse_olx_text(text).weight is None
    assert olx.parse_olx_text('<customer_tenet weight="2.5"/>').weight == 2.5


def test_the_rules_of_validation_apply_when_reading():
    with pytest.raises(olx.OlxError, match=r"^groups\.1\.id: Two groups have the id 'a'"):
        olx.parse_olx_text('<customer_tenet><group id="a"><label>A</label></group>'
                           '<group id="a"><label>B</label></group></customer_tenet>')
