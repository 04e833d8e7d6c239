"""Reads of audit rounds and their scores, scoped by the viewer (audits.policies)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from audits.models import (
    AuditChecklist,
    AuditedRecord,
    AuditRound,
    ItemScore,
    Outcome,
    Retraining,
    RoundItem,
)
from audits.policies import managed_rounds
from audits.scoring import Tally, tally
from organisation.models import StaffProfile

NO_SUCH_ROUND = "No such audit round."
NO_SUCH_ITEM = "No such checklist item."


def _outcome_counts(prefix: str) -> dict:
    return {
        "met_count": Count(prefix, filter=Q(**{f"{prefix}__outcome": Outcome.MET})),
        "not_met_count": Count(prefix, filter=Q(**{f"{prefix}__outcome": Outcome.NOT_MET})),
        "na_count": Count(prefix, filter=Q(**{f"{prefix}__outcome": Outcome.NOT_APPLICABLE})),
    }


def round_tally(audit_round: AuditRound) -> Tally:
    """The overall tally of a round annotated by rounds_for_manager."""
    return Tally(audit_round.met_count, audit_round.not_met_count, audit_round.na_count)


def rounds_for_manager(viewer: AbstractBaseUser) -> QuerySet[AuditRound]:
    """Rounds at the viewer's locations, newest first, each with its overall outcome counts
    and number of records, in one query however many rounds."""
    return (
        managed_rounds(viewer, AuditRound.objects.all())
        .select_related("location", "auditor__user")
        .annotate(
            **_outcome_counts("records__scores"),
            record_count=Count("records", distinct=True),
        )
        .order_by("-audited_on", "-pk")
    )


def round_for_manager(viewer: AbstractBaseUser, pk: int) -> AuditRound:
    """One round at a location the viewer manages; the same 404 for missing and not theirs."""
    found = (
        managed_rounds(viewer, AuditRound.objects.filter(pk=pk))
        .select_related("location", "checklist", "auditor__user")
        .prefetch_related(Prefetch("items", queryset=RoundItem.objects.order_by("position")))
        .first()
    )
    if found is None:
        raise Http404(NO_SUCH_ROUND)
    return found


def round_item_for_manager(viewer: AbstractBaseUser, round_pk: int, item_pk: int) -> RoundItem:
    item = (
        RoundItem.objects.filter(
            pk=item_pk,
            round_id=round_pk,
            round__in=managed_rounds(viewer, AuditRound.objects.all()).values("pk"),
        )
        .select_related("round__location")
        .first()
    )
    if item is None:
        raise Http404(NO_SUCH_ITEM)
    return item


@dataclass(frozen=True)
class ItemResult:
    item: RoundItem
    tally: Tally
    failing: bool


@dataclass(frozen=True)
class RoundResult:
    """A round's scores: per item, overall, and the records with their outcomes."""

    round: AuditRound
    items: list[ItemResult]
    overall: Tally
    records: list[AuditedRecord]

    @property
    def failing(self) -> list[ItemResult]:
        return [r for r in self.items if r.failing]


def round_result(audit_round: AuditRound) -> RoundResult:
    """Scores of a round fetched by round_for_manager, in two queries however many records."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for line in (
        ItemScore.objects.filter(item__round=audit_round)
        .values("item_id", "outcome")
        .annotate(n=Count("pk"))
    ):
        counts[line["item_id"]][line["outcome"]] = line["n"]
    items = []
    overall = Tally()
    for item in audit_round.items.all():
        item_tally = tally(counts[item.pk])
        overall += item_tally
        items.append(ItemResult(item, item_tally, item_tally.fails(audit_round.pass_mark)))
    records = list(
        AuditedRecord.objects.filter(round=audit_round)
        .select_related("treated_by__user")
        .prefetch_related(
            Prefetch(
                "scores",
                queryset=ItemScore.objects.select_related("item").order_by("item__position"),
            )
        )
        .order_by("pk")
    )
    return RoundResult(audit_round, items, overall, records)


def treating_staff(audit_round: AuditRound) -> list[StaffProfile]:
    """Everyone who treated a record in the round's sample, each once, by name."""
    return list(
        StaffProfile.objects.filter(audited_records__round=audit_round)
        .distinct()
        .select_related("user", "home_location")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def live_checklists() -> QuerySet[AuditChecklist]:
    """Checklists a round may start from: approved by the medical director (live)."""
    return AuditChecklist.objects.filter(live=True).order_by("name")


@dataclass(frozen=True)
class TrendPoint:
    location: str
    procedure: str
    audited_on: date
    records: int
    tally: Tally


def score_trend(viewer: AbstractBaseUser) -> list[TrendPoint]:
    """Each completed round's overall score at the viewer's locations, by location, procedure
    and date: one query however many rounds."""
    rounds = (
        rounds_for_manager(viewer)
        .filter(completed_at__isnull=False)
        .order_by("location__name", "procedure", "audited_on", "pk")
    )
    return [
        TrendPoint(r.location.name, r.procedure, r.audited_on, r.record_count, round_tally(r))
        for r in rounds
    ]


def retrainings(audit_round: AuditRound) -> list[Retraining]:
    return list(
        Retraining.objects.filter(item__round=audit_round)
        .select_related("item", "assigned_by__user")
        .order_by("assigned_at", "pk")
    )
