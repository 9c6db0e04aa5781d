"""Production settings: the strict base every other settings module builds on.

Every optional service switches on through its environment variable and only then
(see docs/configuration.md). A missing secret is an error, never a silent default.
"""

from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

from translations.machine import translator_setting

from .env import env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env_str("PORTAL_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", required=True)
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "registry",
    "exhibitions",
    "themes",
    "search",
    "iiif",
    "translations",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "storages",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.portal",
            ],
        },
    },
]

# Database: SQLite (write-ahead log) unless DATABASE_URL names another server.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
            "OPTIONS": {
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=5000;"
                ),
                "transaction_mode": "IMMEDIATE",
            },
            # Persistent connections: opening one per request contends for WAL's lock.
            "CONN_MAX_AGE": env_int("DATABASE_CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, otherwise in process.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "portal"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
        }
    }

# Background tasks (django-tasks). The embedded default runs them in process.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# Map tiles for the story map block. Empty MAP_TILE_URL shows places without a base map.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
MAP_TILE_MAX_ZOOM = env_int("MAP_TILE_MAX_ZOOM", 18)

# Documents: what editors may upload (story media, captions, 3D models, sources).
WAGTAILDOCS_EXTENSIONS = [
    # sources and register exports
    *("pdf", "txt", "csv", "jsonl", "docx", "odt", "xlsx", "zip"),
    # story media: audio, video, WebVTT captions and chapters, 3D models
    *("mp3", "m4a", "ogg", "oga", "wav", "mp4", "webm", "ogv", "vtt", "glb", "gltf"),
]

# Files: S3-compatible object storage when AWS_STORAGE_BUCKET_NAME is set, else media/.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = env_str("MEDIA_URL", "/media/")
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static")))
STATIC_URL = "/static/"
NODE_MODULES = BASE_DIR / "node_modules"
# Front-end libraries installed by npm (package.json), served from node_modules as they are.
STATICFILES_DIRS = [
    PROJECT_DIR / "static",
    ("vendor/leaflet", NODE_MODULES / "leaflet" / "dist"),
    ("vendor/model-viewer", NODE_MODULES / "@google" / "model-viewer" / "dist"),
    ("vendor/openseadragon", NODE_MODULES / "openseadragon" / "build" / "openseadragon"),
    ("vendor/literata", NODE_MODULES / "@fontsource-variable" / "literata"),
    ("vendor/ibm-plex-sans", NODE_MODULES / "@fontsource" / "ibm-plex-sans"),
]

AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL"),
            "region_name": env_str("AWS_S3_REGION_NAME"),
            "access_key": env_str("AWS_ACCESS_KEY_ID"),
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY"),
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN"),
            "location": env_str("AWS_LOCATION", ""),
            # Stored files are never overwritten: a clash gets a new name.
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "object_parameters": {"CacheControl": "max-age=31536000, immutable"},
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Search: Wagtail's database backend unless a search service is configured. Readers' search
# (search/) keeps its own index in the database and, with a service, a replica there too.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
OPENSEARCH_URL = env_str("OPENSEARCH_URL")
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "portal")
SEARCH_TIMEOUT = env_int("SEARCH_TIMEOUT", 5)
# Make each write to the search service searchable at once (tests; slow on a real cluster).
SEARCH_INDEX_REFRESH = env_bool("SEARCH_INDEX_REFRESH", False)
PORTAL_SEARCH_PER_PAGE = env_int("PORTAL_SEARCH_PER_PAGE", 20)
PORTAL_SEARCH_MAX_PAGE = env_int("PORTAL_SEARCH_MAX_PAGE", 50)
if ELASTICSEARCH_URL and OPENSEARCH_URL:
    raise ImproperlyConfigured("Set ELASTICSEARCH_URL or OPENSEARCH_URL, not both.")
if ELASTICSEARCH_URL:
    SEARCH_BACKEND = {
        "BACKEND": "wagtail.search.backends.elasticsearch" + env_str("ELASTICSEARCH_VERSION", "9"),
        "URLS": [ELASTICSEARCH_URL],
        "INDEX": SEARCH_INDEX_PREFIX,
        "TIMEOUT": SEARCH_TIMEOUT,
        "OPTIONS": {},
        "INDEX_SETTINGS": {},
    }
elif OPENSEARCH_URL:
    SEARCH_BACKEND = {
        "BACKEND": "wagtail.search.backends.opensearch" + env_str("OPENSEARCH_VERSION", "3"),
        "URLS": [OPENSEARCH_URL],
        "INDEX": SEARCH_INDEX_PREFIX,
        "TIMEOUT": SEARCH_TIMEOUT,
        "OPTIONS": {},
        "INDEX_SETTINGS": {},
    }
else:
    SEARCH_BACKEND = {"BACKEND": "wagtail.search.backends.database"}
WAGTAILSEARCH_BACKENDS = {"default": SEARCH_BACKEND}

# Languages. Ukrainian is the source language and always first; CONTENT_LANGUAGES adds more
# (codes Django knows, or "code:Native name" for others), e.g. "uk,en,pl,crh:Qırımtatarca".


def _language(entry):
    code, _sep, name = entry.partition(":")
    code = code.strip().lower()
    if name:
        return code, name.strip()
    if code not in LANG_INFO:
        raise ImproperlyConfigured(
            f"CONTENT_LANGUAGES: Django does not know {code!r}; write it as {code}:Name."
        )
    return code, LANG_INFO[code]["name_local"]


CONTENT_LANGUAGES = [_language(entry) for entry in env_list("CONTENT_LANGUAGES", ["uk", "en"])]
if not CONTENT_LANGUAGES or CONTENT_LANGUAGES[0][0] != "uk":
    raise ImproperlyConfigured("CONTENT_LANGUAGES must start with uk, the source language.")
LANGUAGE_CODE = "uk"
LANGUAGES = CONTENT_LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = CONTENT_LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "Europe/Kyiv")
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("uk", "Українська"), ("en", "English")]

# Wagtail
WAGTAIL_SITE_NAME = env_str("PORTAL_SITE_NAME", "Спадщина України")
WAGTAILADMIN_BASE_URL = env_str("PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILIMAGES_IMAGE_MODEL = "portal.PortalImage"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "tif", "tiff", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_BYTES", 200 * 1024 * 1024)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("IMAGE_MAX_PIXELS", 400_000_000)
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FORMS_URLFIELD_ASSUME_HTTPS = True

# Machine translation in wagtail-localize's editor: off, deepl (DEEPL_API_KEY) or fake (tests,
# demos). Machine-translated text is labelled for readers until a person reviews it.
MACHINE_TRANSLATOR = env_str("MACHINE_TRANSLATOR", "off")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = translator_setting(
    MACHINE_TRANSLATOR, deepl_api_key=env_str("DEEPL_API_KEY", "")
)

# The collection listing and register import.
PORTAL_OBJECTS_PER_PAGE = env_int("PORTAL_OBJECTS_PER_PAGE", 24)
PORTAL_OBJECTS_MAX_PAGE = env_int("PORTAL_OBJECTS_MAX_PAGE", 500)
REGISTER_IMPORT_BATCH_SIZE = env_int("REGISTER_IMPORT_BATCH_SIZE", 500)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Security. Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
# Wagtail's preview views set SAMEORIGIN themselves; embed views opt out one by one.
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
