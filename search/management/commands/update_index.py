"""Wagtail's ``update_index``, which also rebuilds the readers' search index.

This app comes before ``wagtail.search`` in INSTALLED_APPS, so this command is the one
``manage.py update_index`` runs.
"""

from modelsearch.management.commands.rebuild_modelsearch_index import Command as WagtailCommand

from search import indexing


class Command(WagtailCommand):
    help = "Rebuild Wagtail's search index (the admin's), then the readers' search index."

    def handle(self, **options):
        super().handle(**options)
        total = indexing.rebuild()
        if options["verbosity"]:
            self.stdout.write(f"Readers' search index: {total} documents.")
