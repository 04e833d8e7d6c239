from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.services import reset_mfa


class Command(BaseCommand):
    help = (
        "Remove a person's two-step login (authenticator and recovery codes) when they have "
        "lost both. If their role requires it, they set it up again at their next login."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", type=str, help="The login name to reset.")

    def handle(self, *args, username: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account is named {username!r}.")
        if reset_mfa(user=user, now=timezone.now()):
            self.stdout.write(f"Two-step login removed for {username}.")
        else:
            self.stdout.write(f"{username} had no two-step login; nothing changed.")
