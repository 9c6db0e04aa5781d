"""``python manage.py load_demo``: the demo museum ``make run`` serves. Demo only."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from exhibitions.demo.editors import ensure_editorial_demo
from exhibitions.demo.loader import StoryDemoError, load_story_demo
from registry.demo.build import MAX_SCALE, MIN_SCALE
from registry.demo.loader import DemoLoadError, demo_dir, load_demo
from registry.demo.users import DEMO_PASSWORD

ADMIN_URL = "http://127.0.0.1:8000/admin/"


class Command(BaseCommand):
    help = _(
        "Load the demo museum: fictional objects with drawn pictures, imported through the "
        "register importer, and demo accounts. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-users", action="store_true", help=_("Create no demo accounts."))
        parser.add_argument(
            "--no-staff",
            action="store_true",
            help=_("Create only the admin account, not the curator and registrar."),
        )
        parser.add_argument(
            "--images-only",
            action="store_true",
            help=_("Draw the pictures and write the exchange file, but import nothing."),
        )
        parser.add_argument("--redraw", action="store_true", help=_("Draw every picture again."))
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help=_("Picture size relative to 1600×1200 pixels (default 1)."),
        )
        parser.add_argument(
            "--dir",
            default=None,
            help=_("Folder for the pictures and the exchange file (default VAR_DIR/demo)."),
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help=_("Processes drawing pictures in parallel (default: up to 4)."),
        )

    def handle(self, *args, **options):
        if not MIN_SCALE <= options["scale"] <= MAX_SCALE:
            raise CommandError(
                _("The scale must be between %(min)s and %(max)s.")
                % {"min": MIN_SCALE, "max": MAX_SCALE}
            )
        try:
            result = load_demo(
                target_dir=options["dir"] or demo_dir(),
                scale=options["scale"],
                users=not options["no_users"],
                staff=not options["no_staff"],
                images_only=options["images_only"],
                redraw=options["redraw"],
                workers=options["workers"],
            )
        except DemoLoadError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Pictures: %(drawn)d drawn, %(kept)d kept (%(seconds).1f s), in %(folder)s")
            % {
                "drawn": result.drawn,
                "kept": result.kept,
                "seconds": result.draw_seconds,
                "folder": result.images_dir,
            }
        )
        if result.report is None:
            self.stdout.write(_("Exchange file: %(file)s") % {"file": result.exchange_file})
            return
        report = result.report
        self.stdout.write(
            _(
                "Demo museum imported: %(created)d created, %(updated)d updated, "
                "%(unchanged)d unchanged, %(skipped)d skipped (%(seconds).1f s)."
            )
            % {
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "skipped": report.skipped,
                "seconds": result.import_seconds,
            }
        )
        try:
            stories = load_story_demo(
                target_dir=Path(options["dir"] or demo_dir()) / "stories",
                scale=options["scale"],
            )
        except StoryDemoError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _(
                "Exhibitions, stories and themes: %(created)d pages created, %(updated)d "
                "updated, %(unchanged)d unchanged."
            )
            % {
                "created": stories.pages_created,
                "updated": stories.pages_updated,
                "unchanged": stories.pages_unchanged,
            }
        )
        accounts = list(result.accounts)
        editors = ensure_editorial_demo()
        if not options["no_users"] and not options["no_staff"]:
            accounts += editors
        if accounts:
            self._accounts(accounts)
        call_command("translation_status", "--refresh", stdout=self.stdout)

    def _accounts(self, accounts):
        roles = {
            "superuser": _("administrator"),
            "curator": _("curator, without access to restricted locations"),
            "registrar": _("register staff, may see restricted locations"),
            "section_editor": _(
                "editor of the National Art Museum's section; publishes through curator review"
            ),
        }
        self.stdout.write("")
        self.stdout.write(
            self.style.WARNING(
                _(
                    "DEMO ONLY: these accounts have a published password. Never use them on a server others can reach."
                )
            )
        )
        for username, role, created in accounts:
            line = _("  %(username)s / %(password)s  (%(role)s)") % {
                "username": username,
                "password": DEMO_PASSWORD,
                "role": roles[role],
            }
            if not created:
                line += " " + _("[existing account: its password was not reset]")
            self.stdout.write(line)
        self.stdout.write(_("Admin: %(url)s") % {"url": ADMIN_URL})
