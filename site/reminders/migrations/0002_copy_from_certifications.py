"""Carry the ledger, the policy and calendar tokens over from the certifications app, where
they lived before reminders became an app of their own.

Rows keep their keys, so nothing already sent goes out again. A row left `sending` by a
sweep that died is given a lease that has already run out, so the next sweep takes it over;
a `failed` row is retried at once (the old sweep gave up after five attempts and never told
anyone).
"""

from django.db import migrations
from django.utils import timezone

POLICY_FIELDS = (
    "offsets_before",
    "on_the_day",
    "overdue_every_days",
    "escalate_from_days",
    "escalate_when_overdue",
    "digest_weekday",
    "digest_enabled",
)
ROW_FIELDS = (
    "recipient_key",
    "item_key",
    "due_key",
    "kind",
    "audience",
    "recipient_id",
    "subject_id",
    "label",
    "due_on",
    "url",
    "planned_on",
    "status",
    "attempts",
    "last_error",
    "created_at",
    "sent_at",
)


def copy_forward(apps, schema_editor):
    now = timezone.now()
    OldPolicy = apps.get_model("certifications", "ReminderPolicy")
    NewPolicy = apps.get_model("reminders", "ReminderPolicy")
    for old in OldPolicy.objects.all():
        NewPolicy.objects.update_or_create(
            pk=old.pk, defaults={f: getattr(old, f) for f in POLICY_FIELDS}
        )

    OldToken = apps.get_model("certifications", "CalendarToken")
    NewToken = apps.get_model("reminders", "CalendarToken")
    NewToken.objects.bulk_create(
        [NewToken(user_id=t.user_id, token=t.token, created_at=t.created_at) for t in OldToken.objects.all()]
    )

    OldReminder = apps.get_model("certifications", "Reminder")
    NewReminder = apps.get_model("reminders", "Reminder")
    batch = []
    for old in OldReminder.objects.order_by("pk").iterator(chunk_size=2000):
        row = NewReminder(pk=old.pk, **{f: getattr(old, f) for f in ROW_FIELDS})
        if old.status == "sending":
            row.lease_owner = old.claim_token or "before-the-move"
            row.lease_expires_at = old.claimed_at or now
        elif old.status == "failed":
            row.next_attempt_at = now
        elif old.status == "sent" and old.sent_at:
            row.sent_on = old.sent_at.date()
        batch.append(row)
        if len(batch) >= 2000:
            NewReminder.objects.bulk_create(batch)
            batch = []
    NewReminder.objects.bulk_create(batch)
    if batch or NewReminder.objects.exists():
        # Rows were inserted with their old keys: move the sequence past them.
        from django.core.management.color import no_style

        for sql in schema_editor.connection.ops.sequence_reset_sql(no_style(), [NewReminder]):
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0001_initial"),
        ("certifications", "0001_initial"),
    ]

    operations = [migrations.RunPython(copy_forward, migrations.RunPython.noop)]
