"""Reads of submissions, their figures and aggregates."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count, QuerySet, Sum
from django.utils.translation import gettext as _

from phoihop.accounts import permissions
from phoihop.core.expressions import parse_expression
from phoihop.core.numbers import format_number
from phoihop.core.periods import Period, PeriodError
from phoihop.indicators.models import Aggregation, Form, Indicator, Section
from phoihop.organisations.models import Organisation, OrganisationKind
from phoihop.places.models import Unit
from phoihop.reporting.citations import COMMUNES_SCOPE, cited_codes, format_figure, render_citations
from phoihop.reporting.models import EntryWindow, Event, FigureValue, Narrative, Status, Submission
from phoihop.reporting.windows import (
    active_extensions,
    entry_window_with,
    extended_to,
    reporting_period_now,
    reporting_shape,
)

_BLANK_LINES = re.compile(r"\n\s*\n")


def figures_of(submission: Submission) -> dict[str, Decimal | None]:
    """The submission's entered figures by indicator code."""
    return dict(submission.figures.values_list("indicator__code", "value"))


def aggregate_over_units(
    *,
    indicator_codes: list[str],
    units: QuerySet[Unit] | list[Unit],
    period: str,
    organisation_kinds: list[str] | None = None,
) -> dict[str, Decimal | None]:
    """Each indicator aggregated over the given units' submissions for a period.

    Sums add up; 'average' indicators are averaged over the values reported; others are None.
    """
    values = FigureValue.objects.filter(
        indicator__code__in=indicator_codes,
        submission__period=period,
        submission__organisation__unit__in=units,
        value__isnull=False,
    )
    if organisation_kinds:
        values = values.filter(submission__organisation__kind__code__in=organisation_kinds)
    aggregation = dict(
        Indicator.objects.filter(code__in=indicator_codes).values_list("code", "aggregation")
    )
    rows = values.values("indicator__code").annotate(total=Sum("value"), mean=Avg("value"))
    result: dict[str, Decimal | None] = defaultdict(lambda: None)
    for row in rows:
        code = row["indicator__code"]
        if aggregation.get(code) == Aggregation.SUM:
            result[code] = Decimal(row["total"])
        elif aggregation.get(code) == Aggregation.AVERAGE:
            result[code] = Decimal(str(row["mean"])).quantize(Decimal("0.01"))
    return {code: result[code] for code in indicator_codes}


def formatted_figures(values: dict[str, Decimal | None]) -> dict[str, str]:
    """Figures by code, written the Vietnamese way for citing in narratives."""

    meta = {
        i.code: i
        for i in Indicator.objects.filter(code__in=values.keys()).only(
            "code", "value_type", "pad_small"
        )
    }
    return {
        code: format_figure(value, value_type=meta[code].value_type, pad=meta[code].pad_small)
        for code, value in values.items()
        if code in meta
    }


def computed_figures(values: dict[str, Decimal | None], indicators: list[Indicator]) -> dict:
    """Values of formula indicators computed from the entered ones (None where not computable)."""
    result: dict[str, Decimal | None] = {}
    for indicator in indicators:
        if indicator.formula:
            value = parse_expression(indicator.formula).evaluate(values)
            result[indicator.code] = value.quantize(Decimal("0.01")) if value is not None else None
    return result


def submission_view_data(submission: Submission) -> dict:
    """Sections of a submission with their figures and narrative, ready to show."""

    sections = list(
        submission.form.sections.prefetch_related("indicator_links__indicator").order_by("order")
    )
    indicators = [link.indicator for s in sections for link in s.indicator_links.all()]
    values = figures_of(submission)
    values.update(computed_figures(values, indicators))
    formatted = formatted_figures(values)
    narratives = {n.section_id: n.text for n in submission.narratives.all()}
    communes = None
    if submission.organisation.unit.level < 3:
        # Only the codes the narratives cite over communes ({xa.code}) are ever shown.
        codes = sorted(
            {
                code
                for text in narratives.values()
                for scope, code in cited_codes(text)
                if scope == COMMUNES_SCOPE
            }
        )
        communes = {}
        if codes:
            children = submission.organisation.unit.children.all()
            communes = formatted_figures(
                aggregate_over_units(
                    indicator_codes=codes, units=children, period=submission.period
                )
            )
    return {
        "sections": [
            {
                "section": s,
                "figures": [
                    {
                        "indicator": link.indicator,
                        "value": values.get(link.indicator.code),
                        "text": formatted.get(link.indicator.code, ""),
                    }
                    for link in s.indicator_links.all()
                ],
                "narrative": render_citations(
                    narratives.get(s.pk, ""), own=formatted, communes=communes
                ),
            }
            for s in sections
        ]
    }


