"""Reads about drills, scoped by who is asking. Other apps (the dashboard) read through these."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.http import Http404

from drills.graph import Choice, Graph, Node
from drills.models import DrillDecision, DrillRun, DrillScenarioPage, TeamDrillSession
from drills.policies import managed_sessions, own_runs, visible_runs
from drills.services import revision_graph
from organisation.compliance import Person, narrowed_to
from organisation.models import StaffProfile
from organisation.policies import managed_locations
from organisation.prepared import PreparedQuery

NO_SUCH_RUN = "No such drill run."
NO_SUCH_SESSION = "No such team drill."


def available_scenarios() -> QuerySet[DrillScenarioPage]:
    """Every published scenario, by title."""
    return DrillScenarioPage.objects.live().order_by("title")


# Every step of a drill asks it: compiled once per process (organisation.prepared).
_open_run = PreparedQuery(
    lambda staff_id, page_id: (
        DrillRun.objects.select_related("revision")
        .defer("revision__content")
        .filter(staff_id=staff_id, page_id=page_id, finished_at__isnull=True)
        .order_by("pk")[:1]
    )
)


def open_run(*, staff: StaffProfile, page: DrillScenarioPage) -> DrillRun | None:
    """The staff member's run in progress on `page`, with its revision but not the revision's
    content (one query; services.revision_graph keeps the graph parsed)."""
    return _open_run.first(staff.pk, page.pk)


def runs_of(staff: StaffProfile) -> QuerySet[DrillRun]:
    """One person's runs, newest first, with their scenario."""
    return DrillRun.objects.filter(staff=staff).select_related("page")


def stored_decisions(
    *, usernames: Sequence[str]
) -> list[tuple[str, str, int, str, int | None, bool]]:
    """(username, scenario slug, step, node, choice index, timed out) of every decision in
    these people's runs, in one query. For checks run outside any viewer (`loadtest_check`),
    never for a page."""
    return list(
        DrillDecision.objects.filter(run__staff__user__username__in=list(usernames)).values_list(
            "run__staff__user__username",
            "run__page__slug",
            "sequence",
            "node_key",
            "choice_index",
            "timed_out",
        )
    )


def run_for_viewer(user: AbstractBaseUser, *, page: DrillScenarioPage, run_id: int) -> DrillRun:
    """A run of `page` that is the viewer's own; the same 404 for missing and not theirs."""
    run = (
        own_runs(user, DrillRun.objects.filter(pk=run_id, page=page))
        .select_related("revision", "staff__user")
        .defer("revision__content")
        .first()
    )
    if run is None:
        raise Http404(NO_SUCH_RUN)
    return run


def runs_visible_to(viewer: AbstractBaseUser) -> QuerySet[DrillRun]:
    """Runs of every staff member the viewer may see (their own; their locations' staff)."""
    return visible_runs(viewer, DrillRun.objects.all()).select_related("page", "staff__user")


def runs_for_staff(viewer: AbstractBaseUser, staff_id: int) -> QuerySet[DrillRun]:
    """One staff member's runs as the viewer may see them: none when the viewer may not."""
    return runs_visible_to(viewer).filter(staff_id=staff_id)


def records_under(page) -> int:
    """How many runs and team drills refer to `page` or any scenario below it."""
    runs = DrillRun.objects.filter(page__path__startswith=page.path).count()
    sessions = TeamDrillSession.objects.filter(page__path__startswith=page.path).count()
    return runs + sessions


# -- debrief -------------------------------------------------------------------------------


@dataclass
class Step:
    node: Node | None
    decision: DrillDecision
    choice: Choice | None
    seconds_from_start: float

    @property
    def seconds_taken(self) -> float:
        return self.decision.seconds_taken


@dataclass
class CriticalResult:
    label: str
    hit: bool
    seconds_from_start: float | None = None
    seconds_taken: float | None = None


@dataclass
class Debrief:
    run: DrillRun
    graph: Graph
    steps: list[Step]
    best_path: list[tuple[Node, Choice | None]]
    critical: list[CriticalResult]
    end: Node | None

    @property
    def best_score(self) -> int:
        return sum(choice.points for _, choice in self.best_path if choice)

    @property
    def critical_hit(self) -> int:
        return sum(1 for result in self.critical if result.hit)

    @property
    def duration(self) -> tuple[int, int]:
        """(minutes, seconds) from the start to the last decision, for the summary."""
        last = self.steps[-1].seconds_from_start if self.steps else 0
        return divmod(round(last), 60)

    @property
    def best_keys(self) -> list[str]:
        return [node.key for node, _ in self.best_path]

    @property
    def taken_keys(self) -> list[str]:
        keys = [step.decision.node_key for step in self.steps]
        return [*keys, self.run.current_node]


