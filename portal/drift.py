"""Drift alerts: pages that feature register objects which changed under them.

A story chooses register objects by primary key and shows their live data. When an object
becomes missing, stolen, destroyed or damaged, is unpublished, or is deleted from the
register, the page's block changes on its own (see ``portal.blocks.objects``); this module
tells editors which pages are affected and where in them.

Pages are found through Wagtail's reference index (every StreamField chooser reference is
indexed when a page is saved), so finding them costs a few indexed queries whatever the size
of the site. The exact place in a page (which field, which block, which item) comes from the
page's stored stream data, which also reveals objects deleted from the register: Wagtail
drops index rows that point at a deleted object, so those are found by reading the streams
of the page types that can choose objects (``include_deleted``).

Nothing here reads :class:`registry.models.RestrictedObjectData`.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page, ReferenceIndex, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.blocks.objects import RegisterObjectChooserBlock
from registry.models import RegisterObject
from registry.models.objects import ALERT_STATUSES

UNPUBLISHED = "unpublished"
DELETED = "deleted"

REASON_LABELS = {
    UNPUBLISHED: _("Unpublished"),
    DELETED: _("Deleted from the register"),
}

#: Page actions that make someone an editor of a page.
EDIT_ACTIONS = {"add", "change", "publish"}


# --- references in stream data --------------------------------------------------------------


@dataclass(frozen=True)
class StreamReference:
    """One object chosen somewhere in a page's StreamField, as the page stores it."""

    object_id: str
    #: Field name and block names, as in ReferenceIndex.model_path: "body.object_grid.objects.item"
    model_path: str
    #: Field name and block ids, as in ReferenceIndex.content_path (links to the block)
    content_path: str
    #: Field label and block labels, with positions: "Body → Block 3: Register object → Object"
    location: str


def _children(stream_block, raw):
    """(name, id, value) of a stream's raw children (lists of dicts or of (type, value))."""
    for item in raw or []:
        if isinstance(item, dict):
            yield item.get("type"), item.get("id") or "", item.get("value")
        elif isinstance(item, (list, tuple)) and len(item) >= 2:
            yield item[0], item[2] if len(item) > 2 else "", item[1]


def _walk(block, raw, model_path, content_path, location):
    """Yield :class:`StreamReference` for every object chooser under ``block``."""
    if isinstance(block, RegisterObjectChooserBlock):
        if raw not in (None, ""):
            yield StreamReference(str(raw), model_path, content_path, location)
    elif isinstance(block, blocks.StreamBlock):
        for position, (name, block_id, value) in enumerate(_children(block, raw), start=1):
            child = block.child_blocks.get(name)
            if child is None:
                continue
            label = gettext("Block %(position)s: %(label)s") % {
                "position": position,
                "label": capfirst(child.label),
            }
            yield from _walk(
                child,
                value,
                f"{model_path}.{name}",
                f"{content_path}.{block_id or position - 1}",
                f"{location} → {label}",
            )
    elif isinstance(block, blocks.StructBlock):
        raw = raw if isinstance(raw, dict) else {}
        for name, child in block.child_blocks.items():
            yield from _walk(
                child,
                raw.get(name),
                f"{model_path}.{name}",
                f"{content_path}.{name}",
                f"{location} → {capfirst(child.label)}",
            )
    elif isinstance(block, blocks.ListBlock):
        items = raw if isinstance(raw, list) else []
        for position, item in enumerate(items, start=1):
            is_wrapped = isinstance(item, dict) and item.get("type") == "item"
            value = item.get("value") if is_wrapped else item
            item_id = (item.get("id") if is_wrapped else "") or str(position - 1)
            label = gettext("item %(position)s") % {"position": position}
            yield from _walk(
                block.child_block,
                value,
                f"{model_path}.item",
                f"{content_path}.{item_id}",
                f"{location} ({label})",
            )


def _can_hold_objects(block):
    if isinstance(block, RegisterObjectChooserBlock):
        return True
    if isinstance(block, (blocks.StreamBlock, blocks.StructBlock)):
        return any(_can_hold_objects(child) for child in block.child_blocks.values())
    if isinstance(block, blocks.ListBlock):
        return _can_hold_objects(block.child_block)
    return False


