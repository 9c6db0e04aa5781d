"""Faster readers' search at the national collection's scale (issue 6, docs/benchmarks.md).

- The many-valued facets (material, technique, period) move from their own table into the
  document (``facet_tokens``, a JSON list of ``"facet:value"``), so a search counts and
  filters them from the matched documents instead of reading the facet table every time.
  Existing values are copied over; no rebuild is needed.
- An index on ``(language, place)`` for the place facet's labels.
- PostgreSQL: the document's language in its tsvector, kept in the row, and the title's
  tsvector stored (see POSTGRESQL below).
"""

from django.db import migrations, models

COPY_TOKENS = {
    "postgresql": """
        UPDATE portal_search_searchdocument d SET facet_tokens = v.tokens
        FROM (
            SELECT document_id, jsonb_agg(facet || ':' || value ORDER BY id) AS tokens
            FROM portal_search_searchfacetvalue GROUP BY document_id
        ) v
        WHERE v.document_id = d.id""",
    "sqlite": """
        UPDATE portal_search_searchdocument SET facet_tokens = (
            SELECT json_group_array(facet || ':' || value) FROM (
                SELECT facet, value FROM portal_search_searchfacetvalue v
                WHERE v.document_id = portal_search_searchdocument.id ORDER BY v.id
            )
        )
        WHERE id IN (SELECT document_id FROM portal_search_searchfacetvalue)""",
}
COPY_BACK = """
    INSERT INTO portal_search_searchfacetvalue (document_id, facet, value)
    SELECT d.id, substr(t.value, 1, strpos(t.value, ':') - 1),
           substr(t.value, strpos(t.value, ':') + 1)
    FROM portal_search_searchdocument d, {elements}"""
COPY_BACK_ELEMENTS = {
    "postgresql": "jsonb_array_elements_text(d.facet_tokens) t(value)",
    "sqlite": "json_each(d.facet_tokens) t",
}
# SQLite adds the column by rebuilding the table, which drops the triggers that keep the
# full-text table in step (0002_text_indexes); the rows keep their ids, so the full-text
# table itself stays valid and only the triggers are created again.
SQLITE_TRIGGERS = [
    """CREATE TRIGGER IF NOT EXISTS search_fts_insert
    AFTER INSERT ON portal_search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, language, title_terms, body_terms)
        VALUES (new.id, new.language, new.title_terms, new.body_terms);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_delete
    AFTER DELETE ON portal_search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, language, title_terms, body_terms)
        VALUES ('delete', old.id, old.language, old.title_terms, old.body_terms);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_update
    AFTER UPDATE OF language, title_terms, body_terms ON portal_search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, language, title_terms, body_terms)
        VALUES ('delete', old.id, old.language, old.title_terms, old.body_terms);
        INSERT INTO search_fts(rowid, language, title_terms, body_terms)
        VALUES (new.id, new.language, new.title_terms, new.body_terms);
    END""",
]
# PostgreSQL: the tsvector gains the document's language and facet values as lexemes no
# term can be ("language:uk", "museum:5", "period:1700": terms are letters and digits only),
# so the GIN index leaves out the other language's documents, and those no facet count
# needs, before any is read (search.backends.database.filter_tsquery). It is kept in the row
# (STORAGE MAIN) rather than in the TOAST table, where every match cost an index look-up and
# another page; the texts it is made from move out of the row instead. The title's tsvector
# is stored too, so ranking stops re-parsing every matched title.
POSTGRESQL = [
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE portal_search_searchdocument DROP COLUMN vector",
    """ALTER TABLE portal_search_searchdocument ADD COLUMN vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', title_terms), 'A')
            || setweight(to_tsvector('simple', body_terms), 'B')
            || array_to_tsvector(
                ARRAY[
                    'language:' || language, 'kind:' || kind, 'type:' || object_type,
                    'museum:' || museum, 'place:' || place, 'status:' || status,
                    'images:' || has_images, 'model:' || has_model
                ]
                || string_to_array(translate(facet_tokens::text, '[]"', ''), ', ')
            )
        ) STORED""",
    """ALTER TABLE portal_search_searchdocument ADD COLUMN title_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', title_terms)) STORED""",
    "ALTER TABLE portal_search_searchdocument ALTER COLUMN vector SET STORAGE MAIN",
    "ALTER TABLE portal_search_searchdocument ALTER COLUMN title_vector SET STORAGE MAIN",
    # What a search reads of every match stays in the row too: moved to TOAST, each read of
    # it (every filter, every count) is another index look-up.
    "ALTER TABLE portal_search_searchdocument ALTER COLUMN facet_tokens SET STORAGE MAIN",
    "ALTER TABLE portal_search_searchdocument ALTER COLUMN place SET STORAGE MAIN",
    "CREATE INDEX search_document_vector ON portal_search_searchdocument USING GIN (vector)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE portal_search_searchdocument DROP COLUMN IF EXISTS title_vector",
    "ALTER TABLE portal_search_searchdocument DROP COLUMN IF EXISTS vector",
    """ALTER TABLE portal_search_searchdocument ADD COLUMN vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', title_terms), 'A')
            || setweight(to_tsvector('simple', body_terms), 'B')
        ) STORED""",
    "CREATE INDEX search_document_vector ON portal_search_searchdocument USING GIN (vector)",
]


def copy_tokens(apps, schema_editor):
    statement = COPY_TOKENS.get(schema_editor.connection.vendor)
    if statement:
        schema_editor.execute(statement)


def copy_back(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor in COPY_BACK_ELEMENTS:
        statement = COPY_BACK.format(elements=COPY_BACK_ELEMENTS[vendor])
        if vendor == "sqlite":
            statement = statement.replace("strpos(t.value, ':')", "instr(t.value, ':')")
        schema_editor.execute(statement)


def _run(statements, vendor):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == vendor:
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_text_indexes")]

    operations = [
        # Undoing the new column rebuilds the table too: the triggers come back last.
        migrations.RunPython(migrations.RunPython.noop, _run(SQLITE_TRIGGERS, "sqlite")),
        migrations.AddField(
            model_name="searchdocument",
            name="facet_tokens",
            field=models.JSONField(blank=True, default=list),
        ),
        # Before the triggers are back: the text columns do not change here.
        migrations.RunPython(copy_tokens, copy_back),
        migrations.RunPython(_run(SQLITE_TRIGGERS, "sqlite"), migrations.RunPython.noop),
        migrations.DeleteModel(name="SearchFacetValue"),
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(fields=["language", "place"], name="search_doc_language_place"),
        ),
        migrations.RunPython(
            _run(POSTGRESQL, "postgresql"), _run(POSTGRESQL_REVERSE, "postgresql")
        ),
    ]
