"""The review report's paragraph on the inspection of the communes' boards, written from the
inspections recorded in the period: "đã kiểm tra N/16 xã; thành phần …; tồn tại …"."""

from __future__ import annotations

from phoihop.committee.models import Inspection, RecommendationStatus
from phoihop.committee.selectors import done_inspections, seven_bodies
from phoihop.core.dates import format_date
from phoihop.core.numbers import format_number
from phoihop.core.periods import Period
from phoihop.documents.context_units import children_in_period
from phoihop.places.models import Level, Unit


def inspection_paragraphs(unit: Unit, period: Period) -> list[str]:
    """For a district: how many communes were inspected, by whom, what was found and what was
    asked; for a commune: its own inspection. Empty for a province (its report reads its
    districts' reports)."""
    if unit.level == Level.COMMUNE and unit.parent is not None:
        own = [i for i in done_inspections(unit.parent, period) if i.unit_id == unit.pk]
        return [_commune_paragraph(i) for i in own]
    if unit.level != Level.DISTRICT:
        return []
    communes = children_in_period(unit, period)
    inspections = done_inspections(unit, period)
    total = format_number(len(communes), pad=True)
    if not inspections:
        return [
            f"Trong kỳ, Ban chỉ đạo chưa kiểm tra Ban điều phối xã nào (0/{total} xã, thị trấn)."
        ]
    names = ", ".join(i.unit.name for i in inspections)
    came = {a.body_id for i in inspections for a in i.attendance.all() if a.present}
    bodies = seven_bodies()
    present = [k.short_name for k in bodies if k.pk in came]
    missing = [k.short_name for k in bodies if k.pk not in came]
    team = f"thành phần đoàn kiểm tra gồm {', '.join(present) or 'chưa ghi'}"
    if missing:
        team += f" (còn thiếu thành phần: {', '.join(missing)})"
    findings = [f"{i.unit.name}: {i.findings.rstrip('.')}" for i in inspections if i.findings]
    failed = sorted(
        {c.label for i in inspections for c in i.checks.all() if c.verdict == "chua_dat"}
    )
    paragraphs = [
        f"Trong kỳ, Ban chỉ đạo đã kiểm tra {format_number(len(inspections), pad=True)}/{total} "
        f"xã, thị trấn ({names}); {team}."
    ]
    if findings or failed:
        text = "; ".join(findings) if findings else ""
        if failed:
            text += (
                ("; " if text else "")
                + "nội dung chưa đạt: "
                + "; ".join(_lower_first(f) for f in failed)
            )
        paragraphs.append(f"Tồn tại: {text}.")
    recommendations = [r for i in inspections for r in i.recommendations.all()]
    if recommendations:
        done = sum(1 for r in recommendations if r.status == RecommendationStatus.DONE)
        paragraphs.append(
            f"Đoàn kiểm tra đã kiến nghị {format_number(len(recommendations), pad=True)} nội dung, "
            f"đến nay đã hoàn thành {format_number(done, pad=True)}."
        )
    return paragraphs


def _commune_paragraph(inspection: Inspection) -> str:
    done_on = format_date(inspection.done_on)
    text = f"Ngày {done_on}, Ban chỉ đạo {inspection.plan.unit.full_name} kiểm tra Ban điều phối"
    failed = [_lower_first(c.label) for c in inspection.checks.all() if c.verdict == "chua_dat"]
    if failed:
        text += "; nội dung chưa đạt: " + "; ".join(failed)
    if inspection.findings:
        text += f"; tồn tại: {inspection.findings.rstrip('.')}"
    open_items = [
        r for r in inspection.recommendations.all() if r.status != RecommendationStatus.DONE
    ]
    if open_items:
        text += f"; còn {format_number(len(open_items), pad=True)} kiến nghị chưa hoàn thành"
    return text + "."


def _lower_first(text: str) -> str:
    """A checklist item inside a sentence: "Có quy chế…" → "có quy chế…" (names keep capitals)."""
    return text[:1].lower() + text[1:]
