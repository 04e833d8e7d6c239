"""Whether a location keeps its minimum of cleared people over the next 90 days: the
dashboard's coverage forecast (dashboard.coverage.forecast), fed with clearances instead of
cards, and the warning the gate and the board show."""

from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from dashboard.coverage import forecast
from organisation.models import Location
from organisation.selectors import StaffLine

WARNING_DAYS = 90
SHORT_TODAY = (
    "{location} has {count} cleared for {clearance} today, below its minimum of {minimum}."
)
SHORT_ON = (
    "{location} falls below its minimum of {minimum} cleared for {clearance} on {on} "
    "({count} cleared then), as what their clearances rest on runs out."
)


@dataclass(frozen=True)
class _Cover:
    """What dashboard.coverage.forecast reads of a minimum: a location, a count and the key
    its `expiries` are looked up by (here the clearance's slug, not a card's code)."""

    location: Location
    minimum: int
    certification_code: str
    role_id: None = None

    @property
    def location_id(self) -> int:
        return self.location.pk

    def __str__(self) -> str:
        return f"{self.location}: at least {self.minimum} cleared for {self.certification_code}"


@dataclass(frozen=True)
class CoverageWarning:
    location: Location
    clearance_name: str
    minimum: int
    first_short_on: date
    count_then: int
    today: date

    @property
    def message(self) -> str:
        words = {
            "location": self.location.name,
            "clearance": self.clearance_name,
            "minimum": self.minimum,
            "count": self.count_then,
        }
        if self.first_short_on == self.today:
            return SHORT_TODAY.format(**words)
        return SHORT_ON.format(on=f"{self.first_short_on:%-d %b %Y}", **words)

    @property
    def forecast_url(self) -> str:
        """The location's coverage forecast on the manager's dashboard."""
        return f"{reverse('dashboard:manage')}?location={self.location.slug}#chart-coverage-title"

    def as_json(self) -> dict:
        return {
            "minimum": self.minimum,
            "first_short_on": self.first_short_on.isoformat(),
            "cleared_then": self.count_then,
            "message": self.message,
        }


def coverage_warning(
    *,
    location: Location,
    clearance_name: str,
    slug: str,
    minimum: int | None,
    staff: list[StaffLine],
    cleared_through: dict[int, date | None],
    today: date,
    days: int = WARNING_DAYS,
) -> CoverageWarning | None:
    """A warning when fewer than `minimum` of `staff` stay cleared on some day of the next
    `days` from `today`, if nothing new is recorded; None when the minimum holds (or none is
    set). `cleared_through` is each person's last cleared day (None: not cleared today)."""
    if not minimum:
        return None
    expiries = {(pk, slug): through for pk, through in cleared_through.items() if through}
    found = forecast(
        minimum=_Cover(location, minimum, slug),
        staff=staff,
        expiries=expiries,
        start=today,
        days=days,
    )
    if found.first_short_on is None:
        return None
    count = found.holders[found.days.index(found.first_short_on)]
    return CoverageWarning(location, clearance_name, minimum, found.first_short_on, count, today)
