"""On PostgreSQL the database itself refuses to change or remove an audit row."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction

from organisation.demo import purge_demo_audit
from organisation.models import AuditEntry, StaffProfile
from organisation.services import record_audit
from tests.factories import StaffProfileFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="The append-only trigger exists only on PostgreSQL (SQLite has no such trigger); "
    "this test runs in the PostgreSQL pass (DATABASE_URL=postgres://...).",
)
NOW = datetime.datetime(2026, 3, 4, 2, 30, tzinfo=datetime.UTC)
REFUSED = "audit entries are append-only"


@pytest.fixture
def entry(db):
    return record_audit(
        staff=StaffProfileFactory(), action="test.done", summary="Done.", at=NOW, actor=None
    )


def _refused(change) -> str:
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        change()
    return str(error.value)


def test_update_is_refused_by_the_database(entry):
    assert REFUSED in _refused(lambda: AuditEntry.objects.filter(pk=entry.pk).update(summary="x"))
    entry.summary = "Rewritten."
    assert "UPDATE" in _refused(entry.save)
    entry.refresh_from_db()
    assert entry.summary == "Done."


def test_delete_is_refused_by_the_database_even_in_raw_sql(entry):
    def raw_delete():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM organisation_auditentry WHERE id = %s", [entry.pk])

    assert "DELETE" in _refused(raw_delete)
    # Django's collector is bypassed too: the trigger is below the ORM.
    assert REFUSED in _refused(
        lambda: AuditEntry.objects.filter(pk=entry.pk)._raw_delete("default")
    )
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_only_the_demo_reset_may_delete_and_only_inside_its_transaction(entry):
    with transaction.atomic():
        assert purge_demo_audit(profiles=StaffProfile.objects.filter(pk=entry.staff_id)) == 1
        # The setting is cleared again before the transaction goes on.
        other = record_audit(staff=entry.staff, action="test.again", summary="Again.", at=NOW)
        assert REFUSED in _refused(lambda: AuditEntry.objects.filter(pk=other.pk).delete())
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["test.again"]
