"""Fast inserts for the importer: one ``executemany`` per table and batch.

``bulk_create`` builds a model instance and compiles every value of every row; for the
importer's many small child rows that costs more than the database itself. RowInserter
prepares the statement once from the model's metadata and converts only the values that
database drivers do not take as they are (UUIDs, decimals, dates, JSON). Like bulk_create it
sends no signals.
"""

import uuid

from django.db import connections, router

#: Field types whose Python values need the field's own conversion for the database.
CACHE_SIZE = 10_000
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
            (index, field)
            for index, field in enumerate(self.fields)
            if field.get_internal_type() in CONVERTED_TYPES
        ]
        # Dates, timestamps and measurements repeat a lot: convert each value once.
        self.cache = {}

    def _convert(self, row):
        row = list(row)
        cache = self.cache
        for index, field in self.converted:
            value = row[index]
            if value is None:
                continue
            if isinstance(value, (dict, uuid.UUID)):
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
