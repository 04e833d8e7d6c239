"""Open follow-up actions as compliance rows of one kind, "followup" (keys "action:<pk>"), so
the home page, the staff record and the reminder sweep treat each as something its owner must
do by a date: the sweep reminds the owner at each of the reminder policy's stages (once each,
by the ledger's natural key) and escalates to their manager once it is overdue. Done and
cancelled actions have no row, so nothing more is sent. One query."""

from collections.abc import Sequence
from datetime import date, datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from followups import rules
from followups.models import FollowUpAction, FollowUpStatus
from organisation.compliance import ComplianceRow, KindNames, Person, judged_on, narrowed_to

KIND = "followup"
NAMES = KindNames(_("Follow-up action"))
ACTION = "Do it, then mark it done on My follow-up actions."
MANAGER_ACTION = "Check in with them, or close or cancel it on Follow-up actions."


def follow_up_rows(
    *, staff: Sequence[Person], now: datetime, as_of: date | None
) -> list[ComplianceRow]:
    staff = staff if isinstance(staff, list) else list(staff)
    if not staff:
        return []
    wanted = {p.pk: p for p in staff}
    actions = narrowed_to(
        FollowUpAction.objects.filter(status=FollowUpStatus.OPEN), staff, field="owner"
    ).only("pk", "what", "owner_id", "due_on")
    url = reverse("followups:mine")
    manager_url = reverse("followups:manage")
    found = []
    for action in actions.order_by("due_on", "pk"):
        person = wanted.get(action.owner_id)
        if person is None:
            continue
        today = judged_on(person, now=now, as_of=as_of)
        found.append(
            ComplianceRow(
                staff_id=person.pk,
                kind=KIND,
                requirement_key=f"action:{action.pk}",
                label=f"Follow-up: {action.what}",
                status=rules.status(due_on=action.due_on, today=today),
                due_on=action.due_on,
                url=url,
                action=ACTION,
                manager_action=MANAGER_ACTION,
                manager_url=manager_url,
            )
        )
    return found
