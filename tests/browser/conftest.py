"""Browser tests: Debian's Chromium driven by pytest-playwright against Django's live server."""

import os

import pytest

from tests.factories.organisation import PASSWORD

# The live server runs in a thread beside Playwright's event loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Never a downloaded browser; the network is closed, so no background requests either.
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def external_requests(page, live_server):
    """Every request the page makes that leaves the live server; a test asserts it is empty."""
    leaked = []
    origin = live_server.url

    def check(request):
        if not request.url.startswith((origin, "data:", "blob:", "about:")):
            leaked.append(request.url)

    page.on("request", check)
    return leaked


@pytest.fixture
def log_in(page, live_server):
    """Log in through the real form: log_in("sam") leaves the page on the home page."""

    def _log_in(username: str, password: str = PASSWORD):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(f"{live_server.url}/")
        return page

    return _log_in
