"""Settings read the environment at import, so each variant runs in a fresh subprocess.

Every subprocess gets a controlled environment (nothing inherited but PATH), so a developer's
or CI's DATABASE_URL, REDIS_URL or AWS_* variables never leak into what is being tested.
"""

import json
import os
import secrets
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

from portal.settings.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION = "portal.settings.production"

# docs/deployment.md's production environment, less the services (check --deploy connects to
# none of them).
DOCUMENTED_PRODUCTION_ENV = {
    "ALLOWED_HOSTS": "heritage.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://heritage.example.org",
    "PORTAL_BASE_URL": "https://heritage.example.org",
    "SECURE_HSTS_PRELOAD": "true",
}

_PROBE = """
import importlib, json, sys
module = importlib.import_module(sys.argv[1])
json.dump({name: getattr(module, name) for name in sys.argv[2:]}, sys.stdout, default=str)
"""


def clean_env(tmp_path, **variables):
    """A minimal environment: PATH, a throwaway var/ folder, and the given variables."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "TMPDIR": str(tmp_path),
        "PORTAL_VAR_DIR": str(tmp_path / "var"),
    }
    env.update({name: str(value) for name, value in variables.items() if value is not None})
    return env


def run_python(code, env, *args, timeout=120):
    """Run Python code from the project root in a subprocess with exactly ``env``."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_django(code, env, *args, settings_module=PRODUCTION):
    """Run code after django.setup() under ``settings_module``; fail loudly on an error."""
    result = run_python(
        "import django\ndjango.setup()\n" + textwrap.dedent(code),
        {**env, "DJANGO_SETTINGS_MODULE": settings_module},
        *args,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def load_settings(env, *names, module=PRODUCTION):
    """Import a settings module in a subprocess and return the named values (via JSON)."""
    result = run_python(_PROBE, env, module, *names)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def settings_error(env, module=PRODUCTION):
    """Import a settings module that must fail; return the last line of its traceback."""
    result = run_python(_PROBE, env, module, "DEBUG")
    assert result.returncode != 0, "the settings imported without an error"
    return result.stderr.strip().splitlines()[-1]


def production_env(tmp_path, **variables):
    return clean_env(tmp_path, SECRET_KEY=secrets.token_urlsafe(50), **variables)


# The strict base ----------------------------------------------------------------------------


@pytest.mark.parametrize("secret_key", [None, ""])
def test_production_without_secret_key_is_improperly_configured(tmp_path, secret_key):
    """A missing or empty SECRET_KEY stops production settings with a message naming it."""
    error = settings_error(clean_env(tmp_path, SECRET_KEY=secret_key))
    assert error.startswith("django.core.exceptions.ImproperlyConfigured:")
    assert "SECRET_KEY is required" in error
    assert "docs/configuration.md" in error


def test_check_deploy_passes_with_the_documented_production_variables(tmp_path):
    """`manage.py check --deploy --fail-level WARNING` is clean with docs/deployment.md's env."""
    secret_key = secrets.token_urlsafe(50)
    assert len(secret_key) >= 50
    env = clean_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE=PRODUCTION,
        SECRET_KEY=secret_key,
        STATIC_ROOT=tmp_path / "static",
        MEDIA_ROOT=tmp_path / "media",
        **DOCUMENTED_PRODUCTION_ENV,
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_is_strict_about_https_cookies_and_debug(tmp_path):
    """Production defaults: no DEBUG, HTTPS redirect, a year of HSTS, secure cookies."""
    values = load_settings(
        production_env(tmp_path),
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_PROXY_SSL_HEADER",
        "X_FRAME_OPTIONS",
    )
    assert values == {
        "DEBUG": False,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "X_FRAME_OPTIONS": "DENY",
    }


@pytest.mark.parametrize("module", ["portal.settings.dev", "portal.settings.test"])
def test_dev_and_test_settings_need_no_environment(tmp_path, module):
    """Development and test settings start with no variables and relax HTTPS-only settings."""
    values = load_settings(
        clean_env(tmp_path),
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "SECRET_KEY",
        module=module,
    )
    assert values["DEBUG"] is (module == "portal.settings.dev")
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SESSION_COOKIE_SECURE"] is False
    assert "insecure" in values["SECRET_KEY"]


# The embedded default -----------------------------------------------------------------------


def test_embedded_default_uses_sqlite_local_media_database_search_and_locmem(tmp_path):
    """With no service variables: SQLite in var/, media/ on disk, database search, LocMem."""
    values = load_settings(
        production_env(tmp_path),
        "DATABASES",
        "STORAGES",
        "MEDIA_ROOT",
        "MEDIA_URL",
        "WAGTAILSEARCH_BACKENDS",
        "CACHES",
        "TASKS",
    )
    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(database["NAME"]) == tmp_path / "var" / "db.sqlite3"
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert values["STORAGES"]["default"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }
    assert Path(values["MEDIA_ROOT"]) == BASE_DIR / "media"
    assert values["MEDIA_URL"] == "/media/"
    assert values["WAGTAILSEARCH_BACKENDS"] == {
        "default": {"BACKEND": "wagtail.search.backends.database"}
    }
    assert values["CACHES"]["default"]["BACKEND"] == (
        "django.core.cache.backends.locmem.LocMemCache"
    )
    assert values["TASKS"]["default"]["BACKEND"] == (
        "django_tasks.backends.immediate.ImmediateBackend"
    )


@pytest.mark.parametrize("module", [PRODUCTION, "portal.settings.dev"])
def test_embedded_sqlite_connection_runs_in_wal_mode(tmp_path, module):
    """A real connection reports journal_mode=wal, synchronous=NORMAL and foreign keys on."""
    output = run_django(
        """
        import json
        from django.db import connection
        with connection.cursor() as cursor:
            pragmas = {
                name: cursor.execute(f"PRAGMA {name}").fetchone()[0]
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            }
        print(json.dumps({"vendor": connection.vendor, **pragmas}))
        """,
        production_env(tmp_path),
        settings_module=module,
    )
    assert json.loads(output) == {
        "vendor": "sqlite",
        "journal_mode": "wal",
        "synchronous": 1,
        "foreign_keys": 1,
        "busy_timeout": 5000,
    }
    # WAL is a property of the database file: a plain connection sees it too.
    with closing(sqlite3.connect(tmp_path / "var" / "db.sqlite3")) as plain:
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# Each service switches on through its variable ----------------------------------------------


def test_database_url_switches_to_postgresql(tmp_path):
    """DATABASE_URL selects PostgreSQL with persistent, health-checked connections."""
    url = "postgres://portal:s3cret@db.internal:5433/heritage"
    database = load_settings(production_env(tmp_path, DATABASE_URL=url), "DATABASES")["DATABASES"][
        "default"
    ]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["USER"], database["HOST"], database["PORT"]) == (
        "heritage",
        "portal",
        "db.internal",
        5433,
    )
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    assert not (tmp_path / "var").exists(), "no SQLite folder is created for PostgreSQL"

    database = load_settings(
        production_env(tmp_path, DATABASE_URL=url, DATABASE_CONN_MAX_AGE="0"), "DATABASES"
    )["DATABASES"]["default"]
    assert database["CONN_MAX_AGE"] == 0


