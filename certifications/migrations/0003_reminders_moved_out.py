"""The ledger, the reminder policy and calendar tokens now live in the reminders app, which
copied their rows before these tables go."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("certifications", "0002_verification_and_expiry_requests"),
        ("reminders", "0002_copy_from_certifications"),
    ]

    operations = [
        migrations.DeleteModel(name="CalendarToken"),
        migrations.DeleteModel(name="Reminder"),
        migrations.DeleteModel(name="ReminderPolicy"),
    ]
