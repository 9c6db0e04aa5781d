"""`make bench`: the register import and object page benchmarks, each against a peer.

    .venv/bin/python bench/run.py [--records 100000] [--requests 300]

1. Import of a generated exchange-format file without images (bench/generate.py): records/s
   and peak RSS of the importing process at 20k and 100k records (memory must stay flat),
   a re-import of the same file (everything unchanged), against the peer: a naive loop of
   per-row ``Model.save()`` (bench/naive.py) on the first 5,000 rows of the same file, run
   as is and with Wagtail's reference index off (which the importer does not write either),
   with the importer run on those 5,000 rows as well for a like-for-like ratio.
2. Object page at 100k objects: server time p50/p95 and queries per page for ~300 random
   objects in Ukrainian and English, against the peer: the same pages in a database of 100
   objects (the ratio shows how page time grows with the collection).

Every scenario starts from its own copy of a freshly migrated database under
bench/out/run-*/ (SQLite in WAL mode, as the embedded default), or, when BENCH_DATABASE_URL
names a PostgreSQL database, from databases created from a migrated template next to it.
The developer's database is never touched. Figures print as a table and go to
bench/out/latest.json (and latest-sqlite.json or latest-postgresql.json); docs/benchmarks.md
records them by hand.
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
OUT_DIR = BASE_DIR / "bench" / "out"
sys.path.insert(0, str(BASE_DIR))

from bench.generate import default_path, generate, generator_version  # noqa: E402
from bench.worker import RESULT_PREFIX  # noqa: E402

# Variables that would switch a worker to a service; the benchmark sets its own.
SERVICE_VARIABLES = (
    "DATABASE_URL",
    "REDIS_URL",
    "ELASTICSEARCH_URL",
    "OPENSEARCH_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "DJANGO_SETTINGS_MODULE",
)


class BenchError(RuntimeError):
    pass


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# Databases ----------------------------------------------------------------------------------


class SqliteDatabases:
    """A migrated template database file, copied for each scenario."""

    vendor = "sqlite"

    def __init__(self, run_dir):
        self.run_dir = run_dir

    def env(self, name):
        folder = self.run_dir / name
        return {"PORTAL_VAR_DIR": str(folder), "MEDIA_ROOT": str(folder / "media")}

    def create_template(self, runner):
        runner.migrate(self.env("template"))
        runner.worker(["setup"], self.env("template"))
        database = self.run_dir / "template" / "db.sqlite3"
        with sqlite3.connect(database) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()

    def fresh(self, name):
        folder = self.run_dir / name
        folder.mkdir(parents=True)
        shutil.copyfile(self.run_dir / "template" / "db.sqlite3", folder / "db.sqlite3")
        return self.env(name)

    def describe(self):
        return f"SQLite {sqlite3.sqlite_version} (WAL, synchronous=NORMAL)"

    def cleanup(self):
        pass


class PostgresDatabases:
    """A migrated template database; each scenario gets CREATE DATABASE … TEMPLATE."""

    vendor = "postgresql"

    def __init__(self, url):
        import psycopg

        self.psycopg = psycopg
        parts = urlsplit(url)
        self.parts = parts
        self.base = parts.path.lstrip("/") or "portal_bench"
        self.admin_url = urlunsplit(parts._replace(path="/postgres"))
        self.created = []

    def url(self, name):
        return urlunsplit(self.parts._replace(path=f"/{self.base}_{name}"))

    def env(self, name):
        return {"DATABASE_URL": self.url(name)}

    def _execute(self, *statements):
        with self.psycopg.connect(self.admin_url, autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)

    def _recreate(self, name, template=None):
        database = f"{self.base}_{name}"
        create = f'CREATE DATABASE "{database}"'
        if template:
            create += f' TEMPLATE "{self.base}_{template}"'
        self._execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)', create)
        self.created.append(database)
        return self.env(name)

    def create_template(self, runner):
        env = self._recreate("template")
        runner.migrate(env)
        runner.worker(["setup"], env)

    def fresh(self, name):
        return self._recreate(name, template="template")

    def describe(self):
        with self.psycopg.connect(self.url("template")) as connection:
            version = connection.execute("SHOW server_version").fetchone()[0]
        return f"PostgreSQL {version}"

    def cleanup(self):
        self._execute(*(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)' for name in self.created))


# Running workers ----------------------------------------------------------------------------


class Runner:
    def __init__(self):
        env = {key: value for key, value in os.environ.items() if key not in SERVICE_VARIABLES}
        env.update({"PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0"})
        self.base_env = env

    def migrate(self, env):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--no-input", "--verbosity", "0"],
            cwd=BASE_DIR,
            env={**self.base_env, **env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"},
            check=True,
        )
        log(f"migrated a template database in {time.perf_counter() - started:.0f}s")

    def worker(self, args, env, module="bench.worker"):
        process = subprocess.run(
            [sys.executable, "-m", module, *args],
            cwd=BASE_DIR,
            env={**self.base_env, **env, "DJANGO_SETTINGS_MODULE": "bench.settings"},
            capture_output=True,
            text=True,
            check=False,
        )
        results = [
            line[len(RESULT_PREFIX) :]
            for line in process.stdout.splitlines()
            if line.startswith(RESULT_PREFIX)
        ]
        if process.returncode != 0 or not results:
            tail = "\n".join((process.stdout + process.stderr).strip().splitlines()[-15:])
            raise BenchError(f"{module} {' '.join(args)} failed ({process.returncode}):\n{tail}")
        return json.loads(results[-1])


def importer_status(runner, env):
    """None when registry.importing.import_register is usable, else why not."""
    process = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from registry.importing import import_register",
        ],
        cwd=BASE_DIR,
        env={**runner.base_env, **env, "DJANGO_SETTINGS_MODULE": "bench.settings"},
        capture_output=True,
        text=True,
        check=False,
    )
    if process.returncode == 0:
        return None
    return process.stderr.strip().splitlines()[-1] if process.stderr.strip() else "unknown error"


# Reporting ----------------------------------------------------------------------------------


def machine():
    model = ""
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpus": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def ratio(a, b):
    return round(a / b, 2) if a and b else None


def print_table(results):
    lines = ["", f"Register import — {results['database']} — {results['machine']['cpus']} CPUs"]
    lines.append(f"{'run':<44}{'records':>9}{'s':>8}{'rec/s':>9}{'peak RSS':>10}{'growth':>9}")
    for key, label in (
        ("importer_small", "importer, fresh database"),
        ("importer_full", "importer, fresh database"),
        ("importer_reimport", "importer, same file again (unchanged)"),
        ("importer_naive_size", "importer, fresh database (peer's rows)"),
        ("naive", "peer: naive per-row .save() loop"),
        ("naive_no_reference_index", "peer: the same, reference index off"),
    ):
        row = results["import"].get(key)
        if not row:
            continue
        growth = row["peak_rss_mb"] - row["rss_start_mb"]
        lines.append(
            f"{label:<44}{row['records']:>9,}{row['seconds']:>8.1f}{row['rate']:>9,.0f}"
            f"{row['peak_rss_mb']:>8.0f}MB{growth:>7.0f}MB"
        )
    for key, row in results["import"].items():
        if isinstance(row, dict) and row.get("report", {}).get("errors"):
            lines.append(f"  WARNING {key}: {row['report']['errors']} row errors, for example:")
            lines.extend(f"    {error}" for error in row["report"]["first_errors"])
    for name, value in results["import"].get("ratios", {}).items():
        lines.append(f"  {name}: {value}")
    if results["import"].get("skipped"):
        lines.append(f"  importer not run: {results['import']['skipped']}")

    pages = results.get("pages", {})
    if pages:
        lines.append("")
        lines.append("Object page /{lang}/objects/{register_id}/ (uk and en), Django test client")
        lines.append(
            f"{'database':<24}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
            f"{'queries':>10}  statuses"
        )
        for key, label in (("full", "full collection"), ("peer", "peer: 100 objects")):
            row = pages.get(key)
            if not row:
                continue
            queries = f"{row['queries_min']}–{row['queries_max']}"
            lines.append(
                f"{label + ' (' + format(row['objects'], ',') + ')':<24}{row['requests']:>9}"
                f"{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}{row['max_ms']:>9.1f}{queries:>10}"
                f"  {row['statuses']}"
            )
        for name, value in pages.get("ratios", {}).items():
            lines.append(f"  {name}: {value}")
        if pages.get("skipped"):
            lines.append(f"  not run: {pages['skipped']}")
    print("\n".join(lines))


# The benchmark ------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(description="Register import and object page benchmarks.")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=20_000, help="the flat-memory check size")
    parser.add_argument("--naive", type=int, default=5_000, help="rows for the naive loop")
    parser.add_argument("--peer-objects", type=int, default=100)
    parser.add_argument("--requests", type=int, default=300, help="objects requested per run")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--keep", action="store_true", help="keep the run's databases")
    options = parser.parse_args(argv)

    files = {}
    for count in sorted({options.records, options.small, options.naive, options.peer_objects}):
        path = default_path(count)
        if not path.exists():
            log(f"generating {count:,} records -> {path.relative_to(BASE_DIR)}")
            generate(path, count)
        files[count] = path

    for stale in OUT_DIR.glob("register-*.csv"):
        if not stale.stem.endswith(f"-{generator_version()}"):
            stale.unlink()  # made by an older bench/generate.py
    for old in OUT_DIR.glob("run-*"):
        shutil.rmtree(old)
    run_dir = OUT_DIR / datetime.datetime.now().strftime("run-%Y%m%d-%H%M%S")
    run_dir.mkdir(parents=True)
    bench_url = os.environ.get("BENCH_DATABASE_URL")
    databases = PostgresDatabases(bench_url) if bench_url else SqliteDatabases(run_dir)
    runner = Runner()
    results = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": machine(),
        "file": {
            "records": options.records,
            "bytes": files[options.records].stat().st_size,
            "sha256": sha256(files[options.records]),
        },
        "batch_size": options.batch_size,
        "import": {},
        "pages": {},
    }
    try:
        databases.create_template(runner)
        results["database"] = databases.describe()
        run_benchmarks(options, files, databases, runner, results)
    finally:
        if not options.keep:
            databases.cleanup()
            shutil.rmtree(run_dir, ignore_errors=True)

    latest = OUT_DIR / "latest.json"
    text = json.dumps(results, indent=2, ensure_ascii=False) + "\n"
    latest.write_text(text, encoding="utf-8")
    (OUT_DIR / f"latest-{databases.vendor}.json").write_text(text, encoding="utf-8")
    print_table(results)
    print(f"\nFigures written to {latest.relative_to(BASE_DIR)}")


def run_benchmarks(options, files, databases, runner, results):
    imports = results["import"]
    pages = results["pages"]
    batch = ["--batch-size", str(options.batch_size)]

    log(f"peer: naive .save() loop on {options.naive:,} rows")
    imports["naive"] = runner.worker(
        ["naive", str(files[options.naive]), "--limit", str(options.naive)],
        databases.fresh("naive"),
    )
    log(f"  {imports['naive']['rate']:,.0f} records/s")
    log(f"peer: the same loop without Wagtail's reference index on {options.naive:,} rows")
    imports["naive_no_reference_index"] = runner.worker(
        ["naive", str(files[options.naive]), "--limit", str(options.naive), "--no-reference-index"],
        databases.fresh("naive-no-reference-index"),
    )
    log(f"  {imports['naive_no_reference_index']['rate']:,.0f} records/s")

    problem = importer_status(runner, databases.fresh("probe"))
    if problem:
        imports["skipped"] = problem
        pages["skipped"] = "needs the importer to load the collection"
        log(f"importer unavailable: {problem}")
        return

    for key, count, db in (
        ("importer_naive_size", options.naive, "import-naive-size"),
        ("importer_small", options.small, "import-small"),
        ("importer_full", options.records, "full"),
    ):
        log(f"importer: {count:,} records into a fresh database")
        imports[key] = runner.worker(["import", str(files[count]), *batch], databases.fresh(db))
        log(
            f"  {imports[key]['rate']:,.0f} records/s, peak RSS {imports[key]['peak_rss_mb']:.0f} MB"
        )
    full_env = databases.env("full")

    log(f"importer: the same {options.records:,} records again")
    imports["importer_reimport"] = runner.worker(
        ["import", str(files[options.records]), *batch], full_env
    )
    naive, full, same = imports["naive"], imports["importer_full"], imports["importer_naive_size"]
    small = imports["importer_small"]
    imports["ratios"] = {
        "importer rate at full size / naive rate (extrapolated from its rows)": ratio(
            full["rate"], naive["rate"]
        ),
        "importer / naive on the same rows": ratio(same["rate"], naive["rate"]),
        "importer rate at full size / naive without reference index": ratio(
            full["rate"], imports["naive_no_reference_index"]["rate"]
        ),
        "peak RSS full / small (1.0 = flat)": ratio(full["peak_rss_mb"], small["peak_rss_mb"]),
        "re-import rate / first import rate": ratio(
            imports["importer_reimport"]["rate"], full["rate"]
        ),
    }

    log(f"object pages at {options.records:,} objects")
    pages["full"] = runner.worker(["pages", "--requests", str(options.requests)], full_env)
    log(f"peer: object pages at {options.peer_objects} objects")
    peer_env = databases.fresh("peer")
    runner.worker(["import", str(files[options.peer_objects]), *batch], peer_env)
    pages["peer"] = runner.worker(["pages", "--requests", str(options.requests)], peer_env)
    pages["ratios"] = {
        "p50 full / peer": ratio(pages["full"]["p50_ms"], pages["peer"]["p50_ms"]),
        "p95 full / peer": ratio(pages["full"]["p95_ms"], pages["peer"]["p95_ms"]),
    }


if __name__ == "__main__":
    main()
