"""The "Translations" report, and the status of one item per language, for editors.

Rows of the report are source items (:class:`~translations.models.SourceText` rows: pages and
register items in Ukrainian). Filters work in SQL, so the report pages through any number of
items; statuses, titles and links are read in bulk for the rows of one page only.
"""

from dataclasses import dataclass, field
from datetime import datetime

import django_filters
from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation

from translations import status
from translations.models import Origin, SourceText, TranslatedItem
from translations.provenance import machine_provenance_for_keys
from translations.status import Status


@dataclass(frozen=True)
class Kind:
    """One kind of source item the user may see: pages, or one register model."""

    model: type
    content_type: ContentType

    @property
    def label(self):
        if self.model is Page:
            return _("Pages")
        return self.model._meta.verbose_name_plural.capitalize()

    @property
    def is_page(self):
        return self.model is Page


def allowed_kinds(user):
    """The kinds of item ``user`` may edit, hence see the translation status of."""
    if not user.is_active or not user.has_perm("wagtailadmin.access_admin"):
        return []
    kinds = []
    if PagePermissionPolicy().user_has_any_permission(user, ["change", "publish"]):
        kinds.append(Kind(Page, status.content_type_for(Page)))
    for model in status.tracked_models():
        if user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
            kinds.append(Kind(model, status.content_type_for(model)))
    return kinds


def visible_sources(user, kinds):
    """:class:`SourceText` rows of ``kinds`` that ``user`` may see (pages: those they edit)."""
    wanted = Q(pk__in=[])
    for kind in kinds:
        if kind.is_page and not user.is_superuser:
            pages = PagePermissionPolicy().instances_user_has_any_permission_for(
                user, ["change", "publish"]
            )
            wanted |= Q(
                content_type=kind.content_type,
                translation_key__in=pages.values("translation_key"),
            )
        else:
            wanted |= Q(content_type=kind.content_type)
    return SourceText.objects.filter(wanted)


def language_names():
    return {
        code: name
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != settings.LANGUAGE_CODE
    }


# --- Rows -----------------------------------------------------------------------------------


@dataclass
class Cell:
    """The status of one item in one language, with what an editor can do about it."""

    language: str
    language_name: str
    status: Status
    origin: str = ""
    origin_label: str = ""
    machine_strings: int = 0
    translated_at: datetime | None = None
    translated_by: str = ""
    edit_url: str = ""
    translate_url: str = ""
    synced: bool = False


@dataclass
class Row:
    kind: Kind
    translation_key: object
    title: str = ""
    edit_url: str = ""
    changed_at: datetime | None = None
    cells: list = field(default_factory=list)


def build_rows(sources, kinds, languages, user):
    """One :class:`Row` per :class:`SourceText` of ``sources``, in their order.

    Per kind of item on the list: a fixed number of queries, whatever the number of rows.
    """
    by_type = {kind.content_type.pk: kind for kind in kinds}
    names = language_names()
    locales = dict(
        Locale.objects.filter(language_code__in=languages).values_list("language_code", "pk")
    )
    source_locale = status.source_locale_id()
    can_submit = user.has_perm("wagtail_localize.submit_translation")
    rows = []
    grouped = {}
    for source in sources:
        kind = by_type.get(source.content_type_id)
        if kind is None:
            continue
        row = Row(kind=kind, translation_key=source.translation_key, changed_at=source.changed_at)
        rows.append(row)
        grouped.setdefault(kind, []).append(row)

    for kind, kind_rows in grouped.items():
        keys = [row.translation_key for row in kind_rows]
        model = kind.model
        manager = Page.objects if kind.is_page else model._default_manager
        instances = {}
        for pk, key, locale_id, label in manager.filter(
            translation_key__in=keys, locale_id__in=[source_locale, *locales.values()]
        ).values_list("pk", "translation_key", "locale_id", _label_field(kind)):
            instances[(key, locale_id)] = (pk, label)
        sources_by_key = {
            key: instance
            for (key, locale_id), instance in instances.items()
            if locale_id == source_locale
        }
        found = status.statuses(model, keys, languages)
        made = {
            (item.translation_key, item.locale_id): item
            for item in TranslatedItem.objects.filter(
                content_type=kind.content_type,
                translation_key__in=keys,
                locale_id__in=list(locales.values()),
            ).select_related("translated_by")
        }
        synced = set(
            Translation.objects.filter(
                source__object_id__in=keys,
                target_locale_id__in=list(locales.values()),
                enabled=True,
            ).values_list("source__object_id", "target_locale_id")
        )
        machine = machine_provenance_for_keys(
            (key, locale_id)
            for key in keys
            for locale_id in locales.values()
            if (key, locale_id) in instances
        )
        for row in kind_rows:
            source_pk, label = sources_by_key.get(row.translation_key, (None, ""))
            row.title = label
            row.edit_url = _edit_url(model, source_pk) if source_pk is not None else ""
            for code in languages:
                locale_id = locales.get(code)
                key = (row.translation_key, locale_id)
                cell = Cell(
                    language=code,
                    language_name=names.get(code, code),
                    status=found[(row.translation_key, code)],
                )
                item = made.get(key)
                if item is not None and cell.status != Status.MISSING:
                    cell.origin = item.origin
                    cell.origin_label = Origin(item.origin).label
                    cell.translated_at = item.translated_at
                    if item.translated_by is not None:
                        cell.translated_by = item.translated_by.get_full_name() or str(
                            item.translated_by
                        )
                if key in machine:
                    cell.machine_strings = machine[key].strings
                if key in instances and cell.status != Status.MISSING:
                    cell.edit_url = _edit_url(model, instances[key][0])
                    cell.synced = key in synced
                elif can_submit and source_pk is not None and locale_id is not None:
                    cell.translate_url = _translate_url(model, source_pk)
                row.cells.append(cell)
    return rows


