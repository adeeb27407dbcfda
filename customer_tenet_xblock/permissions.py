"""Who may do what: one place that asks the runtime whether the user is staff."""

# The LMS and Studio set this on the current user for course staff.
STAFF_ATTRIBUTE = "edx-platform.user_is_staff"


def current_user_is_staff(block):
    """True for course staff; False when the runtime has no user service."""
    service = block.runtime.service(block, "user")
    if service is None:
        return False
    user = service.get_current_user()
    return bool(user is not None and user.opt_attrs.get(STAFF_ATTRIBUTE))
