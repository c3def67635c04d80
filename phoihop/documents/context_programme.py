"""The review report's words on the coordination programme: which tasks drawn from the last
report's directions were done, how far each organisation is from its yearly targets (its
weakest "đạt 50%", those it exceeded), the contents with no activity in the period, and the
joint activities, each counted once; every target in an appendix."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from phoihop.core.numbers import format_number, format_percent
from phoihop.core.periods import Period
from phoihop.documents.context_figures import NO_DATA, format_value
from phoihop.documents.context_prose import Figure, figure_clauses
from phoihop.indicators.models import Indicator
from phoihop.places.models import Unit
from phoihop.programmes.models import CommonPlan, Content, Direction, PlannedActivity
from phoihop.programmes.selectors import (
    TargetProgress,
    activities_of_units,
    activity_totals,
    programmes_of_unit,
    progress_of,
)
from phoihop.reporting.models import FigureValue, Status

# A weakest target is named when it is more than this many points under its body's mean.
STANDS_OUT = Decimal(2)


def _name(indicator: Indicator) -> str:
    """An indicator's name without its bracketed examples ("Ngày công dân vận")."""
    return re.sub(r"\s*\([^()]*\)", "", indicator.name).strip()


def _named(targets: list[TargetProgress]) -> str:
    """Targets by name, two at most; more by their number ("06 chỉ tiêu")."""
    if len(targets) <= 2:
        return ", ".join(_name(t.indicator) for t in targets)
    return f"{format_number(len(targets), pad=True)} chỉ tiêu"


def organisation_words(item: Any) -> str:
    """An organisation against its yearly targets: its mean share, the targets it exceeded,
    and its weakest when that stands out (STANDS_OUT points under the mean): "Hội CTĐ 55%,
    Đợt hiến máu tình nguyện đạt 50%" (the sentence says "so với chỉ tiêu năm" once)."""
    short = item.programme.organisation.kind.short_name
    if all(t.actual is None for t in item.targets):
        return f"{short} chưa có số liệu"
    # A target of zero has no share to speak of: it counts in no mean and is never the weakest.
    words = short if item.share is None else f"{short} {format_percent(item.share)}"
    exceeded = [t for t in item.targets if t.exceeded]
    if len(exceeded) > 2:
        words += f", vượt {format_number(len(exceeded), pad=True)} chỉ tiêu"
    elif exceeded:
        words += f", {_named(exceeded)} vượt chỉ tiêu"
    rest = [t for t in item.targets if not t.exceeded and t.share is not None]
    low = min((t.share for t in rest), default=None)
    if low is not None and item.share is not None and item.share - low > STANDS_OUT:
        weakest = _named([t for t in rest if t.share == low])
        words += f", {weakest} đạt {format_percent(low)}"
    return words


def progress_sentence(progress: list[Any], period: Period) -> str | None:
    """Each organisation against its yearly targets, in one sentence kept short (the body of a
    report stays near the seed's length); every target is in the appendix."""
    items = [item for item in progress if item.targets]
    if not items:
        return None
    listed = "; ".join(organisation_words(item) for item in items)
    return f"- So với chỉ tiêu năm (chi tiết tại phụ lục), bình quân đạt: {listed}."


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
                    # No accepted figure yet: the dash of the report's other tables.
                    format_value(t.actual, t.indicator),
                    format_value(t.yearly, t.indicator),
                    NO_DATA if t.actual is None else format_percent(t.share),
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
    tasks = directions_sentence(unit, period)
    paragraphs = [tasks] if tasks else []
    sentence = progress_sentence(progress, period)
    if sentence:
        paragraphs.append(sentence)
    idle = _idle_contents(unit, period, [p.programme.pk for p in progress])
    if idle:
        paragraphs.append("- Nội dung chưa có hoạt động trong kỳ: " + "; ".join(idle) + ".")
    activities = list(activities_of_units(unit, period.id))
    if activities:
        paragraphs.append(_activities_sentence(unit, period, len(activities)))
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


def _counted(indicator: Indicator) -> str:
    """A short pattern for an indicator named by what it counts ("Đơn vị máu tiếp nhận" in
    "đơn vị máu"): "{code} đơn vị máu tiếp nhận"; else none (the name and the figure)."""
    label = indicator.unit_label
    if label and indicator.name.lower().startswith(f"{label.lower()} "):
        return f"{{{indicator.code}}} {label}{indicator.name[len(label) :]}"
    return ""


def _activities_sentence(unit: Unit, period: Period, count: int) -> str:
    """The joint activities of the period in one sentence, each figure with its indicator's name
    ("tuyên truyền Luật NVQS… được 45 cuộc với 2.126 lượt người"): the report's own clauses,
    without the catalogue's longer sentence patterns."""
    totals = activity_totals(unit, period.id)
    indicators = Indicator.objects.filter(code__in=list(totals)).order_by("code")
    code_of = dict(Indicator.objects.values_list("pk", "code"))
    figures = [
        Figure(
            code=i.code,
            name=i.name,
            unit_label=i.unit_label,
            value=totals[i.code],
            value_type=i.value_type,
            pad=i.pad_small,
            part_of=code_of.get(i.part_of_id or 0, ""),
            sentence=_counted(i),
        )
        for i in indicators
    ]
    clauses = "; ".join(figure_clauses(figures, narrative="", cited=set()))
    return f"- Có {format_number(count, pad=True)} hoạt động phối hợp (tính một lần): {clauses}."


def _task_words(task: Direction) -> str:
    words = f"“{task.title}”"
    if task.status in (Direction.Status.POSTPONED, Direction.Status.CANCELLED):
        reason = f": {task.reason.rstrip('.')}" if task.reason else ""
        words += f" ({task.get_status_display()}{reason})"
    return words


def directions_sentence(unit: Unit, period: Period) -> str | None:
    """Which of the tasks drawn from the last report's directions were done in the period."""
    tasks = list(
        Direction.objects.filter(
            unit=unit, period=period.id, source_period=period.previous().id
        ).order_by("order", "pk")
    )
    if not tasks:
        return None
    done = [t for t in tasks if t.status == Direction.Status.DONE]
    rest = [t for t in tasks if t.status != Direction.Status.DONE]
    words = (
        f"- Trong số {format_number(len(tasks), pad=True)} nhiệm vụ đề ra ở kỳ trước, đã hoàn "
        f"thành {format_number(len(done), pad=True)}"
    )
    if done:
        words += ": " + ", ".join(_task_words(t) for t in done)
    if rest:
        words += "; chưa hoàn thành: " + ", ".join(_task_words(t) for t in rest)
    return words + "."
