from django.core.management.base import BaseCommand

from portal.setup import ensure_portal_site


class Command(BaseCommand):
    help = (
        "Create the content locales, the home page in every language, the default site and "
        "the curator review workflow."
    )

    def handle(self, *args, **options):
        from exhibitions.editorial import ensure_curator_review

        site = ensure_portal_site()
        ensure_curator_review()
        self.stdout.write(self.style.SUCCESS(f"Site ready: {site.root_page.title}"))
