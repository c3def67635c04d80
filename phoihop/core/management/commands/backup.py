"""`phoihop backup [--out F] [--keep N]`: the database and uploaded files in one archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from phoihop.core import backups


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và các tệp đã tải lên vào một tệp .tar.gz."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--out",
            type=Path,
            help="Tệp sao lưu (mặc định: DATA_DIR/backups/phoihop-NGÀY-GIỜ.tar.gz).",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=0,
            help="Chỉ giữ N bản sao lưu mới nhất trong cùng thư mục (0: giữ tất cả).",
        )

    def handle(self, *args: Any, out: Path | None, keep: int, **options: Any) -> None:
        path = out or backups.default_path()
        try:
            manifest = backups.make_backup(path)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Đã sao lưu vào {path} ({manifest['engine']}, {manifest['media_files']} tệp tải lên)."
        )
        for old in backups.prune(path.parent, keep=keep):
            self.stdout.write(f"Đã xoá bản sao lưu cũ {old.name}.")
