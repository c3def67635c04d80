"""Reads of the catalogue: indicators and forms with their sections."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Prefetch, QuerySet

from phoihop.core.periods import Period
from phoihop.indicators.models import Form, Indicator, Section, SectionIndicator
from phoihop.places.models import Level


def indicator_list() -> QuerySet[Indicator]:
    return Indicator.objects.select_related("part_of").order_by("code")


def indicator_detail(code: str) -> dict | None:
    """An indicator, its «trong đó» parts and the form sections that collect it; None if unknown."""
    indicator = Indicator.objects.select_related("part_of").filter(code=code).first()
    if indicator is None:
        return None
    sections = list(
        Section.objects.filter(indicator_links__indicator=indicator)
        .select_related("form")
        .order_by("form__code", "order")
    )
    keywords = [k.strip() for k in indicator.keywords.splitlines() if k.strip()]
    return {
        "indicator": indicator,
        "parts": list(indicator.parts.order_by("code")),
        "sections": sections,
        "keywords": keywords,
    }


def form_list() -> list[Form]:
    return list(
        Form.objects.prefetch_related("organisation_kinds")
        .annotate(section_count=Count("sections", distinct=True))
        .order_by("code")
    )


def level_labels(levels: list) -> list[str]:
    """Level numbers stored on a form, as words; unknown numbers are shown as they are."""
    labels = []
    for level in levels or []:
        try:
            labels.append(str(Level(int(level)).label))
        except (TypeError, ValueError):
            labels.append(str(level))
    return labels


def form_detail(code: str, *, today: dt.date) -> dict | None:
    """A form with its ordered sections and their indicators; None if unknown.

    The current period is worked through as an example so that readers see what the period
    convention and the deadline rule mean in dates.
    """
    form = (
        Form.objects.prefetch_related(
            "organisation_kinds",
            Prefetch(
                "sections",
                queryset=Section.objects.order_by("order").prefetch_related(
                    Prefetch(
                        "indicator_links",
                        queryset=SectionIndicator.objects.order_by("order").select_related(
                            "indicator"
                        ),
                    )
                ),
            ),
        )
        .filter(code=code)
        .first()
    )
    if form is None:
        return None
    example = Period.containing(today, form.period_type, form.period_convention)
    start, end = example.date_range(form.period_convention)
    deadline = end + dt.timedelta(days=form.deadline_days)
    return {
        "form": form,
        "sections": list(form.sections.all()),
        "kinds": list(form.organisation_kinds.all()),
        "levels": level_labels(form.levels),
        "example": {
            "period": example,
            "start": start,
            "end": end,
            "deadline": deadline,
            "last_entry": deadline + dt.timedelta(days=form.grace_days),
        },
    }
