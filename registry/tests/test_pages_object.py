"""The public object page: every Object ID category, languages, status, machine-readable data."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from registry.models import ObjectRelation, ObjectStatus
from registry.models.objects import ALERT_STATUSES
from registry.tests import builders

pytestmark = pytest.mark.django_db

URL = "/{lang}/objects/{register_id}/"


def get_page(client, lang, register_id="NHMU-1001", status=200):
    response = client.get(URL.format(lang=lang, register_id=register_id))
    assert response.status_code == status, response.content[:500]
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup):
    (script,) = soup.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def facts(soup):
    """The identification list as {label: dd element}."""
    return {row.dt.get_text(strip=True): row.dd for row in soup.select(".facts__list .facts__row")}


@pytest.fixture
def icon(portal_site):
    builders.register_object("NHMU-1002", title="Оклад ікони")
    builders.translate(
        builders.register_object("NHMU-1003", title="Ризи", published=True), title="Vestments"
    )
    return builders.full_object("NHMU-1001", related_ids=["NHMU-1002", "NHMU-1003", "GONE-1"])


def test_ukrainian_page_shows_every_object_id_category(client, icon):
    """Photographs, type (broad › narrow), measurements, materials, techniques, inscriptions,
    date, makers, subject, title, features, description, inventory number, register ID,
    holder, place of origin, related objects, rights and credit all appear on the uk page."""
    soup = get_page(client, "uk")
    assert soup.html["lang"] == "uk"
    assert soup.h1.get_text(strip=True) == "Богоматір Одигітрія"
    rows = facts(soup)
    expected = {
        "Назва": "Богоматір Одигітрія",
        "Тип предмета": "Живопис › Ікона",
        "Дата або період": "кінець XVII ст.",
        "Матеріали": "Дерево, Левкас",
        "Техніки": "Темпера",
        "Місце походження або знахідки": "Волинь",
        "Інвентарний номер": "Ж-1234",
        "Реєстровий ідентифікатор": "NHMU-1001",
        "Подяка": "Дар родини Шевченків, 1925",
    }
    for label, value in expected.items():
        assert label in rows, f"missing category {label}; compile messages if labels are English"
        assert rows[label].get_text(" ", strip=True).replace(" ,", ",") == value
    assert "Висота: 45,5 см" in rows["Розміри"].get_text(" ", strip=True)
    assert "Ширина: 33 см" in rows["Розміри"].get_text(" ", strip=True)
    maker = rows["Автори"].get_text(" ", strip=True)
    assert "Іван Руткович" in maker and "іконописець" in maker and "бл. 1650–1708" in maker
    holder = rows["Музей-утримувач"]
    assert holder.a["href"] == "https://namu.kiev.ua/"
    assert "Національний художній музей України" in holder.get_text()
    assert "Київ" in holder.get_text()
    rights = rows["Права"].a
    assert rights["href"] == "http://rightsstatements.org/vocab/NoC-NC/1.0/"
    assert (
        rights.get_text(strip=True)
        == "Не захищено авторським правом – лише некомерційне використання"
    )
    text = soup.select_one(".object__text").get_text(" ", strip=True)
    for value in (
        "Ікона на липовій дошці з ковчегом.",
        "Богоматір з Дитям",
        "Тріщина на лівій дошці, сліди воску.",
        "МР ѲУ",
        "Матір Божа",
        "угорі ліворуч",
    ):
        assert value in text
    for heading in ("Опис", "Сюжет", "Особливі прикмети", "Написи та позначки"):
        assert soup.find("h2", string=heading)


def test_photographs_are_renditions_in_order_with_alt_caption_credit_and_rights(client, icon):
    """Photographs render as Wagtail renditions in register order, with alt text, caption,
    credit and a human label for the licence."""
    soup = get_page(client, "uk")
    figures = soup.select(".gallery figure")
    assert [figure.img["alt"] for figure in figures] == ["Ікона, лицевий бік", "Зворот ікони"]
    assert all(".max-1200x1200." in figure.img["src"] for figure in figures)
    first = figures[0].figcaption
    assert "Лицевий бік" in first.get_text()
    assert "Фото: Олена Коваль" in first.get_text()
    assert first.find("a", rel="license")["href"] == "https://creativecommons.org/licenses/by/4.0/"
    assert first.find("a", rel="license").get_text(strip=True) == "CC BY 4.0"


def test_english_translation_is_shown_with_vocabulary_in_english(client, icon):
    """The en page shows the en row's texts, makers, inscriptions and photographs, and the
    vocabulary and holder translated, with no fallback note or lang="uk" marks."""
    soup = get_page(client, "en")
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "Virgin Hodegetria"
    assert "lang" not in soup.h1.attrs
    assert not soup.select(".notice--language")
    rows = facts(soup)
    assert rows["Object type"].get_text(" ", strip=True) == "Painting › Icon"
    assert rows["Materials"].get_text(" ", strip=True).replace(" ,", ",") == "Wood, Gesso"
    assert rows["Techniques"].get_text(strip=True) == "Tempera"
    assert "Ivan Rutkovych" in rows["Makers"].get_text()
    assert "icon painter" in rows["Makers"].get_text()
    assert "National Art Museum of Ukraine" in rows["Holding museum"].get_text()
    assert "Height: 45.5 cm" in rows["Measurements"].get_text(" ", strip=True)
    assert rows["Date or period"].get_text(strip=True) == "late 17th century"
    assert [figure.img["alt"] for figure in soup.select(".gallery figure")] == [
        "The icon, front",
        "Back of the icon",
    ]
    assert "Mother of God" in soup.select_one(".inscriptions").get_text()
    # Only the related object without an English title is marked as Ukrainian.
    assert [e.get_text(strip=True) for e in soup.select('main [lang="uk"]')] == ["Оклад ікони"]


def test_untranslated_object_falls_back_to_ukrainian_marked_lang_uk(client, portal_site):
    """Without an en row, the en page shows the Ukrainian text inside lang="uk" elements and a
    translatable note that the object is not translated yet."""
    builders.full_object("NHMU-2001", translated=False)
    soup = get_page(client, "en", "NHMU-2001")
    assert soup.html["lang"] == "en"
    note = soup.select_one(".notice--language")
    assert note.get_text(strip=True) == (
        "This object has not been translated yet; shown in Ukrainian."
    )
    assert soup.h1["lang"] == "uk"
    assert soup.h1.get_text(strip=True) == "Богоматір Одигітрія"
    description = soup.find("h2", string="Description").find_next("div")
    assert description["lang"] == "uk"
    assert all(figure["lang"] == "uk" for figure in soup.select(".gallery figure"))
    assert soup.select_one(".maker__name")["lang"] == "uk"
    # Vocabulary has English translations and is shown in English, unmarked.
    rows = facts(soup)
    assert rows["Materials"].get_text(" ", strip=True).replace(" ,", ",") == "Wood, Gesso"
    assert not rows["Materials"].select("[lang]")
    # Labels stay in the reader's language.
    assert "Register ID" in rows
    assert json_ld(soup)["inLanguage"] == "uk"


def test_ukrainian_page_is_not_marked_as_fallback(client, icon):
    soup = get_page(client, "uk")
    assert not soup.select(".notice--language")
    assert not soup.select('main [lang="uk"]')


def test_translation_that_repeats_the_source_text_is_marked_ukrainian(client, portal_site):
    """wagtail-localize and the importer copy untranslated fields from the source: a field of
    the en row that repeats the uk text is Ukrainian and marked so; translated ones are not."""
    obj = builders.register_object("COPY-1", title="Глечик", subject="Квіти й птахи")
    builders.translate(obj, title="Jug", subject="Квіти й птахи")
    soup = get_page(client, "en", "COPY-1")
    assert "lang" not in soup.h1.attrs
    assert soup.find("h2", string="Subject").find_next("div")["lang"] == "uk"
    assert not soup.select(".notice--language")


def test_vocabulary_without_translation_falls_back_to_ukrainian(client, portal_site):
    """A material with no en term is shown in Ukrainian and marked lang="uk"."""
    obj = builders.register_object("NHMU-3001")
    builders.translate(obj, title="Icon")
    from registry.models import Material, ObjectMaterial

    linen = builders.term(Material, "Льон")
    ObjectMaterial.objects.create(register_object=obj, material=linen)
    soup = get_page(client, "en", "NHMU-3001")
    material = facts(soup)["Materials"].span
    assert material.get_text() == "Льон" and material["lang"] == "uk"


def test_related_objects_link_only_published_ones_in_reader_language(client, icon):
    """Related objects link by register ID; missing ones are left out; titles are in the
    reader's language with a lang="uk" fallback."""
    soup = get_page(client, "en")
    links = soup.select(".related a")
    assert [a["href"] for a in links] == ["/en/objects/NHMU-1002/", "/en/objects/NHMU-1003/"]
    assert links[0].get_text() == "Оклад ікони" and links[0]["lang"] == "uk"
    assert links[1].get_text() == "Vestments" and "lang" not in links[1].attrs


