"""Admin integration of the portal's core: drift alerts for register objects in pages.

A report under Reports ("Object alerts in stories"), a dashboard panel with the number of
affected pages (only when there are any), and :class:`portal.panels.ObjectAlertsPanel` for
page editors. Only people who use the admin and edit pages see any of it.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from portal.drift import affected_page_count, user_can_see_alerts
from portal.views import ObjectAlertsReportView


class ObjectAlertsMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_see_alerts(request.user)


class ObjectAlertsSummaryPanel(Component):
    """Dashboard panel: how many pages feature objects that need attention."""

    name = "object_alerts"
    template_name = "portal/admin/object_alerts_summary.html"
    order = 90  # above the workflow and recent edits panels: a theft is urgent

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context["count"] = self.count
        context["report_url"] = reverse("portal_object_alerts")
        return context


@hooks.register("register_admin_urls")
def register_object_alerts_url():
    return [
        path(
            "reports/object-alerts/",
            ObjectAlertsReportView.as_view(),
            name="portal_object_alerts",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_object_alerts_menu_item():
    return ObjectAlertsMenuItem(
        _("Object alerts in stories"),
        reverse("portal_object_alerts"),
        name="object-alerts",
        icon_name="warning",
        order=650,
    )


@hooks.register("construct_homepage_panels")
def add_object_alerts_panel(request, panels):
    if not user_can_see_alerts(request.user):
        return
    count = affected_page_count(request.user)
    if count:
        panels.append(ObjectAlertsSummaryPanel(count))
