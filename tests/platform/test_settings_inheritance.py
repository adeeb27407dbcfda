"""
The course-wide "Maximum Attempts" advanced setting reaches the block through
the field of the same name, as it reaches problems; and weight, unset, means
what it means for problems.
"""
import json
from gettext import NullTranslations

import pytest
from lxml import etree
from webob import Request
from xblock.fields import ScopeIds

from customer_tenet_xblock.block import CustomerTenetXBlock
from customer_tenet_xblock.block.studio import checked_exercise, editor_data
from customer_tenet_xblock.exercise.settings import Exercise
from mixin_stand_ins import Course, inheriting_runtime


def course_with_block(course_max_attempts=..., own=None):
    """A course whose advanced settings may set max_attempts (None: the author cleared it), and one block."""
    runtime = inheriting_runtime()
    course = runtime.make(Course, "course", block_type="course")
    if course_max_attempts is not ...:
        course.max_attempts = course_max_attempts
    block = runtime.make(CustomerTenetXBlock, "block-1", parent=course)
    if own is not None:
        block.store_exercise(block.exercise.with_changes(max_attempts=own))
    return course, block


def next_request(block):
    """The block as the next request loads it (a block caches what it has read)."""
    block.save()
    again = block.runtime.construct_xblock_from_class(CustomerTenetXBlock, block.scope_ids)
    block.runtime.blocks[block.scope_ids.usage_id] = again
    return again


def submit(block, answer="policyholders"):
    request = Request.blank("/", method="POST", body=json.dumps({"answer": answer}).encode("utf-8"))
    response = block.runtime.handle(block, "submit", request)
    return response.status_code, json.loads(response.body.decode("utf-8"))


def export(block):
    node = etree.Element("customer_tenet", url_name=block.scope_ids.usage_id)
    block.add_xml_to_node(node)
    return etree.tostring(node, encoding="unicode")


def test_a_course_that_sets_maximum_attempts_to_null_gives_unlimited_attempts():
    """
    xmodule/modulestore/inheritance.py: InheritingFieldData hands a block the
    value of the nearest ancestor that sets the field; a course whose
    "Maximum Attempts" is null hands over None, which problems take as unlimited.
    """
    _course, block = course_with_block(course_max_attempts=None)
    assert block.max_attempts is None
    assert block.exercise.max_attempts == 0
    assert [message.text for message in block.validate().messages] == []
    assert "Unlimited attempts" in block.author_view().content
    for _ in range(5):
        status, state = submit(block)
        assert status == 200
    assert state["attempts_left"] is None and state["max_attempts"] == 0
    assert "max_attempts" not in export(block)


def test_a_course_wide_number_limits_the_attempts_of_a_block_that_sets_none():
    """xmodule/modulestore/inheritance.py: max_attempts is one of the inheritable settings."""
    _course, block = course_with_block(course_max_attempts=2)
    assert block.exercise.max_attempts == 2
    assert [submit(block)[0] for _ in range(3)] == [200, 200, 409]
    assert "max_attempts" not in export(block)  # it stays the course's to change


def test_saving_the_editor_unchanged_keeps_following_the_course():
    """
    xmodule/modulestore/inheritance.py: only a value set on the block itself
    stops inheritance; the editor shows the course's null as 0 (unlimited),
    and saving it must not pin the block to 0.
    """
    course, block = course_with_block(course_max_attempts=None)
    config = {**editor_data(block.exercise), "prompt": "Who are your customers at the branch?"}
    assert config["max_attempts"] == 0
    block.store_exercise(checked_exercise(config, block.exercise, NullTranslations()))
    course.max_attempts = 4
    course.save()
    block = next_request(block)
    assert block.exercise.max_attempts == 4 and not block.fields["max_attempts"].is_set_on(block)
    assert block.exercise.prompt == "Who are your customers at the branch?"


@pytest.mark.parametrize("course_max_attempts", [..., None, 4])
def test_the_blocks_own_value_wins_and_is_exported(course_max_attempts):
    """xmodule/modulestore/inheritance.py: a field set on the block is not looked up on its ancestors."""
    _course, block = course_with_block(course_max_attempts, own=1)
    assert block.exercise.max_attempts == 1
    assert 'max_attempts="1"' in export(block)


def test_an_imported_block_without_max_attempts_follows_the_course_it_joins():
    """
    xmodule/modulestore/inheritance.py: course import stores only what the OLX
    names, so the course's setting reaches the block afterwards.
    """
    runtime = inheriting_runtime()
    course = runtime.make(Course, "course", block_type="course")
    course.max_attempts = 3
    keys = ScopeIds(None, "customer_tenet", "imported", "imported")
    block = CustomerTenetXBlock.parse_xml(etree.fromstring('<customer_tenet url_name="imported"/>'), runtime, keys)
    block.parent = course.scope_ids.usage_id
    assert next_request(block).exercise.max_attempts == 3
    explicit = CustomerTenetXBlock.parse_xml(etree.fromstring('<customer_tenet max_attempts="0"/>'), runtime, keys)
    explicit.parent = course.scope_ids.usage_id
    assert next_request(explicit).exercise.max_attempts == 0  # "unlimited", said in the OLX, is the block's own


def test_an_unset_weight_counts_the_raw_points():
    """
    lms/djangoapps/grades/scores.py: a block's weight of None leaves the raw
    score as it is, as for problems; the default exercise is worth its points.
    """
    _course, block = course_with_block()
    assert block.weight is None and block.exercise.weight is None
    assert 'weight="' not in export(block)
    assert "unset (counts the raw points: 6)" in block.author_view().content
    assert Exercise().weight is None


@pytest.mark.parametrize("typed, stored", [("", None), ("  ", None), ("2.5", 2.5), ("0", 0.0)])
def test_the_editor_leaves_weight_unset_when_the_field_is_empty(typed, stored):
    """lms/djangoapps/grades/scores.py: only a weight of None leaves the raw points; an empty field means that."""
    _course, block = course_with_block()
    config = {**editor_data(block.exercise), "weight": typed}
    assert editor_data(block.exercise)["weight"] is None
    assert checked_exercise(config, block.exercise, NullTranslations()).weight == stored


def test_max_attempts_set_to_null_on_the_block_itself_exports_as_unlimited():
    """
    xmodule/modulestore/inheritance.py: the field accepts None (values min 0,
    no default); export writes the unlimited value the block acts on, never "None".
    """
    _course, block = course_with_block(course_max_attempts=3)
    block.max_attempts = None
    exported = export(block)
    assert 'max_attempts="0"' in exported and "None" not in exported
    keys = ScopeIds(None, "customer_tenet", "again", "again")
    again = CustomerTenetXBlock.parse_xml(etree.fromstring(exported), block.runtime, keys)
    assert again.max_attempts == 0 and again.exercise == block.exercise
