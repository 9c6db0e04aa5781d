"""The register is managed in Wagtail's admin and translated with wagtail-localize."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from registry.models import (
    HoldingMuseum,
    Material,
    ObjectImage,
    ObjectMaker,
    ObjectMaterial,
    ObjectMeasurement,
    ObjectType,
    RegisterObject,
)


@pytest.fixture
def uk(portal_site):
    return Locale.objects.get(language_code="uk")


@pytest.fixture
def register_object(uk):
    museum = HoldingMuseum.objects.create(
        code="namu", name="Національний художній музей", locale=uk
    )
    kind = ObjectType.objects.create(key="ікона", name="Ікона", locale=uk)
    clay = Material.objects.create(key="дерево", name="дерево", locale=uk)
    obj = RegisterObject.objects.create(
        register_id="UA-NAMU-1",
        inventory_number="Ж-1042",
        title="Богоматір Одигітрія",
        description="Ікона XVII століття.",
        holder=museum,
        object_type=kind,
        locale=uk,
    )
    ObjectMaker.objects.create(register_object=obj, name="Невідомий іконописець", locale=uk)
    ObjectMaterial.objects.create(register_object=obj, material=clay)
    ObjectMeasurement.objects.create(register_object=obj, dimension="height", value=52, unit="cm")
    return obj


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model_name", ["registerobject", "holdingmuseum", "objecttype", "material", "technique"]
)
def test_register_snippet_listings_render(admin_client, register_object, model_name):
    response = admin_client.get(reverse(f"wagtailsnippets_registry_{model_name}:list"))
    assert response.status_code == 200


@pytest.mark.django_db
def test_register_object_edit_and_add_forms_render(admin_client, register_object):
    edit = admin_client.get(
        reverse("wagtailsnippets_registry_registerobject:edit", args=[register_object.pk])
    )
    assert edit.status_code == 200
    assert "Богоматір Одигітрія" in edit.content.decode()
    add = admin_client.get(reverse("wagtailsnippets_registry_registerobject:add"))
    assert add.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("model_name", ["registerobject", "holdingmuseum", "objecttype"])
def test_register_editors_show_the_translation_status_per_language(
    admin_client, register_object, model_name
):
    """Below the form: each content language's status; nothing translated yet is missing."""
    from bs4 import BeautifulSoup

    from translations import status

    status.refresh()
    instance = {
        "registerobject": register_object,
        "holdingmuseum": register_object.holder,
        "objecttype": register_object.object_type,
    }[model_name]
    edit = admin_client.get(
        reverse(f"wagtailsnippets_registry_{model_name}:edit", args=[instance.pk])
    )
    assert edit.status_code == 200
    table = BeautifulSoup(edit.content, "html.parser").select_one("table.translation-status")
    assert table is not None
    (english,) = [row for row in table.select("tbody tr") if row.th["lang"] == "en"]
    assert str(status.Status.MISSING.label) in english.get_text()
    add = admin_client.get(reverse(f"wagtailsnippets_registry_{model_name}:add"))
    assert add.status_code == 200
    assert b"translation-status" not in add.content


@pytest.mark.django_db
def test_wagtail_localize_translates_an_object_with_its_children(register_object):
    """Creating the English translation copies synchronised data and translatable children."""
    from wagtail_localize.models import TranslationSource

    en = Locale.objects.get(language_code="en")
    source, _created = TranslationSource.get_or_create_from_instance(register_object)
    source.create_or_update_translation(en, fallback=True)
    translation = RegisterObject.objects.get(register_id="UA-NAMU-1", locale=en)
    assert translation.translation_key == register_object.translation_key
    assert translation.holder == register_object.holder
    assert translation.object_type == register_object.object_type
    assert translation.makers.get().locale == en
    assert [link.material.key for link in translation.material_links.all()] == ["дерево"]
    assert translation.measurements.get().value == 52
    assert not ObjectImage.objects.filter(register_object=translation).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["Одигітрія", "Богом", "UA-NAMU-1", "Ж-1042"])
def test_staff_find_objects_in_the_admin_by_title_register_id_or_inventory_number(
    admin_client, register_object, query
):
    from wagtail.search.backends import get_search_backend

    get_search_backend().add(register_object)
    response = admin_client.get(
        reverse("wagtailsnippets_registry_registerobject:list"), {"q": query}
    )
    assert response.status_code == 200
    assert "Богоматір Одигітрія" in response.content.decode()
