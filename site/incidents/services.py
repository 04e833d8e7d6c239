"""Writes to incidents: record one, edit it while open, review and close it.

Each service checks, writes in one transaction and appends an audit entry to the trail of
the manager who acted (organisation.services.record_audit). Closing can assign a module or
drill to every person involved through actions.assignments.assign_to_person: one assignment
each, all or none, and the incident stays open if any is refused.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from actions.assignments import assign_to_person
from content.models import ProtocolPage
from incidents.models import Complication, Incident, IncidentStatus, IncidentStep, ProtocolFollowed
from incidents.steps import Step
from organisation.bounds import refuse_dates_out_of_range, refuse_long_text
from organisation.models import Location, StaffProfile
from organisation.policies import managed_locations
from organisation.services import record_audit

NOT_YOUR_LOCATION = _("You can record incidents only at the locations you manage.")
IN_THE_FUTURE = _("The incident cannot be later than now at %(location)s (%(now)s).")
NOT_AT_LOCATION = _("%(names)s did not work at %(location)s: choose people of that location.")
NOBODY_INVOLVED = _("Choose at least one member of staff who was involved.")
SAY_WHICH_COMPLICATION = _("Say in words what the complication was.")
CHOOSE_PROTOCOL = _("Choose the protocol, or answer “No protocol applies”.")
NOT_PUBLISHED = _("Choose a published protocol.")
ALREADY_CLOSED = _("This incident is closed: it can no longer be changed.")
ASSIGNMENT_REFUSED = _("%(name)s: %(reason)s")
REVIEW_NEEDED = _("Write the review: what was learned, and what changes.")


@dataclass(frozen=True)
class Details:
    """What a manager writes about an incident, as the form cleans it."""

    location: Location
    occurred_on: date
    occurred_time: time
    procedure: str
    complication: str
    complication_detail: str
    protocol: ProtocolPage | None
    protocol_followed: str
    steps: list[Step]
    outcome: str
    follow_up_plan: str
    staff_involved: list[StaffProfile]

    def occurred_at(self) -> datetime:
        """The local date and time at the location, as an aware datetime."""
        zone = ZoneInfo(self.location.time_zone)
        return datetime.combine(self.occurred_on, self.occurred_time, tzinfo=zone)


@dataclass(frozen=True)
class Retraining:
    """A module or drill to assign to everyone involved when the incident is closed."""

    what: str  # actions.models.AssignmentWhat
    page: Page
    due_on: date


def _check(details: Details, *, actor: StaffProfile, now: datetime) -> None:
    if not managed_locations(actor.user).filter(pk=details.location.pk).exists():
        raise PermissionDenied(NOT_YOUR_LOCATION)
    refuse_dates_out_of_range(occurred_on=details.occurred_on)
    refuse_long_text(outcome=details.outcome, follow_up_plan=details.follow_up_plan)
    errors: dict[str, ValidationError] = {}
    local_now = now.astimezone(ZoneInfo(details.location.time_zone))
    if details.occurred_at() > local_now:
        errors["occurred_on"] = ValidationError(
            IN_THE_FUTURE,
            params={"location": details.location.name, "now": f"{local_now:%-d %b %Y %H:%M}"},
        )
    if details.complication == Complication.OTHER and not details.complication_detail.strip():
        errors["complication_detail"] = ValidationError(SAY_WHICH_COMPLICATION)
    if details.protocol is None and details.protocol_followed != ProtocolFollowed.NONE:
        errors["protocol"] = ValidationError(CHOOSE_PROTOCOL)
    elif details.protocol is not None and not details.protocol.live:
        errors["protocol"] = ValidationError(NOT_PUBLISHED)
    if not details.staff_involved:
        errors["staff_involved"] = ValidationError(NOBODY_INVOLVED)
    else:
        there = set(
            StaffProfile.objects.filter(
                pk__in=[p.pk for p in details.staff_involved], locations=details.location
            ).values_list("pk", flat=True)
        )
        elsewhere = [p.display_name for p in details.staff_involved if p.pk not in there]
        if elsewhere:
            errors["staff_involved"] = ValidationError(
                NOT_AT_LOCATION,
                params={"names": ", ".join(elsewhere), "location": details.location.name},
            )
    if errors:
        raise ValidationError(errors)


def _write(incident: Incident, details: Details) -> None:
    incident.location = details.location
    incident.occurred_at = details.occurred_at()
    incident.occurred_on = details.occurred_on
    incident.procedure = details.procedure
    incident.complication = details.complication
    incident.complication_detail = (
        details.complication_detail.strip() if details.complication == Complication.OTHER else ""
    )
    incident.protocol = details.protocol
    incident.protocol_followed = details.protocol_followed
    incident.outcome = details.outcome.strip()
    incident.follow_up_plan = details.follow_up_plan.strip()
    incident.save()
    incident.staff_involved.set(details.staff_involved)
    incident.steps.all().delete()
    IncidentStep.objects.bulk_create(
        IncidentStep(incident=incident, at=s.at, action=s.action, position=n)
        for n, s in enumerate(details.steps)
    )


def record_incident(*, details: Details, recorded_by: StaffProfile, now: datetime) -> Incident:
    """A new open incident at a location the recorder manages. ValidationError (nothing
    written) for a time later than now, staff of another location, a missing protocol."""
    _check(details, actor=recorded_by, now=now)
    with transaction.atomic():
        incident = Incident(recorded_by=recorded_by.user, recorded_at=now)
        _write(incident, details)
        record_audit(
            staff=recorded_by,
            action="incident.created",
            summary=f"Recorded an incident at {details.location.name} on "
            f"{details.occurred_on:%-d %b %Y}: {incident}.",
            at=now,
            actor=recorded_by.user,
            data={"incident": incident.pk, "location": details.location.pk},
        )
    return incident


def update_incident(
    *, incident: Incident, details: Details, edited_by: StaffProfile, now: datetime
) -> Incident:
    """Change an open incident; a closed one is refused."""
    _check(details, actor=edited_by, now=now)
    with transaction.atomic():
        incident = Incident.objects.select_for_update().get(pk=incident.pk)
        if not incident.is_open:
            raise ValidationError(ALREADY_CLOSED)
        _write(incident, details)
        record_audit(
            staff=edited_by,
            action="incident.edited",
            summary=f"Edited the incident of {details.occurred_on:%-d %b %Y} at "
            f"{details.location.name}: {incident}.",
            at=now,
            actor=edited_by.user,
            data={"incident": incident.pk, "location": details.location.pk},
        )
    return incident


def close_incident(
    *,
    incident: Incident,
    review: str,
    retraining: Retraining | None,
    closed_by: StaffProfile,
    now: datetime,
) -> Incident:
    """Close an open incident with its review, recording who closed it and when.

    With `retraining`, the module or drill is assigned to each person involved (one
    assignment each). If any assignment is refused, ValidationError naming the person and
    why, and nothing is written: no assignment, and the incident stays open."""
    if not review.strip():
        raise ValidationError({"review": REVIEW_NEEDED})
    refuse_long_text(review=review)
    if not managed_locations(closed_by.user).filter(pk=incident.location_id).exists():
        raise PermissionDenied(NOT_YOUR_LOCATION)
    with transaction.atomic():
        incident = (
            Incident.objects.select_for_update(of=("self",))
            .select_related("location")
            .get(pk=incident.pk)
        )
        if not incident.is_open:
            raise ValidationError(ALREADY_CLOSED)
        assigned = []
        if retraining is not None:
            refused = []
            for person in incident.staff_involved.select_related("user", "home_location"):
                try:
                    assigned.append(
                        assign_to_person(
                            staff=person,
                            what=retraining.what,
                            page=retraining.page,
                            due_on=retraining.due_on,
                            actor=closed_by.user,
                            now=now,
                        )
                    )
                except (ValidationError, PermissionDenied) as error:
                    reasons = error.messages if isinstance(error, ValidationError) else [str(error)]
                    refused.extend(
                        ValidationError(
                            ASSIGNMENT_REFUSED,
                            params={"name": person.display_name, "reason": reason},
                        )
                        for reason in reasons
                    )
            if refused:
                # Leaving the atomic block by the exception undoes the assignments made.
                raise ValidationError({"page": refused})
        incident.status = IncidentStatus.CLOSED
        incident.closed_at = now
        incident.closed_by = closed_by.user
        incident.review = review.strip()
        incident.save(update_fields=["status", "closed_at", "closed_by", "review"])
        record_audit(
            staff=closed_by,
            action="incident.closed",
            summary=f"Closed the incident of {incident.occurred_on:%-d %b %Y} at "
            f"{incident.location.name}: {incident}"
            + (f"; assigned {retraining.page.title} to {len(assigned)}." if assigned else "."),
            at=now,
            actor=closed_by.user,
            data={
                "incident": incident.pk,
                "location": incident.location_id,
                "assignments": [a.pk for a in assigned],
            },
        )
    return incident
