"""Services for the workbench (loaded by name from workbench_settings)."""
import functools
import gettext
import importlib.resources
import json
import os
from collections import namedtuple

from xblock.fields import Scope
from xblock.reference.user_service import UserService, XBlockUser


class StaffAwareUserService(UserService):
    """The workbench's user, with the LMS's staff and anonymous-id attributes."""

    def get_current_user(self):
        user_id = str(self.runtime.user_id)
        user = XBlockUser(is_current_user=True, emails=[f"{user_id}@example.com"], full_name=user_id)
        user.opt_attrs.update({
            "xblock-workbench.user_id": user_id,
            "edx-platform.username": user_id,
            "edx-platform.anonymous_user_id": user_id,
            "edx-platform.user_is_staff": user_id.startswith("staff"),
        })
        return user


class BlockCatalogI18nService:
    """
    The LMS's i18n service, as edx-platform's ModuleI18nService does it: the
    block's own translations/<lang>/LC_MESSAGES/text.mo for Django's active
    language, else Django's catalogs. (The sdk's service only has Django's.)
    WORKBENCH_EXTRA_LOCALE_DIR adds catalogs for tests (a pseudo-translation).
    """

    def _translator(self):
        # Imported here: settings modules load before Django's apps are ready.
        import django.utils.translation as translation
        from django.conf import settings

        language = translation.get_language() or settings.LANGUAGE_CODE
        return _catalog_for(language, os.environ.get("WORKBENCH_EXTRA_LOCALE_DIR"))

    def __getattr__(self, name):
        return getattr(self._translator(), name)


@functools.lru_cache(maxsize=64)
def _catalog_for(language, extra_folder):
    """
    The catalog for a language, looked up once per process: the platform's
    service resolves it once (ModuleI18nService.__init__), not on every string.
    """
    import django.utils.translation as translation
    folders = [extra_folder, str(importlib.resources.files("customer_tenet_xblock") / "translations")]
    for folder in filter(None, folders):
        try:
            return gettext.translation("text", folder, [translation.to_locale(language)])
        except OSError:
            continue
    return translation


# edx-user-state-client's XBlockUserState (edx_user_state_client/interface.py): what the LMS yields.
XBlockUserState = namedtuple("XBlockUserState", ["username", "block_key", "state", "updated", "scope"])


class WorkbenchUserStateClient:
    """
    Every learner's state of one block, read from the workbench's store.

    Mirrors edx-platform's DjangoXBlockUserStateClient.iter_all_for_block
    (lms/djangoapps/courseware/user_state_client.py), the iterator the
    instructor dashboard's problem responses report hands to a block's
    generate_report_data: non-empty Scope.user_state rows, one per learner,
    as XBlockUserState tuples. The workbench keeps one XBlockState row per
    (scope, block, user); Scope.user_state is scope "usage" with a user.
    """

    def iter_all_for_block(self, block_key, scope=Scope.user_state):
        if scope != Scope.user_state:
            raise ValueError("Only Scope.user_state is supported")
        from workbench.models import XBlockState  # Django's apps are ready by the time a block asks

        rows = XBlockState.objects.filter(scope="usage", scope_id=str(block_key), user_id__isnull=False)
        for row in rows.order_by("id").iterator():
            state = json.loads(row.state)
            if state:
                yield XBlockUserState(row.user_id, block_key, state, row.created, scope)


class DjangoCacheService:
    """
    The LMS's "cache" service: openedx/core/lib/cache_utils.py CacheService
    over Django's default cache, as lms/djangoapps/courseware/block_render.py
    gives it to every block (get(key) and set(key, value, timeout)).
    """

    def get(self, key, *args, **kwargs):
        from django.core.cache import cache  # Django's apps are ready by the time a block asks
        return cache.get(key, *args, **kwargs)

    def set(self, key, value, *args, **kwargs):
        from django.core.cache import cache
        return cache.set(key, value, *args, **kwargs)
