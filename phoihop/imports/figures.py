"""What the extractor reads out of a report: figures, rejected numbers, and the whole result."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from decimal import Decimal

from phoihop.imports.reportinfo import ReportingUnit
from phoihop.imports.textsource import TableCell
from phoihop.imports.vocabulary import unit_family

COUNT, AMOUNT, RATE, EACH, TOTAL = "count", "amount", "rate", "each", "total"

REJECTION_REASONS = tuple(
    "date year duration age anniversary document_number ordinal section_number unit_name code "
    "scope background doctrine no_unit unreadable".split()
)


@dataclass(slots=True)
class Figure:
    """One figure of activity as the report states it, and where it stands."""

    id: int
    text: str  # paragraphs[paragraph][start:end]: qualifier, number and unit as written
    value: Decimal
    unit: str | None  # normalised: "đồng", "%", "lượt người", "suất"
    unit_text: str | None  # as written: "đ", "xuất", "lực"; None when the unit is inferred
    noun_phrase: str  # the unit and what it counts: "lượt cán bộ hội viên và nhân dân dự nghe"
    paragraph: int
    start: int
    end: int
    section: str | None
    section_title: str | None
    organisation: str | None  # chqs, ccb, ctd, nd, pn, ldld, dtn
    role: str = COUNT  # count, amount (money), rate (%), each (value of one), total
    unit_inferred: bool = False
    approximate: bool = False
    qualifier: str | None = None  # gần, hơn, trên, khoảng, ...
    linked_to: int | None = None  # the count an attendance, a value each or a total belongs to
    part_of: int | None = None  # the whole that "trong đó" breaks down
    marker: str | None = None  # the words that set role or link: "mỗi", "trị giá", "với"
    out_of: Decimal | None = None  # "12/16 xã": 16
    comparison: str | None = None  # "cùng kỳ", "kế hoạch", "dân số"
    change: str | None = None  # "tăng", "giảm", "vượt"
    planned: bool = False  # stated in the plan (phương hướng) part: a target, not a result
    sentence: str = ""
    sentence_start: int = 0
    cell: TableCell | None = None
    note: str | None = None

    @property
    def family(self) -> str | None:
        return unit_family(self.unit)


@dataclass(frozen=True, slots=True)
class Rejection:
    """A number that is not a figure of activity, and why (one of REJECTION_REASONS)."""

    text: str
    paragraph: int
    start: int
    end: int
    reason: str


@dataclass(slots=True)
class ExtractionResult:
    """Everything read out of one report."""

    source: str | None
    paragraphs: list[str]
    period: str | None  # "2020S1", "2020", "2021Q1", "202003"
    period_text: str | None
    reporting_unit: ReportingUnit | None
    issued_on: date | None
    figures: list[Figure] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    checks: list = field(default_factory=list)  # list[checks.CheckResult]

    @property
    def problems(self) -> list:
        """The arithmetic checks that failed."""
        return [check for check in self.checks if not check.ok]

    def in_section(self, section: str) -> list[Figure]:
        return [figure for figure in self.figures if figure.section == section]

    def to_dict(self, *, include_paragraphs: bool = False, include_rejected: bool = False) -> dict:
        data: dict[str, object] = {
            "source": self.source,
            "period": self.period,
            "period_text": self.period_text,
            "reporting_unit": asdict(self.reporting_unit) if self.reporting_unit else None,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "figures": [_figure_dict(figure) for figure in self.figures],
            "checks": [_jsonable(asdict(check)) for check in self.checks],
        }
        if include_rejected:
            data["rejected"] = [asdict(rejection) for rejection in self.rejected]
        if include_paragraphs:
            data["paragraphs"] = self.paragraphs
        return data

    def to_json(self, *, indent: int | None = 2, **options: bool) -> str:
        return json.dumps(self.to_dict(**options), ensure_ascii=False, indent=indent)


_FIGURE_FIELDS = tuple(f.name for f in fields(Figure))


def _figure_dict(figure: Figure) -> dict:
    """asdict(figure), made JSON-ready, without asdict's deep copies (a report has hundreds)."""
    data = {name: getattr(figure, name) for name in _FIGURE_FIELDS}
    for name in ("value", "out_of"):
        if data[name] is not None:
            data[name] = str(data[name])
    if figure.cell is not None:
        data["cell"] = asdict(figure.cell)
    return data


def _jsonable(data: object) -> object:
    if isinstance(data, dict):
        return {key: _jsonable(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_jsonable(value) for value in data]
    if isinstance(data, Decimal):
        return str(data)
    return data
