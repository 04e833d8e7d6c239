"""What the reminder sweep hears about kits (organisation.location_items): each kit whose
weekly check has fallen due, and each item 30 days before it expires and on the day. The
sweep tells the location's managers, once per item, due date and stage (its ledger's key)."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from django.db.models import OuterRef, Prefetch, Subquery
from django.urls import reverse

from kits import rules
from kits.models import EmergencyKit, KitCheck, KitItem
from organisation.location_items import LocationItem
from organisation.models import Location

KIND = "kit"
CHECK_ACTION = "Have the kit checked: every item present and in date."
EXPIRY_ACTION = "Replace the item with an in-date lot and record its new lot and expiry."


def kit_reminder_items(
    *, locations: Sequence[Location], now: datetime, as_of: date | None = None
) -> Iterable[LocationItem]:
    """Two queries however many kits: the kits in use with their last check's date, and
    their items."""
    latest = KitCheck.objects.filter(kit=OuterRef("pk")).order_by("-checked_on", "-pk")
    kits = (
        EmergencyKit.objects.filter(is_active=True, location__in=[loc.pk for loc in locations])
        .select_related("location")
        .annotate(last_checked_on=Subquery(latest.values("checked_on")[:1]))
        .prefetch_related(Prefetch("items", queryset=KitItem.objects.order_by("position", "pk")))
        .order_by("pk")
    )
    for kit in kits:
        today = as_of or kit.location.local_date(now)
        url = reverse("kits:kit_detail", args=[kit.pk])
        due_on = rules.next_check_on(
            last_checked_on=kit.last_checked_on, in_use_since=kit.created_on
        )
        stage = rules.check_reminder_stage(due_on=due_on, today=today)
        if stage:
            yield LocationItem(
                location_id=kit.location_id,
                location_name=kit.location.name,
                kind=KIND,
                key=f"check:{kit.pk}",
                label=f"{kit}: weekly check",
                due_on=due_on,
                judged_on=today,
                stage=stage,
                manager_url=url,
                status=rules.check_status(due_on=due_on, today=today),
                manager_action=CHECK_ACTION,
            )
        for item in kit.items.all():
            stage = rules.expiry_reminder_stage(expires_on=item.expires_on, today=today)
            if stage:
                yield LocationItem(
                    location_id=kit.location_id,
                    location_name=kit.location.name,
                    kind=KIND,
                    key=f"item:{item.pk}",
                    label=f"{kit}: {item}",
                    due_on=item.expires_on,
                    judged_on=today,
                    stage=stage,
                    manager_url=url,
                    status=rules.item_status(expires_on=item.expires_on, today=today),
                    manager_action=EXPIRY_ACTION,
                    due_word="expires",
                )
