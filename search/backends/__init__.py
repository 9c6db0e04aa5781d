"""The readers' search backends: the database always, a search service when configured.

The database backend is the index of record and is always kept; Elasticsearch or OpenSearch,
when ``ELASTICSEARCH_URL`` or ``OPENSEARCH_URL`` is set, hold a replica and answer searches,
and the database answers whenever the service cannot.
"""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from .base import BackendResult, BackendUnavailable, ParsedQuery, SearchBackend
from .database import DatabaseBackend

SERVICE_BACKEND = "search.backends.opensearch.OpenSearchBackend"


@cache
def database_backend():
    return DatabaseBackend()


@cache
def service_backend():
    """The configured search service's backend, or ``None`` on the embedded default."""
    for setting, flavour in (
        ("OPENSEARCH_URL", "opensearch"),
        ("ELASTICSEARCH_URL", "elasticsearch"),
    ):
        url = getattr(settings, setting, None)
        if url:
            backend_class = import_string(SERVICE_BACKEND)
            return backend_class(
                url,
                index_prefix=getattr(settings, "SEARCH_INDEX_PREFIX", "portal"),
                timeout=getattr(settings, "SEARCH_TIMEOUT", 5),
                flavour=flavour,
            )
    return None


def reset():
    """Forget the configured backends (tests that change settings call this)."""
    database_backend.cache_clear()
    service_backend.cache_clear()


__all__ = [
    "BackendResult",
    "BackendUnavailable",
    "DatabaseBackend",
    "ParsedQuery",
    "SearchBackend",
    "database_backend",
    "reset",
    "service_backend",
]
