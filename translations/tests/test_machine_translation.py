"""Machine translation through wagtail-localize's editor, labelled for readers until reviewed."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ImproperlyConfigured
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
)
from wagtail_localize.operations import TranslationCreator

from exhibitions.models import StoryPage
from exhibitions.tests.factories import ExhibitionIndexPageFactory, StoryPageFactory, translate
from portal.models import HomePage
from registry.models import RegisterObject
from registry.tests import builders
from translations.machine import FakeTranslator, translator_setting
from translations.provenance import (
    machine_provenance,
    machine_provenance_for,
    machine_translated,
)

pytestmark = pytest.mark.django_db

LABEL = "Machine translated from Ukrainian. A person has not reviewed it yet."


@pytest.fixture
def editor(django_user_model, client, settings):
    """A signed-in editor with the fake machine translator configured."""
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = translator_setting("fake")
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return user


def submit(instance, user):
    """Submit ``instance`` for translation into English, as "Translate this page" does."""
    with TestCase.captureOnCommitCallbacks(execute=True):  # pages publish on commit
        TranslationCreator(user, [Locale.objects.get(language_code="en")]).create_translations(
            instance
        )
    return Translation.objects.get(source__object_id=instance.translation_key)


def machine_translate(client, translation, user):
    """Press "Translate with <tool>" in the translation editor, then publish."""
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/"}
    )
    assert response.status_code == 302
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=user, publish=True)


def edit_string(client, translation, segment, value):
    """A person edits one string in the translation editor, then publishes."""
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        f"value={value}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200, response.content
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)


def label(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return soup.select(".notice--machine-translation")


@pytest.fixture
def story(portal_site):
    index = ExhibitionIndexPageFactory(parent=HomePage.objects.get(locale__language_code="uk"))
    translate(index, "en", title="Exhibitions")
    return StoryPageFactory(parent=index, title="Евакуація музею", slug="evakuatsiia")


def test_fake_translator_is_deterministic():
    from wagtail_localize.strings import StringValue

    uk, en = Locale(language_code="uk"), Locale(language_code="en")
    strings = [StringValue("Евакуація"), StringValue("<b>музею</b>")]
    translator = FakeTranslator({})
    assert translator.can_translate(uk, en) and not translator.can_translate(uk, uk)
    result = translator.translate(uk, en, strings)
    assert [result[string].data for string in strings] == ["[MT] Евакуація", "[MT] <b>музею</b>"]
    assert result == translator.translate(uk, en, strings)


def test_settings_choose_the_translator():
    assert translator_setting("") is None
    assert translator_setting("off") is None
    assert translator_setting("fake")["CLASS"] == "translations.machine.FakeTranslator"
    deepl = translator_setting("DeepL", deepl_api_key="key:fx")
    assert deepl["CLASS"].endswith("DeepLTranslator")
    assert deepl["OPTIONS"] == {"AUTH_KEY": "key:fx"}
    with pytest.raises(ImproperlyConfigured, match="DEEPL_API_KEY"):
        translator_setting("deepl")
    with pytest.raises(ImproperlyConfigured, match="google"):
        translator_setting("google")


def test_machine_translated_story_is_labelled_in_english_only(client, editor, story):
    translation = submit(story, editor)
    machine_translate(client, translation, editor)
    story_en = StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="en"
    )
    assert story_en.title == "[MT] Евакуація музею"

    assert machine_translated(story_en)
    assert not machine_translated(story)
    provenance = machine_provenance(story_en)
    assert provenance.tools == ("Fake translator",)
    assert provenance.strings >= 2  # title, summary, body paragraph, …
    assert provenance.translated_at is not None

    client.logout()
    (note,) = label(client, story_en.url)
    assert note.get_text(strip=True) == LABEL
    assert label(client, story.url) == []


def test_label_disappears_once_a_person_has_edited_every_machine_string(client, editor, story):
    translation = submit(story, editor)
    machine_translate(client, translation, editor)
    story_en = StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="en"
    )
    segments = list(StringSegment.objects.filter(source=translation.source))
    first, *rest = segments
    edit_string(client, translation, first, "Reviewed")
    assert machine_provenance(story_en).strings == len(rest)
    assert label(client, story_en.url)

    for segment in rest:
        edit_string(client, translation, segment, "Reviewed")
    assert not machine_translated(story_en)
    assert (
        not StringTranslation.objects.filter(translation_type="machine", locale=story_en.locale)
        .exclude(last_translated_by=editor)
        .exists()
    )
    assert label(client, story_en.url) == []


def test_stopping_the_sync_hands_the_page_to_a_person(client, editor, story):
    """A translation taken over in the page editor ("stop syncing") is no longer labelled."""
    translation = submit(story, editor)
    machine_translate(client, translation, editor)
    story_en = StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="en"
    )
    Translation.objects.filter(pk=translation.pk).update(enabled=False)
    assert not machine_translated(story_en)


def test_machine_translated_object_is_labelled_on_its_page(client, editor, portal_site):
    obj = builders.register_object("NHMU-2001", title="Рушник", description="Вишитий рушник.")
    translation = submit(obj, editor)
    machine_translate(client, translation, editor)
    row = RegisterObject.objects.get(
        translation_key=obj.translation_key, locale__language_code="en"
    )
    assert row.title == "[MT] Рушник"

    client.logout()
    (note,) = label(client, "/en/objects/NHMU-2001/")
    assert note.get_text(strip=True) == LABEL
    assert label(client, "/uk/objects/NHMU-2001/") == []


def test_hand_translated_object_is_not_labelled(client, portal_site):
    obj = builders.register_object("NHMU-2002", title="Рушник")
    builders.translate(obj, title="Towel")
    assert label(client, "/en/objects/NHMU-2002/") == []


def test_batched_provenance_costs_one_query(client, editor, story, django_assert_num_queries):
    objects = [builders.register_object(f"NHMU-30{n}", title=f"Предмет {n}") for n in range(5)]
    for obj in objects[:3]:
        machine_translate(client, submit(obj, editor), editor)
    rows = list(RegisterObject.objects.filter(locale__language_code="en"))
    assert len(rows) == 3
    with django_assert_num_queries(1):
        found = machine_provenance_for([*rows, *objects, None])
    assert set(found) == {(row.translation_key, row.locale_id) for row in rows}


def test_label_costs_one_query_in_english_and_none_in_ukrainian(
    client, editor, story, django_assert_num_queries
):
    from django.template import Context, Template
    from django.utils import translation as django_translation

    translation = submit(story, editor)
    machine_translate(client, translation, editor)
    story_en = StoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="en"
    )
    template = Template('{% include "translations/machine_label.html" with item=page %}')
    with django_translation.override("en"), django_assert_num_queries(1):
        assert LABEL in template.render(Context({"page": story_en}))
    with django_translation.override("uk"), django_assert_num_queries(0):
        assert template.render(Context({"page": story})).strip() == ""
