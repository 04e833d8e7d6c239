"""The compliance matrix of certification requirements in hand-written SQL, for `make bench`.

Two uses: an independent check of the app's matrix (a second implementation of the rule in
certifications.status, written from its docstrings, must agree cell by cell), and the
yardstick for the app's speed (the dashboard should cost at most twice what the database
alone needs). Nothing in the app reads this: status judging lives in the providers.

Covers certification requirements only; the bench's staff have no others, and the bench
fails loudly if the app's matrix holds another kind. On SQLite, which has no time zones,
"the local date an unverified card was uploaded" (the clinic's pending-counts policy) is
taken in UTC, as the bench's location is.
"""

import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cached_property

from django.db import connection

from organisation.models import Location

# Shared by both dialects: who is in the matrix, what their roles require, their latest
# verified expiries and the pairs with a card awaiting verification. Parameters are named
# (%(name)s); {locations} becomes one placeholder per managed location.
STAFF_AND_REQUIRED = """
staff AS MATERIALIZED (
  SELECT sp.id, sp.home_location_id
  FROM organisation_staffprofile sp
  WHERE sp.is_active
    AND sp.id IN (SELECT sl.staffprofile_id FROM organisation_staffprofile_locations sl
                  WHERE sl.location_id IN ({locations}))
),
required AS (  -- and since when: the first of the person's roles to require the type (none
               -- when any of those requirements has no recorded start)
  SELECT r.staffprofile_id AS staff_id, cr.certification_type_id AS type_id,
         CASE WHEN COUNT(*) = COUNT(cr.added_at) THEN MIN(cr.added_at) END AS added_at
  FROM organisation_staffprofile_roles r
  JOIN certifications_certificationrequirement cr ON cr.role_id = r.jobrole_id
  WHERE r.staffprofile_id IN (SELECT id FROM staff)
  GROUP BY r.staffprofile_id, cr.certification_type_id
),
verified AS (
  SELECT c.staff_id, c.certification_type_id AS type_id, MAX(c.expires_on) AS expires_on
  FROM certifications_certificationrecord c
  WHERE c.verification_status = 'verified' AND c.staff_id IN (SELECT id FROM staff)
  GROUP BY c.staff_id, c.certification_type_id
),
pending_pairs AS (  -- few: only these need the newest card found
  SELECT DISTINCT c.staff_id, c.certification_type_id AS type_id
  FROM certifications_certificationrecord c
  WHERE c.verification_status = 'pending' AND c.staff_id IN (SELECT id FROM staff)
)"""

