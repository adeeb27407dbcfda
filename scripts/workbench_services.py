"""Services for the workbench (loaded by name from workbench_settings)."""
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
