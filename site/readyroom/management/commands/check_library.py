from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from content.sources import SourceErrors
from readyroom.library import library_dir, read_library


class Command(BaseCommand):
    help = (
        "Read and check every file of the clinical library (library/ or PATH) as seed_demo "
        "would, and write nothing. Prints each problem as file:line: message."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?", type=Path, help="The library folder (default: library/)."
        )

    def handle(self, *args, path: Path | None, **options):
        root = path or library_dir()
        if not root.is_dir():
            raise CommandError(f"No library folder at {root}.")
        try:
            library = read_library(root)
        except SourceErrors as errors:
            for error in errors.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(errors.errors)} problem(s) in {root}.") from errors
        self.stdout.write(self.style.SUCCESS(f"{root}: {library.counts()}; no problems."))
