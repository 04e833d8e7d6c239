# ReadyRoom: `make run` serves the demo clinic, `make test` runs the whole suite.
# Both build .venv themselves; a machine needs nothing but Python 3.11+.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test test-fast lint format bench loadtest profile-flow screenshots clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet ".[test]"
	touch $@

# manage.py writes the git-ignored .env (DEBUG on, a secret key of this machine's own) on its
# first run, so the README's manage.py commands work as typed (readyroom/dotenv.py).
# The worker and the site run side by side (run_local); Ctrl-C or SIGTERM stops both within
# 10 s, and either one dying stops the other. Links in mail, the calendar feed and certificates
# lead to SITE_URL: here the address the site runs on, unless the environment gives one.
run: export DEBUG ?= 1
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: $(VENV)/.installed-run
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo --if-empty
	@echo "ReadyRoom on http://$(HOST):$(PORT)/ - logins in README.md. Ctrl-C stops it."
	exec $(PY) manage.py run_local $(HOST):$(PORT)

# Production (README, "Production"): settings from the environment only, DEBUG off, and the
# .env neither written nor read. The release steps, then gunicorn (gunicorn.conf.py, WEB_*)
# and the worker side by side (serve); Ctrl-C or SIGTERM stops both.
serve: export READYROOM_IGNORE_DOTENV = 1
serve: export DEBUG = 0
serve: $(VENV)/.installed-run
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	exec $(PY) manage.py serve

# Two processes (pytest-xdist), one per core: the suite takes about half the time. Each gets
# its own test database. PYTEST_ARGS="" runs it in one process.
PYTEST_ARGS ?= -n 2
test: $(VENV)/.installed-test
	$(PY) -m pytest $(PYTEST_ARGS)

# Throwaway data in a rolled-back transaction on the local database; prints times and queries.
bench: export DEBUG ?= 1
bench: $(VENV)/.installed-run
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py bench_dashboard --staff 2000 10000
	$(PY) manage.py bench_reminders --records 10000 100000
	$(PY) manage.py bench_item_analysis --answers 100000

# The load test (loadtest/run.py says each step): its own PostgreSQL database, the production
# server and worker, locust headless, then a check in the database that nothing was lost.
$(VENV)/.installed-loadtest: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet ".[loadtest]"
	touch $@

USERS ?= 600
SPAWN_RATE ?= 10
RUN_TIME ?= 5m
STAFF ?= 1000
LOADTEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/readyroom_loadtest
LOADTEST_REDIS_URL ?= redis://127.0.0.1:6379/13
loadtest: $(VENV)/.installed-loadtest
	$(PY) loadtest/run.py --users $(USERS) --spawn-rate $(SPAWN_RATE) --run-time $(RUN_TIME) \
		--staff $(STAFF) --database-url $(LOADTEST_DATABASE_URL) --redis-url "$(LOADTEST_REDIS_URL)"

# The load test's flow in one process (loadtest/profile_flow.py): CPU time and queries per step,
# cProfile on request (PROFILE_ARGS='--profile "06 quiz"'), or over HTTP (PROFILE_ARGS=--gunicorn).
PROFILE_USERS ?= 30
PROFILE_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/readyroom_profile
PROFILE_REDIS_URL ?= redis://127.0.0.1:6379/12
PROFILE_ARGS ?=
profile-flow: $(VENV)/.installed-run
	$(PY) loadtest/profile_flow.py --users $(PROFILE_USERS) --database-url $(PROFILE_DATABASE_URL) \
		--redis-url "$(PROFILE_REDIS_URL)" $(PROFILE_ARGS)

# Full-page PNGs of the main pages at 390 and 1280 px in var/screenshots/, for review: the demo
# clinic on a throwaway SQLite database in a temporary folder (removed afterwards), the site on a
# free port, Debian's Chromium (CHROMIUM=... for another). readyroom/screenshots.py says which.
screenshots: export DEBUG = 1
screenshots: $(VENV)/.installed-test
	@scratch=$$(mktemp -d) && trap 'rm -rf "$$scratch"' EXIT && \
	READYROOM_VAR_DIR="$$scratch" DATABASE_URL= REDIS_URL= \
	$(PY) manage.py screenshots --out var/screenshots

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) var
