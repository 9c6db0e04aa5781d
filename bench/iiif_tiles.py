"""`make bench` (IIIF tiles): our image server against Debian's iipimage-server, same image.

    .venv/bin/python bench/iiif_tiles.py [--clients 4] [--sessions 4] [--storm-seconds 20]

1. Synthesises one 8000 × 5200 photograph-like image (41.6 megapixels: layered Perlin and
   Worley noise with grain, so JPEG tiles cost what real ones do), registers it as an
   ordinary image in a fresh SQLite database under bench/out/iiif-*/, and times the task that
   builds its tiled pyramidal TIFF (256-pixel JPEG tiles).
2. Serves the portal under gunicorn (2 workers, gthread, on 127.0.0.1), and iipsrv (Debian's
   iipimage-server 1.1, two FastCGI processes behind nginx on 127.0.0.1) on *the same*
   pyramidal TIFF, both encoding JPEG at quality 85. Needs `apt-get install -y
   iipimage-server nginx-light wrk`.
3. A randomised deep-zoom session per client, the same for both servers: what a viewer asks
   for while a reader opens the image, zooms into several places level by level and pans
   (256-pixel tiles, IIIF 3 `x,y,w,h/w,h/0/default.jpg`). wrk plays the sessions with one
   connection per client. Cold: empty caches (our storage cache deleted and gunicorn
   restarted; iipsrv restarted). Warm: the same sessions again.
4. A storm of distinct expensive requests (large regions at up to 2000 pixels, every one
   different) from 32 connections: peak RSS of each worker (VmHWM) and the 503s shed.

Prints a table with ratios ours/iipsrv and writes bench/out/latest-iiif-tiles.json.
Targets (issue 5): cold ≥ 0.8× iipsrv's tiles/s, warm ≥ 2×.
"""

import argparse
import datetime
import json
import math
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
OUT_DIR = BASE_DIR / "bench" / "out"
sys.path.insert(0, str(BASE_DIR))

WIDTH, HEIGHT = 8000, 5200
TILE = 256
VIEWPORT = (1280, 800)
JPEG_QUALITY = 85
SYNTHESIS_VERSION = 1  # bump when synthesise() changes: the cached photograph is remade
IIPSRV = Path("/usr/lib/iipimage-server/iipsrv.fcgi")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
WRK = shutil.which("wrk") or "/usr/bin/wrk"

# One wrk thread per client; each plays its own file of paths once, then stops.
WRK_SCRIPT = """
local counter = 0
local threads = {}
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  threads[counter] = thread
end
function init(args)
  marker_dir = args[2]
  paths = {}
  for line in io.lines(args[1] .. "/client-" .. id .. ".txt") do
    paths[#paths + 1] = line
  end
  index = 0
  answered = 0
  statuses = {}
end
function request()
  index = index + 1
  if index > #paths then index = 1 end
  return wrk.format("GET", args_prefix .. paths[index])
end
function response(status, headers, body)
  answered = answered + 1
  statuses[status] = (statuses[status] or 0) + 1
  if limit_once and answered == #paths then
    -- wrk's main thread sleeps for -d whatever its threads do: tell the benchmark, which
    -- interrupts wrk (SIGINT) once every client has played its session.
    io.open(marker_dir .. "/done-" .. id, "w"):close()
    wrk.thread:stop()
  end
end
function done(summary, latency, requests)
  local shed = 0
  for _, thread in ipairs(threads) do
    shed = shed + ((thread:get("statuses") or {})[503] or 0)
  end
  local out = io.open(result_file, "w")
  out:write(string.format(
    '{"requests": %d, "seconds": %f, "errors": %d, "timeouts": %d, "shed_503": %d, ' ..
    '"p50_ms": %f, "p95_ms": %f, "max_ms": %f}',
    summary.requests, summary.duration / 1e6,
    summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write, summary.errors.timeout, shed,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency.max / 1000))
  out:close()
end
"""


