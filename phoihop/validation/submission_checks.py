"""Checks of one submission's own figures: built-in checks and the office's submission rules."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError

from phoihop.indicators.models import Indicator
from phoihop.places.models import Unit
from phoihop.reporting.models import Submission
from phoihop.reporting.selectors import figures_of
from phoihop.validation import models as m
from phoihop.validation.checks import ProductCheck, build_checks
from phoihop.validation.engine import Rule, Violation, find_violations
from phoihop.validation.rule_compiler import CHILDREN_PREFIX, compile_stored_rule, known_codes
from phoihop.validation.run_context import (
    Draft,
    RunContext,
    additive,
    figures_by_submission,
    indicator_defs,
    row,
    unit_values,
)


def rule_applies(rule: m.Rule, unit: Unit, *, form_id: int | None, kind_id: int | None) -> bool:
    if rule.unit is not None and not unit.path.startswith(rule.unit.path):
        return False
    if rule.levels and unit.level not in rule.levels:
        return False
    if form_id is not None and rule.form_id is not None and rule.form_id != form_id:
        return False
    kinds = {k.pk for k in rule.organisation_kinds.all()}
    return not (kind_id is not None and kinds and kind_id not in kinds)


def active_rules(scope: str) -> list[tuple[m.Rule, Rule]]:
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


def product_checks() -> list[ProductCheck]:
    return [
        ProductCheck(p.count.code, p.each.code, p.total.code, p.tolerance)
        for p in m.ProductDeclaration.objects.select_related("count", "each", "total")
    ]


def form_rules(indicators: list[Indicator], products: list[ProductCheck]) -> list[Rule]:
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
    rules = form_rules(indicators, product_checks())
    form_codes = {i.code for i in indicators}
    unit = submission.organisation.unit
    for stored, rule in active_rules(m.RuleScope.SUBMISSION):
        if rule.expression_codes & form_codes and rule_applies(
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
        figures = figures_by_submission(submissions)
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
    additive_codes = {i.code for i in Indicator.objects.all() if additive(i)}
    for candidate in units.order_by("path"):
        sums = unit_values(candidate, period, kinds, additive_codes)
        if sums is None:
            continue
        for violation in find_violations([compiled], sums):
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


def _violation_draft(
    ctx: RunContext, submission: Submission, violation: Violation, kind: str
) -> Draft:
    rows = []
    for code, value in violation.snapshot.items():
        if code.startswith(CHILDREN_PREFIX) or code not in ctx.indicators:
            rows.append(row(code, value))
        else:
            rows.append(row(*_named(ctx, code, value)))
    return Draft(
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


def _named(ctx: RunContext, code: str, value: Decimal | None) -> tuple[str, Decimal | None, str]:
    name, unit_label = ctx.label(code)
    return name, value, unit_label


def submission_drafts(ctx: RunContext) -> list[Draft]:
    drafts = []
    products = product_checks()
    stored = active_rules(m.RuleScope.SUBMISSION)
    rules_by_form: dict[int, list[Rule]] = {}
    for submission in ctx.submissions:
        codes = ctx.form_codes.get(submission.form_id, [])
        if submission.form_id not in rules_by_form:
            indicators = [ctx.indicators[c] for c in codes]
            rules_by_form[submission.form_id] = form_rules(indicators, products)
        values = ctx.figures.get(submission.pk, {})
        for violation in find_violations(rules_by_form[submission.form_id], values):
            drafts.append(_violation_draft(ctx, submission, violation, m.Kind.BUILTIN))
        unit = submission.organisation.unit
        for rule, compiled in stored:
            if not compiled.expression_codes & set(codes):
                continue
            if not rule_applies(
                rule, unit, form_id=submission.form_id, kind_id=submission.organisation.kind_id
            ):
                continue
            for violation in find_violations([compiled], values):
                drafts.append(_violation_draft(ctx, submission, violation, m.Kind.RULE))
    return drafts
