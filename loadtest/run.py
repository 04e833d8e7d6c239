"""`make loadtest`: the whole load test, from an empty database to a verdict.

1. creates the PostgreSQL database if missing, migrates, loads the demo clinic if empty,
   collects the static files;
2. replaces the synthetic staff (`manage.py loadtest_staff`) and refreshes the planner's
   statistics (ANALYZE);
3. starts the production server (gunicorn with gunicorn.conf.py, DEBUG off; HTTPS redirect and
   secure cookies off because locust speaks plain HTTP on loopback). No django-q2 worker: the
   flow queues no task, and the worker's reminder sweep would mail a thousand new people
   (synthetic staff start with everything due) in the middle of the measurement;
4. runs locust headless (loadtest/locustfile.py) and prints p50/p95/p99 per step, requests/s
   and errors;
5. checks in the database that every acknowledged answer and decision was stored
   (`manage.py loadtest_check`), prints the verdict against the target, stops the server and
   removes the synthetic staff.

Exits 1 when a request failed or an answer was lost; a missed latency target is reported in
the verdict (timings depend on the machine). Standard library only: it drives subprocesses.
"""

import argparse
import csv
import os
import resource
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
TARGET_P95_MS = 500
STEP_COLUMNS = ("50%", "95%", "99%")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=600)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--run-time", default="5m", help="locust's -t, e.g. 90s, 5m")
    parser.add_argument("--staff", type=int, default=1000, help="synthetic staff to create")
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/readyroom_loadtest"
    )
    parser.add_argument(
        "--redis-url",
        default="",
        help="Redis for cache and sessions, as in production; its database is flushed first",
    )
    parser.add_argument("--port", type=int, default=0, help="0: any free port")
    parser.add_argument("--var-dir", default="", help="static files and logs (default: a temp dir)")
    parser.add_argument("--keep-staff", action="store_true", help="leave the synthetic staff")
    return parser.parse_args(argv)


def say(text: str) -> None:
    print(text, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def create_database(url: str) -> None:
    """CREATE DATABASE when it is missing (connecting to the server's `postgres` database)."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not found:
            connection.execute(f'CREATE DATABASE "{name}"')
            say(f"Created database {name}.")


def analyze(url: str) -> None:
    """Refresh the planner's statistics: a thousand people were just added (and the last
    run's removed), and autovacuum would otherwise get to it a minute or two into the
    measurement. In production staff arrive a few at a time."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("ANALYZE")


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def manage(env: dict, *args: str) -> None:
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"The server exited ({process.returncode}) before answering.")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The server did not answer {url} within {seconds:.0f} s.")


