"""
Who may edit the block, as the platform's runtimes tell it: Studio's
permissions service, old and new, the LMS, where authored fields are
read-only, and the newer (v2) runtime of content libraries. Stand-ins behave
as the platform's code does; none of it is imported (it is not installed here).
"""
import sys
import types
import warnings

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from xblock.field_data import DictFieldData, ReadOnlyFieldData, SplitFieldData
from xblock.fields import Scope, ScopeIds

from customer_tenet_xblock.block import CustomerTenetXBlock
from customer_tenet_xblock.block.permissions import LEARNING_CONTEXTS_MODULE
from customer_tenet_xblock.block.studio import editor_data
from customer_tenet_xblock.exercise.settings import Exercise
from helpers import RecordingRuntime, call_handler

COURSE = "course-v1:Org+Course+Run"
SETTINGS_ONLY_IN_STUDIO = "Esta configuración solo se puede cambiar en Studio."
# add_synonym's refusal points to the Studio editor's panel that does the same (issue 13).
USE_THE_EDITORS_PANEL = (
    "El ejercicio no se puede cambiar desde esta página. En Studio, selecciona Editar en este problema y luego "
    "«Mostrar lo que escribieron los estudiantes» en «Lo que escribieron los estudiantes y ningún grupo tomó»: "
    "añade ahí el sinónimo, selecciona Guardar y publica."
)


class Usage(str):
    """Like opaque_keys' BlockUsageLocator: the usage id knows its course."""
    context_key = COURSE


def config(**changes):
    return {**editor_data(Exercise()), **changes}


class EditContentPermissions:
    """
    Studio's permissions service on a current platform
    (openedx/core/djangoapps/content/services.py): can_edit_content from the
    new roles; can_write still answers from the legacy roles, with a
    DeprecationWarning. An author who holds only a new role passes the first alone.
    """

    def __init__(self, editors=(), legacy_writers=()):
        self.editors, self.legacy_writers = set(editors), set(legacy_writers)

    def can_edit_content(self, context_key):
        return str(context_key) in self.editors

    def can_write(self, context_key):
        warnings.warn("can_write is deprecated", DeprecationWarning, stacklevel=2)
        return str(context_key) in self.legacy_writers


class WritePermissions:
    """
    Studio's permissions service on older releases
    (cms/djangoapps/contentstore/xblock_storage_handlers/view_handlers.py):
    only can_read and can_write.
    """

    def __init__(self, writers=()):
        self.writers = set(writers)

    def can_read(self, context_key):
        return str(context_key) in self.writers

    def can_write(self, context_key):
        return str(context_key) in self.writers


def block_in(runtime):
    ids = ScopeIds(runtime.user_id, "customer_tenet", "def-1", Usage("block-v1:Org+Course+Run+type@customer_tenet+block@t1"))
    return runtime.construct_xblock_from_class(CustomerTenetXBlock, ids)


def studio_block(permissions):
    """Studio's editor runtime (load_services_for_studio): its user service never says staff."""
    runtime = RecordingRuntime("author-1", is_staff=False)
    runtime._services["studio_user_permissions"] = permissions  # pylint: disable=protected-access
    return block_in(runtime)


def lms_block(is_staff):
    """
    The LMS's runtime (lms/djangoapps/lms_xblock/field_data.py, LmsFieldData):
    authored scopes read through XBlock's ReadOnlyFieldData, which raises
    InvalidScopeError on a write; learner scopes writable. No Studio
    permissions service.
    """
    authored, learner = ReadOnlyFieldData(DictFieldData({})), DictFieldData({})
    runtime = RecordingRuntime("staff-1" if is_staff else "learner-1", is_staff=is_staff)
    runtime._services["field-data"] = SplitFieldData({  # pylint: disable=protected-access
        Scope.content: authored, Scope.settings: authored, Scope.parent: authored, Scope.children: authored,
        Scope.user_state: learner, Scope.user_state_summary: learner, Scope.user_info: learner,
        Scope.preferences: learner,
    })
    return block_in(runtime)


