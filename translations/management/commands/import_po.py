"""``python manage.py import_po FILE --locale en [--user NAME] [--publish]``: bring a
translated PO file back (docs/translation.md). A file with any disallowed markup is refused
as a whole and nothing is saved."""

import uuid
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail_localize.models import Translation

from translations import po


class Command(BaseCommand):
    help = gettext_lazy(
        "Import a translated PO file made by export_po or the editor. Publishing needs "
        "--user, a user allowed to publish the page or object."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=gettext_lazy("The translated PO file."))
        parser.add_argument(
            "--locale", required=True, help=gettext_lazy("The language the file translates into.")
        )
        parser.add_argument(
            "--user", help=gettext_lazy("Username recorded as translator, and who publishes.")
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help=gettext_lazy("Publish the translation after importing it."),
        )

    def handle(self, *args, file, locale, user, publish, **options):
        account = self.account(user)
        try:
            content = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(_("Cannot read %(file)s.") % {"file": file}) from error
        try:
            catalogue = po.read_po(content)
            translation = self.translation(catalogue, locale)
            if publish and not po.user_can_publish(account, translation):
                raise CommandError(
                    _("%(user)s may not publish this translation; import it without --publish.")
                    % {"user": user or _("Nobody")}
                )
            result = po.import_po(translation, catalogue, user=account)
        except po.POValidationError as error:
            raise CommandError(
                _("The PO file was refused and nothing was saved:") + "\n" + str(error)
            ) from error
        for problem in result.ignored:
            self.stderr.write(str(problem))
        self.stdout.write(_("Imported %(count)d translated strings.") % {"count": result.imported})
        if publish:
            po.publish(translation, account)
            self.stdout.write(_("Published."))

    def account(self, username):
        if not username:
            return None
        try:
            return get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(_("There is no user %(user)s.") % {"user": username}) from error

    def translation(self, catalogue, locale):
        try:
            key = uuid.UUID(catalogue.metadata.get(po.TRANSLATION_ID_HEADER, ""))
        except ValueError:
            key = None
        translation = (
            Translation.objects.filter(uuid=key).select_related("source", "target_locale").first()
        )
        if translation is None:
            raise CommandError(_("This PO file belongs to no known translation; export a new one."))
        if translation.target_locale.language_code != locale:
            raise CommandError(
                _("This PO file translates into %(file)s, not %(locale)s.")
                % {"file": translation.target_locale.language_code, "locale": locale}
            )
        return translation
