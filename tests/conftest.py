"""Browser-test machinery: Debian's Chromium through Playwright, a live server, and the story
pages of ``tests/story_pages.py`` built once per test module.

pytest-django's ``live_server`` makes every test that uses it transactional (the database is
flushed after each test), so data could not outlive a test. ``site_server`` is a live server
of its own; ``story_site`` builds the pages once for a module, lets the server read them, and
afterwards puts the database back exactly as it found it. Tests that use it are still marked
``django_db``: that is how pytest-django knows to create the test database at all. Their own
transaction stays empty (they only drive the browser) and is rolled back.

Playwright's sync API runs an event loop in the test thread, and Django refuses database calls
from inside one: build data first, then start the browser (``story_browser`` depends on
``story_site`` for that reason), and touch no database in tests that drive the browser: they
get plain URLs and texts from ``story_site``.
"""

from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}


def require_browser():
    """Skip unless Debian's Chromium and Playwright are installed."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (apt-get install chromium).")
    pytest.importorskip("playwright.sync_api")


@contextmanager
def chromium():
    """Debian's Chromium, headless, through Playwright's sync API."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def launch_chromium():
    """``with launch_chromium() as browser:`` starts Chromium; skips the test without it."""
    require_browser()
    return chromium


# --- a live server whose data outlives a test ---------------------------------------------------


def snapshot_database():
    from django.db import connection

    return connection.creation.serialize_db_to_string()


def restore_database(snapshot):
    """Empty the database and load ``snapshot`` into it, as Django's serialized rollback does."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection

    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(snapshot)
    reset_sequences(connection)
    ContentType.objects.clear_cache()
    cache.clear()


def reset_sequences(connection):
    """Move PostgreSQL's id sequences past the rows just loaded with explicit ids (flush
    reset them to 1), so later tests can insert rows. SQLite needs nothing."""
    from django.apps import apps
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def ensure_migrated_data():
    """What migrations create and the pages need, which a transactional test's flush may
    have removed: reloaded from pytest-django's serialized copy when there is one, else the
    Wagtail tree root and root collection made afresh."""
    from django.core.cache import cache
    from django.db import connection
    from wagtail.models import Collection, Locale, Page

    from portal.setup import ensure_locales

    cache.clear()
    if Page.objects.filter(depth=1).exists():
        return
    serialized = getattr(connection, "_test_serialized_contents", None)
    if serialized:
        restore_database(serialized)
    ensure_locales()
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")


def require_test_database():
    """Refuse to write unless the connection is pytest-django's test database (it is only
    created when a collected test is marked ``django_db`` or uses ``db``)."""
    from django.db import connection

    name = str(connection.settings_dict["NAME"])
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    if not (in_memory or name.startswith("test_")):
        pytest.fail(
            f"No test database ({name!r}): mark the tests that use story_site with django_db."
        )


def warm_up(site):
    """Render every page once with Django's test client: each must answer 200, and the image
    renditions they need are made and committed now, not inside a test's transaction."""
    from django.test import Client

    client = Client()
    for key, by_language in site.urls.items():
        for language, url in by_language.items():
            status = client.get(url, HTTP_ACCEPT_LANGUAGE=language).status_code
            if status != 200:
                pytest.fail(f"{key} ({language}) at {url} answered {status}.")


@pytest.fixture(scope="session")
def site_server(django_db_setup, django_db_blocker):
    """A live server on the test database that, unlike ``live_server``, leaves tests
    non-transactional (see the module docstring)."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def story_site(launch_chromium, site_server, django_db_blocker):
    """The story pages (``tests.story_pages.StorySite``), served for the whole module."""
    from tests.story_pages import build_story_site

    with django_db_blocker.unblock():
        require_test_database()
        snapshot = snapshot_database()
        try:
            ensure_migrated_data()
            site = build_story_site()
            warm_up(site)
        except BaseException:
            restore_database(snapshot)
            raise
        try:
            # The server reads the database while the tests run.
            yield site
        finally:
            restore_database(snapshot)


@pytest.fixture(scope="module")
def story_browser(story_site, launch_chromium):
    """Chromium for a module's tests, started once the story pages are built.

    Starting Chromium for each test would cost about two seconds a test, so it runs for the
    whole module, and Playwright's event loop with it. The only database calls this thread
    then makes are pytest-django's opening and rolling back of each test's empty transaction,
    which Django would refuse next to an event loop: DJANGO_ALLOW_ASYNC_UNSAFE allows them
    (nothing runs concurrently: Playwright's sync API blocks this thread while it waits).
    """
    with pytest.MonkeyPatch.context() as patch, launch_chromium() as browser:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield browser


@pytest.fixture
def open_page(story_site, site_server, story_browser):
    """``open_page(key, language)``: a fresh browser tab on a page of ``story_site``.

    Reduced motion is on unless ``reduced_motion="no-preference"``, so sliders, carousels
    and maps move at once instead of animating.
    """
    contexts = []

    def open_page(key, language="uk", *, javascript=True, viewport=None, reduced_motion="reduce"):
        context = story_browser.new_context(
            viewport=viewport or VIEWPORT,
            java_script_enabled=javascript,
            reduced_motion=reduced_motion,
            base_url=site_server.url,
        )
        contexts.append(context)
        page = context.new_page()
        page.goto(story_site.url(key, language))
        return page

    yield open_page
    for context in contexts:
        context.close()
