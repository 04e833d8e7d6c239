from base64 import b32decode

from axe_playwright_python.sync_playwright import Axe
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from accounts.services import totp_secret_text
from tests.accounts.conftest import current_code
from tests.factories import ManagerFactory
from tests.factories.organisation import PASSWORD


def key_from_secret(secret: str) -> str:
    padded = secret + "=" * (-len(secret) % 8)
    return b32decode(padded).hex()


def test_manager_sets_up_two_step_login_then_logs_in_with_a_recovery_code(
    page, live_server, settings, external_requests, home_page
):
    settings.READYROOM_MFA_REQUIRED = True
    ManagerFactory(user__username="maria", user__first_name="Maria")

    page.goto(f"{live_server.url}/admin/login/")
    page.wait_for_url(f"{live_server.url}/accounts/login/?next=%2Fadmin%2F")
    assert page.locator("form").count() == 1
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("maria")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.wait_for_url(f"{live_server.url}/accounts/mfa/setup/?next=%2F")
    expect(page.locator("svg.mfa-qr")).to_be_visible()
    assert Axe().run(page).violations_count == 0
    secret = page.locator("#mfa-secret").inner_text().strip()
    key = key_from_secret(secret)
    assert totp_secret_text(key) == secret
    page.get_by_label("Six-digit code from your app").fill(current_code(key))
    page.get_by_role("button", name="Turn on two-step login").click()

    codes = page.get_by_role("list", name="Recovery codes").locator("li").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="I have saved them, continue").click()
    page.wait_for_url(f"{live_server.url}/")
    assert TOTPDevice.objects.filter(user__username="maria", confirmed=True).exists()

    # Next login: password, then a recovery code (the app's code was just used).
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("maria")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/accounts/mfa/verify/?next=%2F")
    assert Axe().run(page).violations_count == 0
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}/")
    assert external_requests == []
