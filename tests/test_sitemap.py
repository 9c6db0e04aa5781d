"""/sitemap.xml: an index of the pages and objects sitemaps, every language with alternates."""

import pytest
from defusedxml import ElementTree

from registry.sitemaps import ItemsInLanguages
from registry.tests import builders

pytestmark = pytest.mark.django_db


SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def xml(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


def locations(root):
    return [loc.text for loc in root.iter(f"{SM}loc")]


def urls(root):
    """{loc: {hreflang: href}} for each <url>."""
    return {
        url.find(f"{SM}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in root.iter(f"{SM}url")
    }


@pytest.fixture
def objects(portal_site):
    one = builders.register_object("SM-1")
    builders.translate(one, title="One")
    builders.register_object("SM-2")
    builders.register_object("SM-HIDDEN", published=False)


def test_sitemap_index_lists_pages_and_objects(client, objects):
    assert locations(xml(client, "/sitemap.xml")) == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-objects.xml",
    ]


def test_objects_sitemap_has_every_published_object_in_every_language(client, objects):
    """Each published object appears once per content language, translated or not, with
    hreflang alternates for every language and x-default; unpublished ones never."""
    entries = urls(xml(client, "/sitemap-objects.xml"))
    assert set(entries) == {
        f"http://testserver/{lang}/objects/{rid}/"
        for lang in ("uk", "en")
        for rid in ("SM-1", "SM-2")
    }
    assert entries["http://testserver/en/objects/SM-2/"] == {
        "uk": "http://testserver/uk/objects/SM-2/",
        "en": "http://testserver/en/objects/SM-2/",
        "x-default": "http://testserver/objects/SM-2/",
    }
    assert "SM-HIDDEN" not in str(entries)


def test_pages_sitemap_has_home_pages_of_every_language_with_alternates(client, portal_site):
    """Wagtail pages use the site's own root URL; the en home is listed with its uk source."""
    root = portal_site.root_url
    entries = urls(xml(client, "/sitemap-pages.xml"))
    assert set(entries) == {f"{root}/uk/", f"{root}/en/"}
    assert entries[f"{root}/en/"] == {
        "uk": f"{root}/uk/",
        "en": f"{root}/en/",
        "x-default": f"{root}/uk/",
    }


def test_objects_sitemap_pages_through_large_collections(client, objects, monkeypatch):
    """Sections are paged (?p=) and each page reads only its own rows."""
    from registry.sitemaps import RegisterObjectSitemap

    monkeypatch.setattr(RegisterObjectSitemap, "limit", 3)
    assert "http://testserver/sitemap-objects.xml?p=2" in locations(xml(client, "/sitemap.xml"))
    first = list(urls(xml(client, "/sitemap-objects.xml?p=1")))
    second = list(urls(xml(client, "/sitemap-objects.xml?p=2")))
    assert len(first) == 3 and len(second) == 1
    assert set(first) | set(second) == {
        f"http://testserver/{lang}/objects/{rid}/"
        for lang in ("uk", "en")
        for rid in ("SM-1", "SM-2")
    }
    assert client.get("/sitemap-objects.xml?p=3").status_code == 404
    assert client.get("/sitemap-objects.xml?p=x").status_code == 404


def test_items_in_languages_slices_lazily():
    items = ItemsInLanguages(list(range(5)), ["uk", "en", "pl"])
    assert len(items) == 15
    every = [(i, lang) for i in range(5) for lang in ("uk", "en", "pl")]
    for start in range(15):
        for stop in range(start, 16):
            assert items[start:stop] == every[start:stop]
