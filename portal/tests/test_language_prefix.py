"""Language prefixes: a language the portal does not publish is a 404, not a redirect."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/fr/", "/de/objects/", "/pl/search/?q=x", "/zh-hans/a/b/"])
def test_a_prefix_of_an_unpublished_language_is_a_404(client, portal_site, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Location" not in response


@pytest.mark.parametrize(("path", "target"), [("/", "/uk/"), ("/objects/", "/uk/objects/")])
def test_an_unprefixed_address_still_redirects_by_language(client, portal_site, path, target):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == target


def test_a_published_language_is_served(client, portal_site):
    assert client.get("/en/").status_code == 200
    assert client.get("/uk/").status_code == 200
