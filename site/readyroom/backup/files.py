"""Folders of files (private card files, Wagtail's media) into a backup and back, every file
checksummed on the way so that what is restored is byte for byte what was saved."""

import hashlib
import shutil
from pathlib import Path

from readyroom.backup import BackupError
from readyroom.backup.manifest import CHANGED_FILE, CHUNK, FileEntry


def _copy(source: Path, target: Path) -> FileEntry:
    """Copy one file, hashing what is read; returns what was written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    with source.open("rb") as reader, target.open("wb") as writer:
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
            writer.write(chunk)
            size += len(chunk)
    shutil.copystat(source, target)
    return FileEntry(sha256=digest.hexdigest(), bytes=size)


def has_files(root: Path) -> bool:
    return root.is_dir() and any(path.is_file() for path in root.rglob("*"))


def save_tree(*, root: Path, target: Path) -> dict[str, FileEntry]:
    """Copy every file under `root` (none if it does not exist) to `target`; returns the
    entries for the manifest, by path relative to `root`."""
    entries = {}
    if not root.is_dir():
        return entries
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        relative = path.relative_to(root).as_posix()
        entries[relative] = _copy(path, target / relative)
    return entries


def restore_tree(
    *, source: Path, entries: dict[str, FileEntry], root: Path, stamp: str
) -> Path | None:
    """Put the files listed in `entries` from `source` at `root`.

    They are copied into a new folder beside `root` and checked there first; only then does
    it take `root`'s place. A non-empty `root` is not deleted but moved aside, to
    `<root>.before-restore-<stamp>`, which is returned (None when there was nothing)."""
    staging = root.with_name(f"{root.name}.restoring-{stamp}")
    root.parent.mkdir(parents=True, exist_ok=True)
    try:
        for relative, expected in entries.items():
            if not (source / relative).is_file():
                raise BackupError(CHANGED_FILE.format(path=source / relative))
            if _copy(source / relative, staging / relative) != expected:
                raise BackupError(CHANGED_FILE.format(path=source / relative))
        staging.mkdir(exist_ok=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    moved_aside = None
    if root.exists():
        if has_files(root):
            moved_aside = root.with_name(f"{root.name}.before-restore-{stamp}")
            root.rename(moved_aside)
        else:
            shutil.rmtree(root)
    staging.rename(root)
    return moved_aside
