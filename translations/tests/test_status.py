"""Translation status: fingerprints of source text, and up to date / outdated / missing."""

import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import TestCase
from django.utils.translation import override
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from exhibitions.models import StoryPage
from exhibitions.tests.factories import ExhibitionIndexPageFactory, StoryPageFactory
from exhibitions.tests.factories import translate as translate_page
from portal.models import HomePage
from registry.models import HoldingMuseum, Material, RegisterObject
from registry.tests import builders
from translations.models import SourceText, TranslatedItem
from translations.status import (
    Origin,
    Status,
    instance_text,
    person_made,
    record_source,
    record_sources,
    record_translation,
    record_translations,
    refresh,
    status_of,
    statuses,
    text_fingerprint,
    tracked_models,
)

pytestmark = pytest.mark.django_db

UP, OLD, NONE = Status.UP_TO_DATE, Status.OUTDATED, Status.MISSING


@pytest.fixture
def en(portal_site):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")


def submit(instance, user):
    """Submit ``instance`` for translation into English, as "Translate this page" does."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        TranslationCreator(user, [Locale.objects.get(language_code="en")]).create_translations(
            instance
        )
    return Translation.objects.get(source__object_id=instance.translation_key)


def sync(instance, user, *, publish=True):
    """ "Sync translated pages": refresh the source from the database, then save every target."""
    source = TranslationSource.objects.get(object_id=instance.translation_key)
    source.update_from_db()
    if publish:
        with TestCase.captureOnCommitCallbacks(execute=True):
            for translation in source.translations.filter(enabled=True):
                translation.save_target(user=user, publish=True)
    return source


def translate_strings(translation, prefix="EN "):
    """A translator fills every untranslated string of ``translation``."""
    from wagtail_localize.models import StringTranslation

    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": prefix + segment.string.data, "translation_type": "manual"},
        )


def publish_edit(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def story(portal_site):
    index = ExhibitionIndexPageFactory(parent=HomePage.objects.get(locale__language_code="uk"))
    translate_page(index, "en", title="Exhibitions")
    return StoryPageFactory(parent=index, title="Евакуація музею", slug="evakuatsiia")


# --- Fingerprints ---------------------------------------------------------------------------


def test_object_text_lists_translatable_fields_and_children_in_order(en):
    obj = builders.full_object("NHMU-1001", translated=False)
    text = dict(instance_text(obj))
    assert text["title"] == "Богоматір Одигітрія"
    assert text["makers.0.name"] == "Іван Руткович"
    assert text["makers.0.role"] == "іконописець"
    assert text["inscriptions.0.translation"] == "Матір Божа"
    assert text["images.0.alt_text"] == "Ікона, лицевий бік"
    assert text["images.1.alt_text"] == "Зворот ікони"
    # Synchronised fields (register ID, dates, transcriptions) and empty texts are left out.
    assert "register_id" not in text
    assert "makers.0.dates" not in text
    assert "inscriptions.0.transcription" not in text
    assert "status_note" not in text
    assert "images.1.credit" not in text


def test_fingerprint_ignores_order_of_pairs_and_tells_apart_paths_and_texts():
    pairs = [("title", "Рушник"), ("description", "Вишитий")]
    assert text_fingerprint(pairs) == text_fingerprint(list(reversed(pairs)))
    assert len(text_fingerprint(pairs)) == 40
    assert text_fingerprint([("title", "a|b")]) != text_fingerprint([("title|a", "b")])
    assert text_fingerprint([("title", "Рушник")]) != text_fingerprint([("title", "Рушники")])
    assert text_fingerprint([]) != text_fingerprint([("title", "")])


def test_object_fingerprint_equals_on_the_translation_source_snapshot(en, editor):
    obj = builders.full_object("NHMU-1002", translated=False)
    submit(obj, editor)
    snapshot = TranslationSource.objects.get(object_id=obj.translation_key).as_instance()
    assert instance_text(snapshot) == instance_text(RegisterObject.objects.get(pk=obj.pk))
    assert len(instance_text(snapshot)) > 10


def test_page_fingerprint_equals_on_the_translation_source_snapshot(story, editor):
    submit(story, editor)
    snapshot = TranslationSource.objects.get(object_id=story.translation_key).as_instance()
    text = instance_text(StoryPage.objects.get(pk=story.pk))
    assert instance_text(snapshot) == text
    assert ("title", "Евакуація музею") in text
    assert any(path.startswith("body.") for path, _ in text)


# --- Statuses -------------------------------------------------------------------------------


def test_each_status_for_a_register_object(en):
    obj = builders.register_object(title="Рушник")
    assert status_of(obj) == {"en": NONE}

    translated = builders.translate(obj, title="Towel")
    assert status_of(obj) == {"en": UP}
    assert status_of(translated) == {"en": UP}

    obj.title = "Рушник вишитий"
    obj.save()
    assert status_of(obj) == {"en": OLD}

    translated.title = "Embroidered towel"
    translated.save()
    assert status_of(obj) == {"en": UP}
    item = TranslatedItem.objects.get(translation_key=obj.translation_key)
    assert item.origin == Origin.PERSON and item.complete


def test_saving_without_a_text_change_keeps_translations_up_to_date(en):
    obj = builders.register_object(title="Рушник")
    builders.translate(obj, title="Towel")
    obj.status = "on_loan"
    obj.save()
    assert status_of(obj) == {"en": UP}
    assert record_source(obj) is False


def test_translation_that_predates_tracking_is_up_to_date(en):
    obj = builders.register_object(title="Рушник")
    builders.translate(obj, title="Towel")
    TranslatedItem.objects.all().delete()
    SourceText.objects.all().delete()
    assert status_of(obj) == {"en": UP}


def test_incomplete_translation_is_outdated(en):
    obj = builders.register_object(title="Рушник")
    translated = builders.translate(obj, title="Towel")
    record_translation(translated, Origin.MACHINE, complete=False)
    assert status_of(obj) == {"en": OLD}


def test_a_language_without_a_locale_is_missing_everywhere(en, settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [("uk", "Українська"), ("en", "English"), ("de", "De")]
    obj = builders.register_object(title="Рушник")
    builders.translate(obj, title="Towel")
    assert status_of(obj) == {"en": UP, "de": NONE}
    assert status_of(obj, languages=["de"]) == {"de": NONE}


def test_page_statuses(story, en):
    assert status_of(story) == {"en": NONE}
    story_en = translate_page(story, "en", title="Evacuation of a museum")
    assert status_of(story) == {"en": UP}
    publish_edit(story, title="Евакуація музею в 2022")
    assert status_of(story_en) == {"en": OLD}
    publish_edit(story_en, title="Evacuation of a museum in 2022")
    assert status_of(story) == {"en": UP}


def test_an_untranslated_alias_counts_as_missing(story, en):
    story.create_alias(
        recursive=False,
        parent=Page.objects.get(translation_key=story.get_parent().translation_key, locale=en),
        update_locale=en,
    )
    assert status_of(story) == {"en": NONE}


def test_deleting_a_translation_or_its_source_forgets_its_rows(en):
    obj = builders.register_object(title="Рушник")
    translated = builders.translate(obj, title="Towel")
    rows = TranslatedItem.objects.filter(translation_key=obj.translation_key)
    assert rows.exists()
    translated.delete()
    assert not rows.exists()
    assert status_of(obj) == {"en": NONE}
    builders.translate(obj, title="Towel")
    obj.delete()
    assert not rows.exists()
    assert not SourceText.objects.filter(translation_key=obj.translation_key).exists()


# --- Bulk functions -------------------------------------------------------------------------


def test_bulk_recording_and_statuses_for_200_keys_take_few_queries(
    en, django_assert_max_num_queries
):
    keys = [uuid.uuid4() for _ in range(200)]
    with django_assert_max_num_queries(4):
        changed = record_sources(RegisterObject, dict.fromkeys(keys, "a" * 40))
    assert changed == set(keys)
    with django_assert_max_num_queries(3):
        changed = record_sources(
            RegisterObject, {key: ("b" if n % 2 else "a") * 40 for n, key in enumerate(keys)}
        )
    assert changed == set(keys[1::2])
    assert SourceText.objects.filter(translation_key__in=keys).count() == 200

    with django_assert_max_num_queries(3):
        record_translations(RegisterObject, [(key, en.pk, "a" * 40) for key in keys], "import")
    assert TranslatedItem.objects.filter(origin=Origin.IMPORT).count() == 200
    record_translations(RegisterObject, [(keys[0], en.pk, "a" * 40)], Origin.PERSON)

    with django_assert_max_num_queries(2):
        made = person_made(RegisterObject, keys)
    assert made == {(keys[0], en.pk)}

    with django_assert_max_num_queries(5):
        found = statuses(RegisterObject, keys)
    # No rows exist in the en locale for these keys.
    assert set(found.values()) == {NONE}
    assert len(found) == 200


def test_statuses_in_bulk_for_200_objects(en, django_assert_max_num_queries):
    objects = [builders.register_object(title=f"Предмет {n}") for n in range(200)]
    for obj in objects[:100]:
        builders.translate(obj, title=f"Object {obj.pk}")
    for obj in objects[:50]:
        obj.title += " (змінено)"
        obj.save()
    keys = [obj.translation_key for obj in objects]
    with django_assert_max_num_queries(5):
        found = statuses(RegisterObject, keys)
    assert [found[(key, "en")] for key in keys] == [OLD] * 50 + [UP] * 50 + [NONE] * 100


def test_record_sources_matches_record_source(en):
    obj = builders.full_object("NHMU-1003", translated=False)
    pairs = instance_text(obj)
    record_sources(RegisterObject, {obj.translation_key: text_fingerprint(pairs)})
    assert record_source(obj) is False


def test_tracked_models_are_the_register_items():
    from registry.models import ObjectType, Technique

    assert set(tracked_models()) == {
        HoldingMuseum,
        Material,
        ObjectType,
        RegisterObject,
        Technique,
    }


# --- Refresh --------------------------------------------------------------------------------


def test_refresh_fills_rows_for_items_made_without_signals(en):
    obj = builders.register_object(title="Рушник")
    term = builders.term(Material, "Дерево", en={"name": "Wood"})
    builders.translate(obj, title="Towel")
    SourceText.objects.all().delete()
    TranslatedItem.objects.all().delete()

    refresh()
    assert SourceText.objects.filter(translation_key=obj.translation_key).exists()
    assert SourceText.objects.filter(translation_key=term.translation_key).exists()
    item = TranslatedItem.objects.get(translation_key=obj.translation_key)
    assert item.origin == Origin.IMPORT
    assert status_of(obj) == {"en": UP}
    assert status_of(term) == {"en": UP}

    # Items deleted since are dropped from the source texts.
    SourceText.objects.create(
        content_type=ContentType.objects.get_for_model(RegisterObject),
        translation_key=uuid.uuid4(),
        fingerprint="0" * 40,
        changed_at=item.translated_at,
    )
    refresh([RegisterObject])
    assert (
        SourceText.objects.filter(
            content_type=ContentType.objects.get_for_model(RegisterObject)
        ).count()
        == 1
    )


def test_refresh_keeps_outdated_translations_outdated(en):
    obj = builders.register_object(title="Рушник")
    builders.translate(obj, title="Towel")
    RegisterObject.objects.filter(pk=obj.pk).update(title="Рушник вишитий")  # no signal
    refresh()
    assert status_of(obj) == {"en": OLD}


def test_refresh_records_pages(story, en):
    translate_page(story, "en", title="Evacuation")
    SourceText.objects.all().delete()
    TranslatedItem.objects.all().delete()
    refresh([StoryPage])
    page_type = ContentType.objects.get_for_model(Page)
    assert SourceText.objects.filter(
        content_type=page_type, translation_key=story.translation_key
    ).exists()
    item = TranslatedItem.objects.get(translation_key=story.translation_key)
    assert item.origin == Origin.PERSON
    assert status_of(story) == {"en": UP}


def test_translation_status_command(en, capsys):
    obj = builders.register_object(title="Рушник")
    builders.translate(obj, title="Towel")
    changed = builders.register_object(title="Ікона")
    builders.translate(changed, title="Icon")
    changed.title = "Ікона XVII ст."
    changed.save()
    builders.register_object(title="Глечик")

    with override("en"):
        call_command("translation_status", "--refresh")
        call_command("translation_status")
    out = capsys.readouterr().out
    assert "en" in out
    line = next(line for line in out.splitlines() if "register object" in line.lower())
    assert line.split()[-3:] == ["1", "1", "1"]

    call_command("translation_status", "--outdated")
    out = capsys.readouterr().out
    assert "Ікона XVII ст." in out
    assert "Рушник" not in out


# --- Through wagtail-localize: translate, edit the source, sync -----------------------------


def test_sync_after_a_source_edit_marks_a_page_translation_outdated(story, editor):
    translation = submit(story, editor)
    translate_strings(translation)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=editor, publish=True)
    assert status_of(story) == {"en": UP}
    item = TranslatedItem.objects.get(translation_key=story.translation_key)
    assert item.origin == Origin.PERSON and item.translated_by == editor

    # The Ukrainian source changes and is published: the translation is outdated.
    publish_edit(story, title="Евакуація музею навесні 2022")
    assert status_of(story) == {"en": OLD}

    # Sync without translating the new string: still outdated (incomplete).
    sync(story, editor)
    assert status_of(story) == {"en": OLD}
    assert not TranslatedItem.objects.get(translation_key=story.translation_key).complete

    # Translate the new string and publish: up to date.
    translate_strings(translation)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=editor, publish=True)
    assert status_of(story) == {"en": UP}
    assert (
        StoryPage.objects.get(
            translation_key=story.translation_key, locale__language_code="en"
        ).title
        == "EN Евакуація музею навесні 2022"
    )


def test_sync_after_a_source_edit_marks_an_object_translation_outdated(en, editor):
    obj = builders.full_object("NHMU-1010", translated=False)
    translation = submit(obj, editor)
    # Submitting with nothing translated yet makes an incomplete translation.
    assert status_of(obj) == {"en": OLD}
    translate_strings(translation)
    translation.save_target(user=editor)
    assert status_of(obj) == {"en": UP}

    obj.refresh_from_db()
    obj.description = "Ікона на липовій дошці, поновлена 1890 року."
    obj.save()
    assert status_of(obj) == {"en": OLD}

    source = sync(obj, editor)
    assert status_of(obj) == {"en": OLD}

    translate_strings(translation)
    source.translations.get().save_target(user=editor)
    assert status_of(obj) == {"en": UP}
    translated = RegisterObject.objects.get(
        translation_key=obj.translation_key, locale__language_code="en"
    )
    assert translated.description == "EN Ікона на липовій дошці, поновлена 1890 року."


def test_sync_without_publishing_leaves_the_translation_outdated(story, editor):
    translation = submit(story, editor)
    translate_strings(translation)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=editor, publish=True)
    publish_edit(story, title="Евакуація музею навесні 2022")
    sync(story, editor, publish=False)
    assert status_of(story) == {"en": OLD}


def test_machine_translation_is_recorded_as_machine(client, story, editor, settings):
    from django.urls import reverse

    from translations.machine import translator_setting

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = translator_setting("fake")
    client.force_login(editor)
    translation = submit(story, editor)
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/"}
    )
    assert response.status_code == 302
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=editor, publish=True)
    item = TranslatedItem.objects.get(translation_key=story.translation_key)
    assert item.origin == Origin.MACHINE and item.complete
    assert status_of(story) == {"en": UP}


def test_a_page_with_a_block_text_saved_as_none_still_has_a_fingerprint(portal_site):
    """Blocks written without one of their texts (None) stop wagtail-localize's extraction;
    publishing such a page still works and records its text."""
    index = ExhibitionIndexPageFactory(parent=HomePage.objects.get(locale__language_code="uk"))
    story = StoryPageFactory(
        parent=index,
        title="Цитата",
        body=[{"type": "quote", "value": {"quote": "Ми врятували все, що змогли."}}],
    )
    from wagtail_localize.segments.extract import extract_segments

    with pytest.raises(TypeError):
        extract_segments(story)
    text = dict(instance_text(story))
    assert text["title"] == "Цитата"
    assert "Ми врятували все, що змогли." in text.values()
    assert SourceText.objects.filter(translation_key=story.translation_key).exists()
