"""Writes for drills: starting a run, deciding at a node, logging a team drill.

Each checks first, writes in one transaction and records the audit entry where a person's
record changes (a finished run, a logged team drill).
"""

import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from wagtail.models import Revision

from drills.graph import Graph
from drills.models import DrillDecision, DrillRun, DrillScenarioPage, TeamDrillSession
from organisation.bounds import refuse_dates_out_of_range, refuse_long_text
from organisation.models import Location, StaffProfile
from organisation.prepared import PreparedQuery
from organisation.services import record_audit

NOT_PUBLISHED = "This drill is not published yet."
NO_OPEN_RUN = "You have no drill run in progress for this scenario."
NOT_CURRENT_NODE = "That step is no longer the current one: the drill has moved on."
UNKNOWN_CHOICE = "Choose one of the options shown for this step."
NOT_LATE = "Time has not run out yet for this step; choose an option."
BROKEN_GRAPH = "This drill's graph is broken; tell the educator who wrote it."


class DrillRejected(Exception):
    """The request does not fit the run's state; nothing was changed."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def timer_grace() -> timedelta:
    """Allowance for the network between the countdown reaching zero and the server."""
    return timedelta(seconds=getattr(settings, "DRILLS_TIMER_GRACE_SECONDS", 2))


# Parsed graphs by (revision id, created at): a revision is never rewritten, so each process
# parses one once. The creation time is in the key because SQLite gives a rolled-back row's
# id to the next one.
_graphs: OrderedDict[tuple, Graph] = OrderedDict()
_GRAPHS_KEPT = 256
_graphs_lock = threading.Lock()


def revision_graph(revision) -> Graph:
    """The graph as stored in a page revision, parsed once per process. The revision's content
    need not be loaded (a run's revision is read without it): it is read when first needed."""
    key = (revision.pk, revision.created_at)
    graph = _graphs.get(key)
    if graph is None:
        if "content" in revision.get_deferred_fields():
            content = Revision.objects.filter(pk=revision.pk).values_list("content", flat=True)
            raw = (content.first() or {}).get("graph")
        else:
            raw = revision.content.get("graph")
        graph = Graph.from_raw(raw)
        with _graphs_lock:
            _graphs[key] = graph
            while len(_graphs) > _GRAPHS_KEPT:
                _graphs.popitem(last=False)
    return graph


def start_run(*, staff: StaffProfile, page: DrillScenarioPage, now: datetime) -> DrillRun:
    """The staff member's run in progress on `page`, or a new one on the live revision.

    Never two open runs for one person and scenario: a second start (another tab, a double
    click, a race) returns the open one.
    """
    open_run = DrillRun.objects.filter(staff=staff, page=page, finished_at__isnull=True).first()
    if open_run is not None:
        return open_run
    revision = page.live_revision
    if revision is None or not page.live:
        raise DrillRejected(NOT_PUBLISHED)
    graph = revision_graph(revision)
    if graph.start is None or graph.validate():
        raise DrillRejected(BROKEN_GRAPH)
    try:
        with transaction.atomic():
            return DrillRun.objects.create(
                staff=staff,
                page=page,
                revision=revision,
                current_node=graph.start.key,
                current_shown_at=now,
                started_at=now,
            )
    except IntegrityError:
        return DrillRun.objects.get(staff=staff, page=page, finished_at__isnull=True)


@dataclass(frozen=True)
class DecisionResult:
    run: DrillRun
    decision: DrillDecision
    graph: Graph


# Every decision asks it: compiled once per process (organisation.prepared).
_open_run_locked = PreparedQuery(
    lambda staff_id, page_id: (
        DrillRun.objects.select_for_update(of=("self",))
        .select_related("revision")
        .defer("revision__content")
        .filter(staff_id=staff_id, page_id=page_id, finished_at__isnull=True)
        .order_by("pk")[:1]
    )
)


def decide(
    *,
    staff: StaffProfile,
    page: DrillScenarioPage,
    node_key: str,
    choice_index: int | None,
    now: datetime,
) -> DecisionResult:
    """Answer the current node of the staff member's open run on `page`.

    Only a choice of the current node is accepted (DrillRejected otherwise, nothing written).
    When the node's timer ran out before `now` the run follows the timeout path, whatever
    choice was sent. Reaching an end node finishes the run with its score and outcome. A fixed
    number of queries whatever the graph's size: the graph comes from the run's revision.
    """
    with transaction.atomic():
        run = _open_run_locked.first(staff.pk, page.pk)
        if run is None:
            raise DrillRejected(NO_OPEN_RUN)
        run.staff, run.page = staff, page  # already loaded by the caller
        if node_key != run.current_node:
            raise DrillRejected(NOT_CURRENT_NODE)
        graph = revision_graph(run.revision)
        node = graph.node(run.current_node)
        if node is None or node.is_end:
            raise DrillRejected(BROKEN_GRAPH)
        late = (
            node.timer_seconds is not None
            and now > run.current_shown_at + timedelta(seconds=node.timer_seconds) + timer_grace()
        )
        if late:
            choice = None
            next_key = node.timeout_next
        else:
            if choice_index is None:
                raise DrillRejected(NOT_LATE if node.timer_seconds else UNKNOWN_CHOICE)
            if not 0 <= choice_index < len(node.choices):
                raise DrillRejected(UNKNOWN_CHOICE)
            choice = node.choices[choice_index]
            next_key = choice.next_key
        next_node = graph.node(next_key)
        if next_node is None:
            raise DrillRejected(BROKEN_GRAPH)
        decision = DrillDecision.objects.create(
            run=run,
            sequence=run.steps + 1,
            node_key=node.key,
            shown_at=run.current_shown_at,
            answered_at=now,
            choice_index=choice.index if choice else None,
            choice_label=choice.label if choice else "",
            timed_out=choice is None,
            next_key=next_key,
            points=choice.points if choice else 0,
            critical=choice.critical if choice else False,
        )
        run.steps += 1
        run.score += decision.points
        run.current_node = next_key
        run.current_shown_at = now
        if next_node.is_end:
            _finish(run=run, graph=graph, outcome=next_node.outcome, now=now, last=decision)
        run.save()
    return DecisionResult(run=run, decision=decision, graph=graph)


def _finish(*, run: DrillRun, graph: Graph, outcome: str, now: datetime, last) -> None:
    hit = set(
        DrillDecision.objects.filter(run=run, critical=True).values_list("choice_label", flat=True)
    )
    if last.critical:
        hit.add(last.choice_label)
    wanted = {action.label for action in graph.critical_actions()}
    run.finished_at = now
    run.outcome = outcome
    run.all_critical_hit = wanted <= hit
    record_audit(
        staff=run.staff,
        action="drill.run_finished",
        summary=f"Drill run finished: {run.page.title} — {run.get_outcome_display()}, "
        f"{run.score} points",
        at=now,
        actor=run.staff.user,
        data={
            "run": run.pk,
            "page": run.page_id,
            "revision": run.revision_id,
            "score": run.score,
            "outcome": outcome,
            "critical_hit": sorted(hit & wanted),
            "critical_missed": sorted(wanted - hit),
        },
    )


def log_team_drill(
    *,
    page: DrillScenarioPage,
    location: Location,
    held_on: date,
    participants: Iterable[StaffProfile],
    milestone_seconds: Mapping[str, int | None],
    checklist_done: Iterable[str],
    debrief_notes: str,
    logged_by: AbstractBaseUser,
    now: datetime,
) -> TeamDrillSession:
    """Record an in-person team drill; the caller has checked the manager's reach.

    Snapshots the scenario's milestones and checklist as they are today. It counts as a
    completion for every participant when all the checklist's required items are done.
    Raises ValidationError, writing nothing, for a date outside 1900-2200 or debrief notes
    longer than 10,000 characters.
    """
    refuse_dates_out_of_range(held_on=held_on)
    refuse_long_text(debrief_notes=debrief_notes)
    participants = list(participants)
    done = set(checklist_done)
    checklist = [{**item, "done": item["item"] in done} for item in page.checklist_items()]
    complete = all(item["done"] for item in checklist if item["required"])
    milestones = [
        {"label": label, "seconds": milestone_seconds.get(label)}
        for label in page.milestone_labels()
    ]
    with transaction.atomic():
        session = TeamDrillSession.objects.create(
            page=page,
            location=location,
            held_on=held_on,
            milestone_times=milestones,
            checklist=checklist,
            checklist_complete=complete,
            debrief_notes=debrief_notes,
            logged_by=logged_by,
            logged_at=now,
        )
        session.participants.set(participants)
        for profile in participants:
            record_audit(
                staff=profile,
                action="drill.team_drill_logged",
                summary=f"Team drill: {page.title} at {location.name} on {held_on:%Y-%m-%d}"
                + ("" if complete else " (checklist incomplete: does not count)"),
                at=now,
                actor=logged_by,
                data={"session": session.pk, "page": page.pk, "counts": complete},
            )
    return session
