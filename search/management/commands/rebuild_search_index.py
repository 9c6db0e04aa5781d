"""Rebuild the readers' search index (and the search service's replica) from the data."""

from django.core.management.base import BaseCommand

from search import indexing


class Command(BaseCommand):
    help = "Rebuild the readers' search index from published objects and live pages."

    def handle(self, *args, **options):
        def progress(count):
            if options["verbosity"] > 1:
                self.stdout.write(f"{count} documents")

        total = indexing.rebuild(progress=progress)
        if options["verbosity"]:
            self.stdout.write(f"Indexed {total} documents.")
