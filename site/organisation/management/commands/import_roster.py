from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from organisation.services import RosterInvalid, import_roster


class Command(BaseCommand):
    help = (
        "Create or update staff from a roster CSV (email,first_name,last_name,roles,locations,"
        "hire_date; roles and locations as ';'-separated slugs). The whole file is checked "
        "first: one bad row and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The roster CSV (UTF-8).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report, change nothing."
        )
        parser.add_argument(
            "--deactivate-missing",
            action="store_true",
            help="Deactivate active staff who are not in the file (they can no longer log in).",
        )

    def handle(self, *args, file: Path, dry_run: bool, deactivate_missing: bool, **options):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"{file} is not UTF-8 text.") from exc
        try:
            result = import_roster(
                lines=text.splitlines(),
                now=timezone.now(),
                deactivate_missing=deactivate_missing,
                dry_run=dry_run,
            )
        except RosterInvalid as exc:
            for error in exc.errors:
                self.stderr.write(error)
            raise CommandError(
                f"{len(exc.errors)} problem(s) found in {file}; nothing was imported."
            ) from exc

        for label, emails in (
            ("created", result.created),
            ("updated", result.updated),
            ("deactivated", result.deactivated),
        ):
            for email in emails:
                self.stdout.write(f"{label}: {email}")
        prefix = "Dry run, nothing saved: would have " if dry_run else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix}{len(result.created)} created, {len(result.updated)} updated, "
                f"{len(result.unchanged)} unchanged, {len(result.deactivated)} deactivated."
            )
        )
