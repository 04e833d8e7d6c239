"""The demo drills' activity: runs on the library's scenarios and one team drill per location.

The scenarios and their requirements are files in library/drills/, written by the library
loader (readyroom.library) before this runs. All of it is sample content for a medical
director to review before clinical use. Called by seed_demo; running it twice creates nothing
new.
"""

from datetime import UTC, date, datetime, time, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from drills.models import (
    DrillIndexPage,
    DrillRequirement,
    DrillRun,
    DrillScenarioPage,
    TeamDrillSession,
)
from drills.scenario_services import INDEX_SLUG
from drills.services import decide, log_team_drill, start_run
from organisation.models import Location, StaffProfile

# Demo people who have run drills, and how well: "best" follows the best path, "slow" makes
# the same choices after the timers ran out on the first timed step, "wrong" takes the worst.
RUNNERS = (("staff", "best", 3), ("staff", "slow", 40), ("educator", "best", 10))
EXTRA_RUNNERS = 6  # more staff with a run each, so the analytics have something to show
MANAGERS = {"manager", "regional", "director"}


def _play(page, profile, style, at: datetime) -> None:
    """Run `page` as `profile` on the server, as a learner would, starting at `at`."""
    graph = page.drill_graph
    best = {node.key: choice for node, choice in graph.best_path() if choice}
    run = start_run(staff=profile, page=page, now=at)
    slow_used = False
    for _ in range(50):
        node = graph.node(run.current_node)
        if node is None or node.is_end:
            return
        if style == "slow" and node.timer_seconds and not slow_used:
            slow_used = True
            at += timedelta(seconds=node.timer_seconds + 10)
        else:
            at += timedelta(seconds=8 + len(node.choices) * 3)
        if style == "wrong":
            choice = min(node.choices, key=lambda c: c.points)
        else:
            choice = best.get(node.key) or max(node.choices, key=lambda c: c.points)
        run = decide(
            staff=profile, page=page, node_key=node.key, choice_index=choice.index, now=at
        ).run


def _runs(pages, profiles, today) -> None:
    plan = [(profiles.get(name), style, days) for name, style, days in RUNNERS]
    others = [
        profile
        for name, profile in sorted(profiles.items())
        if name not in {"staff", "educator", *MANAGERS}
    ][:EXTRA_RUNNERS]
    plan += [(p, ("best", "wrong", "slow")[i % 3], 5 + i * 7) for i, p in enumerate(others)]
    runs = [(page, *entry) for page in pages for entry in plan]
    runs += _kept_up(pages, profiles, already={p.pk for p, _, _ in plan if p is not None})
    for page, profile, style, days_ago in runs:
        if profile is None:
            continue
        at = datetime.combine(today - timedelta(days=days_ago), time(15, 0), tzinfo=UTC)
        # A run is known by who, which scenario and when it started: seeding again skips it.
        if not DrillRun.objects.filter(page=page, staff=profile, started_at=at).exists():
            _play(page, profile, style, at)


def _kept_up(pages, profiles, *, already: set[int]) -> list:
    """Everyone else whose roles require a scenario has run it well within the year, except one
    gap for every third person (never run, or run badly), so the dashboard shows a clinic that
    mostly keeps up rather than one where everybody is missing drills."""
    by_page = {page.pk: page for page in pages}
    required: dict[int, list] = {}
    for role_id, page_id in DrillRequirement.objects.filter(page__in=pages).values_list(
        "role_id", "page_id"
    ):
        required.setdefault(role_id, []).append(page_id)
    runs = []
    people = [
        p for name, p in sorted(profiles.items()) if p.pk not in already and name not in MANAGERS
    ]
    for i, profile in enumerate(people):
        if not profile.is_active:
            continue
        wanted = sorted(
            {page_id for role in profile.roles.all() for page_id in required.get(role.pk, ())}
        )
        for m, page_id in enumerate(wanted):
            if i % 3 == 1 and m == i % len(wanted):
                if i % 2:
                    runs.append((by_page[page_id], profile, "wrong", 12 + i))
                continue
            runs.append((by_page[page_id], profile, "best", 9 + (i * 13 + m * 29) % 330))
    return runs


def _team_drills(pages, profiles, today) -> None:
    if not pages:
        return
    for number, location in enumerate(Location.objects.order_by("slug")):
        if TeamDrillSession.objects.filter(location=location, page__in=pages).exists():
            continue
        manager = (
            StaffProfile.objects.filter(
                managed_locations=location, pk__in=[p.pk for p in profiles.values()]
            )
            .order_by("pk")
            .first()
        )
        if manager is None:
            continue
        page = pages[number % len(pages)]
        participants = list(
            StaffProfile.objects.filter(locations=location, is_active=True).order_by("pk")[:6]
        )
        checklist = page.checklist_items()
        log_team_drill(
            page=page,
            location=location,
            held_on=today - timedelta(days=20 + number * 9),
            participants=participants,
            milestone_seconds={
                label: 15 + i * 40 for i, label in enumerate(page.milestone_labels())
            },
            checklist_done=[c["item"] for c in checklist],
            debrief_notes=(
                "Sample debrief: roles were called out clearly; the emergency kit took too "
                "long to reach the treatment room. Action: keep it by the door."
            ),
            logged_by=manager.user,
            now=datetime.combine(today - timedelta(days=20 + number * 9), time(18, 0), tzinfo=UTC),
        )


@transaction.atomic
def seed(*, today: date, profiles: dict[str, StaffProfile], publisher: AbstractBaseUser) -> None:
    """Runs and team drills on the library's scenarios, in the library's order."""
    index = DrillIndexPage.objects.filter(slug=INDEX_SLUG).first()
    if index is None:
        return
    pages = list(DrillScenarioPage.objects.child_of(index).live().order_by("path"))
    _runs(pages, profiles, today)
    _team_drills(pages, profiles, today)


@transaction.atomic
def reset() -> None:
    """Remove the demo drills and everything recorded against them."""
    pages = list(DrillScenarioPage.objects.all())
    TeamDrillSession.objects.filter(page__in=pages).delete()
    DrillRun.objects.filter(page__in=pages).delete()
    DrillRequirement.objects.filter(page__in=pages).delete()
    for index in DrillIndexPage.objects.all():
        index.delete()