# ----- pages (home, submission list and page) ---------------------------------------------


def periods_with_submissions(submissions: QuerySet[Submission]) -> list[Period]:
    """The periods these submissions are in, newest first.

    A malformed stored id is skipped: one bad row must not take a page down.
    """
    periods: set[Period] = set()
    for period_id in submissions.order_by().values_list("period", flat=True).distinct():
        try:
            periods.add(Period.parse(period_id))
        except PeriodError:
            continue
    return sorted(periods, reverse=True)


def current_period(submissions: QuerySet[Submission], *, today: dt.date) -> tuple[Period, str]:
    """The period being reported now (by the calendar and the forms' deadlines, never by what
    someone typed into), with the period convention its dates are read under."""
    shape = reporting_shape()
    return reporting_period_now(today=today, shape=shape), shape[1]


def status_counts(submissions: QuerySet[Submission], *, period: str) -> list[dict]:
    """How many submissions of a period stand at each status, every status listed."""
    counts = dict(
        submissions.filter(period=period)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return [
        {"status": value, "label": label, "count": counts.get(value, 0)}
        for value, label in Status.choices
    ]


def home_overview(
    *,
    scope_units: list[Unit],
    units: QuerySet[Unit],
    organisations: QuerySet[Organisation],
    submissions: QuerySet[Submission],
    own_submissions: QuerySet[Submission] | None,
    today: dt.date,
) -> dict:
    """What the home page shows: the reader's units, their organisations and children, the
    current period, and either the reader's own submissions or a count by status."""
    period, convention = current_period(submissions, today=today)
    start, end = period.date_range(convention)
    scope_ids = [u.pk for u in scope_units]
    data = {
        "scope_units": scope_units,
        "organisations": list(
            organisations.filter(unit__in=scope_ids)
            .select_related("unit", "kind")
            .order_by("unit__path", "kind__order")
        ),
        "children": list(units.filter(parent__in=scope_ids).order_by("path")),
        "period": period,
        "period_start": start,
        "period_end": end,
        "own_submissions": None,
        "status_counts": None,
    }
    if own_submissions is not None:
        rows = list(
            own_submissions.select_related("form", "organisation__unit", "organisation__kind")
        )
        rows.sort(
            key=lambda s: (s.period_sort_key, s.organisation.unit.path, s.organisation.kind.order)
        )
        rows.reverse()
        data["own_submissions"] = rows
    else:
        counts = status_counts(submissions, period=period.id)
        data["status_counts"] = counts
        data["status_total"] = sum(c["count"] for c in counts)
    return data


@dataclass(frozen=True)
class SubmissionFilters:
    """The submission list's filters, already checked; `errors` say in Vietnamese what was ignored."""

    period: str | None = None
    status: str | None = None
    kind: str | None = None
    errors: tuple[str, ...] = ()


def parse_submission_filters(params: Mapping[str, str]) -> SubmissionFilters:
    """Read ?ky=2020S1&trang_thai=submitted&loai=ctd; values that make no sense are dropped."""

    errors: list[str] = []
    period = (params.get("ky") or "").strip() or None
    if period is not None:
        try:
            period = Period.parse(period).id
        except PeriodError:
            errors.append(_("Kỳ báo cáo không hợp lệ, đã bỏ qua bộ lọc kỳ."))
            period = None
    status = (params.get("trang_thai") or "").strip() or None
    if status is not None and status not in Status.values:
        errors.append(_("Trạng thái không hợp lệ, đã bỏ qua bộ lọc trạng thái."))
        status = None
    kind = (params.get("loai") or "").strip() or None
    if kind is not None and not OrganisationKind.objects.filter(code=kind).exists():
        errors.append(_("Loại tổ chức không hợp lệ, đã bỏ qua bộ lọc loại tổ chức."))
        kind = None
    return SubmissionFilters(period=period, status=status, kind=kind, errors=tuple(errors))


def submission_list(submissions: QuerySet[Submission], *, filters: SubmissionFilters) -> dict:
    """Submissions matching the filters, newest period first, with the choices the filters offer."""
    rows = submissions
    if filters.period:
        rows = rows.filter(period=filters.period)
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.kind:
        rows = rows.filter(organisation__kind__code=filters.kind)
    rows = rows.select_related("form", "organisation__unit", "organisation__kind").order_by(
        "-period", "organisation__unit__path", "organisation__kind__order"
    )
    return {
        "submissions": rows,
        "periods": periods_with_submissions(submissions),
        "statuses": Status.choices,
        "kinds": list(OrganisationKind.objects.order_by("order")),
    }


def _is_period(text: str) -> bool:
    try:
        Period.parse(text)
    except PeriodError:
        return False
    return True


def submission_page_data(submission: Submission) -> dict:
    """A submission's page: its sections (figures, narrative in paragraphs) and its events."""
    data = submission_view_data(submission)
    for section in data["sections"]:
        text = section["narrative"].replace("\r\n", "\n")
        section["paragraphs"] = [p.strip() for p in _BLANK_LINES.split(text) if p.strip()]
    data["events"] = list(submission.events.select_related("actor").order_by("at", "pk"))
    data["submitted_by"] = submission.submitted_by
    data["reviewed_by"] = submission.reviewed_by
    return data


# ----- entry page and audit (issue 3) ----------------------------------------------------


def _input_text(value: Decimal | None) -> str:
    """A stored figure as the reporter would type it back: 7.286, 12,5."""

    if value is None:
        return ""
    return format_number(int(value) if value == value.to_integral_value() else value.normalize())


def entry_form_data(submission: Submission, *, warnings: list[dict]) -> dict:
    """The entry page: each section's indicators with the typed values, its narrative, the
    narrative's preview with figures cited, and the checks' warnings placed by field."""

    sections = list(
        submission.form.sections.prefetch_related("indicator_links__indicator").order_by("order")
    )
    indicators = [link.indicator for s in sections for link in s.indicator_links.all()]
    values = figures_of(submission)
    all_values = {**values, **computed_figures(values, indicators)}
    formatted = formatted_figures(all_values)
    narratives = {n.section_id: n.text for n in submission.narratives.all()}
    by_indicator: dict[str, list[dict]] = defaultdict(list)
    general: list[dict] = []
    for warning in warnings:
        for code in warning["indicators"][:1] or [None]:
            (by_indicator[code] if code else general).append(warning)
    return {
        "sections": [
            {
                "section": s,
                "fields": [
                    {
                        "indicator": link.indicator,
                        "text": _input_text(values.get(link.indicator.code)),
                        "computed": formatted.get(link.indicator.code, ""),
                        "warnings": by_indicator.get(link.indicator.code, []),
                    }
                    for link in s.indicator_links.all()
                ],
                "narrative": narratives.get(s.pk, ""),
                "preview": render_citations(narratives.get(s.pk, ""), own=formatted),
            }
            for s in sections
        ],
        "indicators": indicators,
        "general_warnings": general,
        "warnings": warnings,
        "formatted": formatted,
    }


@dataclass
class AuditEntry:
    at: dt.datetime
    who: str
    what: str
    old: str = ""
    new: str = ""
    reason: str = ""


def audit_trail(submission: Submission) -> list[AuditEntry]:
    """Every recorded change to the submission, its figures and narratives, and its workflow
    steps, oldest first. A fixed number of queries whatever the length of the history."""

    def who(record) -> str:
        user = record.history_user
        return user.display_name if user else "—"

    entries: list[AuditEntry] = []
    indicators = {
        i.pk: i for i in Indicator.objects.filter(sections__form_id=submission.form_id).distinct()
    }
    figure_records = list(
        FigureValue.history.filter(submission_id=submission.pk)
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    last: dict[int, Decimal | None] = {}
    for record in figure_records:
        indicator = indicators.get(record.indicator_id)
        if indicator is None:
            continue

        def text(value: Decimal | None, indicator: Indicator = indicator) -> str:
            if value is None:
                return ""
            return format_figure(value, value_type=indicator.value_type, pad=indicator.pad_small)

        old = last.get(record.id)
        last[record.id] = record.value
        if record.history_type == "~" and old == record.value:
            continue  # a save that touched only the comment
        entries.append(
            AuditEntry(
                at=record.history_date,
                who=who(record),
                what=f"{indicator.name} ({indicator.unit_label})",
                old=text(old) if record.history_type != "+" else "",
                new=text(record.value) if record.history_type != "-" else "",
                reason=record.history_change_reason or "",
            )
        )
    sections = {s.pk: s for s in Section.objects.filter(form_id=submission.form_id)}
    previous_text: dict[int, str] = {}
    for record in (
        Narrative.history.filter(submission_id=submission.pk)
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    ):
        old_text = previous_text.get(record.id, "")
        previous_text[record.id] = record.text
        section = sections.get(record.section_id)
        entries.append(
            AuditEntry(
                at=record.history_date,
                who=who(record),
                what=f"Thuyết minh: {section.heading if section else ''}",
                old=_excerpt_change(old_text, record.text)[0],
                new=_excerpt_change(old_text, record.text)[1],
                reason=record.history_change_reason or "",
            )
        )
    for event in submission.events.select_related("actor").order_by("at", "pk"):
        entries.append(
            AuditEntry(
                at=event.at,
                who=event.actor.display_name if event.actor else "—",
                what=str(Event.Action(event.action).label).capitalize(),
                reason=event.reason,
            )
        )
    entries.sort(key=lambda e: e.at)
    return entries


def _excerpt_change(old: str, new: str, *, context: int = 40) -> tuple[str, str]:
    """The part of a narrative that changed, with a little context, as old and new excerpts."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while (
        end < min(len(old), len(new)) - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]
    ):
        end += 1
    left = max(0, start - context)

    def cut(text: str) -> str:
        piece = text[left : len(text) - end + context if end else len(text)]
        if len(piece) > 300:
            piece = piece[:300] + "…"
        return ("…" if left else "") + piece + ("…" if end > context else "")

    return cut(old) if old else "", cut(new) if new else ""


def open_entries(organisations: list[Organisation], *, today: dt.date) -> list[dict]:
    """What each organisation may enter now: the periods whose entry window is open (the
    current and last period, and any the office extended), not yet submitted, and every
    returned submission still open for correction, whatever its window."""

    forms = list(Form.objects.filter(is_active=True).prefetch_related("organisation_kinds"))
    # Extensions that closed before today cannot open a window today, so these are all we need.
    extensions = list(active_extensions(on=today))
    existing = {
        (s.organisation_id, s.form_id, s.period): s
        for s in Submission.objects.filter(organisation__in=organisations)
    }
    result = []
    for organisation in organisations:
        for form in forms:
            if not form.is_reported_by(organisation):
                continue
            current = Period.containing(today, form.period_type, form.period_convention)
            candidates = {current, current.previous()}
            candidates |= {
                Period.parse(e.period)
                for e in extensions
                if e.form_id == form.pk and _is_period(e.period)
            }
            reopened = {
                Period.parse(s.period)
                for (org_id, form_id, _p), s in existing.items()
                if org_id == organisation.pk
                and form_id == form.pk
                and s.open_for_correction(today)
                and _is_period(s.period)
            }
            candidates |= reopened
            for period in sorted(candidates, reverse=True):
                if not permissions.unit_exists_in(
                    organisation.unit, period.id, convention=form.period_convention
                ):
                    continue  # a unit merged away (or not yet created) has nothing to enter
                submission = existing.get((organisation.pk, form.pk, period.id))
                if submission is not None and submission.status not in (
                    Status.DRAFT,
                    Status.RETURNED,
                ):
                    continue
                window = entry_window_with(
                    form,
                    period.id,
                    extended_to=extended_to(extensions, organisation, form, period.id),
                )
                if today in window or period in reopened:
                    result.append(
                        {"organisation": organisation, "period": period, "submission": submission}
                    )
    return result


def entry_windows_for(user) -> QuerySet:
    """The entry-window extensions of the units the user is the standing office for."""

    windows = EntryWindow.objects.select_related(
        "form", "unit", "organisation", "created_by", "revoked_by"
    )
    if not permissions.can_extend_entry_window(user):
        return windows.none()
    # An office sees (and so is the office for) its own unit and every unit below it.
    return windows.filter(unit__in=permissions.visible_units(user))
