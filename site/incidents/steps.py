"""The actions taken, written one per line as "HH:MM what was done": parsed and checked.
Pure, no database, so the form and the service refuse exactly the same lines."""

import re
from dataclasses import dataclass
from datetime import time

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LINE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s+(\S.*?)\s*$")
MAX_STEPS = 40
MAX_ACTION = 300

NO_STEPS = _("Write at least one action, one per line, as “HH:MM what was done”.")
BAD_LINE = _("Line %(number)s: write it as “HH:MM what was done”, e.g. “14:05 Stopped the laser”.")
BAD_TIME = _("Line %(number)s: %(text)s is not a time of day (00:00 to 23:59).")
TOO_LONG = _("Line %(number)s: at most %(limit)s characters for one action.")
TOO_MANY = _("At most %(limit)s actions.")


@dataclass(frozen=True)
class Step:
    at: time
    action: str

    def __str__(self) -> str:
        return f"{self.at:%H:%M} {self.action}"


def parse_steps(text: str) -> list[Step]:
    """Each non-empty line as a Step, in the order written. Raises ValidationError listing
    every bad line, so the form shows them all at once."""
    lines = [line for line in (text or "").splitlines() if line.strip()]
    if not lines:
        raise ValidationError(NO_STEPS)
    if len(lines) > MAX_STEPS:
        raise ValidationError(TOO_MANY, params={"limit": MAX_STEPS})
    steps, errors = [], []
    for number, line in enumerate(lines, start=1):
        found = LINE.match(line)
        if found is None:
            errors.append(ValidationError(BAD_LINE, params={"number": number}))
            continue
        hour, minute, action = int(found[1]), int(found[2]), found[3]
        if hour > 23 or minute > 59:
            text = f"{found[1]}:{found[2]}"
            errors.append(ValidationError(BAD_TIME, params={"number": number, "text": text}))
            continue
        if len(action) > MAX_ACTION:
            errors.append(ValidationError(TOO_LONG, params={"number": number, "limit": MAX_ACTION}))
            continue
        steps.append(Step(time(hour, minute), action))
    if errors:
        raise ValidationError(errors)
    return steps


def steps_text(steps) -> str:
    """Steps (anything with `at` and `action`) back as the form's lines."""
    return "\n".join(f"{s.at:%H:%M} {s.action}" for s in steps)
