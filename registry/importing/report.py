"""What an import did: counts, row errors, warnings, translations and missing objects.

The report is returned by :func:`registry.importing.import_register`, printed as a summary by
the management command and written as JSON with ``--report`` (format in
docs/import-format.md).
"""

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .tracking import TranslationNote, language_name

REPORT_VERSION = 2
#: Errors, translation notes and missing IDs printed in the summary; the report file holds all of them.
SHOWN = 20


@dataclass(frozen=True)
class RowError:
    row: int
    line: int
    register_id: str
    field: str
    message: str

    def __str__(self):
        values = {
            "row": self.row,
            "line": self.line,
            "register_id": self.register_id,
            "field": self.field,
            "message": self.message,
        }
        if self.register_id and self.field:
            template = _("Row %(row)s (line %(line)s) [%(register_id)s], %(field)s: %(message)s")
        elif self.register_id:
            template = _("Row %(row)s (line %(line)s) [%(register_id)s]: %(message)s")
        elif self.field:
            template = _("Row %(row)s (line %(line)s), %(field)s: %(message)s")
        else:
            template = _("Row %(row)s (line %(line)s): %(message)s")
        return template % values


@dataclass
class ImportReport:
    file: str = ""
    format: str = ""
    mapping: str | None = None
    dry_run: bool = False
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    batches: int = 0
    museums_created: int = 0
    terms_created: int = 0
    images_stored: int = 0
    images_reused: int = 0
    translations_created: int = 0
    translations_updated: int = 0
    translations_outdated: int = 0
    translations_removed: int = 0
    translations_kept: int = 0
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    translations: list = field(default_factory=list)  # tracking.TranslationNote
    fatal: str | None = None
    fatal_line: int | None = None
    seconds: float = 0.0
    _warned: set = field(default_factory=set, repr=False)

    def add_errors(self, row, line, register_id, errors):
        """Record the reasons a row is skipped; ``errors`` holds (field, message) pairs."""
        self.skipped += 1
        for field_name, message in errors:
            self.errors.append(RowError(row, line, register_id or "", field_name, message))

    def add_translations(self, plan):
        """Count what a batch did to translations (a tracking.BatchPlan) and keep its notes."""
        self.translations_created += plan.created
        self.translations_updated += plan.updated
        self.translations_outdated += plan.outdated
        self.translations_removed += len(plan.removed)
        self.translations_kept += sum(len(kept) for kept in plan.kept.values())
        self.translations += plan.notes

    def keep_museum_translation(self, code, language, columns):
        """A museum's translation made in the editor was kept; the file gives other text."""
        self.translations_kept += 1
        message = _(
            "Museum %(code)s: kept the %(language)s name and place made in the editor; the "
            "file gives other text in %(columns)s."
        ) % {"code": code, "language": language_name(language), "columns": ", ".join(columns)}
        self.translations.append(
            TranslationNote("", language, "kept", columns=columns, museum=code, message=message)
        )

    def warn(self, message):
        """Add a warning once, however often it comes up."""
        if message not in self._warned:
            self._warned.add(message)
            self.warnings.append(message)

    @property
    def rate(self):
        return self.rows / self.seconds if self.seconds else 0.0

    def as_dict(self):
        return {
            "version": REPORT_VERSION,
            "file": self.file,
            "format": self.format,
            "mapping": self.mapping,
            "dry_run": self.dry_run,
            "counts": {
                "rows": self.rows,
                "created": self.created,
                "updated": self.updated,
                "unchanged": self.unchanged,
                "skipped": self.skipped,
                "errors": len(self.errors),
                "missing": len(self.missing),
                "museums_created": self.museums_created,
                "terms_created": self.terms_created,
                "images_stored": self.images_stored,
                "images_reused": self.images_reused,
                "translations_created": self.translations_created,
                "translations_updated": self.translations_updated,
                "translations_outdated": self.translations_outdated,
                "translations_removed": self.translations_removed,
                "translations_kept": self.translations_kept,
            },
            "seconds": round(self.seconds, 3),
            "fatal": None
            if self.fatal is None
            else {"line": self.fatal_line, "message": self.fatal},
            "errors": [asdict(error) for error in self.errors],
            "warnings": self.warnings,
            "missing": self.missing,
            "translations": [asdict(note) for note in self.translations],
        }

    def write(self, path):
        Path(path).write_text(
            json.dumps(self.as_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )

    def summary_lines(self):
        """The summary a person reads after a run, one sentence a line."""
        lines = []
        if self.dry_run:
            lines.append(_("Dry run: nothing was written. This is what the import would do."))
        lines.append(
            _(
                "%(rows)s rows read: %(created)s created, %(updated)s updated, "
                "%(unchanged)s unchanged, %(skipped)s skipped because of errors."
            )
            % {
                "rows": self.rows,
                "created": self.created,
                "updated": self.updated,
                "unchanged": self.unchanged,
                "skipped": self.skipped,
            }
        )
        if self.museums_created or self.terms_created:
            lines.append(
                _("New museums: %(museums)s. New vocabulary terms: %(terms)s.")
                % {"museums": self.museums_created, "terms": self.terms_created}
            )
        if self.images_stored or self.images_reused:
            lines.append(
                _("Images stored: %(stored)s; images already in the portal: %(reused)s.")
                % {"stored": self.images_stored, "reused": self.images_reused}
            )
        lines += self._translation_lines()
        if self.seconds:
            lines.append(
                _("Took %(seconds).1f s (%(rate).0f rows/s).")
                % {"seconds": self.seconds, "rate": self.rate}
            )
        lines += [_("Warning: %(message)s") % {"message": warning} for warning in self.warnings]
        lines += [str(error) for error in self.errors[:SHOWN]]
        if len(self.errors) > SHOWN:
            lines.append(
                _("%(count)s more errors are listed in the report file (--report).")
                % {"count": len(self.errors) - SHOWN}
            )
        if self.missing:
            lines.append(
                ngettext(
                    "%(count)s object in the portal is not in this file (it is kept): %(ids)s",
                    "%(count)s objects in the portal are not in this file (they are kept): %(ids)s",
                    len(self.missing),
                )
                % {
                    "count": len(self.missing),
                    "ids": ", ".join(self.missing[:SHOWN])
                    + (" …" if len(self.missing) > SHOWN else ""),
                }
            )
        return lines

    def _translation_lines(self):
        counts = (
            self.translations_created,
            self.translations_updated,
            self.translations_outdated,
            self.translations_removed,
            self.translations_kept,
        )
        if not any(counts):
            return []
        lines = [
            _(
                "Translations: %(created)s created, %(updated)s updated, %(outdated)s now "
                "outdated, %(removed)s removed; %(kept)s made in the editor kept as they are."
            )
            % dict(zip(("created", "updated", "outdated", "removed", "kept"), counts, strict=True))
        ]
        lines += [note.message for note in self.translations[:SHOWN]]
        if len(self.translations) > SHOWN:
            lines.append(
                _("%(count)s more notes on translations are listed in the report file (--report).")
                % {"count": len(self.translations) - SHOWN}
            )
        return lines
