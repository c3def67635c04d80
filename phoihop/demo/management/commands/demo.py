"""`phoihop demo`: build the demo district, set its day, and serve it."""

import datetime as dt

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from phoihop.core import clock
from phoihop.demo.builder import DEMO_PASSWORD, PERSONAS, build_demo
from phoihop.validation.runs import validate_all

DEMO_TODAY = dt.date(2020, 12, 20)


class Command(BaseCommand):
    help = "Dựng cơ sở dữ liệu mẫu (huyện Bù Đăng) và chạy ứng dụng trên 127.0.0.1."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Chỉ dựng dữ liệu, không chạy.")
        parser.add_argument("--port", default="8000")
        parser.add_argument(
            "--real-clock",
            action="store_true",
            help="Chạy theo ngày thật thay vì ngày của bản mẫu (20/12/2020).",
        )

    def handle(self, *args, no_serve: bool, port: str, real_clock: bool = False, **options):
        call_command("migrate", interactive=False, verbosity=0)
        # The demo's story happens on 20/12/2020: 2020S2 is being reported, some late.
        clock.set_demo_today(None if real_clock else DEMO_TODAY)
        summary = build_demo(log=self.stdout.write)
        # Pages only read stored verdicts: validate what the builder wrote in bulk, once.
        validated = validate_all()
        if validated:
            self.stdout.write(f"Đã kiểm tra số liệu: {len(validated)} lần kiểm tra.")
        self.stdout.write(
            f"Đã tạo {summary.created_submissions} báo cáo mới."
            if summary.created_submissions
            else "Dữ liệu mẫu đã có sẵn, không thay đổi gì."
        )
        if not real_clock:
            self.stdout.write(
                f"Bản mẫu chạy theo ngày {DEMO_TODAY:%d/%m/%Y} (lưu ở {settings.PHOIHOP_DEMO_TODAY_FILE}; "
                "chạy lại với --real-clock để theo ngày thật)."
            )
        self.stdout.write("")
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for persona in PERSONAS:
            self.stdout.write(f"  {persona.username:<11} {persona.description}")
        if no_serve:
            return
        self.stdout.write("")
        self.stdout.write(f"Mở http://127.0.0.1:{port}/ và đăng nhập bằng một tài khoản ở trên.")
        # The production server, as an office PC runs it (README.md, "Production").
        call_command("serve", host="127.0.0.1", port=int(port))
