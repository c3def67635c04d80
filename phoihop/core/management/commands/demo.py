"""`phoihop demo`: build the demo district and serve it."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from phoihop.demo.builder import DEMO_PASSWORD, PERSONAS, build_demo
from phoihop.validation.runs import validate_all


class Command(BaseCommand):
    help = "Dựng cơ sở dữ liệu mẫu (huyện Bù Đăng) và chạy ứng dụng trên 127.0.0.1."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Chỉ dựng dữ liệu, không chạy.")
        parser.add_argument("--port", default="8000")

    def handle(self, *args, no_serve: bool, port: str, **options):
        call_command("migrate", interactive=False, verbosity=0)
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
        self.stdout.write("")
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for persona in PERSONAS:
            self.stdout.write(f"  {persona.username:<11} {persona.description}")
        if no_serve:
            return
        self.stdout.write("")
        self.stdout.write(f"Mở http://127.0.0.1:{port}/ và đăng nhập bằng một tài khoản ở trên.")
        # runserver serves the static files itself with --insecure; fine for one office PC.
        call_command("runserver", f"127.0.0.1:{port}", insecure_serving=True, use_reloader=False)
