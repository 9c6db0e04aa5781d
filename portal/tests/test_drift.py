"""Drift alerts: editors learn which pages feature objects that went missing, were stolen,
destroyed or damaged, or left the public collection, and where in those pages they are."""

import datetime
import uuid

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

from exhibitions.tests.factories import ExhibitionIndexPageFactory, StoryPageFactory
from portal import drift
from portal.models import HomePage
from registry.models import ObjectStatus, RegisterObject, RestrictedObjectData
from registry.tests import builders

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/object-alerts/"
CANARY = f"CANARY-{uuid.uuid4().hex}"


def object_block(obj, note=""):
    return {
        "type": "register_object",
        "value": {"object": obj.pk, "note": note, "layout": "feature"},
        "id": str(uuid.uuid4()),
    }


def grid_block(objects):
    return {
        "type": "object_grid",
        "value": {
            "heading": "Objects",
            "introduction": "",
            "objects": [obj.pk for obj in objects],
            "layout": "grid",
        },
        "id": str(uuid.uuid4()),
    }


def in_english(user):
    """The admin speaks English to ``user`` (the site's default language is Ukrainian)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture(autouse=True)
def english_admin(admin_user):
    in_english(admin_user)


@pytest.fixture
def index(portal_site):
    home = HomePage.objects.get(locale__language_code="uk")
    return ExhibitionIndexPageFactory(parent=home)


@pytest.fixture
def story(index, django_capture_on_commit_callbacks):
    """A story builder whose references are indexed as on a real save (after commit)."""

    def build(body, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return StoryPageFactory(parent=index, body=body, **fields)

    return build


@pytest.fixture
def objects(portal_site):
    icon = builders.register_object("DR-1", title="Ікона Покрова")
    builders.translate(icon, title="The Protection icon")
    jug = builders.register_object("DR-2", title="Глечик")
    towel = builders.register_object("DR-3", title="Рушник")
    for obj in (icon, jug, towel):
        builders.restrict(obj, CANARY)
    return icon, jug, towel


def set_status(obj, status, date=datetime.date(2024, 2, 24), **fields):
    """Change status the way the register does: on the source row and its translations."""
    RegisterObject.objects.filter(translation_key=obj.translation_key).update(
        status=status, status_date=date, **fields
    )


def set_published(obj, published):
    RegisterObject.objects.filter(translation_key=obj.translation_key).update(published=published)


def editor(section, username="editor"):
    """An admin user who may edit pages under ``section`` only."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username, password="pw")
    group = Group.objects.create(name=f"{username} editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=section,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user.groups.add(group)
    return in_english(user)


def report_rows(client):
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    tree = BeautifulSoup(response.content, "html.parser")
    return response, [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in tree.select("table.object-alerts-report tbody tr")
    ]


# --- finding pages ---------------------------------------------------------------------------


def test_report_lists_only_pages_featuring_an_object_that_became_stolen(
    admin_client, story, objects
):
    """After an object is stolen, the report lists the story featuring it, with the object,
    its state and date, and the block it sits in; stories without it are not listed."""
    icon, jug, _towel = objects
    affected = story([object_block(jug), object_block(icon)], title="Покрова")
    story([object_block(jug)], title="Глечики")
    story([{"type": "paragraph", "value": "<p>Без предметів.</p>"}], title="Текст")

    assert drift.affected_pages() == []
    set_status(icon, ObjectStatus.STOLEN, status_note="Викрадено.")

    with translation.override("en"):
        [entry] = drift.affected_pages()
    assert entry.page.pk == affected.pk
    [alert] = entry.alerts
    assert alert.register_object.pk == icon.pk
    assert alert.reason == ObjectStatus.STOLEN
    assert alert.status_date == datetime.date(2024, 2, 24)
    assert alert.location == "Body → Block 2: Register object → Object"

    response, rows = report_rows(admin_client)
    assert len(rows) == 1
    page_cell, object_cell, state, since, where = rows[0]
    assert page_cell.startswith("Покрова")
    assert "Ікона Покрова (DR-1)" in object_cell
    assert state == "Stolen"
    assert "2024" in since
    assert where == "Body → Block 2: Register object → Object"
    html = response.content.decode()
    edit_url = reverse("wagtailadmin_pages:edit", args=[affected.pk])
    assert f'href="{edit_url}"' in html
    block_id = affected.body.raw_data[1]["id"]
    assert f"{edit_url}#:w:contentpath=body.{block_id}.object" in html
    assert "Глечики" not in html
    assert "Текст" not in html


@pytest.mark.parametrize(
    "status", [ObjectStatus.MISSING, ObjectStatus.DESTROYED, ObjectStatus.DAMAGED]
)
def test_every_alert_status_is_reported(story, objects, status):
    icon, _jug, _towel = objects
    page = story([object_block(icon)])
    set_status(icon, status)
    assert [entry.page.pk for entry in drift.affected_pages()] == [page.pk]


def test_unpublished_object_is_reported_until_it_returns(admin_client, story, objects):
    """An unpublished object puts its stories in the report; republished, they leave it."""
    icon, jug, towel = objects
    page = story([grid_block([jug, icon, towel])], title="Сітка")
    set_published(icon, False)

    with translation.override("en"):
        [entry] = drift.affected_pages()
    assert entry.page.pk == page.pk
    [alert] = entry.alerts
    assert alert.reason == drift.UNPUBLISHED
    assert alert.location == "Body → Block 1: Object grid or carousel → Objects (item 2)"
    _response, rows = report_rows(admin_client)
    assert [row[2] for row in rows] == ["Unpublished In the collection"]

    set_published(icon, True)
    assert drift.affected_pages() == []
    response = admin_client.get(REPORT_URL)
    assert "No page features an object" in response.content.decode()
    assert "Сітка" not in response.content.decode()


def test_object_that_returns_to_the_collection_leaves_the_report(story, objects):
    icon, _jug, _towel = objects
    story([object_block(icon)])
    set_status(icon, ObjectStatus.MISSING)
    assert len(drift.affected_pages()) == 1
    set_status(icon, ObjectStatus.RETURNED)
    assert drift.affected_pages() == []


def test_deleted_object_is_reported(story, objects):
    """An object deleted from the register is found in the page's stored blocks."""
    icon, jug, _towel = objects
    page = story([object_block(jug), object_block(icon)])
    RegisterObject.objects.filter(translation_key=icon.translation_key).delete()
    [entry] = drift.affected_pages()
    assert entry.page.pk == page.pk
    [alert] = entry.alerts
    assert alert.reason == drift.DELETED
    assert alert.register_object is None
    assert str(icon.pk) in alert.object_label
    assert drift.affected_page_count() == 0  # the dashboard reads the index only


def test_page_storing_a_translation_row_is_found(story, objects):
    icon, _jug, _towel = objects
    english = icon.get_translation(builders.locale("en"))
    page = story([object_block(english)])
    set_status(icon, ObjectStatus.STOLEN)
    [entry] = drift.affected_pages()
    assert entry.page.pk == page.pk
    assert entry.alerts[0].register_object.pk == icon.pk


# --- permissions -----------------------------------------------------------------------------


def test_report_needs_admin_access_and_page_editing(client, story, objects, index):
    icon, _jug, _towel = objects
    story([object_block(icon)], title="Покрова")
    set_status(icon, ObjectStatus.STOLEN)

    response = client.get(REPORT_URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]

    from django.contrib.auth import get_user_model

    reader = in_english(get_user_model().objects.create_user("reader", password="pw"))
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    response = client.get(REPORT_URL)
    assert response.status_code in (302, 403)
    assert "Покрова" not in response.content.decode()
    assert REPORT_URL not in client.get("/admin/").content.decode()

    client.force_login(editor(index))
    assert "Покрова" in client.get(REPORT_URL).content.decode()
    assert REPORT_URL in client.get("/admin/").content.decode()


def test_section_editors_see_only_their_section(client, story, objects, index):
    icon, _jug, _towel = objects
    story([object_block(icon)], title="Покрова")
    set_status(icon, ObjectStatus.STOLEN)
    home = HomePage.objects.get(locale__language_code="uk")
    other_section = ExhibitionIndexPageFactory(parent=home, title="Інший музей", slug="other")
    client.force_login(editor(other_section, "other"))
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    assert "Покрова" not in response.content.decode()


# --- dashboard and editor panel --------------------------------------------------------------


def test_dashboard_panel_counts_affected_pages_only_when_there_are_some(
    admin_client, story, objects
):
    icon, jug, _towel = objects
    story([object_block(icon)])
    story([object_block(icon), object_block(jug)])
    assert 'id="object-alerts' not in admin_client.get("/admin/").content.decode()

    set_status(icon, ObjectStatus.MISSING)
    tree = BeautifulSoup(admin_client.get("/admin/").content, "html.parser")
    panel = tree.find(id=lambda value: value and value.startswith("object-alerts"))
    assert panel is not None
    assert "2 pages feature register objects" in panel.get_text(" ", strip=True)
    assert panel.find("a", href=REPORT_URL)


def test_edit_view_warns_of_the_pages_object_alerts(admin_client, story, objects):
    """The page editor lists this page's affected objects with links to their blocks."""
    icon, jug, _towel = objects
    page = story([object_block(jug), object_block(icon)])
    quiet = story([object_block(jug)])
    set_status(icon, ObjectStatus.DESTROYED, date=datetime.date(2022, 3, 16))

    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = admin_client.get(edit_url).content.decode()
    tree = BeautifulSoup(html, "html.parser")
    panel = tree.find(class_="object-alerts")
    assert panel is not None
    text = panel.get_text(" ", strip=True)
    assert "Destroyed" in text
    assert "Ікона Покрова (DR-1)" in text
    assert "Body → Block 2: Register object → Object" in text

    quiet_url = reverse("wagtailadmin_pages:edit", args=[quiet.pk])
    quiet_html = admin_client.get(quiet_url).content
    assert BeautifulSoup(quiet_html, "html.parser").find(class_="object-alerts") is None


def test_edit_view_panel_reads_the_latest_draft(admin_client, story, objects):
    icon, jug, _towel = objects
    page = story([object_block(jug)])
    set_published(icon, False)
    draft = page.get_latest_revision_as_object()
    draft.body = [object_block(jug), object_block(icon)]
    draft.save_revision()
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Unpublished" in BeautifulSoup(html, "html.parser").find(class_="object-alerts").text


# --- restricted data -------------------------------------------------------------------------


def test_restricted_location_canary_never_appears(admin_client, story, objects):
    """Neither the report, the dashboard nor the editor shows restricted data, and the
    report never reads its table."""
    icon, jug, towel = objects
    page = story([object_block(icon), grid_block([jug, towel])])
    set_status(icon, ObjectStatus.STOLEN)
    set_published(jug, False)
    RegisterObject.objects.filter(translation_key=towel.translation_key).delete()
    assert RestrictedObjectData.objects.filter(storage_location__contains=CANARY).exists()

    with CaptureQueriesContext(connection) as queries:
        report = admin_client.get(REPORT_URL).content.decode()
    assert report.count("<tr") >= 4
    table = RestrictedObjectData._meta.db_table
    assert not [q for q in queries.captured_queries if table in q["sql"]]
    for html in (
        report,
        admin_client.get("/admin/").content.decode(),
        admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode(),
    ):
        assert CANARY not in html
