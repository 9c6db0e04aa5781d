"""`make bench` (IIIF manifests): the manifest of an object with 10 photographs.

    .venv/bin/python bench/iiif_manifests.py [--requests 1000] [--database-url postgres://…]

Builds, on a fresh database under bench/out/manifests-*/ (SQLite in WAL mode, as the
embedded default; or a scratch PostgreSQL database when --database-url /
BENCH_DATABASE_URL is set), a register object in uk and en with every field filled in and
10 photographs. Its IIIF manifest and two peers, the object's JSON-LD document and its
HTML page, are requested in turn through Django's test client (server time, no network,
no cache in front), and the script prints p50/p95 server time, queries per request and the
ratio manifest/peer. Target: manifest p50 ≤ 10 ms (the query count is pinned in
iiif/tests/test_presentation_manifests.py as well).
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

PHOTOGRAPHS = 10
TARGET_P50_MS = 10


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def configure(database_url):
    run_dir = Path(tempfile.mkdtemp(prefix="manifests-", dir=OUT_DIR))
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
    """The object (uk + en, 10 photographs) and the URLs to compare."""
    from django.core.management import call_command

    from portal.setup import ensure_portal_site
    from registry.tests import builders

    call_command("migrate", verbosity=0)
    ensure_portal_site(hostname="testserver")
    obj = builders.full_object("BENCH-10")
    translation = obj.get_translations().get()
    for number in range(PHOTOGRAPHS - 2):
        photo = builders.add_photo(
            obj,
            alt_text=f"Деталь {number + 1}",
            caption=f"Деталь {number + 1}",
            sort_order=2 + number,
        )
        builders.add_photo(
            translation,
            image=photo.image,
            alt_text=f"Detail {number + 1}",
            caption=f"Detail {number + 1}",
            sort_order=2 + number,
        )
    return {
        "manifest": "/iiif/3/manifests/objects/BENCH-10",
        "manifest_built": "/iiif/3/manifests/objects/BENCH-10",
        "json_ld": "/uk/objects/BENCH-10/object.jsonld",
        "html_page": "/uk/objects/BENCH-10/",
    }


def settings_for(name):
    """The built manifest is measured with its cache off: every request builds it."""
    from django.test import override_settings

    if name == "manifest_built":
        return override_settings(IIIF_PRESENTATION_CACHE_SECONDS=0)
    return override_settings()


def measure(urls, requests, warmup=50):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    for _ in range(warmup):
        for name, url in urls.items():
            with settings_for(name):
                assert client.get(url).status_code == 200, url
    manifest = json.loads(client.get(urls["manifest"]).content)
    assert len(manifest["items"]) == PHOTOGRAPHS
    times = {name: [] for name in urls}
    for _ in range(requests):
        for name, url in urls.items():  # in turn, so noise hits all alike
            with settings_for(name):
                started = time.perf_counter()
                response = client.get(url)
                times[name].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
    results = {}
    for name, url in urls.items():
        with settings_for(name), CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        results[name] = {
            "p50_ms": statistics.median(times[name]),
            "p95_ms": percentile(times[name], 0.95),
            "queries": len(captured),
            "bytes": len(response.content),
        }
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description="IIIF manifest benchmark.")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args(argv)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    run_dir = configure(options.database_url)
    try:
        from django.db import connection

        urls = build()
        results = measure(urls, options.requests)
        manifest = results["manifest"]
        summary = {
            "database": connection.vendor,
            "requests": options.requests,
            "photographs": PHOTOGRAPHS,
            **results,
            "ratio_p50_json_ld": manifest["p50_ms"] / results["json_ld"]["p50_ms"],
            "ratio_p50_built_json_ld": results["manifest_built"]["p50_ms"]
            / results["json_ld"]["p50_ms"],
            "ratio_p50_html_page": manifest["p50_ms"] / results["html_page"]["p50_ms"],
            "target_p50_ms": TARGET_P50_MS,
            "meets_target": manifest["p50_ms"] <= TARGET_P50_MS,
        }
        print(f"{'request':<38}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}{'bytes':>9}")
        for label, name in (
            (f"IIIF manifest, {PHOTOGRAPHS} photographs", "manifest"),
            ("  the same, built (cache off)", "manifest_built"),
            ("peer: object JSON-LD", "json_ld"),
            ("peer: object HTML page", "html_page"),
        ):
            row = results[name]
            print(
                f"{label:<38}{row['p50_ms']:>9.2f}{row['p95_ms']:>9.2f}"
                f"{row['queries']:>9}{row['bytes']:>9}"
            )
        print(
            f"ratio manifest/JSON-LD p50 {summary['ratio_p50_json_ld']:.2f}× "
            f"(built: {summary['ratio_p50_built_json_ld']:.2f}×), "
            f"manifest/HTML page p50 {summary['ratio_p50_html_page']:.2f}×; "
            f"manifest p50 {manifest['p50_ms']:.2f} ms (target ≤ {TARGET_P50_MS} ms: "
            f"{'met' if summary['meets_target'] else 'NOT met'})"
        )
        (OUT_DIR / f"latest-iiif-manifests-{connection.vendor}.json").write_text(
            json.dumps(summary, indent=2)
        )
    finally:
        if not options.keep:
            shutil.rmtree(run_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
