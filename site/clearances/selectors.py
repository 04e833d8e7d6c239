"""Reads for clearances: the live (approved) clearances, the facts judging needs (through the
certifications, training and drills selectors, in a fixed number of queries however many
people), and the answers the pages and the API give."""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.urls import reverse

from certifications.selectors import clearance_cards
from clearances.coverage import CoverageWarning, coverage_warning
from clearances.exemptions import exemptions_until
from clearances.judging import CERTIFICATION, DRILL, TRAINING, Facts, Need, Verdict, judge
from clearances.models import (
    Clearance,
    ClearanceMinimum,
    ClearanceRequirement,
    GateToken,
    hash_token,
)
from drills.selectors import last_completed
from organisation.models import Location, StaffProfile
from organisation.policies import managed_locations
from organisation.selectors import StaffLine, active_staff_at, staff_lines
from training.selectors import last_passes

NO_SUCH_LOCATION = "No such location."


def live_clearances() -> QuerySet[Clearance]:
    """The approved clearances with their requirements, minimums and roles: four queries."""
    return (
        Clearance.objects.filter(live=True)
        .prefetch_related(
            "roles",
            Prefetch(
                "requirements",
                queryset=ClearanceRequirement.objects.select_related(
                    "certification_type", "module", "scenario"
                ).order_by("sort_order", "pk"),
            ),
            Prefetch("minimums", queryset=ClearanceMinimum.objects.select_related("location")),
        )
        .order_by("name")
    )


def needs_of(clearance: Clearance) -> list[Need]:
    """The clearance's requirements as judging reads them (from the prefetched rows)."""
    needs = []
    for r in clearance.requirements.all():
        if r.certification_type is not None:
            t = r.certification_type
            needs.append(Need(CERTIFICATION, t.code, t.pk, t.code, None, r.role_id))
        elif r.module is not None:
            m = r.module
            needs.append(Need(TRAINING, str(m.pk), m.pk, m.title, r.within_months, r.role_id))
        elif r.scenario is not None:
            s = r.scenario
            needs.append(Need(DRILL, str(s.pk), s.pk, s.title, r.within_months, r.role_id))
        else:  # its module or scenario was deleted: never met (judging.TARGET_GONE)
            needs.append(Need("", f"gone-{r.pk}", None, "?", None, r.role_id))
    return needs


def considers(clearance: Clearance, role_ids: Sequence[int]) -> bool:
    """Whether the clearance is about this person at all: they hold one of its roles (or it
    names none). Reads the clearance's prefetched roles (live_clearances)."""
    roles = {role.pk for role in clearance.roles.all()}
    return not roles or bool(roles.intersection(role_ids))


def facts_for(staff: Sequence, needs: Sequence[Need], *, on: date) -> Facts:
    """What is on record for `staff` about `needs`, with the exemptions in force on `on`: at
    most six queries, whatever the number of people or requirements."""
    kinds = {n.kind for n in needs}
    expiries, awaiting = clearance_cards(staff) if CERTIFICATION in kinds else ({}, set())
    modules = sorted({n.target_id for n in needs if n.kind == TRAINING and n.target_id})
    scenarios = sorted({n.target_id for n in needs if n.kind == DRILL and n.target_id})
    return Facts(
        card_expiries=expiries,
        cards_awaiting=awaiting,
        last_passes=last_passes(staff, modules) if modules else {},
        last_drills=last_completed(staff, scenarios) if scenarios else {},
        exemptions=exemptions_until(staff_ids=[p.pk for p in staff], on=on) if staff else {},
    )


@dataclass(frozen=True)
class Judged:
    """One person's verdict on one clearance."""

    person: StaffLine
    verdict: Verdict


@dataclass(frozen=True)
class ClearanceAtLocation:
    """A clearance judged for the people it considers at one location on one day."""

    clearance: Clearance
    location: Location
    on: date
    judged: list[Judged]
    warning: CoverageWarning | None

    @property
    def cleared(self) -> list[Judged]:
        return [j for j in self.judged if j.verdict.cleared]

    @property
    def not_cleared(self) -> list[Judged]:
        return [j for j in self.judged if not j.verdict.cleared]

    def as_json(self) -> dict:
        """The roster gate's answer as /api/gate/ gives it (and as the page shows it)."""
        return {
            "location": self.location.slug,
            "location_name": self.location.name,
            "procedure": self.clearance.slug,
            "procedure_name": self.clearance.name,
            "date": self.on.isoformat(),
            "cleared": [
                {"staff_id": j.person.pk, "name": j.person.display_name, "notes": j.verdict.notes}
                for j in self.cleared
            ],
            "not_cleared": [
                {
                    "staff_id": j.person.pk,
                    "name": j.person.display_name,
                    "reasons": j.verdict.reasons,
                }
                for j in self.not_cleared
            ],
            "coverage_warning": self.warning.as_json() if self.warning else None,
        }


