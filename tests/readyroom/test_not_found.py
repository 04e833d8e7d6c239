"""The site's own 404 page (site/readyroom/templates/404.html) is what a missing page shows with
DEBUG off: in the site's layout, with a way home, for a signed-in person and a guest alike."""

import pytest

from tests.factories import StaffProfileFactory


@pytest.mark.django_db
def test_a_missing_page_shows_the_sites_404_page(client, home_page, settings):
    settings.DEBUG = False
    client.force_login(StaffProfileFactory().user)
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert [t.name for t in response.templates][:2] == ["404.html", "base.html"]
    body = response.content.decode()
    assert "Page not found" in body and 'href="/"' in body
    assert 'class="site-nav"' in body  # the signed-in layout, navigation and all