POSTGRESQL = (
    "WITH "
    + STAFF_AND_REQUIRED
    + """,
days AS (
  SELECT s.id AS staff_id, COALESCE(l.time_zone, 'UTC') AS tz,
         COALESCE(%(as_of)s::date,
                  (%(now)s::timestamptz AT TIME ZONE COALESCE(l.time_zone, 'UTC'))::date) AS day
  FROM staff s LEFT JOIN organisation_location l ON l.id = s.home_location_id
),
newest_live AS (  -- the newest card that is not rejected, where any card awaits verification
  SELECT DISTINCT ON (c.staff_id, c.certification_type_id)
         c.staff_id, c.certification_type_id AS type_id, c.verification_status,
         c.expires_on, c.uploaded_at
  FROM certifications_certificationrecord c
  WHERE c.verification_status <> 'rejected'
    AND (c.staff_id, c.certification_type_id) IN (SELECT staff_id, type_id FROM pending_pairs)
  ORDER BY c.staff_id, c.certification_type_id, c.uploaded_at DESC, c.id DESC
),
facts AS MATERIALIZED (  -- computed once, however often the expressions below use it
  SELECT q.staff_id, t.code, d.day, t.renewal_window_days AS soon, t.grace_days AS grace,
         v.expires_on AS verified_on, p.expires_on AS pending_on, p.staff_id IS NOT NULL AS pending,
         -- a missing card's date: the later of the hire date and the requirement's start
         -- (GREATEST skips NULLs)
         GREATEST(sp.hire_date, (q.added_at AT TIME ZONE d.tz)::date) AS missing_since,
         (p.staff_id IS NOT NULL AND t.pending_counts_as_current_days > 0
          AND d.day <= (p.uploaded_at AT TIME ZONE d.tz)::date + t.pending_counts_as_current_days
          AND (v.expires_on IS NULL OR p.expires_on > v.expires_on)) AS counted
  FROM required q
  JOIN certifications_certificationtype t ON t.id = q.type_id
  JOIN days d ON d.staff_id = q.staff_id
  JOIN organisation_staffprofile sp ON sp.id = q.staff_id
  LEFT JOIN verified v ON v.staff_id = q.staff_id AND v.type_id = q.type_id
  LEFT JOIN newest_live p ON p.staff_id = q.staff_id AND p.type_id = q.type_id
                         AND p.verification_status = 'pending'
),
judged AS (
  SELECT f.*, CASE WHEN f.counted THEN f.pending_on ELSE f.verified_on END AS due_on
  FROM facts f
),
graded AS (
  SELECT j.*, CASE WHEN j.due_on IS NULL THEN 'missing'
                   WHEN j.day > j.due_on + j.grace THEN 'overdue'
                   WHEN j.day >= j.due_on - j.soon THEN 'due_soon'
                   ELSE 'current' END AS base
  FROM judged j
),
cells AS MATERIALIZED (  -- the totals read it several times
  SELECT staff_id, code,
         CASE WHEN base <> 'current' AND pending AND NOT counted THEN 'awaiting'
              ELSE base END AS status,
         CASE WHEN base <> 'current' AND pending AND NOT counted THEN verified_on
              WHEN base = 'missing' THEN missing_since
              ELSE due_on END AS due_on
  FROM graded
)"""
)

SQLITE = (
    "WITH "
    + STAFF_AND_REQUIRED
    + """,
days AS (  -- SQLite has no time zones: each location's date comes in as a parameter
  SELECT s.id AS staff_id,
         COALESCE(%(as_of)s, ld.day, %(utc_day)s) AS day
  FROM staff s LEFT JOIN ({location_days}) ld ON ld.location_id = s.home_location_id
),
live AS (  -- cards not rejected, newest first, where any card awaits verification
  SELECT c.staff_id, c.certification_type_id AS type_id, c.verification_status,
         c.expires_on, c.uploaded_at,
         ROW_NUMBER() OVER (PARTITION BY c.staff_id, c.certification_type_id
                            ORDER BY c.uploaded_at DESC, c.id DESC) AS newness
  FROM certifications_certificationrecord c
  WHERE c.verification_status <> 'rejected'
    AND (c.staff_id, c.certification_type_id) IN (SELECT staff_id, type_id FROM pending_pairs)
),
facts AS MATERIALIZED (  -- once: SQLite would otherwise copy it into every use below
  SELECT q.staff_id, q.type_id, t.code, d.day,
         v.expires_on AS verified_on, p.expires_on AS pending_on, p.staff_id IS NOT NULL AS pending,
         -- a missing card's date: the later of the hire date and the requirement's start (in
         -- UTC, as above); SQLite's MAX() of a NULL is NULL, so each NULL is handled first
         CASE WHEN q.added_at IS NULL THEN sp.hire_date
              WHEN sp.hire_date IS NULL THEN date(q.added_at)
              ELSE MAX(sp.hire_date, date(q.added_at)) END AS missing_since,
         (p.staff_id IS NOT NULL AND t.pending_counts_as_current_days > 0
          AND d.day <= date(p.uploaded_at, '+' || t.pending_counts_as_current_days || ' days')
          AND (v.expires_on IS NULL OR p.expires_on > v.expires_on)) AS counted
  FROM required q
  JOIN certifications_certificationtype t ON t.id = q.type_id
  JOIN days d ON d.staff_id = q.staff_id
  JOIN organisation_staffprofile sp ON sp.id = q.staff_id
  LEFT JOIN verified v ON v.staff_id = q.staff_id AND v.type_id = q.type_id
  LEFT JOIN live p ON p.staff_id = q.staff_id AND p.type_id = q.type_id AND p.newness = 1
                  AND p.verification_status = 'pending'
),
judged AS (
  SELECT f.*, CASE WHEN f.counted THEN f.pending_on ELSE f.verified_on END AS due_on
  FROM facts f
),
thresholds AS (  -- per day and type: "after due + grace" is "due before day - grace"
  SELECT d.day, t.id AS type_id,
         date(d.day, '-' || t.grace_days || ' days') AS overdue_before,
         date(d.day, '+' || t.renewal_window_days || ' days') AS due_soon_until
  FROM (SELECT DISTINCT day FROM days) d CROSS JOIN certifications_certificationtype t
),
graded AS (
  SELECT j.*, CASE WHEN j.due_on IS NULL THEN 'missing'
                   WHEN j.due_on < h.overdue_before THEN 'overdue'
                   WHEN j.due_on <= h.due_soon_until THEN 'due_soon'
                   ELSE 'current' END AS base
  FROM judged j JOIN thresholds h ON h.day = j.day AND h.type_id = j.type_id
),
cells AS MATERIALIZED (  -- the totals read it several times
  SELECT staff_id, code,
         CASE WHEN base <> 'current' AND pending AND NOT counted THEN 'awaiting'
              ELSE base END AS status,
         CASE WHEN base <> 'current' AND pending AND NOT counted THEN verified_on
              WHEN base = 'missing' THEN missing_since
              ELSE due_on END AS due_on
  FROM graded
)"""
)

