"""Signals: an image saved with a new file gets its pyramid built; a deleted image's IIIF
files are deleted with it."""

from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model

from iiif.image import pyramids
from iiif.models import ImagePyramid


def image_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    current = ImagePyramid.objects.filter(image_id=instance.pk, source=instance.file.name)
    if current.exclude(pyramid="").exists():
        return  # same file, pyramid built: an edit of the title, alt text, rights …
    from iiif.tasks import enqueue_pyramids

    enqueue_pyramids([instance.pk])


def image_deleted(sender, instance, **kwargs):
    pyramids.forget(instance)


def connect_signals():
    model = get_image_model()
    post_save.connect(image_saved, sender=model, dispatch_uid="iiif_image_saved")
    post_delete.connect(image_deleted, sender=model, dispatch_uid="iiif_image_deleted")
