from django.core.management.base import BaseCommand, CommandError

from organisation.synthetic import (
    SYNTHETIC_PASSWORD,
    create_synthetic_staff,
    remove_synthetic_staff,
    synthetic_username,
)


class Command(BaseCommand):
    help = (
        "Create N synthetic staff for the load test (loadtest-0001 ..., at the demo locations, "
        f"password {SYNTHETIC_PASSWORD!r}), or remove every one of them with --remove. "
        "Only into a database that holds the demo clinic; real people are never touched."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--count", type=int, default=1000, help="How many to have (default 1000)."
        )
        parser.add_argument(
            "--remove",
            action="store_true",
            help="Delete all synthetic staff, their records and their audit entries.",
        )

    def handle(self, *args, count: int, remove: bool, **options):
        if remove:
            removed = remove_synthetic_staff()
            self.stdout.write(
                f"Removed {removed.people} synthetic staff and {removed.audit_entries} "
                "audit entries about them."
            )
            return
        if count < 1:
            raise CommandError("--count must be at least 1.")
        try:
            made = create_synthetic_staff(count=count)
        except LookupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{made} synthetic staff created ({count - made} were there already): "
            f"{synthetic_username(1)} .. {synthetic_username(count)}, "
            f"password {SYNTHETIC_PASSWORD}."
        )
