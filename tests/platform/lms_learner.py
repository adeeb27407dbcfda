"""
A learner's block as the LMS builds it: the platform's mixins (stand-ins in
mixin_stand_ins.py, due dates and show_correctness included) mixed into the
block class, in a runtime that records events and knows whether the user is staff.
"""
from datetime import datetime, timedelta, timezone

from xblock.fields import ScopeIds
from xblock.runtime import Mixologist

from customer_tenet_xblock.block import CustomerTenetXBlock
from helpers import RecordingRuntime
from mixin_stand_ins import LMS_MIXINS

NOW = datetime.now(timezone.utc)
HOUR = timedelta(hours=1)
LMS_BLOCK_CLASS = Mixologist(LMS_MIXINS).mix(CustomerTenetXBlock)


def make_lms_block(exercise=None, runtime=None, is_staff=False, **settings):
    """A bound block with the given course settings (due, graceperiod, self_paced, show_correctness)."""
    runtime = runtime or RecordingRuntime(is_staff=is_staff)
    block = runtime.construct_xblock_from_class(
        LMS_BLOCK_CLASS, ScopeIds("learner-1", "customer_tenet", "def-1", "usage-1"),
    )
    if exercise is not None:
        block.store_exercise(exercise)
    for name, value in settings.items():
        setattr(block, name, value)
    return block
