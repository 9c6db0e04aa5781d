from django.urls import path
from wagtail import hooks

from translations import po


@hooks.register("register_admin_urls", order=-1)
def guard_po_upload():
    """Put the PO checks in front of wagtail-localize's "Upload PO file" (same address)."""
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            po.guarded_upload_pofile,
            name="translations_upload_pofile",
        )
    ]
