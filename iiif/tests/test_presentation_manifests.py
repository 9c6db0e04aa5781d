"""Object manifests: multilingual content, canvases over our image service, links that
resolve, 404s for anything unpublished, the HTTP contract (media type, CORS, caching), a
fixed number of queries, and no restricted data."""

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

CANARY = "CANARY-manifest-restricted-location"
ICON = "/iiif/3/manifests/objects/NHMU-1001"
TOWEL = "/iiif/3/manifests/objects/NHMU-1002"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def published(portal_site):
    return golden_fixture.build(CANARY)


def manifest(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    document = json.loads(response.content)
    iiif_prezi3.Manifest(**document)
    return document


def metadata(document):
    """Metadata as {English label: value map}."""
    return {row["label"]["en"][0]: row["value"] for row in document["metadata"]}


def local(url):
    return url.removeprefix("http://testserver")


# --- content --------------------------------------------------------------------------------


def test_label_summary_and_metadata_are_language_maps_in_uk_and_en(client, published):
    document = manifest(client, ICON)
    assert document["label"] == {"uk": ["Богоматір Одигітрія"], "en": ["Virgin Hodegetria"]}
    assert document["summary"]["en"] == ["An icon on a lime-wood panel with a recessed field."]
    assert document["summary"]["uk"] == ["Ікона на липовій дошці з ковчегом."]
    rows = metadata(document)
    assert rows["Register ID"] == {"none": ["NHMU-1001"]}
    assert rows["Materials"] == {"uk": ["Дерево", "Левкас"], "en": ["Wood", "Gesso"]}
    assert rows["Measurements"]["en"] == ["Height: 45.5 cm", "Width: 33 cm"]
    assert rows["Measurements"]["uk"] == ["Висота: 45,5 см", "Ширина: 33 см"]
    assert rows["Makers"]["en"] == ["Ivan Rutkovych (c. 1650–1708), icon painter"]
    # Labels come from the catalogue in each language, not from the request's language.
    uk_labels = {row["label"]["uk"][0] for row in document["metadata"]}
    assert "Реєстровий ідентифікатор" in uk_labels


def test_untranslated_object_is_labelled_in_ukrainian_only(client, published):
    """Text that would fall back to Ukrainian is not passed off as English; the language
    of choice labels (status) still follows each language."""
    document = manifest(client, TOWEL)
    assert document["label"] == {"uk": ["Рушник вишитий"]}
    assert set(document["summary"]) == {"uk"}
    rows = metadata(document)
    assert rows["Date or period"] == {"uk": ["1920-ті роки"]}
    assert rows["Status"] == {"uk": ["У колекції"], "en": ["In the collection"]}
    assert "requiredStatement" not in document


def test_rights_credit_provider_and_part_of(client, published):
    document = manifest(client, ICON)
    assert document["rights"] == "http://rightsstatements.org/vocab/NoC-NC/1.0/"
    assert document["requiredStatement"]["value"] == {
        "uk": ["Дар родини Шевченків, 1925"],
        "en": ["Gift of the Shevchenko family, 1925"],
    }
    (provider,) = document["provider"]
    assert provider["type"] == "Agent"
    assert provider["label"]["en"] == ["National Art Museum of Ukraine"]
    assert provider["homepage"][0]["id"] == "https://namu.kiev.ua/"
    assert document["partOf"] == [
        {"id": "http://testserver/iiif/3/collections/museums/namu", "type": "Collection"}
    ]
    towel = manifest(client, TOWEL)
    assert towel["rights"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    # The museum's website only when it has one.
    pot = manifest(client, "/iiif/3/manifests/objects/HON-1")
    assert pot["provider"][0]["label"] == {
        "uk": ["Музей Івана Гончара"],
        "en": ["Ivan Honchar Museum"],
    }
    assert "homepage" not in pot["provider"][0]


def test_object_without_rights_or_photographs_has_neither(client, published):
    document = manifest(client, "/iiif/3/manifests/objects/HON-1")
    assert "rights" not in document
    assert "thumbnail" not in document
    assert document["items"] == []


def test_one_canvas_per_photograph_painted_through_the_image_service(client, published):
    document = manifest(client, ICON)
    one, two = published.image_identifiers["one"], published.image_identifiers["two"]
    assert [canvas["id"].rsplit("/", 1)[-1] for canvas in document["items"]] == [one, two]
    first, second = document["items"]
    assert first["label"] == {"uk": ["Лицевий бік"], "en": ["Front"]}
    assert (first["width"], first["height"]) == (64, 48)
    assert first["rights"] == "https://creativecommons.org/licenses/by/4.0/"
    assert first["requiredStatement"]["value"]["en"] == ["Photo: Olena Koval"]
    (page,) = first["items"]
    (annotation,) = page["items"]
    assert annotation["motivation"] == "painting"
    assert annotation["target"] == first["id"]
    body = annotation["body"]
    assert body["format"] == "image/jpeg"
    assert body["id"] == f"http://testserver/iiif/3/{one}/full/max/0/default.jpg"
    assert body["service"] == [
        {"id": f"http://testserver/iiif/3/{one}", "type": "ImageService3", "profile": "level2"}
    ]
    # A large photograph: the canvas has its full size, the body a capped copy.
    assert (second["width"], second["height"]) == (4000, 3000)
    body = second["items"][0]["items"][0]["body"]
    assert (body["width"], body["height"]) == (2048, 1536)
    assert body["id"].endswith(f"/{two}/full/2048,1536/0/default.jpg")
    assert document["thumbnail"][0]["service"][0]["id"] == f"http://testserver/iiif/3/{one}"


def test_canvas_labels_fall_back_to_alt_text(client, published):
    (canvas,) = manifest(client, TOWEL)["items"]
    assert canvas["label"] == {"uk": ["Рушник, розгорнутий на столі"]}


def test_image_services_answer_with_their_info_json(client, published):
    """Every service a manifest names is a working Image API service of the same size."""
    document = manifest(client, ICON)
    for canvas in document["items"]:
        service = canvas["items"][0]["items"][0]["body"]["service"][0]["id"]
        response = client.get(local(service) + "/info.json")
        assert response.status_code == 200, service
        info = json.loads(response.content)
        assert info["id"] == service
        assert (info["width"], info["height"]) == (canvas["width"], canvas["height"])


def test_homepages_and_see_also_resolve_in_each_language(client, published):
    document = manifest(client, ICON)
    assert [page["language"] for page in document["homepage"]] == [["uk"], ["en"]]
    for page in document["homepage"]:
        assert client.get(local(page["id"])).status_code == 200
    for dataset, language in zip(document["seeAlso"], ("uk", "en"), strict=True):
        response = client.get(local(dataset["id"]))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/ld+json")
        assert response["Access-Control-Allow-Origin"] == "*"
        data = json.loads(response.content)
        assert data["@type"] == "VisualArtwork"
        assert data["inLanguage"] == language
    assert json.loads(client.get("/en/objects/NHMU-1001/object.jsonld").content)["name"] == (
        "Virgin Hodegetria"
    )


def test_json_ld_of_unpublished_object_is_404(client, published):
    assert client.get("/uk/objects/NHMU-1003/object.jsonld").status_code == 404
    assert client.post("/uk/objects/NHMU-1001/object.jsonld").status_code == 405


# --- what is not published ------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/iiif/3/manifests/objects/NHMU-1003",  # unpublished
        "/iiif/3/manifests/objects/NO-SUCH-OBJECT",
        "/iiif/3/manifests/objects/CLS-1",  # unpublished, in a museum with nothing published
    ],
)
def test_unpublished_or_unknown_object_is_a_404_with_cors(client, published, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.content  # a reason, never an empty answer


def test_translation_of_an_unpublished_source_has_no_manifest(client, published):
    hidden = RegisterObject.objects.get(register_id="NHMU-1003")
    translated = builders.translate(hidden, title="Hidden")
    RegisterObject.objects.filter(pk=translated.pk).update(published=True)
    assert client.get("/iiif/3/manifests/objects/NHMU-1003").status_code == 404


def test_unpublishing_an_object_withdraws_its_manifest(client, published):
    assert client.get(TOWEL).status_code == 200
    RegisterObject.objects.filter(register_id="NHMU-1002").update(published=False)
    assert client.get(TOWEL).status_code == 404


# --- HTTP -----------------------------------------------------------------------------------


def test_media_type_cors_and_caching_headers(client, published):
    response = client.get(ICON)
    assert response["Content-Type"] == MEDIA_TYPE
    assert MEDIA_TYPE == (
        'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
    )
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=" in response["Cache-Control"] and "public" in response["Cache-Control"]
    etag = response["ETag"]
    again = client.get(ICON, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"
    assert client.get(ICON, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_an_edit_shows_at_once_despite_the_cache(client, published):
    """A saved edit of any language row changes the manifest (and its ETag) at once."""
    before = client.get(ICON)
    assert client.get(ICON)["ETag"] == before["ETag"]
    english = RegisterObject.objects.get(register_id="NHMU-1001", locale__language_code="en")
    english.title = "The Virgin Hodegetria"
    english.save()
    after = client.get(ICON)
    assert after["ETag"] != before["ETag"]
    assert json.loads(after.content)["label"]["en"] == ["The Virgin Hodegetria"]


def test_options_preflight_and_other_methods(client, published):
    response = client.options(ICON, HTTP_ORIGIN="https://viewer.example")
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    missing = client.options("/iiif/3/manifests/objects/NO-SUCH-OBJECT")
    assert missing["Access-Control-Allow-Origin"] == "*"
    refused = client.post(ICON)
    assert refused.status_code == 405
    assert refused["Access-Control-Allow-Origin"] == "*"
    assert client.head(ICON).status_code == 200


# --- cost and secrecy -----------------------------------------------------------------------


def object_with_photos(register_id, count):
    obj = builders.full_object(register_id)
    for number in range(count - 2):
        builders.add_photo(obj, alt_text=f"Фото {number}", sort_order=10 + number)
    return obj


def test_manifest_costs_a_fixed_number_of_queries(client, portal_site):
    """Two photographs or ten: the same queries (rows, prefetches, vocabulary per language)."""
    object_with_photos("FEW-1", 2)
    object_with_photos("MANY-1", 10)
    counts = []
    for register_id in ("FEW-1", "MANY-1"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/iiif/3/manifests/objects/{register_id}")
        assert response.status_code == 200
        counts.append(len(queries))
    assert len(json.loads(response.content)["items"]) == 10
    assert counts[0] == counts[1]


def test_manifest_query_count_is_pinned(client, portal_site, django_assert_num_queries):
    """Built: the version query, the object page's fetch, vocabulary in English. Reused
    from the cache while the rows are unchanged: the version query alone."""
    object_with_photos("MANY-1", 10)
    with django_assert_num_queries(13):
        assert client.get("/iiif/3/manifests/objects/MANY-1").status_code == 200
    with django_assert_num_queries(1):
        assert client.get("/iiif/3/manifests/objects/MANY-1").status_code == 200


def test_unknown_object_costs_one_query(client, portal_site):
    """A 404 reads the register once (Wagtail's redirect middleware then looks for a
    redirect of its own, as for any 404)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/iiif/3/manifests/objects/NO-SUCH-OBJECT").status_code == 404
    assert len([q for q in queries.captured_queries if "registry_" in q["sql"]]) == 1


def test_restricted_data_never_reaches_a_manifest(client, published):
    restricted = RestrictedObjectData._meta.db_table
    assert RestrictedObjectData.objects.filter(storage_location__contains=CANARY).count() == 4
    for path in (
        ICON,
        TOWEL,
        "/iiif/3/manifests/objects/HON-1",
        "/iiif/3/manifests/objects/NHMU-1003",
    ):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert CANARY not in response.content.decode(), path
        assert CANARY not in str(response.headers), path
        assert not [q for q in queries.captured_queries if restricted in q["sql"]], path
