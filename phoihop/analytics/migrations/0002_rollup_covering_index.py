"""Rollup reads from the index alone on PostgreSQL, and one index fewer to write everywhere.

On PostgreSQL the rollup key also carries each row's total and count (INCLUDE), so that a pivot
reads its rows from the index alone (an index-only scan) instead of visiting the table for every
row. The constraint keeps its name and key columns, so Django's view of it and the rollups'
`ON CONFLICT (unit_id, period, kind, indicator_id)` are unchanged; SQLite has no such indexes and
keeps the plain key. The price is on writes: with total and count indexed, PostgreSQL can no
longer update a rollup row in place (a HOT update), so each saved figure writes new index entries
for its rollup rows and leaves its pages to be vacuumed before their index-only scans are whole
again; autovacuum is therefore asked to visit this table after 2 % of its rows changed rather
than 20 %. Saving a figure then seeing it in a pivot was measured the same before and after
(docs/analytics.md). Remaking the key locks the rollup table while it is built: about two
seconds for the 3.2 million rows of the national-scale dataset.

The unit's own index goes: the key above starts with the unit, which serves the foreign key and
cascades. It is dropped by name, so that SQLite need not copy the table to forget it.
"""

from django.db import migrations, models

TABLE = "analytics_rollup"
NAME = "rollup_unique_cell"
KEY = "(unit_id, period, kind, indicator_id)"
UNIT_INDEX = "analytics_rollup_unit_id_5090b321"  # Django's name for it in 0001


def _replace(schema_editor, include: str, autovacuum: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} DROP CONSTRAINT {NAME}")
    schema_editor.execute(f"ALTER TABLE {TABLE} ADD CONSTRAINT {NAME} UNIQUE {KEY}{include}")
    schema_editor.execute(f"ALTER TABLE {TABLE} {autovacuum}")


def cover(apps, schema_editor) -> None:
    _replace(
        schema_editor, " INCLUDE (total, count)", "SET (autovacuum_vacuum_scale_factor = 0.02)"
    )


def uncover(apps, schema_editor) -> None:
    _replace(schema_editor, "", "RESET (autovacuum_vacuum_scale_factor)")


class Migration(migrations.Migration):
    dependencies = [("analytics", "0001_rollups_favourites")]

    operations = [
        migrations.RunPython(cover, uncover),
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f"DROP INDEX IF EXISTS {UNIT_INDEX}",
                    f"CREATE INDEX {UNIT_INDEX} ON {TABLE} (unit_id)",
                )
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="rollup",
                    name="unit",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=models.deletion.CASCADE,
                        related_name="+",
                        to="places.unit",
                    ),
                )
            ],
        ),
    ]