@pytest.mark.postgres
@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="set DATABASE_URL=postgres://… to connect production settings to PostgreSQL",
)
def test_database_url_connects_production_settings_to_postgresql(tmp_path):
    """With a real server, production settings open a PostgreSQL connection."""
    output = run_django(
        """
        from django.db import connection
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            print(connection.vendor, cursor.fetchone()[0])
        """,
        production_env(tmp_path, DATABASE_URL=os.environ["DATABASE_URL"]),
    )
    assert output.split() == ["postgresql", "1"]


def test_aws_storage_bucket_name_switches_default_storage_to_s3(tmp_path):
    """S3 only when a bucket is named; stored files are never overwritten."""
    env = production_env(
        tmp_path,
        AWS_STORAGE_BUCKET_NAME="heritage-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_S3_REGION_NAME="eu-central-1",
        AWS_S3_CUSTOM_DOMAIN="media.heritage.example.org",
        AWS_LOCATION="portal",
    )
    storage = load_settings(env, "STORAGES")["STORAGES"]
    options = storage["default"]["OPTIONS"]
    assert storage["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert options["bucket_name"] == "heritage-media"
    assert options["endpoint_url"] == "https://s3.example.org"
    assert options["region_name"] == "eu-central-1"
    assert options["custom_domain"] == "media.heritage.example.org"
    assert options["location"] == "portal"
    assert options["file_overwrite"] is False
    assert options["querystring_auth"] is False
    # Static files stay with whitenoise on the app servers.
    assert storage["staticfiles"]["BACKEND"].startswith("whitenoise.")

    # django-storages accepts every option we pass (it rejects unknown ones).
    output = run_django(
        """
        from django.core.files.storage import default_storage
        default_storage._setup()
        wrapped = default_storage._wrapped
        print(type(wrapped).__name__, wrapped.bucket_name, wrapped.file_overwrite)
        """,
        env,
    )
    assert output.split() == ["S3Storage", "heritage-media", "False"]


@pytest.mark.parametrize(
    ("variables", "backend"),
    [
        ({"ELASTICSEARCH_URL": "http://127.0.0.1:9200"}, "wagtail.search.backends.elasticsearch9"),
        (
            {"ELASTICSEARCH_URL": "http://127.0.0.1:9200", "ELASTICSEARCH_VERSION": "8"},
            "wagtail.search.backends.elasticsearch8",
        ),
        ({"OPENSEARCH_URL": "http://127.0.0.1:9200"}, "wagtail.search.backends.opensearch3"),
        (
            {"OPENSEARCH_URL": "http://127.0.0.1:9200", "OPENSEARCH_VERSION": "2"},
            "wagtail.search.backends.opensearch2",
        ),
    ],
)
def test_search_service_urls_select_the_wagtail_backend(tmp_path, variables, backend):
    """ELASTICSEARCH_URL / OPENSEARCH_URL pick Wagtail's backend for the server's major version."""
    env = production_env(tmp_path, SEARCH_INDEX_PREFIX="heritage", SEARCH_TIMEOUT="7", **variables)
    search = load_settings(env, "WAGTAILSEARCH_BACKENDS")["WAGTAILSEARCH_BACKENDS"]["default"]
    assert search["BACKEND"] == backend
    assert search["URLS"] == ["http://127.0.0.1:9200"]
    assert search["INDEX"] == "heritage"
    assert search["TIMEOUT"] == 7


def test_default_search_backends_match_the_installed_clients(tmp_path):
    """The default versions (Elasticsearch 9, OpenSearch 3) import with the pinned clients."""
    for variable in ("ELASTICSEARCH_URL", "OPENSEARCH_URL"):
        output = run_django(
            """
            import importlib
            from django.conf import settings
            backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
            print(importlib.import_module(backend).SearchBackend.__name__)
            """,
            production_env(tmp_path, **{variable: "http://127.0.0.1:9200"}),
        )
        assert output.strip().endswith("SearchBackend")


def test_elasticsearch_and_opensearch_together_is_an_error(tmp_path):
    error = settings_error(
        production_env(
            tmp_path,
            ELASTICSEARCH_URL="http://127.0.0.1:9200",
            OPENSEARCH_URL="http://127.0.0.1:9201",
        )
    )
    assert error == (
        "django.core.exceptions.ImproperlyConfigured: "
        "Set ELASTICSEARCH_URL or OPENSEARCH_URL, not both."
    )


def test_redis_url_switches_the_cache_to_redis(tmp_path):
    """REDIS_URL selects Django's Redis cache, shared by every app server, with a key prefix."""
    url = "redis://cache.internal:6379/2"
    cache = load_settings(production_env(tmp_path, REDIS_URL=url), "CACHES")["CACHES"]["default"]
    assert cache == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "portal",
    }
    cache = load_settings(
        production_env(tmp_path, REDIS_URL=url, CACHE_KEY_PREFIX="staging"), "CACHES"
    )["CACHES"]["default"]
    assert cache["KEY_PREFIX"] == "staging"