CELLS = "SELECT staff_id, code, status, due_on FROM cells"
# The page's figures over everyone: people, people needing action, cells by status, and
# certifications current or due soon that expire within 30 days of the reference date.
TOTALS = """
SELECT (SELECT COUNT(*) FROM staff),
       COUNT(DISTINCT CASE WHEN status <> 'current' THEN staff_id END),
       SUM(CASE WHEN status = 'current' THEN 1 ELSE 0 END),
       SUM(CASE WHEN status = 'due_soon' THEN 1 ELSE 0 END),
       SUM(CASE WHEN status = 'awaiting' THEN 1 ELSE 0 END),
       SUM(CASE WHEN status = 'overdue' THEN 1 ELSE 0 END),
       SUM(CASE WHEN status = 'missing' THEN 1 ELSE 0 END),
       SUM(CASE WHEN status IN ('current', 'due_soon') AND due_on <= %(horizon)s
           THEN 1 ELSE 0 END)
FROM cells"""
# What the CSV holds: each person's name, email, locations and roles with their cells. The
# names are gathered with one grouped pass over each link table, not a subquery a person.
EXPORT_TAIL = """,
people AS MATERIALIZED (
  SELECT s.id, u.first_name, u.last_name, u.email, loc.names AS locations, rol.names AS roles
  FROM staff s
  JOIN organisation_staffprofile sp ON sp.id = s.id
  JOIN auth_user u ON u.id = sp.user_id
  LEFT JOIN ({location_names}) loc ON loc.staff_id = s.id
  LEFT JOIN ({role_names}) rol ON rol.staff_id = s.id
)
SELECT c.staff_id, p.first_name, p.last_name, p.email, p.locations, p.roles,
       c.code, c.status, c.due_on
FROM cells c JOIN people p ON p.id = c.staff_id
ORDER BY p.last_name, p.first_name, c.staff_id, c.code"""
NAMES = {
    "postgresql": """
SELECT x.staffprofile_id AS staff_id, string_agg(n.name, '; ' ORDER BY n.name) AS names
FROM {links} x JOIN {named} n ON n.id = x.{column}
WHERE x.staffprofile_id IN (SELECT id FROM staff)
GROUP BY x.staffprofile_id""",
    # SQLite 3.40 has no ORDER BY inside group_concat; it concatenates in the order rows come,
    # which the inner ORDER BY sets.
    "sqlite": """
SELECT staff_id, group_concat(name, '; ') AS names FROM (
  SELECT x.staffprofile_id AS staff_id, n.name
  FROM {links} x JOIN {named} n ON n.id = x.{column}
  WHERE x.staffprofile_id IN (SELECT id FROM staff)
  ORDER BY x.staffprofile_id, n.name)
GROUP BY staff_id""",
}


