from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from readyroom.backup import BackupError
from readyroom.backup.services import restore_backup


class Command(BaseCommand):
    help = (
        "Restore a folder written by `backup`: checks every file against its manifest, loads "
        "the database (checking each table's row count, all or nothing) and puts the card "
        "files and media back. Refuses a database with tables or folders with files unless "
        "--replace. Stop the site and the worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", metavar="DIR", type=Path, help="A folder from `backup`.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help=(
                "Replace a database that has tables (they are dropped) and folders that have "
                "files (they are moved aside to <folder>.before-restore-<time>)."
            ),
        )

    def handle(self, *args, folder: Path, replace: bool, **options):
        try:
            restored = restore_backup(folder=folder.resolve(), replace=replace, now=timezone.now())
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = restored.manifest
        self.stdout.write(
            f"Restored the backup of {manifest.created_at}: {len(manifest.rows)} tables "
            f"({sum(manifest.rows.values())} rows, each table's count checked) and "
            f"{manifest.file_count} files (checksums checked)."
        )
        for path in restored.moved_aside:
            self.stdout.write(f"The files that were there are now in {path}.")
        self.stdout.write(
            "If this code is newer than the backup, run `manage.py migrate` before starting."
        )
