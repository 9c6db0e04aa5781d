from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.views import robots_txt
from registry import sitemaps

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # IIIF image services, manifests and collections: machine interfaces, not translated.
    path("iiif/", include("iiif.urls")),
    # A sitemap index of a pages and an objects section per language, each paged by ?p=.
    path("sitemap.xml", sitemaps.index, name="sitemap_index"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap-<section>.xml", sitemaps.section, name="django.contrib.sitemaps.views.sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("objects/", include("registry.urls")),
    path("search/", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
