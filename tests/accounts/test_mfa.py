import re

import pytest
import time_machine
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.services import (
    NOT_SET_UP,
    RECOVERY_CODE_COUNT,
    REQUIRED_FOR_ROLE,
    THROTTLED,
    WRONG_CODE,
    confirm_totp_setup,
    new_totp_key,
)
from accounts.views import MFA_TURNED_OFF, PENDING_KEY_SESSION
from organisation.models import AuditEntry
from tests.accounts.conftest import current_code, give_authenticator, wrong_code
from tests.factories import LocationFactory, ManagerFactory, StaffProfileFactory, UserFactory

pytestmark = pytest.mark.usefixtures("mfa_on", "home_page")

SETUP = "/accounts/mfa/setup/"
VERIFY = "/accounts/mfa/verify/"


def set_up_with_codes(user) -> list[str]:
    key = new_totp_key()
    _, codes = confirm_totp_setup(user=user, key=key, code=current_code(key), now=timezone.now())
    return codes


# Who must set it up


def test_a_manager_without_an_app_is_sent_to_set_it_up(client, manager):
    client.force_login(manager)
    response = client.get("/manage/")
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next=%2Fmanage%2F"


@pytest.mark.parametrize(
    "make_user",
    [
        lambda: (
            ManagerFactory(managed_locations=[LocationFactory(), LocationFactory()]).user
        ),  # regional manager
        lambda: (
            StaffProfileFactory(user=UserFactory(groups=["Staff", "Educators"])).user
        ),  # educator
        lambda: StaffProfileFactory(user=UserFactory(groups=["Medical directors"])).user,
        lambda: StaffProfileFactory(managed_locations=[LocationFactory()]).user,  # no group
        lambda: UserFactory(is_superuser=True),
    ],
    ids=["regional", "educator", "director", "manages-a-location", "superuser"],
)
def test_every_role_that_sees_others_must_set_it_up(client, db, make_user):
    client.force_login(make_user())
    assert client.get("/")["Location"].startswith(SETUP)


def test_staff_are_not_forced(client, staff):
    client.force_login(staff)
    assert client.get("/").status_code == 200
    assert client.get("/accounts/mfa/").status_code == 200


def test_nobody_is_asked_when_enforcement_is_off(client, manager, settings):
    settings.READYROOM_MFA_REQUIRED = False
    give_authenticator(manager)
    client.force_login(manager)
    assert client.get("/").status_code == 200


# Setting it up


def test_setup_shows_a_qr_code_and_the_secret_then_ten_recovery_codes_once(client, manager):
    client.force_login(manager)
    page = client.get(f"{SETUP}?next=/manage/")
    assert page.status_code == 200
    assert b"<svg" in page.content and b'class="mfa-qr"' in page.content
    key = client.session[PENDING_KEY_SESSION]
    assert page.context["secret"].encode() in page.content
    assert not TOTPDevice.objects.exists()  # a GET writes no rows
    assert client.get(SETUP).context["secret"] == page.context["secret"]  # stable on reload

    done = client.post(SETUP, {"code": current_code(key), "next": "/manage/"})

    assert done.status_code == 200
    assert [t.name for t in done.templates][0] == "accounts/recovery_codes.html"
    codes = done.context["codes"]
    assert len(codes) == RECOVERY_CODE_COUNT == 10
    assert all(code in done.content.decode() for code in codes)
    assert TOTPDevice.objects.get(user=manager).confirmed
    assert client.get("/manage/").status_code == 200  # verified by the setup itself
    assert PENDING_KEY_SESSION not in client.session
    assert AuditEntry.objects.filter(action="mfa.enabled", staff__user=manager).exists()


def test_setup_refuses_a_wrong_code(client, manager):
    client.force_login(manager)
    client.get(SETUP)
    key = client.session[PENDING_KEY_SESSION]
    response = client.post(SETUP, {"code": wrong_code(key)})
    assert response.status_code == 200
    assert str(WRONG_CODE) in response.content.decode()
    assert not TOTPDevice.objects.exists()


def test_setup_cannot_add_a_second_app_before_the_code(client, manager):
    give_authenticator(manager)
    client.force_login(manager)
    response = client.get(SETUP)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)


# Logging in with it


