"""Small builder functions for register objects, made directly with the ORM.

The uk row is the source; ``translate`` adds a row in another locale that shares the
source's ``translation_key`` and ``register_id``, with its own translatable children, the
way wagtail-localize and the importer do.
"""

import datetime
import itertools
from decimal import Decimal
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image
from wagtail.models import Locale

from portal.models import PortalImage
from registry.models import (
    HoldingMuseum,
    Material,
    ObjectImage,
    ObjectInscription,
    ObjectMaker,
    ObjectMaterial,
    ObjectMeasurement,
    ObjectRelation,
    ObjectStatus,
    ObjectTechnique,
    ObjectType,
    RegisterObject,
    RestrictedObjectData,
    Technique,
)

_sequence = itertools.count(1)


def locale(code="uk"):
    return Locale.objects.get_or_create(language_code=code)[0]


def png_bytes(width=64, height=48, colour=(180, 140, 60)):
    buffer = BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def portal_image(title="photograph", **fields):
    image = PortalImage(title=title, file=ContentFile(png_bytes(), name="photo.png"), **fields)
    image.save()
    return image


def term(model, name, *, en=None, **fields):
    """A vocabulary term (or museum) in uk, with its en translation when ``en`` is given.

    A vocabulary term that exists already (same key) is returned as it is."""
    key_field = {"key": name.lower()} if model is not HoldingMuseum else {}
    if key_field:
        existing = model.objects.filter(locale=locale("uk"), **key_field).first()
        if existing is not None:
            return existing
    source = model.objects.create(locale=locale("uk"), name=name, **key_field, **fields)
    if en is not None:
        translated = source.copy_for_translation(locale("en"))
        for field, value in en.items():
            setattr(translated, field, value)
        translated.save()
    return source


def museum(name="Національний художній музей України", *, code=None, en=None, **fields):
    fields.setdefault("place", "Київ")
    return term(HoldingMuseum, name, code=code or f"museum-{next(_sequence)}", en=en, **fields)


def object_type(name, *, parent=None, en=None):
    return term(ObjectType, name, parent=parent, en={"name": en} if en else None)


def register_object(register_id=None, **fields):
    """A published uk source row with no children."""
    fields.setdefault("title", "Ікона «Богоматір Одигітрія»")
    fields.setdefault("status", ObjectStatus.IN_COLLECTION)
    return RegisterObject.objects.create(
        register_id=register_id or f"OBJ-{next(_sequence):05d}",
        locale=locale("uk"),
        **fields,
    )


def translate(source, language="en", **fields):
    """A translation row of ``source`` in ``language`` (no children unless added)."""
    translated = RegisterObject(
        register_id=source.register_id,
        translation_key=source.translation_key,
        locale=locale(language),
        inventory_number=source.inventory_number,
        holder=source.holder,
        object_type=source.object_type,
        date_earliest=source.date_earliest,
        date_latest=source.date_latest,
        status=source.status,
        status_date=source.status_date,
        rights=source.rights,
        published=source.published,
        **fields,
    )
    translated.save()
    return translated


def add_photo(obj, *, alt_text="Фото", caption="", credit="", rights="", image=None, **extra):
    return ObjectImage.objects.create(
        register_object=obj,
        locale=obj.locale,
        image=image or portal_image(),
        alt_text=alt_text,
        caption=caption,
        credit=credit,
        rights=rights,
        **extra,
    )


def add_maker(obj, name, role="", dates="", **extra):
    return ObjectMaker.objects.create(
        register_object=obj, locale=obj.locale, name=name, role=role, dates=dates, **extra
    )


def add_inscription(obj, transcription, *, kind="inscription", translation="", position=""):
    return ObjectInscription.objects.create(
        register_object=obj,
        locale=obj.locale,
        kind=kind,
        transcription=transcription,
        translation=translation,
        position=position,
    )


