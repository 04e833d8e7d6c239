import datetime

from attestations import demo
from attestations.models import Attestation, ProtocolRevision
from django.utils import timezone

from organisation.demo import seed_organisation
from organisation.models import JobRole
from tests.attestations.conftest import module_on, passed
from tests.factories.content import ProtocolPageFactory

TODAY = datetime.date(2026, 3, 4)


def test_demo_revision_leaves_two_to_attest_and_seeds_once(library, training):
    profiles = seed_organisation(today=TODAY)
    peel = ProtocolPageFactory(parent=library, slug="chemical-peel-aftercare", sample_content=True)
    referral = ProtocolPageFactory(parent=library, slug="clinical-to-spa-referral")
    referral.attestation_roles.set(JobRole.objects.filter(slug__in=["injector", "esthetician"]))
    referral.save_revision().publish()
    module = module_on(training, peel)
    earlier = timezone.now() - datetime.timedelta(days=40)
    for username in ("grace.obi", "tom.reilly", "ben.asante"):
        passed(profiles[username], module, at=earlier)
    director = profiles["director"].user

    demo.seed(today=TODAY, profiles=profiles, publisher=director)
    counts = (ProtocolRevision.objects.count(), Attestation.objects.count())
    demo.seed(today=TODAY, profiles=profiles, publisher=director)
    assert (ProtocolRevision.objects.count(), Attestation.objects.count()) == counts

    revision = ProtocolRevision.objects.get(significant=True)
    assert revision.protocol_id == peel.pk and revision.what_changed.startswith("Sample")
    asked = Attestation.objects.filter(protocol_revision=revision)
    assert {a.staff.user.username for a in asked if not a.signed} == {"grace.obi", "tom.reilly"}
    assert {a.staff.user.username for a in asked if a.signed} == {"ben.asante"}
    yearly = Attestation.objects.filter(kind="yearly")
    assert {a.staff.user.username for a in yearly} == {"staff", "grace.obi"}

    demo.reset()
    assert not Attestation.objects.exists()
