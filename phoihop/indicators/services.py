"""Writes to the indicator catalogue."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from phoihop.indicators.models import Form, Indicator, Section, SectionIndicator
from phoihop.organisations.models import OrganisationKind


@transaction.atomic
def install_catalogue(*, indicators: Iterable, forms: Iterable) -> None:
    """Create or update indicators and forms from specs (see phoihop.demo.catalogue)."""
    indicators = list(indicators)
    by_code: dict[str, Indicator] = {}
    for spec in indicators:
        by_code[spec.code], _ = Indicator.objects.update_or_create(
            code=spec.code,
            defaults={
                "name": spec.name,
                "unit_label": spec.unit,
                "value_type": spec.value_type,
                "aggregation": spec.aggregation,
                "formula": spec.formula,
                "pad_small": spec.pad,
                "keywords": "\n".join(spec.keywords),
            },
        )
    # Parts are linked once every whole exists.
    for spec in indicators:
        if spec.part_of:
            indicator = by_code[spec.code]
            if indicator.part_of_id != by_code[spec.part_of].pk:
                indicator.part_of = by_code[spec.part_of]
                indicator.save(update_fields=["part_of"])
    kinds = {k.code: k for k in OrganisationKind.objects.all()}
    for spec in forms:
        form, _ = Form.objects.update_or_create(
            code=spec.code,
            defaults={
                "name": spec.name,
                "levels": list(spec.levels),
                "period_type": spec.period_type,
                "period_convention": spec.convention,
                "deadline_days": spec.deadline_days,
                "grace_days": spec.grace_days,
            },
        )
        form.organisation_kinds.set([kinds[k] for k in spec.kinds])
        for order, section_spec in enumerate(spec.sections, start=1):
            section, _ = Section.objects.update_or_create(
                form=form,
                code=section_spec.code,
                defaults={
                    "order": order,
                    "heading": section_spec.heading,
                    "has_narrative": section_spec.has_narrative,
                    "narrative_hint": section_spec.hint,
                },
            )
            wanted = list(section_spec.indicators)
            section.indicator_links.exclude(indicator__code__in=wanted).delete()
            for position, code in enumerate(wanted, start=1):
                SectionIndicator.objects.update_or_create(
                    section=section, indicator=by_code[code], defaults={"order": position}
                )
