"""A round's arithmetic: pure code, no queries.

An item's score over a round is met / (met + not met): a record where the item does not apply
counts for neither. A score with nothing met or not met is None ("no score"), never 0 or 100.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Tally:
    met: int = 0
    not_met: int = 0
    not_applicable: int = 0

    @property
    def scored(self) -> int:
        return self.met + self.not_met

    @property
    def percent(self) -> int | None:
        """The score as a whole percentage, rounded down so 89.9% never shows as a pass."""
        if not self.scored:
            return None
        return self.met * 100 // self.scored

    def fails(self, pass_mark: int) -> bool:
        return self.percent is not None and self.percent < pass_mark

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(
            self.met + other.met,
            self.not_met + other.not_met,
            self.not_applicable + other.not_applicable,
        )


def tally(outcomes: dict[str, int]) -> Tally:
    """A Tally from counts by outcome value ("met", "not_met", "na")."""
    return Tally(
        met=outcomes.get("met", 0),
        not_met=outcomes.get("not_met", 0),
        not_applicable=outcomes.get("na", 0),
    )
