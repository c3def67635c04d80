"""`phoihop extract FILE [--json] [--unit U --period P] [--apply --user U]`: an old report's figures.

With a unit, each figure comes with its proposed organisation, indicator, confidence and reason,
and the warnings about period and unit; `--apply` saves the ticked proposals as drafts through
the same services as the review page.
"""

from __future__ import annotations

import json as jsonlib
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from phoihop.accounts.models import User
from phoihop.core.periods import Period, PeriodError
from phoihop.imports import proposals, services
from phoihop.imports.extractor import extract_file
from phoihop.imports.textsource import TextSourceError
from phoihop.places.models import Unit


def _unit(text: str) -> Unit:
    units = list(Unit.objects.filter(Q(code=text) | Q(name__iexact=text)).order_by("level"))
    if not units:
        raise CommandError(f"Không tìm thấy đơn vị «{text}» (mã hoặc tên).")
    return units[0]


class Command(BaseCommand):
    help = (
        "In các số liệu đọc được từ một báo cáo (.docx, .txt, .pdf): đơn vị, mục, tổ chức, vị trí; "
        "với --unit và --period: chỉ tiêu đề xuất; với --apply --user: lưu thành bản nháp."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="tệp báo cáo .docx, .txt hoặc .pdf")
        parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
        parser.add_argument("--unit", help="mã hoặc tên đơn vị nhận số liệu")
        parser.add_argument("--period", help="kỳ nhận số liệu, ví dụ 2021S1")
        parser.add_argument("--apply", action="store_true", help="lưu các số được đề xuất")
        parser.add_argument("--user", help="tên đăng nhập của văn phòng nhập (với --apply)")
        parser.add_argument(
            "--acknowledge", action="store_true", help="đã xem các cảnh báo về kỳ và đơn vị"
        )

    def handle(self, *args, file: str, json: bool = False, **options) -> None:
        try:
            result = extract_file(file)
        except TextSourceError as error:
            raise CommandError(str(error)) from error
        except Exception as error:  # a corrupt .docx raises whatever its zip reader raises
            raise CommandError(f"Không đọc được tệp «{file}»: {error}") from error
        if options.get("unit") or options.get("apply"):
            self._propose_or_apply(file, result, json=json, **options)
            return
        if json:
            self.stdout.write(result.to_json())
            return
        self._print(result)

    def _propose_or_apply(self, file: str, result, *, json: bool, **options) -> None:
        unit = _unit(options.get("unit") or "")
        try:
            period = Period.parse(options.get("period") or result.period or "").id
        except PeriodError as error:
            raise CommandError(str(error)) from error
        data = result.to_dict()
        warnings = services.result_warnings(data, unit=unit, period=period)
        proposed = {c.figure_id: c for c in proposals.propose(result, unit=unit)}
        for figure in data["figures"]:
            candidate = proposed.get(figure["id"])
            figure.update(
                organisation_id=candidate.organisation_id if candidate else None,
                indicator=(candidate.proposed_code or None) if candidate else None,
                confidence=round(candidate.score, 2) if candidate else 0.0,
                reason=candidate.reason if candidate else "",
                included=bool(candidate and candidate.included),
            )
        data.update(unit=unit.code, target_period=period, warnings=warnings)
        if options.get("apply"):
            data["saved"] = self._apply(
                file,
                unit,
                period,
                username=options.get("user") or "",
                acknowledged=bool(options.get("acknowledge")),
            )
        if json:
            self.stdout.write(jsonlib.dumps(data, ensure_ascii=False, indent=2))
            return
        for warning in warnings:
            self.stdout.write(f"Cảnh báo: {warning}")
        for figure in data["figures"]:
            tick = "x" if figure["included"] else " "
            self.stdout.write(
                f"  [{tick}] #{figure['id']:<3} «{figure['text']}» → {figure['indicator'] or '-'}"
                f" ({round(figure['confidence'] * 100)}%) · {figure['reason']}"
            )
        if "saved" in data:
            self.stdout.write(f"Đã lưu vào {len(data['saved'])} báo cáo (bản nháp).")

    def _apply(
        self, file: str, unit: Unit, period: str, *, username: str, acknowledged: bool
    ) -> list[int]:
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError("Cần --user: tên đăng nhập của văn phòng nhập số liệu.") from None
        path = Path(file)
        try:
            session = services.create_import_session(
                user, file_name=path.name, data=path.read_bytes()
            )
            choices = [
                services.CandidateChoice(
                    candidate_id=c.pk,
                    indicator_code=c.indicator.code if c.indicator else None,
                    organisation_id=c.organisation_id,
                    value=c.chosen_value,
                    included=c.included,
                )
                for c in session.candidates.select_related("indicator")
            ]
            saved = services.import_session(
                session,
                user=user,
                unit=unit,
                period=period,
                choices=choices,
                acknowledged=acknowledged,
            )
        except PermissionDenied as error:
            raise CommandError(
                f"{user.username} không được nhập số liệu cho {unit.name}."
            ) from error
        except services.ImportRefused as refused:
            raise CommandError("\n".join(refused.messages)) from refused
        return [submission.pk for submission in saved]

    def _print(self, result) -> None:
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
