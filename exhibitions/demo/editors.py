"""Demo editorial set-up: curator review, and a museum section with its own editor. Demo only.

The National Art Museum of Ukraine gets a section under the exhibitions index (in every
language) and an "editor" account that can write there, and only there, and submits its
pages to curator review.
"""

from django.db import transaction
from django.utils.translation import override
from wagtail.models import Locale

from exhibitions.editorial import ensure_curator_review, ensure_section_editors
from exhibitions.models import ExhibitionIndexPage
from registry.demo.users import _ensure_user
from registry.demo.vocabulary import MUSEUMS
from registry.models import HoldingMuseum

SECTION_SLUG = "namu"
SECTION_MUSEUM = "namu"
EDITOR = "editor"
SECTION_INTRODUCTION = {
    "uk": "<p>Виставки й історії, які готують редактори Національного художнього музею.</p>",
    "en": "<p>Exhibitions and stories by the editors of the National Art Museum.</p>",
}


def _section(index, museum):
    section = ExhibitionIndexPage.objects.child_of(index).filter(slug=SECTION_SLUG).first()
    if section is None:
        names = MUSEUMS[SECTION_MUSEUM].name
        section = ExhibitionIndexPage(
            title=names[0],
            slug=SECTION_SLUG,
            holding_museum=museum,
            introduction=SECTION_INTRODUCTION["uk"],
        )
        index.add_child(instance=section)
        section.save_revision().publish()
    for language, title in zip(("en",), MUSEUMS[SECTION_MUSEUM].name[1:], strict=False):
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None or section.get_translations().filter(locale=locale).exists():
            continue
        if not index.get_translations().filter(locale=locale).exists():
            continue
        translation = section.copy_for_translation(locale)
        translation.title = title
        translation.introduction = SECTION_INTRODUCTION[language]
        translation.save_revision().publish()
    return section


@transaction.atomic
def ensure_editorial_demo():
    """Curator review over the site, the NAMU section and its editor; returns the accounts."""
    ensure_curator_review()
    index = ExhibitionIndexPage.objects.filter(
        locale__language_code="uk", depth=3, slug="exhibitions"
    ).first()
    museum = HoldingMuseum.objects.filter(
        locale__language_code="uk", name=MUSEUMS[SECTION_MUSEUM].name[0]
    ).first()
    if index is None:
        return []
    with override("uk"):
        section = _section(index, museum)
    group = ensure_section_editors(section)
    user, created = _ensure_user(EDITOR, group=group)
    return [(EDITOR, "section_editor", created)]
