"""
Who may edit the block, as the platform's runtimes tell it: Studio's
permissions service, old and new, and the LMS, where authored fields are
read-only. Stand-ins behave as the platform's code does; none of it is
imported (it is not installed here).
"""
import warnings

import pytest
from django.utils import translation
from xblock.field_data import DictFieldData, ReadOnlyFieldData, SplitFieldData
from xblock.fields import Scope, ScopeIds

from customer_tenet_xblock.block import CustomerTenetXBlock
from customer_tenet_xblock.block.studio import editor_data
from customer_tenet_xblock.exercise.settings import Exercise
from helpers import RecordingRuntime, call_handler

COURSE = "course-v1:Org+Course+Run"


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
        and the exercise is as it was.
        """
        block = lms_block(is_staff=True)
        with translation.override("es"):
            status, response = call_handler(block, "add_synonym", {"entry": "harbour pilots", "group": "coworkers"})
        assert (status, response["code"]) == (403, "studio_only")
        assert response["error"] == "Esta configuración solo se puede cambiar en Studio."
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
