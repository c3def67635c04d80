"""Validation of submissions: built-in checks, stored rules, reconciliation, stored verdicts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from phoihop.core.periods import CUTOFF_15, Period
from phoihop.indicators.models import Aggregation, Indicator, SectionIndicator, ValueType
from phoihop.organisations.models import Organisation
from phoihop.places.models import Level, Unit
from phoihop.reporting.models import FigureValue, Status, Submission
from phoihop.reporting.selectors import figures_of
from phoihop.validation import models as m
from phoihop.validation.checks import (
    Finding,
    IndicatorDef,
    ProductCheck,
    build_checks,
    history_anomalies,
    peer_outliers,
    reconcile_levels,
    reconcile_partners,
)
from phoihop.validation.engine import Rule, RuleError, Violation, compile_rule, find_violations
from phoihop.validation.engine import format_figure as fmt

# Across time and peers: sixteen communes and a handful of periods call for wide margins, and
# small counts (05 căn nhà, 07 trường hợp) swing too much to mean anything.
HISTORY_FACTOR = Decimal(3)
HISTORY_MIN_MAGNITUDE = Decimal(20)
HISTORY_PERIODS = 4
REPEAT_MIN_MAGNITUDE = Decimal(20)
PEER_FACTOR = Decimal(3)
PEER_MIN_UNITS = 5
PEER_MIN_MAGNITUDE = Decimal(20)

CHILD_NOUN = {Level.PROVINCE: "tỉnh", Level.DISTRICT: "huyện", Level.COMMUNE: "xã"}


def indicator_defs(indicators: Iterable[Indicator]) -> list[IndicatorDef]:
    return [
        IndicatorDef(
            code=i.code,
            name=i.name,
            unit=i.unit_label,
            value_type=i.value_type,
            aggregation=i.aggregation,
            part_of=i.part_of.code if i.part_of else None,
            formula=i.formula or None,
            min_value=i.min_value,
            max_value=i.max_value,
        )
        for i in indicators
    ]


def _additive(indicator: Indicator) -> bool:
    return indicator.aggregation == Aggregation.SUM and indicator.value_type != ValueType.PERCENT


# ----- stored rules ------------------------------------------------------------------------


def known_codes(scope: str) -> set[str]:
    """The codes a rule of this scope may use; unit rules also see the child units' sums."""
    codes = set(Indicator.objects.values_list("code", flat=True))
    if scope == m.RuleScope.UNIT:
        codes |= {m.CHILDREN_PREFIX + code for code in codes}
    return codes


def compile_stored_rule(rule: m.Rule, *, codes: set[str] | None = None) -> Rule:
    """The engine's rule for a stored one; ValidationError naming the faulty field otherwise."""
    try:
        return compile_rule(
            code=rule.code or "?",
            left=rule.left,
            operator=rule.operator,
            right=rule.right,
            importance=rule.importance,
            message=rule.message,
            missing=rule.missing,
            blocking=rule.blocking,
            tolerance=rule.tolerance if rule.tolerance is not None else 0,
            known_codes=codes if codes is not None else known_codes(rule.scope),
        )
    except RuleError as exc:
        field_name = (
            exc.field
            if exc.field
            in {"left", "right", "operator", "importance", "message", "missing", "tolerance"}
            else None
        )
        raise ValidationError({field_name: exc.message} if field_name else exc.message) from exc


def _rule_applies(rule: m.Rule, unit: Unit, *, form_id: int | None, kind_id: int | None) -> bool:
    if rule.unit_id is not None and not unit.path.startswith(rule.unit.path):
        return False
    if rule.levels and unit.level not in rule.levels:
        return False
    if form_id is not None and rule.form_id is not None and rule.form_id != form_id:
        return False
    kinds = {k.pk for k in rule.organisation_kinds.all()}
    return not (kind_id is not None and kinds and kind_id not in kinds)


