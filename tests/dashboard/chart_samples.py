"""Chart data as a clinic group's dashboard has it, with the long names that used to collide:
four drills of six to eight critical actions, nine modules, a year of expiries, two coverage
minimums. For the layout tests (figures only, no database)."""

import datetime
from collections import Counter
from types import SimpleNamespace

from audits.charts import score_trend_chart
from audits.scoring import Tally
from audits.selectors import TrendPoint

from dashboard.charts import (
    Chart,
    compliance_by_location,
    coverage,
    expiries_by_month,
    quiz_scores,
)
from dashboard.drill_chart import drill_times
from organisation.compliance import Status

START = datetime.date(2026, 11, 29)
AT = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
SCENARIOS = {
    1: "Anaphylaxis after a topical anaesthetic",
    2: "Greyish blanching during laser vein removal",
    3: "Vascular occlusion during filler",
    4: "Vasovagal collapse during microneedling",
}
LONG_ACTION = (
    "Hand over to EMS with the doses and times, the cream and the saturation that will not rise"
)
MODULES = [
    "Assessing post-procedure erythema",
    "Chemical peel aftercare",
    "Clinical-to-spa referral handoff",
    "Filler vascular occlusion",
    "Front desk in an emergency",
    "Laser vein burns and in-clinic emergencies",
    "Microneedling downtime",
    "Numbing cream and local anaesthetic safety",
    "Post-laser recovery",
]


def drill_chart(*, actions: int = 8, runs: int = 3) -> Chart:
    times = [
        SimpleNamespace(
            page_id=page_id,
            label=LONG_ACTION
            if step == actions - 1
            else f"Critical action {step + 1}: " + "x" * 40,
            finished_at=AT + datetime.timedelta(days=run),
            seconds_from_start=float(15 * step + 7 * run + page_id),
        )
        for page_id in SCENARIOS
        for run in range(runs)
        for step in range(actions - (page_id % 3))
    ]
    return drill_times(times=times, scenario_titles=SCENARIOS)


def all_charts() -> list[Chart]:
    locations = [SimpleNamespace(pk=1, name="Brookline"), SimpleNamespace(pk=2, name="Oak Park")]
    counts = {
        1: Counter({Status.CURRENT: 44, Status.DUE_SOON: 11, Status.AWAITING_VERIFICATION: 5,
                    Status.OVERDUE: 5, Status.MISSING: 17}),
        2: Counter({Status.CURRENT: 30, Status.OVERDUE: 2, Status.MISSING: 4}),
    }  # fmt: skip
    days = [START + datetime.timedelta(days=n) for n in range(180)]
    forecasts = [
        SimpleNamespace(
            label=f"{location.name}: at least 2 ACLS-current laser technicians",
            days=days,
            holders=[4 if n < 30 else 3 for n in range(180)],
            minimum=SimpleNamespace(minimum=2, location=location),
            first_short_on=None,
            sentence="",
        )
        for location in locations
    ]
    expiries = [
        (START + datetime.timedelta(days=n), code)
        for n in range(0, 360, 11)
        for code in ("ACLS", "BLS", "LSO")
    ]
    scores = [(m, (i * 7 % 10) / 10) for i, m in enumerate(MODULES * 6)]
    return [
        coverage(forecasts=forecasts),
        expiries_by_month(expiries=expiries, start=START),
        compliance_by_location(counts=counts, locations=locations),
        quiz_scores(scores=scores),
        drill_chart(),
        audit_scores(),
    ]


def audit_scores() -> Chart:
    """A year of monthly record audits at two locations for two procedures with long names."""
    points = [
        TrendPoint(
            location,
            procedure,
            START - datetime.timedelta(days=30 * n),
            5,
            Tally(met=30 - (n + i) % 6, not_met=(n + i) % 6),
        )
        for i, (location, procedure) in enumerate(
            (loc, proc)
            for loc in ("Brookline", "Oak Park")
            for proc in ("Laser vein treatment", "Microneedling with a topical anaesthetic")
        )
        for n in range(12, -1, -1)
    ]
    return score_trend_chart(points)
