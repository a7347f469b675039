# Placement moves here from schulen: the model is created in the state on the existing
# table, which is then renamed to this app's name. No row is copied or lost.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("schulen", "0003_move_placement_to_zuweisung"),
        ("seiteneinstieg", "0001_initial"),
        ("centres", "0004_area_keys_statewide_role"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Placement",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("proposed", "Vorgeschlagen"),
                                    ("accepted", "Angenommen"),
                                    ("declined", "Abgelehnt"),
                                ],
                                default="proposed",
                                max_length=20,
                                verbose_name="Status",
                            ),
                        ),
                        (
                            "distance_km",
                            models.FloatField(
                                blank=True, null=True, verbose_name="Entfernung (km)"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True, verbose_name="Vorgeschlagen am"
                            ),
                        ),
                        (
                            "centre",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="centres.centre",
                            ),
                        ),
                        (
                            "child",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="placements",
                                to="seiteneinstieg.child",
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "offer",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="placements",
                                to="schulen.offer",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "schulen_placement",
                        "verbose_name": "Platzvorschlag",
                        "verbose_name_plural": "Platzvorschläge",
                        "ordering": ["-created_at", "-id"],
                        "constraints": [
                            models.UniqueConstraint(
                                condition=models.Q(("status__in", ["proposed", "accepted"])),
                                fields=("child",),
                                name="placement_one_active_per_child",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="placement", table=None),
    ]
