import datetime

import pytest
from django.core.exceptions import ValidationError

from kits import selectors, services
from kits.models import EmergencyKit, KitCheck, KitCheckLine
from organisation.models import AuditEntry
from organisation.status import Status
from tests.kits.conftest import TODAY, all_right, make_kit

EXPIRED = datetime.date(2026, 3, 1)


def test_a_check_is_logged_on_the_locations_date_by_the_named_person(kit, nadia, now):
    check = services.record_check(
        kit=kit, checked_by=nadia, lines=all_right(kit), notes="", now=now
    )
    assert check.checked_on == TODAY  # New York's Tuesday, not UTC's Wednesday
    assert check.checked_by == nadia and check.all_ok
    assert check.lines.count() == 3
    entry = AuditEntry.objects.get(action="kit.checked")
    assert entry.staff == nadia and "all 3 items present and in date" in entry.summary


def test_next_check_falls_due_a_week_after_the_last(kit, nadia, now):
    (before,) = selectors.standings(EmergencyKit.objects.all(), now=now)
    assert before.last_check is None and before.next_due_on == datetime.date(2026, 2, 20)
    assert before.status is Status.OVERDUE
    services.record_check(kit=kit, checked_by=nadia, lines=all_right(kit), notes="", now=now)
    (after,) = selectors.standings(EmergencyKit.objects.all(), now=now)
    assert after.next_due_on == TODAY + datetime.timedelta(days=7)
    assert after.status is Status.CURRENT
    six_days = now + datetime.timedelta(days=6)
    (later,) = selectors.standings(EmergencyKit.objects.all(), now=six_days)
    assert later.status is Status.DUE_SOON


def test_an_item_not_right_needs_a_note_and_nothing_is_written(kit, nadia, now):
    lines = all_right(kit, **{"AED pads, adult": {"present": False}})
    with pytest.raises(ValidationError) as caught:
        services.record_check(kit=kit, checked_by=nadia, lines=lines, notes="", now=now)
    assert str(services.NOTE_NEEDED) in " ".join(caught.value.messages)
    assert not KitCheck.objects.exists() and not AuditEntry.objects.filter(action="kit.checked")


def test_a_missing_item_with_a_note_is_logged_as_not_all_right(kit, nadia, now):
    lines = all_right(kit, **{"AED pads, adult": {"present": False, "note": "Used in a drill"}})
    check = services.record_check(kit=kit, checked_by=nadia, lines=lines, notes="", now=now)
    assert not check.all_ok
    line = check.lines.get(item_name="AED pads, adult")
    assert not line.present and line.note == "Used in a drill"


def test_an_expired_lot_cannot_be_ticked_in_date(kit, nadia, now):
    item = kit.items.get(name="AED pads, adult")
    item.expires_on = EXPIRED
    item.save()
    with pytest.raises(ValidationError):
        services.record_check(kit=kit, checked_by=nadia, lines=all_right(kit), notes="", now=now)
    assert not KitCheck.objects.exists()


def test_a_replacement_during_a_check_changes_the_kit_and_the_log_keeps_the_old_lot(
    kit, nadia, now
):
    item = kit.items.get(name="AED pads, adult")
    item.expires_on = EXPIRED
    item.save()
    replaced = {
        "in_date": False,
        "note": "Expired",
        "new_lot_number": "PAD-2",
        "new_expires_on": datetime.date(2028, 5, 31),
    }
    check = services.record_check(
        kit=kit,
        checked_by=nadia,
        lines=all_right(kit, **{"AED pads, adult": replaced}),
        notes="",
        now=now,
    )
    item.refresh_from_db()
    assert (item.lot_number, item.expires_on) == ("PAD-2", datetime.date(2028, 5, 31))
    line = check.lines.get(item=item)
    assert (line.lot_number, line.expires_on) == ("PAD-1", EXPIRED)
    assert (line.new_lot_number, line.new_expires_on) == ("PAD-2", datetime.date(2028, 5, 31))
    assert not check.all_ok  # it was found out of date
    entry = AuditEntry.objects.get(action="kit.lot_replaced")
    assert (
        entry.staff == nadia and entry.data["old_lot"] == "PAD-1" and entry.data["lot"] == "PAD-2"
    )


def test_replacing_a_lot_refuses_one_already_expired(kit, maria, now):
    item = kit.items.first()
    with pytest.raises(ValidationError):
        services.replace_item_lot(
            item=item,
            lot_number="X-9",
            expires_on=TODAY - datetime.timedelta(days=1),
            reason="",
            replaced_by=maria,
            now=now,
        )
    item.refresh_from_db()
    assert item.lot_number == "EAI-1"
    assert not AuditEntry.objects.filter(action="kit.lot_replaced").exists()


def test_replacing_a_lot_is_audited_with_both_lots(kit, maria, now):
    item = kit.items.first()
    services.replace_item_lot(
        item=item,
        lot_number="EAI-2",
        expires_on=datetime.date(2027, 3, 31),
        reason="Used on a patient",
        replaced_by=maria,
        now=now,
    )
    entry = AuditEntry.objects.get(action="kit.lot_replaced")
    assert entry.actor == maria.user
    assert (
        "EAI-1" in entry.summary
        and "EAI-2" in entry.summary
        and "Used on a patient" in entry.summary
    )


def test_a_check_must_cover_every_item_once(kit, nadia, now):
    lines = all_right(kit)[:-1]
    with pytest.raises(ValidationError) as caught:
        services.record_check(kit=kit, checked_by=nadia, lines=lines, notes="", now=now)
    assert caught.value.messages == [str(services.EVERY_ITEM_ONCE)]
    assert not KitCheckLine.objects.exists()


def test_an_empty_kit_cannot_be_checked_all_right(north, maria, nadia, now):
    empty = make_kit(north, maria, now=now, name="Crash cart", place="")
    with pytest.raises(ValidationError) as caught:
        services.record_check(kit=empty, checked_by=nadia, lines=[], notes="", now=now)
    assert caught.value.messages == [str(services.NO_ITEMS)]


def test_a_second_kit_of_the_same_name_and_place_is_refused(kit, north, maria, now):
    with pytest.raises(ValidationError):
        services.create_kit(
            location=north, name="anaphylaxis KIT", place="room 2", created_by=maria, now=now
        )
