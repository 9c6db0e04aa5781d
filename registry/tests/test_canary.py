"""Canary: restricted data (storage and evacuation locations, other restricted fields) never
reaches a public response, and public views never even query its table."""

import json
import uuid

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registry.models import RestrictedObjectData
from registry.tests import builders

pytestmark = pytest.mark.django_db

CANARY = f"CANARY-{uuid.uuid4().hex}"
RESTRICTED_TABLE = RestrictedObjectData._meta.db_table


@pytest.fixture
def secrets(portal_site):
    """A translated object, an untranslated one and an unpublished one, each with the canary
    in every restricted field; the first two are featured on the home pages."""
    translated = builders.full_object("CAN-1", related_ids=["CAN-2", "CAN-3"])
    untranslated = builders.full_object("CAN-2", translated=False)
    hidden = builders.register_object("CAN-3", published=False)
    for obj in (translated, untranslated, hidden):
        builders.restrict(obj, CANARY)
    assert RestrictedObjectData.objects.filter(storage_location__contains=CANARY).count() == 3
    return [translated, untranslated, hidden]


def public_paths():
    for lang in ("uk", "en"):
        yield f"/{lang}/"
        yield f"/{lang}/objects/"
        yield f"/{lang}/objects/?page=1"
        yield f"/{lang}/objects/CAN-1/"
        yield f"/{lang}/objects/CAN-2/"
        yield f"/{lang}/objects/CAN-3/"  # unpublished: 404
        yield f"/{lang}/objects/NO-SUCH-OBJECT/"  # 404
        yield f"/{lang}/objects/?page=99"  # 404
    yield "/objects/CAN-1/"  # x-default redirect
    yield "/sitemap.xml"
    for lang in ("uk", "en"):
        yield f"/sitemap-objects-{lang}.xml"
        yield f"/sitemap-pages-{lang}.xml"


def test_restricted_data_appears_in_no_public_response(client, secrets):
    """Object pages (with their JSON-LD and meta tags) and listings in every language, home
    pages, the sitemaps and 404 pages never contain the canary, and never query the
    restricted table."""
    seen = {}
    for path in public_paths():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        seen[path] = response.status_code
        body = response.content.decode()
        assert CANARY not in body, path
        assert CANARY not in str(response.headers), path
        touched = [q["sql"] for q in queries.captured_queries if RESTRICTED_TABLE in q["sql"]]
        assert not touched, (path, touched)
    assert seen["/uk/objects/CAN-1/"] == 200
    assert seen["/en/objects/CAN-2/"] == 200
    assert seen["/uk/objects/CAN-3/"] == 404
    assert seen["/en/objects/NO-SUCH-OBJECT/"] == 404


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_json_ld_carries_no_restricted_data(client, secrets, lang):
    for register_id in ("CAN-1", "CAN-2"):
        soup = BeautifulSoup(client.get(f"/{lang}/objects/{register_id}/").content, "html.parser")
        (script,) = soup.find_all("script", type="application/ld+json")
        data = json.loads(script.string)
        assert CANARY not in json.dumps(data, ensure_ascii=False)
        assert data["identifier"][0]["value"] == register_id


def test_unpublished_object_with_restricted_data_is_not_linked_or_listed(client, secrets):
    for lang in ("uk", "en"):
        page = client.get(f"/{lang}/objects/CAN-1/").content.decode()
        assert "/objects/CAN-3/" not in page
        assert "CAN-3" not in client.get(f"/{lang}/objects/").content.decode()
    for lang in ("uk", "en"):
        assert "CAN-3" not in client.get(f"/sitemap-objects-{lang}.xml").content.decode()