def object_stream_fields(model):
    """The model's StreamFields whose blocks can choose register objects."""
    return [
        model_field
        for model_field in model._meta.get_fields()
        if isinstance(model_field, StreamField) and _can_hold_objects(model_field.stream_block)
    ]


def stream_references(page):
    """Every register object chosen in ``page``'s StreamFields, in reading order."""
    for model_field in object_stream_fields(type(page)):
        value = getattr(page, model_field.name)
        if value is None:
            continue
        raw = value.raw_data if hasattr(value, "raw_data") else value
        yield from _walk(
            model_field.stream_block,
            list(raw),
            model_field.name,
            model_field.name,
            str(capfirst(model_field.verbose_name)),
        )


# --- alerts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ObjectAlert:
    """An object chosen on a page that readers can no longer see as before."""

    reference: StreamReference
    #: The object's source (Ukrainian) row; None when it was deleted.
    register_object: RegisterObject | None
    #: An alert status ("missing", "stolen", "destroyed", "damaged"), "unpublished" or "deleted".
    reason: str

    @property
    def is_status_alert(self):
        """Missing, stolen, destroyed or damaged (rather than unpublished or deleted)."""
        return self.reason in ALERT_STATUSES

    @property
    def reason_label(self):
        if self.reason in REASON_LABELS:
            return REASON_LABELS[self.reason]
        return self.register_object.status_label

    @property
    def status_label(self):
        return self.register_object.status_label if self.register_object else ""

    @property
    def status_date(self):
        return self.register_object.status_date if self.register_object else None

    @property
    def location(self):
        return self.reference.location

    @property
    def content_path(self):
        return self.reference.content_path

    @property
    def object_admin_url(self):
        if self.register_object is None:
            return ""
        return reverse(
            RegisterObject.snippet_viewset.get_url_name("edit"),
            args=[self.register_object.pk],
        )

    @property
    def object_label(self):
        if self.register_object is None:
            return gettext("Object #%(id)s (deleted)") % {"id": self.reference.object_id}
        return str(self.register_object)


@dataclass
class PageAlerts:
    """A page and its object alerts, for the report."""

    page: Page
    alerts: list = field(default_factory=list)

    @cached_property
    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    def block_url(self, alert):
        return f"{self.edit_url}#:w:contentpath={alert.content_path}"

    @property
    def latest_status_date(self):
        dates = [alert.status_date for alert in self.alerts if alert.status_date]
        return max(dates) if dates else None


def reason_for(obj):
    """Why ``obj`` (a source row, or None when deleted) needs an editor's attention, or None."""
    if obj is None:
        return DELETED
    if not obj.published:
        return UNPUBLISHED
    if obj.status in ALERT_STATUSES:
        return obj.status
    return None


def source_objects(ids):
    """Map stored ids (str) to their source rows, or None when deleted. At most two queries.

    Pages may store a translation row's id (chosen in another locale, or written by a
    script); the source row carries the status and publication every language shares.
    """
    numeric = {int(i) for i in ids if str(i).isdigit()}
    rows = {
        row.pk: row
        for row in RegisterObject.objects.filter(pk__in=numeric).select_related("locale")
    }
    translations = {
        row.translation_key
        for row in rows.values()
        if row.locale.language_code != settings.LANGUAGE_CODE
    }
    sources = {}
    if translations:
        sources = {
            row.translation_key: row
            for row in RegisterObject.objects.in_source_locale().filter(
                translation_key__in=translations
            )
        }
    result = {}
    for object_id in ids:
        row = rows.get(int(object_id)) if str(object_id).isdigit() else None
        if row is not None and row.locale.language_code != settings.LANGUAGE_CODE:
            row = sources.get(row.translation_key)
        result[str(object_id)] = row
    return result


def _alerts(references, objects):
    alerts = []
    for reference in references:
        obj = objects.get(reference.object_id)
        reason = reason_for(obj)
        if reason is not None:
            alerts.append(ObjectAlert(reference, obj, reason))
    return alerts


