"""The readers' index follows the data: documents per language, facets, bulk updates."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registry.models import ObjectStatus
from registry.tests import builders
from search import indexing
from search.backends import ParsedQuery, database_backend
from search.documents import centuries, object_documents
from search.models import SearchDocument, split_facet_token

pytestmark = pytest.mark.django_db


def search(language, *words, **filters):
    from search.analysis import query_terms

    parsed = ParsedQuery(
        language=language,
        words=tuple(query_terms(" ".join(words))),
        filters={name: frozenset(values) for name, values in filters.items()},
        facets=("kind", "material", "museum", "period", "images"),
        limit=50,
    )
    return database_backend().search(parsed)


def keys(result):
    documents = SearchDocument.objects.in_bulk(result.ids)
    return [documents[pk].key for pk in result.ids]


def test_an_object_has_one_document_per_language_with_both_texts():
    obj = builders.full_object("NHMU-1")
    assert indexing.index_objects(["NHMU-1"]) == 2

    uk = SearchDocument.objects.get(key="object:NHMU-1", language="uk")
    en = SearchDocument.objects.get(key="object:NHMU-1", language="en")
    assert (uk.title, uk.text_language) == ("Богоматір Одигітрія", "")
    assert (en.title, en.text_language) == ("Virgin Hodegetria", "")
    assert en.url == obj.get_absolute_url("en")
    # The English document is found by its Ukrainian words too, and both by word forms.
    assert keys(search("en", "липовій")) == ["object:NHMU-1"]
    assert keys(search("en", "lime-wood", "icon")) == ["object:NHMU-1"]
    assert keys(search("uk", "іконою")) == ["object:NHMU-1"]
    assert keys(search("uk", "Rutkovych")) == ["object:NHMU-1"]
    assert en.has_images == "1" and en.image_alt == "The icon, front"
    assert uk.museum_name == "Національний художній музей України"
    assert en.museum_name == "National Art Museum of Ukraine"
    values = set(map(split_facet_token, uk.facet_tokens))
    assert ("period", "1600") in values and ("period", "1700") in values
    assert {facet for facet, _value in values} == {"material", "technique", "period"}


def test_an_untranslated_object_shows_its_source_text_in_english_and_says_so():
    builders.register_object(
        "U-1", title="Писанка з Косова", description="Писанка, розписана воском."
    )
    indexing.index_objects(["U-1"])
    en = SearchDocument.objects.get(key="object:U-1", language="en")
    assert (en.title, en.text_language) == ("Писанка з Косова", "uk")
    assert en.summary == "Писанка, розписана воском."
    assert keys(search("en", "pysanky")) == ["object:U-1"]


def test_unpublishing_takes_an_object_out_and_deleting_it_too():
    builders.register_object("P-1", title="Рушник")
    builders.register_object("P-2", title="Рушник вишитий")
    indexing.index_objects(["P-1", "P-2"])
    assert sorted(keys(search("uk", "рушник"))) == ["object:P-1", "object:P-2"]

    from registry.models import RegisterObject

    RegisterObject.objects.filter(register_id="P-1").update(published=False)
    RegisterObject.objects.filter(register_id="P-2").delete()
    indexing.index_objects(["P-1", "P-2"])
    assert keys(search("uk", "рушник")) == []
    assert not SearchDocument.objects.filter(key__in=["object:P-1", "object:P-2"]).exists()


def test_facet_counts_are_disjunctive_and_filters_combine():
    wood = builders.term(builders.Material, "Дерево", en={"name": "Wood"})
    glass = builders.term(builders.Material, "Скло", en={"name": "Glass"})
    for register_id, material, year in (
        ("F-1", wood, 1810),
        ("F-2", glass, 1820),
        ("F-3", wood, 1910),
    ):
        obj = builders.register_object(
            register_id, title="Ікона", date_earliest=year, date_latest=year
        )
        builders.ObjectMaterial.objects.create(register_object=obj, material=material)
    indexing.index_objects(["F-1", "F-2", "F-3"])

    result = search("uk", "ікона", material={str(wood.pk)})
    assert sorted(keys(result)) == ["object:F-1", "object:F-3"]
    # The material facet still counts glass (its own filter is left out) ...
    assert result.facets["material"] == {str(wood.pk): 2, str(glass.pk): 1}
    # ... while the other facets count within the selection.
    assert result.facets["period"] == {"1800": 1, "1900": 1}
    both = search("uk", "ікона", material={str(wood.pk), str(glass.pk)}, period={"1800"})
    assert sorted(keys(both)) == ["object:F-1", "object:F-2"]
    assert both.total == 2


def test_an_import_batch_is_indexed_with_a_bounded_number_of_queries():
    for number in range(12):
        obj = builders.register_object(f"B-{number}", title=f"Кахля {number}")
        builders.add_photo(obj)
        builders.translate(obj, title=f"Tile {number}")
    with CaptureQueriesContext(connection) as queries:
        indexing.index_objects([f"B-{number}" for number in range(12)])
    assert SearchDocument.objects.filter(kind="object").count() == 24
    assert len(queries) <= 25, [query["sql"][:120] for query in queries]


def test_restricted_data_never_reaches_a_document():
    obj = builders.full_object("R-1")
    secret = "CANARY-d41d8cd98f00b204"
    builders.restrict(obj, secret)
    indexing.index_objects(["R-1"])
    for document in SearchDocument.objects.all():
        text = " ".join(str(value) for value in document.__dict__.values())
        assert secret.lower() not in text.lower()
        assert "сховище" not in document.body_terms


def test_status_and_periods():
    assert centuries(1750, 1799) == ["1700"]
    assert centuries(1680, 1700) == ["1600", "1700"]
    assert centuries(-150, 20) == ["-200", "-100", "0"]
    assert centuries(None, 1901) == ["1900"]
    assert centuries(-4000, -3001) == ["-4000", "-3100"]
    assert centuries(1400, 1899) == ["1400", "1500", "1600", "1700", "1800"]
    builders.register_object("S-1", title="Хрест", status=ObjectStatus.STOLEN)
    built = object_documents(["S-1"], model_objects=set())
    assert {document.status for document in built.documents} == {"stolen"}


def test_update_index_and_rebuild_search_index_rebuild_the_readers_index():
    from django.core.management import call_command

    builders.register_object("M-1", title="Глечик")
    assert not SearchDocument.objects.exists()
    call_command("update_index", verbosity=0)
    assert SearchDocument.objects.filter(key="object:M-1").count() == 2
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index", verbosity=0)
    assert SearchDocument.objects.filter(key="object:M-1").count() == 2


def fts_integrity_check():
    """SQLite: FTS5's own check that its index matches the documents table (raises if not)."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")
