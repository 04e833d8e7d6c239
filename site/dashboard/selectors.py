"""Reads for the manager's dashboard, always over the viewer's managed locations."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from reminders.selectors import reminders_about

from certifications.selectors import (
    holdings_for,
    latest_verified_expiries,
    verified_records,
)
from dashboard.charts import (
    Chart,
    compliance_by_location,
    expiries_by_month,
    quiz_scores,
)
from dashboard.charts import coverage as coverage_chart
from dashboard.coverage import CoverageForecast, forecast
from dashboard.drill_chart import drill_times
from dashboard.inspection import VerifiedCard, inspection_pdf
from dashboard.inspection_kits import KIT_LOG_DAYS, KitLog, kit_log_lines
from dashboard.matrix import CERTIFICATION, Headline, Matrix, build_matrix
from dashboard.models import CoverageMinimum
from drills.selectors import (
    available_scenarios,
    critical_action_times,
    runs_of,
    team_drills_of,
)
from kits.selectors import location_kit_log
from organisation.compliance import Status, compliance_rows, compliance_standings
from organisation.models import JobRole, Location, StaffProfile
from organisation.policies import managed_locations
from organisation.selectors import (
    StaffLine,
    active_staff_at,
    profile_of,
    staff_at_locations,
    staff_lines,
)
from training.lesson_selectors import reading_of
from training.selectors import submitted_scores


@dataclass
class ComplianceView:
    staff: list[StaffLine]  # everyone in the location and role filters
    people: QuerySet[StaffProfile]  # the same people, to narrow other reads in the database
    matrix: Matrix
    reference_date: date  # the date figures like "expiring in 30 days" count from

    @property
    def headline(self) -> Headline:
        return self.matrix.headline


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
    """Staff of the viewer's managed locations, their matrix and its totals over everyone.

    A location outside the viewer's managed ones yields nobody (the form never offers it; the
    selector does not trust the form). Everyone is judged (totals, a status filter and the
    sorts are over everyone); the caller shows a page of `matrix.people`.
    """
    locations = managed_locations(viewer)
    if location is not None:
        locations = locations.filter(pk=location.pk)
    people = active_staff_at(locations, role=role)
    staff = staff_lines(people)
    reference = as_of or viewer_today(viewer, now=now)
    matrix = build_matrix(
        staff=staff,
        standings=compliance_standings(staff=staff, now=now, as_of=as_of),
        as_of=reference,
        status=status or None,
        sort=sort or "name",
    )
    return ComplianceView(staff=staff, people=people, matrix=matrix, reference_date=reference)


def dashboard_charts(*, viewer: AbstractBaseUser, view: ComplianceView) -> list[Chart]:
    """The charts under the headline, over the same staff and date as the matrix."""
    start = view.reference_date
    year_end = start + timedelta(days=365)
    return [
        coverage_chart(forecasts=coverage_forecasts(viewer=viewer, view=view)),
        expiries_by_month(
            expiries=matrix_expiries(view.matrix, start=start, end=year_end), start=start
        ),
        # The matrix has counted every cell per location already.
        compliance_by_location(
            counts=view.matrix.counts_by_location, locations=list(managed_locations(viewer))
        ),
        quiz_scores_chart(viewer=viewer, view=view),
        drill_times_chart(viewer=viewer, view=view),
    ]


def matrix_expiries(matrix: Matrix, *, start: date, end: date) -> list[tuple[date, str]]:
    """(expiry, type code) of each required certification whose counting card expires
    between `start` and `end`: read off the matrix, which has judged every card already."""
    return [
        (due_on, column.requirement_key)
        for column in matrix.columns
        if column.kind == CERTIFICATION
        for pk, due_on in column.due_on.items()
        if due_on is not None
        and start <= due_on <= end
        and column.status[pk] is not Status.MISSING  # its date is when it went missing
    ]


def quiz_scores_chart(*, viewer: AbstractBaseUser, view: ComplianceView) -> Chart:
    """Quiz attempts of the filtered staff, banded by score, per module."""
    staff_ids = {p.pk for p in view.staff}
    return quiz_scores(
        scores=[(t, s) for staff_id, t, s in submitted_scores(viewer) if staff_id in staff_ids]
    )


def drill_times_chart(*, viewer: AbstractBaseUser, view: ComplianceView) -> Chart:
    """Critical action times of the filtered staff's finished drill runs."""
    staff_ids = {p.pk for p in view.staff}
    times = [t for t in critical_action_times(viewer) if t.staff_id in staff_ids]
    titles = dict(available_scenarios().values_list("pk", "title"))
    return drill_times(times=times, scenario_titles=titles)


def coverage_forecasts(*, viewer: AbstractBaseUser, view: ComplianceView) -> list[CoverageForecast]:
    """One forecast per coverage minimum of the viewer's locations (within the view's filter).
    The cards read are only those of the types the minimums name."""
    location_ids = {pk for p in view.staff for pk in p.location_ids}
    minimums = list(
        CoverageMinimum.objects.filter(
            location__in=managed_locations(viewer), location_id__in=location_ids
        ).select_related("location", "role")
    )
    if not minimums:
        return []
    cards = latest_verified_expiries(
        viewer,
        staff=view.people,
        start=view.reference_date,
        codes=sorted({m.certification_code for m in minimums}),
    )
    expiries = {(staff_id, code): on for staff_id, code, on in cards}
    return [
        forecast(minimum=m, staff=view.staff, expiries=expiries, start=view.reference_date)
        for m in minimums
    ]


def inspection_packet_for(
    *, viewer: AbstractBaseUser, location: Location, as_of: date, now: datetime
) -> bytes:
    """The inspection PDF for one of the viewer's managed locations (the caller checked it)."""
    staff = list(staff_at_locations(managed_locations(viewer).filter(pk=location.pk)))
    rows = compliance_rows(staff=staff, now=now, as_of=as_of)
    staff_ids = {p.pk for p in staff}
    cards = [
        VerifiedCard(
            staff_id=record.staff_id,
            type_name=record.certification_type.name,
            card_number=record.card_number,
            issued_on=record.issued_on,
            expires_on=record.expires_on,
            verified_by=record.verified_by.get_full_name() if record.verified_by else "",
            verified_at=record.verified_at,
        )
        for record in verified_records(viewer, as_of=as_of)
        if record.staff_id in staff_ids
    ]
    kit_since = as_of - timedelta(days=KIT_LOG_DAYS - 1)
    kit_logs = [
        KitLog(str(kit), kit_log_lines(checks))
        for kit, checks in location_kit_log(location=location, since=kit_since, until=as_of)
    ]
    return inspection_pdf(
        location=location,
        as_of=as_of,
        staff=staff,
        rows=rows,
        cards=cards,
        prepared_by=viewer.get_full_name() or viewer.get_username(),
        prepared_at=now,
        kit_logs=kit_logs,
        kit_since=kit_since,
    )


def staff_record_context(*, profile: StaffProfile, viewer: AbstractBaseUser, now: datetime) -> dict:
    """Everything on a person's record page; the caller has checked the viewer may see them."""
    return {
        "profile": profile,
        "rows": compliance_rows(staff=[profile], now=now),
        "holdings": holdings_for(profile, now=now),
        "reminders": reminders_about(profile, viewer=viewer)[:100],
        "drill_runs": runs_of(profile)[:50],
        "team_drills": team_drills_of(profile, viewer=viewer)[:50],
        "reading": reading_of(profile),
        "audit": profile.audit_entries.select_related("actor")[:200],
    }
