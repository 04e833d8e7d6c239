"""Reads for the manager's dashboard, always over the viewer's managed locations."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser

from certifications.selectors import expiries_between
from dashboard.charts import Chart, compliance_by_location, expiries_by_month
from dashboard.matrix import Headline, Matrix, build_matrix, headline
from organisation.compliance import ComplianceRow, compliance_rows
from organisation.models import JobRole, Location, StaffProfile
from organisation.selectors import managed_locations, profile_of, staff_at_locations


@dataclass
class ComplianceView:
    staff: list[StaffProfile]
    rows: list[ComplianceRow]
    matrix: Matrix
    headline: Headline
    reference_date: date  # the date figures like "expiring in 30 days" count from


def viewer_today(viewer: AbstractBaseUser, *, now: datetime) -> date:
    profile = profile_of(viewer)
    return profile.local_date(now) if profile else now.date()


def compliance_view(
    *,
    viewer: AbstractBaseUser,
    now: datetime,
    location: Location | None = None,
    role: JobRole | None = None,
    status: str | None = None,
    as_of: date | None = None,
    sort: str = "name",
) -> ComplianceView:
    """Staff of the viewer's managed locations, their rows, the matrix and the headline.

    A location outside the viewer's managed ones yields nobody (the form never offers it; the
    selector does not trust the form).
    """
    locations = managed_locations(viewer)
    if location is not None:
        locations = locations.filter(pk=location.pk)
    staff_qs = staff_at_locations(locations)
    if role is not None:
        staff_qs = staff_qs.filter(roles=role)
    staff = list(staff_qs)
    rows = compliance_rows(staff=staff, now=now, as_of=as_of)
    reference = as_of or viewer_today(viewer, now=now)
    return ComplianceView(
        staff=staff,
        rows=rows,
        matrix=build_matrix(staff=staff, rows=rows, status=status or None, sort=sort or "name"),
        headline=headline(staff=staff, rows=rows, as_of=reference),
        reference_date=reference,
    )


def dashboard_charts(*, viewer: AbstractBaseUser, view: ComplianceView) -> list[Chart]:
    """The charts under the headline, over the same staff and date as the matrix."""
    start = view.reference_date
    expiries = expiries_between(viewer, start=start, end=start + timedelta(days=365))
    return [
        expiries_by_month(
            expiries=list(expiries.values_list("expires_on", "certification_type__code")),
            start=start,
        ),
        compliance_by_location(
            staff=view.staff, rows=view.rows, locations=list(managed_locations(viewer))
        ),
    ]