def test_unpublished_related_object_is_not_linked(client, icon):
    from registry.models import RegisterObject

    RegisterObject.objects.filter(register_id="NHMU-1002").update(published=False)
    soup = get_page(client, "uk")
    assert [a["href"] for a in soup.select(".related a")] == ["/uk/objects/NHMU-1003/"]


@pytest.mark.parametrize("status", sorted(ALERT_STATUSES))
def test_alert_statuses_show_a_prominent_banner(client, portal_site, status):
    """Missing, stolen, destroyed and damaged objects get an aside with a heading, the status
    date and the public note."""
    builders.register_object(
        "ALERT-1",
        status=status,
        status_date=datetime.date(2022, 3, 14),
        status_note="Публічна примітка про статус.",
    )
    soup = get_page(client, "uk", "ALERT-1")
    banner = soup.select_one("aside.status-alert")
    assert banner is not None
    heading = soup.find(id=banner["aria-labelledby"])
    assert heading.name == "h2"
    assert heading.get_text(strip=True) == str(ObjectStatus(status).label)
    assert "14 березня 2022" in banner.get_text()
    assert "Публічна примітка про статус." in banner.get_text()
    sought = status in (ObjectStatus.MISSING, ObjectStatus.STOLEN)
    assert ("поліції" in banner.get_text()) is sought


