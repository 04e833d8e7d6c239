"""`make profile-flow`: the load test's flow in one process, measured request by request.

Locust's latencies depend on whatever else the machine is running; the CPU a request costs
does not, much. This runs the flow of loadtest/locustfile.py (log in, home, a module, its
quiz started, saved, submitted and its result, a drill run step by step to its debrief, log
out) for N synthetic staff, one after another and without think time, through Django's test
Client with production's settings: PostgreSQL, DEBUG off, CSRF checked, the cached template
loader, and Redis for the cache and cached_db sessions when a Redis URL is given. For each
step it prints the requests, the median and mean CPU time (time.process_time: the Python
work a gunicorn worker would do), the queries and the time spent waiting on the database.

    .venv/bin/python loadtest/profile_flow.py --users 30
    .venv/bin/python loadtest/profile_flow.py --users 30 --profile "06 quiz" --top 30

`--profile STEP` (repeatable, or `all`) runs cProfile over that step's requests and prints its
top functions by own time and by cumulative time; `--sql STEP` prints a step's queries.
`--save FILE` writes the table as JSON and `--compare FILE` prints it beside an earlier one.
`--gunicorn` sends the same flow over HTTP to the production server instead and reports the
CPU the server and PostgreSQL used a request. Like `make loadtest`, it uses its own
database (created if missing, migrated, the demo clinic loaded if empty) and replaces the
synthetic staff; a Redis database given is flushed first.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from flowpages import (
    ATTEMPT,
    CHOICE,
    CSRF,
    DRILL_LINK,
    MAX_DRILL_STEPS,
    NODE,
    QUESTION_INPUT,
    RESULT_URL,
    STEP_NUMBER,
    TRAINING_LINK,
    half_of,
    links,
    pick_answers,
    quiz_form,
)

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
FORM = "application/x-www-form-urlencoded"
PASSWORD = "readyroom-loadtest"  # organisation.synthetic.SYNTHETIC_PASSWORD


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=30, help="synthetic staff to take the flow")
    parser.add_argument(
        "--warmup", type=int, default=2, help="users first run and left out of the figures"
    )
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/readyroom_profile"
    )
    parser.add_argument(
        "--redis-url",
        default="",
        help="Redis for cache and sessions, as `make loadtest` runs; its database is flushed",
    )
    parser.add_argument("--var-dir", default="", help="static files (default: a temp dir)")
    parser.add_argument(
        "--profile", action="append", default=[], help="a step's name (e.g. '06 quiz') or all"
    )
    parser.add_argument("--top", type=int, default=25, help="functions listed per profile")
    parser.add_argument(
        "--sql", action="append", default=[], help="print the queries of a step's last request"
    )
    parser.add_argument("--seed", type=int, default=13, help="the learners' picks")
    parser.add_argument(
        "--reuse", action="store_true", help="skip migrate and seed_demo (a database made before)"
    )
    parser.add_argument(
        "--gunicorn",
        action="store_true",
        help="send the flow over HTTP to the production server (gunicorn.conf.py) instead, "
        "and report the server's CPU a request",
    )
    parser.add_argument("--save", default="", help="write the figures to this JSON file")
    parser.add_argument("--compare", default="", help="an earlier --save to print beside")
    return parser.parse_args(argv)


def production_environment(args) -> None:
    """What `make loadtest` gives the server (loadtest/run.py), before Django reads it."""
    var_dir = args.var_dir or tempfile.mkdtemp(prefix="readyroom-profile-")
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "readyroom.settings",
            "DATABASE_URL": args.database_url,
            "READYROOM_VAR_DIR": var_dir,
            "READYROOM_IGNORE_DOTENV": "1",
            "DEBUG": "0",
            "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "SECURE_HSTS_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
        }
    )
    if args.redis_url:
        os.environ["REDIS_URL"] = args.redis_url
    else:
        os.environ.pop("REDIS_URL", None)


# --- measuring ------------------------------------------------------------------------------


@dataclass
class Step:
    cpu_ms: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    db_ms: list[float] = field(default_factory=list)

    def figures(self) -> dict:
        return {
            "requests": len(self.cpu_ms),
            "cpu_median": statistics.median(self.cpu_ms),
            "cpu_mean": statistics.fmean(self.cpu_ms),
            "cpu_total": sum(self.cpu_ms),
            "queries": statistics.median(self.queries),
            "queries_max": max(self.queries),
            "db_median": statistics.median(self.db_ms),
        }


class Meter:
    """Times each request of the flow by step: CPU, queries and the wait on the database."""

    def __init__(
        self, profile_steps: set[str], sql_steps: set[str] = frozenset(), clock=time.process_time
    ):
        self.clock = clock
        self.steps: dict[str, Step] = defaultdict(Step)
        self.recording = True
        self.profile_steps = profile_steps
        self.sql_steps = sql_steps
        self.statements: dict[str, list[str]] = {}
        self._sql: list[str] = []
        # CPU time, as the table: waiting on the database is not what a worker spends.
        self.profiler = cProfile.Profile(time.process_time)
        self._queries = 0
        self._db_seconds = 0.0

    def on_query(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self._queries += 1
            self._sql.append(f"{1000 * (time.perf_counter() - started):6.1f} ms  {sql}")
            self._db_seconds += time.perf_counter() - started

    def measure(self, name: str, call):
        self._queries, self._db_seconds, self._sql = 0, 0.0, []
        profiled = self.recording and ("all" in self.profile_steps or name in self.profile_steps)
        if profiled:
            self.profiler.enable()
        started = self.clock()
        response = call()
        cpu = self.clock() - started
        if profiled:
            self.profiler.disable()
        if self.recording:
            step = self.steps[name]
            step.cpu_ms.append(1000 * cpu)
            step.queries.append(self._queries)
            step.db_ms.append(1000 * self._db_seconds)
            if name in self.sql_steps:
                self.statements[name] = self._sql
        return response


class FlowError(Exception):
    pass


# --- the flow (loadtest/locustfile.py's, without the thinking) -----------------------------


class Learner:
    def __init__(self, client, meter: Meter, rng: random.Random, origin: str = f"http://{HOST}"):
        self.client, self.meter, self.rng, self.origin = client, meter, rng, origin

    def get(self, url: str, name: str, expect: int = 200) -> str:
        response = self.meter.measure(name, lambda: self.client.get(url))
        if response.status_code != expect:
            raise FlowError(f"{name}: {response.status_code} for GET {url}")
        return response.content.decode()

    def post(self, url: str, name: str, fields, *, expect: int = 302, json_reply=False):
        headers = {"Origin": self.origin, "Referer": f"{self.origin}{url}"}
        if json_reply:
            headers["Accept"] = "application/json"
        # Encoded as a browser's form is (and as locust sends it): a field may repeat.
        body = urlencode(fields)
        response = self.meter.measure(
            name, lambda: self.client.post(url, body, content_type=FORM, headers=headers)
        )
        if response.status_code != expect:
            raise FlowError(f"{name}: {response.status_code} for POST {url}")
        if json_reply:
            return response.json()
        return urlsplit(response.headers.get("Location", "")).path

    @staticmethod
    def token(html: str) -> str:
        found = CSRF.search(html)
        if found is None:
            raise FlowError("no CSRF token on the page")
        return found.group(1)

    def shift(self, username: str) -> None:
        page = self.get("/accounts/login/", "01 login page")
        landed = self.post(
            "/accounts/login/",
            "02 log in",
            {"csrfmiddlewaretoken": self.token(page), "username": username, "password": PASSWORD},
        )
        if landed != "/":
            raise FlowError(f"login landed on {landed!r}")
        home = self.get("/", "03 home")
        self.take_quiz(home)
        last = self.run_drill(home)
        self.post("/accounts/logout/", "15 log out", {"csrfmiddlewaretoken": self.token(last)})

    def take_quiz(self, home: str) -> None:
        modules = links(TRAINING_LINK, home)
        if not modules:
            raise FlowError("no module on the home page")
        module = self.rng.choice(modules)
        page = self.get(module, "04 module")
        self.post(module + "quiz/", "05 quiz start", {"csrfmiddlewaretoken": self.token(page)})
        quiz = self.get(module + "quiz/", "06 quiz")
        attempt = ATTEMPT.search(quiz)
        if attempt is None:
            raise FlowError("no open attempt on the quiz page")
        attempt_id, token = int(attempt.group(1)), self.token(quiz)
        answers = pick_answers(QUESTION_INPUT.findall(quiz), self.rng)
        reply = self.post(
            module + "quiz/save/",
            "07 save answers",
            quiz_form(token, attempt_id, half_of(answers)),
            expect=200,
            json_reply=True,
        )
        if not reply.get("saved"):
            raise FlowError(f"not saved: {reply}")
        result = self.post(
            module + "quiz/submit/", "08 submit", quiz_form(token, attempt_id, answers)
        )
        if RESULT_URL.search(result) is None:
            raise FlowError(f"submit led to {result!r}")
        self.get(result, "09 result")

    def run_drill(self, home: str) -> str:
        drills = links(DRILL_LINK, home)
        if not drills:
            raise FlowError("no drill on the home page")
        scenario = self.rng.choice(drills)
        page = self.get(scenario, "10 drill")
        run_url = scenario + "run/"
        self.post(
            run_url, "11 drill start", {"csrfmiddlewaretoken": self.token(page), "action": "start"}
        )
        step = self.get(run_url, "12 drill step")
        for _ in range(MAX_DRILL_STEPS):
            node, choices = NODE.search(step), CHOICE.findall(step)
            if node is None or STEP_NUMBER.search(step) is None:
                raise FlowError("no drill step on the run page")
            fields = {
                "csrfmiddlewaretoken": self.token(step),
                "action": "decide",
                "node": node.group(1),
            }
            if choices:
                fields["choice"] = self.rng.choice(choices)
            landed = self.post(run_url, "13 drill decide", fields)
            if landed != run_url:
                return self.get(landed, "14 debrief")
            step = self.get(run_url, "12 drill step")
        raise FlowError(f"no end after {MAX_DRILL_STEPS} steps")


def run_flow(
    *, users: int, warmup: int, seed: int, profile_steps: set[str], sql_steps: set[str]
) -> Meter:
    """The flow for loadtest-0001 .. loadtest-<warmup + users>; the warm-up users' requests
    (first imports, template compilation, caches filling) are left out of the figures."""
    from django.db import connection
    from django.test import Client

    meter = Meter(profile_steps, sql_steps)
    rng = random.Random(seed)
    # One client, as one server process: each new Client loads the middleware again
    # (whitenoise scans every static file then). Each user starts with no cookie.
    client = Client(enforce_csrf_checks=True, SERVER_NAME=HOST)
    with connection.execute_wrapper(meter.on_query):
        for number in range(1, warmup + users + 1):
            meter.recording = number > warmup
            client.cookies.clear()
            Learner(client, meter, rng).shift(f"loadtest-{number:04d}")
    return meter


class HttpClient:
    """What Learner asks of Django's test Client, over HTTP with one kept-alive connection."""

    def __init__(self, base: str):
        import requests

        self.base, self.session = base, requests.Session()
        self.cookies = self.session.cookies

    def get(self, url: str):
        return self.session.get(self.base + url, allow_redirects=False)

    def post(self, url: str, body: str, *, content_type: str, headers: dict):
        headers = {**headers, "Content-Type": content_type}
        return self.session.post(self.base + url, data=body, headers=headers, allow_redirects=False)


