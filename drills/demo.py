"""The demo drills: the sample scenarios, requirements by role, some runs, one team drill per
location. Called by seed_demo; running it twice creates nothing new.

The scenarios themselves are data in drills/demo_scenarios.py (SCENARIOS); this module turns
each into a published DrillScenarioPage. All of it is sample content for a medical director
to review before clinical use.
"""

from datetime import UTC, date, datetime, time, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from content.demo import home_page
from content.models import ProtocolPage
from content.services import put_under_medical_director_approval
from drills.graph import Graph
from drills.models import (
    DrillIndexPage,
    DrillRequirement,
    DrillRun,
    DrillScenarioPage,
    TeamDrillSession,
)
from drills.services import decide, log_team_drill, start_run
from organisation.models import JobRole, Location, StaffProfile

INDEX_SLUG = "drills"
INDEX_INTRO = (
    "<p>Branching complication drills, run against the clock. Every scenario here is "
    "<em>sample content</em> for your medical director to review.</p>"
)
# Which roles must run a scenario, by a word in its slug; anything else: injectors.
ROLE_RULES = (
    ("laser", ("laser-technician",)),
    ("anaphylaxis", ("injector", "esthetician")),
    ("vasovagal", ("esthetician", "injector")),
)
# Demo people who have run drills, and how well: "best" follows the best path, "slow" makes
# the same choices after the timers ran out on the first timed step, "wrong" takes the worst.
RUNNERS = (("staff", "best", 3), ("staff", "slow", 40), ("educator", "best", 10))
EXTRA_RUNNERS = 6  # more staff with a run each, so the analytics have something to show


class DemoScenarioInvalid(Exception):
    pass


def load_scenarios() -> list[dict]:
    from drills.demo_scenarios import SCENARIOS

    return list(SCENARIOS)


def page_fields(spec: dict, protocols: dict[str, ProtocolPage]) -> dict:
    """A scenario dict (see briefs' drill content format) as DrillScenarioPage field values."""
    graph = [
        {
            "type": "node",
            "value": {
                "key": n["key"],
                "title": n["title"],
                "start": n["key"] == spec["start"],
                "situation": n.get("situation", ""),
                "image": None,
                "timer_seconds": n.get("timer_seconds"),
                "timeout_next": n.get("timeout_next") or "",
                "outcome": n.get("outcome") or "",
                "summary": n.get("summary") or "",
                "choices": [
                    {
                        "label": c["label"],
                        "next": c["next"],
                        "points": c.get("points", 0),
                        "critical": bool(c.get("critical")),
                        "feedback": c.get("feedback", ""),
                    }
                    for c in n.get("choices") or []
                ],
            },
        }
        for n in spec["nodes"]
    ]
    problems = Graph.from_raw(graph).validate()
    if problems:
        raise DemoScenarioInvalid(f"{spec['slug']}: " + "; ".join(p.message for p in problems))
    vignette = spec.get("vignette", {})
    return {
        "title": spec["title"],
        "slug": spec["slug"],
        "procedure": vignette.get("procedure", "")[:200],
        "device": vignette.get("device", "")[:250],
        "fitzpatrick": vignette.get("fitzpatrick", ""),
        "history": vignette.get("history", ""),
        "objectives": [{"type": "objective", "value": o} for o in spec.get("objectives", [])],
        "graph": graph,
        "protocols": [
            {"type": "protocol_link", "value": {"page": protocols[s].pk, "note": ""}}
            for s in spec.get("protocol_slugs", [])
            if s in protocols
        ],
        "milestones": [{"type": "milestone", "value": m} for m in spec.get("milestones", [])],
        "checklist": [
            {"type": "item", "value": {"item": c["item"], "required": bool(c.get("required"))}}
            for c in spec.get("checklist", [])
        ],
        "sample_content": True,
    }


def _index(publisher) -> DrillIndexPage:
    home = home_page()
    index = DrillIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=DrillIndexPage(title="Drills", slug=INDEX_SLUG, intro=INDEX_INTRO)
        )
        index.save_revision(user=publisher).publish(user=publisher, skip_permission_checks=True)
    put_under_medical_director_approval(page=index)
    return index


def _scenarios(index, publisher, specs) -> list[DrillScenarioPage]:
    existing = {p.slug: p for p in DrillScenarioPage.objects.child_of(index)}
    protocols = {p.slug: p for p in ProtocolPage.objects.all()}
    pages = []
    for spec in specs:
        page = existing.get(spec["slug"])
        if page is None:
            page = index.add_child(instance=DrillScenarioPage(**page_fields(spec, protocols)))
            page.save_revision(user=publisher).publish(user=publisher, skip_permission_checks=True)
            page.refresh_from_db()
        pages.append(page)
    return pages


def _requirements(pages) -> None:
    roles = {r.slug: r for r in JobRole.objects.all()}
    for page in pages:
        wanted = next((slugs for word, slugs in ROLE_RULES if word in page.slug), ("injector",))
        best = sum(c.points for _, c in page.drill_graph.best_path() if c)
        for slug in wanted:
            if slug in roles:
                DrillRequirement.objects.get_or_create(
                    role=roles[slug],
                    page=page,
                    defaults={
                        "every_months": 12,
                        "min_score": int(best * 0.6),
                        "all_critical": True,
                    },
                )


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
        if name not in {"staff", "educator", "manager", "regional", "director"}
    ][:EXTRA_RUNNERS]
    plan += [(p, ("best", "wrong", "slow")[i % 3], 5 + i * 7) for i, p in enumerate(others)]
    for page in pages:
        for profile, style, days_ago in plan:
            if profile is None:
                continue
            at = datetime.combine(today - timedelta(days=days_ago), time(15, 0), tzinfo=UTC)
            # A run is known by who, which scenario and when it started: seeding again skips it.
            if not DrillRun.objects.filter(page=page, staff=profile, started_at=at).exists():
                _play(page, profile, style, at)


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
            # The last location forgot an optional item; every required one was done.
            checklist_done=[c["item"] for c in checklist if c["required"] or number != 2],
            debrief_notes=(
                "Sample debrief: roles were called out clearly; the emergency kit took too "
                "long to reach the treatment room. Action: keep it by the door."
            ),
            logged_by=manager.user,
            now=datetime.combine(today - timedelta(days=20 + number * 9), time(18, 0), tzinfo=UTC),
        )


@transaction.atomic
def seed(*, today: date, profiles: dict[str, StaffProfile], publisher: AbstractBaseUser) -> None:
    """The drill library with the sample scenarios, requirements, runs and team drills."""
    index = _index(publisher)
    pages = _scenarios(index, publisher, load_scenarios())
    _requirements(pages)
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
