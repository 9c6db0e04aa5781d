"""The full-text side of the readers' index, in each database's own terms.

SQLite: an FTS5 table over the analysed terms, kept in step with the documents by triggers
(``remove_diacritics 0``: й and ї are letters of their own, not и and і with marks).
PostgreSQL: a stored, weighted tsvector (titles A, the rest B) with a GIN index; the 'simple'
configuration, because the terms are already analysed by search.analysis.
"""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        language, title_terms, body_terms,
        content='portal_search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON portal_search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, language, title_terms, body_terms)
        VALUES (new.id, new.language, new.title_terms, new.body_terms);
    END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON portal_search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, language, title_terms, body_terms)
        VALUES ('delete', old.id, old.language, old.title_terms, old.body_terms);
    END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE ON portal_search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, language, title_terms, body_terms)
        VALUES ('delete', old.id, old.language, old.title_terms, old.body_terms);
        INSERT INTO search_fts(rowid, language, title_terms, body_terms)
        VALUES (new.id, new.language, new.title_terms, new.body_terms);
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRESQL = [
    """ALTER TABLE portal_search_searchdocument ADD COLUMN vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', title_terms), 'A')
            || setweight(to_tsvector('simple', body_terms), 'B')
        ) STORED""",
    "CREATE INDEX search_document_vector ON portal_search_searchdocument USING GIN (vector)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE portal_search_searchdocument DROP COLUMN IF EXISTS vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_documents")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
