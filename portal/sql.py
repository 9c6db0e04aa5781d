"""Fast bulk writes: one ``executemany`` per table and batch.

``bulk_create`` builds a model instance and compiles every value of every row; for the
register importer's many small child rows, and for the readers' search documents, that costs
more than the database itself. RowInserter
prepares the statement once from the model's metadata and converts only the values that
database drivers do not take as they are (UUIDs, decimals, dates, JSON). Like bulk_create it
sends no signals.
"""

import uuid
from contextlib import contextmanager

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router

#: Field types whose Python values need the field's own conversion for the database.
CACHE_SIZE = 10_000
#: SQLite settings of the importing connection while it imports: a page cache big enough
#: for the indexes that rows are inserted into all over (translation keys), and a
#: checkpoint of the write-ahead log every 64 MiB rather than every 4 MiB, so that pages
#: written by many batches are copied to the database once. Neither changes what a commit
#: guarantees (journal_mode and synchronous stay as configured).
SQLITE_PRAGMAS = {"cache_size": -32768, "wal_autocheckpoint": 16384}
CONVERTED_TYPES = frozenset(
    {"UUIDField", "DecimalField", "DateField", "DateTimeField", "JSONField"}
)


class RowInserter:
    """INSERTs rows given as tuples, in the order of ``fields`` (model field names)."""

    def __init__(self, model, fields):
        self.model = model
        self.connection = connections[router.db_for_write(model)]
        options = model._meta
        self.fields = [options.get_field(name) for name in fields]
        quote = self.connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in self.fields)
        placeholders = ", ".join(["%s"] * len(self.fields))
        # Table and column names come from the model's metadata; values are parameters.
        self.sql = f"INSERT INTO {quote(options.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
        self.converted = [
            (index, field, _uuid_converter(field, self.connection))
            for index, field in enumerate(self.fields)
            if field.get_internal_type() in CONVERTED_TYPES
        ]
        # Dates, timestamps and measurements repeat a lot: convert each value once.
        self.cache = {}

    def _convert(self, row):
        row = list(row)
        cache = self.cache
        for index, field, uuid_value in self.converted:
            value = row[index]
            if value is None:
                continue
            if uuid_value is not None:
                row[index] = uuid_value(value)
                continue
            if isinstance(value, dict | list):
                row[index] = field.get_db_prep_save(value, self.connection)
                continue
            key = (index, value)
            if key not in cache:
                if len(cache) > CACHE_SIZE:
                    cache.clear()
                cache[key] = field.get_db_prep_save(value, self.connection)
            row[index] = cache[key]
        return row

    def insert(self, rows):
        if not rows:
            return
        if self.converted:
            rows = [self._convert(row) for row in rows]
        with self.connection.cursor() as cursor:
            cursor.executemany(self.sql, rows)


class RowUpdater(RowInserter):
    """UPDATEs rows by primary key: each row holds the values of ``fields``, then the pk.

    ``bulk_update`` builds one ``CASE WHEN pk = … THEN …`` expression per field and row and
    resolves every part of it, which costs far more than the update itself; this sends one
    ``UPDATE … WHERE pk = %s`` with ``executemany``, converting values like RowInserter.
    """

    def __init__(self, model, fields):
        super().__init__(model, fields)
        quote = self.connection.ops.quote_name
        options = model._meta
        assignments = ", ".join(f"{quote(field.column)} = %s" for field in self.fields)
        # Table and column names come from the model's metadata; values are parameters.
        self.sql = f"UPDATE {quote(options.db_table)} SET {assignments} WHERE {quote(options.pk.column)} = %s"  # noqa: S608

    update = RowInserter.insert


@contextmanager
def import_settings(model):
    """Apply SQLITE_PRAGMAS to the connection that writes ``model`` for the block."""
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "sqlite":
        yield
        return
    # The names and values are the constants above, not input.
    with connection.cursor() as cursor:
        before = {}
        for name, value in SQLITE_PRAGMAS.items():
            cursor.execute(f"PRAGMA {name}")
            before[name] = cursor.fetchone()[0]
            cursor.execute(f"PRAGMA {name} = {int(value)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for name, value in before.items():
                cursor.execute(f"PRAGMA {name} = {int(value)}")


def _uuid_converter(field, connection):
    """For a UUIDField, what its own conversion does to a UUID on this database, faster.

    Translation keys are unique, so caching cannot help, and the field's conversion is a
    chain of calls: a database with a UUID type takes the value as it is, others its hex.
    """
    if field.get_internal_type() != "UUIDField":
        return None
    sample = uuid.UUID(int=1)
    prepared = field.get_db_prep_save(sample, connection)
    if prepared is sample:
        return _as_is
    if prepared != sample.hex:
        raise ImproperlyConfigured(f"Unexpected database value for a UUID: {prepared!r}")
    return _hex


def _as_is(value):
    return value


def _hex(value):
    return value.hex


def update_column(model, name, values):
    """Set one column of many rows: ``values`` holds (value, pk) pairs."""
    if not values:
        return
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    options = model._meta
    column = quote(options.get_field(name).column)
    # Table and column names come from the model's metadata; values are parameters.
    sql = (
        f"UPDATE {quote(options.db_table)} SET {column} = %s WHERE {quote(options.pk.column)} = %s"  # noqa: S608
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)
