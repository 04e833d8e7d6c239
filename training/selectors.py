"""Reads about training, scoped by who is asking. Other apps (the dashboard) read through these."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Max, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from organisation.compliance import (
    ComplianceRow,
    KindNames,
    Person,
    Standings,
    judged_on,
    narrowed_to,
)
from organisation.models import StaffProfile
from organisation.prepared import PreparedQuery
from organisation.status import Judged, add_months, due_soon_days, per_person
from training.models import (
    AttemptAnswer,
    AttemptStatus,
    QuizAttempt,
    TrainingModulePage,
    TrainingRequirement,
)
from training.policies import own_attempts, visible_attempts
from training.status import ModuleStatus, judge_module

KIND = "training"
NAMES = KindNames(_("Training"))
# What a training row asks of the person (and their manager), by where they stand.
ACTIONS = {
    ModuleStatus.NOT_STARTED: "Work through the module and pass its quiz",
    ModuleStatus.IN_PROGRESS: "Finish the module's quiz and pass it",
    ModuleStatus.PASSED: "Retake the module's quiz before your pass lapses",
    ModuleStatus.DUE_SOON: "Retake the module's quiz before your pass lapses",
    ModuleStatus.OVERDUE: "Retake the module and pass its quiz",
}
MANAGER_ACTIONS = {
    ModuleStatus.NOT_STARTED: "Set aside time for the module",
    ModuleStatus.IN_PROGRESS: "Check in on the unfinished quiz",
    ModuleStatus.PASSED: "",
    ModuleStatus.DUE_SOON: "Set aside time to retake the module",
    ModuleStatus.OVERDUE: "Set aside time to retake the module",
}


@dataclass(frozen=True)
class RequiredModule:
    """One line of a person's training: a module their roles require, and where they stand."""

    module: TrainingModulePage
    valid_for_months: int
    status: ModuleStatus
    valid_until: date | None
    best_percent: int | None
    certificate: "QuizAttempt | None"  # the pass that counts (latest valid-until)
    open_attempt_id: int | None


def _requirements_by_staff(staff: Sequence[Person]) -> dict[int, dict[int, int | None]]:
    """staff pk -> {module page pk: the requirement's own recurrence or None}, in one query."""
    wanted = {p.pk for p in staff}
    found: dict[int, dict[int, int | None]] = defaultdict(dict)
    rows = narrowed_to(
        TrainingRequirement.objects.filter(module__live=True), staff, field="role__staff"
    ).values_list("role__staff", "module_id", "valid_for_months")
    for staff_id, module_id, months in rows:
        if staff_id not in wanted:
            continue
        current = found[staff_id].get(module_id)
        # Two roles requiring one module: the stricter (shorter) recurrence wins.
        if module_id not in found[staff_id] or (months and (current is None or months < current)):
            found[staff_id][module_id] = months
    return found


def _attempt_facts(staff: Sequence[Person], module_ids: set[int]) -> dict[tuple[int, int], dict]:
    """(staff pk, module pk) -> passes (passed_on, valid_until), attempts, best score, open id."""
    staff_ids = {p.pk for p in staff}
    facts: dict[tuple[int, int], dict] = defaultdict(
        lambda: {"passes": [], "attempted": False, "best": None, "open": None}
    )
    rows = narrowed_to(QuizAttempt.objects.filter(module_id__in=module_ids), staff).values(
        "pk", "staff_id", "module_id", "status", "score", "passed", "passed_on", "valid_until"
    )
    for row in rows:
        if row["staff_id"] not in staff_ids:
            continue
        fact = facts[(row["staff_id"], row["module_id"])]
        fact["attempted"] = True
        if row["status"] == AttemptStatus.IN_PROGRESS:
            fact["open"] = row["pk"]
        if row["score"] is not None and (fact["best"] is None or row["score"] > fact["best"]):
            fact["best"] = row["score"]
        if row["passed"]:
            fact["passes"].append(row)
    return facts


def _valid_until(passes: list[dict], months: int | None) -> tuple[date | None, int | None]:
    """The latest date any pass is valid through (and that pass's pk)."""
    best: tuple[date | None, int | None] = (None, None)
    for row in passes:
        until = add_months(row["passed_on"], months) if months else row["valid_until"]
        if best[0] is None or until > best[0]:
            best = (until, row["pk"])
    return best


def _judged(
    staff: list[Person], *, now: datetime, as_of: date | None
) -> list[Judged[TrainingModulePage, ModuleStatus]]:
    """Every required live module's judgement: the one behind both rows and standings.
    Three queries whatever the number of people, modules or attempts."""
    required = _requirements_by_staff(staff)
    module_ids = {m for mods in required.values() for m in mods}
    if not module_ids:
        return []
    modules = TrainingModulePage.objects.filter(pk__in=module_ids).order_by("pk")
    facts = _attempt_facts(staff, module_ids)
    judged = {m.pk: Judged(m, {}, {}) for m in modules}
    never = {"passes": [], "attempted": False}
    soon = due_soon_days()
    for profile in staff:
        day = judged_on(profile, now=now, as_of=as_of)
        for module_id, months in required.get(profile.pk, {}).items():
            fact = facts.get((profile.pk, module_id)) or never
            until, _pass = _valid_until(fact["passes"], months)
            found = judged[module_id]
            found.due_on[profile.pk] = until
            found.status[profile.pk] = judge_module(
                valid_until=until, attempted=fact["attempted"], as_of=day, due_soon_days=soon
            )
    return list(judged.values())


