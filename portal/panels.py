"""Editor panels shared by the portal's page types."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class ObjectAlertsPanel(Panel):
    """Warns editors of register objects on this page that need attention.

    Lists every object chosen in the page's blocks that is missing, stolen, destroyed,
    damaged, unpublished or deleted, with where it sits in the page.
    Shows nothing when all is well. Add it to a page type's ``content_panels``.
    """

    def __init__(self, heading="", icon="warning", **kwargs):
        super().__init__(heading=heading or _("Object alerts"), icon=icon, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "portal/admin/object_alerts_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            from portal.drift import alerts_for_page

            page = self.instance
            self.alerts = alerts_for_page(page) if page is not None and page.pk else []

        def is_shown(self):
            return bool(self.alerts)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["alerts"] = self.alerts
            return context


__all__ = ["ObjectAlertsPanel"]
