"""Demo accounts: an administrator, a curator and a registrar. Demo only.

- ``admin``: superuser.
- ``curator``: staff in the "Curators" group: the Wagtail admin and register snippets, but
  not the restricted locations.
- ``registrar``: staff in the "Register staff" group: the same, plus
  ``registry.view_restricted_data`` and ``registry.change_restricted_data``.

Accounts that already exist are left as they are (their passwords are not reset).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission

DEMO_PASSWORD = "heritage-demo"  # noqa: S105 - a documented demo password, never for production
CURATORS = "Curators"
REGISTER_STAFF = "Register staff"
#: Register models staff manage as snippets: every default permission.
REGISTER_MODELS = ("registerobject", "holdingmuseum", "objecttype", "material", "technique")
RESTRICTED = ("view_restricted_data", "change_restricted_data")
IMAGE_PERMISSIONS = ("add_image", "change_image", "choose_image")


def _permissions(app_label, codenames):
    found = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    return list(found)


def _register_permissions():
    codenames = [
        f"{action}_{model}"
        for model in REGISTER_MODELS
        for action in ("add", "change", "delete", "view")
    ]
    return _permissions("registry", codenames)


def _image_permissions(group):
    """Wagtail grants image permissions per collection: the root covers every collection."""
    root = Collection.get_first_root_node()
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailimages", codename__in=IMAGE_PERMISSIONS
    ):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def ensure_group(name, restricted=False):
    group, _created = Group.objects.get_or_create(name=name)
    permissions = [
        *_permissions("wagtailadmin", ["access_admin"]),
        *_register_permissions(),
    ]
    if restricted:
        permissions += _permissions("registry", RESTRICTED)
    group.permissions.add(*permissions)
    _image_permissions(group)
    return group


def _ensure_user(username, *, superuser=False, group=None):
    """Create the account if absent; returns (user, created)."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user, False
    if superuser:
        user = User.objects.create_superuser(username, f"{username}@example.org", DEMO_PASSWORD)
    else:
        user = User.objects.create_user(
            username, f"{username}@example.org", DEMO_PASSWORD, is_staff=True
        )
    if group is not None:
        user.groups.add(group)
    return user, True


@transaction.atomic
def ensure_demo_users(*, staff=True):
    """The demo accounts; returns [(username, role key, created)]."""
    accounts = [("admin", "superuser", _ensure_user("admin", superuser=True)[1])]
    if staff:
        curators = ensure_group(CURATORS)
        register_staff = ensure_group(REGISTER_STAFF, restricted=True)
        accounts.append(("curator", "curator", _ensure_user("curator", group=curators)[1]))
        accounts.append(
            ("registrar", "registrar", _ensure_user("registrar", group=register_staff)[1])
        )
    return accounts
