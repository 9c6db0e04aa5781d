"""The readers' search on Elasticsearch or OpenSearch: a replica of the database's documents.

One index per language, reached through an alias (``<prefix>-search-<language>``), so
``rebuild`` loads a fresh timestamped index and swaps the alias in one atomic step: readers
never see a half-built index. Text arrives analysed by :mod:`search.analysis`, so the term
fields only split on whitespace and lower-case; what matches is exactly what matches in the
database backends, and only ranking differs (BM25 here, with titles weighted like theirs).

The same request bodies go to both services: opensearch-py talks to OpenSearch and the
official client to Elasticsearch, and :class:`_Service` hides the few differences (how a
client is built, its bulk helper, its exceptions). Nothing here is specific to the in-memory
test server the test suite runs against; see docs/search-opensearch.md.
"""

import re
from contextlib import contextmanager, suppress
from datetime import UTC, datetime

from django.conf import settings

from .base import BackendResult, BackendUnavailable, SearchBackend, clean_terms

#: Title matches weigh three times body matches, as in the database backends.
TITLE_BOOST = 3.0
#: The services' default ``index.max_result_window``: hits beyond it cannot be paged to.
MAX_RESULT_WINDOW = 10_000
#: Facet values counted per facet (places are the longest list).
FACET_SIZE = 1_000
#: Documents per bulk request.
CHUNK_SIZE = 500
#: Seconds a bulk request or an index operation may take (readers' searches use ``timeout``).
WRITE_TIMEOUT = 120

INDEX_SETTINGS = {
    # One shard: term statistics, hence scores and the order of results, do not depend on
    # how documents fall into shards; a language's documents fit one shard comfortably.
    "number_of_shards": 1,
    "analysis": {
        "analyzer": {
            "portal_terms": {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]}
        }
    },
}
INDEX_MAPPINGS = {
    "dynamic": "strict",
    # Facets are whatever the documents carry (search.models.FACETS): all keywords.
    "dynamic_templates": [{"facets": {"path_match": "facets.*", "mapping": {"type": "keyword"}}}],
    "properties": {
        "id": {"type": "integer"},
        "key": {"type": "keyword"},
        "kind": {"type": "keyword"},
        # Autocomplete matches prefixes of title terms; indexed prefixes keep that cheap.
        "title_terms": {
            "type": "text",
            "analyzer": "portal_terms",
            "index_prefixes": {"min_chars": 1, "max_chars": 8},
        },
        "body_terms": {"type": "text", "analyzer": "portal_terms"},
        "date_earliest": {"type": "integer"},
        "date_latest": {"type": "integer"},
        "sort_date": {"type": "integer"},
        # The years a document spans with a missing end filled from the other one, so a
        # year filter is two plain ranges (the database backends use COALESCE alike).
        "year_start": {"type": "integer"},
        "year_end": {"type": "integer"},
        "facets": {"type": "object", "dynamic": True},
    },
}
#: Sort by date: undated documents last, then by id, like the database backends.
DATE_SORT = [{"sort_date": {"order": "asc", "missing": "_last"}}, {"id": {"order": "asc"}}]


def _word_clause(terms):
    """A query word: any of its alternatives, in the title (weighted) or the body."""
    should = [{"term": {"title_terms": {"value": term, "boost": TITLE_BOOST}}} for term in terms]
    should += [{"term": {"body_terms": {"value": term}}} for term in terms]
    return {"bool": {"should": should, "minimum_should_match": 1}}


def _query_words(words):
    """Words as the index holds them; words left without any term are dropped."""
    words = [clean_terms(sorted(term.lower() for term in word)) for word in words]
    return [word for word in words if word]


def _all(clauses):
    return {"bool": {"filter": clauses}} if clauses else {"match_all": {}}


