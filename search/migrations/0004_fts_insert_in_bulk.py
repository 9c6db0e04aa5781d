"""SQLite: documents enter the FTS5 index in bulk, not through a trigger (issue 2).

A row trigger on an FTS5 table makes FTS5 write a segment of its index for every row
inserted, instead of one per statement: writing the documents of a register import cost
three times what the rows and their index cost without it. :mod:`search.indexing` now adds
new documents to ``search_fts`` with one ``INSERT … SELECT`` per batch
(search.backends.database.add_to_text_index). The delete and update triggers stay, so a
document removed or changed by any path leaves the index. The index itself is unchanged.
"""

from django.db import migrations

INSERT_TRIGGER = """CREATE TRIGGER IF NOT EXISTS search_fts_insert
    AFTER INSERT ON portal_search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, language, title_terms, body_terms)
        VALUES (new.id, new.language, new.title_terms, new.body_terms);
    END"""


def _on_sqlite(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0003_facet_tokens_title_vector")]

    operations = [
        migrations.RunPython(
            _on_sqlite("DROP TRIGGER IF EXISTS search_fts_insert"), _on_sqlite(INSERT_TRIGGER)
        ),
    ]
