"""schema.org JSON-LD for object pages, and its serialisation into a <script> element.

The description is built from an :class:`~registry.presenters.ObjectPage`, so it says exactly
what the page says, in the same languages; restricted data never reaches it.
"""

import json

from django.utils.safestring import mark_safe

from registry.models.objects import RelationType
from registry.presenters import photo_rendition

#: JSON inside <script> must not be able to close the element or open a comment.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

#: UN/CEFACT codes for schema.org QuantitativeValue.unitCode.
UNIT_CODES = {"mm": "MMT", "cm": "CMT", "m": "MTR", "g": "GRM", "kg": "KGM"}

#: Object relations that schema.org can express, by the property that expresses them.
PART_PROPERTIES = {RelationType.PART_OF: "isPartOf", RelationType.HAS_PART: "hasPart"}


def iso_year(year):
    """An ISO 8601 year: four digits, with a minus sign before the Common Era."""
    return f"{year:04d}" if year >= 0 else f"-{-year:04d}"


def script_json(data):
    """``data`` as JSON that is safe to place inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # Every <, > and & is escaped as a JSON unicode escape, so the text cannot end the
    # script element or start markup; json.loads reads it back unchanged.
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308


def visual_artwork(page):
    """A schema.org VisualArtwork description of an object page, as a dict."""
    source = page.source
    data = {
        "@context": "https://schema.org",
        "@type": "VisualArtwork",
        "@id": page.canonical_url + "#object",
        "url": page.canonical_url,
        "mainEntityOfPage": page.canonical_url,
        "name": page.title.value,
        "inLanguage": page.text_language,
        "identifier": [
            {"@type": "PropertyValue", "propertyID": "register-id", "value": page.register_id}
        ],
    }
    if page.inventory_number:
        data["identifier"].append(
            {
                "@type": "PropertyValue",
                "propertyID": "inventory-number",
                "value": page.inventory_number,
            }
        )
    if page.description:
        data["description"] = page.description.value
    if page.object_types:
        data["artform"] = page.object_type.value
    if source.date_earliest is not None or source.date_latest is not None:
        years = [y for y in (source.date_earliest, source.date_latest) if y is not None]
        first, last = min(years), max(years)
        data["dateCreated"] = (
            iso_year(first) if first == last else f"{iso_year(first)}/{iso_year(last)}"
        )
    elif page.date:
        data["dateCreated"] = page.date.value
    if page.date:
        data["temporal"] = page.date.value
    if page.materials:
        data["material"] = [m.value for m in page.materials]
        data["artMedium"] = ", ".join(m.value for m in page.materials)
    if page.makers:
        data["creator"] = [
            {"@type": "Person", "name": m.name.value}
            | ({"description": m.role.value} if m.role else {})
            for m in page.makers
        ]
    if page.place_of_origin:
        data["locationCreated"] = {"@type": "Place", "name": page.place_of_origin.value}
    if page.subject:
        data["about"] = {"@type": "Thing", "name": page.subject.value}
    if page.holder is not None:
        data["provider"] = museum(page.holder)
    for measurement in page.measurements:
        if measurement.dimension in ("height", "width", "depth"):
            data[measurement.dimension] = {
                "@type": "QuantitativeValue",
                "value": float(measurement.value),
                "unitCode": UNIT_CODES.get(measurement.unit, measurement.unit),
            }
    images = [image_object(photo, page.request) for photo in page.photos]
    if any(images):
        data["image"] = [image for image in images if image]
    if page.rights_url:
        data["license"] = page.rights_url
    if page.credit_line:
        data["creditText"] = page.credit_line.value
    for related in page.related_objects:
        if related.relation in PART_PROPERTIES:
            data.setdefault(PART_PROPERTIES[related.relation], []).append(
                {"@id": page.request.build_absolute_uri(related.url) + "#object"}
            )
    return data


def museum(holder):
    """A schema.org Museum for the page's holder (:class:`~registry.presenters.Holder`)."""
    provider = {"@type": "Museum", "name": holder.name.value}
    if holder.place:
        provider["address"] = holder.place.value
    if holder.website:
        provider["url"] = holder.website
    if holder.wikidata_url:
        provider["sameAs"] = holder.wikidata_url
    return provider


def image_object(photo, request):
    """A schema.org ImageObject for a photograph, or None when its file cannot be read."""
    rendition = photo_rendition(photo.image)
    if rendition is None:
        return None
    image = {
        "@type": "ImageObject",
        "contentUrl": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }
    if photo.caption or photo.alt:
        image["caption"] = (photo.caption or photo.alt).value
    if photo.credit:
        image["creditText"] = photo.credit.value
    if photo.rights_url:
        image["license"] = photo.rights_url
    return image