def search_body(query, facet_size=FACET_SIZE):
    """The request body of a search: the disjunctive-facets pattern.

    The words and years restrict everything, hits and counts alike. A selected facet's filter
    goes in ``post_filter`` (it narrows the hits after counting) and into the filter around
    every *other* facet's terms aggregation, so a facet's counts ignore its own selection.
    Filters on facets that are not counted narrow the query itself.
    """
    words = _query_words(query.words)
    restrict = []
    if query.year_from is not None:
        restrict.append({"range": {"year_end": {"gte": query.year_from}}})
    if query.year_to is not None:
        restrict.append({"range": {"year_start": {"lte": query.year_to}}})
    selected = {}
    for name, values in sorted(query.filters.items()):
        if values:
            clause = {"terms": {f"facets.{name}": sorted(values)}}
            if name in query.facets:
                selected[name] = clause
            else:
                restrict.append(clause)
    offset = max(query.offset, 0)
    size = max(min(query.limit, MAX_RESULT_WINDOW - offset), 0)
    body = {
        "query": {"bool": {"must": [_word_clause(word) for word in words], "filter": restrict}},
        "from": offset if size else 0,
        "size": size,
        "track_total_hits": True,
        "_source": False,
        "sort": DATE_SORT if query.sort == "date" else [{"_score": {"order": "desc"}}, *DATE_SORT],
    }
    if selected:
        body["post_filter"] = _all(list(selected.values()))
    if query.facets:
        body["aggs"] = {
            name: {
                "filter": _all([clause for other, clause in selected.items() if other != name]),
                "aggs": {"values": {"terms": {"field": f"facets.{name}", "size": facet_size}}},
            }
            for name in query.facets
        }
    return body


def autocomplete_body(words, prefix, limit):
    """Documents with every complete word anywhere and a title term starting with prefix."""
    clauses = [_word_clause(word) for word in _query_words(words)]
    if prefix:
        clauses.append({"prefix": {"title_terms": {"value": prefix}}})
    return {
        "query": {"bool": {"must": clauses}},
        "size": limit,
        "_source": False,
        "sort": [{"_score": {"order": "desc"}}, *DATE_SORT],
    }


def index_source(document):
    """What the index stores of a document (``SearchDocument.as_data()``)."""
    earliest, latest = document["date_earliest"], document["date_latest"]
    return {
        "id": document["id"],
        "key": document["key"],
        "kind": document["kind"],
        "title_terms": " ".join(clean_terms(document["title_terms"].lower().split())),
        "body_terms": " ".join(clean_terms(document["body_terms"].lower().split())),
        "date_earliest": earliest,
        "date_latest": latest,
        "sort_date": document["sort_date"],
        "year_start": earliest if earliest is not None else latest,
        "year_end": latest if latest is not None else earliest,
        "facets": {
            name: [str(value) for value in values if value not in (None, "")]
            for name, values in document["facets"].items()
        },
    }


class _Service:
    """The one place where OpenSearch and Elasticsearch differ: clients, helpers, errors."""

    def __init__(self, url, timeout, write_timeout, flavour):
        if flavour == "opensearch":
            import opensearchpy
            from opensearchpy import helpers

            def client(timeout):
                return opensearchpy.OpenSearch(hosts=[url], timeout=timeout)

            self.not_found = opensearchpy.NotFoundError
            self.connection_errors = (opensearchpy.ConnectionError,)
            self.api_error = opensearchpy.TransportError
        elif flavour == "elasticsearch":
            import elastic_transport
            import elasticsearch
            from elasticsearch import helpers

            def client(timeout):
                return elasticsearch.Elasticsearch(url, request_timeout=timeout)

            self.not_found = elasticsearch.NotFoundError
            self.connection_errors = (
                elastic_transport.ConnectionError,
                elastic_transport.ConnectionTimeout,
            )
            self.api_error = elasticsearch.ApiError
        else:
            raise ValueError(f"Unknown search service flavour {flavour!r}.")
        # Readers wait ``timeout`` at most; bulk loads and index management may take longer.
        self.client = client(timeout)
        self.writer = client(max(timeout, write_timeout))
        self.bulk_error = helpers.BulkIndexError
        self.streaming_bulk = helpers.streaming_bulk

    @staticmethod
    def _unavailable(status):
        """Answers that mean "not now" or "not for us" rather than "wrong request"."""
        return isinstance(status, int) and (status >= 500 or status in (401, 403, 408, 429))

    @contextmanager
    def calling(self):
        """Turn "the service cannot answer now" into :class:`BackendUnavailable`.

        Connection failures, timeouts, 5xx, 429 (overloaded) and 401/403 (misconfigured
        credentials) mean readers cannot be served by the service now, and the caller falls
        back to the database. Any other 4xx answer is a bug in the request and is raised as
        the client raised it.
        """
        try:
            yield
        except self.connection_errors as error:
            raise BackendUnavailable(f"Search service unreachable: {error}") from error
        except self.bulk_error as error:
            statuses = [result.get("status") for item in error.errors for result in item.values()]
            if statuses and all(self._unavailable(status) for status in statuses):
                raise BackendUnavailable(f"Search service rejected documents: {error}") from error
            raise
        except self.api_error as error:
            if self._unavailable(error.status_code):
                raise BackendUnavailable(f"Search service failed: {error}") from error
            raise

    def body(self, response):
        """A response as a plain dict (the Elasticsearch client wraps them)."""
        return getattr(response, "body", response)

    def bulk(self, actions, **options):
        for _ok, _item in self.streaming_bulk(
            self.writer, actions, chunk_size=CHUNK_SIZE, max_retries=3, **options
        ):
            pass


