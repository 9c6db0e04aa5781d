"""The judged relevance list: queries a reader types, and what must come first.

The demo museum (66 objects by eight museums, every text in Ukrainian and English) and the
demo exhibitions, stories and themes are loaded once through the real importer and page
loader, then indexed. Each case names the result that must come first, or the set one of
which must come first when several are equally right (all the pysanky for «писанки»).
Inflected forms, Latin transliteration, two-word and English queries and facets are all
covered. The same list runs against every backend the suite runs on: SQLite and PostgreSQL
(the database backend) and OpenSearch when ``OPENSEARCH_URL`` is set.
"""

import pytest
from django.db import transaction
from django.test import Client

from exhibitions.demo.loader import load_story_demo
from registry.demo.loader import load_demo
from registry.models import HoldingMuseum, Material
from search import engine, indexing
from search.documents import live_page_keys
from search.models import SearchDocument

SCALE = 0.1

PYSANKY = {"honchar-001", "honchar-002", "honchar-003", "folk-007", "chernihiv-006"}
#: The theme hub «Писанки» and the story about writing pysanky are as right as the eggs.
PYSANKY_PAGES = {
    "page:Писанки",
    "page:Pysanky",
    "page:Писанка: як пишуть весну",
    "page:Pysanka: Writing the Spring",
}
RUSHNYKY = {"honchar-004", "honchar-005", "chernihiv-002"}
#: The chapter «Писанка і рушник» is about exactly this.
RUSHNYKY_PAGES = {"page:Писанка і рушник", "page:Pysanka and Rushnyk"}
TILES = {"folk-005", "folk-006", "lviv-008"}
KILIMS = {"honchar-008", "folk-008", "chernihiv-007", "kherson-010"}
COINS = {"history-001", "history-002", "history-003", "chernihiv-004"}
CROSSES = {"history-006", "lviv-007", "chernihiv-003"}
CHERNIHIV_TITLES = {
    "chernihiv-002",
    "chernihiv-005",
    "chernihiv-006",
    "chernihiv-007",
    "chernihiv-008",
}
KYIV_TITLES = {"history-007", "history-008"}
DNIPRO_TITLES = {"namu-006", "history-008", "kherson-006", "kherson-001"}

#: (language, query, {facet: values}, what must come first).
CASES = [
    # Ukrainian word forms
    ("uk", "Одигітрія", {}, {"namu-001"}),
    ("uk", "Одигітрії", {}, {"namu-001"}),
    ("uk", "Миколая Чудотворця", {}, {"namu-002"}),
    ("uk", "писанки", {}, {"page:Писанки"}),
    ("uk", "писанкою", {}, PYSANKY | PYSANKY_PAGES),
    ("uk", "рушники", {}, RUSHNYKY | RUSHNYKY_PAGES),
    ("uk", "кахлі", {}, TILES),
    ("uk", "килимів", {}, KILIMS),
    ("uk", "монети", {}, COINS),
    ("uk", "хрести", {}, CROSSES),
    ("uk", "соняшники", {}, {"kharkiv-008"}),
    ("uk", "Черніговом", {}, {"chernihiv-008"}),
    ("uk", "Києва", {}, {"history-008"}),
    ("uk", "Дніпром", {}, DNIPRO_TITLES),
    # two words
    ("uk", "портрет сотника", {}, {"chernihiv-001"}),
    ("uk", "дерево життя", {}, {"honchar-004"}),
    ("uk", "трипільської культури", {}, {"history-004", "history-005"}),
    ("uk", "архангел Михаїл", {}, {"lviv-002"}),
    ("uk", "князя Володимира", {}, {"history-001", "history-002"}),
    # Latin transliteration finds Cyrillic records
    ("uk", "Odyhitriia", {}, {"namu-001"}),
    ("uk", "pysanky", {}, PYSANKY | PYSANKY_PAGES),
    ("uk", "Chernihiv", {}, CHERNIHIV_TITLES),
    ("uk", "Kyiv", {}, KYIV_TITLES),
    ("uk", "rushnyk", {}, RUSHNYKY | RUSHNYKY_PAGES),
    # English
    ("en", "Hodegetria", {}, {"namu-001"}),
    ("en", "sunflowers", {}, {"kharkiv-008", "kherson-005"}),
    ("en", "stove tiles", {}, TILES),
    ("en", "portrait of a captain", {}, {"chernihiv-001"}),
    ("en", "Trypillia vessel", {}, {"history-004", "history-005"}),
    ("en", "coins", {}, COINS),
    ("en", "pysanka", {}, PYSANKY | PYSANKY_PAGES),
    ("en", "Chernihiv", {}, CHERNIHIV_TITLES),
    # an English reader typing Ukrainian
    ("en", "рушник", {}, RUSHNYKY | RUSHNYKY_PAGES),
    ("uk", "рушник", {"kind": "object"}, RUSHNYKY),
    # facets
    ("uk", "ікона", {"museum": "lviv"}, {"lviv-001", "lviv-002", "lviv-003"}),
    ("en", "icon", {"museum": "kharkiv-art"}, {"kharkiv-004"}),
    ("uk", "писанка", {"museum": "chernihiv"}, {"chernihiv-006"}),
    ("en", "kilim", {"material": "вовна"}, KILIMS),
    (
        "uk",
        "ікона",
        {"kind": "object", "status": "moved_for_safekeeping"},
        {"namu-001", "lviv-001", "lviv-002"},
    ),
    ("en", "pysanka", {"kind": "object"}, PYSANKY),
    # exhibitions, stories and themes
    ("uk", "спадщина під вогнем", {}, {"page:Спадщина під вогнем"}),
    ("en", "heritage under fire", {}, {"page:Heritage under Fire"}),
    ("uk", "як пишуть весну", {}, {"page:Писанка: як пишуть весну"}),
]

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    target = tmp_path_factory.mktemp("demo")
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo(target_dir=target, scale=SCALE, workers=1, users=False)
        load_story_demo(target_dir=target / "stories", scale=SCALE)
        # Pages publish inside this transaction, so their commit hooks never run: index here.
        indexing.index_pages(live_page_keys())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def indexed(demo):
    """The demo, and a search service (if configured) holding the same documents."""
    indexing.rebuild_service()


