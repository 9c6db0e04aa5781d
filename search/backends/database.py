"""The embedded default: the readers' index searched in the database itself.

SQLite matches with FTS5 and ranks with its bm25; PostgreSQL matches a weighted tsvector
through its GIN index and ranks with ts_rank. Both answer a search in one statement: the
matching documents are materialised once, then the page of hits, the total and every
facet's disjunctive counts are read from them.
"""

from itertools import combinations

from django.db import connections, transaction

from search.models import COLUMN_FACETS, facet_token, split_facet_token

from .base import BackendResult, SearchBackend, clean_terms

DOCUMENTS = "portal_search_searchdocument"
#: Columns the matched set carries for filtering, counting and sorting.
MATCH_COLUMNS = ("id", "sort_date", *COLUMN_FACETS.values(), "facet_tokens")
#: PostgreSQL's work_mem for a search: the matched set of a broad word (a third of the
#: collection) is kept in memory rather than written to a temporary file.
POSTGRESQL_WORK_MEM = "64MB"
#: Title matches weigh three times body matches: SQLite's bm25 column weights; on PostgreSQL
#: the rank of the title alone, divided by its length as bm25 does, plus the whole
#: document's rank, divided by the logarithm of its length.
TITLE_WEIGHT = 3.0
#: Document IDs per statement that adds documents to SQLite's FTS5 index.
FTS_CHUNK = 900


def add_to_text_index(ids, using="default"):
    """Add the new documents ``ids`` to SQLite's FTS5 index, in one statement per chunk.

    On SQLite every path that inserts documents calls this (only search.indexing does):
    FTS5 fed by a row trigger writes a segment per row (migration 0004). PostgreSQL's
    tsvector is a generated column and needs nothing.
    """
    connection = connections[using]
    if connection.vendor != "sqlite" or not ids:
        return
    with connection.cursor() as cursor:
        for start in range(0, len(ids), FTS_CHUNK):
            part = ids[start : start + FTS_CHUNK]
            placeholders = ", ".join(["%s"] * len(part))
            cursor.execute(
                "INSERT INTO search_fts(rowid, language, title_terms, body_terms) "
                f"SELECT id, language, title_terms, body_terms FROM {DOCUMENTS} "  # noqa: S608
                f"WHERE id IN ({placeholders}) ORDER BY id",
                part,
            )


