"""The embedded default: the readers' index searched in the database itself.

SQLite matches with FTS5 and ranks with its bm25; PostgreSQL matches a weighted tsvector
through its GIN index and ranks with ts_rank. Both answer a search in one statement: the
matching documents are materialised once, then the page of hits, the total and every
facet's disjunctive counts are read from them.
"""

from django.db import connections

from search.models import COLUMN_FACETS

from .base import BackendResult, SearchBackend, clean_terms

DOCUMENTS = "portal_search_searchdocument"
FACET_VALUES = "portal_search_searchfacetvalue"
#: Columns the matched set carries for filtering and sorting.
MATCH_COLUMNS = ("id", "sort_date", *COLUMN_FACETS.values())
#: Title matches weigh three times body matches: SQLite's bm25 column weights; on PostgreSQL
#: the rank of the title alone, divided by its length as bm25 does, plus the whole
#: document's rank, divided by the logarithm of its length.
TITLE_WEIGHT = 3.0


class DatabaseBackend(SearchBackend):
    """Searches ``SearchDocument`` rows; indexing is the rows themselves, so it is a no-op."""

    def __init__(self, using="default"):
        self.using = using

    @property
    def connection(self):
        return connections[self.using]

    @property
    def vendor(self):
        return self.connection.vendor

    # --- indexing: the table is the index ------------------------------------------------

    def index(self, documents):
        pass

    def delete(self, ids):
        pass

    def rebuild(self, documents):
        pass

    # --- searching ------------------------------------------------------------------------

    def _matched(self, query):
        """SQL and parameters of the documents matching the words, language and years."""
        columns = ", ".join(f"d.{column}" for column in MATCH_COLUMNS)
        where, params = ["d.language = %s"], [query.language]
        if query.year_from is not None:
            where.append("COALESCE(d.date_latest, d.date_earliest) >= %s")
            params.append(query.year_from)
        if query.year_to is not None:
            where.append("COALESCE(d.date_earliest, d.date_latest) <= %s")
            params.append(query.year_to)
        words = [clean_terms(sorted(word)) for word in query.words]
        words = [word for word in words if word]
        if not words:
            sql = f"SELECT {columns}, 0.0 AS score FROM {DOCUMENTS} d WHERE {' AND '.join(where)}"
            return sql, params
        if self.vendor == "postgresql":
            tsquery = " & ".join(
                "(" + " | ".join(f"'{term}'" for term in word) + ")" for word in words
            )
            sql = (
                f"SELECT {columns}, {TITLE_WEIGHT} * ts_rank(to_tsvector('simple', d.title_terms), q, 2)"
                " + ts_rank('{0.1, 0.2, 1.0, 1.0}', d.vector, q, 1) AS score "
                f"FROM {DOCUMENTS} d, to_tsquery('simple', %s) q "
                f"WHERE d.vector @@ q AND {' AND '.join(where)}"
            )
            return sql, [tsquery, *params]
        match = " AND ".join(
            "(" + " OR ".join(f'"{term}"' for term in word) + ")" for word in words
        )
        match = f'language : "{query.language}" AND ({{title_terms body_terms}} : ({match}))'
        # CROSS JOIN keeps SQLite's planner from probing the FTS table once per document.
        sql = (
            f"SELECT {columns}, -bm25(search_fts, 0.0, {TITLE_WEIGHT}, 1.0) AS score "
            f"FROM search_fts CROSS JOIN {DOCUMENTS} d ON d.id = search_fts.rowid "
            f"WHERE search_fts MATCH %s AND {' AND '.join(where)}"
        )
        return sql, [match, *params]

    @staticmethod
    def _filter(name, values):
        placeholders = ", ".join(["%s"] * len(values))
        values = sorted(values)
        if name in COLUMN_FACETS:
            return f"m.{COLUMN_FACETS[name]} IN ({placeholders})", values
        return (
            f"m.id IN (SELECT document_id FROM {FACET_VALUES} "
            f"WHERE facet = %s AND value IN ({placeholders}))",
            [name, *values],
        )

    def _filters(self, query, leave_out=None):
        clauses, params = ["1 = 1"], []
        for name, values in sorted(query.filters.items()):
            if name != leave_out and values:
                clause, clause_params = self._filter(name, values)
                clauses.append(clause)
                params += clause_params
        return " AND ".join(clauses), params

    def search(self, query):
        matched, params = self._matched(query)
        where, where_params = self._filters(query)
        if query.sort == "date":
            order = "m.sort_date IS NULL, m.sort_date, m.id"
        else:
            order = "m.score DESC, m.sort_date IS NULL, m.sort_date, m.id"
        parts = [
            f"SELECT 'hit' AS facet, CAST(m.id AS TEXT) AS value, "
            f"ROW_NUMBER() OVER (ORDER BY {order}) AS n FROM m WHERE {where}",
        ]
        part_params = [*where_params]
        parts.append(f"SELECT 'total', '', COUNT(*) FROM m WHERE {where}")
        part_params += where_params
        for name in query.facets:
            others, others_params = self._filters(query, leave_out=name)
            if name in COLUMN_FACETS:
                column = COLUMN_FACETS[name]
                parts.append(
                    f"SELECT %s, m.{column}, COUNT(*) FROM m WHERE {others} GROUP BY m.{column}"
                )
                part_params += [name, *others_params]
            else:
                parts.append(
                    f"SELECT %s, v.value, COUNT(*) FROM m JOIN {FACET_VALUES} v "
                    f"ON v.document_id = m.id AND v.facet = %s WHERE {others} GROUP BY v.value"
                )
                part_params += [name, name, *others_params]
        # The page of hits is cut after numbering, so the statement stays one UNION ALL.
        sql = (
            f"WITH m AS MATERIALIZED ({matched}), "
            f"r AS ({' UNION ALL '.join(parts)}) "
            f"SELECT facet, value, n FROM r WHERE facet <> 'hit' OR (n > %s AND n <= %s)"
        )
        all_params = [*params, *part_params, query.offset, query.offset + query.limit]
        with self.connection.cursor() as cursor:
            cursor.execute(sql, all_params)
            rows = cursor.fetchall()
        hits, total, facets = [], 0, {name: {} for name in query.facets}
        for facet, value, number in rows:
            if facet == "hit":
                hits.append((number, int(value)))
            elif facet == "total":
                total = number
            elif value not in (None, ""):
                facets[facet][value] = number
        return BackendResult(ids=[pk for _n, pk in sorted(hits)], total=total, facets=facets)

    def autocomplete(self, language, words, prefix, limit):
        words = [word for word in (clean_terms(sorted(word)) for word in words) if word]
        prefix = clean_terms([prefix])
        if not words and not prefix:
            return []
        if self.vendor == "postgresql":
            parts = ["(" + " | ".join(f"'{term}'" for term in word) + ")" for word in words]
            if prefix:
                parts.append(f"'{prefix[0]}':*A")
            sql = (
                f"SELECT d.id FROM {DOCUMENTS} d, to_tsquery('simple', %s) q "
                "WHERE d.vector @@ q AND d.language = %s "
                "ORDER BY ts_rank(d.vector, q) DESC, d.sort_date IS NULL, d.sort_date, d.id "
                "LIMIT %s"
            )
            params = [" & ".join(parts), language, limit]
        else:
            parts = ["(" + " OR ".join(f'"{term}"' for term in word) + ")" for word in words]
            if prefix:
                parts.append(f'title_terms : "{prefix[0]}" *')
            match = f'language : "{language}" AND ' + " AND ".join(parts)
            sql = (
                f"SELECT d.id FROM search_fts CROSS JOIN {DOCUMENTS} d ON d.id = search_fts.rowid "
                "WHERE search_fts MATCH %s "
                f"ORDER BY bm25(search_fts, 0.0, {TITLE_WEIGHT}, 1.0), "
                "d.sort_date IS NULL, d.sort_date, d.id LIMIT %s"
            )
            params = [match, limit]
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]
