from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from training.bank_services import import_gift
from training.permissions import can_import_gift


class Command(BaseCommand):
    help = (
        "Import a Moodle GIFT file into a question bank (created if new) as drafts, submitted "
        "for the medical director's approval in the same step; learners see a question once "
        "it is approved. Question kinds the bank does not hold are listed by line and skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The .gift file (UTF-8).")
        parser.add_argument("--bank", required=True, help="The question bank's name.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be imported; change nothing."
        )
        parser.add_argument(
            "--submitted-by",
            metavar="USERNAME",
            help="The educator submitting them: the director sees their name and answers them.",
        )

    def handle(
        self,
        *args,
        file: Path,
        bank: str,
        dry_run: bool,
        submitted_by: str | None,
        **options,
    ):
        user = None
        if submitted_by:
            user = get_user_model().objects.filter(username=submitted_by, is_active=True).first()
            if user is None:
                raise CommandError(f"No active user is called {submitted_by!r}.")
            if not can_import_gift(user):
                raise CommandError(f"{submitted_by!r} may not author questions.")
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        report = import_gift(text=text, bank_name=bank, dry_run=dry_run, user=user)
        for line in report.lines():
            self.stdout.write(line)
        if not report.created and not report.duplicates:
            raise CommandError("No question in the file could be imported.")
