"""Exemptions laid over every kind's judgement (organisation.compliance.register_overlay): a
requirement a person is exempt from reads "Exempt until <date>" on their own date, in rows
(home page, staff record, packet, reminders) and standings (matrix, exports) alike."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from actions.models import Exemption
from organisation.compliance import ComplianceRow, Person, Standings, judged_on, narrowed_to
from organisation.status import Status


def _in_force(
    staff: Sequence[Person], *, now: datetime, as_of: date | None
) -> dict[tuple[int, str, str], date]:
    """(staff pk, kind, key) -> the exemption's end, for those in force on each person's own
    date (or `as_of`). One query; people's dates are worked out only for those exempt."""
    # Every local date lies within a day of UTC's: read what could be in force, judge below.
    earliest = as_of if as_of is not None else now.date() - timedelta(days=1)
    candidates = list(
        narrowed_to(
            Exemption.objects.filter(revoked_at__isnull=True, ends_on__gte=earliest), staff
        ).values_list("staff_id", "kind", "requirement_key", "starts_on", "ends_on")
    )
    if not candidates:
        return {}
    wanted = {c[0] for c in candidates}
    people = {p.pk: p for p in staff if p.pk in wanted}
    found: dict[tuple[int, str, str], date] = {}
    for staff_id, kind, key, starts_on, ends_on in candidates:
        person = people.get(staff_id)
        if person is None:
            continue
        day = judged_on(person, now=now, as_of=as_of)
        if starts_on <= day <= ends_on:
            found[(staff_id, kind, key)] = max(ends_on, found.get((staff_id, kind, key), ends_on))
    return found


class ExemptionOverlay:
    def rows(
        self, rows: list[ComplianceRow], *, staff: Sequence[Person], now: datetime, as_of
    ) -> list[ComplianceRow]:
        exempt = _in_force(staff, now=now, as_of=as_of) if rows else {}
        if not exempt:
            return rows
        return [
            replace(row, status=Status.EXEMPT, due_on=exempt[row.key], detail="")
            if row.key in exempt
            else row
            for row in rows
        ]

    def standings(
        self, standings: list[Standings], *, staff: Sequence[Person], now: datetime, as_of
    ) -> list[Standings]:
        exempt = _in_force(staff, now=now, as_of=as_of) if standings else {}
        if not exempt:
            return standings
        by_requirement: dict[tuple[str, str], dict[int, date]] = {}
        for (staff_id, kind, key), ends_on in exempt.items():
            by_requirement.setdefault((kind, key), {})[staff_id] = ends_on
        changed = []
        for column in standings:
            ends = by_requirement.get((column.kind, column.requirement_key))
            applies = {pk: d for pk, d in (ends or {}).items() if pk in column.status}
            if not applies:
                changed.append(column)
                continue
            # New dicts: a provider may hand out the same Standings again (cached judgements).
            status, due_on = dict(column.status), dict(column.due_on)
            for pk, ends_on in applies.items():
                status[pk], due_on[pk] = Status.EXEMPT, ends_on
            changed.append(replace(column, status=status, due_on=due_on))
        return changed
