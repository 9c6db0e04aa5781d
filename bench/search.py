"""`make bench` (search): the readers' search against Wagtail's database backend.

    .venv/bin/python bench/search.py [--records 100000] [--per-set 40] [--repeat 2]
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/search.py

1. Loads the generated register (bench/generate.py) with the importer (bench/worker.py
   import), which writes both indexes: Wagtail's, used by the admin and here as the
   baseline, and the readers' (search.indexing.index_objects per batch).
2. Full reindex: ``search.indexing.rebuild()`` over every published object, documents/s.
3. Three query sets (bench/search_worker.py: single words, two words, one word with a museum
   and a period facet), 40 queries each in Ukrainian and English, timed with the portal's
   engine (parse, run, present: everything but the template) after a warm-up pass, and
   with the baseline, Wagtail's database backend as a plain ``.search()`` taking the first
   20 results, which runs each query once, interleaved with ours, until it has spent
   --baseline-budget seconds on a set in a language (it takes seconds a query at 100,000
   objects on SQLite). p50/p95 per set; the ratio baseline/ours is over the queries both
   ran. A subset goes through the whole view with Django's test client. The slowest queries
   of each set get their plan (EXPLAIN ANALYZE on PostgreSQL) and the time of the match
   alone.

The loaded database is kept under bench/out/search-sqlite-<records>/ (SQLite, WAL) or as
the PostgreSQL database ``<name>_search_<records>`` next to BENCH_DATABASE_URL, and reused
by the next run while the generated file, the migrations and the importing code are
unchanged (``--reload`` loads it again); when only the readers' index code changed (search/
models, migrations, documents, analysis), it is migrated in place and the full reindex of
step 2 rewrites the index. The developer's database is never touched.
Figures print as a table and go to bench/out/latest-search-sqlite.json or
latest-search-postgresql.json; docs/benchmarks.md records them by hand.
"""

import argparse
import datetime
import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
OUT_DIR = BASE_DIR / "bench" / "out"
sys.path.insert(0, str(BASE_DIR))

from bench.generate import default_path, generate  # noqa: E402
from bench.run import (  # noqa: E402
    PostgresDatabases,
    Runner,
    SqliteDatabases,
    log,
    machine,
)

#: What the loaded register depends on besides the generated file: reuse it only while
#: these are unchanged.
LOADED_BY = (
    "*/migrations/*.py",
    "registry/importing/*.py",
    "registry/models/*.py",
)
#: What the readers' index depends on: when only these changed, the loaded database is
#: migrated in place and the timed rebuild that follows rewrites the index.
INDEXED_BY = (
    "search/migrations/*.py",
    "search/analysis/*.py",
    "search/documents.py",
    "search/indexing.py",
    "search/models.py",
)
TARGET_P95_MS = 100
TARGET_RATIO = 2


