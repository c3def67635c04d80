# A range read per indicator and period for pivots over many units (both databases).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("analytics", "0003_submission_tally"),
        ("indicators", "0003_indicator_sentence"),
        ("places", "0001_units_and_population"),
    ]

    operations = [
        migrations.AlterField(
            model_name="rollup",
            name="indicator",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="indicators.indicator",
            ),
        ),
        migrations.AddIndex(
            model_name="rollup",
            index=models.Index(
                fields=["indicator", "kind", "period", "unit", "total", "count"],
                name="rollup_by_indicator",
            ),
        ),
    ]
