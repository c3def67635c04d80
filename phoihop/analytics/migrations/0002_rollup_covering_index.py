"""On PostgreSQL, the rollup key also carries each row's total and count (INCLUDE), so that a
pivot reads its rows from the index alone (an index-only scan) instead of visiting the table
for every row. SQLite has no such indexes; there the key stays as it was. The constraint keeps
its name and key columns, so Django's view of it and `ON CONFLICT` are unchanged."""

from django.db import migrations, models

TABLE = "analytics_rollup"
NAME = "rollup_unique_cell"
KEY = "(unit_id, period, kind, indicator_id)"


def _replace(schema_editor, include: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} DROP CONSTRAINT {NAME}")
    schema_editor.execute(f"ALTER TABLE {TABLE} ADD CONSTRAINT {NAME} UNIQUE {KEY}{include}")


def cover(apps, schema_editor) -> None:
    _replace(schema_editor, " INCLUDE (total, count)")


def uncover(apps, schema_editor) -> None:
    _replace(schema_editor, "")


class Migration(migrations.Migration):
    dependencies = [("analytics", "0001_rollups_favourites")]

    operations = [
        migrations.RunPython(cover, uncover),
        # The key above starts with the unit: a second index on the unit alone only slowed writes.
        migrations.AlterField(
            model_name="rollup",
            name="unit",
            field=models.ForeignKey(
                db_index=False,
                on_delete=models.deletion.CASCADE,
                related_name="+",
                to="places.unit",
            ),
        ),
    ]
