"""Helpers for the importer's tests: write small export files, run imports, dump the database.

Every import in the tests runs with English messages, so assertions can quote them.
"""

import csv
import json
from io import BytesIO

from django.utils import translation
from PIL import Image
from wagtail.search.models import IndexEntry

from portal.models import PortalImage
from registry.importing import import_register
from registry.models import (
    HoldingMuseum,
    Material,
    ObjectImage,
    ObjectInscription,
    ObjectMaker,
    ObjectMaterial,
    ObjectMeasurement,
    ObjectRelation,
    ObjectTechnique,
    ObjectType,
    RegisterObject,
    RestrictedObjectData,
    Technique,
)

RIGHTS = "http://rightsstatements.org/vocab/InC/1.0/"

#: One record with every column of the exchange format filled in.
FULL_RECORD = {
    "register_id": "UA-TEST-0001",
    "inventory_number": "КП-1234",
    "holder": "nmiu",
    "holder_name": "Національний музей історії України",
    "holder_name_en": "National Museum of the History of Ukraine",
    "holder_place": "Київ",
    "holder_place_en": "Kyiv",
    "holder_latitude": "50.4556",
    "holder_longitude": "30.5171",
    "object_type": "Живопис > Ікона",
    "object_type_en": "Painting > Icon",
    "title_uk": "Ікона «Богородиця Одигітрія»",
    "title_en": "Icon of the Virgin Hodegetria",
    "description_uk": "Темпера на дошці.\nПотребує реставрації.",
    "description_en": "Tempera on panel.\nNeeds restoration.",
    "maker": "Іван Рутковича; іконописець; 1650–1708",
    "maker_en": "Ivan Rutkovych; icon painter",
    "date_display": "кінець XVII ст.",
    "date_display_en": "late 17th century",
    "date_earliest": "1680",
    "date_latest": "1700",
    "materials": "дерево|темпера",
    "materials_en": "wood|tempera",
    "techniques": "темперний живопис",
    "techniques_en": "tempera painting",
    "dimensions": "height=52.5 cm|width=40 cm|weight=1.2 kg",
    "inscriptions": "signature: Іван|МР ѲY",
    "inscriptions_en": "Ivan|Mother of God",
    "distinguishing_features": "Тріщина в нижньому куті.",
    "distinguishing_features_en": "A crack in the lower corner.",
    "subject": "Богородиця з Дитям",
    "subject_en": "Virgin and Child",
    "place_of_origin": "Жовква",
    "place_of_origin_en": "Zhovkva",
    "status": "moved_for_safekeeping",
    "status_date": "2022-03-01",
    "status_note": "Переміщено в безпечне місце.",
    "status_note_en": "Moved to a safe place.",
    "rights": RIGHTS,
    "credit_line": "Дар родини Шептицьких",
    "credit_line_en": "Gift of the Sheptytsky family",
    "related": "UA-TEST-0002|part_of:UA-TEST-0003",
    "published": "true",
    "storage_location": "Сховище 3, стелаж 12",
    "evacuation_location": "Евакуаційна база 7",
    "evacuation_date": "2022-02-28",
}


def record(register_id, **values):
    """A small valid record of the exchange format."""
    return {"register_id": register_id, "title_uk": f"Предмет {register_id}", **values}


def write_csv(path, records, columns=None, *, encoding="utf-8"):
    columns = columns or list(dict.fromkeys(key for item in records for key in item))
    with open(path, "w", encoding=encoding, newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=columns)
        writer.writeheader()
        writer.writerows(records)
    return path


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as stream:
        for item in records:
            stream.write(json.dumps(item, ensure_ascii=False) + "\n")
    return path


def image_bytes(image_format="JPEG", *, color=(200, 120, 40), canary=None, size=(32, 24)):
    """An image; with ``canary`` its EXIF description, artist, GPS and XMP carry it."""
    image = Image.new("RGB", size, color)
    options = {}
    if canary:
        exif = Image.Exif()
        exif[0x010E] = canary  # ImageDescription
        exif[0x013B] = canary  # Artist
        gps = exif.get_ifd(0x8825)
        gps[1] = "N"
        gps[2] = (47.0, 48.0, 0.0)
        options["exif"] = exif
        options["xmp"] = f'<x:xmpmeta xmlns:x="adobe:ns:meta/">{canary}</x:xmpmeta>'.encode()
    out = BytesIO()
    image.save(out, image_format, **options)
    return out.getvalue()


def run_import(path, **options):
    """import_register with English messages."""
    with translation.override("en"):
        return import_register(path, **options)


def messages(report):
    return [(error.row, error.field, error.message) for error in report.errors]


def _rows(queryset, *fields):
    return sorted((tuple(row) for row in queryset.values_list(*fields)), key=repr)


def canonical_dump():
    """Everything an import writes, without primary keys or timestamps, in a stable order."""
    on_object = ("register_object__register_id", "register_object__locale__language_code")
    translated_child = (*on_object, "translation_key", "sort_order")
    dump = {
        "objects": _rows(
            RegisterObject.objects.all(),
            "register_id",
            "locale__language_code",
            "translation_key",
            "inventory_number",
            "holder__code",
            "object_type__key",
            "title",
            "description",
            "distinguishing_features",
            "subject",
            "date_display",
            "date_earliest",
            "date_latest",
            "place_of_origin",
            "status",
            "status_date",
            "status_note",
            "rights",
            "credit_line",
            "published",
            "content_hash",
        ),
        "makers": _rows(ObjectMaker.objects.all(), *translated_child, "name", "role", "dates"),
        "inscriptions": _rows(
            ObjectInscription.objects.all(),
            *translated_child,
            "kind",
            "transcription",
            "translation",
            "position",
        ),
        "images": _rows(
            ObjectImage.objects.all(),
            *translated_child,
            "image__file_hash",
            "alt_text",
            "caption",
            "rights",
            "credit",
        ),
        "measurements": _rows(
            ObjectMeasurement.objects.all(), *on_object, "sort_order", "dimension", "value", "unit"
        ),
        "materials": _rows(ObjectMaterial.objects.all(), *on_object, "sort_order", "material__key"),
        "techniques": _rows(
            ObjectTechnique.objects.all(), *on_object, "sort_order", "technique__key"
        ),
        "relations": _rows(
            ObjectRelation.objects.all(),
            *on_object,
            "sort_order",
            "related_register_id",
            "relation",
        ),
        "restricted": _rows(
            RestrictedObjectData.objects.all(),
            "register_object__register_id",
            "storage_location",
            "evacuation_location",
            "evacuation_date",
            "extra",
        ),
        "museums": _rows(
            HoldingMuseum.objects.all(),
            "code",
            "locale__language_code",
            "translation_key",
            "name",
            "place",
            "latitude",
            "longitude",
        ),
        "portal_images": _rows(
            PortalImage.objects.all(), "file_hash", "title", "alt_text", "rights", "credit"
        ),
        "search_index": _rows(
            IndexEntry.objects.all(), "content_type__model", "title", "body", "autocomplete"
        ),
    }
    for model in (ObjectType, Material, Technique):
        fields = ["key", "locale__language_code", "translation_key", "name"]
        if model is ObjectType:
            fields.append("parent__key")
        dump[model.__name__] = _rows(model.objects.all(), *fields)
    return dump


def delete_imported():
    """Remove everything an import writes, to run another import from scratch."""
    for model in (RegisterObject, ObjectType, Material, Technique, HoldingMuseum, PortalImage):
        if model is ObjectType:
            model.objects.filter(parent__isnull=False).delete()
        model.objects.all().delete()
    IndexEntry.objects.all().delete()
