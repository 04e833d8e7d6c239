"""/manage/ as a manager first loads it: static files served as production serves them
(hashed names, compressed copies, whitenoise), and the charts' summaries and data tables
there without JavaScript. (Where plotly.js is loaded: tests/dashboard/test_chart_scripts.py.)"""

from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from tests.dashboard.plotly_bundle import clinic_with_charts
from tests.factories.organisation import PASSWORD

LIMIT_BYTES = 1_500_000  # issue 13: /manage/ transfers under 1.5 MB on first load
DRAWN = ("coverage", "expiries", "compliance-by-location")


@pytest.fixture
def production_static(tmp_path, settings):
    """Our apps' static files collected by production's storage into a fresh STATIC_ROOT, for
    whitenoise to serve. (Wagtail's admin files are left out: compressing them all takes most
    of a `collectstatic`, and the site's pages use none.)"""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "readyroom.staticfiles.CompressedManifestStorage"},
    }
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATICFILES_DIRS = [
        static
        for config in apps.get_app_configs()
        if (static := Path(config.path) / "static").is_dir()
        and static.is_relative_to(settings.BASE_DIR)
    ]
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


@pytest.fixture
def production_server(transactional_db, production_static):
    """A live server whose static files go through whitenoise (the test live server serves
    them itself, uncompressed)."""
    server = LiveServer("127.0.0.1:0", start=False)
    server.thread.static_handler = lambda app: app
    server.start()
    yield server.url
    server.stop()


def log_in(page, url: str, username: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{url}/")


def test_first_load_of_manage_transfers_under_1_5_mb(page, production_server):
    clinic_with_charts(manager="maria")
    log_in(page, production_server, "maria")
    # Bytes on the wire (headers and the body as sent) of every response the page needs, with
    # nothing cached.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    responses, wire = {}, {}
    cdp.on("Network.responseReceived", lambda e: responses.update({e["requestId"]: e["response"]}))
    cdp.on(
        "Network.loadingFinished",
        lambda e: wire.update({e["requestId"]: e["encodedDataLength"]}),
    )
    page.goto(f"{production_server}/manage/")
    for slug in DRAWN:
        page.wait_for_selector(f'[data-chart="{slug}"][data-drawn="true"]')
    page.wait_for_load_state("networkidle")

    sizes = {responses[rid]["url"]: size for rid, size in wire.items() if rid in responses}
    total = sum(sizes.values())
    listing = "\n".join(f"{size:>9,} {url}" for url, size in sorted(sizes.items()))
    assert total < LIMIT_BYTES, f"{total:,} bytes:\n{listing}"
    (plotly,) = [r for r in responses.values() if "plotly-basic" in r["url"]]
    headers = {k.lower(): v for k, v in plotly["headers"].items()}
    assert headers.get("content-encoding") in {"br", "gzip"}, headers
    assert sizes[plotly["url"]] < 500_000, listing  # 1.2 MB as a file


def test_without_javascript_each_chart_keeps_its_summary_and_table(
    browser, live_server, transactional_db
):
    clinic_with_charts(manager="maria")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, "maria")
    page.goto(f"{live_server.url}/manage/")
    chart = page.locator("figure.chart", has=page.get_by_role("heading", name="Expiries"))
    expect(chart.locator(".chart__summary")).to_be_visible()
    assert "busiest month" in chart.locator(".chart__summary").inner_text()
    # No empty box where the chart would be drawn; the table opens with no script.
    assert not chart.locator(".chart__plot").is_visible()
    chart.get_by_text("Data table").click()
    expect(chart.locator("table tbody tr").first).to_be_visible()
    assert chart.locator("table tbody tr").count() == 12
    context.close()