def _active_rules(scope: str) -> list[tuple[m.Rule, Rule]]:
    stored = m.Rule.objects.filter(is_active=True, scope=scope).select_related("unit")
    stored = stored.prefetch_related("organisation_kinds")
    codes = known_codes(scope)
    compiled = []
    for rule in stored:
        try:
            compiled.append((rule, compile_stored_rule(rule, codes=codes)))
        except ValidationError:
            continue  # an indicator was deleted since the rule was saved; the form says so
    return compiled


def _product_checks() -> list[ProductCheck]:
    return [
        ProductCheck(p.count.code, p.each.code, p.total.code, p.tolerance)
        for p in m.ProductDeclaration.objects.select_related("count", "each", "total")
    ]


def _form_rules(indicators: list[Indicator], products: list[ProductCheck]) -> list[Rule]:
    codes = {i.code for i in indicators}
    usable = [p for p in products if {p.count, p.each, p.total} <= codes]
    return build_checks(indicator_defs(indicators), products=usable)


def submission_warnings(submission: Submission) -> list[dict]:
    """Violations in one submission's own figures, for the entry page.

    The built-in checks (bounds, parts ≤ whole, count × each = total, formulas) and the office's
    stored rules that apply to this form, organisation kind and level. Each item: code (the
    rule), message (Vietnamese, with the figures), importance, blocking, and indicators (the
    codes it concerns, to show the warning next to those fields).
    """
    indicators = list(
        Indicator.objects.filter(sections__form=submission.form)
        .select_related("part_of")
        .distinct()
    )
    rules = _form_rules(indicators, _product_checks())
    form_codes = {i.code for i in indicators}
    unit = submission.organisation.unit
    for stored, rule in _active_rules(m.RuleScope.SUBMISSION):
        if rule.expression_codes & form_codes and _rule_applies(
            stored, unit, form_id=submission.form_id, kind_id=submission.organisation.kind_id
        ):
            rules.append(rule)
    values = figures_of(submission)
    return [
        {
            "code": v.rule_code,
            "message": v.message,
            "importance": v.importance,
            "blocking": v.blocking,
            "indicators": sorted(code for code in v.snapshot if code in form_codes),
        }
        for v in find_violations(rules, values)
    ]


def try_rule(
    rule: m.Rule, *, period: str, kinds: Iterable[int] = (), unit: Unit | None = None
) -> list[dict]:
    """What an unsaved rule would flag on a period: [{unit, organisation, submission, message}].

    kinds: the organisation kinds it is limited to (an unsaved rule has no many-to-many yet).
    """
    compiled = compile_stored_rule(rule)
    kinds = set(kinds)
    root = unit or rule.unit
    flagged: list[dict] = []
    if rule.scope == m.RuleScope.SUBMISSION:
        submissions = Submission.objects.filter(period=period).select_related(
            "organisation__unit", "organisation__kind"
        )
        if root is not None:
            submissions = submissions.filter(organisation__unit__path__startswith=root.path)
        if rule.form_id:
            submissions = submissions.filter(form_id=rule.form_id)
        if kinds:
            submissions = submissions.filter(organisation__kind__in=kinds)
        figures = _figures_by_submission(submissions)
        for submission in submissions:
            level_ok = not rule.levels or submission.organisation.unit.level in rule.levels
            values = figures.get(submission.pk, {})
            if not level_ok or not compiled.expression_codes & values.keys():
                continue
            for violation in find_violations([compiled], values):
                flagged.append(_tried(submission.organisation.unit, submission, violation))
        return flagged
    units = Unit.objects.filter(level__in=rule.levels) if rule.levels else Unit.objects.all()
    if root is not None:
        units = units.filter(path__startswith=root.path)
    additive = {i.code for i in Indicator.objects.all() if _additive(i)}
    for candidate in units.order_by("path"):
        values = _unit_values(candidate, period, kinds, additive)
        if values is None:
            continue
        for violation in find_violations([compiled], values):
            flagged.append(_tried(candidate, None, violation))
    return flagged


