"""PO exchange: a page and a register object go out as PO files and come back translated;
a file with markup its field does not allow is refused whole; restricted data never leaves."""

import uuid

import polib
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import String, StringTranslation, TranslationSource

from exhibitions.tests.factories import ExhibitionIndexPageFactory, ExhibitionPageFactory
from portal.models import HomePage
from registry.models import RegisterObject
from registry.tests import builders
from translations import po

pytestmark = pytest.mark.django_db

CANARY = f"CANARY-{uuid.uuid4().hex}"
LINK = "https://example.org/report"


@pytest.fixture
def exhibition(portal_site):
    home = HomePage.objects.get(locale__language_code="uk")
    index = ExhibitionIndexPageFactory(parent=home)
    return ExhibitionPageFactory(
        parent=index,
        title="Врятовані скарби",
        slug="vriatovani",
        summary="Як музеї рятували збірки.",
        body=[
            {
                "type": "paragraph",
                "value": f'<p>Читайте <a href="{LINK}">звіт</a> і <b>більше</b>.</p>',
            }
        ],
    )


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("chief", "chief@example.org", "x")


@pytest.fixture
def translator(exhibition):
    """May edit the exhibition section but not publish it, nor change register objects."""
    group = Group.objects.create(name="Translators")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=exhibition.get_parent(),
            permission=Permission.objects.get(codename=codename),
        )
    user = get_user_model().objects.create_user("translator", "t@example.org", "x")
    user.groups.add(group)
    return user


def export(tmp_path, *selector):
    target = tmp_path / f"export-{uuid.uuid4().hex}.po"
    call_command("export_po", "--locale", "en", *selector, "-o", str(target))
    return target


def translated(path, change=lambda entry: "EN " + entry.msgid):
    """Fill every msgstr of the file at ``path`` with ``change(entry)``; returns the path."""
    catalogue = polib.pofile(str(path))
    for entry in catalogue:
        entry.msgstr = change(entry)
    catalogue.save(str(path))
    return path


def import_po(path, *options):
    call_command("import_po", str(path), "--locale", "en", *options)


def test_page_round_trip_export_translate_import_publish(
    client, tmp_path, exhibition, superuser, django_capture_on_commit_callbacks
):
    """Every string of the page is exported, translated, imported and published; the
    English page shows the translations and keeps the link target of the source."""
    path = export(tmp_path, "--page", str(exhibition.pk))
    msgids = [entry.msgid for entry in polib.pofile(str(path))]
    assert "Врятовані скарби" in msgids
    assert 'Читайте <a id="a1">звіт</a> і <b>більше</b>.' in msgids
    assert LINK not in path.read_text()  # links travel as placeholders only

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        import_po(translated(path), "--user", "chief", "--publish")

    english = exhibition.get_translation(builders.locale("en"))
    assert english.live
    assert english.title == "EN Врятовані скарби"
    body = client.get(english.url).content.decode()
    assert "EN Як музеї рятували збірки." in body
    assert f'EN Читайте <a href="{LINK}">звіт</a> і <b>більше</b>.' in body


def test_object_round_trip_export_translate_import_publish(
    client, tmp_path, portal_site, django_capture_on_commit_callbacks
):
    """A register object with its children (makers, inscriptions, photographs) goes out and
    comes back; the English object page shows the imported text."""
    builders.full_object("PO-1")
    path = export(tmp_path, "--object", "PO-1")
    msgids = [entry.msgid for entry in polib.pofile(str(path))]
    assert {"Богоматір Одигітрія", "Іван Руткович", "Ікона, лицевий бік"} <= set(msgids)

    get_user_model().objects.create_superuser("chief", "chief@example.org", "x")
    with django_capture_on_commit_callbacks(execute=True):
        import_po(translated(path), "--user", "chief", "--publish")

    english = RegisterObject.objects.get(register_id="PO-1", locale__language_code="en")
    assert english.title == "EN Богоматір Одигітрія"
    assert english.makers.get().name == "EN Іван Руткович"
    body = client.get("/en/objects/PO-1/").content.decode()
    assert "EN Богоматір Одигітрія" in body


MALICIOUS = {
    "script tag": ("Врятовані скарби", "<script>alert(1)</script>Rescued", "<script>"),
    "onerror attribute": (
        "Читайте",
        'Read <a id="a1">the report</a> <img src="x" onerror="alert(1)"> <b>more</b>.',
        "onerror",
    ),
    "javascript href": (
        "Читайте",
        'Read <a id="a1" href="javascript:alert(1)">the report</a> and <b>more</b>.',
        "href",
    ),
    "extra placeholder": (
        "Читайте",
        'Read <a id="a1">the report</a> <a id="a2">and</a> <b>more</b>.',
        'a id="a2"',
    ),
    "missing placeholder": ("Читайте", "Read the report and <b>more</b>.", 'a id="a1"'),
    "markup in a plain-text field": ("Як музеї", "How <b>museums</b> saved", "<b>"),
    "markup written as text": ("Врятовані", "&lt;script&gt;alert(1)&lt;/script&gt;", "text"),
}


