from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from readyroom.backup import BackupError
from readyroom.backup.services import create_backup


class Command(BaseCommand):
    help = (
        "Back up the database (PostgreSQL: pg_dump custom format; SQLite: online backup) and "
        "the private card files and media into DIR, a new or empty folder, with a manifest of "
        "row counts and checksums that `restore` checks."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="DIR", type=Path, help="A new or empty folder.")

    def handle(self, *args, folder: Path, **options):
        try:
            manifest = create_backup(folder=folder.resolve(), now=timezone.now())
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backed up the {manifest.engine} database ({len(manifest.rows)} tables, "
            f"{sum(manifest.rows.values())} rows) and {manifest.file_count} files "
            f"({manifest.file_bytes / 1e6:.1f} MB) to {folder}."
        )
