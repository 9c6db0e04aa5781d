"""Machine translators and how settings choose one.

wagtail-localize calls the translator named by ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` from
its translation editor. The portal picks it with one environment variable,
``MACHINE_TRANSLATOR``: ``off`` (the default), ``deepl`` (wagtail-localize's own DeepL
translator, with ``DEEPL_API_KEY``) or ``fake`` (deterministic, for tests and demos: it
never leaves the machine).
"""

from django.core.exceptions import ImproperlyConfigured
from wagtail_localize.machine_translators.base import BaseMachineTranslator

FAKE_PREFIX = "[MT] "


class FakeTranslator(BaseMachineTranslator):
    """Prefixes every string with ``[MT] ``: visibly machine-made, the same on every run."""

    display_name = "Fake translator"

    def translate(self, source_locale, target_locale, strings):
        # Imported here so that settings can import this module before apps are ready.
        from wagtail_localize.strings import StringValue

        return {string: StringValue(FAKE_PREFIX + string.data) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code


def translator_setting(choice, *, deepl_api_key=""):
    """The value of ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` for a ``MACHINE_TRANSLATOR`` choice.

    ``None`` switches machine translation off: wagtail-localize then hides its button.
    """
    choice = (choice or "off").strip().lower()
    if choice == "off":
        return None
    if choice == "fake":
        return {"CLASS": "translations.machine.FakeTranslator", "OPTIONS": {}}
    if choice == "deepl":
        if not deepl_api_key:
            raise ImproperlyConfigured("MACHINE_TRANSLATOR=deepl needs DEEPL_API_KEY.")
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": deepl_api_key},
        }
    raise ImproperlyConfigured(f"MACHINE_TRANSLATOR must be off, deepl or fake, not {choice!r}.")
