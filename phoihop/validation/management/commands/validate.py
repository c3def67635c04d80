"""`phoihop validate --unit UNIT --period PERIOD [--json] [--stored]`: print a unit's violations.

By default the command validates (stores a new run) when the unit was never validated for the
period or its data changed since the last run, and otherwise prints the stored run. With
--stored it only reads: it prints the latest stored run and writes nothing.
"""

from __future__ import annotations

import json
import sys
from typing import NoReturn

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from phoihop.core.dates import format_datetime
from phoihop.core.periods import Period, PeriodError
from phoihop.places.models import Unit
from phoihop.places.selectors import UnitLookupError, resolve_unit
from phoihop.validation.models import IMPORTANCE_ORDER, ResultStatus
from phoihop.validation.runs import is_stale, latest_run, run_validation

EXIT_USAGE = 2


class Command(BaseCommand):
    help = _("Kiểm tra số liệu của một đơn vị trong một kỳ; trả mã 1 khi còn lỗi mức độ cao.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", required=True, help=_("mã hoặc tên đơn vị"))
        parser.add_argument("--period", required=True, help=_("kỳ, ví dụ 2020S1"))
        parser.add_argument("--json", action="store_true", help=_("in kết quả dạng JSON"))
        parser.add_argument(
            "--stored",
            action="store_true",
            help=_("chỉ in kết quả của lần kiểm tra gần nhất đã lưu, không kiểm tra lại"),
        )

    def handle(
        self, *args, unit: str, period: str, json: bool, stored: bool = False, **options
    ) -> None:
        try:
            period_id = Period.parse(period).id
        except PeriodError as exc:
            self._fail(_("Kỳ không hợp lệ: %(error)s") % {"error": exc})
        try:
            found = resolve_unit(unit, period=Period.parse(period_id))
        except UnitLookupError as exc:
            self._fail(str(exc))
        run = latest_run(found, period_id)
        if stored:
            if run is None:
                self._fail(
                    _("Chưa có lần kiểm tra nào của %(unit)s trong kỳ này.")
                    % {"unit": found.full_name}
                )
            if is_stale(run):
                self.stderr.write(_("Số liệu đã thay đổi sau lần kiểm tra này."))
        elif run is None or is_stale(run):
            run = run_validation(found, period_id)
        results = sorted(
            run.results.select_related("unit", "organisation"),
            key=lambda r: (IMPORTANCE_ORDER[r.importance], r.pk),
        )
        high_open = any(r.importance == "high" and r.status == ResultStatus.OPEN for r in results)
        if json:
            self.stdout.write(_dump(run, found, results))
        else:
            self.stdout.write(
                _("Kiểm tra %(unit)s, %(period)s lúc %(at)s: %(count)s vấn đề trên %(n)s báo cáo.")
                % {
                    "unit": found.full_name,
                    "at": format_datetime(run.created_at),
                    "period": Period.parse(period_id).label,
                    "count": len(results),
                    "n": run.submission_count,
                }
            )
            for r in results:
                where = r.organisation.name if r.organisation else r.unit.full_name
                self.stdout.write(
                    f"[{r.get_importance_display()}] [{r.get_status_display()}] {where}: "
                    f"{r.message}"
                )
        sys.exit(1 if high_open else 0)

    def _fail(self, message: str) -> NoReturn:
        self.stderr.write(message)
        sys.exit(EXIT_USAGE)


def _dump(run, unit: Unit, results) -> str:
    return json.dumps(
        {
            "run": run.pk,
            "unit": {"code": unit.code, "name": unit.full_name},
            "period": run.period,
            "submissions": run.submission_count,
            "results": [
                {
                    "kind": r.kind,
                    "code": r.code,
                    "importance": r.importance,
                    "status": r.status,
                    "message": r.message,
                    "unit": r.unit.code,
                    "organisation": r.organisation.name if r.organisation else None,
                    "submission": r.submission_id,
                    "figures": r.snapshot,
                }
                for r in results
            ],
        },
        ensure_ascii=False,
        indent=2,
    )