def _minimum_at(clearance: Clearance, location: Location) -> int | None:
    return next((m.minimum for m in clearance.minimums.all() if m.location_id == location.pk), None)


def _judge_all(people: list[StaffLine], needs: list[Need], facts: Facts, on: date) -> list[Judged]:
    return [
        Judged(p, judge(staff_id=p.pk, role_ids=p.role_ids, needs=needs, facts=facts, on=on))
        for p in people
    ]


def at_location(
    *, clearances: Sequence[Clearance], location: Location, on: date, now: datetime
) -> list[ClearanceAtLocation]:
    """Each of `clearances` judged for the active staff at `location` it considers, on `on`,
    with a coverage warning where the location's minimum fails in the next 90 days from its
    today. A fixed number of queries however many people or clearances."""
    staff = staff_lines(active_staff_at(Location.objects.filter(pk=location.pk)))
    needs = {c.pk: needs_of(c) for c in clearances}
    all_needs = [n for found in needs.values() for n in found]
    facts = facts_for(staff, all_needs, on=on)
    today = location.local_date(now)
    today_facts = facts
    if today != on and any(_minimum_at(c, location) for c in clearances):
        # The exemptions were read for the day asked; the forecast starts from today's.
        today_facts = replace(
            facts, exemptions=exemptions_until(staff_ids=[p.pk for p in staff], on=today)
        )
    answers = []
    for clearance in clearances:
        people = [p for p in staff if considers(clearance, p.role_ids)]
        judged = _judge_all(people, needs[clearance.pk], facts, on)
        minimum = _minimum_at(clearance, location)
        warning = None
        if minimum:
            now_judged = (
                judged
                if today == on
                else _judge_all(people, needs[clearance.pk], today_facts, today)
            )
            warning = coverage_warning(
                location=location,
                clearance_name=clearance.name,
                slug=clearance.slug,
                minimum=minimum,
                staff=people,
                cleared_through={j.person.pk: j.verdict.cleared_through for j in now_judged},
                today=today,
            )
        answers.append(ClearanceAtLocation(clearance, location, on, judged, warning))
    return answers


def managed_location(viewer: AbstractBaseUser, slug: str) -> Location:
    """One of the viewer's managed locations by slug; the same 404 whether it does not exist
    or is another manager's."""
    location = managed_locations(viewer).filter(slug=slug).first()
    if location is None:
        raise Http404(NO_SUCH_LOCATION)
    return location


def token_location(token: GateToken, slug: str) -> Location | None:
    """A location in the token's clinic by slug; None whether unknown or outside it."""
    return token.locations.filter(slug=slug).first()


def token_for(secret: str) -> GateToken | None:
    """The unrevoked token whose secret this is, or None."""
    if not secret:
        return None
    return GateToken.objects.filter(key_hash=hash_token(secret), revoked_at__isnull=True).first()


@dataclass(frozen=True)
class MyClearance:
    clearance: Clearance
    verdict: Verdict
    links: dict[str, str]  # requirement key -> where the person acts on it


def my_clearances(profile: StaffProfile, *, now: datetime) -> tuple[date, list[MyClearance]]:
    """The live clearances that consider `profile` (by their roles), judged on their local
    today, with where to act on each requirement."""
    today = profile.local_date(now)
    role_ids = [r.pk for r in profile.roles.all()]
    mine = [c for c in live_clearances() if considers(c, role_ids)]
    needs = {c.pk: needs_of(c) for c in mine}
    facts = facts_for([profile], [n for found in needs.values() for n in found], on=today)
    upload = reverse("certifications:my_certifications")
    found = []
    for clearance in mine:
        links = {}
        for r in clearance.requirements.all():
            if r.certification_type is not None:
                code = r.certification_type.code
                links[code] = f"{upload}?type={code}#upload-heading"
            elif r.module is not None:
                links[str(r.module.pk)] = r.module.url or ""
            elif r.scenario is not None:
                links[str(r.scenario.pk)] = r.scenario.url or ""
        verdict = judge(
            staff_id=profile.pk, role_ids=role_ids, needs=needs[clearance.pk], facts=facts, on=today
        )
        found.append(MyClearance(clearance, verdict, links))
    return today, found
