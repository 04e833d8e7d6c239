"""The site's own 403 page (site/readyroom/templates/403.html): a refusal says why, in the site's
layout, where Django's default page said only "403 Forbidden"."""

import pytest
from django.urls import reverse

from tests.factories import StaffProfileFactory


@pytest.mark.django_db
def test_a_refusal_shows_its_reason_in_the_sites_layout(client, settings):
    settings.DEBUG = False
    client.force_login(StaffProfileFactory().user)
    response = client.get(reverse("dashboard:manage"))
    assert response.status_code == 403
    assert [t.name for t in response.templates][:2] == ["403.html", "base.html"]
    body = response.content.decode()
    assert "Only managers can open this page." in body
    assert 'class="site-nav"' in body and 'href="/"' in body


@pytest.mark.django_db
def test_a_refusal_without_a_reason_gets_a_general_one(rf, settings):
    from django.core.exceptions import PermissionDenied
    from django.views.defaults import permission_denied

    settings.DEBUG = False
    request = rf.get("/")
    request.user = StaffProfileFactory().user
    body = permission_denied(request, PermissionDenied()).content.decode()
    assert "Your account cannot open this page or take this action." in body
