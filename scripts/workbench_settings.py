"""
The xblock-sdk workbench's settings, plus a user service that knows staff.

It also follows the browser's language (Django's LocaleMiddleware) and gives
blocks their own bundled catalogs, as the LMS does.

The workbench has no roles: here a student id that starts with "staff"
(`?student=staff1`) is course staff, as the LMS marks course staff with the
`edx-platform.user_is_staff` attribute (see workbench_services.py).
"""
import os

from workbench.settings import *  # noqa: F401,F403 pylint: disable=wildcard-import
from workbench.settings import MIDDLEWARE, WORKBENCH

MIDDLEWARE = MIDDLEWARE[:2] + ["django.middleware.locale.LocaleMiddleware"] + MIDDLEWARE[2:]
LANGUAGES = [("en", "English"), ("es", "Español"), ("ar", "العربية")]
LANGUAGE_CODE = "en"

WORKBENCH["services"]["user"] = "workbench_services.StaffAwareUserService"
WORKBENCH["services"]["i18n"] = "workbench_services.BlockCatalogI18nService"
# The read side of the LMS's XBlockUserStateClient, for the staff class summary; left out
# with WORKBENCH_AS_LMS_WITHOUT_STATE_CLIENT=1, since the LMS offers blocks no such service.
if not os.environ.get("WORKBENCH_AS_LMS_WITHOUT_STATE_CLIENT"):
    WORKBENCH["services"]["user_state_client"] = "workbench_services.WorkbenchUserStateClient"
# The LMS's cache service (Django's cache), where the class summary is kept for a few minutes.
WORKBENCH["services"]["cache"] = "workbench_services.DjangoCacheService"
