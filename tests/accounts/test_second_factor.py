from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.selectors import SecondFactor, mfa_required, second_factor
from tests.accounts.conftest import give_authenticator
from tests.factories import StaffProfileFactory, UserFactory


def test_second_factor_says_what_has_mfa_and_mfa_required_say(staff, manager, educator):
    admin = UserFactory(username="root", is_superuser=True)
    regional = StaffProfileFactory(user__username="rachel")
    regional.managed_locations.add(regional.home_location)  # manages, in no managers' group
    give_authenticator(educator)

    for user in (staff, manager, educator, admin, regional.user):
        expected = SecondFactor(has_mfa=user == educator, required=mfa_required(user))
        assert second_factor(user) == expected, user.username
    assert [second_factor(u).required for u in (staff, manager, regional.user, admin)] == [
        False,
        True,
        True,
        True,
    ]


def test_the_middleware_asks_the_database_once_a_request(client, staff, settings):
    client.force_login(staff)
    client.get("/my/training/")
    with CaptureQueriesContext(connection) as without:
        assert client.get("/my/training/").status_code == 200
    settings.READYROOM_MFA_REQUIRED = True

    with CaptureQueriesContext(connection) as checked:
        assert client.get("/my/training/").status_code == 200

    assert len(checked) - len(without) == 1
