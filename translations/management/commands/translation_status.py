"""``python manage.py translation_status [--refresh] [--outdated]``: how many translations
are up to date, outdated or missing, per language and kind of item (docs/translation.md)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from translations import status
from translations.models import SourceText
from translations.status import Status


class Command(BaseCommand):
    help = gettext_lazy(
        "Show the translation status of pages and register items per language; --refresh "
        "records the current text of every item first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--refresh",
            action="store_true",
            help=gettext_lazy(
                "Record the current text of every source item and a status for every "
                "translation that has none."
            ),
        )
        parser.add_argument(
            "--outdated", action="store_true", help=gettext_lazy("List the outdated items.")
        )

    def handle(self, *args, refresh, outdated, **options):
        if refresh:
            status.refresh()
            self.stdout.write(_("Translation statuses refreshed."))
        kinds = [Page, *status.tracked_models()]
        if outdated:
            self.list_outdated(kinds)
        else:
            self.summary(kinds)

    def summary(self, kinds):
        columns = [Status.UP_TO_DATE, Status.OUTDATED, Status.MISSING]
        header = [_("Kind"), *(str(column.label) for column in columns)]
        for language in status.content_languages():
            self.stdout.write("")
            self.stdout.write(language)
            self.stdout.write("  " + "  ".join(f"{cell:>14}" for cell in header))
            for model in kinds:
                sources = SourceText.objects.filter(content_type=status.content_type_for(model))
                counts = [
                    sources.filter(status.status_filter(language, column, [model])).count()
                    for column in columns
                ]
                self.stdout.write(
                    "  " + "  ".join(f"{cell:>14}" for cell in [kind_label(model), *counts])
                )

    def list_outdated(self, kinds):
        for language in status.content_languages():
            for model in kinds:
                keys = list(
                    SourceText.objects.filter(content_type=status.content_type_for(model))
                    .filter(status.status_filter(language, Status.OUTDATED, [model]))
                    .order_by("-changed_at")
                    .values_list("translation_key", flat=True)
                )
                if not keys:
                    continue
                titles = {}
                for batch in status._batches(keys):
                    titles.update(
                        status._sources(status.translation_model(model))
                        .filter(translation_key__in=batch)
                        .values_list("translation_key", status.label_field(model))
                    )
                for key in keys:
                    self.stdout.write(
                        "\t".join([language, kind_label(model), str(key), str(titles.get(key, ""))])
                    )


def kind_label(model):
    if model is Page:
        return str(_("pages"))
    return str(model._meta.verbose_name_plural)