class TestStudioPermissions:
    def test_an_author_with_only_the_new_role_may_save(self):
        """A current platform's service (openedx/core/djangoapps/content/services.py) grants can_edit_content only."""
        block = studio_block(EditContentPermissions(editors={COURSE}))
        status, _ = call_handler(block, "studio_save", config(display_name="By a new-role author"))
        assert status == 200 and block.display_name == "By a new-role author"

    def test_the_deprecated_can_write_is_not_asked_where_can_edit_content_exists(self):
        """
        openedx/core/djangoapps/content/services.py warns on can_write; a legacy
        writer without the edit-content permission may not save.
        """
        block = studio_block(EditContentPermissions(editors=(), legacy_writers={COURSE}))
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)
            status, response = call_handler(block, "studio_save", config(display_name="Legacy"))
            preview_status, _ = call_handler(block, "studio_preview", {"config": config()})
        assert (status, response["code"], preview_status) == (403, "staff_only", 403)
        assert block.display_name == Exercise().display_name

    @pytest.mark.parametrize("writers, expected", [({COURSE}, 200), ({"course-v1:Other+Course+Run"}, 403)])
    def test_older_platforms_ask_can_write(self, writers, expected):
        """Older releases' service (cms/djangoapps/contentstore/xblock_storage_handlers/view_handlers.py) has only can_write."""
        block = studio_block(WritePermissions(writers))
        status, _ = call_handler(block, "studio_save", config(display_name="By a writer"))
        assert status == expected
        assert (block.display_name == "By a writer") == (expected == 200)


class TestInTheLms:
    def test_staff_saving_settings_get_a_clear_403_and_nothing_changes(self):
        """
        The LMS's authored fields are read-only (lms/djangoapps/lms_xblock/field_data.py):
        a write would fail with InvalidScopeError when the runtime saves after
        the handler, a 500. Staff get 403, translated, and nothing is stored.
        """
        block = lms_block(is_staff=True)
        with translation.override("es"):
            status, response = call_handler(block, "studio_save", config(display_name="Changed in the LMS"))
        assert (status, response["code"]) == (403, "studio_only")
        assert response["error"] == "Esta configuración solo se puede cambiar en Studio."
        next_request = block_in(block.runtime)  # what the store holds
        assert next_request.display_name == Exercise().display_name
        assert call_handler(next_request, "submit", {"answer": "policyholders"})[0] == 200

    def test_staff_adding_a_synonym_from_the_class_summary_get_403_and_nothing_changes(self):
        """
        Issue 13's one action stores an authored setting, which the LMS keeps
        read-only (lms/djangoapps/lms_xblock/field_data.py): 403, translated,
        the message names the Studio editor's panel that does the same, and
        the exercise is as it was.
        """
        block = lms_block(is_staff=True)
        with translation.override("es"):
            status, response = call_handler(block, "add_synonym", {"entry": "harbour pilots", "group": "coworkers"})
        assert (status, response["code"]) == (403, "studio_only")
        assert response["error"] == USE_THE_EDITORS_PANEL
        assert block_in(block.runtime).exercise == Exercise()

    def test_staff_may_still_try_an_answer_and_read_presets(self):
        """
        studio_preview and studio_preset store nothing, so the LMS's read-only
        fields (lms/djangoapps/lms_xblock/field_data.py) do not stop them.
        """
        block = lms_block(is_staff=True)
        preview_status, preview = call_handler(block, "studio_preview", {"config": config(), "answer": "agents"})
        preset_status, _ = call_handler(block, "studio_preset", {"preset": "managers"})
        assert (preview_status, preset_status) == (200, 200) and preview["feedback"]["found_count"] == 1

    def test_learners_are_refused_before_anything_is_read(self):
        """The LMS marks only course staff with user_is_staff (common/djangoapps/xblock_django/user_service.py)."""
        status, response = call_handler(lms_block(is_staff=False), "studio_save", config(display_name="x"))
        assert (status, response["code"]) == (403, "staff_only")


# ---- content libraries (v2) -------------------------------------------------

LIBRARY = "lib:Org:customers"


class LibraryUsage(str):
    """Like opaque_keys' LibraryUsageLocatorV2: the usage id knows its library."""
    lib_key = context_key = LIBRARY