def full_object(register_id="NHMU-1001", *, related_ids=(), translated=True):
    """An object with every Object ID category filled in, in uk and (optionally) en."""
    painting = object_type("Живопис", en="Painting")
    icon = object_type("Ікона", parent=painting, en="Icon")
    holder = museum(
        "Національний художній музей України",
        en={"name": "National Art Museum of Ukraine", "place": "Kyiv"},
        website="https://namu.kiev.ua/",
        wikidata_id="Q1420475",
    )
    obj = register_object(
        register_id,
        inventory_number="Ж-1234",
        holder=holder,
        object_type=icon,
        title="Богоматір Одигітрія",
        description="Ікона на липовій дошці з ковчегом.",
        subject="Богоматір з Дитям",
        distinguishing_features="Тріщина на лівій дошці, сліди воску.",
        date_display="кінець XVII ст.",
        date_earliest=1680,
        date_latest=1700,
        place_of_origin="Волинь",
        status=ObjectStatus.IN_COLLECTION,
        rights="http://rightsstatements.org/vocab/NoC-NC/1.0/",
        credit_line="Дар родини Шевченків, 1925",
    )
    wood = term(Material, "Дерево", en={"name": "Wood"})
    gesso = term(Material, "Левкас", en={"name": "Gesso"})
    tempera = term(Technique, "Темпера", en={"name": "Tempera"})
    for index, material in enumerate((wood, gesso)):
        ObjectMaterial.objects.create(register_object=obj, material=material, sort_order=index)
    ObjectTechnique.objects.create(register_object=obj, technique=tempera)
    ObjectMeasurement.objects.create(
        register_object=obj, dimension="height", value=Decimal("45.5"), unit="cm", sort_order=0
    )
    ObjectMeasurement.objects.create(
        register_object=obj, dimension="width", value=Decimal("33.000"), unit="cm", sort_order=1
    )
    add_maker(obj, "Іван Руткович", role="іконописець", dates="бл. 1650–1708")
    add_inscription(
        obj, "МР ѲУ", kind="inscription", translation="Матір Божа", position="угорі ліворуч"
    )
    image_one, image_two = portal_image("one"), portal_image("two")
    add_photo(
        obj,
        image=image_one,
        alt_text="Ікона, лицевий бік",
        caption="Лицевий бік",
        credit="Фото: Олена Коваль",
        rights="https://creativecommons.org/licenses/by/4.0/",
        sort_order=0,
    )
    add_photo(obj, image=image_two, alt_text="Зворот ікони", caption="Зворот", sort_order=1)
    for index, related_id in enumerate(related_ids):
        ObjectRelation.objects.create(
            register_object=obj, related_register_id=related_id, sort_order=index
        )
    if translated:
        en = translate(
            obj,
            title="Virgin Hodegetria",
            description="An icon on a lime-wood panel with a recessed field.",
            subject="The Virgin and Child",
            distinguishing_features="A crack in the left board, traces of wax.",
            date_display="late 17th century",
            place_of_origin="Volhynia",
            credit_line="Gift of the Shevchenko family, 1925",
        )
        add_maker(en, "Ivan Rutkovych", role="icon painter", dates="c. 1650–1708")
        add_inscription(en, "МР ѲУ", translation="Mother of God", position="upper left")
        add_photo(
            en,
            image=image_one,
            alt_text="The icon, front",
            caption="Front",
            credit="Photo: Olena Koval",
            rights="https://creativecommons.org/licenses/by/4.0/",
            sort_order=0,
        )
        add_photo(en, image=image_two, alt_text="Back of the icon", caption="Back", sort_order=1)
    return obj


def restrict(obj, secret):
    """Put ``secret`` in every restricted field of ``obj``."""
    return RestrictedObjectData.objects.create(
        register_object=obj,
        storage_location=f"Сховище {secret}",
        evacuation_location=f"Евакуйовано до {secret}",
        evacuation_date=datetime.date(2022, 3, 1),
        extra={"shelf": secret, "note": f"Restricted {secret}"},
    )
