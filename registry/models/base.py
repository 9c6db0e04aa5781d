from django.conf import settings
from django.db import models
from wagtail.models import TranslatableMixin

SOURCE_LOCALE_CHOICES = {"locale__language_code": "uk"}


class LocalizedQuerySet(models.QuerySet):
    def in_source_locale(self):
        return self.filter(locale__language_code=settings.LANGUAGE_CODE)


def localize_instances(instances, locale):
    """Map each instance's translation_key to its translation in ``locale``, in one query.

    Register rows link to vocabulary terms and museums of the source locale; pages show them
    in the reader's language where a translation exists and fall back to the source otherwise.
    """
    instances = [instance for instance in instances if instance is not None]
    if not instances:
        return {}
    model = type(instances[0])
    keys = {instance.translation_key for instance in instances}
    found = {}
    if locale is not None:
        found = {
            row.translation_key: row
            for row in model.objects.filter(translation_key__in=keys, locale=locale)
        }
    return {
        instance.translation_key: found.get(instance.translation_key, instance)
        for instance in instances
    }


class TranslatableModel(TranslatableMixin, models.Model):
    """Abstract base with the unique constraint wagtail-localize expects."""

    class Meta(TranslatableMixin.Meta):
        abstract = True
