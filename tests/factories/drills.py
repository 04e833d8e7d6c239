"""Drill factories: scenario pages with a small or a large graph, runs and requirements."""

import factory
import wagtail_factories
from django.utils import timezone

from drills.models import (
    DrillIndexPage,
    DrillRequirement,
    DrillRun,
    DrillScenarioPage,
    TeamDrillSession,
)
from tests.factories.organisation import JobRoleFactory, LocationFactory, StaffProfileFactory


def choice(label, next_key, points=0, critical=False, feedback=""):
    return {
        "label": label,
        "next": next_key,
        "points": points,
        "critical": critical,
        "feedback": feedback or f"Feedback on “{label}”.",
    }


def node(
    key, choices=(), *, title=None, start=False, timer=None, timeout=None, outcome="", summary=""
):
    """One node as a StreamField's raw block."""
    return {
        "type": "node",
        "value": {
            "key": key,
            "title": title or key.replace("-", " ").capitalize(),
            "start": start,
            "situation": f"<p>The situation at {key}.</p>",
            "image": None,
            "timer_seconds": timer,
            "timeout_next": timeout or "",
            "outcome": outcome,
            "summary": summary or (f"How {key} ended." if outcome else ""),
            "choices": list(choices),
        },
    }


def anaphylaxis_graph():
    """A small anaphylaxis drill: two critical actions on timed steps, three outcomes."""
    return [
        node(
            "itching",
            [
                choice(
                    "Stop and assess airway, breathing, circulation",
                    "wheeze",
                    5,
                    True,
                    "Stopping and assessing comes first.",
                ),
                choice("Reassure and continue numbing", "collapse", -5),
            ],
            title="Itching after the numbing cream",
            start=True,
            timer=60,
            timeout="collapse",
        ),
        node(
            "wheeze",
            [
                choice(
                    "Give intramuscular epinephrine",
                    "ems",
                    10,
                    True,
                    "IM epinephrine is the first treatment of anaphylaxis.",
                ),
                choice(
                    "Give an oral antihistamine and watch",
                    "collapse",
                    0,
                    feedback="Antihistamines do not treat airway swelling.",
                ),
            ],
            title="Wheeze and lip swelling",
            timer=45,
            timeout="collapse",
        ),
        node(
            "ems",
            [
                choice("Call EMS", "recovered", 10, True, "Anaphylaxis needs hospital care."),
                choice("Send the patient home", "rebound", -5),
            ],
            title="Breathing easier",
        ),
        node(
            "collapse",
            [choice("Give intramuscular epinephrine", "ems-late", 5, True, "Late but needed.")],
            title="Patient collapses",
        ),
        node("ems-late", [choice("Call EMS", "harmed", 5, True)], title="Weak pulse"),
        node("recovered", outcome="good", title="Transferred stable"),
        node("rebound", outcome="partial", title="Rebound reaction at home"),
        node("harmed", outcome="harm", title="Hypoxic injury"),
    ]


def chain_graph(size: int):
    """A long graph of `size` nodes: each step has a good and a worse choice, and a timer."""
    nodes = []
    for i in range(size - 2):
        nxt = f"n{i + 1}" if i + 1 < size - 2 else "good-end"
        nodes.append(
            node(
                f"n{i}",
                [choice("Right", nxt, 2, i % 10 == 0), choice("Wrong", "harm-end", -1)],
                start=i == 0,
                timer=30 if i % 5 == 0 else None,
                timeout="harm-end" if i % 5 == 0 else None,
            )
        )
    nodes.append(node("good-end", outcome="good"))
    nodes.append(node("harm-end", outcome="harm"))
    return nodes


class DrillIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DrillIndexPage

    title = "Drills"
    slug = "drills"


class DrillScenarioPageFactory(wagtail_factories.PageFactory):
    """A published scenario (with a live revision, as runs need)."""

    class Meta:
        model = DrillScenarioPage
        skip_postgeneration_save = True

    title = "Anaphylaxis after a topical anaesthetic"
    slug = factory.Sequence(lambda n: f"scenario-{n}")
    procedure = "Microneedling under topical lidocaine/prilocaine"
    device = "Microneedling pen, 1.5 mm"
    fitzpatrick = "III"
    history = "Seasonal allergies; no known drug allergy."
    objectives = factory.LazyFunction(
        lambda: [{"type": "objective", "value": "Recognise anaphylaxis early"}]
    )
    graph = factory.LazyFunction(anaphylaxis_graph)
    milestones = factory.LazyFunction(
        lambda: [
            {"type": "milestone", "value": label}
            for label in ("Recognised", "Help called", "Epinephrine given", "EMS called")
        ]
    )
    checklist = factory.LazyFunction(
        lambda: [
            {"type": "item", "value": {"item": "Procedure stopped", "required": True}},
            {"type": "item", "value": {"item": "Epinephrine given IM", "required": True}},
            {"type": "item", "value": {"item": "Vital signs recorded", "required": False}},
        ]
    )

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        if create and extracted is not False:
            self.save_revision().publish()
            self.refresh_from_db()


class DrillRequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DrillRequirement

    role = factory.SubFactory(JobRoleFactory)
    every_months = 12


class DrillRunFactory(factory.django.DjangoModelFactory):
    """A finished run, without decisions (for compliance and listings)."""

    class Meta:
        model = DrillRun

    staff = factory.SubFactory(StaffProfileFactory)
    revision = factory.LazyAttribute(lambda run: run.page.live_revision)
    current_node = "recovered"
    started_at = factory.LazyFunction(timezone.now)
    current_shown_at = factory.LazyAttribute(lambda run: run.started_at)
    finished_at = factory.LazyAttribute(lambda run: run.started_at)
    score = 25
    outcome = "good"
    all_critical_hit = True


class TeamDrillSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamDrillSession
        skip_postgeneration_save = True

    location = factory.SubFactory(LocationFactory)
    held_on = factory.LazyFunction(lambda: timezone.localdate())
    checklist_complete = True
    logged_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def participants(self, create, extracted, **kwargs):
        if create and extracted:
            self.participants.set(extracted)