def _tried(unit: Unit, submission: Submission | None, violation: Violation) -> dict:
    return {
        "unit": unit,
        "organisation": submission.organisation if submission else None,
        "submission": submission,
        "message": violation.message,
        "importance": violation.importance,
    }


# ----- reading figures ---------------------------------------------------------------------


def period_units(unit: Unit, period: str) -> QuerySet[Unit]:
    """The unit and the units under it that existed at some time during the period."""
    start, end = Period.parse(period).date_range(CUTOFF_15)
    return (
        Unit.objects.subtree(unit)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
        .order_by("path")
    )


def _figures_by_submission(
    submissions: QuerySet[Submission],
) -> dict[int, dict[str, Decimal | None]]:
    result: dict[int, dict[str, Decimal | None]] = defaultdict(dict)
    rows = FigureValue.objects.filter(submission__in=submissions).values_list(
        "submission_id", "indicator__code", "value"
    )
    for submission_id, code, value in rows:
        result[submission_id][code] = value
    return result


def _unit_values(
    unit: Unit, period: str, kinds: set[int], additive: Collection[str]
) -> dict[str, Decimal] | None:
    """Additive sums over a unit's organisations, and (prefixed) over its children; or None."""
    own = FigureValue.objects.filter(
        submission__period=period, submission__organisation__unit=unit, value__isnull=False
    )
    below = FigureValue.objects.filter(
        submission__period=period,
        submission__organisation__unit__parent=unit,
        value__isnull=False,
    )
    if kinds:
        own = own.filter(submission__organisation__kind__in=kinds)
        below = below.filter(submission__organisation__kind__in=kinds)
    values: dict[str, Decimal] = {}
    for prefix, rows in (("", own), (m.CHILDREN_PREFIX, below)):
        for code, value in rows.values_list("indicator__code", "value"):
            if code in additive:
                key = prefix + code
                values[key] = values.get(key, Decimal(0)) + value
    return values or None


# ----- running a validation ----------------------------------------------------------------


@dataclass
class _Draft:
    kind: str
    code: str
    importance: str
    message: str
    unit: Unit
    organisation: Organisation | None = None
    submission: Submission | None = None
    blocking: bool = False
    snapshot: list[dict] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        org = self.organisation.pk if self.organisation else ""
        return f"{self.kind}:{self.code}:{self.unit.pk}:{org}"[:255]


def _row(label: str, value: Decimal | int | None, unit: str = "") -> dict:
    return {"label": label, "value": None if value is None else str(value), "unit": unit}


class _Context:
    """Everything a run reads, loaded once: units, submissions, figures, indicators."""

    def __init__(self, unit: Unit, period: str) -> None:
        self.unit = unit
        self.period = period
        self.units = list(period_units(unit, period))
        self.unit_ids = {u.pk for u in self.units}
        self.submissions = list(
            Submission.objects.filter(period=period, organisation__unit__in=self.units)
            .select_related("form", "organisation__unit", "organisation__kind")
            .order_by("organisation__unit__path", "organisation__kind__order")
        )
        self.figures = _figures_by_submission(
            Submission.objects.filter(pk__in=[s.pk for s in self.submissions])
        )
        self.indicators = {i.code: i for i in Indicator.objects.select_related("part_of")}
        self.additive = [code for code, i in self.indicators.items() if _additive(i)]
        self.form_codes: dict[int, list[str]] = defaultdict(list)
        links = SectionIndicator.objects.filter(
            section__form__in={s.form_id for s in self.submissions}
        ).values_list("section__form_id", "indicator__code")
        for form_id, code in links:
            if code not in self.form_codes[form_id]:
                self.form_codes[form_id].append(code)
        self.children: dict[int, list[Unit]] = defaultdict(list)
        for child in self.units:
            if child.parent_id in self.unit_ids:
                self.children[child.parent_id].append(child)
        self.by_unit: dict[int, list[Submission]] = defaultdict(list)
        for submission in self.submissions:
            self.by_unit[submission.organisation.unit_id].append(submission)

    def org_value(
        self, unit: Unit, code: str, kind_id: int | None
    ) -> tuple[Decimal | None, Submission | None]:
        """A unit's figure summed over its organisations (of one kind), and the submission."""
        total: Decimal | None = None
        source = None
        for submission in self.by_unit.get(unit.pk, []):
            if kind_id is not None and submission.organisation.kind_id != kind_id:
                continue
            value = self.figures.get(submission.pk, {}).get(code)
            if value is not None:
                total = value if total is None else total + value
                source = submission
        return total, source

    def label(self, code: str) -> tuple[str, str]:
        indicator = self.indicators[code]
        return indicator.name, indicator.unit_label


