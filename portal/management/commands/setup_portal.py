from django.core.management.base import BaseCommand

from portal.setup import ensure_portal_site


class Command(BaseCommand):
    help = "Create the content locales, the home page in every language and the default site."

    def handle(self, *args, **options):
        site = ensure_portal_site()
        self.stdout.write(self.style.SUCCESS(f"Site ready: {site.root_page.title}"))
