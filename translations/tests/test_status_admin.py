"""Editors see translation statuses: the "Translations" report, one item's status, the panel."""

import uuid

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission, Page
from wagtail.users.models import UserProfile

from exhibitions.tests.factories import ExhibitionIndexPageFactory, StoryPageFactory
from exhibitions.tests.factories import translate as translate_page
from portal.models import HomePage
from registry.models import HoldingMuseum, ObjectMaker, RegisterObject
from registry.tests import builders
from translations.models import SourceText, TranslatedItem
from translations.panels import TranslationStatusPanel
from translations.status import Origin, Status, instance_text, status_of, text_fingerprint

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translations/"
CANARY = f"CANARY-{uuid.uuid4().hex}"


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def rows(response):
    """``{item title: [text of each language cell]}`` of the report's table."""
    table = soup(response).select_one("table.translation-status")
    if table is None:
        return {}
    found = {}
    for row in table.select("tbody tr"):
        title = row.find("th").get_text(" ", strip=True)
        found[title] = [cell.get_text(" ", strip=True) for cell in row.find_all("td")[2:]]
    return found


def assert_denied(response):
    """Wagtail's admin answers "permission denied" with a redirect to the dashboard."""
    assert response.status_code == 302
    assert response.url == "/admin/"


def set_language(user, code):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()


@pytest.fixture
def admin(django_user_model, client, portal_site):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    set_language(user, "en")
    client.force_login(user)
    return user


@pytest.fixture
def items(portal_site):
    """An up-to-date object, an outdated one, an untranslated one; a museum; a story page."""
    up = builders.register_object("UP-1", title="Рушник")
    builders.translate(up, title="Towel")
    old = builders.register_object("OLD-1", title="Ікона")
    builders.translate(old, title="Icon")
    old.title = "Ікона XVII століття"
    old.save()
    missing = builders.register_object("MISS-1", title="Глечик")
    museum = builders.museum("Музей Гончара", code="honchar")
    index = ExhibitionIndexPageFactory(parent=HomePage.objects.get(locale__language_code="uk"))
    translate_page(index, "en", title="Exhibitions")
    story = StoryPageFactory(parent=index, title="Евакуація музею", slug="evakuatsiia")
    return {"up": up, "old": old, "missing": missing, "museum": museum, "story": story}


# --- The report -----------------------------------------------------------------------------


def test_report_lists_items_with_their_status_per_language(client, admin, items):
    found = rows(client.get(REPORT))
    assert found["Рушник"][0].startswith("Up to date")
    assert "Person" in found["Рушник"][0]
    assert found["Ікона XVII століття"][0].startswith("Outdated")
    assert found["Глечик"][0].startswith("Missing")
    assert found["Музей Гончара"][0].startswith("Missing")
    assert found["Евакуація музею"][0].startswith("Missing")


def test_report_links_to_the_source_and_to_each_translation(client, admin, items):
    page = soup(client.get(REPORT))
    links = {a.get_text(" ", strip=True): a["href"] for a in page.select("table a")}
    edit_source = reverse(
        RegisterObject.snippet_viewset.get_url_name("edit"), args=[items["old"].pk]
    )
    assert links["Ікона XVII століття"] == edit_source
    translated = RegisterObject.objects.get(register_id="OLD-1", locale__language_code="en")
    hrefs = {a["href"] for a in page.select("table a")}
    assert reverse(RegisterObject.snippet_viewset.get_url_name("edit"), args=[translated.pk]) in (
        hrefs
    )
    assert reverse("wagtail_localize:submit_page_translation", args=[items["story"].pk]) in hrefs
    assert (
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["registry", "registerobject", items["missing"].pk],
        )
        in hrefs
    )


def test_report_renders_in_ukrainian(client, admin, items):
    set_language(admin, "uk")
    page = soup(client.get(REPORT))
    assert page.find("html")["lang"] == "uk"
    assert "Ікона XVII століття" in rows(client.get(REPORT))


def test_report_filters_by_status_language_and_kind(client, admin, items):
    outdated = rows(client.get(REPORT, {"status": Status.OUTDATED, "language": "en"}))
    assert list(outdated) == ["Ікона XVII століття"]

    missing = rows(client.get(REPORT, {"status": Status.MISSING}))
    assert set(missing) == {"Глечик", "Музей Гончара", "Евакуація музею"}

    up = rows(client.get(REPORT, {"status": Status.UP_TO_DATE}))
    assert "Рушник" in up and "Ікона XVII століття" not in up

    museums = ContentType.objects.get_for_model(HoldingMuseum).pk
    assert list(rows(client.get(REPORT, {"kind": museums}))) == ["Музей Гончара"]

    pages = ContentType.objects.get_for_model(Page).pk
    page_rows = rows(client.get(REPORT, {"kind": pages, "status": Status.MISSING}))
    assert list(page_rows) == ["Евакуація музею"]

    by_person = rows(client.get(REPORT, {"origin": Origin.PERSON, "kind": ""}))
    assert "Рушник" in by_person and "Глечик" not in by_person

    results = client.get(reverse("translation_status_report_results"), {"status": Status.OUTDATED})
    assert list(rows(results)) == ["Ікона XVII століття"]


