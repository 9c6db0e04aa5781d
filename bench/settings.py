"""Settings for benchmark workers: the embedded default, as production would serve it.

Development settings (no secrets needed, SQLite under PORTAL_VAR_DIR, or DATABASE_URL)
with DEBUG off, so no query log is kept and templates render as in production.
"""

from portal.settings.dev import *  # noqa: F403

DEBUG = False
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
