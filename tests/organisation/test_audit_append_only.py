"""The audit trail is append-only: nothing updates or deletes a row; people are deactivated."""

import datetime
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import ProtectedError
from django.urls import reverse

from organisation.audit import HAS_AUDIT_HISTORY
from organisation.models import AuditEntry, StaffProfile
from organisation.services import deactivate_staff, record_audit
from tests.factories import LocationFactory, StaffProfileFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime.datetime(2026, 3, 4, 2, 30, tzinfo=datetime.UTC)


def _history(profile, actor=None):
    return record_audit(staff=profile, action="test.done", summary="Done.", at=NOW, actor=actor)


def test_no_code_outside_the_demo_reset_updates_or_deletes_audit_rows():
    """A guard on the source: every write to AuditEntry other than create is a finding."""
    writes = re.compile(
        r"(AuditEntry\.objects|audit_entries|AuditEntry\b)[^\n]*\.(update|delete|bulk_update)\(|"
        r"(entry|audit)\.(save|delete)\(",
    )
    findings = []
    for folder in ("site", "certifications", "drills", "training", "content"):
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                if writes.search(line):
                    findings.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert findings == [
        "site/organisation/demo.py:{}: deleted, _ = AuditEntry.objects.filter(staff__in=profiles)"
        ".delete()".format(_line_of("site/organisation/demo.py", "deleted, _ = AuditEntry"))
    ]


def _line_of(relative: str, text: str) -> int:
    lines = (ROOT / relative).read_text().splitlines()
    return next(n for n, line in enumerate(lines, start=1) if text in line)


def test_a_person_with_history_cannot_be_deleted_nor_can_the_one_who_acted(db):
    person, manager = StaffProfileFactory(), StaffProfileFactory()
    _history(person, actor=manager.user)
    for doomed in (person, person.user, manager.user):
        with pytest.raises(ProtectedError):
            doomed.delete()
    assert AuditEntry.objects.count() == 1
    assert StaffProfile.objects.count() == 2


def test_a_person_without_history_can_still_be_deleted(db):
    mistake = StaffProfileFactory()
    mistake.user.delete()
    assert not StaffProfile.objects.exists()


def test_deactivation_locks_the_person_out_and_is_audited_once(db):
    person, manager = StaffProfileFactory(), StaffProfileFactory()
    deactivate_staff(profile=person, actor=manager.user, now=NOW, reason="left the clinic")
    person.refresh_from_db()
    assert (person.is_active, person.user.is_active) == (False, False)
    entry = AuditEntry.objects.get(staff=person)
    assert (entry.action, entry.actor, entry.at) == ("staff.deactivated", manager.user, NOW)
    assert entry.summary == f"{person.display_name} deactivated: left the clinic"
    deactivate_staff(profile=person, actor=manager.user, now=NOW)
    assert AuditEntry.objects.filter(staff=person).count() == 1


def test_the_roster_import_audits_whom_it_deactivates(db, tmp_path):
    north = LocationFactory(slug="north")
    kept, gone = StaffProfileFactory(home_location=north), StaffProfileFactory(home_location=north)
    path = tmp_path / "roster.csv"
    path.write_text(
        "email,first_name,last_name,roles,locations,hire_date\n"
        f"{kept.user.email},Kept,Person,,north,\n"
    )
    call_command("import_roster", str(path), "--deactivate-missing", stdout=open("/dev/null", "w"))
    entry = AuditEntry.objects.get(action="staff.deactivated")
    assert (entry.staff, entry.actor) == (gone, None)
    assert "absent from the roster" in entry.summary


@pytest.fixture
def admin_client(client, db):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    client.admin = admin
    return client


def test_the_admin_refuses_to_delete_a_person_with_history_and_says_what_to_do(admin_client):
    person = StaffProfileFactory(user__first_name="Sam", user__last_name="Lee")
    _history(person)
    for url in (
        f"/admin/staffprofile/delete/{person.pk}/",
        reverse("wagtailusers_users:delete", args=[person.user.pk]),
    ):
        response = admin_client.post(url, follow=True)
        assert response.status_code == 200
        shown = [str(m) for m in response.context["messages"]]
        assert str(HAS_AUDIT_HISTORY % {"name": "Sam Lee"}) in shown
    assert StaffProfile.objects.filter(pk=person.pk).exists()
    assert get_user_model().objects.filter(pk=person.user.pk).exists()


def test_the_admin_still_deletes_a_person_created_by_mistake(admin_client):
    person = StaffProfileFactory()
    response = admin_client.post(f"/admin/staffprofile/delete/{person.pk}/")
    assert response.status_code == 302
    assert not StaffProfile.objects.filter(pk=person.pk).exists()


def test_unticking_active_in_the_admin_deactivates_through_the_service(admin_client):
    location = LocationFactory()
    person = StaffProfileFactory(home_location=location, locations=[location])
    response = admin_client.post(
        f"/admin/staffprofile/edit/{person.pk}/",
        {
            "user": person.user.pk,
            "locations": [location.pk],
            "home_location": location.pk,
            "hire_date": "",
            # is_active left out: the checkbox is unticked
        },
    )
    assert response.status_code == 302, response.content[:3000]
    person.refresh_from_db()
    assert (person.is_active, person.user.is_active) == (False, False)
    entry = AuditEntry.objects.get(staff=person)
    assert (entry.action, entry.actor) == ("staff.deactivated", admin_client.admin)
