"""/sitemap.xml: an index of a pages and an objects sitemap per language, with alternates."""

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


def test_sitemap_index_lists_pages_and_objects_per_language(client, objects):
    assert locations(xml(client, "/sitemap.xml")) == [
        "http://testserver/sitemap-pages-uk.xml",
        "http://testserver/sitemap-pages-en.xml",
        "http://testserver/sitemap-objects-uk.xml",
        "http://testserver/sitemap-objects-en.xml",
    ]


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_objects_sitemap_of_a_language_has_every_published_object(client, objects, lang):
    """Each published object appears in every language's section, translated or not, with
    hreflang alternates for every language and x-default; unpublished ones never."""
    entries = urls(xml(client, f"/sitemap-objects-{lang}.xml"))
    assert set(entries) == {f"http://testserver/{lang}/objects/{rid}/" for rid in ("SM-1", "SM-2")}
    assert entries[f"http://testserver/{lang}/objects/SM-2/"] == {
        "uk": "http://testserver/uk/objects/SM-2/",
        "en": "http://testserver/en/objects/SM-2/",
        "x-default": "http://testserver/objects/SM-2/",
    }
    assert "SM-HIDDEN" not in str(entries)


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_pages_sitemap_of_a_language_has_its_home_with_alternates(client, portal_site, lang):
    """Wagtail pages use the site's own root URL; each language's section lists its own
    home, with the other language's home and the uk source as x-default."""
    root = portal_site.root_url
    entries = urls(xml(client, f"/sitemap-pages-{lang}.xml"))
    assert set(entries) == {f"{root}/{lang}/"}
    assert entries[f"{root}/{lang}/"] == {
        "uk": f"{root}/uk/",
        "en": f"{root}/en/",
        "x-default": f"{root}/uk/",
    }


def test_pages_sitemap_lists_a_translated_page_in_each_language(client, portal_site):
    """A story and its English translation: each in its own language's section, both with
    the two as alternates; an untranslated story only in the Ukrainian section."""
    from exhibitions.tests.factories import (
        ExhibitionIndexPageFactory,
        StoryPageFactory,
        translate,
    )
    from portal.models import HomePage

    index = ExhibitionIndexPageFactory(parent=HomePage.objects.get(locale__language_code="uk"))
    story = StoryPageFactory(parent=index, title="Оповідь", slug="opovid")
    StoryPageFactory(parent=index, title="Лише українською", slug="lyshe")
    translate(index, "en")
    translate(story, "en", title="A story")
    uk = urls(xml(client, "/sitemap-pages-uk.xml"))
    en = urls(xml(client, "/sitemap-pages-en.xml"))
    uk_story = next(loc for loc in uk if loc.endswith("/opovid/"))
    en_story = next(loc for loc in en if loc.endswith("/opovid/"))
    assert "/uk/" in uk_story and "/en/" in en_story
    assert uk[uk_story] == en[en_story] == {"uk": uk_story, "en": en_story, "x-default": uk_story}
    assert any(loc.endswith("/lyshe/") for loc in uk)
    assert not any(loc.endswith("/lyshe/") for loc in en)


def test_unknown_sitemap_section_is_404(client, portal_site):
    assert client.get("/sitemap-objects-fr.xml").status_code == 404
    assert client.get("/sitemap-objects.xml").status_code == 404


def test_a_content_language_added_in_settings_gets_its_sections(client, objects, settings):
    """Adding Polish is a setting: its sections appear in the index with no code change."""
    settings.CONTENT_LANGUAGES = [*settings.CONTENT_LANGUAGES, ("pl", "Polski")]
    listed = locations(xml(client, "/sitemap.xml"))
    assert "http://testserver/sitemap-pages-pl.xml" in listed
    assert "http://testserver/sitemap-objects-pl.xml" in listed


def test_objects_sitemap_pages_through_large_collections(client, objects, monkeypatch):
    """Sections are paged (?p=) and each page reads only its own rows."""
    from registry.sitemaps import RegisterObjectSitemap

    builders.register_object("SM-3")
    monkeypatch.setattr(RegisterObjectSitemap, "limit", 2)
    listed = locations(xml(client, "/sitemap.xml"))
    assert "http://testserver/sitemap-objects-en.xml?p=2" in listed
    first = list(urls(xml(client, "/sitemap-objects-en.xml?p=1")))
    second = list(urls(xml(client, "/sitemap-objects-en.xml?p=2")))
    assert len(first) == 2 and len(second) == 1
    assert set(first) | set(second) == {
        f"http://testserver/en/objects/{rid}/" for rid in ("SM-1", "SM-2", "SM-3")
    }
    assert client.get("/sitemap-objects-en.xml?p=3").status_code == 404
    assert client.get("/sitemap-objects-en.xml?p=x").status_code == 404


def test_items_in_languages_slices_lazily():
    items = ItemsInLanguages(list(range(5)), ["uk", "en", "pl"])
    assert len(items) == 15
    every = [(i, lang) for i in range(5) for lang in ("uk", "en", "pl")]
    for start in range(15):
        for stop in range(start, 16):
            assert items[start:stop] == every[start:stop]


def test_robots_txt_names_the_sitemap_index_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert client.post("/robots.txt").status_code == 405
