"""Reindexing what editors change, once their transaction commits.

Imports do not come through here: they write rows in bulk and index each batch themselves
(:func:`search.indexing.index_objects`).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from registry.models import RegisterObject


def _object_changed(instance, **kwargs):
    from search.indexing import index_objects  # noqa: PLC0415 (import cycle through pages)

    register_id = instance.register_id
    transaction.on_commit(lambda: index_objects([register_id]))


def _page_changed(instance, **kwargs):
    from search.documents import page_models  # noqa: PLC0415
    from search.indexing import index_pages, refresh_3d_flags  # noqa: PLC0415

    if instance.specific_class not in page_models():
        return
    key = instance.translation_key

    def reindex():
        index_pages([key])
        refresh_3d_flags()

    transaction.on_commit(reindex)


def _subtree_changed(page):
    from search.documents import page_keys_under  # noqa: PLC0415
    from search.indexing import index_pages  # noqa: PLC0415

    keys = page_keys_under(page)
    transaction.on_commit(lambda: index_pages(keys))


def _page_moved(instance, **kwargs):
    _subtree_changed(instance)


def _restriction_changed(instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _subtree_changed(page)


def connect():
    post_save.connect(_object_changed, sender=RegisterObject, dispatch_uid="search-object-save")
    post_delete.connect(_object_changed, sender=RegisterObject, dispatch_uid="search-object-delete")
    page_published.connect(_page_changed, dispatch_uid="search-page-published")
    page_unpublished.connect(_page_changed, dispatch_uid="search-page-unpublished")
    post_delete.connect(_page_changed, sender=Page, dispatch_uid="search-page-delete")
    post_page_move.connect(_page_moved, dispatch_uid="search-page-moved")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-restriction-{id(signal)}",
        )
