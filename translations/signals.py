"""Keep translation statuses current as editors publish sources and translate them.

- A source page is published, or a source register row saved (the admin, the shell; the
  importer writes in bulk, sends no signals and records its rows itself): its text is
  recorded, so translations made from older text become outdated.
- wagtail-localize creates or updates a translation (translating, "Sync translated pages"):
  it writes a ``TranslationLog``; the translation is recorded as made from the source text
  wagtail-localize used, complete or not, by machine or by a person.
- A translation saved directly (a translated register row edited in the admin, a page
  translation no longer synced by wagtail-localize) is recorded as made by a person from
  the current source text.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published
from wagtail_localize.models import Translation, TranslationLog

from translations import status
from translations.models import Origin


def connect():
    page_published.connect(page_was_published, dispatch_uid="translations_page_published")
    post_save.connect(
        translation_was_logged, sender=TranslationLog, dispatch_uid="translations_log"
    )
    post_delete.connect(item_was_deleted, sender=Page, dispatch_uid="translations_page_deleted")
    for model in status.tracked_models():
        uid = f"translations_{model._meta.label_lower}"
        post_save.connect(register_item_was_saved, sender=model, dispatch_uid=f"{uid}_saved")
        post_delete.connect(item_was_deleted, sender=model, dispatch_uid=f"{uid}_deleted")
        for child_model in status.child_models(model):
            post_save.connect(
                child_was_saved,
                sender=child_model,
                dispatch_uid=f"translations_{child_model._meta.label_lower}_saved",
            )


def page_was_published(sender, instance, revision=None, **kwargs):
    if instance.depth <= 1 or instance.alias_of_id:
        return
    if _is_source(instance):
        status.record_source(instance)
    elif not _synced_by_localize(instance):
        user = getattr(revision, "user", None)
        status.record_translation(instance, Origin.PERSON, user=user)


def register_item_was_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if _is_source(instance):
        status.record_source(instance)
    elif not _synced_by_localize(instance):
        status.record_translation(instance, Origin.PERSON)


def child_was_saved(sender, instance, raw=False, **kwargs):
    """A maker, inscription or photograph of a source item saved on its own changes its text.

    Saved with its item (the admin form), the item's own signal has read it already: the
    item's text comes from the same child objects, which are then written one by one.
    """
    if raw:
        return
    parent = getattr(instance, status.parent_field(sender).name)
    if id(instance) in getattr(parent, status.SEEN_CHILDREN, ()):
        return
    if _is_source(instance):
        status.record_source(parent)


def translation_was_logged(sender, instance, created=False, raw=False, **kwargs):
    if not created or raw:
        return
    from translations.provenance import machine_provenance_for_keys

    source = instance.source
    model = source.specific_content_type.model_class()
    if model is None or not status.is_tracked(model):
        return
    translation = Translation.objects.filter(
        source=source, target_locale_id=instance.locale_id
    ).first()
    if translation is not None:
        made_from, complete = status.localize_made_from(translation)
    else:
        made_from, complete = status.fingerprint_of(source.as_instance()), True
    key = (source.object_id, instance.locale_id)
    origin = Origin.MACHINE if machine_provenance_for_keys([key]) else Origin.PERSON
    revision = instance.revision
    status.save_translated_item(
        status.content_type_for(model),
        source.object_id,
        instance.locale_id,
        origin=origin,
        made_from=made_from,
        complete=complete,
        user=revision.user if revision is not None else None,
        at=instance.created_at,
    )


def item_was_deleted(sender, instance, **kwargs):
    if getattr(instance, "translation_key", None) is None:
        return
    status.forget(instance)


def _is_source(instance):
    return instance.locale.language_code == settings.LANGUAGE_CODE


def _synced_by_localize(instance):
    """Whether wagtail-localize keeps ``instance`` in step with its source (it logs its saves)."""
    return Translation.objects.filter(
        source__object_id=instance.translation_key,
        target_locale_id=instance.locale_id,
        enabled=True,
    ).exists()
