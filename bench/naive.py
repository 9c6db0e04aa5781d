"""The peer for the import benchmark: the straightforward loop, one ``.save()`` per row.

What a first version of an importer looks like: read the CSV row by row and, in one
transaction per row (so no record is ever half-written), get-or-create the museum, the
object type and each vocabulary term with their English translations, save the Ukrainian
object, its restricted data and each child row, then the English translation row and its
children, one ``Model.save()`` at a time. Every save fires Django's and Wagtail's signals as
usual, so Wagtail's search index and reference index are updated object by object (the
reference index can be switched off, to compare like with like: the importer skips it).

It parses the same exchange format (docs/import-format.md) with plain string splitting and
skips validation: it does less checking than the real importer, never more.
"""

import csv
import hashlib
from contextlib import nullcontext
from decimal import Decimal

from django.db import transaction
from wagtail.models import Locale
from wagtail.signal_handlers import disable_reference_index_auto_update

from registry.models import (
    HoldingMuseum,
    Material,
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


def _split(value):
    return [part.strip() for part in value.split("|") if part.strip()] if value else []


def _term(model, label, label_en, uk, en, **extra):
    source, _created = model.objects.get_or_create(
        key=label.casefold(), locale=uk, defaults={"name": label, **extra}
    )
    if label_en:
        model.objects.get_or_create(
            translation_key=source.translation_key,
            locale=en,
            defaults={"key": source.key, "name": label_en, **extra},
        )
    return source


def _makers(value):
    for entry in _split(value):
        name, role, dates = ([*entry.split(";"), "", ""])[:3]
        yield name.strip(), role.strip(), dates.strip()


def _inscriptions(value):
    for entry in _split(value):
        kind, sep, text = entry.partition(":")
        yield (kind.strip(), text.strip()) if sep else ("inscription", entry)


def _int(value):
    return int(value) if value else None


def save_row(row, uk, en):
    """Save one exchange-format row the straightforward way; returns the source object."""
    holder = HoldingMuseum.objects.get_or_create(
        code=row["holder"],
        locale=uk,
        defaults={
            "name": row["holder_name"],
            "place": row["holder_place"],
            "latitude": row["holder_latitude"] or None,
            "longitude": row["holder_longitude"] or None,
        },
    )[0]
    HoldingMuseum.objects.get_or_create(
        translation_key=holder.translation_key,
        locale=en,
        defaults={
            "code": holder.code,
            "name": row["holder_name_en"],
            "place": row["holder_place_en"],
            "latitude": holder.latitude,
            "longitude": holder.longitude,
        },
    )
    broad, narrow = (part.strip() for part in row["object_type"].split(">"))
    broad_en, narrow_en = (part.strip() for part in row["object_type_en"].split(">"))
    parent = _term(ObjectType, broad, broad_en, uk, en)
    object_type = _term(ObjectType, narrow, narrow_en, uk, en, parent=parent)

    common = {
        "register_id": row["register_id"],
        "inventory_number": row["inventory_number"],
        "holder": holder,
        "object_type": object_type,
        "date_earliest": _int(row["date_earliest"]),
        "date_latest": _int(row["date_latest"]),
        "status": row["status"] or "in_collection",
        "status_date": row["status_date"] or None,
        "rights": row["rights"],
        "published": row["published"] != "false",
        "content_hash": hashlib.sha256(repr(sorted(row.items())).encode()).hexdigest(),
    }
    source = RegisterObject(
        locale=uk,
        title=row["title_uk"],
        description=row["description_uk"],
        distinguishing_features=row["distinguishing_features"],
        subject=row["subject"],
        date_display=row["date_display"],
        place_of_origin=row["place_of_origin"],
        status_note=row["status_note"],
        credit_line=row["credit_line"],
        **common,
    )
    source.save()
    RestrictedObjectData(
        register_object=source,
        storage_location=row["storage_location"],
        evacuation_location=row["evacuation_location"],
        evacuation_date=row["evacuation_date"] or None,
    ).save()
    translation = RegisterObject(
        locale=en,
        translation_key=source.translation_key,
        title=row["title_en"] or row["title_uk"],
        description=row["description_en"],
        distinguishing_features=row["distinguishing_features_en"],
        subject=row["subject_en"],
        date_display=row["date_display_en"],
        place_of_origin=row["place_of_origin_en"],
        status_note=row["status_note_en"],
        credit_line=row["credit_line_en"],
        **common,
    )
    translation.save()

    makers_en = list(_makers(row["maker_en"]))
    for order, (name, role, dates) in enumerate(_makers(row["maker"])):
        maker = ObjectMaker(
            register_object=source, locale=uk, sort_order=order, name=name, role=role, dates=dates
        )
        maker.save()
        name_en, role_en, _dates = makers_en[order] if order < len(makers_en) else (name, role, "")
        ObjectMaker(
            register_object=translation,
            locale=en,
            translation_key=maker.translation_key,
            sort_order=order,
            name=name_en,
            role=role_en,
            dates=dates,
        ).save()

    for model, link, column, field in (
        (Material, ObjectMaterial, "materials", "material"),
        (Technique, ObjectTechnique, "techniques", "technique"),
    ):
        labels_en = _split(row[f"{column}_en"])
        for order, label in enumerate(_split(row[column])):
            term = _term(model, label, labels_en[order] if order < len(labels_en) else "", uk, en)
            for owner in (source, translation):
                link(register_object=owner, sort_order=order, **{field: term}).save()

    for order, entry in enumerate(_split(row["dimensions"])):
        dimension, _sep, measure = entry.partition("=")
        value, unit = measure.split()
        for owner in (source, translation):
            ObjectMeasurement(
                register_object=owner,
                sort_order=order,
                dimension=dimension,
                value=Decimal(value),
                unit=unit,
            ).save()

    translations = _split(row["inscriptions_en"])
    for order, (kind, text) in enumerate(_inscriptions(row["inscriptions"])):
        inscription = ObjectInscription(
            register_object=source, locale=uk, sort_order=order, kind=kind, transcription=text
        )
        inscription.save()
        ObjectInscription(
            register_object=translation,
            locale=en,
            translation_key=inscription.translation_key,
            sort_order=order,
            kind=kind,
            transcription=text,
            translation=translations[order] if order < len(translations) else "",
        ).save()

    for order, entry in enumerate(_split(row["related"])):
        relation, sep, other = entry.partition(":")
        for owner in (source, translation):
            ObjectRelation(
                register_object=owner,
                sort_order=order,
                related_register_id=other if sep else relation,
                relation=relation if sep else "related",
            ).save()
    return source


def naive_import(path, limit=None, *, reference_index=True):
    """Import the first ``limit`` rows of ``path`` one save at a time; returns the count.

    With ``reference_index=False`` Wagtail's reference index (the admin's "usage" of images,
    museums and terms) is not updated, which is what the bulk importer does too: the peer
    then does the same work as the importer.
    """
    uk = Locale.objects.get(language_code="uk")
    en = Locale.objects.get(language_code="en")
    count = 0
    context = nullcontext() if reference_index else disable_reference_index_auto_update()
    with context, open(path, encoding="utf-8-sig", newline="") as source:
        for row in csv.DictReader(source):
            if limit is not None and count >= limit:
                break
            with transaction.atomic():
                save_row(row, uk, en)
            count += 1
    return count
