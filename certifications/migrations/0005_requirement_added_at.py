"""When each role began to require a certification type. Requirements made before this
migration keep no date (nobody recorded one): a card missing under them is chased from the
person's hire date. New requirements get the moment they are added."""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("certifications", "0004_renewal_basis"),
    ]

    operations = [
        # Added without a default first, so existing rows stay empty rather than taking the
        # migration's own time as their start.
        migrations.AddField(
            model_name="certificationrequirement",
            name="added_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="required since"),
        ),
        migrations.AlterField(
            model_name="certificationrequirement",
            name="added_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                editable=False,
                null=True,
                verbose_name="required since",
            ),
        ),
    ]