def test_report_is_paginated_with_a_bounded_number_of_queries(
    client, admin, items, django_assert_max_num_queries
):
    for n in range(60):
        obj = builders.register_object(f"BULK-{n:03d}", title=f"Предмет {n}")
        if n % 2:
            builders.translate(obj, title=f"Object {n}")
    for n in range(10):
        builders.museum(f"Музей {n}", code=f"museum-bulk-{n}")
    with django_assert_max_num_queries(30):
        first = client.get(REPORT)
    assert len(rows(first)) == 50
    assert soup(first).select('a[href*="p=2"]')
    second = rows(client.get(REPORT, {"p": 2}))
    assert len(second) == SourceText.objects.count() - 50


def test_restricted_data_never_appears_in_the_report(client, admin, portal_site):
    obj = builders.full_object("CAN-1")
    builders.restrict(obj, CANARY)
    body = client.get(REPORT).content.decode()
    assert "Богоматір Одигітрія" in body
    assert CANARY not in body
    body = client.get(item_url(obj)).content.decode()
    assert "Богоматір Одигітрія" in body
    assert CANARY not in body


# --- Who sees it ----------------------------------------------------------------------------


def editor_with(django_user_model, *codenames, pages_under=None):
    user = django_user_model.objects.create_user("limited", "limited@example.org", "pw")
    group = Group.objects.create(name="Limited")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *[Permission.objects.get(codename=codename) for codename in codenames],
    )
    if pages_under is not None:
        GroupPagePermission.objects.create(
            group=group, page=pages_under, permission=Permission.objects.get(codename="change_page")
        )
    user.groups.add(group)
    return user


def test_editors_without_edit_permissions_may_not_see_the_report(client, django_user_model, items):
    user = editor_with(django_user_model)
    client.force_login(user)
    assert_denied(client.get(REPORT))
    menu = client.get("/admin/").content.decode()
    assert REPORT not in menu


def test_editors_see_only_the_kinds_they_may_edit(client, django_user_model, items):
    user = editor_with(django_user_model, "change_registerobject")
    set_language(user, "en")
    client.force_login(user)
    found = rows(client.get(REPORT))
    assert "Рушник" in found
    assert "Музей Гончара" not in found
    assert "Евакуація музею" not in found
    assert REPORT in client.get("/admin/").content.decode()
    museums = ContentType.objects.get_for_model(HoldingMuseum).pk
    # A kind the editor may not edit is not offered, and asking for it shows none of it.
    page = soup(client.get(REPORT, {"kind": museums}))
    assert not page.select(f'option[value="{museums}"]')
    assert "Музей Гончара" not in rows(client.get(REPORT, {"kind": museums}))
    assert_denied(client.get(item_url(items["museum"])))


def test_page_editors_see_the_pages_they_may_edit(client, django_user_model, items):
    other = StoryPageFactory(
        parent=HomePage.objects.get(locale__language_code="uk"), title="Інша історія"
    )
    user = editor_with(django_user_model, pages_under=items["story"].get_parent())
    client.force_login(user)
    found = rows(client.get(REPORT))
    assert "Евакуація музею" in found
    assert "Інша історія" not in found
    assert "Рушник" not in found
    assert client.get(item_url(items["story"])).status_code == 200
    assert_denied(client.get(item_url(other)))


# --- One item: page header, snippet listing, panel ------------------------------------------


def item_url(instance):
    model = Page if isinstance(instance, Page) else type(instance)
    content_type = ContentType.objects.get_for_model(model)
    return reverse("translation_status_item", args=[content_type.pk, instance.translation_key])


def test_item_status_page_lists_each_language(client, admin, items):
    page = soup(client.get(item_url(items["old"])))
    (row,) = page.select("table.translation-status tbody tr")
    assert row.find("th").get_text(strip=True) == "English"
    assert row.find("td").get_text(" ", strip=True).startswith("Outdated")
    assert client.get(item_url(items["missing"])).status_code == 200
    translated = RegisterObject.objects.get(register_id="UP-1", locale__language_code="en")
    assert client.get(item_url(translated)).status_code == 200
    missing_key = reverse(
        "translation_status_item",
        args=[ContentType.objects.get_for_model(RegisterObject).pk, uuid.uuid4()],
    )
    assert client.get(missing_key, follow=True).status_code == 404