def log(message):
    print(f"[iiif-bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, timeout=60):
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pids):
    """User + system CPU time of processes, in seconds (from /proc/<pid>/stat)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


# The image --------------------------------------------------------------------------------------


def synthesise(path):
    """A photograph-like 8000 × 5200 JPEG: broad colour fields, brush-sized texture, grain."""
    import pyvips

    bands = []
    for seed, (base, depth) in enumerate([(150, 70), (110, 60), (70, 50)]):
        broad = pyvips.Image.perlin(WIDTH, HEIGHT, cell_size=900, seed=seed)
        strokes = pyvips.Image.perlin(WIDTH, HEIGHT, cell_size=40, seed=seed + 10)
        cracks = pyvips.Image.worley(WIDTH, HEIGHT, cell_size=70, seed=seed + 20)
        grain = pyvips.Image.gaussnoise(WIDTH, HEIGHT, sigma=6, seed=seed + 30)
        band = base + depth * broad + 25 * strokes - 0.6 * cracks.clamp(min=0, max=30) + grain
        bands.append(band)
    image = bands[0].bandjoin(bands[1:]).clamp(min=0, max=255).cast("uchar")
    image = image.copy(interpretation="srgb")
    image.jpegsave(str(path), Q=92)


# Django side: database, image, pyramid ------------------------------------------------------------


def configure(run_dir):
    for name in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "OPENSEARCH_URL"):
        os.environ.pop(name, None)
    os.environ.pop("AWS_STORAGE_BUCKET_NAME", None)
    os.environ["PORTAL_VAR_DIR"] = str(run_dir)
    os.environ["MEDIA_ROOT"] = str(run_dir / "media")
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()


def register(photo):
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    from iiif.models import ImagePyramid
    from portal.models import PortalImage

    call_command("migrate", verbosity=0)
    image = PortalImage(title="Benchmark photograph", file=ContentFile(photo.read_bytes(), "b.jpg"))
    image.save()  # the post_save signal queues the pyramid task; ImmediateBackend runs it
    image.refresh_from_db()
    row = ImagePyramid.objects.get(image=image)
    return image, row


def time_pyramid(image):
    from iiif.image import pyramids

    started = time.perf_counter()
    row = pyramids.build(image.pk, force=True)
    return time.perf_counter() - started, row


# Sessions ----------------------------------------------------------------------------------------


def scale_factors():
    factors = [1]
    while max(WIDTH, HEIGHT) / factors[-1] > TILE:
        factors.append(factors[-1] * 2)
    return factors


def tile_path(factor, column, row):
    x, y = column * TILE * factor, row * TILE * factor
    w, h = min(TILE * factor, WIDTH - x), min(TILE * factor, HEIGHT - y)
    return f"{x},{y},{w},{h}/{math.ceil(w / factor)},{math.ceil(h / factor)}/0/default.jpg"


def viewport_tiles(factor, centre_x, centre_y):
    """Tiles a viewer needs to fill the viewport at ``factor`` around a point of the image."""
    span_x, span_y = VIEWPORT[0] * factor, VIEWPORT[1] * factor
    left = max(0, min(WIDTH - span_x, centre_x - span_x / 2))
    top = max(0, min(HEIGHT - span_y, centre_y - span_y / 2))
    size = TILE * factor
    columns = range(
        int(left // size), min(math.ceil(WIDTH / size), math.ceil((left + span_x) / size))
    )
    rows = range(int(top // size), min(math.ceil(HEIGHT / size), math.ceil((top + span_y) / size)))
    return [tile_path(factor, c, r) for r in rows for c in columns]


def session(rng, zooms=6):
    """Open the image whole, then zoom into several places level by level, panning a little."""
    factors = scale_factors()
    fit = next(f for f in factors if WIDTH / f <= VIEWPORT[0] and HEIGHT / f <= VIEWPORT[1])
    paths = viewport_tiles(fit, WIDTH / 2, HEIGHT / 2)
    for _ in range(zooms):
        x, y = rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT)
        for factor in (f for f in reversed(factors) if f < fit):
            x += rng.uniform(-1, 1) * VIEWPORT[0] * factor / 4
            y += rng.uniform(-1, 1) * VIEWPORT[1] * factor / 4
            paths.extend(viewport_tiles(factor, x, y))
    seen, ordered = set(), []
    for path in paths:  # a viewer keeps tiles it has: each once per client
        if path not in seen:
            seen.add(path)
            ordered.append(path)
    return ordered


def storm_paths(rng, count):
    """Distinct expensive requests: large regions at 1000–2000 pixels, never the same twice."""
    paths = set()
    while len(paths) < count:
        w = rng.randint(3000, WIDTH)
        h = rng.randint(2000, HEIGHT)
        x, y = rng.randint(0, WIDTH - w), rng.randint(0, HEIGHT - h)
        size = rng.randint(1000, 2000)
        paths.add(f"{x},{y},{w},{h}/{size},/0/default.jpg")
    return sorted(paths, key=lambda _p: rng.random())


# Servers -----------------------------------------------------------------------------------------


class Gunicorn:
    def __init__(self, run_dir, port):
        self.run_dir, self.port, self.process = run_dir, port, None

    def start(self):
        # The server's own modules in the run folder: persistent database connections (as
        # production has with DATABASE_CONN_MAX_AGE; SQLite's default re-opens one per
        # request and its journal-mode pragma then contends for a lock), and portal/wsgi.py's
        # application behind the IIIF fast path (docs/iiif.md).
        (self.run_dir / "iiif_bench_settings.py").write_text(
            "from bench.settings import *  # noqa: F403\n\n"
            'DATABASES["default"]["CONN_MAX_AGE"] = 600  # noqa: F405\n'
        )
        (self.run_dir / "iiif_bench_wsgi.py").write_text(
            "from iiif.image.wsgi import TileFastPath\n"
            "from portal.wsgi import application\n\n"
            "application = TileFastPath(application)\n"
        )
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "iiif_bench_settings",
            "PYTHONPATH": f"{self.run_dir}{os.pathsep}{BASE_DIR}",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "iiif_bench_wsgi:application",
                *("--bind", f"127.0.0.1:{self.port}", "--workers", "2"),
                *("--worker-class", "gthread", "--threads", "4"),
                *("--backlog", "1024", "--log-level", "warning"),
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=open(self.run_dir / "gunicorn.log", "ab"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        wait_for(f"http://127.0.0.1:{self.port}/iiif/3/none/info.json")

    def workers(self):
        return children(self.process.pid)

    def processes_for_cpu(self):
        return [self.process.pid, *self.workers()]

    def stop(self):
        if self.process:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)
            self.process = None


class Iipsrv:
    """Two iipsrv FastCGI processes behind one nginx worker, all on 127.0.0.1."""

    def __init__(self, run_dir, port, image_dir):
        self.run_dir, self.port, self.image_dir = run_dir, port, image_dir
        self.fcgi_ports = [free_port(), free_port()]
        self.processes, self.nginx = [], None

    def start(self):
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "FILESYSTEM_PREFIX": f"{self.image_dir}/",
            "JPEG_QUALITY": str(JPEG_QUALITY),
            "MAX_IMAGE_CACHE_SIZE": "512",
            "MAX_CVT": "10000",
            "CORS": "*",
            "VERBOSITY": "0",
        }
        for port in self.fcgi_ports:
            self.processes.append(
                subprocess.Popen(
                    [str(IIPSRV), "--bind", f"127.0.0.1:{port}", "--backlog", "1024"],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        if self.nginx is None:
            self._start_nginx()
        wait_for(f"http://127.0.0.1:{self.port}/iip/bench.tif/info.json")

    def _start_nginx(self):
        prefix = self.run_dir / "nginx"
        (prefix / "logs").mkdir(parents=True, exist_ok=True)
        # iipsrv answers one FastCGI connection at a time: no kept-alive upstream connections
        # (one would hold a process), and never mark a busy process as failed.
        upstream = "".join(f"server 127.0.0.1:{port} max_fails=0;" for port in self.fcgi_ports)
        (prefix / "nginx.conf").write_text(
            f"""
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {prefix}/body;
  fastcgi_temp_path {prefix}/fastcgi;
  proxy_temp_path {prefix}/proxy;
  uwsgi_temp_path {prefix}/uwsgi;
  scgi_temp_path {prefix}/scgi;
  upstream iipsrv {{ {upstream} }}
  server {{
    listen 127.0.0.1:{self.port};
    location ~ ^/iip/(.*)$ {{
      fastcgi_pass iipsrv;
      fastcgi_param QUERY_STRING IIIF=/$1;
      fastcgi_param REQUEST_METHOD $request_method;
      fastcgi_param REQUEST_URI $request_uri;
      fastcgi_param SERVER_NAME $host;
      fastcgi_param SERVER_PORT $server_port;
      fastcgi_param HTTPS off;
    }}
  }}
}}
"""
        )
        self.nginx = subprocess.Popen(
            [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=open(prefix / "logs" / "stderr.log", "ab"),  # noqa: SIM115
        )

    def workers(self):
        return [process.pid for process in self.processes]

    def processes_for_cpu(self):
        return [*self.workers(), self.nginx.pid, *children(self.nginx.pid)]

    def stop_iipsrv(self):
        for process in self.processes:
            process.terminate()
            process.wait(timeout=30)
        self.processes = []

    def stop(self):
        self.stop_iipsrv()
        if self.nginx:
            self.nginx.terminate()
            self.nginx.wait(timeout=30)
            self.nginx = None


# Load --------------------------------------------------------------------------------------------


def play(base_url, prefix, sessions_dir, clients, *, once=True, seconds=600, connections=None):
    """Run wrk: ``clients`` threads, each playing its own file of paths (once, or for a time)."""
    markers = Path(tempfile.mkdtemp(dir=sessions_dir))
    result = markers / "result.json"
    script = markers / "session.lua"
    script.write_text(
        f'args_prefix = "{prefix}"\nresult_file = "{result}"\n'
        f"limit_once = {'true' if once else 'false'}\n" + WRK_SCRIPT
    )
    command = [
        WRK,
        *("-t", str(clients), "-c", str(connections or clients), "-d", f"{seconds}s"),
        *("--timeout", "60s", "-s", str(script), base_url, "--", str(sessions_dir), str(markers)),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while once and process.poll() is None:
        if len(list(markers.glob("done-*"))) == clients:
            process.send_signal(signal.SIGINT)
            break
        time.sleep(0.01)
    _out, errors = process.communicate(timeout=seconds + 60)
    if not result.exists():
        raise RuntimeError(f"wrk failed: {errors.decode(errors='replace')}")
    figures = json.loads(result.read_text())
    figures["tiles_per_s"] = figures["requests"] / figures["seconds"] if figures["seconds"] else 0
    return figures


def write_sessions(folder, sessions):
    folder.mkdir(parents=True, exist_ok=True)
    for number, paths in enumerate(sessions, start=1):
        (folder / f"client-{number}.txt").write_text("\n".join(paths) + "\n")


def check_same_answers(ours, peer, paths):
    """Both servers give a 200 JPEG of the same size for a sample of the session."""
    import urllib.request
    from io import BytesIO

    from PIL import Image

    mismatches = 0
    for path in paths:
        sizes = []
        for base in (ours, peer):
            with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310
                sizes.append(Image.open(BytesIO(response.read())).size)
        mismatches += sizes[0] != sizes[1]
    return mismatches


# The benchmark -----------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(description="IIIF tile server benchmark against iipsrv.")
    parser.add_argument("--clients", type=int, default=4, help="concurrent viewers")
    parser.add_argument("--zooms", type=int, default=6, help="zoom-ins per viewer session")
    parser.add_argument("--storm-seconds", type=int, default=20)
    parser.add_argument("--storm-connections", type=int, default=32)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args(argv)
    for tool in (IIPSRV, Path(NGINX), Path(WRK)):
        if not tool.exists():
            sys.exit(f"{tool} is missing: apt-get install -y iipimage-server nginx-light wrk")

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for old in OUT_DIR.glob("iiif-2*"):
        shutil.rmtree(old, ignore_errors=True)
    run_dir = OUT_DIR / datetime.datetime.now().strftime("iiif-%Y%m%d-%H%M%S")
    run_dir.mkdir(parents=True)
    ours = Gunicorn(run_dir, free_port())
    peer = None
    try:
        photo = OUT_DIR / f"iiif-photograph-{WIDTH}x{HEIGHT}-{SYNTHESIS_VERSION}.jpg"
        if not photo.exists():
            log(f"synthesising a {WIDTH}×{HEIGHT} photograph")
            synthesise(photo)
        configure(run_dir)
        log("migrating a fresh database and registering the image (its task builds the pyramid)")
        image, row = register(photo)
        pyramid_seconds, row = time_pyramid(image)
        from django.core.files.storage import default_storage

        from iiif.image import storage

        pyramid_path = Path(default_storage.path(row.pyramid))
        log(
            f"pyramid: {len(row.levels)} levels, {pyramid_path.stat().st_size / 1e6:.1f} MB, built in {pyramid_seconds:.1f}s"
        )
        iip_dir = run_dir / "iip"
        iip_dir.mkdir()
        os.symlink(pyramid_path, iip_dir / "bench.tif")
        peer = Iipsrv(run_dir, free_port(), iip_dir)

        rng = random.Random(options.seed)
        sessions = [session(rng, options.zooms) for _ in range(options.clients)]
        sessions_dir = run_dir / "sessions"
        write_sessions(sessions_dir, sessions)
        total = sum(len(s) for s in sessions)
        distinct = len({p for s in sessions for p in s})
        log(f"{options.clients} viewer sessions: {total} tile requests, {distinct} distinct tiles")
        our_prefix = f"/iiif/3/{image.iiif_identifier}/"
        our_url = f"http://127.0.0.1:{ours.port}"
        peer_url = f"http://127.0.0.1:{peer.port}"

        results = {
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "cpus": os.cpu_count(),
            "load_average_at_start": round(os.getloadavg()[0], 1),
            "image": {"width": WIDTH, "height": HEIGHT, "levels": len(row.levels)},
            "pyramid_build_s": round(pyramid_seconds, 2),
            "pyramid_mb": round(pyramid_path.stat().st_size / 1e6, 1),
            "clients": options.clients,
            "tile_requests": total,
            "distinct_tiles": distinct,
        }

        # Cold: nothing cached anywhere but the operating system's page cache (both servers
        # read the same file), fresh processes.
        storage.delete_tree(storage.CACHE_DIR)
        ours.start()
        peer.start()
        for phase in ("cold", "warm"):
            for name, server, base, prefix in (
                ("ours", ours, our_url, our_prefix),
                ("iipsrv", peer, peer_url, "/iip/bench.tif/"),
            ):
                log(f"{phase} sessions: {name}")
                before = cpu_seconds(server.processes_for_cpu())
                figures = play(base, prefix, sessions_dir, options.clients)
                spent = cpu_seconds(server.processes_for_cpu()) - before
                figures["server_cpu_ms_per_tile"] = spent * 1000 / figures["requests"]
                results[f"{name}_{phase}"] = figures
        results["size_mismatches_in_sample"] = check_same_answers(
            our_url + our_prefix, peer_url + "/iip/bench.tif/", rng.sample(sessions[0], 20)
        )

        # Storm: every request different and expensive; fresh processes so VmHWM is the
        # storm's own peak.
        ours.stop()
        ours.start()
        peer.stop_iipsrv()
        peer.start()
        storm_dir = run_dir / "storm"
        connections = options.storm_connections
        write_sessions(storm_dir, [storm_paths(rng, 400) for _ in range(2)])
        for name, server, base, prefix in (
            ("ours", ours, our_url, our_prefix),
            ("iipsrv", peer, peer_url, "/iip/bench.tif/"),
        ):
            log(f"storm: {name}")
            storm = play(
                base,
                prefix,
                storm_dir,
                2,
                once=False,
                seconds=options.storm_seconds,
                connections=connections,
            )
            storm["peak_rss_mb_per_worker"] = [round(peak_rss_mb(pid)) for pid in server.workers()]
            results[f"{name}_storm"] = storm
    finally:
        ours.stop()
        if peer:
            peer.stop()
        if not options.keep:
            shutil.rmtree(run_dir, ignore_errors=True)
    (OUT_DIR / "latest-iiif-tiles.json").write_text(json.dumps(results, indent=2) + "\n")
    print_table(results)


def print_table(results):
    def ratio(ours, peer, key):
        return ours[key] / peer[key] if peer[key] else float("nan")

    print()
    print(
        f"IIIF tiles — {results['image']['width']}×{results['image']['height']} "
        f"({results['image']['levels']} levels, pyramid {results['pyramid_mb']} MB built in "
        f"{results['pyramid_build_s']} s), {results['clients']} viewers, "
        f"{results['tile_requests']} requests ({results['distinct_tiles']} distinct), "
        f"{results['cpus']} CPUs (load average {results['load_average_at_start']} at start)"
    )
    print(f"{'run':<16}{'tiles/s':>10}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}{'CPU ms/tile':>13}")
    for phase in ("cold", "warm"):
        for name in ("ours", "iipsrv"):
            row = results[f"{name}_{phase}"]
            print(
                f"{name + ' ' + phase:<16}{row['tiles_per_s']:>10.0f}{row['p50_ms']:>9.1f}"
                f"{row['p95_ms']:>9.1f}{row['errors'] + row['timeouts']:>8}"
                f"{row['server_cpu_ms_per_tile']:>13.2f}"
            )
        ours, peer = results[f"ours_{phase}"], results[f"iipsrv_{phase}"]
        target = 0.8 if phase == "cold" else 2.0
        print(
            f"  ours/iipsrv {phase}: throughput {ratio(ours, peer, 'tiles_per_s'):.2f}× "
            f"(target ≥ {target}×), p50 {ratio(ours, peer, 'p50_ms'):.2f}×, "
            f"p95 {ratio(ours, peer, 'p95_ms'):.2f}×, server CPU per tile "
            f"{ratio(ours, peer, 'server_cpu_ms_per_tile'):.2f}×"
        )
    print(f"  size mismatches in a sample of 20 tiles: {results['size_mismatches_in_sample']}")
    for name in ("ours", "iipsrv"):
        storm = results[f"{name}_storm"]
        print(
            f"storm {name:<7} {storm['requests']} answered in {storm['seconds']:.0f}s, "
            f"non-2xx {storm['errors']} (503 {storm['shed_503']}), p95 {storm['p95_ms']:.0f} ms, "
            f"peak RSS per worker {storm['peak_rss_mb_per_worker']} MB"
        )


if __name__ == "__main__":
    main()
