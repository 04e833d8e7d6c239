import datetime

import pytest
from audits import services
from audits.models import AuditedRecord, AuditRound, Outcome
from audits.references import NOT_A_REFERENCE
from audits.selectors import score_trend
from django.urls import reverse
from django.utils.html import escape

from actions.models import Assignment
from tests.audits.conftest import TODAY, score
from tests.factories import StaffProfileFactory

DUE = TODAY + datetime.timedelta(days=14)
# Pinned at two sizes: the count does not grow with rounds, records or people.
LIST_QUERIES = 6
TREND_QUERIES = 4
ROUND_QUERIES = 11


@pytest.fixture
def frozen(now, time_machine):
    time_machine.move_to(now, tick=False)
    return now


def _record_form(audit_round, reference, treated_by, **by_position):
    data = {"reference": reference, "treated_by": treated_by.pk}
    for item in audit_round.items.all():
        data[f"item_{item.pk}"] = by_position.get(f"i{item.position}", Outcome.MET)
    return data


def test_a_manager_starts_a_round_and_scores_a_record_from_the_form(
    client, north, maria, nadia, checklist, frozen
):
    client.force_login(maria.user)
    page = client.get(reverse("audits:round_new"))
    assert page.status_code == 200 and 'value="2026-03-03"' in page.text  # North's date
    response = client.post(
        reverse("audits:round_new"),
        {"location": north.pk, "checklist": checklist.pk, "audited_on": "2026-03-03"},
    )
    audit_round = AuditRound.objects.get()
    assert response["Location"] == reverse("audits:record_new", args=[audit_round.pk])
    form = client.get(response["Location"])
    assert "Skin type recorded" in form.text and "never the patient" in form.text
    response = client.post(
        reverse("audits:record_new", args=[audit_round.pk]),
        _record_form(audit_round, "lv-0412", nadia, i3=Outcome.NOT_MET, i5=Outcome.NOT_APPLICABLE),
    )
    assert response["Location"] == reverse("audits:round_detail", args=[audit_round.pk])
    record = AuditedRecord.objects.get()
    assert record.reference == "LV-0412" and record.treated_by == nadia
    detail = client.get(response["Location"])
    assert "83%" in detail.text  # 5 met of 6 scored, 1 not applicable
    assert "0% failing" in detail.text  # photos taken, 0 of 1
    assert (
        reverse(
            "audits:retrain", args=[audit_round.pk, record.scores.get(item__position=3).item_id]
        )
        in detail.text
    )


def test_a_reference_like_a_name_is_refused_on_the_form_and_nothing_is_written(
    client, audit_round, maria, nadia, frozen
):
    client.force_login(maria.user)
    response = client.post(
        reverse("audits:record_new", args=[audit_round.pk]),
        _record_form(audit_round, "Jane Doe", nadia),
    )
    assert response.status_code == 400
    assert escape(str(NOT_A_REFERENCE)) in response.text
    assert 'value="Jane Doe"' in response.text  # kept, so it can be corrected
    assert not AuditedRecord.objects.exists()


def test_an_item_left_unmarked_is_shown_beside_it(client, audit_round, maria, nadia, frozen):
    client.force_login(maria.user)
    data = _record_form(audit_round, "LV-0001", nadia)
    del data[f"item_{audit_round.items.get(position=2).pk}"]
    response = client.post(reverse("audits:record_new", args=[audit_round.pk]), data)
    assert response.status_code == 400
    assert "Mark this item." in response.text and "audit-item--error" in response.text
    assert not AuditedRecord.objects.exists()


def test_completing_a_round_without_records_says_why(client, audit_round, maria, frozen):
    client.force_login(maria.user)
    response = client.post(reverse("audits:round_complete", args=[audit_round.pk]), follow=True)
    assert str(services.NO_RECORDS) in response.text
    audit_round.refresh_from_db()
    assert not audit_round.completed


