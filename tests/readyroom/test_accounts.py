import re

import pytest
from django.core import mail

from organisation import groups
from tests.factories import StaffProfileFactory, UserFactory
from tests.factories.organisation import PASSWORD


@pytest.fixture
def staff(db):
    return StaffProfileFactory(user__username="sam", user__email="sam@clinic.test").user


def test_pages_need_a_login(client, home_page):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/"


def test_login_page_is_open_and_logs_in(client, staff):
    assert client.get("/accounts/login/").status_code == 200
    response = client.post("/accounts/login/", {"username": "sam", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"


def test_wrong_password_is_refused_with_a_message(client, staff):
    response = client.post("/accounts/login/", {"username": "sam", "password": "nope"})
    assert response.status_code == 200
    assert b"Please enter a correct username and password" in response.content


def test_logout_is_a_post_and_ends_the_session(client, staff, home_page):
    client.force_login(staff)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert client.get("/").status_code == 302


def test_password_change(client, staff):
    client.force_login(staff)
    response = client.post(
        "/accounts/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-long-phrase",
            "new_password2": "a-new-long-phrase",
        },
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.check_password("a-new-long-phrase")


def test_password_reset_by_email(client, staff):
    response = client.post("/accounts/password_reset/", {"email": "sam@clinic.test"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert b"Choose a new password" in form_page.content
    set_url = form_page.redirect_chain[-1][0]
    client.post(
        set_url, {"new_password1": "fresh-long-phrase", "new_password2": "fresh-long-phrase"}
    )
    staff.refresh_from_db()
    assert staff.check_password("fresh-long-phrase")


def test_password_reset_for_unknown_email_sends_nothing(client, db):
    response = client.post("/accounts/password_reset/", {"email": "nobody@clinic.test"})
    assert response.status_code == 302  # the same answer, so addresses cannot be probed
    assert mail.outbox == []


@pytest.mark.parametrize(
    "group_names, reaches_admin",
    [
        ([groups.STAFF], False),
        ([groups.STAFF, groups.MANAGERS], False),
        ([groups.STAFF, groups.EDUCATORS], True),
        ([groups.MEDICAL_DIRECTORS], True),
    ],
)
def test_only_authors_reach_wagtail_admin(client, db, group_names, reaches_admin):
    user = UserFactory(groups=group_names)
    client.force_login(user)
    response = client.get("/admin/")
    if reaches_admin:
        assert response.status_code == 200
        assert b"Dashboard" in response.content
    else:
        assert response.status_code == 302
        assert response["Location"] == "/accounts/login/?next=/admin/"
        landing = client.get(response["Location"])
        assert b"Not available to you" in landing.content
        assert client.get("/admin/pages/").status_code == 302
