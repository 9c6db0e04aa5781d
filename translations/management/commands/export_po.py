"""``python manage.py export_po --locale en --page ID | --object REGISTER_ID [-o FILE]``:
the PO file an external translator fills in (docs/translation.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page

from registry.models import RegisterObject
from translations import po


class Command(BaseCommand):
    help = gettext_lazy(
        "Export the translatable text of a page or a register object as a PO file for one "
        "language, in the same format as the editor's 'Download PO file'."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locale", required=True, help=gettext_lazy("Target language code."))
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--page", type=int, help=gettext_lazy("ID of a source-language page."))
        which.add_argument("--object", help=gettext_lazy("Register ID of an object."))
        parser.add_argument(
            "-o", "--output", help=gettext_lazy("Write to this file instead of the output.")
        )

    def handle(self, *args, locale, page, object, output, **options):
        source_locale = Locale.get_default()
        if page is not None:
            instance = Page.objects.filter(pk=page, locale=source_locale).first()
            if instance is None:
                raise CommandError(
                    _("There is no source-language page with ID %(id)s.") % {"id": page}
                )
            instance = instance.specific
        else:
            instance = RegisterObject.objects.filter(
                register_id=object, locale=source_locale
            ).first()
            if instance is None:
                raise CommandError(
                    _("There is no register object with ID %(id)s.") % {"id": object}
                )
        try:
            translation = po.translation_for(instance, locale)
        except Locale.DoesNotExist as error:
            raise CommandError(
                _("%(code)s is not a content language.") % {"code": locale}
            ) from error
        except ValueError as error:
            raise CommandError(str(error)) from error
        text = po.export_po(translation)
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
