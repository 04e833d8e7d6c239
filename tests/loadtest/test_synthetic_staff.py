import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from organisation.models import AuditEntry, StaffProfile
from organisation.services import record_audit
from organisation.synthetic import (
    NO_DEMO_CLINIC,
    SYNTHETIC_PASSWORD,
    create_synthetic_staff,
    remove_synthetic_staff,
    synthetic_users,
)
from tests.factories import StaffProfileFactory


def test_synthetic_staff_log_in_with_the_known_password_at_a_demo_location(demo_places):
    locations, roles = demo_places

    assert create_synthetic_staff(count=3) == 3

    users = list(synthetic_users().order_by("username"))
    assert [u.username for u in users] == ["loadtest-0001", "loadtest-0002", "loadtest-0003"]
    assert all(u.check_password(SYNTHETIC_PASSWORD) for u in users)
    profiles = StaffProfile.objects.filter(user__in=users)
    assert {p.home_location for p in profiles} <= set(locations)
    assert all(list(p.roles.all())[0] in roles for p in profiles)
    assert all(list(p.locations.all()) == [p.home_location] for p in profiles)
    assert all(u.groups.filter(name="Staff").exists() for u in users)


def test_making_them_again_adds_only_the_missing(demo_places):
    create_synthetic_staff(count=2)

    assert create_synthetic_staff(count=3) == 1
    assert synthetic_users().count() == 3


def test_removal_takes_their_records_and_audit_entries_and_nobody_else(demo_places):
    create_synthetic_staff(count=2)
    synthetic = StaffProfile.objects.get(user__username="loadtest-0001")
    # Real people, one of them with a name that looks synthetic: only the three marks count.
    lookalike = StaffProfileFactory(user__username="loadtest-0099")
    colleague = StaffProfileFactory()
    now = timezone.now()
    for profile in (synthetic, lookalike, colleague):
        record_audit(staff=profile, action="test.noted", summary="noted", at=now, actor=None)

    removed = remove_synthetic_staff()

    assert (removed.people, removed.audit_entries) == (2, 1)
    assert not synthetic_users().exists()
    assert set(StaffProfile.objects.all()) == {lookalike, colleague}
    assert set(AuditEntry.objects.values_list("staff", flat=True)) == {lookalike.pk, colleague.pk}


def test_command_refuses_a_database_without_the_demo_clinic(db):
    with pytest.raises(CommandError, match="seed_demo"):
        call_command("loadtest_staff", "--count", "2")
    assert "seed_demo" in NO_DEMO_CLINIC
    assert not synthetic_users().exists()


def test_command_creates_and_removes(demo_places, capsys):
    call_command("loadtest_staff", "--count", "4")
    assert synthetic_users().count() == 4

    call_command("loadtest_staff", "--remove")

    assert not synthetic_users().exists()
    assert "Removed 4 synthetic staff" in capsys.readouterr().out
