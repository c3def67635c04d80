"""The shapes the API reads and answers, as pydantic schemas (the OpenAPI schema is made from
these). Figures travel as exact decimal text ("7286", "12.5"), never as binary floats."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from ninja import Schema
from pydantic import AfterValidator, Field, StringConstraints

from phoihop.api.errors import BlockerOut

__all__ = ["BlockerOut"]


def _no_nul(text: str) -> str:
    # PostgreSQL stores no NUL character: refused here, it never reaches the database.
    if "\x00" in text:
        raise ValueError("Văn bản không được chứa ký tự NUL.")
    return text


# Ids of the database fit a 32-bit integer; larger numbers are refused before any query.
Id = Annotated[int, Field(ge=1, le=2_147_483_647)]
# A short text in a URL: a code, a period, a list of codes.
Param = Annotated[str, StringConstraints(max_length=400), AfterValidator(_no_nul)]
Code = Annotated[str, StringConstraints(min_length=1, max_length=120), AfterValidator(_no_nul)]
Text = Annotated[str, StringConstraints(max_length=100_000), AfterValidator(_no_nul)]
Figure = Annotated[Decimal, Field(allow_inf_nan=False)]


def exact(value: Decimal | None) -> str | None:
    """A stored value as exact decimal text without trailing zeros: 7286.0000 → "7286"."""
    if value is None:
        return None
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    if not value.is_finite():
        return None
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


# ----- the catalogue and the hierarchy -------------------------------------------------------


class UnitOut(Schema):
    id: int
    code: str
    name: str
    full_name: str
    kind: str
    level: int
    parent_id: int | None
    path: str
    valid_from: dt.date | None
    valid_to: dt.date | None


class OrganisationOut(Schema):
    id: int
    name: str
    kind: str
    kind_name: str
    unit_id: int
    unit_name: str
    is_command: bool
    is_active: bool


class IndicatorOut(Schema):
    code: str
    name: str
    unit_label: str
    value_type: str
    aggregation: str
    computed: bool
    formula: str
    part_of: str | None
    min_value: str | None
    max_value: str | None
    change_threshold: str | None
    description: str


class SectionOut(Schema):
    code: str
    heading: str
    order: int
    has_narrative: bool
    narrative_required: bool
    indicators: list[str]


class FormOut(Schema):
    code: str
    name: str
    period_type: str
    period_convention: str
    deadline_days: int
    grace_days: int
    is_active: bool
    levels: list[int]
    organisation_kinds: list[str]
    sections: list[SectionOut]


class PeriodOut(Schema):
    id: str
    label: str
    kind: str
    start: dt.date
    end: dt.date


# ----- submissions ---------------------------------------------------------------------------


class SubmissionOut(Schema):
    id: int
    form: str
    organisation_id: int
    organisation_name: str
    kind: str
    unit_id: int
    unit_name: str
    period: str
    period_label: str
    status: str
    status_label: str
    version: int
    submitted_at: dt.datetime | None
    reviewed_at: dt.datetime | None


class FigureOut(Schema):
    indicator: str
    value: str | None
    comment: str


class NarrativeOut(Schema):
    section: str
    text: str


class ExplanationOut(Schema):
    code: str
    text: str


class EventOut(Schema):
    action: str
    action_label: str
    actor: str | None
    at: dt.datetime
    reason: str


class SubmissionDetailOut(SubmissionOut):
    deadline: dt.date | None
    return_reason: str
    reopened_until: dt.date | None
    may_edit: bool
    edit_refusal: str | None
    may_review: bool
    figures: list[FigureOut]
    narratives: list[NarrativeOut]
    explanations: list[ExplanationOut]
    events: list[EventOut]


class UnitPage(Schema):
    count: int
    items: list[UnitOut]


class OrganisationPage(Schema):
    count: int
    items: list[OrganisationOut]


class SubmissionPage(Schema):
    count: int
    items: list[SubmissionOut]


class StartIn(Schema):
    organisation: Id
    period: Code
    form: Code | None = None


class SubmissionIn(Schema):
    """Figures by indicator code (a number, exact decimal text, or null to empty it),
    narratives and comments by code. `version`, if sent, must be the one read: a save that
    started from an older version is refused (409) with what changed since."""

    version: Id | None = None
    figures: dict[Code, Figure | None] = Field(default_factory=dict, max_length=2000)
    narratives: dict[Code, Text] = Field(default_factory=dict, max_length=200)
    comments: dict[Code, Text] = Field(default_factory=dict, max_length=2000)
    reason: Text = ""


class SubmitIn(Schema):
    """Explanations by code: a large change (`bien_dong.<indicator>`) or a broken check."""

    explanations: dict[Code, Text] = Field(default_factory=dict, max_length=2000)


class ReviewIn(Schema):
    """A return or reopening needs a reason; `open_until` (default: a week) is the last day the
    reporter may correct it."""

    reason: Text = ""
    open_until: dt.date | None = None


class BlockersOut(Schema):
    may_submit: bool
    blockers: list[BlockerOut]


# ----- analytics and validation ----------------------------------------------------------------


class CompletenessOut(Schema):
    period: str
    label: str
    accepted: int
    expected: int
    complete: bool
    mark: str


class CompletenessPage(Schema):
    unit_id: int
    unit_name: str
    periods: list[CompletenessOut]


class PivotColumnOut(Schema):
    indicator: str
    indicator_name: str
    unit_label: str
    period: str | None
    period_label: str | None
    mark: str


class PivotRowOut(Schema):
    key: str
    label: str
    cells: list[str | None]
    is_own: bool
    mark: str


class PivotOut(Schema):
    query: dict[str, str]
    errors: list[str]
    columns: list[PivotColumnOut]
    rows: list[PivotRowOut]
    total: PivotRowOut | None
    notes: list[str]
    completeness: list[CompletenessOut]


class FigureSnapshotOut(Schema):
    label: str
    value: str | None
    unit: str


class ResultOut(Schema):
    id: int
    kind: str
    code: str
    importance: str
    importance_label: str
    blocking: bool
    message: str
    unit_id: int
    unit_name: str
    organisation_id: int | None
    organisation_name: str | None
    submission_id: int | None
    status: str
    explanation: str
    figures: list[FigureSnapshotOut]


class RunOut(Schema):
    id: int
    created_at: dt.datetime
    submission_count: int
    is_latest: bool
    stale: bool


class ValidationOut(Schema):
    unit_id: int
    period: str
    run: RunOut | None
    results: list[ResultOut]
