"""StaffLines: the people of a page over thousands, read as plain values in three queries, and
what providers do with the query they carry."""

import datetime

import pytest

from certifications.models import CertificationRecord
from organisation import compliance
from organisation.compliance import (
    ComplianceRow,
    Status,
    compliance_standings,
    narrowed_to,
    provider_registered,
)
from organisation.models import Location
from organisation.selectors import active_staff_at, staff_lines
from tests.factories import JobRoleFactory, LocationFactory, StaffProfileFactory
from tests.factories.certifications import CertificationRecordFactory


@pytest.fixture
def clinic(db):
    north = LocationFactory(slug="north", time_zone="America/New_York")
    south = LocationFactory(slug="south", time_zone="Europe/London")
    injector, laser = JobRoleFactory(slug="injector"), JobRoleFactory(slug="laser")
    return {
        "north": north,
        "south": south,
        "injector": injector,
        "laser": laser,
        "ann": StaffProfileFactory(
            home_location=north,
            locations=[north, south],
            roles=[injector, laser],
            user__first_name="Ann",
            user__last_name="Able",
        ),
        "bo": StaffProfileFactory(
            home_location=south, roles=[laser], user__first_name="", user__last_name=""
        ),
        "gone": StaffProfileFactory(home_location=north, is_active=False),
        "elsewhere": StaffProfileFactory(home_location=LocationFactory()),
    }


def test_lines_hold_what_a_page_needs_in_three_queries(clinic, now, django_assert_num_queries):
    people = active_staff_at(
        Location.objects.filter(pk__in=[clinic["north"].pk, clinic["south"].pk])
    )
    with django_assert_num_queries(3):
        # By last name (Bo has none); Ann once though she works at both; not the inactive.
        bo, ann = staff_lines(people)
    assert (ann.pk, ann.display_name, ann.email) == (
        clinic["ann"].pk,
        "Ann Able",
        clinic["ann"].user.email,
    )
    assert ann.location_ids == tuple(sorted([clinic["north"].pk, clinic["south"].pk]))
    assert ann.role_ids == tuple(sorted([clinic["injector"].pk, clinic["laser"].pk]))
    assert bo.display_name == clinic["bo"].user.username  # no name: the username, as a profile
    # 02:30 UTC on 4 March: 3 March in New York, 4 March in London, as StaffProfile says.
    assert ann.local_date(now) == clinic["ann"].local_date(now) == datetime.date(2026, 3, 3)
    assert bo.local_date(now) == clinic["bo"].local_date(now) == datetime.date(2026, 3, 4)


def test_a_role_filter_keeps_only_its_holders(clinic):
    people = active_staff_at(Location.objects.all(), role=clinic["injector"])
    assert [line.pk for line in staff_lines(people)] == [clinic["ann"].pk]


def test_providers_narrow_by_the_query_by_few_pks_or_not_at_all(clinic, monkeypatch):
    everyone = [clinic[name] for name in ("ann", "bo", "gone", "elsewhere")]
    for person in everyone:
        CertificationRecordFactory(staff=person)
    records = CertificationRecord.objects.all()
    lines = staff_lines(active_staff_at(Location.objects.filter(slug="north")))
    assert {r.staff_id for r in narrowed_to(records, lines)} == {clinic["ann"].pk}
    assert "IN (SELECT" in str(narrowed_to(records, lines).query)  # a subquery, not a list
    few = [clinic["bo"], clinic["gone"]]
    assert {r.staff_id for r in narrowed_to(records, few)} == {p.pk for p in few}
    monkeypatch.setattr(compliance, "BULK_THRESHOLD", 1)
    assert narrowed_to(records, few).count() == len(everyone)  # many: the caller keeps its own


def test_a_kind_without_a_standings_form_is_read_from_its_rows(clinic, now):
    def rows(*, staff, now, as_of):
        return [
            ComplianceRow(
                staff_id=p.pk,
                kind="fake",
                requirement_key="K",
                label="Fake",
                status=Status.OVERDUE,
                due_on=datetime.date(2026, 1, 1),
                url="/",
            )
            for p in staff
        ]

    lines = staff_lines(active_staff_at(Location.objects.all()))
    with provider_registered("fake", rows):
        (column,) = [s for s in compliance_standings(staff=lines, now=now) if s.kind == "fake"]
    assert (column.requirement_key, column.label) == ("K", "Fake")
    assert column.status == {line.pk: Status.OVERDUE for line in lines}
    assert set(column.due_on.values()) == {datetime.date(2026, 1, 1)}