def test_a_user_with_an_app_must_give_a_code_before_any_page(client, manager):
    device = give_authenticator(manager)
    client.force_login(manager)
    for path in ("/", "/manage/", "/my/training/", "/accounts/mfa/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"{VERIFY}?next="), path

    response = client.post(VERIFY, {"code": current_code(device.key), "next": "/manage/"})
    assert response.status_code == 302 and response["Location"] == "/manage/"
    assert client.get("/manage/").status_code == 200


def test_a_wrong_code_is_refused(client, manager):
    device = give_authenticator(manager)
    client.force_login(manager)
    response = client.post(VERIFY, {"code": wrong_code(device.key), "next": "/"})
    assert response.status_code == 200
    assert str(WRONG_CODE) in response.content.decode()
    assert client.get("/")["Location"].startswith(VERIFY)


def test_wrong_codes_in_a_row_are_slowed_down(client, manager):
    device = give_authenticator(manager)
    client.force_login(manager)
    client.post(VERIFY, {"code": wrong_code(device.key)})
    response = client.post(VERIFY, {"code": current_code(device.key)})
    assert str(THROTTLED) in response.content.decode()
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=5)):
        response = client.post(VERIFY, {"code": current_code(device.key)})
    assert response.status_code == 302


def test_a_code_is_not_accepted_twice(client, manager):
    device = give_authenticator(manager)
    code = current_code(device.key)
    client.force_login(manager)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.logout()
    client.force_login(manager)
    assert str(WRONG_CODE) in client.post(VERIFY, {"code": code}).content.decode()


def test_a_recovery_code_works_once(client, manager):
    codes = set_up_with_codes(manager)
    client.force_login(manager)
    response = client.post(VERIFY, {"code": codes[0].upper(), "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert StaticToken.objects.count() == RECOVERY_CODE_COUNT - 1
    assert AuditEntry.objects.filter(action="mfa.recovery_code_used").count() == 1

    client.logout()
    client.force_login(manager)
    response = client.post(VERIFY, {"code": codes[0]})
    assert response.status_code == 200
    assert str(WRONG_CODE) in response.content.decode()


def test_next_must_stay_on_this_site(client, manager):
    device = give_authenticator(manager)
    client.force_login(manager)
    response = client.post(
        VERIFY, {"code": current_code(device.key), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_open_pages_stay_reachable_between_password_and_code(client, manager):
    give_authenticator(manager)
    client.force_login(manager)
    assert client.get("/verify/NOT-A-CODE/").status_code == 404
    assert client.get("/my/calendar.ics").status_code != 302
    assert client.get(VERIFY).status_code == 200
    assert client.get("/accounts/password_reset/").status_code == 200
    response = client.post("/accounts/logout/")
    assert response["Location"] == "/accounts/login/"


# Staff who opt in; the settings page


def test_staff_may_set_it_up_from_the_account_page_and_are_then_asked(client, staff):
    client.force_login(staff)
    page = client.get("/accounts/mfa/")
    assert SETUP.encode() in page.content
    assert b'href="/accounts/mfa/"' in client.get("/").content  # linked from every page
    client.get(SETUP)
    key = client.session[PENDING_KEY_SESSION]
    client.post(SETUP, {"code": current_code(key)})
    client.logout()
    client.force_login(staff)
    assert client.get("/")["Location"].startswith(VERIFY)


def test_staff_may_turn_it_off_and_managers_may_not(client, staff, manager):
    set_up_with_codes(staff)
    set_up_with_codes(manager)
    for user, message, left in ((staff, MFA_TURNED_OFF, 0), (manager, REQUIRED_FOR_ROLE, 1)):
        client.force_login(user)
        # A session verified by a recovery code, as the middleware requires.
        code = StaticToken.objects.filter(device__user=user).first().token
        client.post(VERIFY, {"code": code})
        response = client.post("/accounts/mfa/turn-off/", follow=True)
        assert str(message) in response.content.decode()
        assert TOTPDevice.objects.filter(user=user).count() == left
        client.logout()


def test_new_recovery_codes_replace_the_old_ones(client, staff):
    old = set_up_with_codes(staff)
    client.force_login(staff)
    client.post(VERIFY, {"code": old[0]})
    response = client.post("/accounts/mfa/recovery-codes/")
    new = response.context["codes"]
    assert len(new) == 10
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)
    assert re.search(r"shown only now", response.content.decode())


def test_turning_off_what_is_not_on_changes_nothing(client, staff):
    client.force_login(staff)
    response = client.post("/accounts/mfa/turn-off/", follow=True)
    assert str(NOT_SET_UP) in response.content.decode()
    assert not AuditEntry.objects.filter(action="mfa.disabled").exists()


def test_the_mfa_actions_take_posts_only(client, staff):
    client.force_login(staff)
    assert client.get("/accounts/mfa/turn-off/").status_code == 405
    assert client.get("/accounts/mfa/recovery-codes/").status_code == 405
