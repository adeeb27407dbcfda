"""OLX: readable nested XML, exact round trips, safe parsing of hostile files."""
import pytest

from customer_tenet_xblock import olx
from customer_tenet_xblock.exercise import Exercise
from customer_tenet_xblock.presets import ANY_ORGANISATION, INSURANCE, MANAGERS
from customer_tenet_xblock.taxonomy import Group, Taxonomy


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
    assert '<group id="a" side="internal" points="2">' in text
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


def test_external_entities_are_not_resolved():
    exercise = olx.parse_olx_text(XXE)
    assert "root:" not in exercise.prompt


def test_entity_expansion_is_not_performed():
    exercise = olx.parse_olx_text(LAUGHS)
    assert "lollol" not in exercise.prompt


@pytest.mark.parametrize("text, words", [
    ("<customer_tenet><prompt>", "not well-formed"),
    ("<problem/>", "Expected <customer_tenet>"),
    ('<customer_tenet colour="red"/>', "unknown attribute 'colour'"),
    ("<customer_tenet><banner/></customer_tenet>", "unknown element <banner>"),
    ("<customer_tenet><group><label>x</label></group></customer_tenet>", "no id attribute"),
    ('<customer_tenet><group id="a"/></customer_tenet>', "no <label>"),
    ('<customer_tenet><group id="a" points="many"><label>x</label></group></customer_tenet>', "must be a number"),
    ('<customer_tenet max_attempts="two"/>', "max_attempts must be a whole number"),
    ('<customer_tenet><group id="a"><label>x</label><colour/></group></customer_tenet>', "unknown element <colour>"),
    ("<customer_tenet><group id='a'><label><b><i>x</i></b></label></group></customer_tenet>", "nested too deeply"),
])
def test_bad_olx_names_the_problem(text, words):
    with pytest.raises(olx.OlxError, match=words):
        olx.parse_olx_text(text)


def test_size_is_bounded():
    with pytest.raises(olx.OlxError, match="larger than"):
        olx.parse_olx_text(b"<customer_tenet><prompt>" + b"x" * olx.MAX_OLX_BYTES + b"</prompt></customer_tenet>")