def _violation_draft(
    ctx: _Context, submission: Submission, violation: Violation, kind: str
) -> _Draft:
    rows = []
    for code, value in violation.snapshot.items():
        if code.startswith(m.CHILDREN_PREFIX) or code not in ctx.indicators:
            rows.append(_row(code, value))
        else:
            rows.append(_row(*_named(ctx, code, value)))
    return _Draft(
        kind=kind,
        code=violation.rule_code,
        importance=violation.importance,
        message=violation.message,
        unit=submission.organisation.unit,
        organisation=submission.organisation,
        submission=submission,
        blocking=violation.blocking,
        snapshot=rows,
    )


def _named(ctx: _Context, code: str, value: Decimal | None) -> tuple[str, Decimal | None, str]:
    name, unit_label = ctx.label(code)
    return name, value, unit_label


def _submission_checks(ctx: _Context) -> list[_Draft]:
    drafts = []
    products = _product_checks()
    stored = _active_rules(m.RuleScope.SUBMISSION)
    rules_by_form: dict[int, list[Rule]] = {}
    for submission in ctx.submissions:
        codes = ctx.form_codes.get(submission.form_id, [])
        if submission.form_id not in rules_by_form:
            indicators = [ctx.indicators[c] for c in codes]
            rules_by_form[submission.form_id] = _form_rules(indicators, products)
        values = ctx.figures.get(submission.pk, {})
        for violation in find_violations(rules_by_form[submission.form_id], values):
            drafts.append(_violation_draft(ctx, submission, violation, m.Kind.BUILTIN))
        unit = submission.organisation.unit
        for rule, compiled in stored:
            if not compiled.expression_codes & set(codes):
                continue
            if not _rule_applies(
                rule, unit, form_id=submission.form_id, kind_id=submission.organisation.kind_id
            ):
                continue
            for violation in find_violations([compiled], values):
                drafts.append(_violation_draft(ctx, submission, violation, m.Kind.RULE))
    return drafts