class OpenSearchBackend(SearchBackend):
    """Searches a replica of the documents on an OpenSearch or Elasticsearch service.

    ``refresh`` makes every write searchable before it returns (tests); by default writes
    become searchable within the service's refresh interval (a second), which is what bulk
    imports want. ``None`` reads the ``SEARCH_INDEX_REFRESH`` setting.
    """

    is_replica = True

    def __init__(
        self,
        url,
        index_prefix="portal",
        timeout=5,
        flavour="opensearch",
        refresh=None,
        facet_size=FACET_SIZE,
        write_timeout=WRITE_TIMEOUT,
    ):
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", index_prefix):
            raise ValueError(
                f"Index prefix {index_prefix!r} must be lower-case letters, digits, - and _."
            )
        self.service = _Service(url, timeout, write_timeout, flavour)
        self.index_prefix = index_prefix
        self.refresh = (
            getattr(settings, "SEARCH_INDEX_REFRESH", False) if refresh is None else refresh
        )
        self.facet_size = facet_size

    # --- names ------------------------------------------------------------------------------

    def alias(self, language):
        """The name readers' searches in a language go to."""
        return f"{self.index_prefix}-search-{language.lower()}"

    def _index_name(self, language, stamp):
        return f"{self.alias(language)}.{stamp}"

    def _indices(self):
        """This backend's concrete indices: {name: (language, whether its alias points at it)}."""
        pattern = re.compile(rf"{re.escape(self.index_prefix)}-search-([a-z0-9_-]+)\.\d+")
        with self.service.calling():
            found = self.service.body(
                self.service.client.indices.get_alias(index=f"{self.index_prefix}-search-*")
            )
        indices = {}
        for name, info in found.items():
            if match := pattern.fullmatch(name):
                language = match[1]
                indices[name] = (language, self.alias(language) in info.get("aliases", {}))
        return indices

    @staticmethod
    def _stamp():
        return datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")

    def _create_index(self, name, loading=False, alias=None):
        settings_ = dict(INDEX_SETTINGS)
        if loading:
            settings_["refresh_interval"] = "-1"
        body = {"settings": settings_, "mappings": INDEX_MAPPINGS}
        if alias:
            body["aliases"] = {alias: {}}
        with self.service.calling():
            self.service.writer.indices.create(index=name, body=body)
        return name

    def _ensure_alias(self, language):
        alias = self.alias(language)
        with self.service.calling():
            exists = bool(self.service.client.indices.exists_alias(name=alias))
        if not exists:
            self._create_index(self._index_name(language, self._stamp()), alias=alias)
        return alias

    # --- searching --------------------------------------------------------------------------

    def _search(self, language, body):
        try:
            with self.service.calling():
                return self.service.body(
                    self.service.client.search(index=self.alias(language), body=body)
                )
        except self.service.not_found as error:
            # Never built for this language: the database has the documents, so let it answer.
            raise BackendUnavailable(
                f"No search index for {language!r}; run rebuild_search_index."
            ) from error

    def search(self, query):
        response = self._search(query.language, search_body(query, self.facet_size))
        aggregations = response.get("aggregations", {})
        facets = {
            name: {
                bucket["key"]: bucket["doc_count"]
                for bucket in aggregations.get(name, {}).get("values", {}).get("buckets", [])
            }
            for name in query.facets
        }
        return BackendResult(
            ids=[int(hit["_id"]) for hit in response["hits"]["hits"]],
            total=response["hits"]["total"]["value"],
            facets=facets,
        )

    def autocomplete(self, language, words, prefix, limit):
        prefix = "".join(clean_terms([prefix.lower()]))
        if limit <= 0 or not (prefix or _query_words(words)):
            return []
        response = self._search(language, autocomplete_body(words, prefix, limit))
        return [int(hit["_id"]) for hit in response["hits"]["hits"]]

    # --- indexing ---------------------------------------------------------------------------

    @staticmethod
    def _action(index, document):
        return {"_index": index, "_id": str(document["id"]), "_source": index_source(document)}

    def index(self, documents):
        """Upsert documents into their languages' indices (created on first use)."""
        aliases = {}

        def actions():
            for document in documents:
                language = document["language"]
                if language not in aliases:
                    aliases[language] = self._ensure_alias(language)
                yield self._action(aliases[language], document)

        with self.service.calling():
            # require_alias: never let a write auto-create an index with a guessed mapping.
            self.service.bulk(actions(), refresh=self.refresh, require_alias=True)

    def delete(self, ids):
        """Remove documents by id from every language's index (ids are unique across them)."""
        ids = list(ids)
        if not ids:
            return
        languages = {language for language, serving in self._indices().values() if serving}
        actions = (
            {"_op_type": "delete", "_index": self.alias(language), "_id": str(pk)}
            for language in sorted(languages)
            for pk in ids
        )
        with self.service.calling():
            self.service.bulk(actions, refresh=self.refresh, ignore_status=(404,))

    def rebuild(self, documents):
        """Load every document into fresh indices, then swap the aliases over in one step.

        Readers keep searching the old indices until the swap; every old index of this
        backend is deleted after it (leftovers of failed rebuilds too). Every configured
        language (``LANGUAGES``) and every language served before gets an index, empty if it
        has no documents. If loading fails, the fresh indices are deleted and the old ones
        stay in service.
        """
        stamp = self._stamp()
        before = self._indices()
        fresh = {}

        def create(language, loading):
            fresh[language] = self._create_index(self._index_name(language, stamp), loading)
            return fresh[language]

        def actions():
            for document in documents:
                language = document["language"].lower()
                index = fresh.get(language) or create(language, loading=True)
                yield self._action(index, document)

        client = self.service.writer
        try:
            with self.service.calling():
                self.service.bulk(actions())
                served = {language for language, serving in before.values() if serving}
                for language in sorted(
                    served | {code.lower() for code, _name in settings.LANGUAGES}
                ):
                    if language not in fresh:
                        create(language, loading=False)
                if fresh:
                    names = ",".join(fresh.values())
                    client.indices.put_settings(
                        index=names, body={"index": {"refresh_interval": None}}
                    )
                    client.indices.refresh(index=names)
        except BaseException:
            with suppress(BackendUnavailable):
                self._delete_indices(fresh.values())
            raise
        swap = [
            {"remove": {"index": name, "alias": self.alias(language)}}
            for name, (language, serving) in sorted(before.items())
            if serving
        ]
        swap += [
            {"add": {"index": name, "alias": self.alias(language)}}
            for language, name in sorted(fresh.items())
        ]
        if swap:
            with self.service.calling():
                client.indices.update_aliases(body={"actions": swap})
        self._delete_indices(before)

    def _delete_indices(self, names):
        names = sorted(names)
        if names:
            with self.service.calling():
                self.service.writer.indices.delete(index=",".join(names))