def tsquery_lexeme(lexeme):
    """``lexeme`` as a quoted tsquery operand, taken as it is."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def filter_tsquery(query):
    """A tsquery of the lexemes PostgreSQL's ``vector`` holds for the language and facets.

    The document's language, and, with two or more facets selected, passing all selected
    facets' filters but one: every count leaves out at most its own facet's filter, so a
    document failing two filters counts nowhere (see 0003_facet_tokens_title_vector).
    """
    parts = [tsquery_lexeme(facet_token("language", query.language))]
    selected = sorted((name, sorted(values)) for name, values in query.filters.items() if values)
    if len(selected) >= 2:
        passes = [
            "(" + " | ".join(tsquery_lexeme(facet_token(name, value)) for value in values) + ")"
            for name, values in selected
        ]
        options = [" & ".join(chosen) for chosen in combinations(passes, len(passes) - 1)]
        parts.append("(" + " | ".join(f"({option})" for option in options) + ")")
    return " & ".join(parts)


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
        """SQL and parameters of the documents matching the words, language and years that
        some count needs (see :meth:`_relevant`)."""
        columns = ", ".join(f"d.{column}" for column in MATCH_COLUMNS)
        # PostgreSQL matches the language in the tsvector (filter_tsquery).
        where, params = [], []
        if self.vendor != "postgresql":
            where, params = ["d.language = %s"], [query.language]
        if query.year_from is not None:
            where.append("COALESCE(d.date_latest, d.date_earliest) >= %s")
            params.append(query.year_from)
        if query.year_to is not None:
            where.append("COALESCE(d.date_earliest, d.date_latest) <= %s")
            params.append(query.year_to)
        words = [clean_terms(sorted(word)) for word in query.words]
        words = [word for word in words if word]
        if self.vendor == "postgresql":
            # The language and the facets narrow the GIN index's match, not the rows read.
            if not words:
                sql = (
                    f"SELECT {columns}, 0.0 AS score FROM {DOCUMENTS} d "
                    f"WHERE {' AND '.join(['d.vector @@ %s::tsquery', *where])}"
                )
                return sql, [filter_tsquery(query), *params]
            tsquery = " & ".join(
                "(" + " | ".join(f"'{term}'" for term in word) + ")" for word in words
            )
            sql = (
                f"SELECT {columns}, {TITLE_WEIGHT} * ts_rank(d.title_vector, q, 2)"
                " + ts_rank('{0.1, 0.2, 1.0, 1.0}', d.vector, q, 1) AS score "
                f"FROM {DOCUMENTS} d, to_tsquery('simple', %s) q "
                f"WHERE {' AND '.join(['d.vector @@ (q && %s::tsquery)', *where])}"
            )
            return sql, [tsquery, filter_tsquery(query), *params]
        relevant, relevant_params = self._relevant(query)
        if relevant:
            where.append(relevant)
            params += relevant_params
        if not words:
            sql = f"SELECT {columns}, 0.0 AS score FROM {DOCUMENTS} d WHERE {' AND '.join(where)}"
            return sql, params
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

    def _filter(self, name, values, alias="m"):
        values = sorted(values)
        placeholders = ", ".join(["%s"] * len(values))
        if name in COLUMN_FACETS:
            return f"{alias}.{COLUMN_FACETS[name]} IN ({placeholders})", values
        tokens = [facet_token(name, value) for value in values]
        if self.vendor == "postgresql":
            return f"{alias}.facet_tokens ?| ARRAY[{placeholders}]::text[]", tokens
        return (
            f"EXISTS (SELECT 1 FROM json_each({alias}.facet_tokens) "
            f"WHERE value IN ({placeholders}))",
            tokens,
        )

    def _relevant(self, query):
        """A condition keeping the documents some count needs, or ``None`` for all of them.

        Every count leaves out at most one facet's filter (its own), so with two or more
        facets selected a document failing two filters counts nowhere.
        """
        selected = sorted((name, values) for name, values in query.filters.items() if values)
        if len(selected) < 2:
            return None, []
        passes, params = [], []
        for name, values in selected:
            clause, clause_params = self._filter(name, values, alias="d")
            passes.append(f"CASE WHEN {clause} THEN 1 ELSE 0 END")
            params += clause_params
        return f"{' + '.join(passes)} >= {len(selected) - 1}", params

    def _filters(self, query, leave_out=None):
        clauses, params = ["1 = 1"], []
        for name, values in sorted(query.filters.items()):
            if name != leave_out and values:
                clause, clause_params = self._filter(name, values)
                clauses.append(clause)
                params += clause_params
        return " AND ".join(clauses), params

    def _token_rows(self):
        """FROM items giving one row per many-valued facet token of ``m``, as ``t.value``."""
        if self.vendor == "postgresql":
            return "m, jsonb_array_elements_text(m.facet_tokens) t(value)"
        return "m, json_each(m.facet_tokens) t"

    def search(self, query):
        matched, params = self._matched(query)
        where, where_params = self._filters(query)
        if query.sort == "date":
            order = "{0}.sort_date IS NULL, {0}.sort_date, {0}.id"
        else:
            order = "{0}.score DESC, {0}.sort_date IS NULL, {0}.sort_date, {0}.id"
        # The page of hits: the first offset + limit by a bounded sort, then numbered.
        parts = [
            f"SELECT 'hit' AS facet, CAST(h.id AS TEXT) AS value, "
            f"ROW_NUMBER() OVER (ORDER BY {order.format('h')}) AS n FROM ("
            f"SELECT m.id, m.score, m.sort_date FROM m WHERE {where} "
            f"ORDER BY {order.format('m')} LIMIT %s) h",
            f"SELECT 'total', '', COUNT(*) FROM m WHERE {where}",
        ]
        part_params = [*where_params, query.offset + query.limit, *where_params]
        # Many-valued facets whose counts apply the same filters share one pass over the
        # tokens: all of them unless one is selected (its counts leave its own filter out).
        # On PostgreSQL the single-valued facets that share their filters are counted in one
        # pass too (GROUPING SETS).
        token_groups, column_groups = {}, {}
        for name in query.facets:
            leave_out = name if query.filters.get(name) else None
            if name not in COLUMN_FACETS:
                token_groups.setdefault(leave_out, []).append(name)
            elif self.vendor == "postgresql":
                column_groups.setdefault(leave_out, []).append(name)
            else:
                others, others_params = self._filters(query, leave_out=name)
                column = COLUMN_FACETS[name]
                parts.append(
                    f"SELECT %s, m.{column}, COUNT(*) FROM m WHERE {others} GROUP BY m.{column}"
                )
                part_params += [name, *others_params]
        for leave_out, names in sorted(column_groups.items(), key=str):
            others, others_params = self._filters(query, leave_out=leave_out)
            columns = [f"m.{COLUMN_FACETS[name]}" for name in names]
            which = " ".join(f"WHEN GROUPING({column}) = 0 THEN %s" for column in columns)
            parts.append(
                f"SELECT CASE {which} END, COALESCE({', '.join(columns)}), COUNT(*) FROM m "
                f"WHERE {others} GROUP BY GROUPING SETS ({', '.join(f'({c})' for c in columns)})"
            )
            part_params += [*names, *others_params]
        token_facets = {}
        for number, (leave_out, names) in enumerate(sorted(token_groups.items(), key=str)):
            label = f"*{number}"
            token_facets[label] = set(names)
            others, others_params = self._filters(query, leave_out=leave_out)
            parts.append(
                f"SELECT %s, t.value, COUNT(*) FROM {self._token_rows()} "
                f"WHERE {others} GROUP BY t.value"
            )
            part_params += [label, *others_params]
        sql = (
            f"WITH m AS MATERIALIZED ({matched}), "
            f"r AS ({' UNION ALL '.join(parts)}) "
            f"SELECT facet, value, n FROM r WHERE facet <> 'hit' OR n > %s"
        )
        rows = self._execute(sql, [*params, *part_params, query.offset])
        hits, total, facets = [], 0, {name: {} for name in query.facets}
        for facet, value, number in rows:
            if facet == "hit":
                hits.append((number, int(value)))
            elif facet == "total":
                total = number
            elif facet in token_facets:
                name, value = split_facet_token(value)
                if name in token_facets[facet] and value != "":
                    facets[name][value] = number
            elif value not in (None, ""):
                facets[facet][value] = number
        return BackendResult(ids=[pk for _n, pk in sorted(hits)], total=total, facets=facets)

    def _execute(self, sql, params):
        """Rows of one search statement.

        On PostgreSQL in a transaction of its own, with JIT compilation off (the statement's
        estimated cost passes ``jit_above_cost``, and compiling it costs more than running it)
        and room to keep the matched documents in memory.
        """
        if self.vendor != "postgresql":
            with self.connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        with transaction.atomic(using=self.using), self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('jit', 'off', true), set_config('work_mem', %s, true)",
                [POSTGRESQL_WORK_MEM],
            )
            cursor.execute(sql, params)
            return cursor.fetchall()

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
                "WHERE d.vector @@ (q && %s::tsquery) AND d.language = %s "
                "ORDER BY ts_rank(d.vector, q) DESC, d.sort_date IS NULL, d.sort_date, d.id "
                "LIMIT %s"
            )
            params = [
                " & ".join(parts),
                tsquery_lexeme(facet_token("language", language)),
                language,
                limit,
            ]
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
