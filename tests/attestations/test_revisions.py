"""A protocol publish: significant ones set its modules again to whoever passed them before,
and ask each to attest; minor ones set nothing; one revision is handled once."""

import datetime

import pytest
from attestations import services
from attestations.models import Attestation, ProtocolRevision
from attestations.signals import protocol_published
from django.core.exceptions import ValidationError

from actions.models import Assignment
from organisation.models import AuditEntry
from tests.attestations.conftest import NOW, TODAY, module_on, passed, publish
from tests.factories import StaffProfileFactory

DUE = TODAY + datetime.timedelta(days=30)


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)
    return NOW


def test_significant_publish_reassigns_exactly_who_passed_before_and_asks_them(
    training, protocol, nadia, sam, north, director, frozen
):
    module = module_on(training, protocol)
    other_module = module_on(training, title="Unrelated module")
    failed = StaffProfileFactory(home_location=north)
    never = StaffProfileFactory(home_location=north)  # noqa: F841 - passed nothing
    later = StaffProfileFactory(home_location=north)
    left = StaffProfileFactory(home_location=north, is_active=False)
    passed(nadia, module)
    passed(sam, module)
    passed(failed, module, passed=False)
    passed(later, module, at=NOW + datetime.timedelta(minutes=5))
    passed(left, module)
    passed(failed, other_module)

    publish(protocol, director.user, significant=True)

    assigned = Assignment.objects.all()
    assert {(a.staff, a.page_id) for a in assigned} == {(nadia, module.pk), (sam, module.pk)}
    assert {a.due_on for a in assigned} == {DUE}  # both New York and Los Angeles: 4 March
    assert {a.assigned_by for a in assigned} == {director.user}
    asked = Attestation.objects.all()
    assert {a.staff for a in asked} == {nadia, sam}
    record = ProtocolRevision.objects.get()
    assert record.significant and record.what_changed == "The adrenaline dose is now 0.5 mg."
    assert {a.protocol_revision for a in asked} == {record}
    assert all(a.due_on == DUE and not a.signed for a in asked)
    assert AuditEntry.objects.filter(staff=nadia, action="assignment.created").count() == 1
    assert AuditEntry.objects.filter(staff=nadia, action="attestation.requested").count() == 1


def test_a_minor_publish_reassigns_nobody(training, protocol, nadia, director, frozen):
    module = module_on(training, protocol)
    passed(nadia, module)
    publish(protocol, director.user, significant=False)
    assert not Assignment.objects.exists() and not Attestation.objects.exists()
    record = ProtocolRevision.objects.get()
    assert not record.significant and record.published_by == director.user


def test_the_signal_twice_for_one_revision_assigns_once(
    training, protocol, nadia, director, frozen
):
    module = module_on(training, protocol)
    passed(nadia, module)
    revision = publish(protocol, director.user, significant=True)
    protocol_published(sender=type(protocol), instance=protocol, revision=revision)
    assert Assignment.objects.count() == 1 and Attestation.objects.count() == 1
    assert ProtocolRevision.objects.count() == 1
    assert (
        services.record_protocol_publish(
            protocol=protocol, revision=revision, published_by=director.user, now=NOW
        )
        is None
    )
    assert Assignment.objects.count() == 1


def test_a_second_significant_revision_asks_again(training, protocol, nadia, director, frozen):
    module = module_on(training, protocol)
    passed(nadia, module)
    publish(protocol, director.user, significant=True)
    publish(protocol, director.user, significant=True, what_changed="Now with oxygen.")
    assert Attestation.objects.filter(staff=nadia).count() == 2
    # The second publish the same day finds the module already set, due the same date.
    assert Assignment.objects.filter(staff=nadia).count() == 1


def test_two_modules_on_one_protocol_one_attestation(training, protocol, nadia, director, frozen):
    first, second = module_on(training, protocol), module_on(training, protocol)
    passed(nadia, first)
    passed(nadia, second)
    publish(protocol, director.user, significant=True)
    assert {a.page_id for a in Assignment.objects.filter(staff=nadia)} == {first.pk, second.pk}
    assert Attestation.objects.filter(staff=nadia).count() == 1


def test_attest_records_who_when_which_revision_and_is_audited(
    training, protocol, nadia, director, frozen
):
    passed(nadia, module_on(training, protocol))
    publish(protocol, director.user, significant=True)
    request = Attestation.objects.get()
    signed = services.attest_revision(attestation=request, staff=nadia, now=NOW)
    assert signed.attested_at == NOW and signed.attested_on == TODAY
    assert signed.protocol_revision == ProtocolRevision.objects.get()
    entry = AuditEntry.objects.get(staff=nadia, action="attestation.signed")
    assert entry.actor == nadia.user and entry.data["attestation"] == request.pk
    with pytest.raises(ValidationError) as refused:
        services.attest_revision(attestation=request, staff=nadia, now=NOW)
    assert services.ALREADY_SIGNED in refused.value.messages


def test_nobody_attests_for_someone_else(training, protocol, nadia, sam, director, frozen):
    passed(nadia, module_on(training, protocol))
    publish(protocol, director.user, significant=True)
    request = Attestation.objects.get()
    with pytest.raises(ValidationError):
        services.attest_revision(attestation=request, staff=sam, now=NOW)
    request.refresh_from_db()
    assert not request.signed
    assert not AuditEntry.objects.filter(action="attestation.signed").exists()
