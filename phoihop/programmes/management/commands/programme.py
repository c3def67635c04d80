"""`phoihop programme export|import`: a unit's programmes and targets through Excel, from a
shell, through the same services as the web; `phoihop programme tasks`: a period's tasks from
the last report's directions."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from phoihop.accounts.models import User
from phoihop.core.dates import format_date
from phoihop.core.periods import Period, PeriodError
from phoihop.places.models import Unit
from phoihop.programmes import direction_services, selectors, services


class Command(BaseCommand):
    help = "Xuất hoặc nhập chương trình phối hợp và chỉ tiêu năm bằng tệp Excel."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="Xuất tệp Excel chỉ tiêu của một đơn vị.")
        export.add_argument("--unit", required=True, help="Mã đơn vị hành chính, ví dụ 698.")
        export.add_argument("--year", required=True, type=int, help="Năm, ví dụ 2020.")
        export.add_argument("--out", required=True, help="Tệp .xlsx sẽ ghi ra.")
        load = actions.add_parser("import", help="Nhập chỉ tiêu từ tệp Excel (tất cả hoặc không).")
        load.add_argument("file", help="Tệp .xlsx đã điền.")
        load.add_argument("--user", required=True, help="Tên đăng nhập của người nhập.")
        tasks = actions.add_parser(
            "tasks", help="Tạo nhiệm vụ của một kỳ từ phương hướng của báo cáo kỳ trước."
        )
        tasks.add_argument("--unit", required=True, help="Mã đơn vị hành chính, ví dụ 698.")
        tasks.add_argument("--period", required=True, help="Kỳ thực hiện, ví dụ 2020S2.")
        tasks.add_argument("--user", required=True, help="Tên đăng nhập của người tạo.")

    def handle(self, *args, **options) -> None:
        if options["action"] == "export":
            unit = Unit.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(_("Không có đơn vị mã «%(code)s».") % {"code": options["unit"]})
            data = selectors.programme_workbook(unit, options["year"])
            Path(options["out"]).write_bytes(data)
            self.stdout.write(_("Đã ghi %(path)s.") % {"path": options["out"]})
            return
        user = User.objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(_("Không có người dùng «%(name)s».") % {"name": options["user"]})
        if options["action"] == "tasks":
            self._tasks(user, options["unit"], options["period"])
            return
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("Không tìm thấy tệp %(path)s.") % {"path": path})
        try:
            saved = services.import_workbook(path.read_bytes(), user=user)
        except services.ProgrammeError as exc:
            raise CommandError(
                _("Không nhập được; không có gì được lưu:") + "\n" + "\n".join(exc.messages)
            ) from None
        for programme in saved:
            self.stdout.write(
                _("Đã lưu %(programme)s (phiên bản %(version)d).")
                % {"programme": programme, "version": programme.version}
            )

    def _tasks(self, user: User, code: str, period: str) -> None:
        unit = Unit.objects.filter(code=code).first()
        if unit is None:
            raise CommandError(_("Không có đơn vị mã «%(code)s».") % {"code": code})
        try:
            tasks = direction_services.create_tasks_from_directions(
                user=user, unit=unit, period=Period.parse(period).id
            )
        except PeriodError as exc:
            raise CommandError(str(exc)) from None
        except PermissionDenied:
            raise CommandError(_("Người dùng này không lập kế hoạch cho đơn vị.")) from None
        except services.ProgrammeError as exc:
            raise CommandError("\n".join(exc.messages)) from None
        for task in tasks:
            self.stdout.write(
                f"- {task.title} ({task.lead.kind.short_name}, {format_date(task.due_on)})"
            )
