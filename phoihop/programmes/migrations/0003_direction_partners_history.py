"""A task's history keeps its partners. The history written before has none: each task's latest
history row is given the partners the task has now, so that the first change after this one
does not read as if every partner had just been added."""

from collections import defaultdict

import django.db.models.deletion
import simple_history.models
from django.db import migrations, models


def snapshot_partners(apps, schema_editor) -> None:
    Direction = apps.get_model("programmes", "Direction")
    Historical = apps.get_model("programmes", "HistoricalDirection")
    Snapshot = apps.get_model("programmes", "HistoricalDirection_partners")
    partners = defaultdict(list)
    links = Direction.partners.through.objects.values_list("pk", "direction_id", "organisation_id")
    for link_id, direction_id, organisation_id in links:
        partners[direction_id].append((link_id, organisation_id))
    snapshots = []
    for direction_id, links_of_task in partners.items():
        latest = (
            Historical.objects.filter(id=direction_id)
            .order_by("-history_date", "-history_id")
            .values_list("history_id", flat=True)
            .first()
        )
        if latest is not None and not Snapshot.objects.filter(history_id=latest).exists():
            snapshots += [
                Snapshot(
                    id=link_id,
                    history_id=latest,
                    direction_id=direction_id,
                    organisation_id=organisation_id,
                )
                for link_id, organisation_id in links_of_task
            ]
    Snapshot.objects.bulk_create(snapshots)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_builtin_organisation_kinds"),
        ("programmes", "0002_directions"),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalDirection_partners",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "direction",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programmes.direction",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="programmes.historicaldirection",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="organisations.organisation",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalDirection_partners",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(snapshot_partners, migrations.RunPython.noop),
    ]
