"""`phoihop extract FILE [--json]`: the figures of an old report, with where each one stands."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from phoihop.imports.extractor import extract_file
from phoihop.imports.textsource import TextSourceError


class Command(BaseCommand):
    help = (
        "In các số liệu đọc được từ một báo cáo (.docx, .txt, .pdf): đơn vị, mục, tổ chức, vị trí."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="tệp báo cáo .docx, .txt hoặc .pdf")
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    def handle(self, *args, file: str, json: bool = False, **options) -> None:
        try:
            result = extract_file(file)
        except TextSourceError as error:
            raise CommandError(str(error)) from error
        except Exception as error:  # a corrupt .docx raises whatever its zip reader raises
            raise CommandError(f"Không đọc được tệp «{file}»: {error}") from error
        if json:
            self.stdout.write(result.to_json())
            return
        unit = result.reporting_unit
        self.stdout.write(
            f"Kỳ báo cáo: {result.period or '?'} ({result.period_text or 'không rõ'})"
        )
        if unit is not None:
            province = f", tỉnh {unit.province}" if unit.province else ""
            self.stdout.write(f"Đơn vị: {unit.level} {unit.name or '?'}{province}")
        self.stdout.write(f"{len(result.figures)} số liệu:")
        for figure in result.figures:
            links = []
            if figure.linked_to is not None:
                links.append(f"gắn với #{figure.linked_to}")
            if figure.part_of is not None:
                links.append(f"trong đó của #{figure.part_of}")
            self.stdout.write(
                f"  #{figure.id:<3} «{figure.text}» = {figure.value} {figure.unit or '?'}"
                f" · mục {figure.section or '-'} · tổ chức {figure.organisation or '-'}"
                f" · đoạn {figure.paragraph + 1} [{figure.start}:{figure.end}]"
                + (f" · {', '.join(links)}" if links else "")
                + (f" · {figure.noun_phrase}" if figure.noun_phrase else "")
            )
        problems = result.problems
        if problems:
            self.stdout.write(f"Số học sai: {len(problems)}")
            for check in problems:
                self.stdout.write(f"  {check.message}")
