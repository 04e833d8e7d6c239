"""Taking month-end snapshots: once per location and month, never rewritten."""

from collections import defaultdict
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction

from organisation.compliance import compliance_rows
from organisation.models import Location
from organisation.selectors import staff_at_locations
from snapshots.models import MonthEndSnapshot
from snapshots.pdf import snapshot_pdf


def last_month_end(day: date) -> date:
    """The last day of the month before `day`'s."""
    return day.replace(day=1) - timedelta(days=1)


def is_month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def take_snapshot(*, location: Location, month_end: date, now: datetime) -> MonthEndSnapshot:
    """Freeze `location`'s compliance matrix as of `month_end` (its last day of a month): each
    active person's requirements judged on that date, and the PDF drawn from them. Returns the
    existing snapshot when the month was taken already (two workers, a rerun): never a second,
    never a rewrite. ValueError for a date that is not a month's last day."""
    if not is_month_end(month_end):
        raise ValueError(f"{month_end} is not the last day of a month.")
    existing = MonthEndSnapshot.objects.filter(location=location, month_end=month_end).first()
    if existing is not None:
        return existing
    staff = list(staff_at_locations(Location.objects.filter(pk=location.pk)))
    rows = compliance_rows(staff=staff, now=now, as_of=month_end)
    by_person = defaultdict(list)
    for row in rows:
        by_person[row.staff_id].append(
            {
                "label": row.label,
                "kind": row.kind_label,
                "status": row.status.value,
                "due_on": row.due_on.isoformat() if row.due_on else None,
                "detail": row.detail,
            }
        )
    matrix = [
        {
            "name": person.display_name,
            "roles": ", ".join(role.name for role in person.role_list),
            "rows": by_person.get(person.pk, []),
        }
        for person in sorted(staff, key=lambda p: (p.user.last_name, p.user.first_name, p.pk))
    ]
    compliant = sum(
        1 for person in staff if not any(r.needs_action for r in rows if r.staff_id == person.pk)
    )
    pdf = snapshot_pdf(
        location_name=location.name,
        month_end=month_end,
        taken_at=now,
        matrix=matrix,
        compliant_count=compliant,
    )
    try:
        with transaction.atomic():
            return MonthEndSnapshot.objects.create(
                location=location,
                month_end=month_end,
                taken_at=now,
                staff_count=len(staff),
                compliant_count=compliant,
                matrix=matrix,
                pdf=pdf,
            )
    except IntegrityError:  # another worker took it first: theirs stands
        return MonthEndSnapshot.objects.get(location=location, month_end=month_end)


def take_due_snapshots(*, now: datetime) -> list[MonthEndSnapshot]:
    """For each location whose month has ended (on its own date), the snapshot of that month
    if it is not taken yet. Run hourly: a location's month closes at its local midnight."""
    taken = []
    for location in Location.objects.order_by("name"):
        month_end = last_month_end(location.local_date(now))
        if not MonthEndSnapshot.objects.filter(location=location, month_end=month_end).exists():
            taken.append(take_snapshot(location=location, month_end=month_end, now=now))
    return taken
