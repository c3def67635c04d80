"""`phoihop jobs purge [--days N]`: delete finished jobs and their files older than N days."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from phoihop.jobs.services import purge_jobs, retention_days


class Command(BaseCommand):
    help = _("Việc chạy nền: xoá các việc đã xong và tệp của chúng sau một số ngày.")

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        purge = actions.add_parser(
            "purge", help=_("xoá việc đã xong và tệp kết quả (PDF, ZIP, trang xem trước) cũ")
        )
        purge.add_argument(
            "--days",
            type=int,
            default=None,
            help=_(
                "giữ lại các việc của bấy nhiêu ngày gần nhất (mặc định PHOIHOP_JOB_RETENTION_DAYS)"
            ),
        )

    def handle(self, *args, action: str, days: int | None = None, **options) -> None:
        if days is not None and days < 0:
            raise CommandError(_("Số ngày phải từ 0 trở lên."))
        purged = purge_jobs(days=days)
        self.stdout.write(
            _("Đã xoá %(jobs)d việc và %(files)d tệp cũ hơn %(days)d ngày.")
            % {
                "jobs": purged.jobs,
                "files": purged.files,
                "days": retention_days() if days is None else days,
            }
        )
