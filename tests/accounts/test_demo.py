import datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import demo
from accounts.management.commands.demo_totp import NOT_A_DEMO_LOGIN
from accounts.services import verify_second_factor
from organisation.demo import seed_organisation
from tests.factories import UserFactory


@pytest.fixture
def demo_people(db):
    profiles = seed_organisation(today=datetime.date(2026, 11, 24))
    demo.seed(today=datetime.date(2026, 11, 24), profiles=profiles, publisher=None)
    return profiles


def test_demo_logins_that_must_use_it_have_the_published_authenticator(demo_people):
    with_app = set(
        TOTPDevice.objects.filter(key=demo.DEMO_TOTP_KEY, confirmed=True).values_list(
            "user__username", flat=True
        )
    )
    assert {"manager", "regional", "educator", "director"} <= with_app
    assert "staff" not in with_app


def test_seeding_again_adds_no_authenticator(demo_people):
    before = TOTPDevice.objects.count()
    demo.seed(today=datetime.date(2026, 11, 24), profiles=demo_people, publisher=None)
    assert TOTPDevice.objects.count() == before


def test_demo_totp_prints_a_code_that_logs_in(demo_people, capsys):
    call_command("demo_totp", "manager")
    out, err = capsys.readouterr()
    code = out.strip()
    assert len(code) == 6 and code.isdigit()
    assert demo.DEMO_TOTP_SECRET_TEXT in err
    manager = demo_people["manager"].user
    assert verify_second_factor(user=manager, code=code, now=timezone.now()).user == manager


def test_demo_totp_refuses_anyone_else(demo_people):
    UserFactory(username="real.manager")
    for username in ("staff", "real.manager", "nobody"):
        with pytest.raises(CommandError) as refused:
            call_command("demo_totp", username)
        assert str(refused.value) == NOT_A_DEMO_LOGIN.format(username=username)


def test_reset_mfa_removes_the_app(demo_people, capsys):
    call_command("reset_mfa", "manager")
    assert "removed" in capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user__username="manager").exists()
    with pytest.raises(CommandError, match="No account"):
        call_command("reset_mfa", "nobody")


def test_the_readme_publishes_the_demo_secret():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert f"**`{demo.DEMO_TOTP_SECRET_TEXT}`**" in readme
