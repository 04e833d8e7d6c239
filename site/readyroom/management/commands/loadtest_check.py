from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from readyroom.loadcheck import EMPTY_LEDGER, check_ledger, read_ledger


class Command(BaseCommand):
    help = (
        "After a load test: look in the database for every quiz answer and drill decision that "
        "the locust users recorded as acknowledged (loadtest/locustfile.py's ledger). Exits "
        "non-zero when one is missing or differs, or when the ledger is empty."
    )

    def add_arguments(self, parser):
        parser.add_argument("ledger", type=Path, help="The JSON-lines ledger the users wrote.")

    def handle(self, *args, ledger: Path, **options):
        try:
            with ledger.open(encoding="utf-8") as lines:
                entries = read_ledger(lines)
        except OSError as error:
            raise CommandError(f"Cannot read {ledger}: {error.strerror}") from error
        result = check_ledger(entries)
        if not result.checked:
            raise CommandError(EMPTY_LEDGER)
        for line in result.lost[:50]:
            self.stderr.write(f"lost: {line}")
        self.stdout.write(
            f"Checked in the database: {result.answers} answers in {result.attempts} attempts, "
            f"{result.decisions} drill decisions ({result.late} stored as timed out). "
            f"Lost: {len(result.lost)}."
        )
        if result.lost:
            raise CommandError(f"{len(result.lost)} acknowledged answers or decisions were lost.")
