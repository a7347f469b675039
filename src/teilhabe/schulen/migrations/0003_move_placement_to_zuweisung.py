# Placement moves to the zuweisung app: state only here; the table is taken over and
# renamed by zuweisung.0001.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("schulen", "0002_schoolmembership")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Placement")],
            database_operations=[],
        )
    ]
