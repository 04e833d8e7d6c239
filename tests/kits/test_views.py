import datetime

import pytest
from django.urls import reverse

from kits import services
from kits.models import KitCheck
from tests.factories import StaffProfileFactory
from tests.kits.conftest import TODAY, all_right, make_kit


def _form(kit, **changes):
    """What a phone posts with every item ticked, changed per item name."""
    data = {}
    for item in kit.items.all():
        fields = {"present": "on", "in_date": "on", **changes.get(item.name, {})}
        data.update({f"item-{item.pk}-{name}": value for name, value in fields.items() if value})
    return data


@pytest.fixture
def frozen(now, time_machine):
    time_machine.move_to(now, tick=False)
    return now


def test_staff_record_a_check_with_one_submit(client, kit, nadia, frozen):
    client.force_login(nadia.user)
    page = client.get(reverse("kits:check", args=[kit.pk]))
    assert page.status_code == 200
    assert "Adrenaline auto-injector 0.3 mg" in page.text and "expires 30 Sep 2026" in page.text
    response = client.post(reverse("kits:check", args=[kit.pk]), _form(kit))
    assert response.status_code == 302 and response["Location"] == reverse("kits:my_kits")
    check = KitCheck.objects.get()
    assert check.checked_by == nadia and check.checked_on == TODAY and check.all_ok
    listing = client.get(reverse("kits:my_kits"))
    assert "Check of Anaphylaxis kit, Room 2 recorded for 3 March 2026" in listing.text


def test_an_empty_submit_says_what_is_missing_beside_each_item_and_keeps_nothing(
    client, kit, nadia, frozen
):
    client.force_login(nadia.user)
    response = client.post(
        reverse("kits:check", args=[kit.pk]),
        _form(kit, **{"AED pads, adult": {"present": "", "note": ""}}),
    )
    assert response.status_code == 400
    assert "The check was not recorded." in response.text
    assert "1 item needs your attention" in response.text
    assert str(services.NOTE_NEEDED) in response.text
    assert 'class="kit-item kit-item--error" id="item-' in response.text
    assert not KitCheck.objects.exists()


def test_what_was_typed_is_kept_after_an_error(client, kit, nadia, frozen):
    client.force_login(nadia.user)
    changes = {"AED pads, adult": {"in_date": "", "new_lot_number": "PAD-9", "new_expires_on": ""}}
    response = client.post(reverse("kits:check", args=[kit.pk]), _form(kit, **changes))
    assert response.status_code == 400
    assert (
        'value="PAD-9"' in response.text and str(services.REPLACEMENT_NEEDS_BOTH) in response.text
    )


def test_staff_of_another_location_get_404_and_record_nothing(client, kit, south, frozen):
    outsider = StaffProfileFactory(home_location=south)
    client.force_login(outsider.user)
    assert client.get(reverse("kits:check", args=[kit.pk])).status_code == 404
    assert client.post(reverse("kits:check", args=[kit.pk]), _form(kit)).status_code == 404
    assert not KitCheck.objects.exists()
    assert "Anaphylaxis kit" not in client.get(reverse("kits:my_kits")).text