def _export_sql() -> str:
    names = NAMES[connection.vendor]
    return EXPORT_TAIL.replace(
        "{location_names}",
        names.format(
            links="organisation_staffprofile_locations",
            named="organisation_location",
            column="location_id",
        ),
    ).replace(
        "{role_names}",
        names.format(
            links="organisation_staffprofile_roles",
            named="organisation_jobrole",
            column="jobrole_id",
        ),
    )


@dataclass(frozen=True)
class Totals:
    staff: int
    needing_action: int
    by_status: dict[str, int]
    expiring_30_days: int


def _statement(tail: str, *, location_ids: list[int], location_days: dict[int, date]):
    """The SQL for the database in use and its named parameters (both backends take them)."""
    params: dict = {}
    for i, pk in enumerate(location_ids):
        params[f"location_{i}"] = pk
    wanted = ", ".join(f"%(location_{i})s" for i in range(len(location_ids))) or "NULL"
    if connection.vendor == "postgresql":
        head = POSTGRESQL
    elif connection.vendor == "sqlite":
        parts = []
        for i, (pk, day) in enumerate(location_days.items()):
            params[f"day_location_{i}"], params[f"day_{i}"] = pk, day
            parts.append(f"SELECT %(day_location_{i})s AS location_id, %(day_{i})s AS day")
        head = SQLITE.replace(
            "{location_days}",
            " UNION ALL ".join(parts) or "SELECT NULL AS location_id, NULL AS day",
        )
    else:
        raise NotImplementedError(f"No reference SQL for {connection.vendor}.")
    return (head + tail).replace("{locations}", wanted), params


@dataclass(frozen=True)
class Reference:
    """The matrix for the staff of `location_ids`, judged on each person's local date at
    `now` (or on `as_of` for everyone), with totals counted from `reference_date`."""

    location_ids: list[int]
    now: datetime
    as_of: date | None
    reference_date: date

    def _run(self, tail: str, **extra) -> list[tuple]:
        sql, params = _statement(
            tail, location_ids=self.location_ids, location_days=self.location_days
        )
        params.update(
            now=self.now,
            as_of=self.as_of,
            utc_day=self.now.astimezone(UTC).date(),
            **extra,
        )
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # The CTEs' row estimates multiply up to a cost that switches JIT compilation
                # on: 1.9 s of compiling for the export at 10,000 staff, to run 0.3 s.
                cursor.execute("SET jit = off")
            try:
                cursor.execute(sql, params)
                return cursor.fetchall()
            finally:
                if connection.vendor == "postgresql":
                    cursor.execute("RESET jit")

    @cached_property
    def location_days(self) -> dict[int, date]:
        """Each location's date at `now`: SQLite's query takes them as parameters. Read once,
        before anything is timed."""
        return {
            pk: self.now.astimezone(zoneinfo.ZoneInfo(zone)).date()
            for pk, zone in Location.objects.values_list("pk", "time_zone")
        }

    def cells(self) -> dict[tuple[int, str], tuple[str, date | None]]:
        """(staff pk, type code) -> (status value, due date) for every required type."""
        return {
            (staff_id, code): (status, as_date(due_on))
            for staff_id, code, status, due_on in self._run(CELLS)
        }

    def totals(self) -> Totals:
        horizon = self.reference_date + timedelta(days=30)
        ((staff, needing, *by_status, expiring),) = self._run(TOTALS, horizon=horizon)
        names = ["current", "due_soon", "awaiting", "overdue", "missing"]
        return Totals(
            staff=staff,
            needing_action=needing,
            by_status={n: count or 0 for n, count in zip(names, by_status, strict=True)},
            expiring_30_days=expiring or 0,
        )

    def export(self) -> list[tuple]:
        """What the CSV holds, a line per cell: staff pk, first and last name, email,
        locations, roles, type code, status, due date; in the CSV's order."""
        return self._run(_export_sql())


def as_date(value) -> date | None:
    """SQLite hands dates back as text."""
    return date.fromisoformat(value) if isinstance(value, str) else value