# Languages ----------------------------------------------------------------------------------


def test_content_languages_add_a_language_after_ukrainian(tmp_path):
    """CONTENT_LANGUAGES=uk,en,pl gives Django and Wagtail the same three languages."""
    values = load_settings(
        production_env(tmp_path, CONTENT_LANGUAGES="uk, en ,PL"),
        "LANGUAGE_CODE",
        "LANGUAGES",
        "WAGTAIL_CONTENT_LANGUAGES",
        "WAGTAIL_I18N_ENABLED",
    )
    expected = [["uk", "Українська"], ["en", "English"], ["pl", "polski"]]
    assert values == {
        "LANGUAGE_CODE": "uk",
        "LANGUAGES": expected,
        "WAGTAIL_CONTENT_LANGUAGES": expected,
        "WAGTAIL_I18N_ENABLED": True,
    }


def test_content_languages_accept_a_code_django_does_not_know_with_its_name(tmp_path):
    values = load_settings(
        production_env(tmp_path, CONTENT_LANGUAGES="uk,en,crh:Qırımtatarca"), "LANGUAGES"
    )
    assert values["LANGUAGES"][-1] == ["crh", "Qırımtatarca"]


def test_default_content_languages_are_ukrainian_then_english(tmp_path):
    values = load_settings(production_env(tmp_path), "LANGUAGES")
    assert values["LANGUAGES"] == [["uk", "Українська"], ["en", "English"]]


