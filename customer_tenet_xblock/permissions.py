"""Who may do what: one place that asks the runtime whether the user is staff."""
import functools

from .answers import Refusal

# The LMS and Studio set this on the current user for course staff.
STAFF_ATTRIBUTE = "edx-platform.user_is_staff"


def current_user_is_staff(block):
    """True for course staff; False when the runtime has no user service."""
    service = block.runtime.service(block, "user")
    if service is None:
        return False
    user = service.get_current_user()
    return bool(user is not None and user.opt_attrs.get(STAFF_ATTRIBUTE))


def staff_only(method):
    """
    For json_api handlers, under it (`@json_api` then `@staff_only`): refuse
    (403) anyone but course staff, before the handler runs. The mark it sets
    survives json_api's functools.wraps, so tests can find every such handler.
    """
    @functools.wraps(method)
    def wrapper(self, data, suffix=""):
        if not current_user_is_staff(self):
            raise Refusal(403, "staff_only", self.gettext("Only course staff can do this."))
        return method(self, data, suffix)
    wrapper.staff_only = True
    return wrapper


def staff_only_handlers(block_class):
    """The names of a block class's handlers marked by @staff_only."""
    return sorted(
        name for name in dir(block_class)
        if getattr(getattr(block_class, name, None), "_is_xblock_handler", False)
        and getattr(getattr(block_class, name), "staff_only", False)
    )
