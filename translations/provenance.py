"""Who translated a page or register object: whether machine text no person has reviewed is left.

wagtail-localize keeps one ``StringTranslation`` row per translated string, marked
``machine`` when a machine translator made it and ``manual`` once a person writes or edits
it in the translation editor. A translated item is machine translated while any string its
current source still uses has a ``machine`` row in the item's locale. Strings the source no
longer uses, and translations a person has taken over ("stop syncing"), do not count.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, Max, OuterRef, Q
from wagtail_localize.models import StringSegment, StringTranslation


@dataclass(frozen=True)
class MachineProvenance:
    """The unreviewed machine translation left in one translated item."""

    strings: int
    translated_at: datetime
    tools: tuple[str, ...]


def machine_translated(instance):
    """Whether ``instance`` (a translated page or object) still has unreviewed machine text."""
    return machine_provenance(instance) is not None


def machine_provenance(instance):
    """The :class:`MachineProvenance` of ``instance``, or ``None`` if a person made it all."""
    return machine_provenance_for([instance]).get(_key(instance))


def machine_provenance_for(instances):
    """``{(translation_key, locale_id): MachineProvenance}`` for the machine-translated ones.

    One query for any number of pages or objects; items without a translation key are skipped.
    """
    return machine_provenance_for_keys(_key(instance) for instance in instances)


def machine_provenance_for_keys(keys):
    """Like :func:`machine_provenance_for`, for ``(translation_key, locale_id)`` pairs."""
    keys = set(keys) - {None}
    if not keys:
        return {}
    wanted = Q()
    for translation_key, locale_id in keys:
        wanted |= Q(context__object_id=translation_key, locale_id=locale_id)
    still_used = StringSegment.objects.filter(
        source__object_id=OuterRef("context__object_id"),
        source__translations__target_locale_id=OuterRef("locale_id"),
        source__translations__enabled=True,
        string_id=OuterRef("translation_of_id"),
        context_id=OuterRef("context_id"),
    )
    rows = (
        StringTranslation.objects.filter(wanted)
        .filter(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
        .filter(Exists(still_used))
        .values("context__object_id", "locale_id", "tool_name")
        .annotate(strings=Count("pk"), translated_at=Max("updated_at"))
        .order_by()
    )
    grouped = defaultdict(list)
    for row in rows:
        grouped[(row["context__object_id"], row["locale_id"])].append(row)
    return {
        key: MachineProvenance(
            strings=sum(row["strings"] for row in group),
            translated_at=max(row["translated_at"] for row in group),
            tools=tuple(sorted({row["tool_name"] for row in group if row["tool_name"]})),
        )
        for key, group in grouped.items()
    }


def _key(instance):
    translation_key = getattr(instance, "translation_key", None)
    if translation_key is None:
        return None
    return (translation_key, instance.locale_id)