@pytest.mark.parametrize(
    ("languages", "message"),
    [
        ("en,uk", "CONTENT_LANGUAGES must start with uk, the source language."),
        ("pl", "CONTENT_LANGUAGES must start with uk, the source language."),
        ("uk,en,xx", "CONTENT_LANGUAGES: Django does not know 'xx'; write it as xx:Name."),
    ],
)
def test_content_languages_reject_a_list_not_starting_with_uk_or_an_unknown_code(
    tmp_path, languages, message
):
    error = settings_error(production_env(tmp_path, CONTENT_LANGUAGES=languages))
    assert error == f"django.core.exceptions.ImproperlyConfigured: {message}"


# The environment helpers --------------------------------------------------------------------


def test_env_helpers_parse_and_default(monkeypatch):
    monkeypatch.setenv("PORTAL_T_STR", "value")
    monkeypatch.setenv("PORTAL_T_EMPTY", "")
    monkeypatch.setenv("PORTAL_T_BOOL", " Yes ")
    monkeypatch.setenv("PORTAL_T_INT", "42")
    monkeypatch.setenv("PORTAL_T_LIST", " a, b ,,c ")
    monkeypatch.delenv("PORTAL_T_UNSET", raising=False)
    assert env_str("PORTAL_T_STR") == "value"
    assert env_str("PORTAL_T_EMPTY", "fallback") == "fallback"
    assert env_bool("PORTAL_T_BOOL") is True
    assert env_bool("PORTAL_T_UNSET", True) is True
    assert env_int("PORTAL_T_INT", 1) == 42
    assert env_int("PORTAL_T_EMPTY", 7) == 7
    assert env_list("PORTAL_T_LIST") == ["a", "b", "c"]
    assert env_list("PORTAL_T_UNSET", ["x"]) == ["x"]


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        (
            "SECURE_SSL_REDIRECT",
            "maybe",
            "SECURE_SSL_REDIRECT must be a boolean (1/0, true/false), not 'maybe'.",
        ),
        ("SECURE_HSTS_SECONDS", "a year", "SECURE_HSTS_SECONDS must be an integer, not 'a year'."),
    ],
)
def test_malformed_values_are_reported_by_name(tmp_path, variable, value, message):
    """A typo in a boolean or integer variable stops start-up instead of guessing."""
    error = settings_error(production_env(tmp_path, **{variable: value}))
    assert error == f"django.core.exceptions.ImproperlyConfigured: {message}"
