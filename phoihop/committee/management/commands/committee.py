"""`phoihop committee digest`: the monthly digest to each committee member (for cron)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from phoihop.committee.services import send_digest
from phoihop.core import clock
from phoihop.core.periods import Period, PeriodError
from phoihop.reporting.windows import reporting_period_now


class Command(BaseCommand):
    help = (
        "Gửi bản tổng hợp tháng cho mỗi thành viên Ban chỉ đạo về các xã phụ trách (trong ứng "
        "dụng và qua thư điện tử); mỗi tháng một lần, chạy lại không gửi trùng."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        digest = actions.add_parser("digest", help="Gửi bản tổng hợp tháng.")
        digest.add_argument("--period", help="Kỳ báo cáo (mặc định: kỳ đang báo cáo).")
        digest.add_argument("--dry-run", action="store_true", help="Chỉ in, không ghi, không gửi.")

    def handle(self, *args, **options) -> None:
        today = clock.today()
        try:
            period = (
                Period.parse(options["period"])
                if options["period"]
                else reporting_period_now(today=today)
            )
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc
        sent = send_digest(today=today, period=period, dry_run=options["dry_run"])
        for user, text in sent:
            self.stdout.write(f"{user.username}:\n{text}\n")
        verb = "Sẽ gửi" if options["dry_run"] else "Đã gửi"
        self.stdout.write(f"{verb} {len(sent)} bản tổng hợp.")
