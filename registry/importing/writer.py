"""Writes checked records in transactional batches, with bulk queries only.

For a batch, the writer reads the existing rows of its register IDs in one query, skips the
records whose content hash is unchanged, resolves vocabulary, museums and images, and then
writes everything of the batch in one transaction: object rows in every language, their
child rows, restricted data and the readers' search documents (whose texts the checking
process has analysed already, see workers.analyse_texts). Wagtail's own search index, which
the admin searches, follows every INDEX_WINDOW records. A batch is written completely or not
at all, so a run killed at any point and run again ends as one clean run would.
"""

from itertools import islice

from django.core.exceptions import ImproperlyConfigured
from django.db import router, transaction
from django.db.models.base import ModelState
from django.utils import timezone
from wagtail.search.backends import get_search_backends

from portal.sql import RowInserter, RowUpdater, update_column
from registry.models import (
    HoldingMuseum,
    Material,
    ObjectType,
    RegisterObject,
    RestrictedObjectData,
    Technique,
)
from search.documents import known_terms
from search.indexing import index_objects

from .errors import BadValue
from .images import ImageStore, sanitise
from .lookups import MuseumCache, TermCache
from .rows import (
    CHILD_COLUMNS,
    CHILD_MODELS,
    NEUTRAL_CHILD_MODELS,
    OBJECT_COLUMNS,
    RESTRICTED_FIELDS,
    SYNCHRONISED_FIELDS,
    UPDATE_FIELDS,
    RowValues,
)
from .tracking import TranslationTracker

#: Records written before Wagtail's search index is updated in bulk. Its database backend
#: recomputes title norms over the whole index on each update, so updating it after every
#: small batch would make a large import quadratic.
INDEX_WINDOW = 5000
#: Rows per IN (...) list, below every database's limit on query parameters.
CHUNK = 900


def chunks(items, size=CHUNK):
    """Lists of at most ``size`` items, consuming ``items`` lazily."""
    iterator = iter(items)
    while part := list(islice(iterator, size)):
        yield part


