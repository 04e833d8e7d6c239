import pytest
from django.core import mail

from tests.accounts.conftest import current_code, give_authenticator
from tests.factories.organisation import PASSWORD

LOGIN = "/accounts/login/"


def test_admin_login_hands_over_to_the_site_login_keeping_next(client, db):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=%2Fadmin%2Fpages%2F"


def test_admin_login_without_next_returns_to_the_admin(client, db):
    assert client.get("/admin/login/")["Location"] == f"{LOGIN}?next=%2Fadmin%2F"


def test_admin_login_drops_a_next_to_another_site(client, db):
    response = client.get("/admin/login/?next=https://evil.example/")
    assert response["Location"] == f"{LOGIN}?next=%2Fadmin%2F"


def test_the_one_login_page_has_one_form(client, db):
    page = client.get(f"{LOGIN}?next=/admin/").content.decode()
    assert page.count('type="password"') == 1
    assert page.count("<form") == 1
    assert "wagtail" not in page.lower()


def test_anonymous_admin_goes_to_the_site_login(client, db):
    response = client.get("/admin/")
    assert response["Location"] == f"{LOGIN}?next=/admin/"


@pytest.mark.usefixtures("mfa_on")
def test_the_admin_asks_for_the_same_second_factor(client, educator):
    client.force_login(educator)
    response = client.get("/admin/")
    assert response["Location"] == "/accounts/mfa/setup/?next=%2Fadmin%2F"

    device = give_authenticator(educator)
    response = client.get("/admin/pages/")
    assert response["Location"] == "/accounts/mfa/verify/?next=%2Fadmin%2Fpages%2F"
    # Nor do the admin's own files leak past the gate.
    assert client.get("/admin/sprite/")["Location"].startswith("/accounts/mfa/verify/")

    client.post("/accounts/mfa/verify/", {"code": current_code(device.key)})
    response = client.get("/admin/")
    assert response.status_code == 200 and b"Dashboard" in response.content


@pytest.mark.usefixtures("mfa_on")
def test_password_then_code_then_the_admin(client, educator):
    device = give_authenticator(educator)
    response = client.post(
        LOGIN, {"username": "evan", "password": PASSWORD, "next": "/admin/"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/accounts/mfa/verify/?next=%2Fadmin%2F"
    response = client.post(
        "/accounts/mfa/verify/", {"code": current_code(device.key), "next": "/admin/"}, follow=True
    )
    assert response.redirect_chain == [("/admin/", 302)]
    assert b"Dashboard" in response.content
    # The admin's icon sprite answers SVG, not a login page (the old XML parse error).
    sprite = client.get("/admin/sprite/")
    assert sprite.status_code == 200 and sprite["Content-Type"].startswith("image/svg+xml")


def test_wagtails_own_password_reset_is_out_of_reach(client, staff):
    # Only the site's reset (queued, capped) sends reset mail.
    response = client.post("/admin/password_reset/", {"email": "sam@clinic.test"})
    assert response.status_code == 302
    assert response["Location"].startswith(f"{LOGIN}?next=")
    assert mail.outbox == []