def alerts_for_page(page):
    """The object alerts of one page (as given: the editor passes its latest draft)."""
    references = list(stream_references(page))
    if not references:
        return []
    return _alerts(references, source_objects({ref.object_id for ref in references}))


def _problem_object_ids():
    """Ids (as strings, like the reference index stores them) of objects with alerts.

    Status and publication are synchronised to translation rows, so their ids are included:
    a page that stores a translation's id is found too.
    """
    return (
        RegisterObject.objects.filter(Q(published=False) | Q(status__in=ALERT_STATUSES))
        .annotate(id_text=Cast("pk", CharField()))
        .values("id_text")
    )


def indexed_page_ids():
    """Pages whose reference index rows point at objects with alerts."""
    return set(
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            to_content_type=ContentType.objects.get_for_model(RegisterObject),
            to_object_id__in=_problem_object_ids(),
        )
        .values_list("object_id", flat=True)
        .distinct()
    )


def pages_with_deleted_objects():
    """Pages that still store ids of objects no longer in the register (reads their streams)."""
    stored = {}
    for model in get_page_models():
        if model._meta.abstract or model._meta.proxy:
            continue
        fields = [f.name for f in object_stream_fields(model) if f.model is model]
        if not fields:
            continue
        for page in model.objects.only("pk", *fields).iterator(chunk_size=200):
            ids = {ref.object_id for ref in stream_references(page)}
            if ids:
                stored[page.pk] = ids
    all_ids = {int(i) for ids in stored.values() for i in ids if i.isdigit()}
    existing = {
        str(pk) for pk in RegisterObject.objects.filter(pk__in=all_ids).values_list("pk", flat=True)
    }
    return {pk for pk, ids in stored.items() if ids - existing}


def editable_pages(user):
    """Pages ``user`` may edit (all for superusers; a section for a museum's editors)."""
    return PagePermissionPolicy().instances_user_has_any_permission_for(user, EDIT_ACTIONS)


def user_can_see_alerts(user):
    """Only people who use the admin and edit pages see drift alerts."""
    return (
        user.is_active
        and user.has_perm("wagtailadmin.access_admin")
        and PagePermissionPolicy().user_has_any_permission(user, EDIT_ACTIONS)
    )


def affected_page_ids(user=None, *, include_deleted=True):
    """Ids of pages with object alerts (those ``user`` may edit, when given)."""
    page_ids = {int(pk) for pk in indexed_page_ids() if str(pk).isdigit()}
    if include_deleted:
        page_ids |= pages_with_deleted_objects()
    if user is not None and page_ids:
        page_ids = set(editable_pages(user).filter(pk__in=page_ids).values_list("pk", flat=True))
    return page_ids


def _recent_first(item):
    date = item.latest_status_date
    return (-date.toordinal() if date else 0, item.page.title.lower(), item.page.pk)


def affected_pages(user=None, *, include_deleted=True):
    """:class:`PageAlerts` for every affected page, most recent status change first."""
    page_ids = affected_page_ids(user, include_deleted=include_deleted)
    if not page_ids:
        return []
    pages = Page.objects.filter(pk__in=page_ids).select_related("locale").specific()
    references = {page.pk: list(stream_references(page)) for page in pages}
    objects = source_objects({ref.object_id for refs in references.values() for ref in refs})
    result = []
    for page in pages:
        alerts = _alerts(references[page.pk], objects)
        if alerts:  # the index may lag behind the stored page for a moment
            result.append(PageAlerts(page, alerts))
    result.sort(key=_recent_first)
    return result


def affected_page_count(user=None):
    """How many pages have alerts about missing, stolen, ... or unpublished objects.

    Uses the reference index only (a few indexed queries): cheap enough for the dashboard.
    Pages that keep ids of deleted objects are listed by the report.
    """
    return len(affected_page_ids(user, include_deleted=False))


__all__ = [
    "DELETED",
    "UNPUBLISHED",
    "ObjectAlert",
    "PageAlerts",
    "StreamReference",
    "affected_page_count",
    "affected_page_ids",
    "affected_pages",
    "alerts_for_page",
    "pages_with_deleted_objects",
    "reason_for",
    "source_objects",
    "stream_references",
    "user_can_see_alerts",
]
