"""The coverage forecast: how many current holders each location keeps over the next days."""

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from dashboard.models import CoverageMinimum
from organisation.selectors import StaffLine

FORECAST_DAYS = 180


@dataclass
class CoverageForecast:
    minimum: CoverageMinimum
    days: list[date]
    holders: list[int]
    first_short_on: date | None
    lapsing: list[tuple[date, str]]  # (card's last valid day, holder's name) in the window

    @property
    def label(self) -> str:
        return str(self.minimum)

    @property
    def sentence(self) -> str:
        who = self.minimum.location.name
        needed = self.minimum.minimum
        if self.first_short_on is None:
            return f"{who} keeps its minimum for the next {len(self.days)} days: {self.label}."
        if self.first_short_on == self.days[0]:
            return f"{who} is short today: {self.holders[0]} of the {needed} needed."
        cause = next(
            (name for day, name in self.lapsing if day + timedelta(days=1) == self.first_short_on),
            None,
        )
        because = f", when {cause}'s card lapses" if cause else ""
        return (
            f"{who} falls short on {self.first_short_on:%-d %b %Y}{because}: "
            f"{self.holders[self.days.index(self.first_short_on)]} of the {needed} needed."
        )


def forecast(
    *,
    minimum: CoverageMinimum,
    staff: list[StaffLine],
    expiries: dict[tuple[int, str], date],
    start: date,
    days: int = FORECAST_DAYS,
) -> CoverageForecast:
    """Holders on each day from `start`: staff at the location (with the role, if one is set)
    whose card of the type is valid that day. `expiries` maps (staff id, type code) to the last
    valid day of their current card; a card is valid through that day."""
    eligible = [
        p
        for p in staff
        if minimum.location_id in p.location_ids
        and (minimum.role_id is None or minimum.role_id in p.role_ids)
    ]
    valid_through = sorted(
        (expiries[(p.pk, minimum.certification_code)], p.display_name)
        for p in eligible
        if (p.pk, minimum.certification_code) in expiries
    )
    ends = [day for day, _ in valid_through]
    window = [start + timedelta(days=i) for i in range(days)]
    # Holders on a day are those whose card is valid through that day or later.
    holders = [len(ends) - bisect_left(ends, day) for day in window]
    first_short = next(
        (day for day, n in zip(window, holders, strict=True) if n < minimum.minimum), None
    )
    lapsing = [(day, name) for day, name in valid_through if start <= day < window[-1]]
    return CoverageForecast(minimum, window, holders, first_short, lapsing)
