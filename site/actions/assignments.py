"""Writes about assignments: set a module or drill to one person, or to everyone holding a
role at a location, due on a date. Each checked, atomic, one audit entry per person."""

from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from actions.exemptions import refuse_unless_manager_of
from actions.models import Assignment, AssignmentWhat
from organisation.bounds import refuse_dates_out_of_range
from organisation.models import JobRole, Location, StaffProfile
from organisation.policies import managed_locations
from organisation.selectors import active_staff_at
from organisation.services import record_audit

DUE_IN_PAST = _("The due date cannot be before the person's today (%(today)s).")
NOT_YOUR_LOCATION = _("You can assign only at the locations you manage.")
NOBODY_HOLDS_ROLE = _("Nobody active at %(location)s holds the role %(role)s.")
ALREADY_ASSIGNED = _("%(name)s already has %(title)s assigned, due %(due)s.")
NOT_PUBLISHED = _("Choose a published training module or drill.")


def _check(*, page: Page, what: str, due_on: date) -> None:
    refuse_dates_out_of_range(due_on=due_on)
    if what not in AssignmentWhat.values or not page.live:
        raise ValidationError({"page": NOT_PUBLISHED})


def _assign(*, staff, what, page, due_on, role, location, actor, now) -> Assignment:
    today = staff.local_date(now)
    if due_on < today:
        raise ValidationError(
            {"due_on": ValidationError(DUE_IN_PAST, params={"today": f"{today:%-d %b %Y}"})}
        )
    if Assignment.objects.filter(staff=staff, page=page, due_on=due_on).exists():
        raise ValidationError(
            {
                "page": ValidationError(
                    ALREADY_ASSIGNED,
                    params={
                        "name": staff.display_name,
                        "title": page.title,
                        "due": f"{due_on:%-d %b %Y}",
                    },
                )
            }
        )
    assignment = Assignment.objects.create(
        staff=staff,
        what=what,
        page=page,
        title=page.title[:255],
        assigned_on=today,
        due_on=due_on,
        role=role,
        location=location,
        assigned_by=actor,
        assigned_at=now,
    )
    scope = f" (everyone who is {role.name} at {location.name})" if role else ""
    record_audit(
        staff=staff,
        action="assignment.created",
        summary=f"Assigned {AssignmentWhat(what).label.lower()} {page.title}, due "
        f"{due_on:%-d %b %Y}{scope}.",
        at=now,
        actor=actor,
        data={
            "assignment": assignment.pk,
            "what": what,
            "page": page.pk,
            "due_on": due_on.isoformat(),
            "role": role.pk if role else None,
            "location": location.pk if location else None,
        },
    )
    return assignment


def assign_to_person(
    *,
    staff: StaffProfile,
    what: str,
    page: Page,
    due_on: date,
    actor: AbstractBaseUser,
    now: datetime,
) -> Assignment:
    """Set `page` (a published module or drill) to `staff`, due on `due_on`.

    Refused (ValidationError, nothing written): a page not published, a due date before the
    person's local today, the same page already assigned with that due date. PermissionDenied
    unless the actor manages the person. One `assignment.created` audit entry."""
    refuse_unless_manager_of(actor, staff)
    _check(page=page, what=what, due_on=due_on)
    with transaction.atomic():
        return _assign(
            staff=staff,
            what=what,
            page=page,
            due_on=due_on,
            role=None,
            location=None,
            actor=actor,
            now=now,
        )


def assign_to_role(
    *,
    role: JobRole,
    location: Location,
    what: str,
    page: Page,
    due_on: date,
    actor: AbstractBaseUser,
    now: datetime,
) -> list[Assignment]:
    """Set `page` to every active person holding `role` at `location` now (not the actor),
    each due on `due_on`: all or none, an audit entry each. People who already have it with
    that due date are skipped. PermissionDenied unless the actor manages `location`."""
    if not managed_locations(actor).filter(pk=location.pk).exists():
        raise PermissionDenied(NOT_YOUR_LOCATION)
    _check(page=page, what=what, due_on=due_on)
    people = list(
        active_staff_at(Location.objects.filter(pk=location.pk), role=role)
        .exclude(user=actor)
        .exclude(assignments__page=page, assignments__due_on=due_on)
        .select_related("user", "home_location")
        .order_by("pk")
    )
    if not people:
        raise ValidationError(
            {
                "role": ValidationError(
                    NOBODY_HOLDS_ROLE, params={"location": location.name, "role": role.name}
                )
            }
        )
    with transaction.atomic():
        return [
            _assign(
                staff=person,
                what=what,
                page=page,
                due_on=due_on,
                role=role,
                location=location,
                actor=actor,
                now=now,
            )
            for person in people
        ]


def reassign_after_revision(
    *, staff: StaffProfile, page: Page, due_on: date, actor: AbstractBaseUser, now: datetime
) -> Assignment | None:
    """Set a module again to someone who passed it before a clinically significant revision of
    a protocol it is built on (attestations.services), due on `due_on`.

    System-initiated on the publisher's behalf, for the whole clinic: no manager-of check.
    None, writing nothing, when the person already has the module with that due date. Refused
    as `assign_to_person` refuses a page not published or a due date before their today. One
    `assignment.created` audit entry. The caller holds the transaction."""
    _check(page=page, what=AssignmentWhat.MODULE, due_on=due_on)
    if Assignment.objects.filter(staff=staff, page=page, due_on=due_on).exists():
        return None
    return _assign(
        staff=staff,
        what=AssignmentWhat.MODULE,
        page=page,
        due_on=due_on,
        role=None,
        location=None,
        actor=actor,
        now=now,
    )
