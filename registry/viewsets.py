from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from registry.models import (
    HoldingMuseum,
    Material,
    ObjectType,
    RegisterObject,
    RestrictedObjectData,
    Technique,
)
from translations.panels import TranslationStatusPanel


class RegisterObjectViewSet(SnippetViewSet):
    model = RegisterObject
    icon = "form"
    menu_label = _("Objects")
    list_display = ["title", "register_id", "inventory_number", "holder", "status", "published"]
    list_filter = {"status": ["exact"], "published": ["exact"]}
    list_per_page = 50
    ordering = ["register_id"]
    copy_view_enabled = False
    # Each content language's translation status (up to date, outdated, missing) below the form.
    panels = [*RegisterObject.panels, TranslationStatusPanel()]

    def get_queryset(self, request):
        return RegisterObject.objects.select_related("holder", "locale")


class HoldingMuseumViewSet(SnippetViewSet):
    model = HoldingMuseum
    icon = "home"
    menu_label = _("Holding museums")
    list_display = ["name", "place", "code"]
    copy_view_enabled = False
    panels = [*HoldingMuseum.panels, TranslationStatusPanel()]


class ObjectTypeViewSet(SnippetViewSet):
    model = ObjectType
    icon = "tag"
    menu_label = _("Object types")
    list_display = ["name", "parent"]
    panels = [FieldPanel("name"), FieldPanel("parent"), TranslationStatusPanel()]
    copy_view_enabled = False


class MaterialViewSet(SnippetViewSet):
    model = Material
    icon = "tag"
    menu_label = _("Materials")
    panels = [FieldPanel("name"), TranslationStatusPanel()]
    copy_view_enabled = False


class TechniqueViewSet(SnippetViewSet):
    model = Technique
    icon = "tag"
    menu_label = _("Techniques")
    panels = [FieldPanel("name"), TranslationStatusPanel()]
    copy_view_enabled = False


class RegisterViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Register")
    menu_icon = "form"
    menu_order = 150
    items = (
        RegisterObjectViewSet,
        HoldingMuseumViewSet,
        ObjectTypeViewSet,
        MaterialViewSet,
        TechniqueViewSet,
    )


class RestrictedObjectDataViewSet(ModelViewSet):
    """Storage and evacuation locations: a separate admin area behind its own permission."""

    model = RestrictedObjectData
    icon = "lock"
    menu_label = _("Restricted locations")
    menu_order = 160
    add_to_admin_menu = True
    url_prefix = "restricted-locations"
    name = "restricted_locations"
    list_display = ["register_object", "storage_location", "evacuation_location", "updated_at"]
    search_fields = ["register_object__register_id"]
    copy_view_enabled = False
    inspect_view_enabled = True
    panels = [
        FieldPanel("register_object"),
        FieldPanel("storage_location"),
        FieldRowPanel([FieldPanel("evacuation_location"), FieldPanel("evacuation_date")]),
        FieldPanel("extra"),
    ]

    def get_queryset(self, request):
        return RestrictedObjectData.objects.select_related("register_object")


__all__ = ["RegisterViewSetGroup", "RestrictedObjectDataViewSet"]
