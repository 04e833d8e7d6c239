"""plotly.js is loaded only where a chart is drawn, deferred at the end of the page."""

import re

import pytest

from tests.dashboard.plotly_bundle import BUNDLE_NAME, clinic_with_charts
from tests.factories import LocationFactory, ManagerFactory

SCRIPT = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"[^>]*>")
PLOTLY = "plotly"


@pytest.fixture
def maria(db):
    return clinic_with_charts(manager="maria")


def test_manage_defers_the_basic_bundle_and_charts_js_after_the_content(client, maria):
    client.force_login(maria.user)
    html = client.get("/manage/").content.decode()
    tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
    ours = [tag for tag in tags if "/dashboard/" in tag]
    assert [SCRIPT.match(tag).group(1).rsplit("/", 1)[-1] for tag in ours] == [
        BUNDLE_NAME.rsplit("/", 1)[-1],
        "charts.js",
    ]
    assert all(re.search(r"\bdefer\b", tag) for tag in ours), ours
    # After everything the page shows, so nothing waits for them.
    assert html.index(ours[0]) > html.index("</footer>")
    assert html.index(ours[-1]) < html.index("</body>")
    assert "plotly.min.js" not in html  # the full bundle is gone


def test_pages_without_a_chart_to_draw_load_no_plotly(client, maria, home_page):
    client.force_login(maria.user)
    staff_id = maria.managed_locations.first().staff.exclude(pk=maria.pk).first().pk
    for url in ("/", f"/manage/staff/{staff_id}/", "/manage/certifications/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert PLOTLY not in response.content.decode(), url
    # A filter that does not validate shows no charts.
    response = client.get("/manage/", {"as_of": "not a date"})
    assert response.status_code == 400 and PLOTLY not in response.content.decode()


def test_manage_with_nothing_to_chart_loads_no_plotly(db, client):
    lonely = ManagerFactory(home_location=LocationFactory(slug="empty"))
    client.force_login(lonely.user)
    response = client.get("/manage/")
    assert response.status_code == 200
    assert all(chart.figure is None for chart in response.context["charts"])
    assert PLOTLY not in response.content.decode()
