"""One word for an assessment sitting: ``Administration`` becomes ``Sitting``.

Renames only (table, the answers' foreign key, the reverse accessor and the index): no
data changes, so it is safe on a database with history.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("assess", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The constraint names the renamed field: drop it first, add it back at the end.
        migrations.RemoveConstraint(model_name="response", name="assess_one_response_per_item"),
        migrations.RenameModel(old_name="Administration", new_name="Sitting"),
        migrations.RenameField(model_name="response", old_name="administration", new_name="sitting"),
        migrations.AlterField(
            model_name="sitting",
            name="user",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="sittings",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RenameIndex(
            model_name="sitting",
            new_name="assess_sitt_user_id_32c406_idx",
            old_name="assess_admi_user_id_433c42_idx",
        ),
        migrations.AddConstraint(
            model_name="response",
            constraint=models.UniqueConstraint(
                fields=("sitting", "item_id"), name="assess_one_response_per_item"
            ),
        ),
    ]
