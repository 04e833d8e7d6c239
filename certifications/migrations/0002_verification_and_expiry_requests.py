"""Expiry requests on a card (a person never sets their own expiry) and the per-type policy for
how long an unverified card counts."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("certifications", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="certificationtype",
            name="pending_counts_as_current_days",
            field=models.PositiveSmallIntegerField(
                default=0,
                help_text=(
                    "The clinic's own policy: for how many days after upload a card nobody has "
                    "verified yet counts as if it were verified. Leave 0 so that only a card a "
                    "manager has checked makes someone current."
                ),
                verbose_name="unverified card counts for (days)",
            ),
        ),
        migrations.AddField(
            model_name="certificationrecord",
            name="requested_expires_on",
            field=models.DateField(
                blank=True,
                help_text=(
                    "The expiry the person says the card shows, when it differs from the rule."
                ),
                null=True,
                verbose_name="requested expiry",
            ),
        ),
        migrations.AddField(
            model_name="certificationrecord",
            name="expiry_request_reason",
            field=models.CharField(
                blank=True, max_length=300, verbose_name="why the expiry differs"
            ),
        ),
        migrations.AddField(
            model_name="certificationrecord",
            name="expiry_request_status",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "No request"),
                    ("pending", "Awaiting a manager"),
                    ("approved", "Approved"),
                    ("refused", "Refused"),
                ],
                db_index=True,
                default="",
                max_length=10,
                verbose_name="expiry request",
            ),
        ),
        migrations.AddField(
            model_name="certificationrecord",
            name="expiry_request_decided_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="certificationrecord",
            name="expiry_request_decided_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="expiry request decided at"
            ),
        ),
        migrations.AddField(
            model_name="certificationrecord",
            name="expiry_request_note",
            field=models.CharField(
                blank=True,
                help_text="Why a request was refused; the person sees it.",
                max_length=500,
                verbose_name="manager's note on the expiry request",
            ),
        ),
        migrations.AddConstraint(
            model_name="certificationrecord",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("expiry_request_status", ""), ("requested_expires_on__isnull", True)),
                    models.Q(
                        models.Q(("expiry_request_status", ""), _negated=True),
                        ("requested_expires_on__gte", models.F("issued_on")),
                    ),
                    _connector="OR",
                ),
                name="cert_record_expiry_request_has_a_date",
            ),
        ),
    ]
