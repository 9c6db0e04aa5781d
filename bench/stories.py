"""`make bench` (stories): an exhibition chapter of 30 blocks, 12 of them register objects.

    .venv/bin/python bench/stories.py [--requests 400] [--database-url postgres://…]

Builds, on a fresh database under bench/out/stories-*/ (SQLite in WAL mode, as the embedded
default; or a scratch PostgreSQL database when --database-url / BENCH_DATABASE_URL is set),
the benchmark chapter of exhibitions/tests/chapter_fixture.py and its peer: a chapter of the
same length in one plain rich-text block. Both are requested alternately in Ukrainian and
English through Django's test client (server time, no network), and the script prints
p50/p95 server time, queries per page and the ratio chapter/peer. Target: ratio ≤ 2 and
at most 20 queries (the query count is pinned in test_chapter_queries.py as well).
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
OUT_DIR = BASE_DIR / "bench" / "out"
sys.path.insert(0, str(BASE_DIR))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def configure(database_url):
    run_dir = Path(tempfile.mkdtemp(prefix="stories-", dir=OUT_DIR))
    for name in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "OPENSEARCH_URL"):
        os.environ.pop(name, None)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ["PORTAL_VAR_DIR"] = str(run_dir)
    os.environ["MEDIA_ROOT"] = str(run_dir / "media")
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    return run_dir


def build():
    from django.core.management import call_command

    from exhibitions.tests.chapter_fixture import build_benchmark_chapters
    from exhibitions.tests.factories import ExhibitionIndexPageFactory, translate
    from portal.models import HomePage
    from portal.setup import ensure_portal_site

    call_command("migrate", verbosity=0)
    ensure_portal_site(hostname="testserver")
    index = ExhibitionIndexPageFactory(parent=HomePage.objects.get(locale__language_code="uk"))
    chapter, plain, _objects = build_benchmark_chapters(index)
    translate(index, "en", title="Exhibitions")
    translate(chapter.get_parent().specific, "en", title="Measuring")
    chapter_en = translate(chapter, "en", title="Thirty blocks")
    plain_en = translate(plain, "en", title="Plain text")
    return {"chapter": [chapter.url, chapter_en.url], "plain": [plain.url, plain_en.url]}


def measure(urls, requests, warmup=20):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    for _ in range(warmup):
        for pair in urls.values():
            for url in pair:
                assert client.get(url).status_code == 200, url
    times = {name: [] for name in urls}
    for number in range(requests):
        for name, pair in urls.items():  # alternate, so noise hits both alike
            url = pair[number % 2]
            started = time.perf_counter()
            response = client.get(url)
            times[name].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
    results = {}
    for name, pair in urls.items():
        counts = []
        for url in pair:
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            counts.append(len(captured))
        results[name] = {
            "p50_ms": statistics.median(times[name]),
            "p95_ms": percentile(times[name], 0.95),
            "queries_uk": counts[0],
            "queries_en": counts[1],
            "bytes": len(client.get(pair[0]).content),
        }
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description="Exhibition chapter benchmark.")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_STORIES_DATABASE_URL"))
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args(argv)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    run_dir = configure(options.database_url)
    try:
        from django.db import connection

        urls = build()
        results = measure(urls, options.requests)
        chapter, plain = results["chapter"], results["plain"]
        summary = {
            "database": connection.vendor,
            "requests_per_page": options.requests,
            "chapter": chapter,
            "plain_peer": plain,
            "ratio_p50": chapter["p50_ms"] / plain["p50_ms"],
            "ratio_p95": chapter["p95_ms"] / plain["p95_ms"],
        }
        print(f"{'page':<34}{'p50 ms':>9}{'p95 ms':>9}{'queries uk/en':>16}{'bytes':>9}")
        for label, row in (
            ("chapter: 30 blocks, 12 objects", chapter),
            ("peer: plain rich text", plain),
        ):
            queries = f"{row['queries_uk']}/{row['queries_en']}"
            print(
                f"{label:<34}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}{queries:>16}{row['bytes']:>9}"
            )
        print(
            f"ratio chapter/peer: p50 {summary['ratio_p50']:.2f}×, p95 {summary['ratio_p95']:.2f}× (target ≤ 2)"
        )
        (OUT_DIR / f"latest-stories-{connection.vendor}.json").write_text(
            json.dumps(summary, indent=2)
        )
    finally:
        if not options.keep:
            shutil.rmtree(run_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
