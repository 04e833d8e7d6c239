"""gunicorn's settings for ReadyRoom, read from the working directory: run `gunicorn
readyroom.wsgi` from the repository root (or pass `-c /path/to/gunicorn.conf.py`).

Every value comes from the environment with a default for one small server; the README's
"Production" section lists them.
"""

import os
from pathlib import Path

# site/ is a source folder holding the project's packages (readyroom, organisation, ...), not
# a package itself: the standard library owns the name `site`.
pythonpath = str(Path(__file__).resolve().parent / "site")

bind = os.environ.get("WEB_BIND", "127.0.0.1:8000").split(",")

# --- Worker model -------------------------------------------------------------------------
# The load test (issue 13) measures these; change the defaults here, in this block only.
# Measured with `make loadtest` (600 users spawned at 10/s, 1,000 synthetic staff, the 2-core
# machine with nothing else running, 30 November 2026; p95 of the worst step, and of all
# requests), the server using about 11 ms of CPU a request in each:
#   gthread 2 workers x 8 threads, 3 min: 700 ms (home), 470 ms; load average up to 8
#   gthread 3 workers x 4 threads, 3 min: 440 ms (home), 240 ms
#   gthread 3 workers x 4 threads, 5 min: 620 ms (home), 360 ms: missed
#   gthread 4 workers x 2 threads, 5 min: 460 ms (home), 310 ms: every step within 500 ms
# (earlier, on a shared machine, sync x 5 workers gave 9.3 requests/s at 200 users where
# gthread 2 x 8 gave 15.4). Threads keep the browser's connection alive and overlap a page's
# short database waits, but threads in one process queue for its one interpreter lock: more
# processes with fewer threads keep both cores busy while a process waits on the lock, the
# database or the network. Each thread holds its own database connection (8 here).
workers = int(os.environ.get("WEB_WORKERS", 2 * (os.cpu_count() or 1)))
threads = int(os.environ.get("WEB_THREADS", "2"))
worker_class = os.environ.get("WEB_WORKER_CLASS", "gthread")
# Import Django and Wagtail once in the master and fork: workers start in a fraction of the
# time and share the imported code's memory. The master opens no database connection
# (pre_fork below makes sure), so no worker inherits one.
preload_app = os.environ.get("WEB_PRELOAD", "1") != "0"
# ------------------------------------------------------------------------------------------

# A request still running after this long is killed (its worker restarted): the slowest page
# (the compliance export at 10,000 staff) takes a few seconds, so this only stops a runaway.
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))
# On SIGTERM, requests in flight get this long to finish before their workers are killed.
graceful_timeout = int(os.environ.get("WEB_GRACEFUL_TIMEOUT", "30"))
# Idle keep-alive connections (gthread only) are closed after this; a proxy in front keeps
# its own pool, so a few seconds is enough.
keepalive = 5
# Each worker is replaced after about this many requests (the jitter keeps them from all
# restarting at once), so a slow leak cannot grow for ever. A thousand per thread: at 600
# load-test users a flat 1000 replaced each gthread worker every 20 s, and requests arriving on
# its kept-alive connections as it left failed (12 of 6,718).
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", str(1000 * threads)))
max_requests_jitter = max_requests // 10

# Access log to stdout with each request's duration; errors to stderr.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'

# gunicorn 25.1+ opens a control socket at one fixed path per user by default; several
# servers on one machine (the tests, a load test) would take it from each other, and nothing
# here uses it.
control_socket_disable = True


def when_ready(server):
    """With the app preloaded, import every view now, once, in the master: each worker (and
    each worker that replaces one after max_requests) would otherwise spend its first request
    importing them (1.5 s of a first login page, measured, against 0.01 s after)."""
    if server.cfg.preload_app:
        from django.urls import get_resolver

        get_resolver().url_patterns  # noqa: B018 - the import is the point


def pre_fork(server, worker):
    """Close any database connection the preloaded master holds, so no two workers share one
    socket."""
    if server.cfg.preload_app:
        from django.db import connections

        connections.close_all()


def worker_exit(server, worker):
    """A worker told to stop (SIGTERM, or max_requests reached) flushes its output and leaves
    without Python's teardown. Its idle database connections close with the process, as at
    any exit, quietly for PostgreSQL (gthread's belong to their threads; only the main
    thread's are closed here). Tearing down Django and Wagtail frees every object the worker
    shares with the master, copying each page it touches: 1-3 s of CPU per worker, so a stop
    of 5 workers took 13-17 s on a busy 2-core machine and 2.3-3.1 s without it. A worker
    that never booted, or that stopped on an error, exits the normal way, with the status
    gunicorn reads (one killed for running past the timeout is logged as WORKER TIMEOUT by
    the master either way)."""
    if worker.booted and not worker.alive:
        import sys

        from django.db import connections

        connections.close_all()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