def test_page_editor_header_links_to_the_status(client, admin, items):
    story = items["story"]
    body = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
    assert item_url(story) in body


def test_snippet_listing_links_to_the_status(client, admin, items):
    listing = reverse(RegisterObject.snippet_viewset.get_url_name("list"))
    assert item_url(items["old"]) in client.get(listing).content.decode()


def test_panel_shows_the_status_in_the_object_editor(rf, admin, items):
    request = RequestFactory().get("/")
    request.user = admin
    panel = TranslationStatusPanel().bind_to_model(RegisterObject)
    bound = panel.get_bound_panel(instance=items["old"], request=request, form=None)
    assert bound.is_shown()
    with translation.override("en"):  # rendered outside a request: say which language
        html = BeautifulSoup(bound.render_html(), "html.parser")
    assert html.select_one("tbody td").get_text(" ", strip=True).startswith("Outdated")

    unsaved = panel.get_bound_panel(instance=RegisterObject(), request=request, form=None)
    assert not unsaved.is_shown()


def test_panel_renders_inside_the_object_edit_form(admin, items):
    """As the register viewset would use it: after the model's own panels."""
    from wagtail.admin.panels import ObjectList

    request = RequestFactory().get("/")
    request.user = admin
    edit_handler = ObjectList([*RegisterObject.panels, TranslationStatusPanel()]).bind_to_model(
        RegisterObject
    )
    form = edit_handler.get_form_class()(instance=items["old"], for_user=admin)
    bound = edit_handler.get_bound_panel(instance=items["old"], request=request, form=form)
    with translation.override("en"):
        html = BeautifulSoup(bound.render_html(), "html.parser")
    assert "Outdated" in html.select_one("table.translation-status").get_text(" ", strip=True)


# --- Editing in the admin -------------------------------------------------------------------


def museum_form(museum, **changes):
    data = {
        "code": museum.code,
        "name": museum.name,
        "place": museum.place,
        "latitude": "",
        "longitude": "",
        "website": museum.website,
        "wikidata_id": museum.wikidata_id,
    }
    data.update(changes)
    return data


def test_editing_the_source_in_the_admin_marks_translations_outdated(client, admin, portal_site):
    museum = builders.museum("Музей Гончара", code="honchar", en={"name": "Honchar Museum"})
    assert status_of(museum) == {"en": Status.UP_TO_DATE}
    edit = reverse(HoldingMuseum.snippet_viewset.get_url_name("edit"), args=[museum.pk])
    response = client.post(edit, museum_form(museum, name="Національний музей Гончара"))
    assert response.status_code == 302, response.content
    assert status_of(museum) == {"en": Status.OUTDATED}

    # Saving without a change of text keeps the status.
    response = client.post(edit, museum_form(museum, name="Національний музей Гончара"))
    assert status_of(museum) == {"en": Status.OUTDATED}

    translated = HoldingMuseum.objects.get(code="honchar", locale__language_code="en")
    edit_en = reverse(HoldingMuseum.snippet_viewset.get_url_name("edit"), args=[translated.pk])
    response = client.post(edit_en, museum_form(translated, name="Honchar National Museum"))
    assert response.status_code == 302, response.content
    assert status_of(museum) == {"en": Status.UP_TO_DATE}
    item = TranslatedItem.objects.get(translation_key=museum.translation_key)
    assert item.origin == Origin.PERSON
    assert item.translated_by == admin


def test_children_saved_with_their_object_are_part_of_its_text(portal_site):
    """As the admin form does: children set in memory, then the object saved with them."""
    obj = builders.register_object("KID-1", title="Рушник")
    obj.makers = [ObjectMaker(name="Марія Приймаченко", role="авторка", locale=obj.locale)]
    obj.save()
    source = SourceText.objects.get(translation_key=obj.translation_key)
    fresh = RegisterObject.objects.get(pk=obj.pk)
    assert ("makers.0.name", "Марія Приймаченко") in instance_text(fresh)
    assert source.fingerprint == text_fingerprint(instance_text(fresh))

    # A child saved on its own changes the text too.
    builders.add_maker(fresh, "Катерина Білокур")
    source.refresh_from_db()
    assert source.fingerprint == text_fingerprint(
        instance_text(RegisterObject.objects.get(pk=obj.pk))
    )