def debrief_for(run: DrillRun, *, graph: Graph | None = None) -> Debrief:
    """The path taken beside the best path, with each critical action hit or missed and when.

    Two queries at most (the decisions; the revision when not already loaded).
    """
    graph = graph or revision_graph(run.revision)
    decisions = list(run.decisions.order_by("sequence"))
    steps = []
    for decision in decisions:
        node = graph.node(decision.node_key)
        choice = None
        if node is not None and decision.choice_index is not None:
            if decision.choice_index < len(node.choices):
                choice = node.choices[decision.choice_index]
        elapsed = (decision.answered_at - run.started_at).total_seconds()
        steps.append(Step(node=node, decision=decision, choice=choice, seconds_from_start=elapsed))
    critical = []
    for action in graph.critical_actions():
        first = next(
            (s for s in steps if s.decision.critical and s.decision.choice_label == action.label),
            None,
        )
        critical.append(
            CriticalResult(
                label=action.label,
                hit=first is not None,
                seconds_from_start=first.seconds_from_start if first else None,
                seconds_taken=first.seconds_taken if first else None,
            )
        )
    return Debrief(
        run=run,
        graph=graph,
        steps=steps,
        best_path=graph.best_path(),
        critical=critical,
        end=graph.node(run.current_node) if run.is_finished else None,
    )


# -- for the dashboard (issue 6) -------------------------------------------------------------


@dataclass(frozen=True)
class CriticalActionTime:
    staff_id: int
    page_id: int
    label: str
    finished_at: datetime
    seconds_from_start: float


def critical_action_times(
    viewer: AbstractBaseUser, *, since: datetime | None = None, page_id: int | None = None
) -> list[CriticalActionTime]:
    """Time from start to each critical action in the finished runs the viewer may see,
    oldest first (for trends over time). Two queries."""
    runs = runs_visible_to(viewer).filter(finished_at__isnull=False)
    if since is not None:
        runs = runs.filter(finished_at__gte=since)
    if page_id is not None:
        runs = runs.filter(page_id=page_id)
    started = {
        r["pk"]: r for r in runs.values("pk", "staff_id", "page_id", "started_at", "finished_at")
    }
    times = []
    decisions = DrillDecision.objects.filter(run_id__in=list(started), critical=True).order_by(
        "run_id", "sequence"
    )
    for decision in decisions:
        run = started[decision.run_id]
        times.append(
            CriticalActionTime(
                staff_id=run["staff_id"],
                page_id=run["page_id"],
                label=decision.choice_label,
                finished_at=run["finished_at"],
                seconds_from_start=(decision.answered_at - run["started_at"]).total_seconds(),
            )
        )
    return sorted(times, key=lambda t: t.finished_at)


# -- team drills --------------------------------------------------------------------------


def sessions_for_manager(user: AbstractBaseUser) -> QuerySet[TeamDrillSession]:
    """Team drills held at the locations the user manages, newest first."""
    return managed_sessions(user, TeamDrillSession.objects.all()).select_related("page", "location")


def session_for_manager(user: AbstractBaseUser, pk: int) -> TeamDrillSession:
    """One team drill at a location the user manages; the same 404 for missing and not theirs."""
    session = sessions_for_manager(user).filter(pk=pk).first()
    if session is None:
        raise Http404(NO_SUCH_SESSION)
    return session


def staff_for_team_drills(user: AbstractBaseUser) -> QuerySet[StaffProfile]:
    """Who a manager may list as participants: active staff of the locations they manage."""
    return (
        StaffProfile.objects.filter(is_active=True, locations__in=managed_locations(user))
        .distinct()
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )


# -- compliance ---------------------------------------------------------------------------


def completions(
    staff: Sequence[Person], page_ids: Sequence[int]
) -> dict[tuple[int, int], list[tuple[datetime | date, int, bool]]]:
    """(staff, page) -> [(when, score, all critical hit)] of finished runs, plus
    (date, None, True) for each team drill whose required checklist was done. Two queries."""
    staff_ids = {p.pk for p in staff}
    found: dict[tuple[int, int], list] = defaultdict(list)
    runs = narrowed_to(
        DrillRun.objects.filter(page_id__in=page_ids, finished_at__isnull=False), staff
    ).values_list("staff_id", "page_id", "finished_at", "score", "all_critical_hit")
    for staff_id, page_id, finished_at, score, all_hit in runs:
        if staff_id in staff_ids:
            found[(staff_id, page_id)].append((finished_at, score, all_hit))
    links = narrowed_to(
        TeamDrillSession.participants.through.objects.filter(
            teamdrillsession__page_id__in=page_ids, teamdrillsession__checklist_complete=True
        ),
        staff,
        field="staffprofile",
    ).values_list("staffprofile_id", "teamdrillsession__page_id", "teamdrillsession__held_on")
    for staff_id, page_id, held_on in links:
        if staff_id in staff_ids:
            found[(staff_id, page_id)].append((held_on, None, True))
    return found


