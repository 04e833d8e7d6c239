import datetime

from audits import demo
from audits.models import AuditChecklist, AuditedRecord, AuditRound
from audits.selectors import round_for_manager, round_result, score_trend

from organisation.demo import seed_organisation
from tests.factories.content import ProtocolIndexPageFactory, ProtocolPageFactory

TODAY = datetime.date(2026, 3, 4)


def test_demo_audits_seed_once_with_one_failing_item_and_two_points_over_time(home_page):
    ProtocolPageFactory(
        parent=ProtocolIndexPageFactory(parent=home_page),
        slug="laser-vein-complications-emergency",
    )
    profiles = seed_organisation(today=TODAY)
    demo.seed(today=TODAY, profiles=profiles, publisher=profiles["director"].user)
    counts = (AuditRound.objects.count(), AuditedRecord.objects.count())
    demo.seed(today=TODAY, profiles=profiles, publisher=profiles["director"].user)
    assert (AuditRound.objects.count(), AuditedRecord.objects.count()) == counts == (2, 9)

    checklist = AuditChecklist.objects.get()
    assert checklist.sample_content and checklist.items.count() == 4
    assert checklist.live and checklist.live_revision.user == profiles["director"].user
    rounds = AuditRound.objects.order_by("audited_on")
    assert all(r.sample_content and r.completed for r in rounds)
    assert {r.location.slug for r in rounds} == {"brookline"}
    manager = profiles["manager"].user
    latest = round_result(round_for_manager(manager, rounds[1].pk))
    assert [f.item.text for f in latest.failing] == ["Photos taken"]
    assert round_result(round_for_manager(manager, rounds[0].pk)).failing == []
    assert len(score_trend(manager)) == 2

    demo.reset()
    assert not AuditRound.objects.exists() and not AuditChecklist.objects.exists()
