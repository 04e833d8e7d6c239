from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from clearances.models import GateToken
from clearances.services import create_gate_token, revoke_gate_token
from organisation.models import Location


class Command(BaseCommand):
    help = (
        "Make, list or revoke API tokens for the roster gate (/api/gate/). A token is scoped to "
        "the locations given (one clinic's) and printed once: only its hash is kept."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Make a token and print it once.")
        create.add_argument("--name", required=True, help="Who uses it, e.g. 'Booking system'.")
        create.add_argument(
            "--locations",
            required=True,
            help="Comma-separated location slugs the token may ask about, e.g. brookline,oak-park.",
        )
        sub.add_parser("list", help="List tokens (never their secrets).")
        revoke = sub.add_parser("revoke", help="Stop a token working.")
        revoke.add_argument("id", type=int, help="The token's id, as 'list' shows it.")

    def handle(self, *args, action: str, **options):
        if action == "create":
            self._create(options["name"], options["locations"])
        elif action == "list":
            self._list()
        else:
            self._revoke(options["id"])

    def _create(self, name: str, slugs: str):
        wanted = [s.strip() for s in slugs.split(",") if s.strip()]
        locations = list(Location.objects.filter(slug__in=wanted))
        unknown = sorted(set(wanted) - {loc.slug for loc in locations})
        if unknown or not wanted:
            raise CommandError(f"No such location: {', '.join(unknown) or '(none given)'}.")
        try:
            token, secret = create_gate_token(name=name, locations=locations, now=timezone.now())
        except ValidationError as error:
            raise CommandError(error.messages[0]) from error
        self.stdout.write(f"Token {token.pk} '{token.name}' for {', '.join(wanted)}:")
        self.stdout.write(secret)
        self.stdout.write("Copy it now: it is not stored and cannot be shown again.")

    def _list(self):
        tokens = GateToken.objects.prefetch_related("locations")
        for token in tokens:
            state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "active"
            where = ", ".join(loc.slug for loc in token.locations.all())
            self.stdout.write(f"{token.pk:>4}  {token.prefix}…  {token.name}  [{where}]  {state}")
        if not tokens:
            self.stdout.write("No tokens.")

    def _revoke(self, pk: int):
        token = GateToken.objects.filter(pk=pk).first()
        if token is None:
            raise CommandError(f"No token with id {pk}.")
        try:
            revoke_gate_token(token=token, now=timezone.now())
        except ValidationError as error:
            raise CommandError(error.messages[0]) from error
        self.stdout.write(f"Token {pk} revoked.")