@pytest.mark.parametrize("case", MALICIOUS.values(), ids=MALICIOUS.keys())
def test_malicious_po_is_refused_whole_and_nothing_is_saved(tmp_path, exhibition, superuser, case):
    """One bad entry refuses the whole file with a message naming its msgid; the good
    entries of the same file are not saved either, and nothing is published."""
    starts_with, bad_msgstr, named = case

    def change(entry):
        return bad_msgstr if entry.msgid.startswith(starts_with) else "EN " + entry.msgid

    path = translated(export(tmp_path, "--page", str(exhibition.pk)), change)
    with pytest.raises(CommandError) as refused:
        import_po(path, "--user", "chief", "--publish")

    message = str(refused.value)
    assert "nothing was saved" in message
    assert starts_with in message
    assert named in message
    assert not StringTranslation.objects.exists()
    assert not exhibition.get_translations().filter(locale__language_code="en").exists()


def test_unknown_entries_are_reported_and_ignored(tmp_path, exhibition, capsys):
    path = translated(export(tmp_path, "--page", str(exhibition.pk)))
    catalogue = polib.pofile(str(path))
    catalogue.append(polib.POEntry(msgid="Вигадка", msgstr="Invention", msgctxt="nowhere"))
    catalogue.save(str(path))

    import_po(path)

    assert "Вигадка" in capsys.readouterr().err
    assert StringTranslation.objects.filter(data__startswith="EN ").exists()
    assert not StringTranslation.objects.filter(data="Invention").exists()


def test_file_for_another_translation_or_language_is_refused(tmp_path, exhibition):
    path = translated(export(tmp_path, "--page", str(exhibition.pk)))
    with pytest.raises(CommandError, match="not fr"):
        call_command("import_po", str(path), "--locale", "fr")
    catalogue = polib.pofile(str(path))
    catalogue.metadata[po.TRANSLATION_ID_HEADER] = str(uuid.uuid4())
    catalogue.save(str(path))
    with pytest.raises(CommandError, match="no known translation"):
        import_po(path)
    assert not StringTranslation.objects.exists()


def test_translator_without_publish_permission_can_import_but_not_publish(
    tmp_path, exhibition, translator
):
    path = translated(export(tmp_path, "--page", str(exhibition.pk)))

    with pytest.raises(CommandError, match="may not publish"):
        import_po(path, "--user", "translator", "--publish")
    assert not StringTranslation.objects.exists()

    import_po(path, "--user", "translator")
    assert StringTranslation.objects.filter(last_translated_by=translator).exists()
    assert not exhibition.get_translations().filter(locale__language_code="en").exists()


def test_translator_without_change_permission_cannot_publish_an_object(tmp_path, translator):
    builders.full_object("PO-2")
    path = translated(export(tmp_path, "--object", "PO-2"))
    with pytest.raises(CommandError, match="may not publish"):
        import_po(path, "--user", "translator", "--publish")
    english = RegisterObject.objects.get(register_id="PO-2", locale__language_code="en")
    assert english.title == "Virgin Hodegetria"


def test_restricted_canary_is_absent_from_translation_sources_and_po_exports(tmp_path, portal_site):
    """Storage and evacuation places of an object never reach a TranslationSource, its
    strings or an exported PO file, translated or not."""
    for register_id, has_english in (("CAN-PO-1", True), ("CAN-PO-2", False)):
        builders.restrict(builders.full_object(register_id, translated=has_english), CANARY)
        exported = export(tmp_path, "--object", register_id).read_text()
        assert "Богоматір Одигітрія" in exported
        assert CANARY not in exported

    sources = TranslationSource.objects.all()
    assert sources.count() == 2
    for source in sources:
        assert CANARY not in source.content_json
    assert not StringTranslation.objects.filter(data__contains=CANARY).exists()
    assert not Page.objects.filter(title__contains=CANARY).exists()
    assert String.objects.exists()
    assert not String.objects.filter(data__contains=CANARY).exists()


def editor_upload(user, translation, content):
    request = RequestFactory().post(
        "/admin/localize/translate/upload/?next=/admin/",
        {"file": polib_file(content)},
    )
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    response = po.guarded_upload_pofile(request, translation.pk)
    return response, [str(message) for message in request._messages]


def polib_file(content):
    return SimpleUploadedFile("upload.po", content.encode(), "text/x-gettext-translation")


def test_editor_upload_applies_the_same_checks(exhibition, superuser):
    """The guarded editor upload refuses a malicious file with a message per entry and
    saves nothing; a clean file goes on to wagtail-localize's own import."""
    exhibition.copy_for_translation(builders.locale("en"), copy_parents=True)
    translation = po.translation_for(exhibition, "en")
    catalogue = polib.pofile(po.export_po(translation))
    for entry in catalogue:
        entry.msgstr = "<script>x</script>" if entry.msgid == "Врятовані скарби" else "EN"

    response, notes = editor_upload(superuser, translation, str(catalogue))
    assert response.status_code == 302
    # wagtail.admin.messages escapes the text of a message
    assert any("Врятовані скарби" in note and "&lt;script&gt;" in note for note in notes)
    assert not StringTranslation.objects.exists()

    for entry in catalogue:
        entry.msgstr = "EN " + entry.msgid
    response, notes = editor_upload(superuser, translation, str(catalogue))
    assert response.status_code == 302
    assert StringTranslation.objects.filter(data="EN Врятовані скарби").exists()
