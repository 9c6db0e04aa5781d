"""The register importer: ``python manage.py import_register FILE`` and its Python API.

>>> from registry.importing import import_register
>>> report = import_register("objects.csv", images_dir="photos/")
>>> report.created, report.updated, report.unchanged, report.skipped

The exchange format, mapping files, the report and the guarantees of a run are documented
in docs/import-format.md.
"""

from .errors import ImportFileError, WorkerError
from .report import ImportReport, RowError
from .runner import import_register

__all__ = ["ImportFileError", "ImportReport", "RowError", "WorkerError", "import_register"]
