from django.urls import resolve


def test_the_editor_po_upload_goes_through_the_checks():
    """The portal's guarded view shadows wagtail-localize's at the same address."""
    match = resolve("/admin/localize/translate/1/pofile/upload/")
    assert match.url_name == "translations_upload_pofile"
    assert match._func_path == "translations.po.guarded_upload_pofile"
