"""The `phoihop` command: runs the project's management commands."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # Imported once the settings module is named, as manage.py does.
    from django.core.management import execute_from_command_line

    execute_from_command_line(["phoihop", *(sys.argv[1:] if argv is None else argv)])
