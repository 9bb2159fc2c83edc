"""Create the database cache table when a shared (database) cache is configured.

Rate-limit counters must be shared by all workers of a server (settings.SHARED_CACHE);
creating the table here means `migrate` is the only set-up step. Does nothing when the
cache is in memory, and nothing if the table exists.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