def test_the_text_index_stays_whole_through_adds_changes_and_removals():
    """Documents enter FTS5 in bulk (migration 0004), leave it through the delete trigger."""
    for number in range(6):
        builders.register_object(f"T-{number}", title=f"Глечик {number}")
    indexing.index_objects([f"T-{number}" for number in range(6)])
    fts_integrity_check()

    from registry.models import RegisterObject

    RegisterObject.objects.filter(register_id="T-1").update(title="Кахля")
    RegisterObject.objects.filter(register_id="T-2").update(published=False)
    RegisterObject.objects.filter(register_id="T-3").delete()
    indexing.index_objects(["T-1", "T-2", "T-3"])
    fts_integrity_check()

    assert sorted(keys(search("uk", "кахля"))) == ["object:T-1"]
    assert sorted(keys(search("uk", "глечик"))) == ["object:T-0", "object:T-4", "object:T-5"]
    indexing.rebuild()
    fts_integrity_check()
    assert search("uk", "глечик").total == 3


def test_known_terms_stand_in_for_analysing_the_texts_they_hold():
    from search.documents import analysed, known_terms, terms

    assert terms("Іконою", "") == analysed("Іконою") == "ікона ikona"
    with known_terms({"Іконою": "прораховано"}):
        assert terms("Іконою", "Києві") == "прораховано " + analysed("Києві")
    assert terms("Іконою") == "ікона ikona"
