"""Every manifest and collection the portal publishes: accepted by iiif_prezi3's models and
pinned by golden files (iiif/tests/golden/; IIIF_GOLDEN_UPDATE=1 regenerates them)."""

import json

import iiif_prezi3
import pytest
from django.core.cache import cache

from iiif.tests.golden import assert_golden
from iiif.tests.golden import fixture as golden_fixture

pytestmark = pytest.mark.django_db

CANARY = "CANARY-golden-restricted-location"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def published(portal_site):
    return golden_fixture.build(CANARY)


def documents(collection):
    """(golden name, path) of every document the fixture publishes."""
    yield "manifest-NHMU-1001", "/iiif/3/manifests/objects/NHMU-1001"
    yield "manifest-NHMU-1002", "/iiif/3/manifests/objects/NHMU-1002"
    yield "manifest-HON-1", "/iiif/3/manifests/objects/HON-1"
    yield "collection-portal", "/iiif/3/collections/portal"
    yield "collection-museum-namu", f"/iiif/3/collections/museums/{collection.museum_code}"
    yield "collection-museum-honchar", f"/iiif/3/collections/museums/{collection.other_museum_code}"
    yield "collection-exhibition", f"/iiif/3/collections/exhibitions/{collection.exhibition_key}"


def validate(document):
    """Parse with iiif_prezi3's model for the document's type (it raises when invalid)."""
    model = {"Manifest": iiif_prezi3.Manifest, "Collection": iiif_prezi3.Collection}
    return model[document["type"]](**document)


def test_every_document_is_valid_iiif_and_matches_its_golden_file(client, published):
    for name, path in documents(published):
        response = client.get(path)
        assert response.status_code == 200, (path, response.content[:200])
        document = json.loads(response.content)
        validate(document)
        assert_golden(name, document)


def test_every_linked_document_is_published_and_valid(client, published):
    """Walking the portal collection down to every manifest reaches only valid documents,
    and every manifest of the fixture's published objects is reached."""
    seen, queue = set(), ["http://testserver/iiif/3/collections/portal"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url.removeprefix("http://testserver"))
        assert response.status_code == 200, url
        document = json.loads(response.content)
        validate(document)
        if document["type"] == "Collection":
            queue.extend(item["id"] for item in document.get("items", []))
    manifests = {url.rsplit("/", 1)[-1] for url in seen if "/manifests/objects/" in url}
    assert manifests == {"NHMU-1001", "NHMU-1002", "HON-1"}


def test_prezi3_rejects_a_broken_manifest():
    """The validator used above can fail: a manifest without a label is refused."""
    with pytest.raises(ValueError):
        iiif_prezi3.Manifest(id="https://example.org/m", type="Manifest", items=[])
