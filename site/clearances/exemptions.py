"""Exemptions granted by managers (actions): an exempted requirement counts as met."""

from collections.abc import Collection
from datetime import date

from actions.selectors import exemptions_in_force


def exemptions_until(*, staff_ids: Collection[int], on: date) -> dict[tuple[int, str, str], date]:
    """(staff pk, kind, requirement key) -> the last day of each exemption in force on `on`.
    One query."""
    found = exemptions_in_force(staff_ids=list(staff_ids), on=on)
    return {key: exemption.ends_on for key, exemption in found.items()}
