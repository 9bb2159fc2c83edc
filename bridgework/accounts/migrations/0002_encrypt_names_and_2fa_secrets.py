# Display names and two-factor secrets become encrypted at rest; existing rows are
# encrypted in place (raw SQL: the encrypted field would try to decrypt plain text).

import json

import bridgework.core.fields
from django.db import migrations

PREFIX = "bw1:"


def encrypt_display_names(apps, schema_editor):
    from bridgework.core import encryption

    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, display_name FROM accounts_profile")
        rows = cursor.fetchall()
        for pk, name in rows:
            if name and not name.startswith(PREFIX):
                cursor.execute(
                    "UPDATE accounts_profile SET display_name = %s WHERE id = %s",
                    [encryption.encrypt(name), pk],
                )


def encrypt_mfa_secrets(apps, schema_editor):
    from bridgework.core import encryption

    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.all():
        data = dict(authenticator.data or {})
        changed = False
        for key in ("secret", "seed"):
            value = data.get(key)
            if isinstance(value, str) and not value.startswith(PREFIX):
                data[key] = encryption.encrypt(value)
                changed = True
        codes = data.get("migrated_codes")
        if isinstance(codes, list) and any(not str(c).startswith(PREFIX) for c in codes):
            data["migrated_codes"] = [
                c if str(c).startswith(PREFIX) else encryption.encrypt(str(c)) for c in codes
            ]
            changed = True
        if changed:
            Authenticator.objects.filter(pk=authenticator.pk).update(data=json.loads(json.dumps(data)))


def verify_addresses_without_a_mail_server(apps, schema_editor):
    # Without a mail server (a laptop) sign-up now marks the address verified (there is
    # no mailbox to prove); do the same for accounts made before, so two-factor works.
    from django.conf import settings

    if getattr(settings, "ACCOUNT_EMAIL_VERIFICATION", "none") == "none":
        apps.get_model("account", "EmailAddress").objects.update(verified=True)


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('mfa', '0003_authenticator_type_uniq'),
        ('account', '0009_emailaddress_unique_primary_email'),
    ]

    operations = [
        migrations.AlterField(
            model_name='profile',
            name='display_name',
            field=bridgework.core.fields.EncryptedTextField(blank=True, help_text='What the app calls you. Leave empty for none.', max_length=60),
        ),
        migrations.RunPython(encrypt_display_names, migrations.RunPython.noop),
        migrations.RunPython(encrypt_mfa_secrets, migrations.RunPython.noop),
        migrations.RunPython(verify_addresses_without_a_mail_server, migrations.RunPython.noop),
    ]
