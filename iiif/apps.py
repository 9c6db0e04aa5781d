from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IiifConfig(AppConfig):
    name = "iiif"
    label = "iiif"
    verbose_name = _("IIIF")

    def ready(self):
        from iiif.signals import connect_signals

        connect_signals()
