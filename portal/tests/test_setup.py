import pytest
from wagtail.models import Locale

from portal.models import HomePage


@pytest.mark.django_db
def test_setup_creates_a_home_page_per_content_language_and_is_idempotent(portal_site):
    from portal.setup import ensure_portal_site

    ensure_portal_site(hostname="testserver")
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"uk", "en"}
    homes = HomePage.objects.live()
    assert sorted(home.locale.language_code for home in homes) == ["en", "uk"]
    assert portal_site.root_page.specific.locale.language_code == "uk"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["uk", "en"])
def test_home_page_is_served_under_its_language_prefix(client, portal_site, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()


@pytest.mark.django_db
def test_root_redirects_by_browser_language(client, portal_site):
    response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    response = client.get("/", headers={"accept-language": "uk"})
    assert response["Location"] == "/uk/"
