"""Load the demo museum through the register importer, the way a museum's export arrives."""

import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from portal.setup import ensure_portal_site
from registry.importing import import_register

from .build import build
from .collection import OBJECTS
from .users import ensure_demo_users

REPORT_FILE = "import-report.json"


class DemoLoadError(Exception):
    """The demo museum did not import cleanly (a bug in the demo data, not user input)."""


@dataclass
class DemoLoadResult:
    exchange_file: Path
    images_dir: Path
    drawn: int
    kept: int
    draw_seconds: float
    report: object = None  # registry.importing.ImportReport, unless images_only
    import_seconds: float = 0.0
    accounts: list = field(default_factory=list)


def demo_dir():
    return Path(settings.VAR_DIR) / "demo"


def load_demo(
    *,
    target_dir=None,
    scale=1.0,
    users=True,
    staff=True,
    images_only=False,
    redraw=False,
    workers=None,
    objects=OBJECTS,
):
    """Set up the site, draw the pictures, import the exchange file, create demo accounts.

    Idempotent: a second run draws nothing, imports 0 created, 0 updated, N unchanged and
    leaves existing accounts alone. Raises DemoLoadError when a record is refused.
    """
    target_dir = Path(target_dir) if target_dir else demo_dir()
    started = time.monotonic()
    built = build(target_dir, scale=scale, objects=objects, redraw=redraw, workers=workers)
    result = DemoLoadResult(
        built.exchange_file,
        built.images_dir,
        built.drawn,
        built.kept,
        time.monotonic() - started,
    )
    if images_only:
        return result
    ensure_portal_site()
    started = time.monotonic()
    report = import_register(
        built.exchange_file,
        format="jsonl",
        images_dir=built.images_dir,
        report_path=target_dir / REPORT_FILE,
        progress=False,
    )
    result.report = report
    result.import_seconds = time.monotonic() - started
    if report.errors:
        problems = "; ".join(
            f"{error.register_id} {error.field}: {error.message}" for error in report.errors[:10]
        )
        raise DemoLoadError(
            _("The demo museum did not import cleanly: %(problems)s") % {"problems": problems}
        )
    if users:
        result.accounts = ensure_demo_users(staff=staff)
    return result
