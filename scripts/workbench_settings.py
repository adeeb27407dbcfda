"""
The xblock-sdk workbench's settings, plus a user service that knows staff.

The workbench has no roles: here a student id that starts with "staff"
(`?student=staff1`) is course staff, as the LMS marks course staff with the
`edx-platform.user_is_staff` attribute (see workbench_services.py).
"""
from workbench.settings import *  # noqa: F401,F403 pylint: disable=wildcard-import
from workbench.settings import WORKBENCH

WORKBENCH["services"]["user"] = "workbench_services.StaffAwareUserService"