class DjangoUser:
    """The Django user the v2 runtime is bound to (runtime.user)."""

    def __init__(self, username, is_staff=False, is_authenticated=True):
        self.username, self.is_staff = username, is_staff
        self.is_authenticated = self.is_active = is_authenticated


class LibraryContext:
    """
    A content library as a learning context
    (openedx/core/djangoapps/content_libraries/library_context.py), with the
    rules of openedx/core/djangoapps/content_libraries/permissions.py:
    editing needs an active user who is global staff or holds an author or
    admin grant; learning (what the handler view asks) needs any grant, or
    none at all in a library open to public learning.
    """

    def __init__(self, grants, public_learning=False):
        self.grants, self.public_learning = grants, public_learning  # username -> "read" | "author" | "admin"

    def can_edit_block(self, user, usage_key):
        assert isinstance(usage_key, LibraryUsage)
        return user.is_active and (user.is_staff or self.grants.get(user.username) in ("author", "admin"))

    def can_view_block(self, user, usage_key):
        assert isinstance(usage_key, LibraryUsage)
        return self.public_learning or (user.is_active and (user.is_staff or user.username in self.grants))


def learning_contexts(context):
    """
    openedx/core/djangoapps/xblock/learning_context/manager.py, which the v2
    runtime's modules import: get_learning_context_impl gives a library key's
    context and raises TypeError for keys that have none (a course's blocks in
    the modulestore).
    """
    module = types.ModuleType(LEARNING_CONTEXTS_MODULE)

    def get_learning_context_impl(key):
        if isinstance(key, LibraryUsage):
            return context
        raise TypeError(f"Opaque key {key} does not have a learning context.")

    module.get_learning_context_impl = get_learning_context_impl
    return module


def authored_fields(block):
    return {name: field.read_json(block) for name, field in block.fields.items()
            if field.scope in (Scope.content, Scope.settings)}


class LibraryRuntime(RecordingRuntime):
    """
    The v2 runtime (openedx/core/djangoapps/xblock/runtime/runtime.py,
    openedx_core_runtime.py): bound to one Django user (runtime.user); no
    studio_user_permissions service; its user service calls global staff
    alone staff. Its save_block stores a new version of the block (here: its
    display name, in `stored`) when its authored fields changed, only if it
    was loaded at its latest draft, which Studio's runtime does and the LMS's
    (published only) never does, else raises ValidationError; and only for a
    user the library's can_edit_block lets edit, else raises RuntimeError.
    """

    def __init__(self, user, context, published_only=False):
        super().__init__(user.username, is_staff=user.is_staff)
        self.user, self.context, self.published_only = user, context, published_only
        self.stored, self.authored = [], {}

    def save_block(self, block):
        authored = authored_fields(block)
        if authored == self.authored:  # has_changes
            return
        if self.published_only:
            raise ValidationError("Do not make changes to a component starting from the published or past versions.")
        if not self.context.can_edit_block(self.user, block.scope_ids.usage_id):
            raise RuntimeError("You do not have permission to edit this XBlock")
        self.stored.append(block.display_name)
        self.authored = authored


@pytest.fixture
def library(monkeypatch):
    """The library, with its team and a reader, as the platform has it loaded."""
    context = LibraryContext({"author": "author", "admin": "admin", "reader": "read"})
    monkeypatch.setitem(sys.modules, LEARNING_CONTEXTS_MODULE, learning_contexts(context))
    return context


def library_block(context, user, published_only=False):
    runtime = LibraryRuntime(user, context, published_only)
    ids = ScopeIds(user.username, "customer_tenet", "def-1", LibraryUsage("lb:Org:customers:customer_tenet:t1"))
    block = runtime.construct_xblock_from_class(CustomerTenetXBlock, ids)
    runtime.authored = authored_fields(block)  # as loaded: the runtime's get_block marks it unchanged
    return block


def call_library_handler(block, name, body):
    """
    The v2 handler view (openedx/core/djangoapps/xblock/rest_api/views.py,
    xblock_handler) loads the block asking only CAN_LEARN
    (openedx/core/djangoapps/xblock/api.py, load_block), then runs the handler.
    """
    runtime = block.runtime
    assert runtime.context.can_view_block(runtime.user, block.scope_ids.usage_id), "the platform answers 403 itself"
    return call_handler(block, name, body)


