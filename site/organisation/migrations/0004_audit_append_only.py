"""The audit trail becomes append-only.

Both foreign keys PROTECT (a cascade or SET_NULL would delete or update audit rows), and on
PostgreSQL a trigger refuses every UPDATE and DELETE of a row. The only way past it is a
transaction that first runs `SET LOCAL readyroom.audit_purge = 'demo-reset'`: the demo reset
(organisation.demo.purge_demo_audit) does, nothing else may. TRUNCATE is not guarded (Django's
test database flush uses it, and it needs the table owner's rights anyway). SQLite has no
trigger: there the PROTECT keys and the absence of any update or delete path hold the line.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

CREATE = """
CREATE OR REPLACE FUNCTION organisation_auditentry_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE'
       AND current_setting('readyroom.audit_purge', true) = 'demo-reset' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit entries are append-only: % of organisation_auditentry refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER organisation_auditentry_append_only
    BEFORE UPDATE OR DELETE ON organisation_auditentry
    FOR EACH ROW EXECUTE FUNCTION organisation_auditentry_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS organisation_auditentry_append_only ON organisation_auditentry;
DROP FUNCTION IF EXISTS organisation_auditentry_append_only();
"""


def _on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)  # no placeholders: RAISE uses %

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0003_hire_date_bounds"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditentry",
            name="actor",
            field=models.ForeignKey(
                blank=True,
                help_text="Who did it; empty for the system (e.g. the reminder sweep).",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="auditentry",
            name="staff",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="audit_entries",
                to="organisation.staffprofile",
            ),
        ),
        migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP), elidable=False),
    ]