def test_another_locations_manager_gets_404_on_every_kit_page(client, kit, oscar, frozen):
    client.force_login(oscar.user)
    item = kit.items.first()
    for url in (
        reverse("kits:kit_detail", args=[kit.pk]),
        reverse("kits:item_new", args=[kit.pk]),
        reverse("kits:item_replace", args=[item.pk]),
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(
        reverse("kits:item_replace", args=[item.pk]),
        {"lot_number": "X", "expires_on": "2030-01-01"},
    )
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.lot_number == "EAI-1"
    assert "Anaphylaxis kit" not in client.get(reverse("kits:manage")).text


def test_the_manager_sees_last_check_next_due_and_what_expires_soon(
    client, kit, nadia, maria, frozen
):
    item = kit.items.get(name="AED pads, adult")
    item.expires_on = TODAY + datetime.timedelta(days=20)
    item.save()
    services.record_check(kit=kit, checked_by=nadia, lines=all_right(kit), notes="", now=frozen)
    client.force_login(maria.user)
    page = client.get(reverse("kits:manage")).text
    assert "3 Mar 2026, " + nadia.display_name in page
    assert "10 Mar 2026" in page  # next due
    assert "AED pads, adult: " in page and "23 Mar 2026" in page
    assert "Adrenaline auto-injector" not in page  # not within 30 days
    detail = client.get(reverse("kits:kit_detail", args=[kit.pk])).text
    assert "every item present and in date" in detail and nadia.display_name in detail


def test_the_manager_replaces_a_lot(client, kit, maria, frozen):
    client.force_login(maria.user)
    item = kit.items.first()
    url = reverse("kits:item_replace", args=[item.pk])
    refused = client.post(url, {"lot_number": "EAI-2", "expires_on": "2026-03-01"})
    assert refused.status_code == 400 and str(services.REPLACEMENT_EXPIRED) in refused.text
    response = client.post(url, {"lot_number": "EAI-2", "expires_on": "2027-03-31"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.lot_number == "EAI-2"


def test_the_manager_adds_a_kit_and_an_item(client, north, maria, frozen):
    client.force_login(maria.user)
    response = client.post(
        reverse("kits:kit_new"), {"location": north.pk, "name": "Crash cart", "place": ""}
    )
    assert response.status_code == 302
    kit = north.kits.get(name="Crash cart")
    assert kit.created_on == TODAY
    response = client.post(
        reverse("kits:item_new", args=[kit.pk]),
        {"name": "Oxygen cylinder", "lot_number": "O2-1", "quantity_expected": 1},
    )
    assert response.status_code == 302 and kit.items.get().expires_on is None
    again = client.post(
        reverse("kits:kit_new"), {"location": north.pk, "name": "Crash cart", "place": ""}
    )
    assert again.status_code == 400 and "already has a kit" in again.text


def test_a_manager_cannot_add_a_kit_at_another_location(client, north, south, oscar, frozen):
    client.force_login(oscar.user)
    response = client.post(reverse("kits:kit_new"), {"location": north.pk, "name": "Crash cart"})
    assert response.status_code == 400 and not north.kits.exists()


def _kits(location, by, count, now):
    start = location.kits.count()
    for n in range(start, start + count):
        kit = make_kit(
            location,
            by,
            now=now,
            name=f"Kit {n}",
            items=[(f"Item {i}", "L", datetime.date(2026, 3, 20)) for i in range(4)],
        )
        for _ in range(2):
            services.record_check(kit=kit, checked_by=by, lines=all_right(kit), notes="", now=now)


@pytest.mark.parametrize("name", ["kits:manage", "kits:my_kits"])
def test_kit_lists_hold_their_query_count_as_kits_grow(
    client, north, maria, frozen, name, django_assert_max_num_queries
):
    client.force_login(maria.user)
    client.get(reverse(name))  # the session's first request reads what later ones keep
    counts = []
    for count in (1, 6):
        _kits(north, maria, count if not counts else count - 1, frozen)
        with django_assert_max_num_queries(12) as captured:
            assert client.get(reverse(name)).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


def test_a_kits_page_holds_its_query_count_as_its_log_grows(
    client, kit, nadia, maria, frozen, django_assert_max_num_queries
):
    client.force_login(maria.user)
    client.get(reverse("kits:kit_detail", args=[kit.pk]))  # as above: a warm session
    counts = []
    for checks in (1, 9):
        while KitCheck.objects.count() < checks:
            services.record_check(
                kit=kit, checked_by=nadia, lines=all_right(kit), notes="", now=frozen
            )
        with django_assert_max_num_queries(14) as captured:
            assert client.get(reverse("kits:kit_detail", args=[kit.pk])).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