def test_retraining_from_the_round_page_and_a_refusal_shown_on_the_form(
    client, audit_round, maria, nadia, tom, module, frozen
):
    score(audit_round, "LV-001", nadia, by=maria, now=frozen, i3=Outcome.NOT_MET)
    score(audit_round, "LV-002", tom, by=maria, now=frozen)
    photos = audit_round.items.get(position=3)
    url = reverse("audits:retrain", args=[audit_round.pk, photos.pk])
    client.force_login(maria.user)
    page = client.get(url)
    assert nadia.display_name in page.text and tom.display_name in page.text
    # A due date before the people's today: refused for each, on the form, nothing written.
    refused = client.post(url, {"page": f"module:{module.pk}", "due_on": "2026-03-01"})
    assert refused.status_code == 400
    assert f"{nadia.display_name}: The due date cannot be before" in refused.text
    assert not Assignment.objects.exists()
    done = client.post(url, {"page": f"module:{module.pk}", "due_on": DUE.isoformat()})
    assert done["Location"] == reverse("audits:round_detail", args=[audit_round.pk])
    assert set(Assignment.objects.values_list("staff", flat=True)) == {nadia.pk, tom.pk}
    assert "Retraining assigned" in client.get(done["Location"]).text


def test_another_locations_manager_gets_404_on_every_round_url_and_changes_nothing(
    client, audit_round, maria, oscar, nadia, module, frozen
):
    score(audit_round, "LV-001", nadia, by=maria, now=frozen, i3=Outcome.NOT_MET)
    item = audit_round.items.get(position=3)
    client.force_login(oscar.user)
    pk = audit_round.pk
    for url in (
        reverse("audits:round_detail", args=[pk]),
        reverse("audits:record_new", args=[pk]),
        reverse("audits:retrain", args=[pk, item.pk]),
    ):
        assert client.get(url).status_code == 404, url
    posts = {
        reverse("audits:record_new", args=[pk]): _record_form(audit_round, "LV-002", nadia),
        reverse("audits:round_complete", args=[pk]): {},
        reverse("audits:retrain", args=[pk, item.pk]): {
            "page": f"module:{module.pk}",
            "due_on": DUE.isoformat(),
        },
    }
    for url, data in posts.items():
        assert client.post(url, data).status_code == 404, url
    # Nor can the location be chosen when starting a round.
    response = client.post(
        reverse("audits:round_new"),
        {"location": audit_round.location_id, "checklist": audit_round.checklist_id,
         "audited_on": "2026-03-03"},
    )  # fmt: skip
    assert response.status_code == 400
    assert AuditRound.objects.count() == 1 and AuditedRecord.objects.count() == 1
    assert not Assignment.objects.exists()
    audit_round.refresh_from_db()
    assert not audit_round.completed
    listing = client.get(reverse("audits:round_list"))
    assert "Laser vein treatment" not in listing.text
    assert "North" not in client.get(reverse("audits:trend")).text


def _rounds(count, *, north, maria, checklist, staff, now):
    for n in range(count):
        audit_round = services.start_round(
            location=north,
            checklist=checklist,
            audited_on=TODAY - datetime.timedelta(days=7 * n),
            auditor=maria,
            now=now,
        )
        for r in range(count):
            score(audit_round, f"LV-{n}X{r}", staff[r % len(staff)], by=maria, now=now)
        services.complete_round(audit_round=audit_round, completed_by=maria, now=now)


@pytest.mark.parametrize("count", [1, 6])
def test_the_list_and_the_trend_hold_their_query_counts(
    client, north, maria, nadia, tom, checklist, now, count, django_assert_max_num_queries
):
    _rounds(count, north=north, maria=maria, checklist=checklist, staff=[nadia, tom], now=now)
    client.force_login(maria.user)
    with django_assert_max_num_queries(LIST_QUERIES):
        assert client.get(reverse("audits:round_list")).status_code == 200
    with django_assert_max_num_queries(TREND_QUERIES):
        assert client.get(reverse("audits:trend")).status_code == 200


