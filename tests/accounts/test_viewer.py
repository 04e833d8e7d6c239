from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from accounts.selectors import Viewer, mfa_required, viewer_of
from organisation.policies import is_manager
from tests.accounts.conftest import give_authenticator
from tests.factories import StaffProfileFactory, UserFactory


def viewer(user) -> Viewer:
    request = RequestFactory().get("/")
    request.user = user
    return viewer_of(request)


def test_viewer_answers_as_the_four_checks_it_replaces(staff, manager, educator):
    admin = UserFactory(username="root", is_superuser=True)
    regional = StaffProfileFactory(user__username="rachel")
    regional.managed_locations.add(regional.home_location)  # manages, in no managers' group
    give_authenticator(educator)

    for user in (staff, manager, educator, admin, regional.user):
        assert viewer(user) == Viewer(
            has_mfa=user == educator,
            mfa_required=mfa_required(user),
            manages=is_manager(user),
            can_author=user.has_perm("wagtailadmin.access_admin"),
        ), user.username
    # Not all the same answer: each flag is told apart by someone.
    assert [viewer(u).mfa_required for u in (staff, manager, regional.user)] == [False, True, True]
    assert [viewer(u).can_author for u in (staff, educator, admin)] == [False, True, True]


def test_viewer_is_read_once_a_request(staff, django_assert_num_queries):
    request = RequestFactory().get("/")
    request.user = staff
    with django_assert_num_queries(1):
        first = viewer_of(request)
        assert viewer_of(request) is first


def test_a_page_asks_one_query_for_navigation_and_the_second_factor(client, staff, settings):
    client.force_login(staff)
    client.get("/my/training/")
    with CaptureQueriesContext(connection) as without:
        assert client.get("/my/training/").status_code == 200
    settings.READYROOM_MFA_REQUIRED = True

    with CaptureQueriesContext(connection) as checked:
        assert client.get("/my/training/").status_code == 200

    # The middleware's question is the navigation's, already asked: nothing more.
    assert len(checked) == len(without)
    assert sum("otp_totp_totpdevice" in q["sql"] for q in checked.captured_queries) == 1


def test_authors_see_the_authoring_link_and_staff_do_not(client, staff, educator):
    client.force_login(educator)
    assert 'href="/admin/">Authoring' in client.get("/my/training/").content.decode()
    client.force_login(staff)
    assert 'href="/admin/">Authoring' not in client.get("/my/training/").content.decode()