def stop(process: subprocess.Popen | None, grace: float = 40) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def read_stats(prefix: Path) -> list[dict]:
    with open(f"{prefix}_stats.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def read_exceptions(prefix: Path) -> int:
    with open(f"{prefix}_exceptions.csv", newline="", encoding="utf-8") as handle:
        return sum(int(row["Count"]) for row in csv.DictReader(handle))


def report(rows: list[dict]) -> tuple[int, list[str]]:
    """Print the per-step table; return the failures and the steps over the p95 target."""
    say("")
    say(f"{'step':<22}{'requests':>9}{'errors':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}")
    over = []
    failures = 0
    for row in rows:
        name = row["Name"]
        p50, p95, p99 = (row[c] for c in STEP_COLUMNS)
        say(f"{name:<22}{row['Request Count']:>9}{row['Failure Count']:>8}{p50:>8}{p95:>8}{p99:>8}")
        if name == "Aggregated":
            failures = int(row["Failure Count"])
            say(f"requests/s: {float(row['Requests/s']):.1f}")
        elif p95 != "N/A" and float(p95) > TARGET_P95_MS:
            over.append(f"{name} ({p95} ms)")
    return failures, over


def watch_load(process: subprocess.Popen, started: float) -> list[tuple[float, float]]:
    """Wait for `process`, noting the machine's 1-minute load average every 10 s: a p95 means
    little without knowing what else the two cores were doing meanwhile."""
    loads = []
    while process.poll() is None:
        loads.append((time.monotonic() - started, os.getloadavg()[0]))
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
    return loads


TIMELINE_EVERY = 30  # seconds between the timeline's lines


def timeline(prefix: Path, loads: list[tuple[float, float]]) -> None:
    """Every 30 s of the run: users, requests/s and the p50/p95 of the requests in locust's
    last few seconds (all steps), beside the load average, so the users' arrival, the steady
    state and any disturbance show apart."""
    with open(f"{prefix}_stats_history.csv", newline="", encoding="utf-8") as handle:
        history = [r for r in csv.DictReader(handle) if r["Name"] == "Aggregated"]
    if not history:
        return
    start = int(history[0]["Timestamp"])
    say("")
    say(f"{'time':>6}{'users':>7}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'load':>7}")
    next_at = TIMELINE_EVERY
    for row in history:
        at = int(row["Timestamp"]) - start
        if at < next_at:
            continue
        next_at += TIMELINE_EVERY
        load = min(loads, key=lambda mark: abs(mark[0] - at))[1] if loads else float("nan")
        say(
            f"{at:>5}s{row['User Count']:>7}{float(row['Requests/s']):>8.1f}"
            f"{row['50%']:>8}{row['95%']:>8}{load:>7.1f}"
        )


def main(argv=None) -> int:
    args = parse_args(argv)
    var_dir = Path(args.var_dir or tempfile.mkdtemp(prefix="readyroom-loadtest-"))
    var_dir.mkdir(parents=True, exist_ok=True)
    ledger = var_dir / "ledger.jsonl"
    ledger.unlink(missing_ok=True)
    port = args.port or free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "READYROOM_VAR_DIR": str(var_dir),
        "READYROOM_IGNORE_DOTENV": "1",
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        # locust speaks plain HTTP on loopback: no redirect to HTTPS, cookies sent over HTTP.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "WEB_BIND": f"127.0.0.1:{port}",
        "PYTHONUNBUFFERED": "1",
    }
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
        flush_redis(args.redis_url)
    else:
        env.pop("REDIS_URL", None)
    say(
        f"Load test: {args.users} users spawned at {args.spawn_rate}/s for {args.run_time}, "
        f"{args.staff} synthetic staff, {os.cpu_count()} cores, load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    create_database(args.database_url)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed_demo", "--if-empty")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "loadtest_staff", "--remove")
    manage(env, "loadtest_staff", "--count", str(args.staff))
    analyze(args.database_url)

    server = None
    server_log = open(var_dir / "server.log", "w", encoding="utf-8")  # noqa: SIM115
    try:
        cpu_before = cpu_of_children()
        server = subprocess.Popen(
            [PY, "-m", "gunicorn", "readyroom.wsgi", "--pythonpath", "site"],
            cwd=ROOT,
            env=env,
            stdout=server_log,
            stderr=subprocess.STDOUT,
        )
        wait_until_up(f"{base}/accounts/login/", server)
        say(f"Production server on {base} (log: {server_log.name}); locust starts.")
        prefix = var_dir / "locust"
        started = time.monotonic()
        locust = subprocess.Popen(
            [
                PY,
                "-m",
                "locust",
                "-f",
                str(ROOT / "loadtest" / "locustfile.py"),
                "--headless",
                "--only-summary",
                "--host",
                base,
                "--users",
                str(args.users),
                "--spawn-rate",
                str(args.spawn_rate),
                "--run-time",
                args.run_time,
                "--csv",
                str(prefix),
                "--exit-code-on-error",
                "0",
            ],
            cwd=ROOT,
            env={**env, "LOADTEST_LEDGER": str(ledger), "LOADTEST_STAFF": str(args.staff)},
            stdout=subprocess.DEVNULL,
            stderr=open(var_dir / "locust.log", "w", encoding="utf-8"),  # noqa: SIM115
        )
        loads = watch_load(locust, started)
        elapsed = time.monotonic() - started
        cpu_locust = cpu_of_children() - cpu_before
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        if locust.returncode != 0:
            say(f"locust exited with {locust.returncode}; see {var_dir / 'locust.log'}")
            return 1
        rows = read_stats(prefix)
        requests = int(rows[-1]["Request Count"]) if rows else 0
        failures, over = report(rows)
        timeline(prefix, loads)
        # An exception in a simulated user's own code stopped its flow: an error too.
        crashed = read_exceptions(prefix)
        if crashed:
            say(f"Exceptions in the users' code: {crashed} (see {prefix}_exceptions.csv)")
        failures += crashed
        check = subprocess.run(
            [PY, "manage.py", "loadtest_check", str(ledger)], cwd=ROOT, env=env, check=False
        )
    finally:
        cpu_mark = cpu_of_children()
        stop(server)
        server_log.close()
    cpu_server = cpu_of_children() - cpu_mark
    say(
        f"Machine: load average {load} at the end; CPU used by the server {cpu_server:.0f} s "
        f"({1000 * cpu_server / max(requests, 1):.1f} ms a request) and by locust "
        f"{cpu_locust:.0f} s, in {elapsed:.0f} s."
    )
    if not args.keep_staff:
        manage(env, "loadtest_staff", "--remove")
    lost = check.returncode != 0
    met = not failures and not lost and not over
    say(
        "Verdict: "
        + ("target met" if met else "target missed")
        + f" (target: p95 <= {TARGET_P95_MS} ms for every step, 0 errors, 0 lost answers): "
        + f"{failures} errors, "
        + ("answers or decisions LOST" if lost else "0 lost answers")
        + (f", p95 over target: {', '.join(over)}" if over else ", every step's p95 in target")
    )
    return 1 if failures or lost else 0


if __name__ == "__main__":
    sys.exit(main())
