"""Services for the workbench (loaded by name from workbench_settings)."""
import gettext
import importlib.resources

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
    """

    def _translator(self):
        # Imported here: settings modules load before Django's apps are ready.
        import django.utils.translation as translation
        from django.conf import settings

        language = translation.get_language() or settings.LANGUAGE_CODE
        catalogs = importlib.resources.files("customer_tenet_xblock") / "translations"
        try:
            return gettext.translation("text", str(catalogs), [translation.to_locale(language)])
        except OSError:
            return translation

    def __getattr__(self, name):
        return getattr(self._translator(), name)
