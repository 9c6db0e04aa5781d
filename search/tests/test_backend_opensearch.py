"""The Elasticsearch/OpenSearch backend against osmem-server, an in-memory OpenSearch.

Every test runs twice: through opensearch-py (flavour "opensearch") and through the official
Elasticsearch client (flavour "elasticsearch"). The Elasticsearch client only speaks
Elasticsearch's versioned media types, which OpenSearch (and osmem) refuse, so its requests
pass through a small loopback proxy that rewrites those two headers and nothing else: the
request bodies are the ones a real Elasticsearch receives. Each test gets its own osmem clone.
"""

import re
import socket
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from osmem_server import OsmemError, OsmemServer

from search.backends.base import BackendUnavailable, ParsedQuery
from search.backends.opensearch import OpenSearchBackend

FACETS = ("kind", "type", "material", "museum", "images")


def document(
    pk, language, title, body="", kind="object", dates=(None, None), sort_date=None, **facets
):
    values = {"kind": [kind], "type": [], "material": [], "museum": [], "images": ["0"]}
    values.update(
        {name: [value] if isinstance(value, str) else value for name, value in facets.items()}
    )
    return {
        "id": pk,
        "key": f"object:{pk}" if kind == "object" else f"page:{pk}",
        "language": language,
        "kind": kind,
        "title_terms": title,
        "body_terms": body,
        "date_earliest": dates[0],
        "date_latest": dates[1],
        "sort_date": sort_date,
        "facets": values,
    }


UK = [
    document(1, "uk", "ікона київ kyiv", "дерево темпера", dates=(1700, 1750), sort_date=1700,
             type="1", material=["10", "11"], museum="m1", images="1"),
    document(2, "uk", "рушник", "ікона льон вишивка", dates=(1900, None), sort_date=1900,
             type="2", material=["12"], museum="m2"),
    document(3, "uk", "виставка ікона", "київ kyiv", kind="exhibition", sort_date=2020),
    document(4, "uk", "писанка pysanka", "чернігів chernihiv віск", dates=(1850, 1870),
             sort_date=1850, type="3", material=["13"], museum="m1", images="1"),
    document(5, "uk", "ікона чернігів chernihiv", "", dates=(None, 1600), type="1",
             material=["11"], museum="m2"),
]  # fmt: skip
EN = [
    document(101, "en", "icon kyiv", "wood tempera ікона київ", dates=(1700, 1750),
             sort_date=1700, type="1", material=["10", "11"], museum="m1"),
    document(102, "en", "towel", "linen icon", dates=(1900, None), sort_date=1900, type="2"),
]  # fmt: skip


def query(language="uk", words=(), **options):
    return ParsedQuery(language=language, words=tuple(frozenset(w) for w in words), **options)


def ids(backend, *args, **options):
    return backend.search(query(*args, **options)).ids


# --- services ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def osmem_server():
    """One osmem-server for the session (overrides the plugin's, to skip when it cannot run)."""
    try:
        server = OsmemServer.start(japanese=False)
    except (OsmemError, OSError) as error:
        pytest.skip(f"osmem-server cannot run here: {error}")
    yield server
    server.close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True


@pytest.fixture
def serve():
    """Serve a request handler class on a free loopback port; yields a function → its URL."""
    servers = []

    def start(handler, **attributes):
        server = _Server(("127.0.0.1", 0), handler)
        for name, value in attributes.items():
            setattr(server, name, value)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


COMPATIBLE_MEDIA_TYPE = re.compile(
    r"application/vnd\.elasticsearch\+([\w-]+); ?compatible-with=\d+"
)


class CompatibleMediaTypesProxy(BaseHTTPRequestHandler):
    """Forwards to ``server.target`` with Elasticsearch's media types made plain."""

    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        content_type = self.headers.get("Content-Type", "application/json")
        request = urllib.request.Request(  # noqa: S310 (loopback only)
            self.server.target + self.path,
            data=self.rfile.read(length) if length else None,
            method=self.command,
            headers={"Content-Type": COMPATIBLE_MEDIA_TYPE.sub(r"application/\1", content_type)},
        )
        try:
            response = urllib.request.urlopen(request, timeout=10)  # noqa: S310
        except urllib.error.HTTPError as error:
            response = error
        data = response.read()
        self.send_response(response.status)
        for header in ("Content-Type", "X-Elastic-Product"):
            if response.headers.get(header):
                self.send_header(header, response.headers[header])
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = forward

    def log_message(self, *args):
        pass


