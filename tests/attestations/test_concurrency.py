"""One protocol revision handled by two workers at the same moment (the publish signal sent
twice, in separate connections): one reassigns and asks, the other writes nothing (PostgreSQL
only: the revision record's unique index decides)."""

import pytest
from attestations import services
from attestations.models import Attestation, ProtocolRevision
from django.db import connection

from actions.models import Assignment
from tests.actions.test_concurrency import at_once
from tests.attestations.conftest import NOW, module_on, passed

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Decided by PostgreSQL's unique index; this test runs in the PostgreSQL pass.",
)


@pytest.mark.django_db(transaction=True)
def test_one_revision_handled_twice_at_once_assigns_once(training, protocol, nadia, sam, director):
    module = module_on(training, protocol)
    passed(nadia, module)
    passed(sam, module)
    protocol.significant_change = True
    protocol.what_changed = "The adrenaline dose is now 0.5 mg."
    revision = protocol.save_revision(user=director.user)

    def handle():
        return services.record_protocol_publish(
            protocol=protocol, revision=revision, published_by=director.user, now=NOW
        )

    made, refused = at_once(handle, handle)
    assert refused == [] and sorted(r is None for r in made) == [False, True]
    assert ProtocolRevision.objects.count() == 1
    assert Assignment.objects.count() == 2 and Attestation.objects.count() == 2
