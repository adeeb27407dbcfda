"""
Stand-ins for the fields the Open edX platform mixes into every block, and for
how it hands an inherited setting down, so tests can run the block as the
platform's runtime builds it (XBlock's Mixologist puts the block class first,
then the mixins) without importing edx-platform.

Names, field types, scopes and defaults follow the platform files named in
each docstring; the code is ours.
"""
import datetime

from xblock.core import XBlock, XBlockMixin
from xblock.field_data import DictFieldData
from xblock.fields import Boolean, Dict, Float, Integer, JSONField, List, Reference, Scope, ScopeIds, String
from xblock.runtime import DictKeyValueStore, KvsFieldData, NullI18nService
from xblock.test.tools import TestRuntime


class Date(JSONField):
    """xmodule/fields.py Date: an aware datetime, stored as ISO text."""

    def from_json(self, value):
        if value is None or isinstance(value, datetime.datetime):
            return value
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))

    def to_json(self, value):
        return None if value is None else value.isoformat().replace("+00:00", "Z")

    enforce_type = from_json


class Timedelta(JSONField):
    """xmodule/fields.py Timedelta: a duration, stored as text like '2 hours 30 minutes'."""

    def from_json(self, value):
        if value is None or isinstance(value, datetime.timedelta):
            return value
        words = value.split()
        parts = {unit.rstrip("s"): int(number) for number, unit in zip(words[::2], words[1::2], strict=False)}
        return datetime.timedelta(**{f"{unit}s": number for unit, number in parts.items()})

    def to_json(self, value):
        if value is None:
            return None
        hours, seconds = divmod(int(value.total_seconds()), 3600)
        return f"{hours} hours {seconds // 60} minutes"

    enforce_type = from_json


class InheritanceMixin(XBlockMixin):
    """xmodule/modulestore/inheritance.py InheritableFieldsMixin (the settings a course hands down)."""

    graded = Boolean(scope=Scope.settings, default=False)
    start = Date(scope=Scope.settings, default=datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc))
    due = Date(scope=Scope.settings)
    visible_to_staff_only = Boolean(scope=Scope.settings, default=False)
    graceperiod = Timedelta(scope=Scope.settings)
    showanswer = String(scope=Scope.settings, default="finished")
    show_correctness = String(scope=Scope.settings, default="always")
    days_early_for_beta = Float(scope=Scope.settings, default=None)
    max_attempts = Integer(scope=Scope.settings)  # no default: None, "unlimited" for problems
    self_paced = Boolean(scope=Scope.settings, default=False)
    hide_from_toc = Boolean(scope=Scope.settings, default=False)

    @property
    def close_date(self):
        """The due date plus the grace period: the last moment an answer is accepted."""
        if self.due is None or self.graceperiod is None:
            return self.due
        return self.due + self.graceperiod

    def is_past_due(self):
        return self.close_date is not None and datetime.datetime.now(datetime.timezone.utc) > self.close_date

    def has_deadline_passed(self):
        """Self-paced courses and blocks without a due date never close."""
        if self.self_paced or self.close_date is None:
            return False
        return self.is_past_due()


class GroupAccessDict(Dict):
    """lms/djangoapps/lms_xblock/mixin.py GroupAccessDict: partition ids are ints in Python, text in JSON."""

    def from_json(self, value):
        return None if value is None else {int(key): groups for key, groups in value.items()}

    def to_json(self, value):
        return None if value is None else {str(key): groups for key, groups in value.items()}


class LmsBlockMixin(XBlockMixin):
    """lms/djangoapps/lms_xblock/mixin.py LmsBlockMixin."""

    format = String(scope=Scope.settings)
    chrome = String(scope=Scope.settings, default=None)
    default_tab = String(scope=Scope.settings, default=None)
    group_access = GroupAccessDict(scope=Scope.settings, default={})


class AuthoringMixin(XBlockMixin):
    """cms/lib/xblock/authoring_mixin.py: where Studio's clipboard copied the block from."""

    copied_from_block = Reference(scope=Scope.settings, enforce_type=True)


class UpstreamSyncMixin(XBlockMixin):
    """cms/lib/xblock/upstream_sync.py: the link of a course block to its content library source."""

    upstream = String(default=None, scope=Scope.settings, enforce_type=True)
    upstream_version = Integer(default=None, scope=Scope.settings, enforce_type=True)
    upstream_version_declined = Integer(default=None, scope=Scope.settings, enforce_type=True)
    upstream_display_name = String(default=None, scope=Scope.settings, enforce_type=True)
    downstream_customized = List(default=[], scope=Scope.settings, enforce_type=True)


STUDIO_MIXINS = (LmsBlockMixin, InheritanceMixin, AuthoringMixin, UpstreamSyncMixin)
LMS_MIXINS = (LmsBlockMixin, InheritanceMixin)


class InheritingFieldData(KvsFieldData):
    """
    xmodule/modulestore/inheritance.py InheritingFieldData: a setting a block
    does not set takes the value of the nearest ancestor that sets it, read
    with the block's own field; otherwise the block's own default.
    """

    def __init__(self, inheritable_names, **kwargs):
        super().__init__(**kwargs)
        self.inheritable_names = frozenset(inheritable_names)

    def default(self, block, name):
        if name in self.inheritable_names:
            field = block.fields[name]
            ancestor = block.get_parent()
            while ancestor is not None and not field.is_set_on(ancestor):
                ancestor = ancestor.get_parent()
            if ancestor is not None:
                return field.read_json(ancestor)
        return super().default(block, name)


class Course(XBlock):
    """A course (or any container): the ancestor a setting is inherited from."""

    has_children = True


class PlatformRuntime(TestRuntime):
    """A runtime that mixes the platform's fields into every block and finds blocks by usage id."""

    def __init__(self, mixins=STUDIO_MIXINS, field_data=None):
        super().__init__(services={
            "i18n": NullI18nService(),
            "field-data": field_data or DictFieldData({}),
        }, mixins=mixins)
        self.blocks = {}
        self.events = []

    def make(self, block_class, usage_id, parent=None, block_type="customer_tenet"):
        block = self.construct_xblock_from_class(block_class, ScopeIds("learner", block_type, usage_id, usage_id))
        self.blocks[usage_id] = block
        if parent is not None:
            block.parent = parent.scope_ids.usage_id
            parent.children.append(block.scope_ids.usage_id)
        return block

    def get_block(self, usage_id, for_parent=None):
        return self.blocks[usage_id]

    def publish(self, block, event_type, event_data):
        self.events.append((event_type, event_data))

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        return f"/handler/{handler_name}/{suffix}"

    def local_resource_url(self, block, uri):
        return f"/resource/{uri}"


def inheriting_runtime(mixins=STUDIO_MIXINS):
    """A runtime whose blocks inherit the course's settings, as in Studio and the LMS."""
    names = InheritanceMixin.fields.keys()  # pylint: disable=no-member
    return PlatformRuntime(mixins, InheritingFieldData(names, kvs=DictKeyValueStore()))
