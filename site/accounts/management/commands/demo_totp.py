from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.demo import DEMO_TOTP_KEY, DEMO_TOTP_SECRET_TEXT

NOT_A_DEMO_LOGIN = (
    "{username} has no demo authenticator: this command prints codes for the demo logins "
    "only (seed_demo sets them up)."
)


class Command(BaseCommand):
    help = (
        "Print the current two-step login code of a demo login (manager, regional, educator, "
        "director), whose authenticator uses the published demo secret."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", type=str, help="A demo login, e.g. manager.")

    def handle(self, *args, username: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        device = (
            TOTPDevice.objects.filter(user=user, confirmed=True, key=DEMO_TOTP_KEY).first()
            if user is not None
            else None
        )
        if device is None:
            raise CommandError(NOT_A_DEMO_LOGIN.format(username=username))
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        seconds_left = device.step - int(totp.time) % device.step
        self.stdout.write(f"{totp.token():0{device.digits}d}")
        self.stderr.write(
            f"Valid for {seconds_left} more seconds. Demo secret for an app: "
            f"{DEMO_TOTP_SECRET_TEXT}"
        )
