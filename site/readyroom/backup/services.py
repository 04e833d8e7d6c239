"""Backing up and restoring a ReadyRoom: the database and the folders of files beside it."""

import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections

from readyroom.backup import BackupError, postgresql, sqlite
from readyroom.backup.files import has_files, restore_tree, save_tree
from readyroom.backup.manifest import (
    Manifest,
    check_file,
    read_manifest,
    sha256_of,
    write_manifest,
)

ENGINES = {"postgresql": (postgresql, "database.pgdump"), "sqlite": (sqlite, "database.sqlite3")}
UNSUPPORTED_ENGINE = "Backups cover PostgreSQL and SQLite; this database is {vendor}."
FOLDER_NOT_EMPTY = "{folder} is not empty: back up into a new or empty folder."
ENGINE_MISMATCH = (
    "The backup is of a {backup} database and this site uses {target}: restore it into the "
    "same kind of database."
)
TARGET_NOT_EMPTY = (
    "Refusing to restore over {what}. Restore into an empty database and empty folders, or pass "
    "--replace to replace them (folders are moved aside, not deleted)."
)


def file_roots() -> dict[str, Path]:
    """The folders of files a backup carries, by the name they have inside it."""
    return {
        "private": Path(settings.PRIVATE_STORAGE_ROOT),
        "media": Path(settings.MEDIA_ROOT),
    }


def _engine(connection):
    if connection.vendor not in ENGINES:
        raise BackupError(UNSUPPORTED_ENGINE.format(vendor=connection.vendor))
    return ENGINES[connection.vendor]


def create_backup(*, folder: Path, now: datetime) -> Manifest:
    """Write the database and the file folders into `folder` (new or empty), then the
    manifest. The database goes first: a card uploaded while the files are copied leaves at
    worst a file that no row names, never a row without its file."""
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(FOLDER_NOT_EMPTY.format(folder=folder))
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)  # it holds every card and the whole database: its owner only
    connection = connections[DEFAULT_DB_ALIAS]
    engine, database_file = _engine(connection)
    rows, schema = engine.dump(connection, folder / database_file)
    files = {
        name: save_tree(root=root, target=folder / "files" / name)
        for name, root in file_roots().items()
    }
    manifest = Manifest(
        created_at=now.isoformat(),
        engine=connection.vendor,
        database_file=database_file,
        database=sha256_of(folder / database_file),
        rows=rows,
        files=files,
        schema=schema,
    )
    write_manifest(folder, manifest)
    return manifest


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    moved_aside: list[Path]


def _occupied(connection) -> list[str]:
    """What in the target would be overwritten: a database with tables, folders with files."""
    found = []
    if connection.introspection.table_names():
        found.append(f"the database {connection.settings_dict['NAME']}")
    found += [str(root) for root in file_roots().values() if has_files(root)]
    return found


def restore_backup(*, folder: Path, replace: bool, now: datetime) -> Restored:
    """Put the backup in `folder` back: the database, then the file folders.

    Every file in the backup is checked against the manifest before anything is touched, and
    an occupied target is refused unless `replace`. The database is restored in one step that
    checks every table's row count and changes nothing if one differs. Afterwards the cache
    is emptied: sessions cached there belong to the database that was replaced."""
    manifest = read_manifest(folder)
    connection = connections[DEFAULT_DB_ALIAS]
    engine, _ = _engine(connection)
    if manifest.engine != connection.vendor:
        raise BackupError(ENGINE_MISMATCH.format(backup=manifest.engine, target=connection.vendor))
    check_file(folder / manifest.database_file, manifest.database)
    for name, entries in manifest.files.items():
        for relative, entry in entries.items():
            check_file(folder / "files" / name / relative, entry)
    occupied = _occupied(connection)
    if occupied and not replace:
        raise BackupError(TARGET_NOT_EMPTY.format(what=" and ".join(occupied)))

    with tempfile.TemporaryDirectory(prefix="readyroom-restore-") as workdir:
        engine.restore(
            connection,
            folder / manifest.database_file,
            rows=manifest.rows,
            schema=manifest.schema,
            replace=replace,
            workdir=Path(workdir),
        )
    stamp = now.strftime("%Y%m%dT%H%M%S")
    roots = file_roots()
    moved_aside = [
        restore_tree(source=folder / "files" / name, entries=entries, root=roots[name], stamp=stamp)
        for name, entries in manifest.files.items()
    ]
    cache.clear()
    return Restored(manifest=manifest, moved_aside=[path for path in moved_aside if path])
