"""Load shedding: a per-process limit on concurrent renders.

Rendering is the only expensive thing the service does (responses already in the storage
cache and 304s are cheap), so only renders take a slot. A request that finds every slot taken
waits IIIF_RENDER_WAIT seconds at most, then gets 503 with Retry-After: the worker keeps its
memory bounded and its queue short instead of falling over.
"""

import threading
from contextlib import contextmanager

from django.conf import settings

_slots = {}
_lock = threading.Lock()


class Overloaded(Exception):
    """Every render slot stayed taken for longer than IIIF_RENDER_WAIT."""


def slots():
    """This process's semaphore for IIIF_MAX_CONCURRENT_RENDERS renders."""
    limit = getattr(settings, "IIIF_MAX_CONCURRENT_RENDERS", 2)
    with _lock:
        if limit not in _slots:
            _slots[limit] = threading.BoundedSemaphore(limit)
        return _slots[limit]


def retry_after():
    return getattr(settings, "IIIF_RETRY_AFTER", 5)


@contextmanager
def render_slot():
    semaphore = slots()
    if not semaphore.acquire(timeout=getattr(settings, "IIIF_RENDER_WAIT", 2.0)):
        raise Overloaded
    try:
        yield
    finally:
        semaphore.release()