@pytest.mark.parametrize("records", [1, 12])
def test_the_round_page_holds_its_query_count(
    client, audit_round, maria, nadia, tom, records, frozen, django_assert_max_num_queries
):
    for r in range(records):
        score(
            audit_round, f"LV-{r:03}", [nadia, tom][r % 2], by=maria, now=frozen, i4=Outcome.NOT_MET
        )
    client.force_login(maria.user)
    with django_assert_max_num_queries(ROUND_QUERIES):
        page = client.get(reverse("audits:round_detail", args=[audit_round.pk]))
    assert page.status_code == 200 and f"LV-{records - 1:03}" in page.text


def test_scores_over_time_are_per_location_and_procedure(
    client, north, south, maria, nadia, checklist, now
):
    """A regional manager of North and South sees a line for each, and a second procedure
    is a line of its own; completed rounds only."""
    regional = StaffProfileFactory(home_location=north)
    regional.managed_locations.set([north, south])
    south_staff = StaffProfileFactory(home_location=south)
    other = checklist.__class__.objects.create(name="Microneedling", protocol=checklist.protocol)

    def done(location, which, day, person, misses):
        audit_round = services.start_round(
            location=location, checklist=which, audited_on=day, auditor=regional, now=now
        )
        for r in range(2):
            extra = {"i0": Outcome.NOT_MET} if r < misses else {}
            score(audit_round, f"R-{day:%m%d}{r}", person, by=regional, now=now, **extra)
        return services.complete_round(audit_round=audit_round, completed_by=regional, now=now)

    done(north, checklist, datetime.date(2026, 1, 10), nadia, 0)
    done(north, checklist, datetime.date(2026, 2, 10), nadia, 2)
    done(south, checklist, datetime.date(2026, 2, 11), south_staff, 0)
    done(north, other, datetime.date(2026, 2, 12), nadia, 1)
    services.start_round(  # open: not a point yet
        location=north, checklist=checklist, audited_on=TODAY, auditor=regional, now=now
    )
    points = [
        (p.location, p.procedure, p.audited_on, p.tally.percent) for p in score_trend(regional.user)
    ]
    assert points == [
        ("North", "Laser vein treatment", datetime.date(2026, 1, 10), 100),
        ("North", "Laser vein treatment", datetime.date(2026, 2, 10), 85),  # 12 of 14
        ("North", "Microneedling", datetime.date(2026, 2, 12), 90),  # 9 of 10 (5 items)
        ("South", "Laser vein treatment", datetime.date(2026, 2, 11), 100),
    ]
    assert [p.location for p in score_trend(maria.user)] == ["North"] * 3
    client.force_login(regional.user)
    page = client.get(reverse("audits:trend"))
    assert (
        "Lowest latest score: Laser vein treatment at North, 85% on 10 Feb 2026, "
        "down from 100% the round before." in page.text
    )
    assert "plotly-basic.min.js" in page.text and 'id="audit-scores"' in page.text
    assert page.text.count("<tr>") == 5  # the head and a line per completed round


def test_the_trend_without_rounds_says_so_and_loads_no_plotly(client, maria):
    client.force_login(maria.user)
    page = client.get(reverse("audits:trend"))
    assert "No completed audit rounds" in page.text and "plotly" not in page.text


def test_a_completed_round_offers_no_record_form(client, audit_round, maria, nadia, frozen):
    score(audit_round, "LV-001", nadia, by=maria, now=frozen)
    services.complete_round(audit_round=audit_round, completed_by=maria, now=frozen)
    client.force_login(maria.user)
    page = client.get(reverse("audits:record_new", args=[audit_round.pk]))
    assert "This round is completed" in page.text and 'name="reference"' not in page.text
    refused = client.post(
        reverse("audits:record_new", args=[audit_round.pk]),
        _record_form(audit_round, "LV-002", nadia),
    )
    assert refused.status_code == 400 and AuditedRecord.objects.count() == 1
