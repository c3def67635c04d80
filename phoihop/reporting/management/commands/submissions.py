"""`phoihop submissions export|import|submit|return|accept|reopen`: offline entry through Excel
and the workflow's steps, from a shell, through the same services as the web."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from phoihop.accounts.models import User
from phoihop.core.periods import Period, PeriodError
from phoihop.indicators.models import Form
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.reporting import excel_services, services
from phoihop.reporting.management.workflow_steps import STEPS, run_step


class Command(BaseCommand):
    help = (
        "Xuất hoặc nhập báo cáo bằng tệp Excel (export / import); gửi, trả lại, duyệt, mở lại "
        "báo cáo (submit / return / accept / reopen)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="Xuất tệp Excel điền sẵn số liệu.")
        target = export.add_mutually_exclusive_group(required=True)
        target.add_argument("--organisation", type=int, help="Mã số (id) của tổ chức.")
        target.add_argument("--unit", help="Mã đơn vị hành chính: mọi xã của đơn vị này.")
        export.add_argument("--form", help="Mã biểu mẫu (bắt buộc với --unit).")
        export.add_argument("--period", required=True, help="Kỳ báo cáo, ví dụ 2020S2.")
        export.add_argument("--out", required=True, help="Tệp .xlsx sẽ ghi ra.")
        load = actions.add_parser("import", help="Nhập số liệu từ tệp Excel.")
        load.add_argument("file", help="Tệp .xlsx đã điền.")
        load.add_argument("--user", required=True, help="Tên đăng nhập của người nhập.")
        load.add_argument("--period", help="Chỉ nhận các trang của kỳ này.")
        load.add_argument("--form", help="Chỉ nhận các trang của biểu mẫu này.")
        load.add_argument(
            "--dry-run", action="store_true", help="Chỉ kiểm tra và in thay đổi, không lưu."
        )

        for step, text in STEPS.items():
            command = actions.add_parser(step, help=str(text))
            command.add_argument("--user", required=True, help="Tên đăng nhập của người làm.")
            command.add_argument(
                "--organisation", type=int, required=True, help="Mã số (id) của tổ chức."
            )
            command.add_argument("--period", required=True, help="Kỳ báo cáo, ví dụ 2020S2.")
            command.add_argument("--form", help="Mã biểu mẫu (mặc định: biểu mẫu của tổ chức).")
            if step in ("return", "reopen"):
                command.add_argument("--reason", required=True, help="Lý do.")
                command.add_argument("--until", help="Mở để sửa đến ngày (dd/mm/yyyy).")
            if step == "submit":
                command.add_argument(
                    "--explain",
                    action="append",
                    default=[],
                    metavar="MÃ=GIẢI TRÌNH",
                    help="Giải trình cho một điểm kiểm tra (lặp lại được).",
                )

    def handle(self, *args, **options) -> None:
        if options["action"] == "export":
            self._export(options)
        elif options["action"] == "import":
            self._import(options)
        else:
            run_step(self, options)

    def _export(self, options: dict) -> None:
        try:
            period = Period.parse(options["period"]).id
        except PeriodError as exc:
            raise CommandError(str(exc)) from None
        form = None
        if options["form"]:
            form = Form.objects.filter(code=options["form"]).first()
            if form is None:
                raise CommandError(_("Không có biểu mẫu «%(code)s».") % {"code": options["form"]})
        # The command line is the operator's: it exports without a user's scope.
        if options["organisation"] is not None:
            organisation = (
                Organisation.objects.select_related("unit", "kind")
                .filter(pk=options["organisation"])
                .first()
            )
            if organisation is None:
                raise CommandError(
                    _("Không có tổ chức số %(id)d.") % {"id": options["organisation"]}
                )
            form = form or services.form_for(organisation)
            if form is None:
                raise CommandError(_("Tổ chức này không có biểu mẫu báo cáo nào ở cấp của mình."))
            data = excel_services.organisation_workbook(organisation, form=form, period=period)
        else:
            unit = Unit.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(_("Không có đơn vị mã «%(code)s».") % {"code": options["unit"]})
            if form is None:
                raise CommandError(_("Cần chỉ rõ biểu mẫu (--form) khi xuất cho mọi xã."))
            if not excel_services.communes_of(unit, form=form, period=period):
                raise CommandError(_("Không có tổ chức cấp xã nào báo cáo biểu mẫu này."))
            data = excel_services.unit_workbook(unit, form=form, period=period)
        Path(options["out"]).write_bytes(data)
        self.stdout.write(_("Đã ghi %(path)s.") % {"path": options["out"]})

    def _import(self, options: dict) -> None:
        user = User.objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(_("Không có người dùng «%(name)s».") % {"name": options["user"]})
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("Không tìm thấy tệp %(path)s.") % {"path": path})
        # The same size limit as the web upload, checked before the file is read.
        if path.stat().st_size > settings.PHOIHOP_MAX_UPLOAD_BYTES:
            raise CommandError(_("Tệp quá lớn; không nhập."))
        period = options["period"]
        if period:
            try:
                period = Period.parse(period).id
            except PeriodError as exc:
                raise CommandError(str(exc)) from None
        plan = excel_services.plan_upload(
            path.read_bytes(), user=user, period=period, form_code=options["form"]
        )
        for note in plan.notes:
            self.stdout.write(note)
        if plan.problems:
            for problem in plan.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                _("Tệp có %(n)d lỗi; không có số liệu nào được lưu.") % {"n": len(plan.problems)}
            )
        for item in plan.items:
            self.stdout.write(f"{item.organisation_name} · {item.period_label} («{item.sheet}»)")
            if not item.changes:
                self.stdout.write("  " + _("không có thay đổi"))
            for change in item.changes:
                self.stdout.write(f"  {change.label}: {change.old} → {change.new}")
        if options["dry_run"]:
            self.stdout.write(_("Chạy thử: chưa lưu gì."))
            return
        try:
            saved = excel_services.apply_upload(plan, user=user)
        except excel_services.ImportRefused as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(_("Đã nhập số liệu vào %(n)d báo cáo.") % {"n": len(saved)})
