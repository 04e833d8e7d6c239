"""Writes to kits: a kit, its items, a lot replaced, a weekly check recorded.

Each service validates, writes in one transaction and appends an audit entry to the trail of
the person who acted (organisation.services.record_audit). The caller has checked the viewer
may act on the kit (kits.policies); a service re-checks what is about the data itself.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kits.models import EmergencyKit, KitCheck, KitCheckLine, KitItem
from organisation.bounds import refuse_dates_out_of_range, refuse_long_text
from organisation.models import Location, StaffProfile
from organisation.services import record_audit

NOTE_NEEDED = _("Say what was wrong, or what you did about it.")
EXPIRED_NOT_IN_DATE = _("This lot expired on %(date)s: untick “In date”, or replace it below.")
REPLACEMENT_NEEDS_BOTH = _("A replacement needs both its new lot number and its expiry date.")
REPLACEMENT_EXPIRED = _("The new lot must be in date: its expiry cannot be before today.")
EVERY_ITEM_ONCE = _("The check must cover every item of the kit exactly once.")
NO_ITEMS = _("This kit has no items to check yet: a manager adds them first.")
QUANTITY_AT_LEAST_ONE = _("At least one.")
KIT_EXISTS = _("This location already has a kit of that name kept there.")


@dataclass(frozen=True)
class LineInput:
    """What the checker found for one item, and any replacement made on the spot."""

    item: KitItem
    present: bool
    in_date: bool
    note: str = ""
    new_lot_number: str = ""
    new_expires_on: date | None = None

    @property
    def ok(self) -> bool:
        return self.present and self.in_date

    @property
    def replaced(self) -> bool:
        return bool(self.new_lot_number or self.new_expires_on)


def create_kit(
    *, location: Location, name: str, place: str, created_by: StaffProfile, now: datetime
) -> EmergencyKit:
    """A kit in use from the location's date today; its first check is due that day."""
    same = EmergencyKit.objects.filter(
        location=location, name__iexact=name.strip(), place__iexact=place.strip()
    )
    if same.exists():
        raise ValidationError(KIT_EXISTS)
    with transaction.atomic():
        kit = EmergencyKit.objects.create(
            location=location,
            name=name.strip(),
            place=place.strip(),
            created_on=location.local_date(now),
        )
        record_audit(
            staff=created_by,
            action="kit.created",
            summary=f"Added the emergency kit {kit} at {location.name}.",
            at=now,
            actor=created_by.user,
            data={"kit": kit.pk, "location": location.pk},
        )
    return kit


def add_item(
    *,
    kit: EmergencyKit,
    name: str,
    lot_number: str,
    quantity_expected: int,
    expires_on: date | None,
    added_by: StaffProfile,
    now: datetime,
) -> KitItem:
    refuse_dates_out_of_range(expires_on=expires_on)
    if quantity_expected < 1:
        raise ValidationError({"quantity_expected": QUANTITY_AT_LEAST_ONE})
    with transaction.atomic():
        position = kit.items.count()
        item = KitItem.objects.create(
            kit=kit,
            name=name.strip(),
            lot_number=lot_number.strip(),
            quantity_expected=quantity_expected,
            expires_on=expires_on,
            position=position,
        )
        record_audit(
            staff=added_by,
            action="kit.item_added",
            summary=f"Added {item} to {kit} at {kit.location.name}"
            + (f", expires {expires_on:%Y-%m-%d}." if expires_on else "."),
            at=now,
            actor=added_by.user,
            data={"kit": kit.pk, "item": item.pk, "lot": item.lot_number},
        )
    return item


def replace_item_lot(
    *,
    item: KitItem,
    lot_number: str,
    expires_on: date,
    reason: str,
    replaced_by: StaffProfile,
    now: datetime,
) -> KitItem:
    """Put a new lot in the kit in place of the old one: the item's lot and expiry change, and
    the audit trail keeps both. The new lot must be in date on the location's date."""
    lot_number = lot_number.strip()
    refuse_dates_out_of_range(expires_on=expires_on)
    refuse_long_text(limit=500, reason=reason)
    if not lot_number or expires_on is None:
        raise ValidationError(REPLACEMENT_NEEDS_BOTH)
    today = item.kit.location.local_date(now)
    if expires_on < today:
        raise ValidationError({"expires_on": REPLACEMENT_EXPIRED})
    with transaction.atomic():
        item = KitItem.objects.select_for_update().select_related("kit__location").get(pk=item.pk)
        old_lot, old_expiry = item.lot_number, item.expires_on
        item.lot_number, item.expires_on = lot_number, expires_on
        item.save(update_fields=["lot_number", "expires_on"])
        was = (
            f"lot {old_lot or '-'}, expiring {old_expiry:%Y-%m-%d}"
            if old_expiry
            else (f"lot {old_lot or '-'}")
        )
        record_audit(
            staff=replaced_by,
            action="kit.lot_replaced",
            summary=(
                f"Replaced {item.name} in {item.kit} at {item.kit.location.name}: {was} -> "
                f"lot {lot_number}, expiring {expires_on:%Y-%m-%d}."
                + (f" {reason}" if reason else "")
            ),
            at=now,
            actor=replaced_by.user,
            data={
                "kit": item.kit_id,
                "item": item.pk,
                "old_lot": old_lot,
                "old_expires_on": old_expiry.isoformat() if old_expiry else None,
                "lot": lot_number,
                "expires_on": expires_on.isoformat(),
            },
        )
    return item


