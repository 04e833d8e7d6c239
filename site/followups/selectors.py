"""Reads of follow-up actions, scoped by the viewer (followups.policies)."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.http import Http404

from followups import rules
from followups.models import FollowUpAction, FollowUpStatus
from followups.policies import managed_follow_ups, owned_follow_ups
from organisation.status import Status

NO_SUCH_ACTION = "No such follow-up action."
FILTERS = ("open", "done", "cancelled", "all")


@dataclass(frozen=True)
class Standing:
    """An action as a list shows it: open ones with their status on the owner's date."""

    action: FollowUpAction
    status: Status | None  # None once done or cancelled


def _with_source(actions: QuerySet[FollowUpAction]) -> QuerySet[FollowUpAction]:
    return actions.select_related(
        "owner__user", "owner__home_location", "location", "incident", "drill_session__page"
    )


def standings(actions, *, now: datetime) -> list[Standing]:
    return [
        Standing(
            a,
            rules.status(due_on=a.due_on, today=a.owner.local_date(now)) if a.is_open else None,
        )
        for a in actions
    ]


def follow_ups_for_manager(viewer: AbstractBaseUser, *, status: str = "open"):
    actions = managed_follow_ups(viewer, FollowUpAction.objects.all())
    if status in FollowUpStatus.values:
        actions = actions.filter(status=status)
    return _with_source(actions).order_by("due_on", "pk")


def follow_up_for_manager(viewer: AbstractBaseUser, pk: int) -> FollowUpAction:
    """One action at a location the viewer manages; the same 404 for missing and not theirs."""
    action = _with_source(managed_follow_ups(viewer, FollowUpAction.objects.filter(pk=pk))).first()
    if action is None:
        raise Http404(NO_SUCH_ACTION)
    return action


def my_follow_ups(viewer: AbstractBaseUser) -> QuerySet[FollowUpAction]:
    """The viewer's own actions: open ones first by due date, then the last closed."""
    return _with_source(owned_follow_ups(viewer, FollowUpAction.objects.all())).order_by(
        "-status", "due_on", "pk"
    )


def my_follow_up(viewer: AbstractBaseUser, pk: int) -> FollowUpAction:
    action = _with_source(owned_follow_ups(viewer, FollowUpAction.objects.filter(pk=pk))).first()
    if action is None:
        raise Http404(NO_SUCH_ACTION)
    return action


def follow_ups_of_incident(incident) -> QuerySet[FollowUpAction]:
    """The caller has checked the viewer manages the incident's location."""
    return _with_source(FollowUpAction.objects.filter(incident=incident)).order_by("due_on", "pk")


def follow_ups_of_session(session) -> QuerySet[FollowUpAction]:
    """The caller has checked the viewer manages the team drill's location."""
    return _with_source(FollowUpAction.objects.filter(drill_session=session)).order_by(
        "due_on", "pk"
    )
