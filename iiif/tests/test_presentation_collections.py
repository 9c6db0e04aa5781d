"""Collections: each holding museum, each exhibition and the whole portal list only what is
published, label it in every language, page large museums, and carry no restricted data."""

import json

import iiif_prezi3
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iiif.presentation.http import MEDIA_TYPE
from iiif.tests.golden import fixture as golden_fixture
from registry.models import RegisterObject, RestrictedObjectData
from registry.tests import builders

pytestmark = pytest.mark.django_db

CANARY = "CANARY-collection-restricted-location"
PORTAL = "/iiif/3/collections/portal"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def published(portal_site):
    return golden_fixture.build(CANARY)


def collection(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == MEDIA_TYPE
    assert response["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.content)
    iiif_prezi3.Collection(**document)
    return document


def item_ids(document):
    return [item["id"].removeprefix("http://testserver/iiif/3/") for item in document["items"]]


def museum_path(code):
    return f"/iiif/3/collections/museums/{code}"


def exhibition_path(published):
    return f"/iiif/3/collections/exhibitions/{published.exhibition_key}"


def test_museum_collection_lists_its_published_objects_in_register_order(client, published):
    document = collection(client, museum_path("namu"))
    assert document["label"] == {
        "uk": ["Національний художній музей України"],
        "en": ["National Art Museum of Ukraine"],
    }
    assert item_ids(document) == ["manifests/objects/NHMU-1001", "manifests/objects/NHMU-1002"]
    icon, towel = document["items"]
    assert icon["label"] == {"uk": ["Богоматір Одигітрія"], "en": ["Virgin Hodegetria"]}
    assert towel["label"] == {"uk": ["Рушник вишитий"]}  # untranslated: Ukrainian only
    identifier = published.image_identifiers["one"]
    assert icon["thumbnail"][0]["service"][0]["id"] == f"http://testserver/iiif/3/{identifier}"
    assert document["homepage"][0]["id"] == "https://namu.kiev.ua/"


def test_museum_without_published_objects_or_unknown_is_404(client, published):
    for code in ("closed", "no-such-museum"):
        response = client.get(museum_path(code))
        assert response.status_code == 404
        assert response["Access-Control-Allow-Origin"] == "*"
    assert "closed" not in client.get(PORTAL).content.decode()


def test_large_museum_is_split_into_parts(client, published, settings):
    settings.IIIF_COLLECTION_PAGE_SIZE = 1
    document = collection(client, museum_path("namu"))
    assert item_ids(document) == ["collections/museums/namu/1", "collections/museums/namu/2"]
    assert document["items"][1]["label"]["en"] == ["Objects 2–2"]
    first = collection(client, museum_path("namu") + "/1")
    second = collection(client, museum_path("namu") + "/2")
    assert item_ids(first) == ["manifests/objects/NHMU-1001"]
    assert item_ids(second) == ["manifests/objects/NHMU-1002"]
    assert second["partOf"][0]["id"] == "http://testserver" + museum_path("namu")
    for number in (0, 3, 99999999999):
        assert client.get(museum_path("namu") + f"/{number}").status_code == 404


def test_exhibition_collection_lists_featured_objects_in_reading_order(client, published):
    """The landing page's objects, then its chapters', each once; never the unpublished."""
    document = collection(client, exhibition_path(published))
    assert document["label"] == {"uk": ["Врятовані скарби"], "en": ["Rescued treasures"]}
    assert item_ids(document) == [
        "manifests/objects/NHMU-1001",
        "manifests/objects/NHMU-1002",
        "manifests/objects/HON-1",
    ]
    assert "thumbnail" not in document["items"][2]  # HON-1 has no photograph
    assert [page["language"] for page in document["homepage"]] == [["uk"], ["en"]]
    for page in document["homepage"]:
        assert client.get(page["id"].removeprefix("http://testserver")).status_code == 200
    assert document["thumbnail"][0]["id"].startswith(
        f"http://testserver/iiif/3/{golden_fixture.HERO_IDENTIFIER}/"
    )


def test_exhibition_drops_an_object_once_it_is_unpublished(client, published):
    RegisterObject.objects.filter(register_id="NHMU-1001").update(published=False)
    document = collection(client, exhibition_path(published))
    assert item_ids(document) == ["manifests/objects/NHMU-1002", "manifests/objects/HON-1"]


def test_unknown_exhibition_is_404(client, published):
    response = client.get("/iiif/3/collections/exhibitions/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"


def test_portal_collection_lists_museums_then_live_exhibitions(client, published):
    document = collection(client, PORTAL)
    assert item_ids(document) == [
        "collections/museums/honchar",
        "collections/museums/namu",
        f"collections/exhibitions/{published.exhibition_key}",
    ]
    assert "Чернетка" not in json.dumps(document, ensure_ascii=False)  # the draft exhibition
    assert set(document["label"]) == {"uk", "en"}


def test_collections_cost_a_fixed_number_of_queries(client, published):
    """A museum's collection costs the same with two objects as with twenty."""
    with CaptureQueriesContext(connection) as few:
        collection(client, museum_path("namu"))
    museum = RegisterObject.objects.in_source_locale().get(register_id="NHMU-1001").holder
    for number in range(18):
        obj = builders.register_object(f"NHMU-2{number:03d}", holder=museum)
        builders.add_photo(obj)
        builders.translate(obj, title=f"Object {number}")
    with CaptureQueriesContext(connection) as many:
        document = collection(client, museum_path("namu"))
    assert len(document["items"]) == 20
    assert len(many) == len(few)


def test_restricted_data_never_reaches_a_collection(client, published):
    restricted = RestrictedObjectData._meta.db_table
    paths = [PORTAL, museum_path("namu"), museum_path("honchar"), exhibition_path(published)]
    for path in paths:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200
        assert CANARY not in response.content.decode(), path
        assert not [q for q in queries.captured_queries if restricted in q["sql"]], path
