"""The deterministic collection the golden files are made from.

Two museums with published objects and one with none; a translated object with two
photographs (one large enough to be scaled), an untranslated one, one without photographs
and an unpublished one; an exhibition in uk and en that features three of them (and the
unpublished one) across its landing page and a chapter, and a draft exhibition. Every
object carries ``canary`` in its restricted data. Identifiers that are random in real life
(museum codes from the sequence, IIIF image identifiers, page translation keys) are fixed
here, so the documents are the same on every run.
"""

import uuid
from dataclasses import dataclass

from wagtail.models import Page

from exhibitions.tests.factories import (
    ChapterPageFactory,
    ExhibitionIndexPageFactory,
    ExhibitionPageFactory,
    translate,
)
from portal.models import HomePage, PortalImage
from registry.models import HoldingMuseum
from registry.tests import builders

EXHIBITION_KEY = uuid.UUID("6d7c1a52-3b1e-4c0f-9a57-1f2e3d4c5b6a")
HERO_IDENTIFIER = "golden-hero-image-0000"


@dataclass
class Collection:
    museum_code: str
    other_museum_code: str
    hidden_museum_code: str
    exhibition_key: uuid.UUID
    image_identifiers: dict


def fix_identifier(image, identifier):
    PortalImage.objects.filter(pk=image.pk).update(iiif_identifier=identifier)
    image.iiif_identifier = identifier
    return image


def fix_code(museum, code):
    HoldingMuseum.objects.filter(translation_key=museum.translation_key).update(code=code)
    museum.code = code
    return museum


def build(canary):
    """Build the collection (``portal_site`` must exist) and return its fixed identifiers."""
    icon = builders.full_object("NHMU-1001")
    museum = fix_code(icon.holder, "namu")
    one, two = (photo.image for photo in icon.images.order_by("sort_order"))
    fix_identifier(one, "golden-image-one-00000")
    fix_identifier(two, "golden-image-two-00000")
    # A large photograph: the canvas paints a scaled copy; only the stored size matters.
    PortalImage.objects.filter(pk=two.pk).update(width=4000, height=3000)

    towel = builders.register_object(
        "NHMU-1002",
        holder=museum,
        title="Рушник вишитий",
        description="Рушник з полтавською вишивкою білим по білому.",
        date_display="1920-ті роки",
        rights="https://creativecommons.org/publicdomain/zero/1.0/",
    )
    towel_photo = builders.add_photo(towel, alt_text="Рушник, розгорнутий на столі")
    fix_identifier(towel_photo.image, "golden-image-towel-000")

    hidden = builders.register_object("NHMU-1003", holder=museum, published=False)
    hidden_photo = builders.add_photo(hidden, alt_text="Прихований предмет")
    fix_identifier(hidden_photo.image, "golden-image-hidden-00")

    other = fix_code(
        builders.museum("Музей Івана Гончара", en={"name": "Ivan Honchar Museum"}), "honchar"
    )
    pot = builders.register_object("HON-1", holder=other, title="Глек", date_display="XIX ст.")
    builders.translate(pot, title="Jug", date_display="19th century")

    shut = fix_code(builders.museum("Закритий музей"), "closed")
    builders.register_object("CLS-1", holder=shut, published=False)

    for obj in (icon, towel, hidden, pot):
        builders.restrict(obj, canary)

    build_exhibitions(icon, towel, hidden, pot)
    return Collection(
        museum_code="namu",
        other_museum_code="honchar",
        hidden_museum_code="closed",
        exhibition_key=EXHIBITION_KEY,
        image_identifiers={
            "one": one.iiif_identifier,
            "two": two.iiif_identifier,
            "towel": towel_photo.image.iiif_identifier,
            "hidden": hidden_photo.image.iiif_identifier,
        },
    )


def build_exhibitions(icon, towel, hidden, pot):
    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    index = ExhibitionIndexPageFactory(parent=homes["uk"])
    hero = fix_identifier(builders.portal_image("hero"), HERO_IDENTIFIER)
    exhibition = ExhibitionPageFactory(
        parent=index,
        title="Врятовані скарби",
        slug="vriatovani",
        summary="Предмети, вивезені в безпечне місце, і люди, які їх рятували.",
        hero_image=hero,
        hero_alt_text="Ящики в сховищі",
        body=[
            {"type": "paragraph", "value": "<p>Виставка в розділах.</p>"},
            {"type": "register_object", "value": {"object": icon.pk, "layout": "feature"}},
            {
                "type": "object_grid",
                "value": {"heading": "", "objects": [towel.pk, hidden.pk, icon.pk]},
            },
        ],
    )
    ChapterPageFactory(
        parent=exhibition,
        title="Розділ 1",
        slug="rozdil-1",
        body=[
            {"type": "image", "value": {"register_object": towel.pk, "alt_text": "Рушник"}},
            {"type": "register_object", "value": {"object": pot.pk, "layout": "card"}},
        ],
    )
    ExhibitionPageFactory(
        parent=index,
        title="Чернетка",
        slug="chernetka",
        live=False,
        body=[{"type": "register_object", "value": {"object": towel.pk}}],
    )
    translate(index, "en", title="Exhibitions")
    translate(
        exhibition,
        "en",
        title="Rescued treasures",
        summary="Objects moved for safekeeping, and the people who moved them.",
    )
    Page.objects.filter(translation_key=exhibition.translation_key).update(
        translation_key=EXHIBITION_KEY
    )
