"""Who may do what: the one place that asks the runtime whether the user is staff."""
import functools

from .answers import Refusal

# The LMS sets this on the current user for course staff.
STAFF_ATTRIBUTE = "edx-platform.user_is_staff"
# Studio's editor runtime (load_services_for_studio) offers this service and
# never sets STAFF_ATTRIBUTE; a course author there is someone who may write
# the course. The LMS does not offer it.
STUDIO_PERMISSIONS_SERVICE = "studio_user_permissions"


def _course_key(block):
    usage_id = block.scope_ids.usage_id
    return getattr(usage_id, "context_key", None) or getattr(usage_id, "course_key", None)


def current_user_is_staff(block):
    """True for course staff (LMS) or course authors (Studio); False when the runtime cannot tell."""
    studio = block.runtime.service(block, STUDIO_PERMISSIONS_SERVICE)
    if studio is not None:
        course_key = _course_key(block)
        return bool(course_key is not None and studio.can_write(course_key))
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
