"""A read-only panel with an item's translation status, for the register object editor.

Add it to a snippet viewset's panels (or a page's content panels)::

    from translations.panels import TranslationStatusPanel

    panels = [..., TranslationStatusPanel()]
"""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from translations import status


class TranslationStatusPanel(Panel):
    """Up to date, outdated or missing in each content language, with links to translate."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Translations"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "translation_status"

    class BoundPanel(Panel.BoundPanel):
        template_name = "translations/status/panel.html"

        @cached_property
        def row(self):
            from translations.views import item_row

            instance = self.instance
            if (
                instance is None
                or instance.pk is None
                or getattr(instance, "translation_key", None) is None
                or not status.is_tracked(type(instance))
                or self.request is None
            ):
                return None
            try:
                return item_row(type(instance), instance.translation_key, self.request.user)
            except PermissionDenied:
                return None

        def is_shown(self):
            return super().is_shown() and self.row is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["row"] = self.row
            return context
