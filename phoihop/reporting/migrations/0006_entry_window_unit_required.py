# A separate migration: on PostgreSQL the column cannot be altered in the transaction that
# filled it (pending trigger events of deferred foreign keys).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reporting', '0005_entry_windows_per_unit_reopened_until'),
    ]

    operations = [
        migrations.AlterField(
            model_name='entrywindow',
            name='unit',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='places.unit', verbose_name='đơn vị'),
        ),
    ]
