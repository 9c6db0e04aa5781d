"""Fixtures shared by every app's tests."""

import pytest


@pytest.fixture
def portal_site(db):
    """Locales, a published home page per content language and the default site."""
    from portal.setup import ensure_portal_site

    return ensure_portal_site(hostname="testserver")
