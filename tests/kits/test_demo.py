import datetime

from kits import demo
from kits.models import EmergencyKit, KitCheck
from kits.rules import EXPIRY_WARNING_DAYS
from organisation.demo import seed_organisation

TODAY = datetime.date(2026, 3, 4)


def test_demo_kits_are_seeded_once_and_marked_sample(db):
    profiles = seed_organisation(today=TODAY)
    demo.seed(today=TODAY, profiles=profiles, publisher=profiles["director"].user)
    counts = (EmergencyKit.objects.count(), KitCheck.objects.count())
    demo.seed(today=TODAY, profiles=profiles, publisher=profiles["director"].user)
    assert (EmergencyKit.objects.count(), KitCheck.objects.count()) == counts

    kits = EmergencyKit.objects.all()
    assert {k.location.slug for k in kits} == {"brookline", "oak-park", "pasadena"}
    assert all(k.sample_content for k in kits)
    assert all(k.checks.count() >= 4 for k in kits)
    soon = TODAY + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
    near = [
        i for k in kits for i in k.items.all() if i.expires_on and TODAY <= i.expires_on <= soon
    ]
    assert len(near) == 1
    # Oak Park's glucose gel was found out of date and replaced: the log keeps both lots.
    replaced = KitCheck.objects.get(kit__location__slug="oak-park", all_ok=False)
    line = replaced.lines.get(item_name="Glucose gel 40%")
    assert line.lot_number == "GLU-7702" and line.new_lot_number == "GLU-7790"

    demo.reset()
    assert not EmergencyKit.objects.exists() and not KitCheck.objects.exists()
