"""Restricted locations are visible only with their own staff permission."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Locale

from registry.models import RegisterObject, RestrictedObjectData

CANARY = "CANARY-salt-mine-shaft-3"


@pytest.fixture
def restricted(portal_site):
    obj = RegisterObject.objects.create(
        register_id="UA-TEST-1",
        title="Ікона Богоматері",
        locale=Locale.objects.get(language_code="uk"),
    )
    return RestrictedObjectData.objects.create(
        register_object=obj, storage_location=CANARY, extra={"shelf": CANARY}
    )


def make_staff(django_user_model, username, *codenames):
    user = django_user_model.objects.create_user(username, password="pw", is_staff=True)
    group = Group.objects.create(name=f"group-{username}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="registry", codename__in=codenames),
    )
    user.groups.add(group)
    return user


def test_model_has_only_the_dedicated_permissions(db):
    codenames = set(
        Permission.objects.filter(
            content_type__app_label="registry", content_type__model="restrictedobjectdata"
        ).values_list("codename", flat=True)
    )
    assert codenames == {"view_restricted_data", "change_restricted_data"}


@pytest.mark.django_db
def test_editor_with_every_object_permission_cannot_see_restricted_locations(
    client, django_user_model, restricted
):
    editor = make_staff(
        django_user_model,
        "editor",
        "add_registerobject",
        "change_registerobject",
        "view_registerobject",
        "delete_registerobject",
    )
    client.force_login(editor)
    index_url = reverse("restricted_locations:index")
    assert client.get(index_url).status_code in (302, 403)
    edit_url = reverse("restricted_locations:edit", args=[restricted.pk])
    assert client.get(edit_url).status_code in (302, 403)
    object_edit = reverse(
        "wagtailsnippets_registry_registerobject:edit", args=[restricted.register_object.pk]
    )
    response = client.get(object_edit)
    assert response.status_code == 200
    assert CANARY not in response.content.decode()
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert "restricted-locations" not in dashboard.content.decode()


@pytest.mark.django_db
def test_register_staff_with_the_permission_can_view_but_not_change_without_change_permission(
    client, django_user_model, restricted
):
    viewer = make_staff(django_user_model, "viewer", "view_restricted_data")
    client.force_login(viewer)
    response = client.get(reverse("restricted_locations:index"))
    assert response.status_code == 200
    assert CANARY in response.content.decode()
    response = client.get(reverse("restricted_locations:inspect", args=[restricted.pk]))
    assert response.status_code == 200
    assert client.get(reverse("restricted_locations:edit", args=[restricted.pk])).status_code in (
        302,
        403,
    )


@pytest.mark.django_db
def test_register_staff_with_change_permission_can_edit(client, django_user_model, restricted):
    registrar = make_staff(
        django_user_model, "registrar", "view_restricted_data", "change_restricted_data"
    )
    client.force_login(registrar)
    url = reverse("restricted_locations:edit", args=[restricted.pk])
    response = client.get(url)
    assert response.status_code == 200
    response = client.post(
        url,
        {
            "register_object": restricted.register_object.pk,
            "storage_location": "New shelter",
            "evacuation_location": "",
            "evacuation_date": "",
            "extra": "{}",
        },
    )
    assert response.status_code == 302
    restricted.refresh_from_db()
    assert restricted.storage_location == "New shelter"


def test_restricted_data_is_not_indexed_for_search():
    from wagtail.search import index

    assert not issubclass(RestrictedObjectData, index.Indexed)


def test_restricted_data_has_no_revisions_and_is_not_translatable():
    from wagtail.models import RevisionMixin, TranslatableMixin

    assert not issubclass(RestrictedObjectData, RevisionMixin)
    assert not issubclass(RestrictedObjectData, TranslatableMixin)


def test_restricted_fields_are_not_on_the_public_model():
    public_fields = {field.name for field in RegisterObject._meta.concrete_fields}
    assert not public_fields & {"storage_location", "evacuation_location", "extra"}
