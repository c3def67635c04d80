"""`phoihop reminders`: remind reporters of reports due soon or late (for cron or a worker)."""

from django.core.management.base import BaseCommand, CommandError

from phoihop.core import clock
from phoihop.jobs.services import start_job
from phoihop.reporting.notifications import send_reminders
from phoihop.reporting.tasks import send_reminders_task


class Command(BaseCommand):
    help = (
        "Nhắc người báo cáo các báo cáo sắp đến hạn hoặc quá hạn (và báo cơ quan thường trực "
        "khi đã quá hạn), trong ứng dụng và qua thư điện tử cho người đã chọn nhận thư. Chỉ "
        "nhắc các đơn vị, tổ chức có trong kỳ báo cáo. Chạy nhiều lần trong ngày không gửi trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=3, help="Nhắc các báo cáo còn N ngày đến hạn (mặc định 3)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ liệt kê, không ghi và không gửi."
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="Đưa vào hàng chờ để `phoihop db_worker` gửi, không gửi ngay.",
        )

    def handle(self, *args, days: int, dry_run: bool, background: bool = False, **options):
        if days < 0:
            raise CommandError("--days phải là số không âm.")
        if background and not dry_run:
            job = start_job(
                owner=None,
                kind="reporting.reminders",
                title="Nhắc việc báo cáo",
                task=send_reminders_task,
                parameters={"days": days},
            )
            self.stdout.write(f"Đã đưa việc nhắc hạn vào hàng chờ (việc số {job.pk}).")
            return
        reminders = send_reminders(today=clock.today(), days=days, dry_run=dry_run)
        for r in reminders:
            self.stdout.write(f"{r.recipient.username:<12} {r.kind:<9} {r.message}")
        verb = "Sẽ gửi" if dry_run else "Đã gửi"
        self.stdout.write(f"{verb} {len(reminders)} nhắc việc.")
