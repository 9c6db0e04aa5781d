from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from registry.models import RestrictedObjectData
from registry.permissions import RestrictedDataPermissionPolicy
from registry.viewsets import RegisterViewSetGroup, RestrictedObjectDataViewSet

register_permission_policy(
    RestrictedObjectData, RestrictedDataPermissionPolicy(RestrictedObjectData)
)
register_snippet(RegisterViewSetGroup)


@hooks.register("register_admin_viewset")
def register_restricted_locations():
    return RestrictedObjectDataViewSet()


@hooks.register("register_permissions")
def restricted_data_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="registry",
        codename__in=["view_restricted_data", "change_restricted_data"],
    )
