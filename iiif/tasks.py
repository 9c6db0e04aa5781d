"""Background tasks of the IIIF service (django-tasks; in process on the embedded default)."""

from django.db import transaction
from django_tasks import task

from iiif.image import pyramids


@task()
def build_pyramid(image_id):
    """Build the tiled pyramidal derivative of one image (nothing if it is current)."""
    row = pyramids.build(image_id)
    return bool(row and row.pyramid)


def enqueue_pyramids(image_ids):
    """Queue pyramid builds, once the surrounding transaction (if any) has committed.

    For code that creates images without signals, such as the importer's bulk_create.
    """
    ids = list(image_ids)

    def enqueue():
        for image_id in ids:
            build_pyramid.enqueue(image_id)

    transaction.on_commit(enqueue)