@dataclass
class NodeStats:
    node: Node
    total: int = 0
    wrong: int = 0
    timeouts: int = 0
    choices: list[tuple[Choice, int]] = field(default_factory=list)

    @property
    def wrong_share(self) -> float:
        return self.wrong / self.total if self.total else 0.0


@dataclass
class CriticalStats:
    label: str
    runs_hit: int
    runs: int
    median_seconds: float | None

    @property
    def share(self) -> float:
        return self.runs_hit / self.runs if self.runs else 0.0


@dataclass
class ScenarioAnalytics:
    page: DrillScenarioPage
    runs: int
    nodes: list[NodeStats]
    critical: list[CriticalStats]


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def scenario_analytics(page: DrillScenarioPage) -> ScenarioAnalytics:
    """How finished runs went on the live graph: per node how often each choice was taken
    (a wrong choice is one worth fewer points than the node's best, or a timeout); per critical
    action the share of runs that hit it and the median seconds from start. Nodes where most
    runs go wrong come first. Three queries."""
    graph = revision_graph(page.live_revision) if page.live_revision_id else page.drill_graph
    runs = {
        r["pk"]: r["started_at"]
        for r in DrillRun.objects.filter(page=page, finished_at__isnull=False).values(
            "pk", "started_at"
        )
    }
    counts: dict[tuple[str, str], int] = defaultdict(int)
    timeouts: dict[str, int] = defaultdict(int)
    critical_seconds: dict[str, dict[int, float]] = defaultdict(dict)
    decisions = DrillDecision.objects.filter(run_id__in=list(runs)).values_list(
        "run_id", "node_key", "choice_label", "timed_out", "critical", "answered_at"
    )
    for run_id, node_key, label, timed_out, critical, answered_at in decisions:
        if timed_out:
            timeouts[node_key] += 1
        else:
            counts[(node_key, label)] += 1
        if critical and run_id not in critical_seconds[label]:
            critical_seconds[label][run_id] = (answered_at - runs[run_id]).total_seconds()
    nodes = []
    for node in graph.nodes:
        if node.is_end:
            continue
        best = max((c.points for c in node.choices), default=0)
        stats = NodeStats(node=node, timeouts=timeouts[node.key])
        stats.choices = [(c, counts[(node.key, c.label)]) for c in node.choices]
        stats.total = sum(n for _, n in stats.choices) + stats.timeouts
        stats.wrong = stats.timeouts + sum(n for c, n in stats.choices if c.points < best)
        nodes.append(stats)
    nodes.sort(key=lambda s: (-s.wrong_share, -s.total, s.node.position))
    critical = [
        CriticalStats(
            label=action.label,
            runs_hit=len(critical_seconds[action.label]),
            runs=len(runs),
            median_seconds=_median(list(critical_seconds[action.label].values())),
        )
        for action in graph.critical_actions()
    ]
    return ScenarioAnalytics(page=page, runs=len(runs), nodes=nodes, critical=critical)


def team_drills_of(staff: StaffProfile, *, viewer: AbstractBaseUser) -> QuerySet[TeamDrillSession]:
    """The in-person team drills `staff` took part in at locations the viewer manages, newest
    first (for their record: a drill held at another location is that location's record)."""
    return (
        managed_sessions(viewer, staff.team_drills.all())
        .select_related("page", "location")
        .order_by("-held_on", "-pk")
    )


def last_completed(staff: Sequence[Person], page_ids: Sequence[int]) -> dict[tuple[int, int], date]:
    """(staff pk, scenario pk) -> the latest day, on the person's local calendar, they ran the
    scenario hitting every critical action or took part in a team drill of it whose checklist
    was complete. Two queries, for clearances (clearances.selectors)."""
    people = {p.pk: p for p in staff}
    found: dict[tuple[int, int], date] = {}
    for (staff_id, page_id), done in completions(staff, page_ids).items():
        person = people[staff_id]
        days = [
            person.local_date(when) if isinstance(when, datetime) else when
            for when, _score, all_hit in done
            if all_hit
        ]
        if days:
            found[(staff_id, page_id)] = max(days)
    return found
