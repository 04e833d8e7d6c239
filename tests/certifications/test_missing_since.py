"""A required certification with no card is "Missing since <date>" (issue 16, part 5): the
later of the person's hire date and the day (on their calendar) their roles began to require
it. When a person was given a role is recorded nowhere, so it cannot count. The matrix, its
exports and the staff record show that date; a card uploaded ends it."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from certifications import services
from certifications.selectors import certification_rows, certification_standings
from organisation.compliance import Status
from tests.factories import JobRoleFactory, StaffProfileFactory
from tests.factories.certifications import (
    CertificationRecordFactory,
    CertificationRequirementFactory,
    pdf_upload,
)

UTC = datetime.UTC
# Late evening on 9 January in Boston is already 10 January in UTC.
REQUIRED_AT = datetime.datetime(2026, 1, 10, 3, 0, tzinfo=UTC)


@pytest.fixture
def laser(bls):
    """A role whose BLS requirement began on REQUIRED_AT."""
    role = JobRoleFactory(slug="laser")
    CertificationRequirementFactory(role=role, certification_type=bls, added_at=REQUIRED_AT)
    return role


def _person(brookline, roles, hired):
    return StaffProfileFactory(home_location=brookline, roles=roles, hire_date=hired)


def _row(person, now):
    (row,) = certification_rows(staff=[person], now=now, as_of=None)
    return row


def test_missing_since_the_requirement_began_on_the_persons_calendar(laser, brookline, now):
    person = _person(brookline, [laser], datetime.date(2024, 5, 1))
    row = _row(person, now)
    # 03:00 UTC on 10 January is 22:00 on 9 January in Boston.
    assert (row.status, row.due_on) == (Status.MISSING, datetime.date(2026, 1, 9))
    assert row.due_phrase == "since"


def test_missing_since_the_hire_date_when_hired_after(laser, brookline, now):
    person = _person(brookline, [laser], datetime.date(2026, 2, 16))
    assert _row(person, now).due_on == datetime.date(2026, 2, 16)


def test_a_requirement_older_than_its_record_counts_from_the_hire_date(
    bls, brookline, injector, laser, now
):
    # `injector` requires BLS with no recorded start (as rows from before migration 0005):
    # for someone holding both roles BLS has been required at least since their hire.
    injector.certification_requirements.update(added_at=None)
    person = _person(brookline, [injector, laser], datetime.date(2023, 3, 1))
    assert _row(person, now).due_on == datetime.date(2023, 3, 1)
    person.hire_date = None
    person.save()
    row = _row(person, now)
    assert (row.status, row.due_on) == (Status.MISSING, None)  # nothing known: no date


def test_the_first_role_to_require_it_counts(bls, brookline, laser, now):
    later = JobRoleFactory(slug="later")
    CertificationRequirementFactory(
        role=later, certification_type=bls, added_at=datetime.datetime(2026, 2, 20, tzinfo=UTC)
    )
    person = _person(brookline, [later, laser], datetime.date(2020, 1, 1))
    assert _row(person, now).due_on == datetime.date(2026, 1, 9)


def test_rejected_cards_alone_leave_it_missing_since(laser, bls, brookline, now):
    person = _person(brookline, [laser], datetime.date(2020, 1, 1))
    CertificationRecordFactory(staff=person, certification_type=bls, rejected=True)
    row = _row(person, now)
    assert (row.status, row.due_on) == (Status.MISSING, datetime.date(2026, 1, 9))
    assert row.note  # and the person is told why the card was rejected


def test_an_uploaded_card_ends_it_and_waits_on_a_manager(laser, bls, brookline, now):
    person = _person(brookline, [laser], datetime.date(2020, 1, 1))
    services.upload_record(
        staff=person,
        certification_type=bls,
        issued_on=datetime.date(2026, 2, 1),
        card_file=pdf_upload(),
        actor=person.user,
        now=now,
    )
    row = _row(person, now)
    assert (row.status, row.due_on, row.waits_on_manager) == (
        Status.AWAITING_VERIFICATION,
        None,
        True,
    )


def test_standings_carry_the_same_date(laser, brookline, now):
    person = _person(brookline, [laser], datetime.date(2020, 1, 1))
    (column,) = certification_standings(staff=[person], now=now, as_of=None)
    assert (column.status[person.pk], column.due_on[person.pk]) == (
        Status.MISSING,
        datetime.date(2026, 1, 9),
    )


# What a manager reads: the staff record, the matrix and its exports.


@pytest.fixture
def missing_card(laser, brookline, maria):
    return StaffProfileFactory(
        home_location=brookline,
        roles=[laser],
        hire_date=datetime.date(2020, 1, 1),
        user__first_name="Mo",
        user__last_name="Missing",
    )


def test_the_staff_record_says_missing_since(client, maria, missing_card, home_page):
    client.force_login(maria.user)
    page = client.get(reverse("dashboard:staff_record", args=[missing_card.pk])).content.decode()
    assert 'since <time datetime="2026-01-09">9 Jan 2026</time>' in page


def test_the_matrix_says_missing_since(client, maria, missing_card, home_page):
    client.force_login(maria.user)
    page = client.get(reverse("dashboard:manage")).content.decode()
    assert (
        '<span class="cell__status">Missing</span><br>since '
        '<time datetime="2026-01-09">9 Jan 2026</time>'
    ) in page


def test_the_export_holds_the_date_in_the_date_column(client, maria, missing_card, home_page):
    client.force_login(maria.user)
    response = client.get(reverse("dashboard:export_csv"))
    header, *lines = list(csv.reader(io.StringIO(response.content.decode())))
    (line,) = [line for line in lines if line[0] == "Mo Missing"]
    status_at = header.index("Basic Life Support (Certification) status")
    assert line[status_at : status_at + 2] == ["Missing", "2026-01-09"]


def test_the_inspection_packet_says_missing_since(client, maria, missing_card, home_page):
    client.force_login(maria.user)
    response = client.get(reverse("dashboard:inspection_packet", args=["brookline"]))
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Missing since 9 Jan 2026" in " ".join(text.split())


def test_the_person_reads_missing_since_on_their_certifications(client, missing_card, home_page):
    client.force_login(missing_card.user)
    page = client.get(reverse("certifications:my_certifications")).content.decode()
    assert 'since <time datetime="2026-01-09">9 Jan 2026</time>' in page
