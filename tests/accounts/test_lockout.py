import pytest
import time_machine
from axes.models import AccessAttempt
from django.utils import timezone

from accounts.views import lockout_message
from tests.factories import UserFactory
from tests.factories.organisation import PASSWORD

pytestmark = pytest.mark.usefixtures("axes_on")


def log_in(client, password, username="sam", address="10.0.0.1"):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def fail(client, times, **kwargs):
    return [log_in(client, "wrong-password", **kwargs) for _ in range(times)]


def test_four_failures_still_let_the_right_password_in(client, staff):
    fail(client, 4)
    response = log_in(client, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"


def test_five_failures_lock_the_username_at_that_address_with_a_clear_message(client, staff):
    *_, fifth = fail(client, 5)
    assert fifth.status_code == 429
    assert lockout_message() in fifth.content.decode()
    assert "15 minutes" in lockout_message()

    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    assert lockout_message() in response.content.decode()
    assert [t.name for t in response.templates][0] == "registration/login.html"
    assert "_auth_user_id" not in client.session


def test_the_lock_holds_that_pair_only(client, staff):
    fail(client, 5)
    assert log_in(client, PASSWORD, address="10.0.0.2").status_code == 302
    client.logout()
    UserFactory(username="other")
    assert log_in(client, PASSWORD, username="other").status_code == 302


def test_the_lock_ends_after_fifteen_minutes(client, staff):
    fail(client, 5)
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=16)):
        assert log_in(client, PASSWORD).status_code == 302


def test_a_superuser_unlocks_in_the_wagtail_admin(client, staff):
    fail(client, 5)
    attempt = AccessAttempt.objects.get(username="sam")
    admin_client = client.__class__()
    admin_client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))

    listing = admin_client.get("/admin/login-lockouts/")
    assert listing.status_code == 200 and b"10.0.0.1" in listing.content
    # Rows come from django-axes alone: Wagtail answers "permission denied" (back to /admin/).
    refused = admin_client.get("/admin/login-lockouts/new/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    deleted = admin_client.post(f"/admin/login-lockouts/delete/{attempt.pk}/")
    assert deleted.status_code == 302
    assert not AccessAttempt.objects.exists()

    assert log_in(client, PASSWORD).status_code == 302


def test_lockouts_are_not_in_reach_of_educators(client, educator):
    client.force_login(educator)
    response = client.get("/admin/login-lockouts/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
