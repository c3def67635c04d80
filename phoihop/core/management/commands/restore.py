"""`phoihop restore F [--yes]`: put a backup's database and uploaded files back."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from phoihop.core import backups


class Command(BaseCommand):
    help = (
        "Khôi phục cơ sở dữ liệu và các tệp đã tải lên từ một bản sao lưu. Mọi thay đổi sau "
        "lúc sao lưu sẽ mất. Hãy dừng `phoihop serve` trước."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument("--yes", action="store_true", help="Không hỏi lại.")

    def handle(self, *args: Any, archive: Path, yes: bool, **options: Any) -> None:
        try:
            manifest = backups.read_manifest(archive)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        warning = (
            f"Khôi phục bản sao lưu lúc {manifest['created']} sẽ THAY THẾ toàn bộ số liệu và tệp "
            "tải lên hiện có; mọi thay đổi sau lúc đó sẽ mất."
        )
        if not yes:
            if not sys.stdin.isatty():
                raise CommandError(f"{warning} Chạy lại với --yes để khôi phục.")
            answer = input(f"{warning}\nGõ «co» để tiếp tục: ")
            if answer.strip().lower() not in ("co", "có"):
                raise CommandError("Đã huỷ, không thay đổi gì.")
        try:
            backups.restore_backup(archive)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Đã khôi phục từ {archive}. Hãy chạy lại `phoihop serve`.")
