"""The interface is complete in Ukrainian: no untranslated or fuzzy message."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "uk" / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(CATALOGUE))


def test_ukrainian_catalogue_has_no_untranslated_messages(catalogue):
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []


def test_ukrainian_catalogue_has_no_fuzzy_messages(catalogue):
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


def test_ukrainian_translations_keep_every_placeholder(catalogue):
    import re

    placeholder = re.compile(r"%\([a-z_]+\)[sdf]|%\([a-z_]+\)\.\d+f|\{[a-z_]*\}")

    def names(text):
        return sorted(set(placeholder.findall(text)))

    broken = [
        entry.msgid
        for entry in catalogue.translated_entries()
        for translation in (entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr])
        if names(entry.msgid) != names(translation)
    ]
    assert broken == []


def test_every_message_in_the_code_is_in_the_catalogue():
    """makemessages would add nothing: the catalogue is up to date with the code."""
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "django.pot"
        result = subprocess.run(
            [
                "xgettext",
                "--language=Python",
                "--from-code=UTF-8",
                "--keyword=gettext_noop",
                "--keyword=gettext_lazy",
                "--keyword=ngettext_lazy:1,2",
                "--keyword=pgettext:1c,2",
                "--keyword=pgettext_lazy:1c,2",
                "--keyword=_",
                "--keyword=gettext",
                f"--output={target}",
                *sorted(
                    str(path)
                    for app in ("portal", "registry")
                    for path in (Path(settings.BASE_DIR) / app).rglob("*.py")
                    if "tests" not in path.parts and "migrations" not in path.parts
                ),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr or sys.executable
        code_ids = {entry.msgid for entry in polib.pofile(str(target)) if entry.msgid}
    catalogue_ids = {entry.msgid for entry in polib.pofile(str(CATALOGUE))}
    assert sorted(code_ids - catalogue_ids) == []
