"""Test settings: the embedded default, faster hashing, files in a throwaway folder."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-insecure-key")
os.environ.setdefault("PORTAL_VAR_DIR", tempfile.mkdtemp(prefix="portal-test-var-"))
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="portal-test-media-"))

from .dev import *  # noqa: E402

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WAGTAILADMIN_BASE_URL = "http://testserver"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
LOGGING["root"]["level"] = "WARNING"
# No network in tests: maps show their places without a base map.
MAP_TILE_URL = ""
# Writes to a search service (OPENSEARCH_URL in `make test-opensearch`) are searchable at once.
SEARCH_INDEX_REFRESH = True
