"""The review report's words on the coordination programme: how far each organisation is from
its yearly targets ("đạt 50% chỉ tiêu năm", "vượt chỉ tiêu năm"), the contents with no activity
in the period, and the joint activities, each counted once."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from phoihop.core.numbers import format_number, format_percent, format_quantity
from phoihop.core.periods import Period
from phoihop.indicators.models import Indicator
from phoihop.places.models import Unit
from phoihop.programmes.models import CommonPlan, Content, PlannedActivity
from phoihop.programmes.selectors import (
    TargetProgress,
    activities_of_units,
    activity_totals,
    programmes_of_unit,
    progress_of,
)
from phoihop.reporting.models import FigureValue, Status

HUNDRED = Decimal(100)
HALF = Decimal(50)


def _quantity(value: Decimal, indicator: Indicator) -> str:
    if indicator.value_type == "percent":
        return format_percent(value)
    if indicator.value_type == "money":
        return format_quantity(value, "đồng")
    return format_quantity(value, indicator.unit_label, pad=indicator.pad_small)


def target_words(target: TargetProgress) -> str:
    """One target in the report's words: "Số cuộc: 25 cuộc, đạt 50% chỉ tiêu năm (50 cuộc)"."""
    indicator = target.indicator
    reached = target.actual or Decimal(0)
    share = target.share or Decimal(0)
    yearly = _quantity(target.yearly, indicator)
    if reached > target.yearly:
        verdict = f"vượt chỉ tiêu năm ({yearly}), đạt {format_percent(share)}"
    else:
        verdict = f"đạt {format_percent(share)} chỉ tiêu năm ({yearly})"
    return f"{indicator.name}: {_quantity(reached, indicator)}, {verdict}"


def progress_sentence(progress: list[Any], period: Period) -> str | None:
    """Every organisation's mean share of its yearly targets in one sentence, and who is under
    half; each target is in the appendix ("Ban CHQS 58,4%, Hội CCB 30%, … chỉ tiêu năm")."""
    shares = [
        (item.programme.organisation.kind.short_name, item.share)
        for item in progress
        if item.targets and item.share is not None
    ]
    if not shares:
        return None
    listed = ", ".join(f"{name} {format_percent(share)}" for name, share in shares)
    words = f"- Tính đến hết {period.label}, các cơ quan đạt bình quân: {listed} chỉ tiêu năm"
    low = [name for name, share in shares if share < HALF]
    if low:
        words += f"; dưới một nửa chỉ tiêu năm: {', '.join(low)}"
    return words + " (chi tiết tại phụ lục)."


def progress_appendix(progress: list[Any], period: Period) -> dict[str, Any] | None:
    """Every target beside what accepted figures reached, one row per organisation's target."""
    rows = []
    for item in progress:
        short = item.programme.organisation.kind.short_name
        for t in item.targets:
            unit_label = f" ({t.indicator.unit_label})" if t.indicator.unit_label else ""
            rows.append(
                [
                    f"{short}: {t.indicator.name}{unit_label}",
                    _quantity(t.actual or Decimal(0), t.indicator),
                    _quantity(t.yearly, t.indicator),
                    format_percent(t.share or Decimal(0)),
                ]
            )
    if not rows:
        return None
    return {
        "title": f"Thực hiện chỉ tiêu chương trình phối hợp năm {period.year} "
        f"(đến hết {period.label})",
        "columns": ["Đơn vị: chỉ tiêu (đơn vị tính)", "Đã đạt", "Chỉ tiêu năm", "Tỷ lệ"],
        "rows": rows,
        "total": [],
    }


def _idle_contents(unit: Unit, period: Period, programme_ids: list[int]) -> list[str]:
    """Contents none of whose indicators moved in the period, in accepted figures or in a joint
    activity."""
    moved = set(
        FigureValue.objects.filter(
            submission__organisation__unit=unit,
            submission__period=period.id,
            submission__status=Status.ACCEPTED,
            value__gt=0,
        ).values_list("submission__organisation_id", "indicator_id")
    )
    for activity in activities_of_units(unit, period.id):
        bodies = [activity.lead_id, *(p.pk for p in activity.partners.all())]
        moved |= {(b, f.indicator_id) for b in bodies for f in activity.figures.all()}
    idle = []
    contents = Content.objects.filter(programme_id__in=programme_ids).select_related(
        "programme__organisation__kind"
    )
    for content in contents.prefetch_related("indicators"):
        owner = content.programme.organisation_id
        indicators = list(content.indicators.all())
        if indicators and not any((owner, i.pk) in moved for i in indicators):
            idle.append(f"{content.title} ({content.programme.organisation.kind.short_name})")
    return idle


def programme_context(unit: Unit, period: Period) -> dict[str, Any]:
    """The report's paragraphs on the programme, and its appendix of every target; empty when
    the unit has none."""
    progress = progress_of(programmes_of_unit(unit, period.year), through=period)
    sentence = progress_sentence(progress, period)
    paragraphs = [sentence] if sentence else []
    idle = _idle_contents(unit, period, [p.programme.pk for p in progress])
    if idle:
        paragraphs.append(
            f"- Nội dung phối hợp chưa có hoạt động trong {period.label}: " + "; ".join(idle) + "."
        )
    activities = list(activities_of_units(unit, period.id))
    if activities:
        indicators = {i.code: i for i in Indicator.objects.all()}
        totals = activity_totals(unit, period.id)
        # The figures only: each activity, with its indicators, is on the programme's pages.
        figures = ", ".join(_quantity(v, indicators[c]) for c, v in sorted(totals.items()))
        paragraphs.append(
            f"- Trong {period.label} tổ chức {format_number(len(activities), pad=True)} hoạt "
            f"động phối hợp giữa các cơ quan (mỗi hoạt động tính một lần, do cơ quan chủ trì "
            f"báo cáo): {figures}."
        )
    paragraphs += _plan_paragraphs(unit, period)
    return {
        "programme_progress": paragraphs,
        "programme_appendix": progress_appendix(progress, period),
    }


def _plan_paragraphs(unit: Unit, period: Period) -> list[str]:
    """How the common plan of the period ended: done, postponed (why), cancelled (why)."""
    plan = CommonPlan.objects.filter(unit=unit, period=period.id).first()
    if plan is None:
        return []
    planned = list(plan.activities.order_by("order", "pk"))
    if not planned:
        return []
    done = [p for p in planned if p.outcome == PlannedActivity.Outcome.DONE]
    lines = [
        f"- Kế hoạch chung {period.label}: {format_number(len(done), pad=True)}/"
        f"{format_number(len(planned), pad=True)} việc đã thực hiện."
    ]
    for outcome, word in (
        (PlannedActivity.Outcome.POSTPONED, "hoãn"),
        (PlannedActivity.Outcome.CANCELLED, "huỷ"),
    ):
        for item in planned:
            if item.outcome == outcome:
                reason = f" ({item.reason.rstrip('.')})" if item.reason else ""
                lines.append(f"- {item.title}: {word}{reason}.")
    return lines
