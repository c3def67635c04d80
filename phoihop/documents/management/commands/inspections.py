"""`phoihop inspections plan`: the inspection plan of a unit and period as DOCX."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from phoihop.core.periods import Period, PeriodError
from phoihop.documents.inspection_docs import plan_data, plan_docx
from phoihop.places.selectors import UnitLookupError, resolve_unit


class Command(BaseCommand):
    help = (
        "Lập kế hoạch kiểm tra các Ban điều phối xã của một đơn vị cho một kỳ (DOCX, thể thức "
        "Nghị định 30/2020): kế hoạch đã lập, hoặc đề xuất từ bảng xếp hạng nếu chưa có."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        plan = actions.add_parser("plan", help="Xuất kế hoạch kiểm tra ra tệp .docx.")
        plan.add_argument("--unit", required=True, help="Mã hoặc tên đơn vị, ví dụ «Bù Đăng».")
        plan.add_argument("--period", required=True, help="Kỳ kiểm tra, ví dụ 2020S2.")
        plan.add_argument("--out", required=True, help="Tệp .docx sẽ ghi ra.")

    def handle(self, *args, **options) -> None:
        out = Path(options["out"])
        if out.suffix.lower() != ".docx":
            raise CommandError("Tệp kết quả phải có đuôi .docx.")
        try:
            period = Period.parse(options["period"])
            unit = resolve_unit(options["unit"], period=period)
        except (PeriodError, UnitLookupError) as exc:
            raise CommandError(str(exc)) from exc
        data = plan_data(unit, period)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(plan_docx(data).content)
        chosen = ", ".join(v.unit.name for v in data.visits) or "không có xã nào"
        kind = "đề xuất" if data.proposed else "đã gửi"
        self.stdout.write(
            f"Đã ghi {out}: kế hoạch kiểm tra ({kind}) {period.label} của {unit.full_name}, "
            f"{len(data.visits)} xã: {chosen}."
        )
