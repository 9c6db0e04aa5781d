from wagtail.permission_policies import ModelPermissionPolicy

RESTRICTED_VIEW_PERMISSION = "registry.view_restricted_data"
RESTRICTED_CHANGE_PERMISSION = "registry.change_restricted_data"


class RestrictedDataPermissionPolicy(ModelPermissionPolicy):
    """Restricted locations need their own permissions, never the model's default ones.

    Viewing needs ``view_restricted_data``; adding, changing and deleting need
    ``change_restricted_data``. Superusers have both, as with every Django permission.
    """

    CODENAMES = {
        "view": "view_restricted_data",
        "add": "change_restricted_data",
        "change": "change_restricted_data",
        "delete": "change_restricted_data",
    }

    def _get_permission_codename(self, action):
        # An unknown action maps to a codename nobody holds.
        return self.CODENAMES.get(action, f"restricted_{action}_not_permitted")
