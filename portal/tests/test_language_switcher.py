"""The language switcher keeps the reader on the same page, or sends them to the language's
home with a notice when the page has no translation there."""

import pytest
from bs4 import BeautifulSoup

from exhibitions.tests.factories import ExhibitionIndexPageFactory, StoryPageFactory, translate
from portal.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(portal_site):
    index = ExhibitionIndexPageFactory(parent=HomePage.objects.get(locale__language_code="uk"))
    translate(index, "en")
    translated = StoryPageFactory(parent=index, title="Переклад", slug="pereklad")
    translate(translated, "en", title="Translated")
    untranslated = StoryPageFactory(parent=index, title="Без перекладу", slug="bez")
    return translated, untranslated


def switcher(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return {link["hreflang"]: link for link in soup.select("nav.language-switcher a")}


def test_a_translated_page_links_to_its_translation(client, stories):
    translated, _ = stories
    links = switcher(client, translated.url)
    english = links["en"]
    assert english["href"].startswith("/en/") and english["href"].endswith("/pereklad/")
    assert "rel" not in english.attrs
    assert not english.select(".visually-hidden")
    assert links["uk"]["aria-current"] == "true"


def test_an_untranslated_page_links_to_the_home_with_a_notice(client, stories):
    _, untranslated = stories
    english = switcher(client, untranslated.url)["en"]
    assert english["href"] == "/en/?untranslated=1"
    assert english["rel"] == ["nofollow"]
    (hint,) = english.select(".visually-hidden")
    assert hint["lang"] == "uk"  # said in the reader's current language
    assert hint.get_text(strip=True)

    home = BeautifulSoup(client.get(english["href"]).content, "html.parser")
    assert home.html["lang"] == "en"
    (notice,) = home.select(".notice--untranslated")
    assert notice["role"] == "status"
    assert "has not been translated" in notice.get_text()


def test_the_notice_is_in_the_home_pages_language(client, stories):
    home = BeautifulSoup(client.get("/uk/?untranslated=1").content, "html.parser")
    (notice,) = home.select(".notice--untranslated")
    assert "has not been translated" not in notice.get_text()  # Ukrainian, not English
    assert notice.get_text(strip=True)


def test_the_home_page_alone_has_no_notice(client, stories):
    for url in ("/en/", "/en/?untranslated=0", "/en/?untranslated=<b>"):
        assert not BeautifulSoup(client.get(url).content, "html.parser").select(
            ".notice--untranslated"
        ), url


def test_non_page_views_link_to_each_language_without_a_notice(client, stories):
    """The object list exists in every language: its links are alternates, never fallbacks."""
    links = switcher(client, "/uk/objects/")
    assert links["en"]["href"].startswith("/en/objects/")
    assert "untranslated" not in links["en"]["href"]
