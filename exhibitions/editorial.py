"""Editorial set-up: curator review before publishing, and museum sections for editors.

- Curators (the "Curators" group) add, edit and publish every page and review what others
  submit: the "Curator review" workflow covers every home page and so the whole site.
- A museum's editors (one group per museum section) add and edit pages only under their
  section's index page, in every language, and cannot publish: they submit to curator
  review. Their images and documents go in the museum's own collection.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from portal.models import HomePage

CURATORS = "Curators"
CURATOR_REVIEW = gettext_noop("Curator review")
CURATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def _grant_media(group, collection):
    for app_label, codenames in MEDIA_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(app_label, codename)
            )


def _admin_group(name):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    return group


@transaction.atomic
def ensure_curator_review():
    """The "Curators" group and the "Curator review" workflow over every home page."""
    curators = _admin_group(CURATORS)
    _grant_media(curators, Collection.get_first_root_node())
    homes = list(HomePage.objects.all())
    for home in homes:
        _grant_pages(curators, home, CURATOR_PAGE_PERMISSIONS)

    name = _(CURATOR_REVIEW)
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    task.groups.add(curators)
    workflow, _created = Workflow.objects.get_or_create(name=name)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in homes:
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def section_group_name(section):
    museum = section.holding_museum
    label = museum.name if museum is not None else section.title
    return _("Editors: %(section)s") % {"section": label}


def museum_collection(section):
    """The image and document collection of a section's museum (created if absent)."""
    root = Collection.get_first_root_node()
    name = section.holding_museum.name if section.holding_museum else section.title
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


@transaction.atomic
def ensure_section_editors(section):
    """The editors' group of a museum section: edit under the section only, no publishing.

    ``section`` is the source-language ExhibitionIndexPage; its translations get the same
    permissions, so the museum's editors translate their own pages too.
    """
    group = _admin_group(section_group_name(section)[:150])
    for page in Page.objects.filter(translation_key=section.translation_key):
        _grant_pages(group, page, EDITOR_PAGE_PERMISSIONS)
    _grant_media(group, museum_collection(section))
    return group
