from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from training.bank_services import export_gift
from training.models import QuestionBank


class Command(BaseCommand):
    help = "Write a question bank's published questions as Moodle GIFT (to stdout or a file)."

    def add_arguments(self, parser):
        parser.add_argument("--bank", required=True, help="The question bank's name.")
        parser.add_argument("--output", type=Path, help="Write here instead of stdout.")
        parser.add_argument(
            "--include-drafts", action="store_true", help="Also write unpublished questions."
        )

    def handle(self, *args, bank: str, output: Path | None, include_drafts: bool, **options):
        found = QuestionBank.objects.filter(name=bank).first()
        if found is None:
            raise CommandError(f"No question bank is called {bank!r}.")
        text = export_gift(bank=found, include_drafts=include_drafts)
        if output is None:
            self.stdout.write(text, ending="")
        else:
            output.write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {found.questions.count()} question(s) to {output}.")
