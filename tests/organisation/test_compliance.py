import datetime

import pytest

from organisation.compliance import (
    ComplianceRow,
    Status,
    compliance_rows,
    judged_on,
    provider_registered,
    register_provider,
    registered_kinds,
)
from tests.factories import LocationFactory, StaffProfileFactory


def _row(staff_id, status, due_on, kind="alpha", key="BLS"):
    return ComplianceRow(
        staff_id=staff_id,
        kind=kind,
        requirement_key=key,
        label=key,
        status=status,
        due_on=due_on,
        url="/my/certifications/",
    )


def test_row_key_ignores_status_and_due_date():
    a = _row(1, Status.CURRENT, datetime.date(2027, 1, 31))
    b = _row(1, Status.OVERDUE, datetime.date(2026, 1, 31))
    assert a.key == b.key == (1, "alpha", "BLS")
    assert not a.needs_action and b.needs_action


def test_status_values_are_the_five_the_design_names_and_exempt():
    # "exempt": a manager's exemption (issue 16), laid over any kind's judgement (actions).
    assert [s.value for s in Status] == [
        "current",
        "due_soon",
        "awaiting",
        "overdue",
        "missing",
        "exempt",
    ]
    assert Status.DUE_SOON.label == "Due soon"
    assert Status.AWAITING_VERIFICATION.label == "Awaiting verification"


def test_rows_come_from_every_registered_provider_in_order(db, now):
    profile = StaffProfileFactory()
    calls = []

    def certs(*, staff, now, as_of):
        calls.append(("certs", [p.pk for p in staff], as_of))
        return [_row(p.pk, Status.OVERDUE, datetime.date(2026, 2, 1)) for p in staff]

    def training(*, staff, now, as_of):
        calls.append(("training", [p.pk for p in staff], as_of))
        return [_row(p.pk, Status.MISSING, None, kind="beta", key="m1") for p in staff]

    with provider_registered("alpha", certs), provider_registered("beta", training):
        rows = compliance_rows(staff=[profile], now=now, kinds=["alpha", "beta"])
        only_beta = compliance_rows(staff=[profile], now=now, kinds=["beta"])

    assert [(r.kind, r.status) for r in rows] == [
        ("alpha", Status.OVERDUE),
        ("beta", Status.MISSING),
    ]
    assert [r.kind for r in only_beta] == ["beta"]
    assert calls[0] == ("certs", [profile.pk], None)
    assert "alpha" not in registered_kinds()  # the context manager cleaned up


def test_registering_a_kind_twice_is_refused():
    def provider(*, staff, now, as_of):
        return []

    def other(*, staff, now, as_of):
        return []

    with provider_registered("drill", provider):
        with pytest.raises(ValueError, match="already registered"):
            register_provider("drill", other)


def test_people_are_judged_on_their_own_locations_date(db, now):
    # 02:30 UTC on 4 March is still 3 March in New York and 4 March in London.
    new_york = StaffProfileFactory(home_location=LocationFactory(time_zone="America/New_York"))
    london = StaffProfileFactory(home_location=LocationFactory(time_zone="Europe/London"))
    assert judged_on(new_york, now=now, as_of=None) == datetime.date(2026, 3, 3)
    assert judged_on(london, now=now, as_of=None) == datetime.date(2026, 3, 4)
    assert judged_on(new_york, now=now, as_of=datetime.date(2026, 6, 1)) == datetime.date(
        2026, 6, 1
    )


def test_a_row_says_its_date_and_its_kind_in_words():
    due = datetime.date(2027, 1, 31)
    card = ComplianceRow(
        staff_id=1,
        kind="certification",
        requirement_key="BLS",
        label="BLS",
        status=Status.OVERDUE,
        due_on=due,
        url="/",
        due_word="expires",
    )
    assert (card.due_phrase, card.kind_label) == ("expired", "Certification")
    assert _row(1, Status.OVERDUE, due).due_phrase == "was due"
    assert _row(1, Status.DUE_SOON, due).due_phrase == "due"
    assert _row(1, Status.CURRENT, due, kind="unnamed").kind_label == "unnamed"
