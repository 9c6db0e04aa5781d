"""``python manage.py import_register FILE``: import a register export (docs/import-format.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_lazy as _

from registry.importing import ImportFileError, WorkerError, import_register


class Command(BaseCommand):
    help = _(
        "Import register objects from an exchange file (CSV or JSON Lines), or from a "
        "museum's own export with a mapping file. Re-importing is safe: unchanged records "
        "are skipped and nothing is deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("The file to import."))
        parser.add_argument(
            "--format",
            choices=["csv", "jsonl"],
            help=_("The file's format; by default guessed from its extension."),
        )
        parser.add_argument(
            "--mapping", help=_("A TOML mapping file for an export not in the exchange format.")
        )
        parser.add_argument(
            "--images", help=_("The folder that the image paths of the file are relative to.")
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Check everything and report what would happen, but write nothing."),
        )
        parser.add_argument(
            "--encoding", help=_("The file's encoding when it is not UTF-8, e.g. cp1251.")
        )
        parser.add_argument("--report", help=_("Write a JSON report of the run to this file."))
        parser.add_argument(
            "--batch-size",
            type=int,
            default=500,
            help=_("Records written per transaction (default 500)."),
        )
        parser.add_argument(
            "--workers",
            type=int,
            choices=[0, 1],
            help=_(
                "1: read and check the records in a second process while this one writes; "
                "0: do everything in one process. By default 1 for files of 2,000 records or "
                "more."
            ),
        )
        parser.add_argument(
            "--no-progress", action="store_true", help=_("Do not show the progress bar.")
        )

    def handle(self, *args, **options):
        try:
            report = import_register(
                options["file"],
                format=options["format"],
                mapping=options["mapping"],
                images_dir=options["images"],
                dry_run=options["dry_run"],
                encoding=options["encoding"],
                report_path=options["report"],
                batch_size=options["batch_size"],
                progress=not options["no_progress"],
                workers=options["workers"],
            )
        except (ImportFileError, WorkerError) as error:
            raise CommandError(error.message) from error
        for line in report.summary_lines():
            self.stdout.write(line)
