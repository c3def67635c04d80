"""Checks across a unit: unit rules, levels, partner organisations, history and peers."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.utils.translation import gettext as _

from phoihop.core.periods import Period
from phoihop.places.models import Level, Unit
from phoihop.reporting.models import FigureValue, Submission
from phoihop.validation import models as m
from phoihop.validation.checks import (
    Finding,
    history_anomalies,
    peer_outliers,
    reconcile_levels,
    reconcile_partners,
)
from phoihop.validation.engine import find_violations
from phoihop.validation.engine import format_figure as fmt
from phoihop.validation.rule_compiler import CHILDREN_PREFIX
from phoihop.validation.run_context import Draft, RunContext, additive, row, unit_values
from phoihop.validation.submission_checks import active_rules, rule_applies

# Across time and peers: sixteen communes and a handful of periods call for wide margins, and
# small counts (05 căn nhà, 07 trường hợp) swing too much to mean anything.
HISTORY_FACTOR = Decimal(3)
HISTORY_MIN_MAGNITUDE = Decimal(20)
HISTORY_PERIODS = 4
REPEAT_MIN_MAGNITUDE = Decimal(20)
PEER_FACTOR = Decimal(3)
PEER_MIN_UNITS = 5
PEER_MIN_MAGNITUDE = Decimal(20)

CHILD_NOUN: dict[int, str] = {Level.PROVINCE: "tỉnh", Level.DISTRICT: "huyện", Level.COMMUNE: "xã"}


def unit_rule_drafts(ctx: RunContext) -> list[Draft]:
    drafts = []
    additive = set(ctx.additive)
    for rule, compiled in active_rules(m.RuleScope.UNIT):
        kinds = {k.pk for k in rule.organisation_kinds.all()}
        for unit in ctx.units:
            if not rule_applies(rule, unit, form_id=None, kind_id=None):
                continue
            values = unit_values(unit, ctx.period, kinds, additive)
            if values is None:
                continue
            for violation in find_violations([compiled], values):
                rows = []
                for code, value in violation.snapshot.items():
                    base = code.removeprefix(CHILDREN_PREFIX)
                    name, unit_label = ctx.label(base) if base in ctx.indicators else (code, "")
                    if code.startswith(CHILDREN_PREFIX):
                        name = _("%(name)s — tổng của các đơn vị cấp dưới") % {"name": name}
                    else:
                        name = _("%(name)s — các tổ chức của %(unit)s") % {
                            "name": name,
                            "unit": unit.full_name,
                        }
                    rows.append(row(name, value, unit_label))
                drafts.append(
                    Draft(
                        kind=m.Kind.RULE,
                        code=rule.code,
                        importance=rule.importance,
                        message=violation.message,
                        unit=unit,
                        blocking=rule.blocking,
                        snapshot=rows,
                    )
                )
    return drafts


def level_drafts(ctx: RunContext) -> list[Draft]:
    drafts = []
    declarations = m.LevelReconciliation.objects.select_related("indicator", "organisation_kind")
    for declaration in declarations:
        code = declaration.indicator.code
        name, unit_label = ctx.label(code)
        kind = declaration.organisation_kind
        for unit in ctx.units:
            children = ctx.children.get(unit.pk)
            if not children:
                continue
            own, source = ctx.org_value(unit, code, kind.pk if kind else None)
            values = {
                child.full_name: ctx.org_value(child, code, kind.pk if kind else None)[0]
                for child in children
            }
            finding = reconcile_levels(
                own,
                values,
                indicator=name,
                unit=unit.full_name,
                tolerance=declaration.tolerance,
            )
            if finding is None:
                continue
            organisation = source.organisation if source else None
            reporter = (
                organisation.name
                if organisation and kind
                else _("Các tổ chức của %(unit)s") % {"unit": unit.full_name}
            )
            present = [v for v in values.values() if v is not None]
            absent = [n for n, v in values.items() if v is None]
            noun = CHILD_NOUN.get(children[0].level, _("đơn vị"))
            message = _(
                "%(reporter)s báo cáo %(own)s %(unit_label)s «%(name)s» ở các %(noun)s, nhưng "
                "tổng báo cáo của %(count)s %(noun)s là %(total)s %(unit_label)s "
                "(chênh lệch %(difference)s)"
            ) % {
                "reporter": reporter,
                "own": fmt(finding.value),
                "unit_label": unit_label,
                "name": name,
                "noun": noun,
                "count": len(present),
                "total": fmt(finding.reference),
                "difference": fmt(abs(finding.value - finding.reference)),
            }
            if absent:
                message += _("; chưa có số liệu của %(count)s %(noun)s: %(names)s") % {
                    "count": len(absent),
                    "noun": noun,
                    "names": ", ".join(absent),
                }
            rows = [row(reporter, finding.value, unit_label)]
            rows.append(
                row(
                    _("Tổng của %(count)s %(noun)s") % {"count": len(present), "noun": noun},
                    finding.reference,
                    unit_label,
                )
            )
            rows += [row(child, value, unit_label) for child, value in values.items()]
            drafts.append(
                Draft(
                    kind=m.Kind.LEVEL,
                    code=f"level:{code}:{kind.code if kind else '*'}",
                    importance=declaration.importance,
                    message=message,
                    unit=unit,
                    organisation=organisation,
                    submission=source,
                    snapshot=rows,
                )
            )
    return drafts


def partner_drafts(ctx: RunContext) -> list[Draft]:
    drafts = []
    joints = m.JointFigure.objects.select_related("indicator", "organisation_kind", "partner_kind")
    for joint in joints:
        code = joint.indicator.code
        name, unit_label = ctx.label(code)
        for unit in ctx.units:
            own, source = ctx.org_value(unit, code, joint.organisation_kind_id)
            other, partner_source = ctx.org_value(unit, code, joint.partner_kind_id)
            if source is None or partner_source is None:
                continue
            organisation, partner = source.organisation, partner_source.organisation
            finding = reconcile_partners(
                own,
                other,
                indicator=name,
                organisation=organisation.name,
                partner=partner.name,
                tolerance=joint.tolerance,
            )
            if finding is None:
                continue
            message = _(
                "«%(name)s» là số liệu phối hợp giữa %(org)s và %(partner)s, nhưng %(org)s báo "
                "cáo %(own)s %(unit_label)s còn %(partner)s báo cáo %(other)s %(unit_label)s "
                "(chênh lệch %(difference)s)"
            ) % {
                "name": name,
                "org": organisation.name,
                "partner": partner.name,
                "own": fmt(finding.value),
                "other": fmt(finding.reference),
                "unit_label": unit_label,
                "difference": fmt(abs(finding.value - finding.reference)),
            }
            drafts.append(
                Draft(
                    kind=m.Kind.PARTNER,
                    code=f"joint:{code}:{joint.organisation_kind.code}:{joint.partner_kind.code}",
                    importance=m.Importance.HIGH,
                    message=message,
                    unit=unit,
                    organisation=organisation,
                    submission=source,
                    snapshot=[
                        row(organisation.name, finding.value, unit_label),
                        row(partner.name, finding.reference, unit_label),
                    ],
                )
            )
    return drafts


def _earlier_periods(period: str) -> list[str]:
    current = Period.parse(period)
    periods = []
    for _step in range(HISTORY_PERIODS):
        current = current.previous()
        periods.append(current.id)
    return list(reversed(periods))


def history_drafts(ctx: RunContext) -> list[Draft]:
    earlier = _earlier_periods(ctx.period)
    history: dict[tuple[int, str], dict[str, Decimal | None]] = defaultdict(dict)
    rows = FigureValue.objects.filter(
        submission__period__in=earlier,
        submission__organisation__in={s.organisation_id for s in ctx.submissions},
    ).values_list("submission__organisation_id", "indicator__code", "submission__period", "value")
    for organisation_id, code, period, value in rows:
        history[(organisation_id, code)][period] = value
    labels = {p: Period.parse(p).label for p in [*earlier, ctx.period]}
    drafts = []
    for submission in ctx.submissions:
        for code, value in ctx.figures.get(submission.pk, {}).items():
            indicator = ctx.indicators[code]
            past = history.get((submission.organisation_id, code))
            if value is None or not past or not additive(indicator):
                continue
            series = [past.get(p) for p in earlier]
            findings = history_anomalies(
                value,
                series,
                indicator=indicator.name,
                unit=submission.organisation.name,
                jump_factor=HISTORY_FACTOR,
                fall_factor=HISTORY_FACTOR,
                min_magnitude=HISTORY_MIN_MAGNITUDE,
            )
            for finding in findings:
                if finding.kind == "history_repeat" and value < REPEAT_MIN_MAGNITUDE:
                    continue
                snapshot = [
                    row(labels[p], v, indicator.unit_label)
                    for p, v in zip(earlier, series, strict=True)
                    if v is not None
                ]
                snapshot.append(row(labels[ctx.period], value, indicator.unit_label))
                drafts.append(
                    _finding_draft(
                        finding, code, submission.organisation.unit, submission, snapshot
                    )
                )
    return drafts


def _finding_draft(
    finding: Finding,
    code: str,
    unit: Unit,
    submission: Submission | None,
    snapshot: list[dict],
) -> Draft:
    return Draft(
        kind=finding.kind,
        code=f"{finding.kind}:{code}",
        # Unusual is not wrong: with few periods and communes these only ask for a second look.
        importance=m.Importance.LOW,
        message=finding.message,
        unit=unit,
        organisation=submission.organisation if submission else None,
        submission=submission,
        snapshot=snapshot,
    )


def peer_drafts(ctx: RunContext) -> list[Draft]:
    drafts = []
    for unit in ctx.units:
        children = ctx.children.get(unit.pk, [])
        if len(children) < PEER_MIN_UNITS:
            continue
        for code in ctx.additive:
            # A commune's figure for an indicator: all its organisations together.
            values = {child.full_name: ctx.org_value(child, code, None)[0] for child in children}
            findings = peer_outliers(
                values,
                indicator=ctx.indicators[code].name,
                factor=PEER_FACTOR,
                min_peers=PEER_MIN_UNITS,
                min_magnitude=PEER_MIN_MAGNITUDE,
            )
            by_name = {child.full_name: child for child in children}
            unit_label = ctx.indicators[code].unit_label
            for finding in findings:
                snapshot = [row(n, v, unit_label) for n, v in values.items() if v is not None]
                drafts.append(
                    _finding_draft(finding, code, by_name[finding.subject], None, snapshot)
                )
    return drafts
