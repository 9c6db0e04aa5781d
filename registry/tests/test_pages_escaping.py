"""Register text is data, never markup: injected HTML, handlers and URLs are neutralised."""

import json

import pytest
from bs4 import BeautifulSoup

from registry.models import ObjectInscription, RegisterObject
from registry.tests import builders

pytestmark = pytest.mark.django_db

PAYLOAD = (
    '</script><script>alert("x")</script><img src=x onerror="alert(1)"> " onmouseover="alert(2)'
)
JS_URL = "javascript:alert(3)"


@pytest.fixture
def hostile(portal_site):
    """An object whose every text field, and every URL field, carries an attack."""
    holder = builders.museum(PAYLOAD, place=PAYLOAD, website=JS_URL)
    obj = builders.register_object(
        "EVIL-1",
        holder=holder,
        object_type=builders.object_type(PAYLOAD),
        title=PAYLOAD,
        description=PAYLOAD,
        subject=PAYLOAD,
        distinguishing_features=PAYLOAD,
        date_display=PAYLOAD,
        place_of_origin=PAYLOAD,
        status="stolen",
        status_note=PAYLOAD,
        rights=JS_URL,
        credit_line=PAYLOAD,
        inventory_number=PAYLOAD,
    )
    builders.add_maker(obj, PAYLOAD, role=PAYLOAD, dates=PAYLOAD)
    ObjectInscription.objects.create(
        register_object=obj,
        locale=obj.locale,
        transcription=PAYLOAD,
        translation=PAYLOAD,
        position=PAYLOAD,
    )
    builders.add_photo(obj, alt_text=PAYLOAD, caption=PAYLOAD, credit=PAYLOAD, rights=JS_URL)
    builders.translate(obj, title=PAYLOAD, description=PAYLOAD, status_note=PAYLOAD)
    return obj


def assert_inert(content):
    """No script but JSON-LD and the portal's own static modules, no event-handler
    attribute, no javascript: URL."""
    text = content.decode()
    assert 'alert("x")</script>' not in text
    assert "<img src=x" not in text
    soup = BeautifulSoup(content, "html.parser")
    for script in soup.find_all("script"):
        own_module = (
            script.get("type") == "module"
            and script.get("src", "").startswith("/static/")
            and not script.string
        )
        assert own_module or script.get("type") == "application/ld+json", script
    for element in soup.find_all(True):
        for attribute, value in element.attrs.items():
            assert not attribute.lower().startswith("on"), (element.name, attribute)
            values = value if isinstance(value, list) else [value]
            assert not any("javascript:" in v.lower() for v in values), (element.name, attribute)
    return soup


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_injected_markup_on_object_page_is_escaped(client, hostile, lang):
    response = client.get(f"/{lang}/objects/EVIL-1/")
    assert response.status_code == 200
    soup = assert_inert(response.content)
    assert soup.h1.get_text() == PAYLOAD
    (script,) = soup.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["name"] == PAYLOAD
    assert data["description"] == PAYLOAD
    assert "license" not in data


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_injected_markup_on_listing_and_home_is_escaped(client, hostile, lang):
    for path in (f"/{lang}/objects/", f"/{lang}/"):
        response = client.get(path)
        assert response.status_code == 200
        assert_inert(response.content)


def test_hostile_urls_are_not_linked(client, hostile):
    soup = BeautifulSoup(client.get("/uk/objects/EVIL-1/").content, "html.parser")
    assert soup.find("a", rel="license") is None
    assert "Права" not in [dt.get_text(strip=True) for dt in soup.select(".facts dt")]
    assert not soup.select(".facts a[href]")


def test_register_ids_in_urls_are_only_the_register_pattern(client, portal_site):
    """Nothing but a valid register ID reaches the view, so an ID cannot carry markup."""
    assert RegisterObject.objects.count() == 0
    for path in ('/uk/objects/"><script>/', "/uk/objects/a%22onmouseover%3D/"):
        response = client.get(path)
        assert response.status_code == 404
        assert b"<script>" not in response.content.replace(
            b'<script type="application/ld+json">', b""
        )