class Failing(BaseHTTPRequestHandler):
    """A search service that answers every request with ``server.status``."""

    def fail(self):
        data = (
            b'{"error": {"type": "failing", "reason": "test"}, "status": %d}' % self.server.status
        )
        self.send_response(self.server.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = fail

    def log_message(self, *args):
        pass


@pytest.fixture(params=["opensearch", "elasticsearch"])
def flavour(request):
    return request.param


@pytest.fixture
def make_backend(flavour, osmem_clone, serve):
    def make(**options):
        url = osmem_clone.url
        if flavour == "elasticsearch":
            url = serve(CompatibleMediaTypesProxy, target=osmem_clone.url)
        return OpenSearchBackend(url, flavour=flavour, refresh=True, **options)

    return make


@pytest.fixture
def backend(make_backend):
    backend = make_backend()
    backend.index(UK + EN)
    return backend


# --- searching --------------------------------------------------------------------------------


def test_title_matches_rank_above_body_matches(backend):
    result = backend.search(query(words=[{"ікона"}]))
    assert result.total == 4
    assert set(result.ids[:3]) == {1, 3, 5}
    assert result.ids[3] == 2


def test_every_word_must_match_and_any_alternative_will(backend):
    assert sorted(ids(backend, words=[{"ікона"}, {"київ", "kyiv"}])) == [1, 3]
    assert sorted(ids(backend, words=[{"чернігів", "рушник"}])) == [2, 4, 5]
    assert ids(backend, words=[{"ікона"}, {"писанка"}]) == []


def test_terms_are_matched_as_the_database_backends_store_them(make_backend):
    """Case and apostrophes do not matter: «П'ЯТЬ» finds «п'ять» (stored as «пять»)."""
    backend = make_backend()
    backend.index([document(7, "uk", "п'ять ікон", sort_date=1)])
    assert ids(backend, words=[{"П'ЯТЬ"}]) == [7]
    assert ids(backend, words=[{"пять"}]) == [7]


def test_languages_are_searched_separately(backend):
    assert ids(backend, "en", words=[{"icon"}]) == [101, 102]
    assert ids(backend, "en", words=[{"ікона"}]) == [101]
    assert 101 not in ids(backend, words=[{"kyiv"}])


def test_browse_orders_by_date_undated_last_then_by_id(backend):
    assert ids(backend) == [1, 4, 2, 3, 5]
    assert ids(backend, words=[{"ікона"}], sort="date") == [1, 2, 3, 5]


def test_paging_walks_the_same_order_and_keeps_the_total(backend):
    pages = [backend.search(query(offset=offset, limit=2)) for offset in (0, 2, 4)]
    assert [pk for page in pages for pk in page.ids] == [1, 4, 2, 3, 5]
    assert {page.total for page in pages} == {5}


def test_pages_beyond_the_result_window_are_empty_not_errors(backend):
    result = backend.search(query(offset=50_000, limit=20, facets=("kind",)))
    assert (result.ids, result.total, result.facets) == (
        [],
        5,
        {"kind": {"object": 4, "exhibition": 1}},
    )


def test_facet_counts_are_disjunctive(backend):
    """A facet's counts apply every other facet's selection but not its own."""
    result = backend.search(query(filters={"material": frozenset({"11"})}, facets=FACETS))
    assert sorted(result.ids) == [1, 5]
    assert result.total == 2
    assert result.facets["material"] == {"10": 1, "11": 2, "12": 1, "13": 1}
    assert result.facets["type"] == {"1": 2}
    assert result.facets["museum"] == {"m1": 1, "m2": 1}
    assert result.facets["images"] == {"1": 1, "0": 1}


def test_filters_and_across_facets_or_within_one(backend):
    result = backend.search(
        query(
            filters={"material": frozenset({"11", "12"}), "museum": frozenset({"m2"})},
            facets=("material", "museum", "kind"),
        )
    )
    assert sorted(result.ids) == [2, 5]
    assert result.facets["material"] == {"11": 1, "12": 1}
    assert result.facets["museum"] == {"m1": 1, "m2": 2}
    assert result.facets["kind"] == {"object": 2}


def test_facet_counts_follow_the_words(backend):
    result = backend.search(query(words=[{"київ"}], facets=("kind", "museum")))
    assert result.facets == {"kind": {"object": 1, "exhibition": 1}, "museum": {"m1": 1}}


def test_filter_on_an_uncounted_facet_narrows_the_hits(backend):
    assert ids(backend, filters={"kind": frozenset({"exhibition"})}) == [3]
    assert ids(backend, filters={"museum": frozenset({"no-such-museum"})}) == []


def test_years_filter_by_overlap_with_the_dated_span(backend):
    assert ids(backend, year_from=1720, year_to=1860) == [1, 4]
    # A missing end is the other end: 2 is 1900 only, 5 is 1600 only; 3 is undated.
    assert ids(backend, year_from=1901) == []
    assert ids(backend, year_from=1900) == [2]
    assert ids(backend, year_to=1650) == [5]


# --- autocomplete -----------------------------------------------------------------------------


def test_autocomplete_matches_a_prefix_of_title_terms(backend):
    assert sorted(backend.autocomplete("uk", [], "ік", 8)) == [1, 3, 5]
    assert backend.autocomplete("uk", [], "ky", 8) == [1]
    assert backend.autocomplete("uk", [], "льо", 8) == []  # body only
    assert backend.autocomplete("en", [], "ic", 8) == [101]


def test_autocomplete_needs_the_complete_words_anywhere(backend):
    assert backend.autocomplete("uk", [frozenset({"ікона"})], "ч", 8) == [5]
    assert backend.autocomplete("uk", [frozenset({"київ"})], "", 8) in ([1, 3], [3, 1])
    assert len(backend.autocomplete("uk", [], "ік", 2)) == 2
    assert backend.autocomplete("uk", [], "", 8) == []


# --- writing ----------------------------------------------------------------------------------


def test_index_replaces_a_document(backend):
    backend.index([document(2, "uk", "хустка", sort_date=1900)])
    assert ids(backend, words=[{"рушник"}]) == []
    assert ids(backend, words=[{"хустка"}]) == [2]


def test_delete_removes_documents_in_every_language(backend):
    backend.delete([1, 101, 999])
    assert ids(backend) == [4, 2, 3, 5]
    assert ids(backend, "en") == [102]


def serving(backend, language):
    """The concrete index behind a language's alias."""
    aliases = backend.service.client.indices.get_alias(name=backend.alias(language))
    (name,) = backend.service.body(aliases)
    return name


def test_rebuild_swaps_the_alias_to_a_fresh_index_and_drops_the_old(backend):
    old = serving(backend, "uk")
    backend.rebuild(iter([document(8, "uk", "вишиванка", sort_date=1)]))
    new = serving(backend, "uk")
    assert new != old
    assert new.startswith(f"{backend.alias('uk')}.")
    assert set(backend._indices()) == {new, serving(backend, "en")}
    assert ids(backend) == [8]
    # English had documents before and none now: an empty index, not a missing one.
    assert backend.search(query("en")).total == 0


def test_a_failed_rebuild_leaves_the_old_index_serving(backend):
    def documents():
        yield document(8, "uk", "вишиванка", sort_date=1)
        raise RuntimeError("export broke")

    before = set(backend._indices())
    with pytest.raises(RuntimeError):
        backend.rebuild(documents())
    assert set(backend._indices()) == before
    assert ids(backend) == [1, 4, 2, 3, 5]


def test_rebuild_of_an_empty_cluster_creates_the_indices(make_backend):
    backend = make_backend(index_prefix="other")
    backend.rebuild(UK)
    assert ids(backend) == [1, 4, 2, 3, 5]
    # Every configured language is served, English with no documents yet.
    assert sorted(backend._indices().values()) == [("en", True), ("uk", True)]
    assert backend.search(query("en")).total == 0


# --- failures ---------------------------------------------------------------------------------


def closed_port_url():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def test_an_unreachable_service_raises_backend_unavailable(flavour):
    backend = OpenSearchBackend(closed_port_url(), flavour=flavour, timeout=1)
    with pytest.raises(BackendUnavailable):
        backend.search(query(words=[{"ікона"}]))
    with pytest.raises(BackendUnavailable):
        backend.autocomplete("uk", [], "ік", 8)
    with pytest.raises(BackendUnavailable):
        backend.index(UK)
    with pytest.raises(BackendUnavailable):
        backend.delete([1])
    with pytest.raises(BackendUnavailable):
        backend.rebuild(UK)


def test_a_service_that_does_not_answer_in_time_raises_backend_unavailable(flavour):
    with socket.socket() as silent:  # accepts connections (backlog) but never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        backend = OpenSearchBackend(url, flavour=flavour, timeout=0.2)
        with pytest.raises(BackendUnavailable):
            backend.search(query())


@pytest.mark.parametrize("status", [503, 429, 401])
def test_a_failing_or_refusing_service_raises_backend_unavailable(flavour, serve, status):
    backend = OpenSearchBackend(serve(Failing, status=status), flavour=flavour, timeout=1)
    with pytest.raises(BackendUnavailable):
        backend.search(query())
    with pytest.raises(BackendUnavailable):
        backend.index(UK)


def test_a_bad_request_is_a_bug_and_raised_as_such(flavour, serve):
    backend = OpenSearchBackend(serve(Failing, status=400), flavour=flavour, timeout=1)
    with pytest.raises(Exception) as caught:
        backend.search(query())
    assert not isinstance(caught.value, BackendUnavailable)
    assert "400" in str(caught.value)


def test_a_language_without_an_index_raises_backend_unavailable(backend):
    """The database has the documents; it should answer until update_index builds one."""
    with pytest.raises(BackendUnavailable):
        backend.search(query("pl"))


# --- agreement with the database backend, on documents built from register objects ------------


@pytest.fixture
def collection(db):
    """A few register objects, indexed into the database; returns their material terms."""
    from registry.tests import builders
    from search import indexing

    wood = builders.term(builders.Material, "Дерево", en={"name": "Wood"})
    glass = builders.term(builders.Material, "Скло", en={"name": "Glass"})
    builders.full_object("NHMU-1")
    rows = (
        ("A-1", "Ікона Богоматері", "Ікона на дошці з Києва.", wood, 1810),
        ("A-2", "Писанка з Косова", "Писанка, розписана воском.", None, 1920),
        ("A-3", "Рушник вишитий", "Рушник з Чернігова, льон.", None, None),
        ("A-4", "Ікони в Чернігові", "Скляна ікона.", glass, 1750),
        ("A-5", "Вишиванка", "Сорочка з Києва, вишита хрестиком.", None, 1901),
    )
    for register_id, title, description, material, year in rows:
        obj = builders.register_object(
            register_id, title=title, description=description, date_earliest=year, date_latest=year
        )
        if material is not None:
            builders.ObjectMaterial.objects.create(register_object=obj, material=material)
    builders.restrict(builders.register_object("A-6", title="Хрест"), "CANARY-5f2d8c1e")
    indexing.index_objects(["NHMU-1", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6"])
    return {"wood": str(wood.pk), "glass": str(glass.pk)}


AGREEMENT_QUERIES = [
    ("uk", "ікона", {}),
    ("uk", "іконою", {}),
    ("uk", "Kyiv", {}),
    ("uk", "Chernihiv", {}),
    ("en", "pysanky", {}),
    ("en", "icon", {}),
    ("en", "lime-wood icon", {}),
    ("uk", "рушник льон", {}),
    ("uk", "ікона", {"material": ["wood", "glass"]}),
    ("uk", "", {"material": ["glass"], "period": ["1700"]}),
    ("uk", "", {"year_from": 1800, "year_to": 1910}),
    ("uk", "", {"sort": "date"}),
    ("uk", "CANARY-5f2d8c1e", {}),
    ("uk", "Сховище", {}),
]


def test_the_replica_agrees_with_the_database_backend(collection, osmem_clone):
    """Same hits, totals and facet counts as the database; by date, the same order too."""
    from search import indexing
    from search.analysis import prefix_query, query_terms
    from search.backends import database_backend
    from search.models import FACETS

    backend = OpenSearchBackend(osmem_clone.url, refresh=True)
    backend.rebuild(indexing.service_documents())
    database = database_backend()
    for language, text, options in AGREEMENT_QUERIES:
        options = dict(options)
        materials = options.pop("material", [])
        filters = {name: frozenset(values) for name, values in options.pop("filters", {}).items()}
        if materials:
            filters["material"] = frozenset(collection[name] for name in materials)
        if "period" in options:
            filters["period"] = frozenset(options.pop("period"))
        parsed = ParsedQuery(
            language=language,
            words=tuple(query_terms(text)),
            filters=filters,
            facets=FACETS,
            limit=50,
            **options,
        )
        expected, got = database.search(parsed), backend.search(parsed)
        label = (language, text, options, filters)
        assert sorted(got.ids) == sorted(expected.ids), label
        assert got.total == expected.total, label
        assert got.facets == expected.facets, label
        if parsed.sort == "date":
            assert got.ids == expected.ids, label
    for language, text in (("uk", "іко"), ("uk", "ікона чер"), ("en", "pys"), ("uk", "canary")):
        words, prefix = prefix_query(text)
        expected = database.autocomplete(language, words, prefix, 8)
        assert sorted(backend.autocomplete(language, words, prefix, 8)) == sorted(expected), text
    canary = ParsedQuery(language="uk", words=tuple(query_terms("CANARY-5f2d8c1e")))
    assert backend.search(canary).total == 0