class BatchWriter:
    """Writes batches of records; keeps caches of vocabulary and museums between batches."""

    def __init__(self, locales, report, *, dry_run=False):
        self.locales = locales  # language code -> Locale, source first
        self.source_code = next(iter(locales))
        self.source = locales[self.source_code]
        self.report = report
        self.dry_run = dry_run
        self.terms = {
            "object_type": TermCache(ObjectType, locales, dry_run=dry_run),
            "materials": TermCache(Material, locales, dry_run=dry_run),
            "techniques": TermCache(Technique, locales, dry_run=dry_run),
        }
        self.museums = MuseumCache(locales, dry_run=dry_run, report=report)
        self.rows = RowValues(locales, self.museums, self.terms)
        self.tracker = TranslationTracker(locales, self.rows)
        self.images = ImageStore()
        self.backends = [] if dry_run else list(get_search_backends(with_auto_update=True))
        # Rows written but not yet in the search index, with the content hashes they get
        # once they are (see flush_index).
        self.unindexed = []
        self.unindexed_hashes = []
        self.unindexed_records = 0
        self.db = router.db_for_write(RegisterObject)
        self.inserters = {
            model: RowInserter(model, ("register_object", *columns))
            for model, columns in CHILD_COLUMNS.items()
        }
        self.inserters[RegisterObject] = RowInserter(RegisterObject, OBJECT_COLUMNS)
        # Updates of object rows: every changed value, or only the language-neutral ones for
        # a translation a person made (by the positions of those fields in OBJECT_COLUMNS).
        self.updaters = {
            fields: (
                RowUpdater(RegisterObject, fields),
                [OBJECT_COLUMNS.index(name) for name in fields],
            )
            for fields in (UPDATE_FIELDS, SYNCHRONISED_FIELDS)
        }
        # Attribute names of the values (*OBJECT_COLUMNS, pk): every concrete field.
        options = RegisterObject._meta
        self.attnames = [options.get_field(name).attname for name in OBJECT_COLUMNS]
        self.attnames.append(options.pk.attname)
        if set(self.attnames) != {field.attname for field in options.concrete_fields}:
            raise ImproperlyConfigured("OBJECT_COLUMNS must name every field of RegisterObject.")
        self.inserters[RestrictedObjectData] = RowInserter(
            RestrictedObjectData, ("register_object", *RESTRICTED_FIELDS, "updated_at")
        )

    # Reading and preparing ----------------------------------------------------------------

    def _existing(self, register_ids):
        """Rows already in the database, by register ID and language code."""
        rows = {}
        if self.source.pk is None:
            return rows
        codes = {locale.pk: code for code, locale in self.locales.items()}
        for part in chunks(register_ids):
            query = RegisterObject.objects.filter(register_id__in=part).values_list(
                "register_id", "locale_id", "pk", "translation_key", "content_hash"
            )
            for register_id, locale_id, pk, key, content_hash in query:
                language = codes.get(locale_id, locale_id)
                rows.setdefault(register_id, {})[language] = (pk, key, content_hash)
        return rows

    def _prepare(self, records):
        """Check what needs the database or the image files; drop records that fail."""
        for name, cache in self.terms.items():
            cache.load(term.key for record in records for term in getattr(record, name))
        self.museums.load(record.holder.code for record in records if record.holder)
        ready = []
        for record in records:
            field = "images"
            try:
                for image in record.images:
                    sanitise(image)
                field = "object_type"
                levels = record.object_type
                for index, term in enumerate(levels):
                    parent = levels[0] if index == 1 else None
                    self.terms["object_type"].plan(
                        term, parent, broad=len(levels) == 2 and not index
                    )
                for name in ("materials", "techniques"):
                    for term in getattr(record, name):
                        self.terms[name].plan(term)
                if record.holder:
                    self.museums.plan(record.holder)
            except BadValue as error:
                self.report.add_errors(
                    record.row, record.line, record.register_id, [(field, error.message)]
                )
                continue
            ready.append(record)
        return ready

    # Writing ------------------------------------------------------------------------------

    def write(self, records):
        """Write one batch; unchanged records are only counted."""
        existing = self._existing([record.register_id for record in records])
        changed = []
        for record in records:
            source_row = existing.get(record.register_id, {}).get(self.source_code)
            if source_row and source_row[2] == record.content_hash:
                self.report.unchanged += 1
            else:
                changed.append(record)
        changed = self._prepare(changed)
        keys = {
            record.register_id: self._translation_key(record, existing.get(record.register_id, {}))
            for record in changed
        }
        plan = self.tracker.plan(changed, existing, keys)
        if self.dry_run:
            self._apply_shared()
        elif changed:
            try:
                with transaction.atomic():
                    rows = self._apply(changed, existing, keys, plan)
                    self.tracker.record(plan)
                    # The readers' index, in bulk, in the batch's transaction (search.indexing),
                    # with the terms the checking process worked out.
                    terms = {}
                    for record in changed:
                        terms.update(record.terms)
                    with known_terms(terms):
                        index_objects([record.register_id for record in changed])
            except BaseException:
                self.images.discard_stored()
                raise
            self.images.commit()
            self.unindexed += rows
            self.unindexed_hashes += [(row.final_hash, row.pk) for row in rows]
            self.unindexed_records += len(changed)
            if self.unindexed_records >= INDEX_WINDOW:
                self.flush_index()
        for record in changed:
            if self.source_code in existing.get(record.register_id, {}):
                self.report.updated += 1
            else:
                self.report.created += 1
        self.report.add_translations(plan)
        self.report.batches += 1

    def _apply_shared(self):
        museums = self.museums.apply()
        terms = {cache.model: cache.apply() for cache in self.terms.values()}
        return museums, terms

    def _apply(self, records, existing, keys, plan):
        museums, terms = self._apply_shared()
        image_ids = self._store_images(records)
        now = timezone.now()
        new_rows, updated_rows, kept_rows = [], [], []
        for record in records:
            have = existing.get(record.register_id, {})
            key = keys[record.register_id]
            kept = plan.kept_languages(record.register_id)
            for language in (self.source_code, *record.languages):
                if language in kept:
                    continue
                values = self.rows.object_values(record, language, key, now)
                if language in have:
                    updated_rows.append(
                        self._instance(values, have[language][0], record.content_hash)
                    )
                else:
                    new_rows.append((values, record.content_hash))
            if kept:
                # Translations a person made keep their text; the language-neutral values
                # follow the record (see .tracking).
                values = list(self.rows.object_values(record, self.source_code, key, now))
                for pk, locale_id in kept.values():
                    values[1] = locale_id
                    kept_rows.append(self._instance(values, pk, record.content_hash))
        if plan.removed:
            # Translations the file no longer gives (rare): Django's delete cascades to the
            # child rows, and its signals take the rows out of the search index.
            RegisterObject.objects.filter(pk__in=plan.removed).delete()
        for child_models, rows in ((CHILD_MODELS, updated_rows), (NEUTRAL_CHILD_MODELS, kept_rows)):
            for model in child_models if rows else ():
                for part in chunks(row.pk for row in rows):
                    model.objects.filter(register_object_id__in=part)._raw_delete(model.objects.db)
        self._update(UPDATE_FIELDS, updated_rows)
        self._update(SYNCHRONISED_FIELDS, kept_rows)
        self.inserters[RegisterObject].insert([values for values, _hash in new_rows])
        created = self._created_instances(new_rows)
        rows = {(row.register_id, row.locale_id): row for row in updated_rows + created}
        self._write_children(records, rows, image_ids, kept_rows)
        self._write_restricted(records, rows, {row.pk for row in updated_rows})
        self._index(HoldingMuseum, list(HoldingMuseum.objects.filter(pk__in=museums)))
        for model, term_rows in terms.items():
            self._index(model, term_rows)
        return updated_rows + created + self._reloaded(kept_rows)

    def _update(self, fields, rows):
        """Write ``fields`` of object rows made by :meth:`_instance`, one statement for all."""
        updater, positions = self.updaters[fields]
        attnames = self.attnames
        updater.update(
            [(*(row.__dict__[attnames[index]] for index in positions), row.pk) for row in rows]
        )

    def _reloaded(self, rows):
        """Rows as stored, for the search index, each with the content hash it has."""
        if not rows:
            return []
        stored = []
        for part in chunks(row.pk for row in rows):
            stored += RegisterObject.objects.filter(pk__in=part)
        for row in stored:
            row.final_hash = row.content_hash
        return stored

    def flush_index(self):
        """Add the rows written since the last flush to Wagtail's search index, in bulk.

        Rows are written with an empty content hash and get their hash in the same
        transaction that indexes them: a run killed in between leaves rows without a hash,
        which the next run rewrites and indexes like changed records.
        """
        if not self.unindexed:
            return
        with transaction.atomic():
            self._index(RegisterObject, self.unindexed)
            update_column(RegisterObject, "content_hash", self.unindexed_hashes)
        self.unindexed, self.unindexed_hashes, self.unindexed_records = [], [], 0

    def _translation_key(self, record, have):
        """The key an object keeps; a new object gets one derived from its register ID."""
        if self.source_code in have:
            return have[self.source_code][1]
        if have:
            return next(iter(have.values()))[1]
        return record.key

    def _instance(self, values, pk, content_hash):
        """A model instance from written values, as if read from the database.

        It is made the way Django unpickles an instance (``__new__``, then its ``__dict__``)
        rather than with ``from_db()``: the constructor (with ClusterableModel's, which looks
        up every child relation) would cost more than writing the row. RegisterObject has
        no ``post_init`` receivers to miss. Its content_hash is still PENDING_HASH;
        ``final_hash`` is what it gets once indexed.
        """
        row = RegisterObject.__new__(RegisterObject)
        row.__dict__.update(zip(self.attnames, (*values, pk), strict=True))
        row._state = ModelState()
        row._state.adding = False
        row._state.db = self.db
        row.final_hash = content_hash
        return row

    def _created_instances(self, new_rows):
        """The inserted rows as model instances with their primary keys, in one query."""
        if not new_rows:
            return []
        pks = {}
        for part in chunks({values[0] for values, _hash in new_rows}):
            query = RegisterObject.objects.filter(register_id__in=part)
            pks.update(
                ((register_id, locale_id), pk)
                for register_id, locale_id, pk in query.values_list(
                    "register_id", "locale_id", "pk"
                )
            )
        return [
            self._instance(values, pks[(values[0], values[1])], content_hash)
            for values, content_hash in new_rows
        ]

    def _store_images(self, records):
        pending = {}
        for record in records:
            title = record.text_in("title", self.source_code)
            credit = record.text_in("credit_line", self.source_code)
            for image in record.images:
                alt = record.pick(image.alts, self.source_code) or title
                pending.setdefault(
                    image.file_hash, (image, title, alt, record.fields["rights"], credit)
                )
        return self.images.resolve(pending) if pending else {}

    def _write_children(self, records, rows, image_ids, kept_rows):
        children = {model: [] for model in CHILD_MODELS}
        for record in records:
            for language in (self.source_code, *record.languages):
                row = rows.get((record.register_id, self.locales[language].pk))
                if row is not None:  # else a person's translation, kept
                    self.rows.children_of(record, language, row, image_ids, children)
        by_id = {record.register_id: record for record in records}
        for row in kept_rows:
            self.rows.neutral_children_of(by_id[row.register_id], row.pk, children)
        for model, values in children.items():
            self.inserters[model].insert(values)

    def _write_restricted(self, records, rows, known):
        """Create, update or delete restricted data; ``known``: pks of objects written before."""
        by_object = {rows[(record.register_id, self.source.pk)].pk: record for record in records}
        existing = {}
        for part in chunks(pk for pk in by_object if pk in known):
            query = RestrictedObjectData.objects.filter(register_object_id__in=part)
            existing.update(query.values_list("register_object_id", "pk"))
        now = timezone.now()
        create, update, delete = [], [], []
        for object_pk, record in by_object.items():
            restricted = record.restricted
            values = (
                restricted.get("storage_location", ""),
                restricted.get("evacuation_location", ""),
                restricted.get("evacuation_date"),
                restricted.get("extra", {}),
            )
            if not any(values):
                if object_pk in existing:
                    delete.append(existing[object_pk])
            elif object_pk in existing:
                row = RestrictedObjectData(pk=existing[object_pk], register_object_id=object_pk)
                for name, value in zip(RESTRICTED_FIELDS, values, strict=True):
                    setattr(row, name, value)
                row.updated_at = now
                update.append(row)
            else:
                create.append((object_pk, *values, now))
        self.inserters[RestrictedObjectData].insert(create)
        RestrictedObjectData.objects.bulk_update(update, [*RESTRICTED_FIELDS, "updated_at"])
        if delete:
            RestrictedObjectData.objects.filter(pk__in=delete).delete()

    def _index(self, model, rows):
        if rows:
            for backend in self.backends:
                backend.add_bulk(model, rows)
