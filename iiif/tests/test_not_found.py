"""Unknown IIIF addresses are plain 404s with CORS, never redirects to a language prefix."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/iiif/3/unknownidentifier/info.json",
        "/iiif/3/unknownidentifier/full/max/0/default.jpg",
        "/iiif/3/collections/exhibitions/not-a-key",
        "/iiif/3/manifests/objects/NOPE",
        "/iiif/3/whatever/a/b",
        "/iiif/4/x",
    ],
)
def test_unknown_iiif_addresses_are_404_not_redirects(client, portal_site, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Location" not in response
    assert "Accept-Language" not in response.get("Vary", "")
