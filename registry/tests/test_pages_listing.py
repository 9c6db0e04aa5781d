"""The collection listing, the home page and the error pages."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from registry.models import ObjectStatus
from registry.tests import builders

pytestmark = pytest.mark.django_db


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def collection(portal_site, settings):
    """Seven objects, three per page; odd ones translated, every third with a photograph."""
    settings.PORTAL_OBJECTS_PER_PAGE = 3
    holder = builders.museum("Львівський історичний музей", en={"name": "Lviv Historical Museum"})
    kind = builders.object_type("Кераміка", en="Ceramics")
    objects = []
    for index in range(7):
        obj = builders.register_object(
            f"LIST-{index}",
            title=f"Предмет {index}",
            holder=holder,
            object_type=kind,
            date_display="XVIII ст.",
            status=ObjectStatus.STOLEN if index == 0 else ObjectStatus.IN_COLLECTION,
        )
        if index % 2:
            builders.translate(obj, title=f"Object {index}", date_display="18th century")
        if index % 3 == 0:
            builders.add_photo(obj, alt_text=f"Фото {index}")
        objects.append(obj)
    return objects


def test_listing_shows_cards_with_title_type_date_holder_status(client, collection):
    soup = soup_of(client.get("/en/objects/"))
    cards = soup.select(".card")
    assert len(cards) == 3
    first = cards[0]
    assert first.select_one(".card__title a")["href"] == "/en/objects/LIST-0/"
    assert first.select_one(".card__title a").get_text() == "Предмет 0"
    assert first.select_one(".card__title a")["lang"] == "uk"
    assert "Ceramics" in first.select_one(".card__meta").get_text()
    assert first.select_one(".card__meta [lang]")["lang"] == "uk"  # date is not translated
    assert first.select_one(".card__holder").get_text(strip=True) == "Lviv Historical Museum"
    assert first.select_one(".badge").get_text(strip=True) == "Stolen"
    assert first.select_one(".card__media img")["alt"] == ""  # decorative: the title says it
    second = cards[1]
    assert second.select_one(".card__title a").get_text() == "Object 1"
    assert "lang" not in second.select_one(".card__title a").attrs
    assert "18th century" in second.select_one(".card__meta").get_text()
    assert second.select_one(".card__placeholder") is not None


def test_listing_in_ukrainian_has_ukrainian_labels(client, collection):
    soup = soup_of(client.get("/uk/objects/"))
    assert soup.html["lang"] == "uk"
    assert soup.h1.get_text(strip=True) == "Колекція"
    assert soup.select_one(".card .badge").get_text(strip=True) == "Викрадено"
    assert not soup.select('main [lang="uk"]')


def test_listing_paginates(client, collection):
    soup = soup_of(client.get("/uk/objects/?page=3"))
    assert [a.get_text() for a in soup.select(".card__title a")] == ["Предмет 6"]
    pagination = soup.select_one("nav.pagination")
    assert pagination.find("a", attrs={"aria-current": "page"}).get_text(strip=True).endswith("3")
    assert pagination.find("a", rel="prev")["href"] == "/uk/objects/?page=2"
    assert pagination.find("a", rel="next") is None
    assert "Сторінка 3 з 3." in soup.select_one(".page-header").get_text(" ", strip=True)


def test_listing_switcher_keeps_the_page_number(client, collection):
    soup = soup_of(client.get("/uk/objects/?page=2"))
    link = soup.select_one("nav.language-switcher a[hreflang=en]")
    assert link["href"] == "/en/objects/?page=2"
    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", hreflang=True)}
    assert alternates["en"] == "http://testserver/en/objects/?page=2"


@pytest.mark.parametrize("page", ["4", "0", "-1", "abc", "1.5", "", "²", "9" * 30, "1e3"])
def test_bad_page_numbers_are_404_not_500(client, collection, page):
    assert client.get(f"/en/objects/?page={page}").status_code == 404


def test_page_numbers_are_capped(client, collection, settings):
    settings.PORTAL_OBJECTS_MAX_PAGE = 2
    assert client.get("/uk/objects/?page=2").status_code == 200
    assert client.get("/uk/objects/?page=3").status_code == 404
    soup = soup_of(client.get("/uk/objects/?page=2"))
    assert soup.select_one("nav.pagination a[rel=next]") is None


def test_unpublished_objects_are_not_listed(client, collection):
    collection[0].published = False
    collection[0].save()
    soup = soup_of(client.get("/uk/objects/"))
    assert "LIST-0" not in str(soup)


def test_empty_collection_has_a_message(client, portal_site):
    soup = soup_of(client.get("/en/objects/"))
    assert soup.select_one(".empty").get_text(strip=True) == "No objects have been published yet."


@pytest.mark.parametrize("lang,limit", [("uk", 4), ("en", 7)])
def test_listing_query_count_is_pinned(
    client, collection, settings, django_assert_max_num_queries, lang, limit
):
    """Count, source rows, photographs, renditions; in en also one query for the page's
    translations and one per vocabulary model (type, holder) — whatever the page size."""
    settings.PORTAL_OBJECTS_PER_PAGE = 24
    client.get(f"/{lang}/objects/")  # renditions are created on the first view
    with django_assert_max_num_queries(limit):
        assert client.get(f"/{lang}/objects/").status_code == 200


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_home_page_shows_introduction_featured_objects_and_collection_link(
    client, collection, lang
):
    soup = soup_of(client.get(f"/{lang}/"))
    assert soup.h1.get_text(strip=True) == (
        "Спадщина України" if lang == "uk" else "Heritage of Ukraine"
    )
    assert soup.select_one(".hero__intro").get_text(strip=True)
    assert soup.select_one(f'.hero a[href="/{lang}/objects/"]') is not None
    featured = soup.select(".featured .card__title a")
    assert {a["href"] for a in featured} == {
        f"/{lang}/objects/LIST-0/",
        f"/{lang}/objects/LIST-3/",
        f"/{lang}/objects/LIST-6/",
    }


@pytest.mark.parametrize("lang,limit", [("uk", 11), ("en", 15)])
def test_home_page_query_count_is_pinned(
    client, collection, django_assert_max_num_queries, lang, limit
):
    """Wagtail's page serving, the featured pages and objects (HomePage.get_context), their
    renditions and, in en, translations and vocabulary: a fixed number of queries."""
    client.get(f"/{lang}/")
    with django_assert_max_num_queries(limit):
        assert client.get(f"/{lang}/").status_code == 200


def test_home_language_switcher_links_to_the_translated_home(client, portal_site):
    soup = soup_of(client.get("/uk/"))
    assert soup.select_one("nav.language-switcher a[hreflang=en]")["href"] == "/en/"
    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", hreflang=True)}
    assert alternates == {
        "uk": "http://testserver/uk/",
        "en": "http://testserver/en/",
        "x-default": "http://testserver/",
    }


@pytest.mark.parametrize("lang,title", [("uk", "Сторінку не знайдено"), ("en", "Page not found")])
def test_404_page_is_translated_and_styled(client, portal_site, lang, title):
    response = client.get(f"/{lang}/objects/NOPE-1/")
    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.html["lang"] == lang
    assert soup.h1.get_text(strip=True) == title
    assert soup.find("link", rel="stylesheet") is not None
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.select_one(f'main a[href="/{lang}/objects/"]') is not None
    # The 404 repeats nothing from the request and offers no hreflang alternates.
    assert "NOPE-1" not in response.content.decode()
    assert not soup.find_all("link", hreflang=True)
    switcher = soup.select_one("nav.language-switcher")
    assert {a["href"] for a in switcher.find_all("a")} == {"/uk/", "/en/"}


def test_500_page_is_translated_and_leaks_nothing(portal_site, settings):
    """A server error renders the styled, translated 500 template, with no traceback."""
    from django.urls import path

    def broken(request):
        raise RuntimeError("secret internals: /srv/db password=hunter2")

    import portal.urls

    settings.ROOT_URLCONF = type(
        "BrokenUrls", (), {"urlpatterns": [path("boom/", broken), *portal.urls.urlpatterns]}
    )
    client = Client(raise_request_exception=False)
    response = client.get("/boom/", headers={"accept-language": "uk"})
    assert response.status_code == 500
    text = response.content.decode()
    assert "Щось пішло не так" in text
    assert "hunter2" not in text and "Traceback" not in text and "RuntimeError" not in text
