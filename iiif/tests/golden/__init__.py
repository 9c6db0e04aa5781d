"""Golden files: the exact JSON of every manifest and collection the fixture publishes.

``assert_golden(name, document)`` compares a document with ``<name>.json`` here and fails
with a unified diff. After an intended change, regenerate the files and review the diff:

    IIIF_GOLDEN_UPDATE=1 .venv/bin/pytest iiif/tests/test_presentation_golden.py
"""

import difflib
import json
import os
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).resolve().parent
UPDATE = os.environ.get("IIIF_GOLDEN_UPDATE") == "1"


def canonical(document):
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def assert_golden(name, document):
    path = GOLDEN_DIR / f"{name}.json"
    actual = canonical(document)
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"No golden file {path.name}: run with IIIF_GOLDEN_UPDATE=1 to create it.")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"golden/{path.name}",
                tofile="served",
            )
        )
        pytest.fail(
            f"{path.name} differs from what is served (IIIF_GOLDEN_UPDATE=1 regenerates):\n{diff}",
            pytrace=False,
        )
