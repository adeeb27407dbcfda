"""Who may do what: the one place that asks the runtime whether the user is staff."""
import functools
import sys

from django.core.exceptions import ValidationError
from xblock.exceptions import InvalidScopeError

from ..exercise.i18n import N_
from .json_api import JsonRefusal

# The LMS sets this on the current user for course staff.
STAFF_ATTRIBUTE = "edx-platform.user_is_staff"
# Studio's editor runtime (load_services_for_studio) offers this service and
# never sets STAFF_ATTRIBUTE; a course author there is someone who may write
# the course. The LMS does not offer it.
STUDIO_PERMISSIONS_SERVICE = "studio_user_permissions"
# Where the platform finds the learning context (a v2 library, ...) of a block
# its newer runtime serves; older keys (courses in the modulestore) have none.
# That runtime's own modules import it, so it is loaded wherever the runtime
# serves the block: the block reads it from sys.modules and imports nothing.
LEARNING_CONTEXTS_MODULE = "openedx.core.djangoapps.xblock.learning_context.manager"


def _course_key(block):
    usage_id = block.scope_ids.usage_id
    return getattr(usage_id, "context_key", None) or getattr(usage_id, "course_key", None)


def may_edit_content(permissions, context_key):
    """
    Studio's answer: may the user edit this course's or library's content?
    Newer platforms ask can_edit_content (their can_write is deprecated, and
    authors holding only the new roles pass can_edit_content alone); older
    ones only have can_write.
    """
    check = getattr(permissions, "can_edit_content", None) or permissions.can_write
    return bool(context_key is not None and check(context_key))


def learning_context(usage_id):
    """
    The platform's learning context of a block its newer (v2) runtime serves,
    e.g. a content library's; None for other keys (a course's blocks in the
    modulestore) and off the platform.
    """
    contexts = sys.modules.get(LEARNING_CONTEXTS_MODULE)
    if contexts is None:
        return None
    try:
        return contexts.get_learning_context_impl(usage_id)
    except TypeError:  # how the platform says the key has no learning context
        return None


def may_edit_block(context, user, usage_id):
    """
    The v2 runtime's own test before it stores a block's authored fields
    (its save_block asks the learning context's can_edit_block). Its handler
    view asks only whether the user may learn from the block, and its user
    service marks global staff alone as staff: a library's authors are known
    by this test only.
    """
    return bool(user is not None and context.can_edit_block(user, usage_id))


def current_user_is_staff(block):
    """
    True for course staff (LMS), content editors (Studio) or a v2 library's
    authors; False when the runtime cannot tell.
    """
    studio = block.runtime.service(block, STUDIO_PERMISSIONS_SERVICE)
    if studio is not None:
        return may_edit_content(studio, _course_key(block))
    usage_id = block.scope_ids.usage_id
    context = learning_context(usage_id)
    if context is not None:
        # The v2 runtime is bound to one Django user (runtime.user), the one its save_block checks.
        return may_edit_block(context, getattr(block.runtime, "user", None), usage_id)
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
            raise JsonRefusal(403, "staff_only", self.gettext("Only course staff can do this."))
        return method(self, data, suffix)
    wrapper.staff_only = True
    return wrapper


STUDIO_ONLY = N_("These settings can only be changed in Studio.")


def studio_only(method=None, *, message=STUDIO_ONLY):
    """
    For json_api handlers that change authored settings, under @staff_only:
    they work only where those settings can be written, which is Studio. The
    LMS makes them read-only (its field data raises InvalidScopeError on a
    write), even for staff, and the v2 runtime of libraries stores only a block
    loaded at its latest draft, never in the LMS (its save_block raises
    ValidationError); there the handler answers 403 and changes nothing,
    instead of failing with a 500 when the runtime saves after the handler.
    `@studio_only(message=...)`: the refusal's words (marked with N_), for a
    handler whose page says where in Studio to go instead.
    """
    if method is None:
        return functools.partial(studio_only, message=message)

    @functools.wraps(method)
    def wrapper(self, data, suffix=""):
        result = method(self, data, suffix)
        try:
            self.save()  # now, inside the handler, so a read-only store is a refusal we can answer
        except (InvalidScopeError, ValidationError):
            self._clear_dirty_fields()  # pylint: disable=protected-access  # nothing left for the runtime's save
            raise JsonRefusal(403, "studio_only", self.gettext(message)) from None
        return result
    return wrapper


def staff_only_handlers(block_class):
    """The names of a block class's handlers marked by @staff_only."""
    return sorted(
        name for name in dir(block_class)
        if getattr(getattr(block_class, name, None), "_is_xblock_handler", False)
        and getattr(getattr(block_class, name), "staff_only", False)
    )
