"""A database of its own for a test that runs the site in subprocesses (the production server,
a restore), so it never touches pytest-django's: a SQLite file in a temporary folder, or, when
the suite runs on PostgreSQL (DATABASE_URL), a new database on the same server, dropped after."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql


def _admin(url) -> psycopg.Connection:
    return psycopg.connect(urlunsplit(url._replace(path="/postgres")), autocommit=True)


@contextmanager
def scratch_database_url(*, name: str, folder: Path) -> Iterator[str]:
    """Yields a DATABASE_URL for an empty database called after `name` (and the xdist worker,
    so parallel runs never share one)."""
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{folder / f'{name}.sqlite3'}"
        return
    url = urlsplit(base)
    database = f"{url.path.lstrip('/')}_{name}_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
    with _admin(url) as admin:
        admin.execute(drop)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
    try:
        yield urlunsplit(url._replace(path=f"/{database}"))
    finally:
        with _admin(url) as admin:
            admin.execute(drop)
