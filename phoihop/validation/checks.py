"""Built-in checks: rules generated from indicator definitions, reconciliation and anomalies."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from phoihop.core.expressions import (
    ARITHMETIC,
    BinOp,
    Call,
    Expression,
    ExpressionError,
    Neg,
    Number,
    Ref,
    parse_expression,
    to_decimal,
)
from phoihop.validation.engine import Rule, RuleError, format_figure

__all__ = [
    "AGGREGATIONS",
    "VALUE_TYPES",
    "Finding",
    "IndicatorDef",
    "ProductCheck",
    "build_checks",
    "history_anomalies",
    "peer_outliers",
    "reconcile_levels",
    "reconcile_partners",
]

VALUE_TYPES = ("integer", "money", "decimal", "percent")
AGGREGATIONS = ("sum", "average", "none")

# How far an entered figure may sit from its own formula: percentages and decimals are written
# with two decimals (0,01 percentage points), counts and đồng are rounded to whole units.
FORMULA_TOLERANCE = {
    "percent": Decimal("0.01"),
    "decimal": Decimal("0.01"),
    "integer": Decimal("0.5"),
    "money": Decimal("0.5"),
}


@dataclass(frozen=True)
class IndicatorDef:
    """What the checks need to know of an indicator (mirrors indicators.models.Indicator)."""

    code: str
    name: str
    unit: str = ""
    value_type: str = "integer"
    aggregation: str = "sum"
    part_of: str | None = None  # code of the whole this is a «trong đó» part of
    formula: str | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None

    def __post_init__(self) -> None:
        if self.value_type not in VALUE_TYPES:
            raise ValueError(f"unknown value_type {self.value_type!r} for {self.code}")
        if self.aggregation not in AGGREGATIONS:
            raise ValueError(f"unknown aggregation {self.aggregation!r} for {self.code}")

    @property
    def bounds(self) -> tuple[Decimal | None, Decimal | None]:
        """Counts and money are never negative, a percentage lies in 0–100 unless widened."""
        low = Decimal(0) if self.min_value is None else self.min_value
        high = self.max_value
        if high is None and self.value_type == "percent":
            high = Decimal(100)
        return low, high

    @property
    def additive(self) -> bool:
        """Whether parts of it add up: counts and money do, percentages and averages do not."""
        return self.aggregation == "sum" and self.value_type != "percent"


@dataclass(frozen=True)
class ProductCheck:
    """Three figures where count × value each = total: 17 phần quà × 300.000 = 5.100.000."""

    count: str
    each: str
    total: str
    tolerance: Decimal = Decimal(0)


def _quoted(name: str) -> str:
    # Names go into a message template, where a brace would be read as a placeholder.
    return "«" + name.replace("{", "{{").replace("}", "}}") + "»"


def _suffix(indicator: IndicatorDef) -> str:
    return "%" if indicator.value_type == "percent" else ""


def _bound_rules(indicator: IndicatorDef) -> list[Rule]:
    rules = []
    low, high = indicator.bounds
    name, suffix = _quoted(indicator.name), _suffix(indicator)
    if low is not None:
        message = (
            f"{name} ({{left}}{suffix}) là số âm"
            if low == 0
            else f"{name} ({{left}}{suffix}) nhỏ hơn mức thấp nhất cho phép ({{right}}{suffix})"
        )
        rules.append(
            Rule(
                code=f"min:{indicator.code}",
                left=Expression(Ref(indicator.code)),
                operator=">=",
                right=_constant(low),
                importance="high",
                message=message,
            )
        )
    if high is not None:
        rules.append(
            Rule(
                code=f"max:{indicator.code}",
                left=Expression(Ref(indicator.code)),
                operator="<=",
                right=_constant(high),
                importance="high",
                message=f"{name} ({{left}}{suffix}) vượt quá mức cao nhất cho phép "
                f"({{right}}{suffix})",
            )
        )
    return rules


def _constant(value: Decimal) -> Expression:
    node = Number(abs(value))
    return Expression(node if value >= 0 else Neg(node))


def _parts_rule(whole: IndicatorDef, parts: list[IndicatorDef]) -> Rule:
    if len(parts) == 1:
        (part,) = parts
        left = Expression(Ref(part.code))
        message = (
            f"Phần «trong đó» {_quoted(part.name)} ({{{part.code}}}) lớn hơn tổng số "
            f"{_quoted(whole.name)} ({{right}}), chênh lệch {{difference}}"
        )
    else:
        left = Expression(Call("sum", tuple(Ref(part.code) for part in parts)))
        figures = " + ".join(f"{{{part.code}}}" for part in parts)
        names = ", ".join(_quoted(part.name) for part in parts)
        message = (
            f"Các phần «trong đó» ({figures} = {{left}}) lớn hơn tổng số {_quoted(whole.name)} "
            f"({{right}}), chênh lệch {{difference}}; các phần: {names}"
        )
    return Rule(
        code=f"parts:{whole.code}",
        left=left,
        operator="<=",
        right=Expression(Ref(whole.code)),
        importance="high",
        message=message,
        # A part left blank means nothing was reported for it; a blank whole means nothing to
        # compare with.
        missing="skip_if_all",
    )


def _product_rule(check: ProductCheck, by_code: Mapping[str, IndicatorDef]) -> Rule:
    count, each, total = by_code[check.count], by_code[check.each], by_code[check.total]
    return Rule(
        code=f"product:{check.total}",
        left=Expression(BinOp("*", Ref(check.count), Ref(check.each))),
        operator="=",
        right=Expression(Ref(check.total)),
        importance="high",
        message=(
            f"{_quoted(count.name)} × {_quoted(each.name)} ({{{count.code}}} × {{{each.code}}}"
            f" = {{left}}) khác {_quoted(total.name)} ({{right}}), chênh lệch {{difference}}"
        ),
        tolerance=check.tolerance,
    )


def _formula_rule(indicator: IndicatorDef, by_code: Mapping[str, IndicatorDef]) -> Rule:
    assert indicator.formula is not None
    try:
        formula = parse_expression(indicator.formula, known_codes=by_code.keys())
    except ExpressionError as exc:
        raise RuleError(f"Công thức của {indicator.code}: {exc.message}", field="formula") from exc
    if indicator.code in formula.codes:
        raise RuleError(f"Công thức của {indicator.code} không được dùng chính nó", field="formula")
    inputs = ", ".join(
        f"{_quoted(by_code[code].name)} ({{{code}}}{_suffix(by_code[code])})"
        for code in sorted(formula.codes)
    )
    suffix = _suffix(indicator)
    return Rule(
        code=f"formula:{indicator.code}",
        left=Expression(Ref(indicator.code)),
        operator="=",
        right=formula,
        importance="medium",
        message=(
            f"{_quoted(indicator.name)} ({{left}}{suffix}) không khớp với giá trị tính theo "
            f"công thức ({{right}}{suffix}) từ {inputs}"
        ),
        tolerance=FORMULA_TOLERANCE[indicator.value_type],
    )


def build_checks(
    indicators: Iterable[IndicatorDef], *, products: Iterable[ProductCheck] = ()
) -> list[Rule]:
    """The built-in rules: bounds, parts ≤ whole, count × each = total, formula agreement."""
    ordered = list(indicators)
    by_code: dict[str, IndicatorDef] = {}
    for indicator in ordered:
        if indicator.code in by_code:
            raise RuleError(f"Mã chỉ tiêu bị trùng: «{indicator.code}»", field="code")
        by_code[indicator.code] = indicator
    rules: list[Rule] = []
    for indicator in ordered:
        rules.extend(_bound_rules(indicator))
    parts_of: dict[str, list[IndicatorDef]] = {}
    for indicator in ordered:
        if indicator.part_of is None:
            continue
        if indicator.part_of not in by_code:
            raise RuleError(
                f"«{indicator.code}» là phần của mã chỉ tiêu không tồn tại «{indicator.part_of}»",
                field="part_of",
            )
        parts_of.setdefault(indicator.part_of, []).append(indicator)
    for whole_code, parts in parts_of.items():
        whole = by_code[whole_code]
        # "tỷ lệ đảng viên 20,91%, trong đó DQ 15,57%, Tự vệ 44,06%": shares do not add up.
        if whole.additive and all(part.additive for part in parts):
            rules.append(_parts_rule(whole, parts))
    for check in products:
        unknown = [c for c in (check.count, check.each, check.total) if c not in by_code]
        if unknown:
            listed = ", ".join(f"«{code}»" for code in unknown)
            raise RuleError(f"Mã chỉ tiêu không tồn tại: {listed}", field="products")
        rules.append(_product_rule(check, by_code))
    for indicator in ordered:
        if indicator.formula:
            rules.append(_formula_rule(indicator, by_code))
    return rules


@dataclass(frozen=True)
class Finding:
    """Something in the figures a person should look at, with the figures that raised it."""

    # level_mismatch, partner_mismatch, history_jump, history_fall, history_repeat, peer_high,
    # peer_low
    kind: str
    message: str
    importance: str
    subject: str  # the unit or organisation whose figure is questioned
    value: Decimal
    reference: Decimal  # what it was compared with: children's sum, partner, median, previous
    details: Mapping[str, Decimal | None] = field(default_factory=dict)


def _sum(values: Iterable[Decimal]) -> Decimal:
    total = Decimal(0)
    for value in values:
        total = ARITHMETIC.add(total, value)
    return total


def _median(values: Sequence[Decimal]) -> Decimal:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return ARITHMETIC.divide(ARITHMETIC.add(ordered[middle - 1], ordered[middle]), Decimal(2))


def _of(subject: str) -> str:
    return f" của {subject}" if subject else ""


def _times(value: Decimal, reference: Decimal) -> str:
    ratio = ARITHMETIC.divide(value, reference)
    return format_figure(ratio.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _percent(value: Decimal, reference: Decimal) -> str:
    ratio = ARITHMETIC.divide(ARITHMETIC.multiply(value, Decimal(100)), reference)
    return format_figure(ratio.quantize(Decimal(1), rounding=ROUND_HALF_UP)) + "%"


def reconcile_levels(
    own: Decimal | int | None,
    children: Mapping[str, Decimal | int | None],
    *,
    indicator: str,
    unit: str = "",
    tolerance: Decimal = Decimal(0),
) -> Finding | None:
    """A unit's own figure against the sum of its subordinate units' figures.

    With some children not reported, only an own figure below the known sum is a mismatch.
    """
    own_value = to_decimal(own)
    values = {name: to_decimal(value) for name, value in children.items()}
    present = {name: value for name, value in values.items() if value is not None}
    if own_value is None or not present:
        return None
    absent = [name for name, value in values.items() if value is None]
    total = _sum(present.values())
    difference = ARITHMETIC.subtract(own_value, total)
    if absent and difference >= -tolerance:
        return None
    if abs(difference) <= tolerance:
        return None
    verb = "nhỏ hơn" if difference < 0 else "lớn hơn"
    reported = "đã báo cáo " if absent else ""
    message = (
        f"«{indicator}»{_of(unit)} ({format_figure(own_value)}) {verb} tổng của "
        f"{len(present)} đơn vị cấp dưới {reported}({format_figure(total)}), "
        f"chênh lệch {format_figure(abs(difference))}"
    )
    if absent:
        message += f"; chưa có số liệu của {len(absent)} đơn vị: {', '.join(absent)}"
    return Finding(
        kind="level_mismatch",
        message=message,
        importance="high",
        subject=unit,
        value=own_value,
        reference=total,
        details={unit or "own": own_value, **values},
    )


def reconcile_partners(
    value: Decimal | int | None,
    partner_value: Decimal | int | None,
    *,
    indicator: str,
    organisation: str,
    partner: str,
    tolerance: Decimal = Decimal(0),
) -> Finding | None:
    """A figure declared joint with a partner organisation must be the same in both reports."""
    own_value, other = to_decimal(value), to_decimal(partner_value)
    # A partner that has not reported yet is a lateness matter, not a disagreement.
    if own_value is None or other is None:
        return None
    difference = ARITHMETIC.subtract(own_value, other)
    if abs(difference) <= tolerance:
        return None
    message = (
        f"«{indicator}» phối hợp giữa {organisation} và {partner} không khớp: {organisation} "
        f"báo cáo {format_figure(own_value)}, {partner} báo cáo {format_figure(other)}, "
        f"chênh lệch {format_figure(abs(difference))}"
    )
    return Finding(
        kind="partner_mismatch",
        message=message,
        importance="high",
        subject=organisation,
        value=own_value,
        reference=other,
        details={organisation: own_value, partner: other},
    )


def history_anomalies(
    current: Decimal | int | None,
    history: Sequence[Decimal | int | None],
    *,
    indicator: str,
    unit: str = "",
    jump_factor: Decimal = Decimal(3),
    fall_factor: Decimal = Decimal(3),
    min_history: int = 2,
    min_magnitude: Decimal = Decimal(0),
) -> list[Finding]:
    """A figure far beyond its own history, or exactly last period's figure again.

    history runs oldest first, so history[-1] is the previous period. A jump is current >
    jump_factor × the median of the reported history, a fall current < median / fall_factor;
    both need min_history reported periods, and are ignored when current and median are both
    below min_magnitude (small counts swing a lot). A repeat needs a non-zero previous value.
    """
    value = to_decimal(current)
    if value is None:
        return []
    past = [to_decimal(item) for item in history]
    details: dict[str, Decimal | None] = {"0": value}
    details.update({str(index - len(past)): item for index, item in enumerate(past)})
    findings = []
    previous = past[-1] if past else None
    if previous is not None and value == previous and value != 0:
        findings.append(
            Finding(
                kind="history_repeat",
                message=(
                    f"«{indicator}»{_of(unit)} kỳ này ({format_figure(value)}) giống hệt kỳ "
                    "trước; cần xác nhận không phải chép lại số liệu cũ"
                ),
                importance="low",
                subject=unit,
                value=value,
                reference=previous,
                details=details,
            )
        )
    reported = [item for item in past if item is not None]
    if len(reported) < max(min_history, 1):
        return findings
    median = _median(reported)
    # Ratios of negative figures mean nothing.
    if value < 0 or median < 0 or max(value, median) < min_magnitude:
        return findings
    periods = f"{len(reported)} kỳ trước"
    if value > ARITHMETIC.multiply(median, jump_factor):
        if median == 0:
            comparison = f"trong khi trung vị {periods} là 0"
        else:
            comparison = (
                f"gấp {_times(value, median)} lần trung vị {periods} ({format_figure(median)})"
            )
        findings.append(
            Finding(
                kind="history_jump",
                message=f"«{indicator}»{_of(unit)} kỳ này ({format_figure(value)}) {comparison}",
                importance="medium",
                subject=unit,
                value=value,
                reference=median,
                details=details,
            )
        )
    elif ARITHMETIC.multiply(value, fall_factor) < median:
        findings.append(
            Finding(
                kind="history_fall",
                message=(
                    f"«{indicator}»{_of(unit)} kỳ này ({format_figure(value)}) chỉ bằng "
                    f"{_percent(value, median)} trung vị {periods} ({format_figure(median)})"
                ),
                importance="medium",
                subject=unit,
                value=value,
                reference=median,
                details=details,
            )
        )
    return findings


def peer_outliers(
    values: Mapping[str, Decimal | int | None],
    *,
    indicator: str,
    factor: Decimal = Decimal(3),
    min_peers: int = 5,
    min_magnitude: Decimal = Decimal(0),
) -> list[Finding]:
    """Units far from the median of their peers (the other units), ranked; no z-scores.

    A unit is high when above factor × the others' median and among the top quarter by rank
    (at least one unit), low when below the others' median / factor and among the bottom
    quarter, so a split between two groups of units is not read as a crowd of outliers.
    Needs min_peers units with figures; negative figures disable the check.
    """
    present = {unit: to_decimal(value) for unit, value in values.items()}
    reported: dict[str, Decimal] = {u: v for u, v in present.items() if v is not None}
    count = len(reported)
    if count < min_peers or any(value < 0 for value in reported.values()):
        return []
    tail = max(1, count // 4)
    findings = []
    for unit, value in reported.items():
        others = [other for name, other in reported.items() if name != unit]
        median = _median(others)
        if max(value, median) < min_magnitude:
            continue
        at_least = sum(1 for other in reported.values() if other >= value)
        at_most = sum(1 for other in reported.values() if other <= value)
        rank = sum(1 for other in reported.values() if other > value) + 1
        standing = f"đứng thứ {rank}/{count}"
        peers = f"{count - 1} đơn vị còn lại"
        if value > ARITHMETIC.multiply(median, factor) and at_least <= tail:
            kind = "peer_high"
            if median == 0:
                comparison = f"trong khi trung vị của {peers} là 0"
            else:
                comparison = (
                    f"gấp {_times(value, median)} lần trung vị của {peers} "
                    f"({format_figure(median)})"
                )
        elif ARITHMETIC.multiply(value, factor) < median and at_most <= tail:
            kind = "peer_low"
            comparison = (
                f"chỉ bằng {_percent(value, median)} trung vị của {peers} ({format_figure(median)})"
            )
        else:
            continue
        findings.append(
            Finding(
                kind=kind,
                message=f"{unit}: «{indicator}» ({format_figure(value)}) {comparison}, {standing}",
                importance="medium",
                subject=unit,
                value=value,
                reference=median,
                details=dict(present),
            )
        )
    findings.sort(key=lambda finding: (-finding.value, finding.subject))
    return findings
