"""Rollups read by indicator: every commune of the country is a few ranges of one index.

A pivot of a few indicators over many units (all communes below a unit, at any depth) asked the
unit-first key once per unit and period. The index (indicator, kind, period, unit, total, count)
answers it with one range per indicator and period, read from the index alone (total and count
are in it), on both databases. It starts with the indicator, so it also serves the foreign key
and the cascades: the indicator's own index goes, dropped by name as 0002 dropped the unit's,
so that SQLite need not copy the table and PostgreSQL need not check the foreign key again. The
price is on writes: each saved figure of an accepted report updates an entry of this index for
each of its rollup rows (docs/analytics.md: rollup upkeep per write).
"""

from django.db import migrations, models

TABLE = "analytics_rollup"
INDICATOR_INDEX = "analytics_rollup_indicator_id_a3df815c"  # Django's name for it in 0001


class Migration(migrations.Migration):
    dependencies = [
        ("analytics", "0003_submission_tally"),
        ("indicators", "0003_indicator_sentence"),
        ("places", "0001_units_and_population"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="rollup",
            index=models.Index(
                fields=["indicator", "kind", "period", "unit", "total", "count"],
                name="rollup_by_indicator",
            ),
        ),
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f"DROP INDEX IF EXISTS {INDICATOR_INDEX}",
                    f"CREATE INDEX {INDICATOR_INDEX} ON {TABLE} (indicator_id)",
                )
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="rollup",
                    name="indicator",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=models.deletion.CASCADE,
                        related_name="+",
                        to="indicators.indicator",
                    ),
                )
            ],
        ),
    ]
