"""SQLite: the online backup API out and back in.

The backup API copies a consistent snapshot page by page while the site keeps running; the
rows of each table are counted in the copy itself. A restore first opens a private copy of
the backup and checks its counts, and only then copies it over the live database, again with
the backup API (which takes the database's own locks), so a failed check changes nothing.
"""

import shutil
import sqlite3
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper

from readyroom.backup import BackupError

WRONG_COUNT = "restore check: {table} holds {found} rows, the manifest says {expected}."
TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"


def _rows(database: sqlite3.Connection) -> dict[str, int]:
    tables = [name for (name,) in database.execute(TABLES + " ORDER BY name")]
    return {
        table: database.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables
    }


def dump(connection: BaseDatabaseWrapper, target: Path) -> tuple[dict[str, int], str]:
    """Write the database to `target`, a SQLite file. Returns the rows per table (and no
    schema)."""
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        rows = _rows(copy)
    finally:
        copy.close()
    return rows, ""


def restore(
    connection: BaseDatabaseWrapper,
    source: Path,
    *,
    rows: dict[str, int],
    schema: str,
    replace: bool,
    workdir: Path,
) -> None:
    """Check a private copy of `source` against `rows`, then copy it over the database. The
    backup API replaces every page, so `replace` needs no step of its own here."""
    checked = workdir / "database.sqlite3"
    shutil.copyfile(source, checked)
    copy = sqlite3.connect(checked)
    try:
        _check(_rows(copy), rows)
        connection.ensure_connection()
        copy.backup(connection.connection)
    finally:
        copy.close()
    _check(_rows(connection.connection), rows)


def _check(found: dict[str, int], expected: dict[str, int]) -> None:
    for table in sorted(set(found) | set(expected)):
        count, wanted = found.get(table), expected.get(table)
        if count != wanted:
            raise BackupError(WRONG_COUNT.format(table=table, found=count, expected=wanted))
