"""Views of the portal's core: robots.txt, and the admin's drift report of register objects in
pages."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.admin.views.reports import ReportView

from portal.drift import affected_pages, user_can_see_alerts


class ObjectAlertsReportView(ReportView):
    """Pages (stories, exhibitions, themes, ...) that feature objects needing attention.

    One entry per page the user may edit, most recent status change first, with every
    affected object, its state, the date of its status and where it sits in the page.
    """

    page_title = _("Object alerts in stories")
    header_icon = "warning"
    results_template_name = "portal/admin/object_alerts_report_results.html"
    index_url_name = "portal_object_alerts"
    paginate_by = 50
    verbose_name = _("page")
    verbose_name_plural = _("pages")

    def dispatch(self, request, *args, **kwargs):
        if not user_can_see_alerts(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return affected_pages(self.request.user)


__all__ = ["ObjectAlertsReportView"]


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    """Crawlers may read everything public; the admin is not for them. Names the sitemap
    index, which lists every language's sections."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