def training_rows(
    *, staff: Sequence[Person], now: datetime, as_of: date | None
) -> list[ComplianceRow]:
    """The compliance provider: one row per required live module per person.

    Three queries whatever the number of people, modules or attempts.
    """
    staff = staff if isinstance(staff, list) else list(staff)
    if not staff:
        return []
    judged = _judged(staff, now=now, as_of=as_of)
    # Once a module: Wagtail works a page's URL out again each time it is asked.
    urls = {found.requirement.pk: found.requirement.get_url() or "" for found in judged}

    def row(profile: Person, found: Judged[TrainingModulePage, ModuleStatus], status):
        module = found.requirement
        return ComplianceRow(
            staff_id=profile.pk,
            kind=KIND,
            requirement_key=str(module.pk),
            label=module.title,
            status=status.compliance,
            due_on=found.due_on[profile.pk],
            url=urls[module.pk],
            action=ACTIONS[status],
            manager_action=MANAGER_ACTIONS[status],
            detail=status.detail,
        )

    return per_person(staff, judged, row)


def training_standings(
    *, staff: Sequence[Person], now: datetime, as_of: date | None
) -> list[Standings]:
    """The provider's judgement as Standings (a column per required module), for pages over
    everyone: the same statuses and dates as `training_rows`, without the words."""
    staff = staff if isinstance(staff, list) else list(staff)
    if not staff:
        return []
    return [
        Standings(
            KIND,
            str(found.requirement.pk),
            found.requirement.title,
            {pk: status.compliance for pk, status in found.status.items()},
            found.due_on,
        )
        for found in _judged(staff, now=now, as_of=as_of)
    ]


def required_modules(profile: StaffProfile, *, now: datetime) -> list[RequiredModule]:
    """Each live module `profile`'s roles require, judged on their local today, by title.

    A fixed number of queries (four) however many modules or attempts.
    """
    required = _requirements_by_staff([profile]).get(profile.pk, {})
    if not required:
        return []
    modules = list(TrainingModulePage.objects.filter(pk__in=required).order_by("title"))
    facts = _attempt_facts([profile], set(required))
    pass_ids = {}
    for module in modules:
        fact = facts.get((profile.pk, module.pk), {"passes": []})
        pass_ids[module.pk] = _valid_until(fact["passes"], required[module.pk])
    certificates = QuizAttempt.objects.in_bulk([pk for _, pk in pass_ids.values() if pk])
    today = profile.local_date(now)
    lines = []
    for module in modules:
        fact = facts.get((profile.pk, module.pk)) or {
            "attempted": False,
            "best": None,
            "open": None,
        }
        until, pass_id = pass_ids[module.pk]
        lines.append(
            RequiredModule(
                module=module,
                valid_for_months=required[module.pk] or module.valid_for_months,
                status=judge_module(
                    valid_until=until,
                    attempted=fact["attempted"],
                    as_of=today,
                    due_soon_days=due_soon_days(),
                ),
                valid_until=until,
                best_percent=None if fact["best"] is None else round(fact["best"] * 100),
                certificate=certificates.get(pass_id),
                open_attempt_id=fact["open"],
            )
        )
    return lines


# --- one attempt, fetched and authorised in one query --------------------------------------


# Saving, submitting and the result each ask it: compiled once per process.
_own_attempt_at = PreparedQuery(
    lambda user_id, attempt_id, module_id: (
        own_attempts(
            get_user_model()(pk=user_id),
            QuizAttempt.objects.filter(pk=attempt_id, module_id=module_id),
        )
        .select_related("staff__user", "staff__home_location")
        .order_by("-started_at", "-pk")[:1]
    )
)
_answers_of = PreparedQuery(
    lambda attempt_id: AttemptAnswer.objects.filter(attempt_id=attempt_id).order_by("position")
)


def answers_of(attempt: QuizAttempt) -> list[AttemptAnswer]:
    """The attempt's answer rows by position (one query, compiled once per process)."""
    return _answers_of.all(attempt.pk)


def attempt_for_owner(user: AbstractBaseUser, attempt_id: int, *, module=None) -> QuizAttempt:
    """The user's own attempt (at `module` when given); the same 404 if missing or not theirs."""
    if module is not None and user.is_authenticated:
        attempt = _own_attempt_at.first(user.pk, attempt_id, module.pk)
        if attempt is None:
            raise Http404("No such attempt.")
        return attempt
    attempts = own_attempts(user, QuizAttempt.objects.filter(pk=attempt_id))
    if module is not None:
        attempts = attempts.filter(module=module)
    attempt = attempts.select_related("staff__user", "staff__home_location").first()
    if attempt is None:
        raise Http404("No such attempt.")
    return attempt