def _unit_rules(ctx: _Context) -> list[_Draft]:
    drafts = []
    additive = set(ctx.additive)
    for rule, compiled in _active_rules(m.RuleScope.UNIT):
        kinds = {k.pk for k in rule.organisation_kinds.all()}
        for unit in ctx.units:
            if not _rule_applies(rule, unit, form_id=None, kind_id=None):
                continue
            values = _unit_values(unit, ctx.period, kinds, additive)
            if values is None:
                continue
            for violation in find_violations([compiled], values):
                rows = []
                for code, value in violation.snapshot.items():
                    base = code.removeprefix(m.CHILDREN_PREFIX)
                    name, unit_label = ctx.label(base) if base in ctx.indicators else (code, "")
                    if code.startswith(m.CHILDREN_PREFIX):
                        name = _("%(name)s — tổng của các đơn vị cấp dưới") % {"name": name}
                    else:
                        name = _("%(name)s — các tổ chức của %(unit)s") % {
                            "name": name,
                            "unit": unit.full_name,
                        }
                    rows.append(_row(name, value, unit_label))
                drafts.append(
                    _Draft(
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


def _level_checks(ctx: _Context) -> list[_Draft]:
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
            rows = [_row(reporter, finding.value, unit_label)]
            rows.append(
                _row(
                    _("Tổng của %(count)s %(noun)s") % {"count": len(present), "noun": noun},
                    finding.reference,
                    unit_label,
                )
            )
            rows += [_row(child, value, unit_label) for child, value in values.items()]
            drafts.append(
                _Draft(
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


def _partner_checks(ctx: _Context) -> list[_Draft]:
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
                _Draft(
                    kind=m.Kind.PARTNER,
                    code=f"joint:{code}:{joint.organisation_kind.code}:{joint.partner_kind.code}",
                    importance=m.Importance.HIGH,
                    message=message,
                    unit=unit,
                    organisation=organisation,
                    submission=source,
                    snapshot=[
                        _row(organisation.name, finding.value, unit_label),
                        _row(partner.name, finding.reference, unit_label),
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


def _history_checks(ctx: _Context) -> list[_Draft]:
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
            if value is None or not past or not _additive(indicator):
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
                    _row(labels[p], v, indicator.unit_label)
                    for p, v in zip(earlier, series, strict=True)
                    if v is not None
                ]
                snapshot.append(_row(labels[ctx.period], value, indicator.unit_label))
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
) -> _Draft:
    return _Draft(
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


def _peer_checks(ctx: _Context) -> list[_Draft]:
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
                snapshot = [_row(n, v, unit_label) for n, v in values.items() if v is not None]
                drafts.append(
                    _finding_draft(finding, code, by_name[finding.subject], None, snapshot)
                )
    return drafts


@transaction.atomic
def run_validation(unit: Unit, period: str, *, user=None) -> m.ValidationRun:
    """Validate every submission of a unit (and the units under it) for a period; store it all.

    A run never changes an earlier run's results. An explanation given on the same problem
    with the very same figures in the previous run carries over; changed figures reopen it.
    """
    period = Period.parse(period).id
    ctx = _Context(unit, period)
    drafts = [
        *_submission_checks(ctx),
        *_unit_rules(ctx),
        *_level_checks(ctx),
        *_partner_checks(ctx),
        *_history_checks(ctx),
        *_peer_checks(ctx),
    ]
    previous = latest_run(unit, period)
    earlier: dict[str, m.ValidationResult] = {}
    if previous is not None:
        earlier = {r.fingerprint: r for r in previous.results.all()}
    run = m.ValidationRun.objects.create(
        unit=unit,
        period=period,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        submission_count=len(ctx.submissions),
    )
    results = []
    for draft in drafts:
        result = m.ValidationResult(
            run=run,
            kind=draft.kind,
            code=draft.code,
            fingerprint=draft.fingerprint,
            importance=draft.importance,
            blocking=draft.blocking,
            message=draft.message,
            unit=draft.unit,
            organisation=draft.organisation,
            submission=draft.submission,
            period=period,
            snapshot=draft.snapshot,
        )
        before = earlier.get(draft.fingerprint)
        if before is not None and before.snapshot == draft.snapshot:
            result.status = before.status
            result.explanation = before.explanation
            result.explained_by_id = before.explained_by_id
            result.explained_at = before.explained_at
            result.returned_at = before.returned_at
        results.append(result)
    m.ValidationResult.objects.bulk_create(results)
    return run


def latest_run(unit: Unit, period: str) -> m.ValidationRun | None:
    return (
        m.ValidationRun.objects.filter(unit=unit, period=period)
        .order_by("-created_at", "-pk")
        .first()
    )


def is_stale(run: m.ValidationRun) -> bool:
    """Whether figures, submissions or rules changed since the run."""
    units = period_units(run.unit, run.period)
    submissions = Submission.objects.filter(period=run.period, organisation__unit__in=units)
    if submissions.count() != run.submission_count:
        return True
    if submissions.filter(updated_at__gt=run.created_at).exists():
        return True
    if FigureValue.history.filter(
        submission_id__in=submissions.values("pk"), history_date__gt=run.created_at
    ).exists():
        return True
    return m.Rule.objects.filter(updated_at__gt=run.created_at).exists()


def current_run(unit: Unit, period: str, *, user=None) -> m.ValidationRun:
    """The latest run if nothing changed since, else a fresh one."""
    run = latest_run(unit, period)
    if run is None or is_stale(run):
        run = run_validation(unit, period, user=user)
    return run


def open_violations(unit: Unit, period: str, *, include_explained: bool = False) -> list[dict]:
    """The unresolved violations of a unit (and the units under it) for a period, most important
    first; validates again first if anything changed since the last run.

    Each item is a dict:
      id (ValidationResult pk), kind (builtin, rule, level_mismatch, partner_mismatch,
      history_*, peer_*), importance ("high" | "medium" | "low"), importance_label (Vietnamese),
      message (Vietnamese, with the figures), unit (full name), organisation (name or ""),
      submission_id (int or None), status ("open" | "explained"), explanation (text),
      figures (list of {"label", "value": exact string or None, "unit"}).
    Only status "open" unless include_explained.
    """
    run = current_run(unit, period)
    statuses = [m.ResultStatus.OPEN]
    if include_explained:
        statuses.append(m.ResultStatus.EXPLAINED)
    results = run.results.filter(status__in=statuses).select_related("unit", "organisation")
    ordered = sorted(results, key=lambda r: (m.IMPORTANCE_ORDER[r.importance], r.pk))
    return [
        {
            "id": r.pk,
            "kind": r.kind,
            "importance": r.importance,
            "importance_label": str(r.get_importance_display()),
            "message": r.message,
            "unit": r.unit.full_name,
            "organisation": r.organisation.name if r.organisation else "",
            "submission_id": r.submission_id,
            "status": r.status,
            "explanation": r.explanation,
            "figures": list(r.snapshot),
        }
        for r in ordered
    ]


# ----- acting on results -------------------------------------------------------------------


def explain_result(
    result: m.ValidationResult, *, user, explanation: str, resolved: bool = False
) -> m.ValidationResult:
    """Record why figures that look wrong are right (explained), or that they were fixed."""
    explanation = explanation.strip()
    if not explanation and not resolved:
        raise ValidationError(_("Cần ghi nội dung giải trình."))
    result.explanation = explanation
    result.status = m.ResultStatus.RESOLVED if resolved else m.ResultStatus.EXPLAINED
    result.explained_by = user
    result.explained_at = timezone.now()
    result.save(update_fields=["explanation", "status", "explained_by", "explained_at"])
    return result


def correction_reason(result: m.ValidationResult) -> str:
    return _("Đề nghị kiểm tra, sửa số liệu: %(message)s") % {"message": result.message}


@transaction.atomic
def return_for_correction(result: m.ValidationResult, *, user) -> Submission:
    """Send the submission behind a result back to its reporter, the message as the reason.

    A submission still waiting is returned; one already accepted is reopened for correction.
    Raises WorkflowError (Vietnamese) when it is neither, PermissionDenied for non-reviewers.
    """
    from phoihop.reporting.services import WorkflowError
    from phoihop.reporting.workflow import reopen_submission, return_submission

    submission = result.submission
    if submission is None:
        raise WorkflowError(_("Kết quả này không gắn với một báo cáo cụ thể."))
    reason = correction_reason(result)
    if submission.status == Status.ACCEPTED:
        submission = reopen_submission(submission, user=user, reason=reason)
    else:
        submission = return_submission(submission, user=user, reason=reason)
    result.returned_at = timezone.now()
    result.save(update_fields=["returned_at"])
    return submission
