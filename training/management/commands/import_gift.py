from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from training.bank_services import import_gift


class Command(BaseCommand):
    help = (
        "Import a Moodle GIFT file into a question bank (created if new). Question kinds the "
        "bank does not hold are listed by line and skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The .gift file (UTF-8).")
        parser.add_argument("--bank", required=True, help="The question bank's name.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be imported; change nothing."
        )

    def handle(self, *args, file: Path, bank: str, dry_run: bool, **options):
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        report = import_gift(text=text, bank_name=bank, dry_run=dry_run)
        for line in report.lines():
            self.stdout.write(line)
        if not report.created and not report.duplicates:
            raise CommandError("No question in the file could be imported.")
