"""Keeps the readers' index in step with the data.

- An import calls :func:`index_objects` once per batch of records, in the batch's
  transaction: the index follows in bulk, never object by object.
- Saving or deleting an object elsewhere (the admin, translation sync) and publishing,
  unpublishing, moving, restricting or deleting a page reindex what changed once the
  transaction commits (:mod:`search.signals`).
- ``manage.py rebuild_search_index`` (and Wagtail's ``update_index``) rebuilds everything.

The database documents are the index of record. A configured search service gets the same
documents after the database's transaction commits; if it cannot be reached the readers'
searches fall back to the database, and a rebuild brings the service back in step.
"""

import logging

from django.db import transaction

from portal.sql import RowInserter
from registry.models import RegisterObject
from search.backends import BackendUnavailable, service_backend
from search.backends.database import add_to_text_index
from search.documents import (
    CHUNK,
    chunked,
    live_page_keys,
    object_documents,
    objects_with_3d_models,
    page_documents,
)
from search.models import SearchDocument

logger = logging.getLogger(__name__)

DATABASE = "default"
#: Items built and written per round trip.
BATCH = 500
#: Every column of a document but its ID, in the order the inserter takes them.
COLUMNS = [field.name for field in SearchDocument._meta.concrete_fields if not field.primary_key]
ATTNAMES = [SearchDocument._meta.get_field(name).attname for name in COLUMNS]


def _write(built):
    """Replace the documents of ``built.keys`` with ``built.documents``."""
    old_ids = []
    for keys in chunked(built.keys, CHUNK):
        old_ids += SearchDocument.objects.filter(key__in=keys).values_list("pk", flat=True)
    for ids in chunked(old_ids, CHUNK):
        # A raw delete: no signals listen.
        SearchDocument.objects.filter(pk__in=ids)._raw_delete(DATABASE)
    # Plain INSERTs: bulk_create compiles every value of every document, which costs more
    # than the database's own work.
    RowInserter(SearchDocument, COLUMNS).insert(
        [tuple(getattr(document, name) for name in ATTNAMES) for document in built.documents]
    )
    new_ids = []
    if built.documents:
        for keys in chunked(built.keys, CHUNK):
            new_ids += SearchDocument.objects.filter(key__in=keys).values_list("pk", flat=True)
    add_to_text_index(sorted(new_ids), using=DATABASE)
    service = service_backend()
    if service is not None:
        data = [document.as_data() for document in _in_order(new_ids)]
        transaction.on_commit(lambda: _replicate(service, old_ids, data))
    return len(built.documents)


def _in_order(ids):
    for part in chunked(sorted(ids), CHUNK):
        yield from SearchDocument.objects.filter(pk__in=part).order_by("pk")


def _replicate(service, deleted_ids, documents):
    try:
        if deleted_ids:
            service.delete(deleted_ids)
        if documents:
            service.index(documents)
    except BackendUnavailable:
        logger.warning(
            "The search service is unavailable: %d documents wait for rebuild_search_index.",
            len(documents),
        )


def index_objects(register_ids, *, model_objects=None):
    """(Re)index the objects with ``register_ids``; unpublished ones leave the index."""
    written = 0
    if model_objects is None:
        model_objects = objects_with_3d_models()
    for part in chunked(sorted(set(register_ids)), BATCH):
        with transaction.atomic():
            written += _write(object_documents(part, model_objects=model_objects))
    return written


def index_pages(translation_keys):
    """(Re)index the pages with ``translation_keys``; pages no longer live leave the index."""
    written = 0
    for part in chunked(sorted({str(key) for key in translation_keys}), BATCH):
        with transaction.atomic():
            written += _write(page_documents(part))
    return written


def refresh_3d_flags():
    """Reindex the objects whose "has a 3D model" facet changed (after a page publishes)."""
    now = objects_with_3d_models()
    flagged = set(
        SearchDocument.objects.filter(kind="object", has_model="1").values_list("key", flat=True)
    )
    wanted = set(RegisterObject.objects.filter(pk__in=now).values_list("register_id", flat=True))
    was = {key.split(":", 1)[1] for key in flagged}
    changed = wanted ^ was
    if changed:
        index_objects(changed, model_objects=now)


def rebuild(progress=None):
    """Rebuild every document from the data, then the search service's replica from them."""
    register_ids = (
        RegisterObject.objects.in_source_locale()
        .public()
        .order_by("register_id")
        .values_list("register_id", flat=True)
    )
    with transaction.atomic():
        SearchDocument.objects.all()._raw_delete(DATABASE)
    model_objects = objects_with_3d_models()
    total = 0
    for part in chunked(register_ids.iterator(chunk_size=BATCH), BATCH):
        total += index_objects(part, model_objects=model_objects)
        if progress:
            progress(total)
    total += index_pages(live_page_keys())
    rebuild_service()
    return total


def rebuild_service():
    """Load every database document into the search service's replica, if there is one."""
    service = service_backend()
    if service is None:
        return
    service.rebuild(service_documents())


def service_documents():
    """Every document as the services receive them, streamed in batches."""
    queryset = SearchDocument.objects.order_by("pk")
    last = 0
    while True:
        documents = list(queryset.filter(pk__gt=last)[:BATCH])
        if not documents:
            return
        for document in documents:
            yield document.as_data()
        last = documents[-1].pk