def line_errors(line: LineInput, *, today: date) -> dict[str, str]:
    """What is wrong with one line, by field ("in_date", "note", "new_lot_number"...): the
    form shows them beside the item, and record_check refuses the same."""
    errors: dict[str, str] = {}
    expires_on = line.item.expires_on
    if line.in_date and expires_on is not None and expires_on < today:
        errors["in_date"] = str(EXPIRED_NOT_IN_DATE % {"date": f"{expires_on:%-d %b %Y}"})
    if not line.ok and not line.note.strip() and not line.replaced:
        errors["note"] = str(NOTE_NEEDED)
    if line.replaced and not (line.new_lot_number.strip() and line.new_expires_on):
        errors["new_lot_number"] = str(REPLACEMENT_NEEDS_BOTH)
    elif line.new_expires_on is not None and line.new_expires_on < today:
        errors["new_expires_on"] = str(REPLACEMENT_EXPIRED)
    if len(line.note) > 500:
        errors["note"] = str(_("At most 500 characters."))
    return errors


def record_check(
    *,
    kit: EmergencyKit,
    checked_by: StaffProfile,
    lines: Sequence[LineInput],
    notes: str,
    now: datetime,
) -> KitCheck:
    """Log one check of `kit` by `checked_by` on the location's date, append-only.

    Every item of the kit is covered exactly once. An item not present or not in date carries a
    note or a replacement; a replacement (new lot and expiry, in date) goes through
    replace_item_lot, so the kit holds the new lot and the trail says so. The check records
    what was found: `all_ok` is false when anything was missing or out of date, even if it
    was replaced on the spot. Raises ValidationError, writing nothing, on any problem.
    """
    refuse_long_text(notes=notes)
    today = kit.location.local_date(now)
    item_ids = sorted(line.item.pk for line in lines)
    if not item_ids:
        raise ValidationError(NO_ITEMS)  # an empty kit is not "all present"
    if item_ids != sorted(kit.items.values_list("pk", flat=True)):
        raise ValidationError(EVERY_ITEM_ONCE)
    problems = {line.item.pk: line_errors(line, today=today) for line in lines}
    if any(problems.values()):
        raise ValidationError(
            [
                f"{line.item.name}: {message}"
                for line in lines
                for message in problems[line.item.pk].values()
            ]
        )
    with transaction.atomic():
        # One check at a time per kit, so two replacements of one item cannot interleave.
        EmergencyKit.objects.select_for_update().filter(pk=kit.pk).first()
        check = KitCheck.objects.create(
            kit=kit,
            checked_by=checked_by,
            checked_on=today,
            checked_at=now,
            all_ok=all(line.ok for line in lines),
            notes=notes.strip(),
        )
        KitCheckLine.objects.bulk_create(
            KitCheckLine(
                kit_check=check,
                item=line.item,
                item_name=line.item.name,
                lot_number=line.item.lot_number,
                expires_on=line.item.expires_on,
                present=line.present,
                in_date=line.in_date,
                note=line.note.strip(),
                new_lot_number=line.new_lot_number.strip() if line.replaced else "",
                new_expires_on=line.new_expires_on if line.replaced else None,
            )
            for line in lines
        )
        for line in lines:
            if line.replaced:
                replace_item_lot(
                    item=line.item,
                    lot_number=line.new_lot_number,
                    expires_on=line.new_expires_on,
                    reason=f"During the weekly check. {line.note.strip()}".strip(),
                    replaced_by=checked_by,
                    now=now,
                )
        wrong = [line.item.name for line in lines if not line.ok]
        found = (
            f"all {len(lines)} items present and in date"
            if not wrong
            else f"{len(wrong)} of {len(lines)} items not right: {', '.join(wrong)}"
        )
        record_audit(
            staff=checked_by,
            action="kit.checked",
            summary=f"Checked {kit} at {kit.location.name} on {today:%Y-%m-%d}: {found}.",
            at=now,
            actor=checked_by.user,
            data={"kit": kit.pk, "check": check.pk, "all_ok": check.all_ok},
        )
    return check