def museum_pk(code):
    return str(HoldingMuseum.objects.get(code=code, locale__language_code="uk").pk)


def facet_params(facets):
    params = {}
    for name, value in facets.items():
        if name == "museum":
            value = museum_pk(value)
        elif name == "material":
            value = str(Material.objects.get(name=value, locale__language_code="uk").pk)
        params[name] = value
    return params


def first_result(language, query, facets):
    from django.http import QueryDict

    params = QueryDict(mutable=True)
    params["q"] = query
    params.update(facet_params(facets))
    search = engine.parse(params, language)
    outcome = engine.run(search.parsed)
    assert not outcome.degraded, "the search service did not answer"
    result = outcome.result
    assert result.ids, f"{query!r} ({language}, {facets}) found nothing"
    document = SearchDocument.objects.get(pk=result.ids[0])
    return document


def label(document):
    if document.kind == "object":
        return document.key.split(":", 1)[1].removeprefix("demo-")
    return f"page:{document.title}"


@pytest.mark.parametrize(("language", "query", "facets", "expected"), CASES)
def test_judged_queries(indexed, language, query, facets, expected):
    document = first_result(language, query, facets)
    assert label(document) in expected, (
        f"{query!r} in {language}: first is {label(document)} «{document.title}», "
        f"expected one of {sorted(expected)}"
    )


def test_the_list_is_long_enough_and_covers_every_kind_of_query():
    assert len(CASES) >= 30
    assert sum(1 for case in CASES if case[2]) >= 5
    assert sum(1 for case in CASES if case[0] == "en") >= 8
    assert sum(1 for case in CASES if case[1].isascii() and case[0] == "uk") >= 5


def test_unpublished_objects_are_never_found(indexed):
    # namu-007 «Хутір біля ставу» and kherson-009 «Хати над річкою» are unpublished.
    client = Client()
    for path in ("/uk/search/?q=хутір", "/en/search/?q=farmstead", "/uk/search/?q=хати+над+річкою"):
        response = client.get(path)
        assert response.status_code == 200
        titles = [hit.title for hit in response.context["page"].hits]
        assert "Хутір біля ставу" not in titles and "A Farmstead by a Pond" not in titles, path
        assert "Хати над річкою" not in titles, path
    assert client.get("/uk/search/?q=хутір").context["page"].total == 0
    assert not SearchDocument.objects.filter(key__endswith="namu-007").exists()


def test_the_search_page_and_suggestions_answer_in_both_languages(indexed):
    client = Client()
    response = client.get("/uk/search/?q=писанки")
    assert response.status_code == 200
    page = response.context["page"]
    assert page.total >= 5
    assert {hit.kind for hit in page.hits} >= {"object"}
    facet_names = {facet.name for facet in page.facets}
    assert {"kind", "type", "museum", "material", "period", "images"} <= facet_names
    english = client.get("/en/search/?q=pysanka&sort=date")
    assert english.status_code == 200
    hits = english.context["page"].hits
    assert hits and all(hit.url.startswith("/en/") for hit in hits)
    suggest = client.get("/uk/search/suggest/?q=писан").json()
    assert suggest["suggestions"]
    assert any("Писанка" in item["title"] for item in suggest["suggestions"])
    latin = client.get("/en/search/suggest/?q=pysan").json()
    assert any("Pysanka" in item["title"] for item in latin["suggestions"])