def _digest(patterns, seed=b"", leave_out=()):
    digest = hashlib.sha256(seed)
    for pattern in patterns:
        for path in sorted(BASE_DIR.glob(pattern)):
            relative = path.relative_to(BASE_DIR)
            if ".venv" not in path.parts and not any(map(relative.match, leave_out)):
                digest.update(str(relative).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def fingerprint(data_file):
    """``<register>-<index>``: digests of what the register and the readers' index depend on."""
    register = _digest(LOADED_BY, data_file.name.encode(), leave_out=INDEXED_BY)
    return f"{register}-{_digest(INDEXED_BY)}"


def search_worker(runner, args, env):
    """Run a step of bench/search_worker.py; its BENCH-RESULT line, parsed."""
    return runner.worker(args, env, module="bench.search_worker")


class LoadedSqlite(SqliteDatabases):
    """One kept folder per size, holding the loaded database and its fingerprint."""

    def __init__(self, records):
        super().__init__(OUT_DIR / f"search-sqlite-{records}")
        self.name = "loaded"
        self.stamp = self.run_dir / "fingerprint"

    def loaded_fingerprint(self):
        if (self.run_dir / self.name / "db.sqlite3").exists() and self.stamp.exists():
            return self.stamp.read_text().strip()
        return None

    def prepare(self, runner):
        shutil.rmtree(self.run_dir, ignore_errors=True)
        env = self.env(self.name)
        Path(env["PORTAL_VAR_DIR"]).mkdir(parents=True)
        runner.migrate(env)
        runner.worker(["setup"], env)
        return env

    def mark(self, value):
        self.stamp.write_text(value + "\n")


class LoadedPostgres(PostgresDatabases):
    """One kept database per size; its fingerprint is the database's comment."""

    def __init__(self, url, records):
        super().__init__(url)
        self.name = f"search_{records}"

    def loaded_fingerprint(self):
        with self.psycopg.connect(self.admin_url) as connection:
            row = connection.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                [f"{self.base}_{self.name}"],
            ).fetchone()
        return row[0] if row else None

    def prepare(self, runner):
        env = self._recreate(self.name)
        runner.migrate(env)
        runner.worker(["setup"], env)
        return env

    def mark(self, value):
        self._execute(f"COMMENT ON DATABASE \"{self.base}_{self.name}\" IS '{value}'")

    def describe(self):
        with self.psycopg.connect(self.url(self.name)) as connection:
            version = connection.execute("SHOW server_version").fetchone()[0]
        return f"PostgreSQL {version}"


def load(databases, runner, data_file, records, reload):
    """The environment of a database holding the file's records, loading it if needed."""
    wanted = fingerprint(data_file)
    loaded = databases.loaded_fingerprint() or ""
    if not reload and loaded == wanted:
        log(f"reusing the database loaded with {records:,} records ({wanted})")
        return databases.env(databases.name), None
    if not reload and loaded.partition("-")[0] == wanted.partition("-")[0]:
        log(f"reusing the database loaded with {records:,} records; the index code changed:")
        env = databases.env(databases.name)
        runner.migrate(env)
        databases.mark(wanted)
        return env, None
    log(f"loading {records:,} records into a fresh database (importer, both indexes)")
    env = databases.prepare(runner)
    imported = runner.worker(["import", str(data_file), "--batch-size", "500"], env)
    databases.mark(wanted)
    log(f"  {imported['rate']:,.0f} records/s, {imported['seconds']:.0f}s")
    return env, imported


# Reporting ----------------------------------------------------------------------------------


def print_table(results):
    rebuild = results["rebuild"]
    queries = results["queries"]
    lines = [
        "",
        f"Readers' search — {results['database']} — {results['records']:,} records, "
        f"{queries['documents']:,} documents — {results['machine']['cpus']} CPUs",
        f"full reindex: {rebuild['documents']:,} documents in {rebuild['seconds']:.1f}s = "
        f"{rebuild['rate']:,.0f} documents/s (peak RSS {rebuild['peak_rss_mb']:.0f} MB)",
    ]
    if results.get("import"):
        row = results["import"]
        lines.append(f"load (importer, both indexes): {row['rate']:,.0f} records/s")
    lines += [
        "",
        f"{'set':<10}{'lang':<6}{'ours p50':>10}{'p95':>8}{'baseline p50':>14}{'p95':>8}"
        f"{'ratio p50':>11}{'p95':>6}{'results':>9}{'n ours/base':>13}",
    ]
    for name, row in queries["sets"].items():
        for language in ("uk", "en", "both"):
            part = row[language]
            ours, base = part["ours"], part["baseline"]
            counts = f"{ours['samples']}/{base['samples']}"
            lines.append(
                f"{name:<10}{language:<6}{ours['p50_ms']:>10.1f}{ours['p95_ms']:>8.1f}"
                f"{base['p50_ms']:>14.1f}{base['p95_ms']:>8.1f}"
                f"{part['ratio_p50'] or 0:>11.2f}{part['ratio_p95'] or 0:>6.2f}"
                f"{ours['results_median']:>9.0f}{counts:>13}"
            )
    lines.append("")
    lines.append("ours, p50 of the parts (ms): parse / search / present")
    for name, row in queries["sets"].items():
        parts = row["both"]["ours_parts_p50_ms"]
        high = row["both"]["ours_parts_p95_ms"]
        lines.append(
            f"  {name:<8} p50 {parts['parse']:.1f} / {parts['search']:.1f} / "
            f"{parts['present']:.1f}   p95 {high['parse']:.1f} / {high['search']:.1f} / "
            f"{high['present']:.1f}"
        )
    if queries.get("views"):
        lines.append("full view /<lang>/search/ through the test client (ms)")
        for name, row in queries["views"].items():
            lines.append(
                f"  {name:<8} n={row['samples']} p50 {row['p50_ms']:.1f} p95 {row['p95_ms']:.1f}"
                f" statuses {row['statuses']}"
            )
    for name, reports in queries.get("slowest", {}).items():
        for report in reports[:1]:
            lines.append(
                f"slowest {name}: {report['language']} {report['params']} — "
                f"{report['median_ms']:.1f} ms in all, backend statement "
                f"{report['backend_statement_ms']:.1f} ms, match alone "
                f"{report['match_only_ms']:.1f} ms, {report['results']} results"
            )
    lines.append("")
    for name, verdict in results["targets"].items():
        lines.append(f"  {name}: {verdict}")
    print("\n".join(lines))