class TestInAContentLibrary:
    @pytest.mark.parametrize("username", ["author", "admin"])
    def test_an_author_who_is_not_global_staff_may_edit(self, library, username):
        """
        The library editor's iframe calls the handlers through the v2 runtime
        (openedx/core/djangoapps/xblock/runtime/runtime.py: its user service marks
        global staff alone as staff); the library's authors may save
        (openedx/core/djangoapps/content_libraries/permissions.py).
        """
        block = library_block(library, DjangoUser(username))
        status, _ = call_library_handler(block, "studio_save", config(display_name="By the library's author"))
        preview_status, preview = call_library_handler(block, "studio_preview", {"config": config(), "answer": "agents"})
        preset_status, _ = call_library_handler(block, "studio_preset", {"preset": "managers"})
        assert (status, preview_status, preset_status) == (200, 200, 200)
        assert block.runtime.stored == ["By the library's author"] and preview["feedback"]["found_count"] == 1

    @pytest.mark.parametrize("user, public_learning", [
        (DjangoUser("reader"), False),
        (DjangoUser("passer-by"), True),
        (DjangoUser("anonymous", is_authenticated=False), True),
    ])
    @pytest.mark.parametrize("handler, body", [
        ("studio_save", config(display_name="By a reader")),
        ("studio_preview", {"config": config(), "answer": "agents"}),
        ("studio_preset", {"preset": "managers"}),
        ("add_synonym", {"entry": "harbour pilots", "group": "coworkers"}),
        ("class_summary", {}),
        ("export_responses", {}),
    ])
    def test_whoever_may_only_learn_from_the_library_is_refused(self, library, user, public_learning, handler, body):
        """
        The v2 handler view lets in anyone who may learn from the library
        (openedx/core/djangoapps/xblock/rest_api/views.py): its readers, and
        anyone at all where it is open to public learning
        (openedx/core/djangoapps/content_libraries/permissions.py). They get
        403 before the handler runs, and the block is as it was.
        """
        library.public_learning = public_learning
        block = library_block(library, user)
        status, response = call_library_handler(block, handler, body)
        assert (status, response["code"]) == (403, "staff_only")
        assert block.runtime.stored == [] and block.exercise == Exercise()

    @pytest.mark.parametrize("handler, body", [
        ("studio_save", config(display_name="Changed in the LMS")),
        ("add_synonym", {"entry": "harbour pilots", "group": "coworkers"}),
    ])
    def test_in_the_lms_the_librarys_author_gets_a_clear_403_and_nothing_is_stored(self, library, handler, body):
        """
        The LMS's v2 runtime loads only a library block's published version
        (openedx/core/djangoapps/xblock/apps.py, STRICTLY_PUBLISHED), which its
        save_block refuses to store (openedx/core/djangoapps/xblock/runtime/openedx_core_runtime.py):
        the library's author, staff there, gets 403, translated, not a 500.
        """
        block = library_block(library, DjangoUser("author"), published_only=True)
        with translation.override("es"):
            status, response = call_library_handler(block, handler, body)
        assert (status, response["code"]) == (403, "studio_only")
        assert response["error"] == (USE_THE_EDITORS_PANEL if handler == "add_synonym" else SETTINGS_ONLY_IN_STUDIO)
        assert block.runtime.stored == []

    @pytest.mark.parametrize("is_staff", [False, True])
    def test_in_a_course_using_the_library_the_course_decides_even_for_the_librarys_author(self, library, is_staff):
        """
        A course uses a library's block through its own copy, whose key has no
        learning context (openedx/core/djangoapps/xblock/learning_context/manager.py
        raises TypeError), so the LMS's course role decides
        (common/djangoapps/xblock_django/user_service.py): a learner who
        authors the library is refused; course staff meet the LMS's read-only
        settings (lms/djangoapps/lms_xblock/field_data.py).
        """
        block = lms_block(is_staff=is_staff)
        block.runtime.user = DjangoUser("author")  # the library's author, taking the course
        status, response = call_handler(block, "studio_save", config(display_name="x"))
        assert (status, response["code"]) == (403, "studio_only" if is_staff else "staff_only")
        assert block_in(block.runtime).display_name == Exercise().display_name
