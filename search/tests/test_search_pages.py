"""The readers' search page and suggestions: bad input, secrets, drafts, a failing service."""

import uuid

import pytest
from django.test import Client

from registry.tests import builders
from search import backends, engine, indexing
from search.backends import BackendUnavailable
from search.models import SearchDocument

pytestmark = pytest.mark.django_db

CANARY = f"canary{uuid.uuid4().hex[:12]}"


@pytest.fixture
def collection():
    secret = builders.full_object("NHMU-1")
    builders.restrict(secret, CANARY)
    builders.register_object("NHMU-2", title="Писанка «Зірки»", description="Писанка з Косова.")
    builders.register_object("NHMU-3", title="Писанка прихована", published=False)
    indexing.index_objects(["NHMU-1", "NHMU-2", "NHMU-3"])
    # The test's transaction never commits, so a search service is loaded here.
    indexing.rebuild_service()
    return secret


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("page=abc", "is not a page number"),
        ("page=-1", "is not a page number"),
        ("page=99999999999", "is not a page number"),
        ("page=51", "Only the first 50 pages"),
        ("sort=price", "sorted by relevance or by date"),
        ("type=ікона", "is not a value"),
        ("status=lost", "is not a value"),
        ("images=yes", "is not a value"),
        ("period=1850", "is not a value"),
        ("from=abc", "is not a year"),
        ("to=99999999", "is not a year"),
        ("kind=" + "&kind=".join(["object"] * 21), "Too many values"),
    ],
)
def test_bad_parameters_are_a_400_with_a_reason(collection, query, reason):
    with_language = Client().get(f"/en/search/?q=icon&{query}")
    assert with_language.status_code == 400
    assert reason in with_language.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "ікона" * 2000,
        'title:ікона AND (писанка OR *) "quoted" [range TO x] {braces} \\ ^2 ~1 !',
        "ікона\x00\x01\x1b[31m\x7f",
        "field:value",
        "*",
        "   ",
        "NOT",
        "'",
        '"',
    ],
)
def test_odd_queries_get_a_sane_page(collection, query):
    for path in ("/uk/search/", "/uk/search/suggest/"):
        response = Client().get(path, {"q": query})
        assert response.status_code == 200, (path, query[:40])


def test_unknown_facet_values_and_deep_empty_pages_are_sane(collection):
    client = Client()
    response = client.get("/uk/search/?q=писанка&museum=999999&material=123456")
    assert response.status_code == 200 and response.context["page"].total == 0
    response = client.get("/uk/search/?q=писанка&page=40")
    assert response.status_code == 200 and response.context["page"].hits == []


def test_the_restricted_canary_is_found_exactly_like_a_random_string(collection):
    client = Client()
    random = f"canary{uuid.uuid4().hex[:12]}"
    for language in ("uk", "en"):
        canary = client.get(f"/{language}/search/", {"q": CANARY})
        control = client.get(f"/{language}/search/", {"q": random})
        # The same page, byte for byte, but for the query it repeats.
        assert canary.content.decode().replace(CANARY, random) == control.content.decode()
        suggest = client.get(f"/{language}/search/suggest/", {"q": CANARY}).json()
        assert suggest == {"query": CANARY, "suggestions": []}
        for word in ("Сховище", "Евакуйовано"):
            response = client.get(f"/{language}/search/", {"q": word})
            assert response.context["page"].total == 0, word
    assert not SearchDocument.objects.filter(body_terms__icontains=CANARY).exists()


def test_unpublished_objects_and_their_counts_never_show(collection):
    response = Client().get("/uk/search/?q=писанка")
    page = response.context["page"]
    assert [hit.title for hit in page.hits] == ["Писанка «Зірки»"]
    kinds = {facet.name: facet for facet in page.facets}["kind"]
    assert [(value.value, value.count) for value in kinds.values] == [("object", 1)]
    assert "прихована" not in response.content.decode()


def test_facet_links_keep_the_search_and_toggle_one_value(collection):
    response = Client().get("/en/search/?q=icon&sort=date")
    page = response.context["page"]
    kinds = {facet.name: facet for facet in page.facets}["kind"]
    url = kinds.values[0].url
    assert url.startswith("/en/search/?") and "q=icon" in url and "kind=object" in url
    assert "sort=date" in url
    selected = Client().get(url).context["page"]
    assert {facet.name: facet for facet in selected.facets}["kind"].values[0].selected
    assert selected.active_filters and selected.clear_all_url == "/en/search/?q=icon"


class BrokenService:
    def search(self, query):
        raise BackendUnavailable("connection refused")

    def autocomplete(self, *args):
        raise BackendUnavailable("connection refused")


def test_a_failing_search_service_falls_back_to_the_database(collection, monkeypatch):
    monkeypatch.setattr(engine, "service_backend", BrokenService)
    response = Client().get("/uk/search/?q=писанка")
    assert response.status_code == 200
    page = response.context["page"]
    assert page.degraded and [hit.title for hit in page.hits] == ["Писанка «Зірки»"]
    suggest = Client().get("/uk/search/suggest/?q=писан").json()
    assert [item["title"] for item in suggest["suggestions"]] == ["Писанка «Зірки»"]


def test_saving_an_object_reindexes_it_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        obj = builders.register_object("C-1", title="Кахля з Косова")
    assert SearchDocument.objects.filter(key="object:C-1").count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        obj.published = False
        obj.save()
    assert not SearchDocument.objects.filter(key="object:C-1").exists()
    backends.reset()


def test_a_query_of_stopwords_only_finds_nothing_rather_than_everything(collection):
    page = Client().get("/en/search/?q=the+of+and").context["page"]
    assert page.total == 0 and not page.is_browse
    assert Client().get("/en/search/").context["page"].total == 2
