"""Editorial work: section editors, curator review before publishing, scheduled publishing."""

import datetime
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from exhibitions.editorial import (
    CURATORS,
    ensure_curator_review,
    ensure_section_editors,
)
from exhibitions.tests.factories import (
    ExhibitionIndexPageFactory,
    StoryPageFactory,
    translate,
)
from portal.models import HomePage
from registry.tests.builders import term

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(portal_site):
    from registry.models import HoldingMuseum

    home = HomePage.objects.get(locale__language_code="uk")
    translate_home = HomePage.objects.get(locale__language_code="en")
    assert translate_home
    index = ExhibitionIndexPageFactory(parent=home)
    namu = term(HoldingMuseum, "НХМУ", code="NAMU")
    kharkiv = term(HoldingMuseum, "ХХМ", code="KHARKIV")
    own = ExhibitionIndexPageFactory(parent=index, title="НХМУ", slug="namu", holding_museum=namu)
    other = ExhibitionIndexPageFactory(
        parent=index, title="ХХМ", slug="kharkiv", holding_museum=kharkiv
    )
    translate(index, "en", title="Exhibitions")
    own_en = translate(own, "en", title="NAMU")
    ensure_curator_review()
    group = ensure_section_editors(own)
    User = get_user_model()
    editor = User.objects.create_user("namu-editor", password="x", is_staff=True)  # noqa: S106
    editor.groups.add(group)
    curator = User.objects.create_user("curator", password="x", is_staff=True)  # noqa: S106
    curator.groups.add(group.__class__.objects.get(name=CURATORS))
    return {
        "own": own,
        "own_en": own_en,
        "other": other,
        "own_story": StoryPageFactory(parent=own, title="Наша історія"),
        "other_story": StoryPageFactory(parent=other, title="Чужа історія"),
        "editor": editor,
        "curator": curator,
    }


def test_section_editors_edit_only_their_own_section(sections):
    editor = sections["editor"]
    own = sections["own_story"].permissions_for_user(editor)
    other = sections["other_story"].permissions_for_user(editor)
    assert own.can_edit()
    assert sections["own"].permissions_for_user(editor).can_add_subpage()
    assert sections["own_en"].permissions_for_user(editor).can_add_subpage()
    assert not other.can_edit()
    assert not sections["other"].permissions_for_user(editor).can_add_subpage()


def test_section_editors_cannot_publish(sections):
    editor = sections["editor"]
    assert not sections["own_story"].permissions_for_user(editor).can_publish()
    assert sections["own_story"].permissions_for_user(sections["curator"]).can_publish()


def test_admin_edit_view_refuses_another_museums_page(client, sections):
    client.force_login(sections["editor"])
    own = client.get(reverse("wagtailadmin_pages:edit", args=[sections["own_story"].pk]))
    other = client.get(reverse("wagtailadmin_pages:edit", args=[sections["other_story"].pk]))
    assert own.status_code == 200
    assert other.status_code in (302, 403)


def test_an_editors_change_goes_live_only_after_curator_review(sections):
    story = sections["own_story"]
    editor, curator = sections["editor"], sections["curator"]
    story.title = "Наша історія, переписана"
    revision = story.save_revision(user=editor)
    workflow = story.get_workflow()
    assert workflow is not None and workflow.name
    state = workflow.start(story, editor)
    story.refresh_from_db()
    assert story.title == "Наша історія"  # the live page is unchanged while in review
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(story, curator)
    assert not task_state.task.specific.user_can_access_editor(story, editor)
    task_state.task.specific.on_action(task_state, curator, "approve")
    story.refresh_from_db()
    assert story.live and story.title == "Наша історія, переписана"
    assert story.live_revision_id == revision.pk


def test_scheduled_publishing_goes_live_at_its_time(sections):
    story = StoryPageFactory(parent=sections["own"], title="Запланована", live=False)
    story.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    revision = story.save_revision()
    revision.publish()  # with a go-live time ahead, publishing schedules the revision
    story.refresh_from_db()
    revision.refresh_from_db()
    assert not story.live
    assert revision.approved_go_live_at == story.go_live_at

    call_command("publish_scheduled")
    story.refresh_from_db()
    assert not story.live  # not yet

    time.sleep(max(0.0, (story.go_live_at - timezone.now()).total_seconds()) + 0.1)
    call_command("publish_scheduled")
    story.refresh_from_db()
    assert story.live
