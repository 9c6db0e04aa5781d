"""Sitemaps per content language: register object pages and Wagtail pages, with alternates.

``/sitemap.xml`` is an index of one pages section and one objects section per content
language (``sitemap-pages-uk.xml``, ``sitemap-objects-en.xml``, …), each paged by ``?p=``.
Every entry carries ``xhtml:link`` hreflang alternates for the languages the content exists
in, and ``x-default``. Object pages exist in every content language (untranslated ones fall
back to Ukrainian), so each published object is listed in every language's section. Only
``register_id`` and ``updated_at`` are read, never any restricted data. The sections follow
``settings.CONTENT_LANGUAGES``: adding a language adds its sections.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max, Q
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views
from wagtail.models import Locale, Page

from registry.models import RegisterObject


class ItemsInLanguages:
    """(item, language) pairs over a queryset, sliced lazily: a page of the sitemap reads
    only its own rows, however large the collection."""

    def __init__(self, queryset, languages):
        self.queryset = queryset
        self.languages = list(languages)

    def count(self):
        rows = self.queryset
        total = rows.count() if hasattr(rows, "query") else len(rows)
        return total * len(self.languages)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("ItemsInLanguages supports simple slices only.")
        start, stop = index.start or 0, index.stop
        width = len(self.languages)
        rows = self.queryset[start // width : -(-stop // width)] if stop else []
        pairs = [(row, language) for row in rows for language in self.languages]
        offset = start - (start // width) * width
        return pairs[offset : offset + (stop - start)]


class RegisterObjectSitemap(Sitemap):
    """Every published object's page in one content language, with hreflang alternates to
    its page in every language."""

    #: The section's language; a subclass per content language sets it (see sitemaps()).
    language = settings.LANGUAGE_CODE
    i18n = True
    alternates = True
    x_default = True
    limit = 10_000
    changefreq = "monthly"

    def items(self):
        return (
            RegisterObject.objects.public()
            .in_source_locale()
            .order_by("register_id")
            .values("register_id", "updated_at")
        )

    @property
    def paginator(self):
        return Paginator(ItemsInLanguages(self.items(), [self.language]), self.limit)

    def location(self, item):
        return reverse("registry:object_detail", args=[item["register_id"]])

    def lastmod(self, item):
        return item["updated_at"]

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class PageSitemap(WagtailSitemap):
    """Live pages of one content language, each with its translations as alternates.

    Wagtail's own sitemap lists the tree under the site's root page, which is the source
    language's home; the homes of the other languages are its translations (siblings), so
    the section takes the tree of the home in its own language.
    """

    #: The section's language; a subclass per content language sets it (see sitemaps()).
    language = settings.LANGUAGE_CODE

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q(pk__in=[])
        locale = Locale.objects.filter(language_code=self.language).first()
        if locale is not None:
            for home in root.get_translations(inclusive=True).filter(locale=locale):
                trees |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = {}
        for translated in (
            Page.objects.live()
            .public()
            .filter(translation_key__in={p.translation_key for p in pages})
            .select_related("locale")
        ):
            url = translated.get_full_url(self.request)
            if url:
                translations.setdefault(translated.translation_key, []).append(
                    {"lang_code": translated.locale.language_code, "location": url}
                )
        urls, last_mods = [], set()
        for item in pages:
            alternates = sorted(
                translations.get(item.translation_key, []), key=lambda a: a["lang_code"]
            )
            source = [a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE]
            if len(alternates) > 1 and source:
                alternates.append({"lang_code": "x-default", "location": source[0]["location"]})
            for url_info in item.get_sitemap_urls(self.request):
                url_info.setdefault("alternates", alternates if len(alternates) > 1 else [])
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemaps():
    """The sections: pages and objects for each content language, in the settings' order."""
    sections = {}
    for kind, base in (("pages", PageSitemap), ("objects", RegisterObjectSitemap)):
        for code, _name in settings.CONTENT_LANGUAGES:
            sections[f"{kind}-{code}"] = type(
                f"{base.__name__}_{code}", (base,), {"language": code, "__module__": __name__}
            )
    return sections


def index(request):
    """``/sitemap.xml``: the index of every section, each page of a paged section listed."""
    return wagtail_sitemap_views.index(request, sitemaps())


def section(request, section):
    """``/sitemap-<section>.xml``: one section's URLs (404 for an unknown section or page)."""
    return wagtail_sitemap_views.sitemap(request, sitemaps(), section=section)
