"""The demo's coordination programmes of 2020, joint activities and common plan (YAML data)."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import yaml

from phoihop.accounts.models import User
from phoihop.core import clock
from phoihop.indicators.models import Aggregation, Indicator, Section, ValueType
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.programmes.direction_services import (
    TaskChange,
    create_tasks_from_directions,
    update_task,
)
from phoihop.programmes.models import (
    ActivityFigure,
    CommonPlan,
    Content,
    JointActivity,
    PlannedActivity,
    Programme,
    ProgrammeVersion,
    Target,
)
from phoihop.programmes.services import period_of, snapshot_of
from phoihop.reporting.models import FigureValue

DATA = Path(__file__).resolve().parent / "data" / "programmes.yaml"
SIGNING = "Ký kết đầu năm (dữ liệu minh hoạ)"


def _fraction(*parts: str) -> Decimal:
    digest = hashlib.sha256("|".join(parts).encode()).digest()
    return Decimal(int.from_bytes(digest[:4], "big")) / Decimal(2**32)


def _round(value: Decimal, indicator: Indicator) -> Decimal:
    """A target as people set them: whole, and two significant digits from a hundred on."""
    if value < 100:
        return max(Decimal(1), value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    step = Decimal(10) ** (len(str(int(value))) - 2)
    return (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def _countable(indicator: Indicator) -> bool:
    return (
        indicator.aggregation == Aggregation.SUM
        and indicator.value_type != ValueType.PERCENT
        and not indicator.formula
        and not indicator.code.startswith("covid_")  # one-off in 2020: no yearly target
    )


def _targets_from(figures: dict[str, Decimal], pace: Decimal, indicators) -> dict[str, Decimal]:
    return {
        code: _round(value / pace, indicators[code])
        for code, value in figures.items()
        if code in indicators and _countable(indicators[code]) and value > 0
    }


def build_programmes(orgs: dict[tuple[str, str], Organisation], office: User) -> None:
    """Create the 2020 programmes of Bù Đăng and its communes, if not there yet."""
    spec = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    year, district_code = spec["year"], spec["unit"]
    district = Unit.objects.get(code=district_code)
    if Programme.objects.filter(organisation__unit=district, year=year).exists():
        return
    indicators = {i.code: i for i in Indicator.objects.all()}
    first_half = f"{year}S1"
    s1: dict[int, dict[str, Decimal]] = {}
    for org_id, code, value in FigureValue.objects.filter(
        submission__period=first_half,
        submission__organisation__unit__path__startswith=district.path,
        value__isnull=False,
    ).values_list("submission__organisation_id", "indicator__code", "value"):
        if value is not None:
            s1.setdefault(org_id, {})[code] = value
    signed_on = spec["signed_on"]
    targets: dict[Organisation, dict[str, Decimal]] = {}
    references: dict[Organisation, str] = {}
    for kind, item in spec["programmes"].items():
        org = orgs[(district_code, kind)]
        derived = _targets_from(s1.get(org.pk, {}), Decimal(str(item["pace"])), indicators)
        explicit = {c: Decimal(str(v)) for c, v in (item.get("targets") or {}).items()}
        targets[org] = {**derived, **explicit}
        references[org] = item["reference"]
    low, high = (Decimal(str(p)) for p in spec["commune_pace"])
    for org in Organisation.objects.filter(unit__parent=district).select_related("unit", "kind"):
        pace = low + (high - low) * _fraction(str(year), org.unit.code, org.kind.code)
        targets[org] = _targets_from(s1.get(org.pk, {}), pace, indicators)
    programmes = Programme.objects.bulk_create(
        Programme(
            organisation=org,
            year=year,
            signed_on=signed_on,
            reference=references.get(org, ""),
            version=1,
        )
        for org in targets
    )
    by_org = {p.organisation_id: p for p in programmes}
    created = Target.objects.bulk_create(
        Target(programme=by_org[org.pk], indicator=indicators[code], yearly=value)
        for org, values in targets.items()
        for code, value in values.items()
    )
    of_programme: dict[int, list[Target]] = {p.pk: [] for p in programmes}
    for target in created:
        of_programme[target.programme_id].append(target)
    _contents(spec, orgs, by_org, district_code, indicators)
    now = clock.now()
    ProgrammeVersion.objects.bulk_create(
        ProgrammeVersion(
            programme=p,
            number=1,
            created_at=now,
            created_by=office,
            reason=SIGNING,
            snapshot=snapshot_of(p, of_programme[p.pk]),
        )
        for p in programmes
    )
    activities = _joint_activities(spec, orgs, district_code, indicators, office)
    _common_plan(spec, orgs, district, indicators, activities, office)
    _directions(spec, district, office)


def _contents(spec, orgs, by_org, district_code: str, indicators) -> None:
    for order, item in enumerate(spec["contents"], start=1):
        owner = orgs[(district_code, item["programme"])]
        section = _section_of(owner, item["section"])
        content = Content.objects.create(
            programme=by_org[owner.pk],
            section=section,
            title=item["title"],
            lead=orgs[(district_code, item["lead"])],
            order=order,
        )
        content.partners.set([orgs[(district_code, k)] for k in item["partners"]])
        content.indicators.set([indicators[c] for c in item["indicators"]])


def _section_of(organisation: Organisation, code: str) -> Section | None:
    for section in Section.objects.filter(code=code, form__organisation_kinds=organisation.kind):
        if organisation.unit.level in section.form.levels:
            return section
    return None


def _joint_activities(spec, orgs, district_code: str, indicators, office: User):
    activities = {}
    for item in spec["joint_activities"]:
        lead = orgs[(district_code, item["lead"])]
        held_on: dt.date = item["held_on"]
        activity = JointActivity.objects.create(
            unit=lead.unit,
            title=item["title"],
            held_on=held_on,
            period=period_of(lead, held_on),
            lead=lead,
            created_by=office,
        )
        activity.partners.set([orgs[(district_code, k)] for k in item["partners"]])
        activity.communes.set(Unit.objects.filter(code__in=item.get("communes", [])))
        ActivityFigure.objects.bulk_create(
            ActivityFigure(activity=activity, indicator=indicators[c], value=Decimal(str(v)))
            for c, v in item["figures"].items()
        )
        activities[item["key"]] = activity
    return activities


def _common_plan(spec, orgs, district: Unit, indicators, activities, office: User) -> None:
    item = spec["common_plan"]
    plan = CommonPlan.objects.create(unit=district, period=item["period"], created_by=office)
    for order, planned in enumerate(item["activities"], start=1):
        expected = planned.get("expected") or {}
        code, value = next(iter(expected.items()), (None, None))
        row = PlannedActivity.objects.create(
            plan=plan,
            title=planned["title"],
            lead=orgs[(district.code, planned["lead"])],
            due_on=planned.get("due_on"),
            place=planned.get("place", ""),
            expected_indicator=indicators[code] if code else None,
            expected_value=Decimal(str(value)) if value is not None else None,
            source=PlannedActivity.Source.DIRECTION,
            outcome=planned.get("outcome", PlannedActivity.Outcome.PLANNED),
            reason=planned.get("reason", ""),
            activity=activities.get(planned.get("activity")),
            order=order,
        )
        row.partners.set([orgs[(district.code, k)] for k in planned["partners"]])
        row.communes.set(Unit.objects.filter(code__in=planned.get("communes", [])))


def _directions(spec, district: Unit, office: User) -> None:
    """The tasks of 2020S2 from the directions of the accepted 2020S1 report, as the office
    makes them on the plan's page, and how some ended."""
    item = spec["directions"]
    tasks = create_tasks_from_directions(user=office, unit=district, period=item["period"])
    for outcome in item["outcomes"]:
        update_task(
            user=office,
            task=tasks[outcome["number"] - 1],
            change=TaskChange(status=outcome["status"], reason=outcome.get("reason", "")),
        )
