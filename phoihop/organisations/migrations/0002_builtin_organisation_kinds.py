from django.db import migrations

KINDS = [
    ("chqs", "Ban Chỉ huy Quân sự", "Ban CHQS", True, 0),
    ("ccb", "Hội Cựu chiến binh", "Hội CCB", False, 1),
    ("ctd", "Hội Chữ thập đỏ", "Hội CTĐ", False, 2),
    ("nd", "Hội Nông dân", "Hội ND", False, 3),
    ("pn", "Hội Liên hiệp Phụ nữ", "Hội LHPN", False, 4),
    ("ldld", "Liên đoàn Lao động", "LĐLĐ", False, 5),
    ("dtn", "Đoàn TNCS Hồ Chí Minh", "Đoàn TN", False, 6),
]


def add_kinds(apps, schema_editor):
    OrganisationKind = apps.get_model("organisations", "OrganisationKind")
    for code, name, short, is_command, order in KINDS:
        OrganisationKind.objects.get_or_create(
            code=code,
            defaults={"name": name, "short_name": short, "is_command": is_command, "order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_kinds_and_organisations")]
    operations = [migrations.RunPython(add_kinds, migrations.RunPython.noop)]