@pytest.mark.parametrize("status", sorted(set(ObjectStatus) - ALERT_STATUSES))
def test_other_statuses_show_a_badge_and_no_banner(client, portal_site, status):
    builders.register_object("CALM-1", status=status)
    soup = get_page(client, "en", "CALM-1")
    assert soup.select_one(".status-alert") is None
    badge = soup.select_one(".object__byline .badge")
    assert badge.get_text(strip=True) == str(ObjectStatus(status).label)


def test_json_ld_describes_the_object(client, icon):
    """The JSON-LD parses and carries the schema.org keys other systems read."""
    data = json_ld(get_page(client, "en"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "VisualArtwork"
    assert data["url"] == "http://testserver/en/objects/NHMU-1001/"
    assert data["name"] == "Virgin Hodegetria"
    assert data["description"] == "An icon on a lime-wood panel with a recessed field."
    assert {"propertyID": "register-id", "value": "NHMU-1001", "@type": "PropertyValue"} in data[
        "identifier"
    ]
    assert data["dateCreated"] == "1680/1700"
    assert data["material"] == ["Wood", "Gesso"]
    assert data["creator"] == [
        {"@type": "Person", "name": "Ivan Rutkovych", "description": "icon painter"}
    ]
    assert data["locationCreated"] == {"@type": "Place", "name": "Volhynia"}
    assert data["provider"]["name"] == "National Art Museum of Ukraine"
    assert data["provider"]["sameAs"] == "https://www.wikidata.org/wiki/Q1420475"
    assert data["license"] == "http://rightsstatements.org/vocab/NoC-NC/1.0/"
    assert data["creditText"] == "Gift of the Shevchenko family, 1925"
    assert data["inLanguage"] == "en"
    assert data["height"] == {"@type": "QuantitativeValue", "value": 45.5, "unitCode": "CMT"}
    assert len(data["image"]) == 2
    assert data["image"][0]["contentUrl"].startswith("http://testserver/")
    assert data["image"][0]["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_open_graph_and_twitter_tags(client, icon):
    soup = get_page(client, "en")

    def meta(**attrs):
        return soup.find("meta", attrs=attrs)["content"]

    assert meta(property="og:title") == "Virgin Hodegetria"
    assert meta(property="og:type") == "article"
    assert meta(property="og:url") == "http://testserver/en/objects/NHMU-1001/"
    assert meta(property="og:locale") == "en_GB"
    assert meta(property="og:locale:alternate") == "uk_UA"
    assert meta(property="og:image").startswith("http://testserver/media/")
    assert meta(property="og:image:alt") == "The icon, front"
    assert meta(property="og:description").startswith("An icon on a lime-wood panel")
    assert meta(name="twitter:card") == "summary_large_image"
    assert meta(name="description").startswith("An icon on a lime-wood panel")


def test_canonical_and_hreflang_alternates(client, icon):
    """Canonical link to itself; hreflang for every content language plus x-default."""
    soup = get_page(client, "en")
    assert soup.find("link", rel="canonical")["href"] == ("http://testserver/en/objects/NHMU-1001/")
    alternates = {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate")
        if link.get("hreflang")
    }
    assert alternates == {
        "uk": "http://testserver/uk/objects/NHMU-1001/",
        "en": "http://testserver/en/objects/NHMU-1001/",
        "x-default": "http://testserver/objects/NHMU-1001/",
    }


def test_x_default_redirects_by_browser_language(client, icon):
    response = client.get("/objects/NHMU-1001/", headers={"accept-language": "en"})
    assert response.status_code == 302
    assert response["Location"] == "/en/objects/NHMU-1001/"


def test_language_switcher_keeps_the_reader_on_the_object(client, icon):
    for lang, other, other_url in (
        ("uk", "en", "/en/objects/NHMU-1001/"),
        ("en", "uk", "/uk/objects/NHMU-1001/"),
    ):
        soup = get_page(client, lang)
        switcher = soup.select_one("nav.language-switcher")
        link = switcher.find("a", hreflang=other)
        assert link["href"] == other_url
        assert link["lang"] == other
        current = switcher.find("a", attrs={"aria-current": "true"})
        assert current["hreflang"] == lang


def test_language_switcher_on_untranslated_object_still_stays_on_it(client, portal_site):
    builders.register_object("SOLO-1")
    soup = get_page(client, "uk", "SOLO-1")
    link = soup.select_one("nav.language-switcher a[hreflang=en]")
    assert link["href"] == "/en/objects/SOLO-1/"


@pytest.mark.parametrize(
    "path",
    [
        "/uk/objects/NO-SUCH-ID/",
        "/en/objects/NO-SUCH-ID/",
        "/uk/objects/bad%20id/",
        "/uk/objects/-starts-with-dash/",
        "/uk/objects/%3Cscript%3E/",
        "/en/objects/" + "x" * 65 + "/",
    ],
)
def test_unknown_or_invalid_ids_are_404(client, portal_site, path):
    response = client.get(path)
    assert response.status_code == 404


def test_unpublished_object_is_404_in_every_language(client, portal_site):
    obj = builders.register_object("HIDDEN-1", published=False)
    builders.translate(obj, title="Hidden")
    for lang in ("uk", "en"):
        assert client.get(URL.format(lang=lang, register_id="HIDDEN-1")).status_code == 404


def test_translation_without_published_source_is_404(client, portal_site):
    obj = builders.register_object("HALF-1", published=False)
    translated = builders.translate(obj, title="Half")
    translated.published = True
    translated.save()
    assert client.get("/en/objects/HALF-1/").status_code == 404


def test_object_page_query_count_is_pinned(client, icon, django_assert_max_num_queries):
    """An object with photographs, makers, materials, techniques, measurements, inscriptions
    and relations renders in at most 15 queries, translated or falling back."""
    untranslated = builders.full_object("NHMU-4001", translated=False)
    ObjectRelation.objects.create(register_object=untranslated, related_register_id="NHMU-1002")
    for lang, register_id in (("uk", "NHMU-1001"), ("en", "NHMU-1001"), ("en", "NHMU-4001")):
        get_page(client, lang, register_id)  # renditions are created on the first view
        with django_assert_max_num_queries(15):
            get_page(client, lang, register_id)


def test_object_without_optional_data_renders(client, portal_site):
    """A bare record (title only) renders without empty sections or JSON-LD nulls."""
    builders.register_object("BARE-1", title="Предмет")
    soup = get_page(client, "en", "BARE-1")
    assert not soup.select(".gallery figure")
    assert soup.select_one(".photo--none").get_text(strip=True) == (
        "No photograph has been published for this object yet."
    )
    assert soup.select_one(".object__text") is None
    assert soup.select_one(".object__byline-sep") is None
    data = json_ld(soup)
    assert None not in data.values()
    assert "image" not in data
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"


def test_years_bce_are_written_for_readers_and_in_iso(client, portal_site):
    builders.register_object("OLD-1", date_earliest=-450, date_latest=-400)
    soup = get_page(client, "en", "OLD-1")
    assert facts(soup)["Date or period"].get_text(strip=True) == "450 BCE–400 BCE"
    assert json_ld(soup)["dateCreated"] == "-0450/-0400"


def test_missing_image_file_does_not_break_the_page(client, portal_site):
    """A photograph whose stored file is gone still leaves a working page (and listing)."""
    obj = builders.register_object("NOFILE-1")
    photo = builders.add_photo(obj)
    photo.image.file.storage.delete(photo.image.file.name)
    soup = get_page(client, "uk", "NOFILE-1")
    assert "image" not in json_ld(soup)
    assert soup.find("meta", property="og:image") is None
    assert client.get("/uk/objects/").status_code == 200
