"""The values the writer inserts: object rows, child rows and restricted data, as tuples.

Language-neutral children (measurements, materials, techniques, relations) are copied into
every language's row; translatable children (makers, inscriptions, photographs) get each
language's text and share a translation key derived from the object's key and position.
"""

from registry.models import (
    ObjectImage,
    ObjectInscription,
    ObjectMaker,
    ObjectMaterial,
    ObjectMeasurement,
    ObjectRelation,
    ObjectTechnique,
)

from .schema import OBJECT_TEXTS

#: The content hash of a row that is written but not yet in the search index.
PENDING_HASH = ""
NEUTRAL_FIELDS = (
    "inventory_number",
    "date_earliest",
    "date_latest",
    "status",
    "status_date",
    "rights",
    "published",
)
TEXT_FIELDS = OBJECT_TEXTS
UPDATE_FIELDS = (
    *NEUTRAL_FIELDS,
    *TEXT_FIELDS,
    "holder",
    "object_type",
    "translation_key",
    "content_hash",
    "updated_at",
)
OBJECT_COLUMNS = (
    "register_id",
    "locale",
    "translation_key",
    *NEUTRAL_FIELDS[:1],
    "holder",
    "object_type",
    *NEUTRAL_FIELDS[1:],
    *TEXT_FIELDS,
    "content_hash",
    "created_at",
    "updated_at",
)
CHILD_COLUMNS = {
    ObjectMaker: ("locale", "translation_key", "sort_order", "name", "role", "dates"),
    ObjectInscription: (
        "locale",
        "translation_key",
        "sort_order",
        "kind",
        "transcription",
        "translation",
        "position",
    ),
    ObjectImage: (
        "locale",
        "translation_key",
        "sort_order",
        "image",
        "alt_text",
        "caption",
        "rights",
        "credit",
    ),
    ObjectMeasurement: ("sort_order", "dimension", "value", "unit"),
    ObjectMaterial: ("sort_order", "material"),
    ObjectTechnique: ("sort_order", "technique"),
    ObjectRelation: ("sort_order", "related_register_id", "relation"),
}
CHILD_MODELS = (
    ObjectMaker,
    ObjectInscription,
    ObjectImage,
    ObjectMeasurement,
    ObjectMaterial,
    ObjectTechnique,
    ObjectRelation,
)
#: Child models whose rows are the same in every language.
NEUTRAL_CHILD_MODELS = (ObjectMeasurement, ObjectMaterial, ObjectTechnique, ObjectRelation)
#: The translatable texts of the child rows by relation, in the order child_texts gives them.
CHILD_TEXTS = {
    "makers": ("name", "role"),
    "inscriptions": ("translation", "position"),
    "images": ("alt_text", "caption", "credit"),
}
#: What an object row that a person translated gets from a changed record: the
#: language-neutral values only (see .tracking).
SYNCHRONISED_FIELDS = (*NEUTRAL_FIELDS, "holder", "object_type", "updated_at")
RESTRICTED_FIELDS = ("storage_location", "evacuation_location", "evacuation_date", "extra")
TITLE = OBJECT_TEXTS.index("title")
CREDIT = OBJECT_TEXTS.index("credit_line")


class RowValues:
    """Builds row values from records, with the ids of museums and terms resolved."""

    def __init__(self, locales, museums, terms):
        self.locales = locales
        self.source_code = next(iter(locales))
        self.museums = museums
        self.terms = terms

    def object_values(self, record, language, key, now):
        """The values of one object row, in the order of OBJECT_COLUMNS."""
        fields = record.fields
        holder = record.holder
        object_type = record.object_type[-1].key if record.object_type else None
        return (
            record.register_id,
            self.locales[language].pk,
            key,
            fields["inventory_number"],
            self.museums.id_of(holder.code) if holder else None,
            self.terms["object_type"].id_of(object_type) if object_type else None,
            *(fields[name] for name in NEUTRAL_FIELDS[1:]),
            *record.texts[language],
            PENDING_HASH,
            now,
            now,
        )

    def child_texts(self, record, language):
        """The translatable texts of one language's child rows: ``{relation: [tuple, …]}``.

        Tuples hold the fields of CHILD_TEXTS in order, as the rows store them; the
        fingerprint of the row's text (see .tracking) is made from these values too.
        """
        pick = record.pick
        texts = record.texts
        title, credit = texts[language][TITLE], texts[language][CREDIT]
        images = []
        if record.images:
            own_title = record.text.get("title", {}).get(language)
            source_title = texts[self.source_code][TITLE]
            for image in record.images:
                if language == self.source_code:
                    alt = pick(image.alts, language) or title
                else:
                    alt = (
                        image.alts.get(language)
                        or own_title
                        or pick(image.alts, self.source_code)
                        or source_title
                    )
                images.append((alt[:500], pick(image.captions, language), credit[:300]))
        return {
            "makers": [
                (pick(maker["names"], language), pick(maker["roles"], language))
                for maker in record.makers
            ],
            "inscriptions": [
                (pick(item["translations"], language), pick(item["positions"], language))
                for item in record.inscriptions
            ],
            "images": images,
        }

    def children_of(self, record, language, row, image_ids, children, *, texts=None):
        """Append the child rows of one object row to ``children`` (tuples by model).

        ``texts``: the row's :meth:`child_texts`, when already worked out.
        """
        pk, locale_id = row.pk, row.locale_id
        keys = record.child_keys_under(row.translation_key)
        texts = texts or self.child_texts(record, language)
        for index, maker in enumerate(record.makers):
            name, role = texts["makers"][index]
            children[ObjectMaker].append(
                (pk, locale_id, keys["maker"][index], index, name, role, maker["dates"])
            )
        for index, item in enumerate(record.inscriptions):
            translation, position = texts["inscriptions"][index]
            children[ObjectInscription].append(
                (
                    pk,
                    locale_id,
                    keys["inscription"][index],
                    index,
                    item["kind"],
                    item["transcription"],
                    translation,
                    position,
                )
            )
        for index, image in enumerate(record.images):
            alt, caption, credit = texts["images"][index]
            children[ObjectImage].append(
                (
                    pk,
                    locale_id,
                    keys["image"][index],
                    index,
                    image_ids[image.file_hash],
                    alt,
                    caption,
                    row.rights,
                    credit,
                )
            )
        self.neutral_children_of(record, pk, children)

    def neutral_children_of(self, record, pk, children):
        """Append the language-neutral child rows of one object row to ``children``."""
        for index, measurement in enumerate(record.measurements):
            children[ObjectMeasurement].append(
                (pk, index, measurement.dimension, measurement.value, measurement.unit)
            )
        for model, name in ((ObjectMaterial, "materials"), (ObjectTechnique, "techniques")):
            cache = self.terms[name]
            for index, term in enumerate(getattr(record, name)):
                children[model].append((pk, index, cache.id_of(term.key)))
        for index, (relation, related_id) in enumerate(record.relations):
            children[ObjectRelation].append((pk, index, related_id, relation))