def _cpu_of(pids) -> dict[int, float]:
    """CPU seconds used so far by each of `pids`, from /proc (Linux only)."""
    tick = os.sysconf("SC_CLK_TCK")
    used = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        used[pid] = (int(fields[11]) + int(fields[12])) / tick
    return used


def server_cpu_seconds(pid: int) -> float:
    """CPU used so far by a process and its children (gunicorn's master and workers)."""
    family = [pid]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]
            except OSError:
                continue
            if parent == str(pid):
                family.append(int(entry.name))
    return sum(_cpu_of(family).values())


def database_backends() -> list[int]:
    """The PostgreSQL server processes serving this database, other than ours."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        )
        return [pid for (pid,) in cursor.fetchall()]


def run_over_http(*, users: int, warmup: int, seed: int) -> tuple[Meter, float, float]:
    """The flow against the production server (gunicorn with gunicorn.conf.py), started here
    as loadtest/run.py starts it; returns the wall time of each request by step, and the CPU
    the server (master and workers) and PostgreSQL's processes serving it used over the
    measured users' requests (a server process's CPU is readable when PostgreSQL runs on
    this machine; one that closed during the run is missed)."""
    import subprocess

    from run import free_port, stop, wait_until_up

    port = free_port()
    base = f"http://{HOST}:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "readyroom.wsgi", "--pythonpath", "site"],
        cwd=ROOT,
        env={**os.environ, "WEB_BIND": f"{HOST}:{port}", "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    meter = Meter(set(), clock=time.perf_counter)
    rng = random.Random(seed)
    try:
        wait_until_up(f"{base}/accounts/login/", server)
        cpu_before, database_before = 0.0, {}
        for number in range(1, warmup + users + 1):
            if number == warmup + 1:
                cpu_before = server_cpu_seconds(server.pid)
                database_before = _cpu_of(database_backends())
            meter.recording = number > warmup
            Learner(HttpClient(base), meter, rng, origin=base).shift(f"loadtest-{number:04d}")
        cpu = server_cpu_seconds(server.pid) - cpu_before
        database_after = _cpu_of(database_backends())
        database = sum(t - database_before.get(pid, 0.0) for pid, t in database_after.items())
    finally:
        stop(server)
    return meter, cpu, database


# --- reporting ------------------------------------------------------------------------------


def table(steps: dict[str, dict], earlier: dict[str, dict] | None = None) -> str:
    lines = [
        f"{'step':<18}{'requests':>9}{'CPU ms median':>15}{'mean':>7}{'queries':>9}"
        f"{'DB ms':>7}" + (f"{'before: CPU ms':>16}{'queries':>9}" if earlier else "")
    ]
    for name, row in sorted(steps.items()):
        line = (
            f"{name:<18}{row['requests']:>9}{row['cpu_median']:>15.1f}{row['cpu_mean']:>7.1f}"
            f"{row['queries']:>9g}{row['db_median']:>7.1f}"
        )
        if earlier and name in earlier:
            line += f"{earlier[name]['cpu_median']:>16.1f}{earlier[name]['queries']:>9g}"
        lines.append(line)
    return "\n".join(lines)


def summary(steps: dict[str, dict], users: int) -> dict:
    requests = sum(row["requests"] for row in steps.values())
    cpu = sum(row["cpu_total"] for row in steps.values())
    return {"users": users, "requests": requests, "cpu_ms_per_request": cpu / requests}


def print_profile(meter: Meter, top: int) -> None:
    if not meter.profile_steps:
        return
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(meter.profiler, stream=out)
        stats.strip_dirs().sort_stats(order).print_stats(top)
        print(f"\ncProfile of {', '.join(sorted(meter.profile_steps))}, by {order}:")
        print(out.getvalue().split("\n", 4)[-1].rstrip())


def prepare(args) -> None:
    """Database, demo clinic, static files and synthetic staff, as loadtest/run.py makes them."""
    import django
    from django.core.management import call_command
    from run import create_database, flush_redis

    create_database(args.database_url)
    if args.redis_url:
        flush_redis(args.redis_url)
    django.setup()
    if not args.reuse:
        call_command("migrate", "--noinput", verbosity=0)
        call_command("seed_demo", "--if-empty", verbosity=0)
    # Always: a page naming a static file the manifest lacks fails with DEBUG off.
    call_command("collectstatic", "--noinput", verbosity=0)
    call_command("loadtest_staff", "--remove", verbosity=0)
    call_command("loadtest_staff", "--count", str(args.warmup + args.users), verbosity=0)


def main(argv=None) -> int:
    args = parse_args(argv)
    production_environment(args)
    # As the WSGI module does: the apps at the root, and site/'s packages (see manage.py).
    sys.path[1:1] = [str(ROOT), str(ROOT / "site")]
    prepare(args)
    if args.gunicorn:
        return main_over_http(args)
    meter = run_flow(
        users=args.users,
        warmup=args.warmup,
        seed=args.seed,
        profile_steps=set(args.profile),
        sql_steps=set(args.sql),
    )
    steps = {name: step.figures() for name, step in meter.steps.items()}
    overall = summary(steps, args.users)
    earlier = None
    if args.compare:
        earlier = json.loads(Path(args.compare).read_text(encoding="utf-8"))
    print(table(steps, earlier and earlier["steps"]))
    print(
        f"{overall['requests']} requests by {args.users} users: "
        f"{overall['cpu_ms_per_request']:.1f} ms of CPU a request over the flow"
        + (f" (before: {earlier['summary']['cpu_ms_per_request']:.1f} ms)" if earlier else "")
    )
    for name, statements in sorted(meter.statements.items()):
        print(f"\nQueries of the last {name!r}:")
        print("\n".join(statements))
    print_profile(meter, args.top)
    if args.save:
        Path(args.save).write_text(
            json.dumps({"summary": overall, "steps": steps}, indent=1), encoding="utf-8"
        )
    from django.core.management import call_command

    call_command("loadtest_staff", "--remove", verbosity=0)
    return 0


def main_over_http(args) -> int:
    from django.core.management import call_command

    meter, cpu, database = run_over_http(users=args.users, warmup=args.warmup, seed=args.seed)
    steps = {name: step.figures() for name, step in meter.steps.items()}
    requests = sum(row["requests"] for row in steps.values())
    print(f"{'step':<18}{'requests':>9}{'wall ms median':>16}")
    for name, row in sorted(steps.items()):
        print(f"{name:<18}{row['requests']:>9}{row['cpu_median']:>16.1f}")
    print(
        f"{requests} requests by {args.users} users, one at a time: the server (gunicorn, "
        f"master and workers) used {cpu:.2f} s of CPU, {1000 * cpu / requests:.1f} ms a request; "
        f"PostgreSQL {database:.2f} s, {1000 * database / requests:.1f} ms a request"
    )
    if args.save:
        overall = {
            "users": args.users,
            "requests": requests,
            "cpu_ms_per_request": 1000 * cpu / requests,
            "database_ms_per_request": 1000 * database / requests,
        }
        Path(args.save).write_text(
            json.dumps({"summary": overall, "wall": steps}, indent=1), encoding="utf-8"
        )
    call_command("loadtest_staff", "--remove", verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