def _label_field(kind):
    # Editors know their pages by the admin (draft) title.
    return "draft_title" if kind.is_page else status.label_field(kind.model)


def _edit_url(model, pk):
    if model is Page:
        return reverse("wagtailadmin_pages:edit", args=[pk])
    viewset = getattr(model, "snippet_viewset", None)
    if viewset is None:
        return ""
    return reverse(viewset.get_url_name("edit"), args=[quote(pk)])


def _translate_url(model, pk):
    if model is Page:
        return reverse("wagtail_localize:submit_page_translation", args=[pk])
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[model._meta.app_label, model._meta.model_name, quote(pk)],
    )


# --- The report -----------------------------------------------------------------------------


class TranslationStatusFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), method="filter_kind")
    language = django_filters.ChoiceFilter(label=_("Language"), method="filter_language")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, method="filter_status"
    )
    origin = django_filters.ChoiceFilter(
        label=_("Translated by"), choices=Origin.choices, method="filter_origin"
    )

    class Meta:
        model = SourceText
        fields = []

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = list(kinds)
        self.filters["kind"].extra["choices"] = [
            (str(kind.content_type.pk), kind.label) for kind in kinds
        ]
        self.filters["language"].extra["choices"] = list(language_names().items())

    def languages(self):
        chosen = self.form.cleaned_data.get("language") if self.form.is_valid() else None
        return [chosen] if chosen else status.content_languages()

    def filter_kind(self, queryset, name, value):
        return queryset.filter(content_type_id=value)

    def filter_language(self, queryset, name, value):
        return queryset  # chooses the columns; the status and origin filters follow it

    def models(self):
        chosen = self.form.cleaned_data.get("kind") if self.form.is_valid() else None
        kinds = [kind for kind in self.kinds if str(kind.content_type.pk) == chosen]
        return [kind.model for kind in kinds or self.kinds]

    def filter_status(self, queryset, name, value):
        wanted = Q(pk__in=[])
        for language in self.languages():
            wanted |= status.status_filter(language, value, self.models())
        return queryset.filter(wanted)

    def filter_origin(self, queryset, name, value):
        return queryset.filter(
            Exists(
                TranslatedItem.objects.filter(
                    content_type_id=OuterRef("content_type_id"),
                    translation_key=OuterRef("translation_key"),
                    locale__language_code__in=self.languages(),
                    origin=value,
                )
            )
        )


class TranslationStatusReportView(ReportView):
    page_title = _("Translations")
    header_icon = "globe"
    template_name = "wagtailadmin/reports/base_report.html"
    results_template_name = "translations/status/report_results.html"
    index_url_name = "translation_status_report"
    index_results_url_name = "translation_status_report_results"
    filterset_class = TranslationStatusFilterSet
    model = SourceText
    paginate_by = 50
    list_export = []
    no_results_message = _("No items match these filters.")

    def dispatch(self, request, *args, **kwargs):
        if not self.kinds:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def kinds(self):
        return allowed_kinds(self.request.user)

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "kinds": self.kinds}

    def get_base_queryset(self):
        return visible_sources(self.request.user, self.kinds).order_by(
            "-changed_at", "translation_key"
        )

    @cached_property
    def languages(self):
        if self.filters is not None and self.filters.is_valid():
            return self.filters.languages()
        return status.content_languages()

    def decorate_paginated_queryset(self, object_list):
        return build_rows(object_list, self.kinds, self.languages, self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        names = language_names()
        context["languages"] = [(code, names.get(code, code)) for code in self.languages]
        return context


# --- One item -------------------------------------------------------------------------------


def item_row(model, translation_key, user):
    """The :class:`Row` of one item for ``user``; ``PermissionDenied`` if they may not edit it."""
    model = status.translation_model(model)
    kind = next((kind for kind in allowed_kinds(user) if kind.model is model), None)
    if kind is None:
        raise PermissionDenied
    if kind.is_page and not user.is_superuser:
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(
            user, ["change", "publish"]
        )
        if not editable.filter(translation_key=translation_key).exists():
            raise PermissionDenied
    source = SourceText.objects.filter(
        content_type=kind.content_type, translation_key=translation_key
    ).first() or SourceText(content_type=kind.content_type, translation_key=translation_key)
    (row,) = build_rows([source], [kind], status.content_languages(), user)
    return row


def item_status(request, content_type_id, translation_key):
    """The status of one item in every content language (linked from its editor)."""
    try:
        content_type = ContentType.objects.get_for_id(content_type_id)
    except ContentType.DoesNotExist as error:
        raise Http404 from error
    model = content_type.model_class()
    if model is None or not status.is_tracked(model):
        raise Http404
    row = item_row(model, translation_key, request.user)
    if not row.title:
        raise Http404
    return render(
        request,
        "translations/status/item.html",
        {"row": row, "page_title": _("Translation status"), "header_icon": "globe"},
    )
