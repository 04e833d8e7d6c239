"""The session's user comes with their staff profile and who they are as a viewer, in one query
(accounts.backends), and answers as the separate reads it replaces."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from accounts.backends import ViewerBackend
from accounts.selectors import _read_viewer, viewer_of
from organisation.selectors import profile_of
from tests.accounts.conftest import give_authenticator
from tests.factories import StaffProfileFactory, UserFactory


def test_the_session_user_brings_profile_and_viewer_in_one_query(
    staff, manager, educator, django_assert_num_queries
):
    give_authenticator(educator)
    admin = UserFactory(username="root", is_superuser=True)
    nobody = UserFactory(username="no-profile")
    for user in (staff, manager, educator, nobody):
        request = RequestFactory().get("/")
        with django_assert_num_queries(1):
            request.user = ViewerBackend().get_user(user.pk)
            profile = profile_of(request.user)
            viewer = viewer_of(request)
        assert viewer == _read_viewer(user), user.username
        assert profile == getattr(user, "staff_profile", None)
        if profile is not None:
            assert profile.user is request.user and profile.home_location is not None
    # A superuser manages every location: their flags are read by viewer_of's own query.
    request = RequestFactory().get("/")
    request.user = ViewerBackend().get_user(admin.pk)
    assert viewer_of(request) == _read_viewer(admin)


def test_an_inactive_or_missing_user_is_nobody(db):
    gone = StaffProfileFactory(user__is_active=False).user
    assert ViewerBackend().get_user(gone.pk) is None
    assert ViewerBackend().get_user(gone.pk + 1000) is None


def test_a_page_asks_one_query_for_the_user_their_profile_and_the_navigation(client, staff):
    client.force_login(staff)
    client.get("/my/training/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/my/training/").status_code == 200
    sql = [query["sql"] for query in captured.captured_queries]
    assert sum('FROM "auth_user"' in query for query in sql) == 1
    assert not any(query.startswith('SELECT "organisation_staffprofile"') for query in sql)
