"""Build the tiled pyramids the IIIF service cuts tiles from, for images that lack one.

    manage.py build_iiif_pyramids [--force] [--image-id ID ...]

For backfill (images that existed before the service, or whose task failed). Runs in this
process, one image at a time.
"""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from iiif.image import pyramids


class Command(BaseCommand):
    help = "Build IIIF tiled pyramids for images without a current one."

    def add_arguments(self, parser):
        parser.add_argument("--image-id", type=int, action="append", dest="image_ids")
        parser.add_argument("--force", action="store_true", help="rebuild current pyramids too")

    def handle(self, *args, image_ids=None, force=False, **options):
        images = get_image_model().objects.order_by("pk")
        if image_ids:
            images = images.filter(pk__in=image_ids)
        built = 0
        for image_id in images.values_list("pk", flat=True).iterator():
            row = pyramids.build(image_id, force=force)
            if row is None:
                self.stderr.write(f"image {image_id}: no pyramid (gone, or pyvips unavailable)")
            elif row.built_at:
                built += 1
        self.stdout.write(f"{built} image(s) have a current pyramid.")