def targets(results):
    sets = results["queries"]["sets"]
    worst_p95 = max(row["both"]["ours"]["p95_ms"] for row in sets.values())
    worst_ratio = min(row["both"]["ratio_p95"] or 0 for row in sets.values())
    verdicts = {
        f"ratio baseline/ours at p95 ≥ {TARGET_RATIO} in every set": (
            f"{'met' if worst_ratio >= TARGET_RATIO else 'NOT met'} (lowest {worst_ratio})"
        ),
    }
    verdicts[f"p95 ≤ {TARGET_P95_MS} ms in every set"] = (
        f"{'met' if worst_p95 <= TARGET_P95_MS else 'NOT met'} (highest {worst_p95} ms"
        + (", the target applies to PostgreSQL)" if results["vendor"] != "postgresql" else ")")
    )
    return verdicts


def main(argv=None):
    parser = argparse.ArgumentParser(description="Readers' search benchmark.")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--per-set", type=int, default=40, help="queries per set and language")
    parser.add_argument("--repeat", type=int, default=2, help="timed passes over every query")
    parser.add_argument(
        "--baseline-budget", type=float, default=60, help="baseline seconds per set and language"
    )
    parser.add_argument("--view", type=int, default=10, help="queries per set through the view")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--reload", action="store_true", help="load the database again")
    options = parser.parse_args(argv)

    data_file = default_path(options.records)
    if not data_file.exists():
        log(f"generating {options.records:,} records -> {data_file.relative_to(BASE_DIR)}")
        generate(data_file, options.records)
    bench_url = os.environ.get("BENCH_DATABASE_URL")
    if bench_url:
        databases = LoadedPostgres(bench_url, options.records)
    else:
        databases = LoadedSqlite(options.records)
    runner = Runner()
    env, imported = load(databases, runner, data_file, options.records, options.reload)
    results = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": machine(),
        "database": databases.describe(),
        "vendor": databases.vendor,
        "records": options.records,
        "file": data_file.name,
        "import": imported,
    }

    log("full reindex: search.indexing.rebuild()")
    results["rebuild"] = search_worker(runner, ["rebuild"], env)
    log(f"  {results['rebuild']['rate']:,.0f} documents/s")
    log("queries: ours against Wagtail's database backend")
    results["queries"] = search_worker(
        runner,
        [
            "queries",
            "--records", str(options.records),
            "--per-set", str(options.per_set),
            "--repeat", str(options.repeat),
            "--baseline-budget", str(options.baseline_budget),
            "--view", str(options.view),
            "--seed", str(options.seed),
        ],
        env,
    )  # fmt: skip
    results["targets"] = targets(results)

    latest = OUT_DIR / f"latest-search-{databases.vendor}.json"
    latest.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_table(results)
    print(f"\nFigures written to {latest.relative_to(BASE_DIR)}")


if __name__ == "__main__":
    main()
