"""One measured step of the benchmark, in its own process (so peak RSS is its own).

    python -m bench.worker setup
    python -m bench.worker import FILE [--batch-size 500]
    python -m bench.worker naive FILE --limit 5000 [--no-reference-index]
    python -m bench.worker pages --requests 300 [--seed 7] [--warmup 20]

bench/run.py starts these with DJANGO_SETTINGS_MODULE=bench.settings and the database of
the scenario (PORTAL_VAR_DIR for SQLite, DATABASE_URL for PostgreSQL). The last line of
output is ``BENCH-RESULT {json}``.
"""

import argparse
import json
import os
import random
import resource
import statistics
import sys
import time

import django

RESULT_PREFIX = "BENCH-RESULT "


def peak_rss_mb():
    """High-water mark of this process's resident memory (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb():
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def database_counts():
    from django.db import connection
    from wagtail.models import ReferenceIndex
    from wagtail.search.models import IndexEntry

    from registry.models import RegisterObject, RestrictedObjectData

    return {
        "objects_uk": RegisterObject.objects.filter(locale__language_code="uk").count(),
        "objects_en": RegisterObject.objects.filter(locale__language_code="en").count(),
        "restricted": RestrictedObjectData.objects.count(),
        "search_index_entries": IndexEntry.objects.count(),
        "reference_index_entries": ReferenceIndex.objects.count(),
        "vendor": connection.vendor,
    }


def do_setup(_options):
    from portal.setup import ensure_portal_site

    ensure_portal_site(hostname="testserver")
    return {"ok": True}


def do_import(options):
    from registry.importing import import_register

    start_rss = current_rss_mb()
    started = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as quiet:
        report = import_register(
            options.file, batch_size=options.batch_size, progress=False, stdout=quiet
        )
    seconds = time.perf_counter() - started
    peak = peak_rss_mb()
    counts = {
        name: getattr(report, name)
        for name in ("created", "updated", "unchanged", "failed", "skipped")
        if isinstance(getattr(report, name, None), int)
    }
    errors = getattr(report, "errors", None)
    if isinstance(errors, list | tuple):
        counts["errors"] = len(errors)
        counts["first_errors"] = [str(error) for error in errors[:3]]
    records = sum(counts.get(name, 0) for name in ("created", "updated", "unchanged"))
    return {
        "records": records,
        "seconds": seconds,
        "rate": records / seconds if seconds else None,
        "rss_start_mb": start_rss,
        "peak_rss_mb": peak,
        "report": counts,
        "database": database_counts(),
    }


def do_naive(options):
    from bench.naive import naive_import

    start_rss = current_rss_mb()
    started = time.perf_counter()
    records = naive_import(
        options.file, limit=options.limit, reference_index=options.reference_index
    )
    seconds = time.perf_counter() - started
    return {
        "records": records,
        "seconds": seconds,
        "rate": records / seconds,
        "rss_start_mb": start_rss,
        "peak_rss_mb": peak_rss_mb(),
        "database": database_counts(),
    }


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def do_pages(options):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from registry.models import RegisterObject

    register_ids = list(
        RegisterObject.objects.public()
        .filter(locale__language_code="uk")
        .order_by("register_id")
        .values_list("register_id", flat=True)
    )
    rng = random.Random(options.seed)
    if len(register_ids) >= options.requests:
        chosen = rng.sample(register_ids, options.requests)
    else:
        chosen = rng.choices(register_ids, k=options.requests)
    urls = [f"/{language}/objects/{rid}/" for rid in chosen for language in ("uk", "en")]
    client = Client(raise_request_exception=False)
    for url in urls[: options.warmup]:
        client.get(url)

    times = []
    statuses = {}
    sizes = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        sizes.append(len(response.content))
    # Query counts in a second pass, so recording queries does not slow the timed pass.
    queries = []
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries.append(len(captured))
    return {
        "objects": len(register_ids),
        "requests": len(urls),
        "p50_ms": statistics.median(times),
        "p95_ms": percentile(times, 0.95),
        "max_ms": max(times),
        "queries_min": min(queries),
        "queries_max": max(queries),
        "queries_median": statistics.median(queries),
        "statuses": {str(code): count for code, count in sorted(statuses.items())},
        "bytes_median": statistics.median(sizes),
        "peak_rss_mb": peak_rss_mb(),
    }


def main(argv=None):
    parser = argparse.ArgumentParser()
    steps = parser.add_subparsers(dest="step", required=True)
    steps.add_parser("setup")
    importing = steps.add_parser("import")
    importing.add_argument("file")
    importing.add_argument("--batch-size", type=int, default=500)
    naive = steps.add_parser("naive")
    naive.add_argument("file")
    naive.add_argument("--limit", type=int, default=None)
    naive.add_argument(
        "--no-reference-index", dest="reference_index", action="store_false", default=True
    )
    pages = steps.add_parser("pages")
    pages.add_argument("--requests", type=int, default=300)
    pages.add_argument("--seed", type=int, default=7)
    pages.add_argument("--warmup", type=int, default=20)
    options = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    step = {"setup": do_setup, "import": do_import, "naive": do_naive, "pages": do_pages}
    result = step[options.step](options)
    sys.stdout.write(RESULT_PREFIX + json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
