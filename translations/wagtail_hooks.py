from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from translations import po, status, views


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


@hooks.register("register_admin_urls")
def translation_status_urls():
    report = views.TranslationStatusReportView
    return [
        path("reports/translations/", report.as_view(), name="translation_status_report"),
        path(
            "reports/translations/results/",
            report.as_view(results_only=True),
            name="translation_status_report_results",
        ),
        path(
            "translations/status/<int:content_type_id>/<uuid:translation_key>/",
            views.item_status,
            name="translation_status_item",
        ),
    ]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(views.allowed_kinds(request.user))


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return TranslationReportMenuItem(
        _("Translations"),
        reverse("translation_status_report"),
        name="translations",
        icon_name="globe",
        order=650,
    )


def item_status_url(instance):
    content_type = status.content_type_for(type(instance))
    return reverse("translation_status_item", args=[content_type.pk, instance.translation_key])


@hooks.register("register_page_header_buttons")
def translation_status_page_button(page, user, view_name=None, next_url=None):
    if page.is_root() or page.depth <= 1 or not views.allowed_kinds(user):
        return
    yield Button(_("Translation status"), item_status_url(page), icon_name="globe", priority=70)


@hooks.register("register_snippet_listing_buttons")
def translation_status_snippet_button(snippet, user, next_url=None):
    if not status.is_tracked(type(snippet)) or not user.has_perm(
        f"{snippet._meta.app_label}.change_{snippet._meta.model_name}"
    ):
        return
    yield Button(
        _("Translation status"),
        item_status_url(snippet),
        icon_name="globe",
        priority=110,
        attrs={"aria-label": _("Translation status of %(item)s") % {"item": snippet}},
    )


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def credit_the_translator(request, instance):
    """A translation saved in the admin was made by the signed-in editor."""
    if status.is_tracked(type(instance)):
        status.credit_translator(instance, request.user)
