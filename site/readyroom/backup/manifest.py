"""The manifest a backup folder carries: what it holds, with row counts and checksums, so that
a restore can check the folder before it touches anything and the result after."""

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from readyroom.backup import BackupError

FORMAT = 1
MANIFEST_NAME = "manifest.json"
NO_MANIFEST = "{folder} has no manifest.json: it is not a finished backup."
UNKNOWN_FORMAT = "{folder} holds a backup in format {found}; this version reads format {known}."
CHANGED_FILE = "{path} does not match the manifest (missing, or its checksum differs)."
CHUNK = 1 << 20


@dataclass(frozen=True)
class FileEntry:
    sha256: str
    bytes: int


@dataclass(frozen=True)
class Manifest:
    created_at: str
    engine: str  # the Django backend's vendor: "postgresql" or "sqlite"
    database_file: str
    database: FileEntry
    # Rows in each table when the dump was taken, read in the dump's own snapshot.
    rows: dict[str, int]
    # Each folder of files ("private", "media"): relative path -> checksum and size.
    files: dict[str, dict[str, FileEntry]] = field(default_factory=dict)
    schema: str = ""  # PostgreSQL: the schema the tables live in
    format: int = FORMAT

    @property
    def file_count(self) -> int:
        return sum(len(entries) for entries in self.files.values())

    @property
    def file_bytes(self) -> int:
        return sum(e.bytes for entries in self.files.values() for e in entries.values())


def sha256_of(path: Path) -> FileEntry:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return FileEntry(sha256=digest.hexdigest(), bytes=size)


def check_file(path: Path, expected: FileEntry) -> None:
    """Raise BackupError unless `path` exists with exactly the expected content."""
    if not path.is_file() or sha256_of(path) != expected:
        raise BackupError(CHANGED_FILE.format(path=path))


def write_manifest(folder: Path, manifest: Manifest) -> None:
    # Written last: a folder without it is a backup that did not finish.
    text = json.dumps(asdict(manifest), indent=2, sort_keys=True)
    (folder / MANIFEST_NAME).write_text(text + "\n", encoding="utf-8")


def read_manifest(folder: Path) -> Manifest:
    path = folder / MANIFEST_NAME
    if not path.is_file():
        raise BackupError(NO_MANIFEST.format(folder=folder))
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise BackupError(
            UNKNOWN_FORMAT.format(folder=folder, found=data.get("format"), known=FORMAT)
        )
    return Manifest(
        created_at=data["created_at"],
        engine=data["engine"],
        database_file=data["database_file"],
        database=FileEntry(**data["database"]),
        rows={table: int(count) for table, count in data["rows"].items()},
        files={
            root: {rel: FileEntry(**entry) for rel, entry in entries.items()}
            for root, entries in data["files"].items()
        },
        schema=data.get("schema", ""),
    )
