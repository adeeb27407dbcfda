"""
The course settings the LMS mixes into every block, for tests.

The LMS builds each block class with its XBLOCK_MIXINS, which include the
inheritable settings of xmodule/modulestore/inheritance.py: `due` (a date),
`graceperiod` (a timedelta), `self_paced`, `show_correctness` ("always",
"past_due", "never"), and `close_date`, `is_past_due()` and
`has_deadline_passed()` built on them. This stand-in has fields of the same
names and types, mixed in with xblock.runtime.Mixologist as the runtime
does, so the block meets them as it would in the LMS, without importing
edx-platform.
"""
from datetime import datetime, timedelta, timezone

from conftest import RecordingRuntime
from xblock.core import XBlockMixin
from xblock.fields import Boolean, DateTime, JSONField, Scope, ScopeIds, String
from xblock.runtime import Mixologist

from customer_tenet_xblock.block import CustomerTenetXBlock

NOW = datetime.now(timezone.utc)
HOUR = timedelta(hours=1)


class Timedelta(JSONField):
    """Like xmodule.fields.Timedelta: a datetime.timedelta."""


class InheritedSettings(XBlockMixin):
    """Same names, types and meaning as the platform's inheritable settings."""

    due = DateTime(scope=Scope.settings)
    graceperiod = Timedelta(scope=Scope.settings)
    self_paced = Boolean(scope=Scope.settings, default=False)
    show_correctness = String(scope=Scope.settings, default="always")

    @property
    def close_date(self):
        """The due date plus the grace period: the last moment an answer is accepted."""
        if self.due is None or self.graceperiod is None:
            return self.due
        return self.due + self.graceperiod

    def is_past_due(self):
        return self.close_date is not None and datetime.now(timezone.utc) > self.close_date

    def has_deadline_passed(self):
        """Self-paced courses and blocks without a due date never close."""
        if self.self_paced or self.close_date is None:
            return False
        return self.is_past_due()


LMS_BLOCK_CLASS = Mixologist([InheritedSettings]).mix(CustomerTenetXBlock)


def make_lms_block(exercise=None, runtime=None, is_staff=False, **settings):
    """A bound block as the LMS builds it, with the given course settings (due, graceperiod, ...)."""
    runtime = runtime or RecordingRuntime(is_staff=is_staff)
    block = runtime.construct_xblock_from_class(
        LMS_BLOCK_CLASS, ScopeIds("learner-1", "customer_tenet", "def-1", "usage-1"),
    )
    if exercise is not None:
        block.store_exercise(exercise)
    for name, value in settings.items():
        setattr(block, name, value)
    return block
