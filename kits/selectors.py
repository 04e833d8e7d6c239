"""Reads of kits, their items and their check log, scoped by the viewer (kits.policies)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.http import Http404

from kits import rules
from kits.models import EmergencyKit, KitCheck, KitCheckLine, KitItem
from kits.policies import checkable_kits, managed_kits
from organisation.models import Location
from organisation.status import Status

NO_SUCH_KIT = "No such kit."
NO_SUCH_ITEM = "No such kit item."


@dataclass(frozen=True)
class ItemStanding:
    item: KitItem
    status: Status

    @property
    def expiring(self) -> bool:
        return self.status is not Status.CURRENT


@dataclass(frozen=True)
class KitStanding:
    """A kit as a manager or a checker sees it on the location's date."""

    kit: EmergencyKit
    today: date
    last_check: KitCheck | None
    next_due_on: date
    status: Status  # of the weekly check
    items: list[ItemStanding]

    @property
    def expiring(self) -> list[ItemStanding]:
        """Items expiring within 30 days or already expired, soonest first."""
        found = [s for s in self.items if s.expiring]
        return sorted(found, key=lambda s: s.item.expires_on or date.max)


def _with_last_check(kits: QuerySet[EmergencyKit]) -> QuerySet[EmergencyKit]:
    latest = KitCheck.objects.filter(kit=OuterRef("pk")).order_by("-checked_at", "-pk")
    return (
        kits.filter(is_active=True)
        .select_related("location")
        .annotate(last_check_id=Subquery(latest.values("pk")[:1]))
        .prefetch_related(Prefetch("items", queryset=KitItem.objects.order_by("position", "pk")))
        .order_by("location__name", "name", "place")
    )


def standings(kits: QuerySet[EmergencyKit], *, now: datetime) -> list[KitStanding]:
    """Each kit's last check, next due date and items, in three queries however many kits."""
    kits = list(_with_last_check(kits))
    ids = [k.last_check_id for k in kits if k.last_check_id]
    checks = {
        c.pk: c for c in KitCheck.objects.filter(pk__in=ids).select_related("checked_by__user")
    }
    found = []
    for kit in kits:
        today = kit.location.local_date(now)
        last = checks.get(kit.last_check_id)
        due_on = rules.next_check_on(
            last_checked_on=last.checked_on if last else None, in_use_since=kit.created_on
        )
        items = [
            ItemStanding(item, rules.item_status(expires_on=item.expires_on, today=today))
            for item in kit.items.all()
        ]
        status = rules.check_status(due_on=due_on, today=today)
        found.append(KitStanding(kit, today, last, due_on, status, items))
    return found


def kits_for_manager(viewer: AbstractBaseUser) -> QuerySet[EmergencyKit]:
    return managed_kits(viewer, EmergencyKit.objects.all())


def kit_for_manager(viewer: AbstractBaseUser, pk: int) -> EmergencyKit:
    """One kit at a location the viewer manages; the same 404 for missing and not theirs."""
    kit = kits_for_manager(viewer).select_related("location").filter(pk=pk).first()
    if kit is None:
        raise Http404(NO_SUCH_KIT)
    return kit


def item_for_manager(viewer: AbstractBaseUser, pk: int) -> KitItem:
    item = (
        KitItem.objects.filter(pk=pk, kit__in=kits_for_manager(viewer).values("pk"))
        .select_related("kit__location")
        .first()
    )
    if item is None:
        raise Http404(NO_SUCH_ITEM)
    return item


def kits_to_check(viewer: AbstractBaseUser) -> QuerySet[EmergencyKit]:
    return checkable_kits(viewer, EmergencyKit.objects.filter(is_active=True))


def kit_to_check(viewer: AbstractBaseUser, pk: int) -> EmergencyKit:
    """One kit in use the viewer may check, with its items; 404 for missing and not theirs."""
    kit = (
        kits_to_check(viewer)
        .select_related("location")
        .prefetch_related(Prefetch("items", queryset=KitItem.objects.order_by("position", "pk")))
        .filter(pk=pk)
        .first()
    )
    if kit is None:
        raise Http404(NO_SUCH_KIT)
    return kit


def check_log(
    kits: QuerySet[EmergencyKit] | list[EmergencyKit],
    *,
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[KitCheck]:
    """Checks of `kits` (newest first) with who checked and every line, in three queries."""
    checks = KitCheck.objects.filter(kit__in=kits)
    if since is not None:
        checks = checks.filter(checked_on__gte=since)
    if until is not None:
        checks = checks.filter(checked_on__lte=until)
    return checks.select_related("checked_by__user", "kit").prefetch_related(
        Prefetch("lines", queryset=KitCheckLine.objects.order_by("pk"))
    )


def location_kit_log(
    *, location: Location, since: date, until: date
) -> list[tuple[EmergencyKit, list[KitCheck]]]:
    """Each of the location's kits with its checks between two dates, oldest first: what an
    inspection packet prints. The caller has checked the viewer manages the location."""
    kits = list(EmergencyKit.objects.filter(location=location).order_by("name", "place"))
    by_kit: dict[int, list[KitCheck]] = defaultdict(list)
    for check in check_log(kits, since=since, until=until).order_by("checked_at", "pk"):
        by_kit[check.kit_id].append(check)
    return [(kit, by_kit.get(kit.pk, [])) for kit in kits if kit.is_active or by_kit.get(kit.pk)]
