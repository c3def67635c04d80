"""`phoihop report`: the review report of a unit and period as DOCX, PDF or a zip of communes."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from phoihop.core.periods import Period, PeriodError
from phoihop.documents.pdf import PdfConversionError, PdfUnavailable
from phoihop.documents.rendering import TemplateError
from phoihop.documents.services import (
    generate_communes_zip,
    generate_docx,
    generate_pdf,
)
from phoihop.places.selectors import UnitLookupError, resolve_unit

SUFFIXES = (".docx", ".pdf", ".zip")


class Command(BaseCommand):
    help = "Lập báo cáo sơ kết/tổng kết của một đơn vị cho một kỳ (DOCX, PDF hoặc ZIP các xã)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--unit", required=True, help="Mã hoặc tên đơn vị, ví dụ 698 hoặc «Bù Đăng»."
        )
        parser.add_argument("--period", required=True, help="Kỳ báo cáo, ví dụ 2020S1 hoặc 2020.")
        parser.add_argument("--out", required=True, help="Tệp kết quả: .docx, .pdf hoặc .zip.")
        parser.add_argument("--template", help="Mẫu Word (.docx) thay cho mẫu đang dùng.")
        parser.add_argument(
            "--draft",
            action="store_true",
            help=_(
                "Bản dự thảo làm việc: gồm cả báo cáo đã gửi nhưng chưa duyệt, ghi «DỰ THẢO» "
                "trên mọi trang (mặc định chỉ gồm báo cáo đã duyệt)."
            ),
        )
        parser.add_argument(
            "--all-communes",
            action="store_true",
            help=_(
                "Lập báo cáo của tất cả các đơn vị cấp dưới (các xã của huyện, các huyện của "
                "tỉnh), gộp vào một tệp .zip."
            ),
        )

    def handle(self, *args, **options) -> None:
        out = Path(options["out"])
        suffix = out.suffix.lower()
        if suffix not in SUFFIXES:
            raise CommandError("Tệp kết quả phải có đuôi .docx, .pdf hoặc .zip.")
        if options["all_communes"] != (suffix == ".zip"):
            raise CommandError("Dùng --all-communes cùng với tệp .zip (và chỉ khi đó).")
        try:
            period = Period.parse(options["period"])
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc
        try:
            unit = resolve_unit(options["unit"], period=period)
        except UnitLookupError as exc:
            raise CommandError(str(exc)) from exc
        template = None
        if options["template"]:
            try:
                template = Path(options["template"]).read_bytes()
            except OSError as exc:
                raise CommandError(f"Không đọc được mẫu «{options['template']}»: {exc}") from exc
        try:
            draft = options["draft"]
            if suffix == ".zip":
                report = generate_communes_zip(unit, period, template=template, draft=draft)
            elif suffix == ".pdf":
                report = generate_pdf(unit, period, template=template, draft=draft)
            else:
                report = generate_docx(unit, period, template=template, draft=draft)
        except (UnitLookupError, TemplateError, PdfUnavailable, PdfConversionError) as exc:
            raise CommandError(str(exc)) from exc
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(report.content)
        kind = "bản dự thảo" if options["draft"] else "báo cáo"
        self.stdout.write(
            f"Đã lập {kind} {out} ({len(report.content):,} byte) cho {unit.full_name}, "
            f"{period.label}."
        )