def certificate_for_owner(user: AbstractBaseUser, attempt_id: int) -> QuizAttempt:
    """A passed attempt of the user's own, for its certificate; 404 otherwise."""
    attempt = (
        own_attempts(user, QuizAttempt.objects.filter(pk=attempt_id, passed=True))
        .select_related("staff__user", "module")
        .first()
    )
    if attempt is None:
        raise Http404("No such certificate.")
    return attempt


def certificate_by_code(code: str) -> QuizAttempt:
    """The passed attempt a verification code names; 404 for any other code."""
    attempt = (
        QuizAttempt.objects.filter(certificate_code=code, passed=True)
        .select_related("staff__user", "module")
        .first()
        if code
        else None
    )
    if attempt is None:
        raise Http404("No certificate has this code.")
    return attempt


def attempts_of(profile: StaffProfile, *, module: TrainingModulePage) -> QuerySet[QuizAttempt]:
    """The person's attempts at one module, newest first, as a list shows them: without the
    snapshot of the questions shown (every choice's text and feedback, read for nothing)."""
    return (
        QuizAttempt.objects.filter(staff=profile, module=module)
        .defer("questions")
        .order_by("-started_at", "-pk")
    )


# --- what the load test sent, as stored ---------------------------------------------------


@dataclass(frozen=True)
class StoredAnswer:
    attempt_id: int
    username: str
    submitted_at: datetime | None
    question_id: int | None
    selected_keys: list[str]
    answered_at: datetime | None


def stored_answers(*, attempt_ids: Sequence[int]) -> list[StoredAnswer]:
    """Every answer row of these attempts as the database holds it, with whose attempt it is,
    in one query. For checks run outside any viewer (`loadtest_check`), never for a page."""
    rows = AttemptAnswer.objects.filter(attempt_id__in=list(attempt_ids)).values_list(
        "attempt_id",
        "attempt__staff__user__username",
        "attempt__submitted_at",
        "question_id",
        "selected_keys",
        "answered_at",
    )
    return [StoredAnswer(*row) for row in rows]


# --- for the manager dashboard -------------------------------------------------------------


def attempts_for_staff(viewer: AbstractBaseUser, staff_pk: int) -> QuerySet[QuizAttempt]:
    """Submitted attempts of one staff member the viewer may see; empty if they may not."""
    return visible_attempts(
        viewer, QuizAttempt.objects.filter(staff_id=staff_pk, status=AttemptStatus.SUBMITTED)
    ).order_by("-submitted_at")


def score_distribution(viewer: AbstractBaseUser, *, module_id: int, bins: int = 10) -> list[int]:
    """How many submitted attempts (of staff the viewer may see) fell in each score band.

    `bins` equal bands from 0 to 100 %; a score of exactly 100 % falls in the last.
    """
    counts = [0] * bins
    scores = visible_attempts(
        viewer, QuizAttempt.objects.filter(module_id=module_id, status=AttemptStatus.SUBMITTED)
    ).values_list("score", flat=True)
    for score in scores:
        counts[min(int(score * bins), bins - 1)] += 1
    return counts


def module_summaries(viewer: AbstractBaseUser) -> QuerySet:
    """Per module: attempts, passes and the latest submission, over staff the viewer may see."""
    return (
        visible_attempts(viewer, QuizAttempt.objects.filter(status=AttemptStatus.SUBMITTED))
        .values("module_id", "module_title")
        .annotate(
            attempts=Count("pk"),
            passes=Count("pk", filter=Q(passed=True)),
            latest=Max("submitted_at"),
        )
        .order_by("module_title")
    )


def submitted_scores(viewer: AbstractBaseUser) -> list[tuple[int, str, float]]:
    """(staff id, module title, score 0-1) of every submitted attempt by staff the viewer may
    see, in one query: the dashboard's score distribution per module."""
    return list(
        visible_attempts(
            viewer,
            QuizAttempt.objects.filter(status=AttemptStatus.SUBMITTED, score__isnull=False),
        )
        .order_by("module_title")
        .values_list("staff_id", "module_title", "score")
    )


def last_passes(staff: Sequence[Person], module_ids: Sequence[int]) -> dict[tuple[int, int], date]:
    """(staff pk, module pk) -> the latest day a quiz of the module was passed, for `staff`
    and `module_ids`. One query, for clearances (clearances.selectors)."""
    wanted = {p.pk for p in staff}
    rows = (
        narrowed_to(QuizAttempt.objects.filter(module_id__in=module_ids, passed=True), staff)
        .order_by()
        .values_list("staff_id", "module_id")
        .annotate(last=Max("passed_on"))
    )
    return {
        (staff_id, module_id): last
        for staff_id, module_id, last in rows
        if staff_id in wanted and last is not None
    }
