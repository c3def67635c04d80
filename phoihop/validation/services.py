"""Validation of submissions against the checks generated from the indicators' definitions."""

from __future__ import annotations

from phoihop.indicators.models import Indicator
from phoihop.reporting.models import Submission
from phoihop.reporting.selectors import figures_of
from phoihop.validation.checks import IndicatorDef, build_checks
from phoihop.validation.engine import find_violations


def indicator_defs(indicators) -> list[IndicatorDef]:
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


def submission_warnings(submission: Submission) -> list[dict]:
    """Violations of the built-in checks in one submission's own figures, for the entry page.

    Each item: code (the rule), message (Vietnamese, with the figures), importance, blocking,
    and indicators (the codes it concerns, to show the warning next to those fields).
    """
    indicators = list(
        Indicator.objects.filter(sections__form=submission.form)
        .select_related("part_of")
        .distinct()
    )
    rules = build_checks(indicator_defs(indicators))
    values = figures_of(submission)
    return [
        {
            "code": v.rule_code,
            "message": v.message,
            "importance": v.importance,
            "blocking": v.blocking,
            "indicators": sorted(code for code in v.snapshot if code in values),
        }
        for v in find_violations(rules, values)
    ]
