"""Builds the demo district: Bù Đăng with the seed report's figures and a few more periods."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.db import transaction

from phoihop.accounts.models import Role, User
from phoihop.analytics.rollups import rebuild_rollups
from phoihop.core.dates import VIETNAM
from phoihop.core.periods import Period
from phoihop.demo import narratives, seed, units
from phoihop.demo.committee import build_committee
from phoihop.demo.programmes import build_programmes
from phoihop.indicators.models import Form, Indicator
from phoihop.organisations.models import Organisation, OrganisationKind
from phoihop.places.models import Level, Population, Unit
from phoihop.reporting.models import (
    EntryWindow,
    Event,
    FigureValue,
    Narrative,
    Status,
    Submission,
)
from phoihop.reporting.windows import deadline_of
from phoihop.validation.catalogue import load_catalogue_file
from phoihop.validation.models import ProductDeclaration

DEMO_PASSWORD = "phoihop2020"
PERIODS = ["2019S1", "2019S2", "2020S1", "2020S2"]
# How each earlier or later period compares with the seed's 2020S1.
PERIOD_SCALE = {"2019S1": Decimal("0.86"), "2019S2": Decimal("0.93"), "2020S2": Decimal("1.06")}
# The indicators, forms and checks of the programme: data, loaded as a province loads its own.
CATALOGUE = Path(__file__).resolve().parent / "data" / "catalogue.yaml"


@dataclass(frozen=True)
class Persona:
    username: str
    full_name: str
    role: str
    description: str
    unit_code: str | None = None
    organisation: tuple[str, str] | None = None  # (unit code, kind code)
    assigned: tuple[str, ...] = ()


PERSONAS = [
    Persona(
        "vanphong",
        "Trần Minh Đức",
        Role.OFFICE,
        "Cơ quan thường trực Ban chỉ đạo huyện Bù Đăng",
        unit_code="698",
    ),
    Persona(
        "chuthapdo",
        "Nguyễn Thị Hồng",
        Role.ORG_REPORTER,
        "Người báo cáo của Hội Chữ thập đỏ huyện",
        organisation=("698", "ctd"),
    ),
    Persona(
        "nongdan",
        "Lê Văn Phú",
        Role.ORG_REPORTER,
        "Người báo cáo của Hội Nông dân huyện",
        organisation=("698", "nd"),
    ),
    Persona(
        "ducphong",
        "Điểu Thị Lan",
        Role.COMMUNE_REPORTER,
        "Người báo cáo của Ban điều phối thị trấn Đức Phong",
        unit_code="25480",
    ),
    Persona(
        "thanhvien",
        "Phạm Quốc Việt",
        Role.MEMBER,
        "Thành viên Ban chỉ đạo, phụ trách xã Bom Bo và xã Bình Minh",
        assigned=("25495", "25492"),
    ),
    Persona(
        "tinh", "Hoàng Anh Tuấn", Role.VIEWER, "Người xem số liệu tỉnh Bình Phước", unit_code="70"
    ),
    Persona("quantri", "Quản trị hệ thống", Role.ADMIN, "Quản trị hệ thống"),
]


@dataclass
class DemoSummary:
    created_submissions: int = 0
    created_users: list[str] = field(default_factory=list)


def _stable_fraction(*parts: str) -> Decimal:
    """A deterministic number in [0, 1) so that the demo is the same on every machine."""
    digest = hashlib.sha256("|".join(parts).encode()).digest()
    return Decimal(int.from_bytes(digest[:4], "big")) / Decimal(2**32)


def split_total(total: int, weights: Sequence[Decimal]) -> list[int]:
    """Split a whole total in proportion to weights so that the parts add up exactly."""
    weight_sum = sum(weights)
    raw = [Decimal(total) * w / weight_sum for w in weights]
    parts = [int(r) for r in raw]
    remainders = sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)
    for i in remainders[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _build_units() -> dict[str, Unit]:
    def upsert(code, name, kind, parent, valid_from=None, valid_to=None) -> Unit:
        unit, _ = Unit.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "parent": parent,
                "valid_from": valid_from,
                "valid_to": valid_to,
            },
        )
        return unit

    country = upsert(*units.COUNTRY, None)
    province = upsert(*units.PROVINCE, country, None, units.LAST_OLD_DAY)
    district = upsert(*units.DISTRICT, province, None, units.LAST_OLD_DAY)
    new_province = upsert(*units.NEW_PROVINCE, country)
    province.successors.set([new_province])
    result = {u.code: u for u in (country, province, district, new_province)}
    for code, name, kind, population in units.COMMUNES_2020:
        commune = upsert(code, name, kind, district, None, units.LAST_OLD_DAY)
        result[code] = commune
        for year, factor in ((2019, Decimal("0.985")), (2020, Decimal(1))):
            Population.objects.update_or_create(
                unit=commune,
                year=year,
                defaults={"population": int(population * factor)},
            )
    by_name = {name: result[code] for code, name, _k, _p in units.COMMUNES_2020}
    for code, name, predecessors in units.COMMUNES_2025:
        new = upsert(code, name, "commune", new_province, units.REFORM_DAY, None)
        result[code] = new
        for old_name in predecessors:
            by_name[old_name].successors.add(new)
    district_population = sum(p for *_r, p in units.COMMUNES_2020)
    Population.objects.update_or_create(
        unit=district, year=2020, defaults={"population": district_population}
    )
    return result


def _build_organisations(all_units: dict[str, Unit]) -> dict[tuple[str, str], Organisation]:
    kinds = list(OrganisationKind.objects.all())
    orgs: dict[tuple[str, str], Organisation] = {}
    # The demo programme runs in the district and its communes of 2020, and in the new communes.
    for unit in all_units.values():
        if unit.level not in (Level.DISTRICT, Level.COMMUNE):
            continue
        for kind in kinds:
            suffix = f"{unit.kind_label} {unit.name}"
            name = f"{kind.short_name if kind.code == 'chqs' else kind.name} {suffix}"
            org, _ = Organisation.objects.get_or_create(
                unit=unit, kind=kind, defaults={"name": name}
            )
            orgs[(unit.code, kind.code)] = org
    return orgs


def _scaled(value: Decimal, indicator: Indicator, period: str, salt: str) -> Decimal:
    if period == "2020S1":
        return value
    if indicator.value_type == "percent":
        jitter = (_stable_fraction(period, salt, indicator.code) - Decimal("0.5")) * 4
        return min(Decimal(100), max(Decimal(0), value + jitter)).quantize(Decimal("0.01"))
    if indicator.aggregation == "average":
        return value  # a gift's value each stays as it was
    factor = (
        PERIOD_SCALE[period]
        + (_stable_fraction(period, salt, indicator.code) - Decimal("0.5")) / 10
    )
    scaled = (value * factor).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if indicator.value_type == "money":
        scaled = (scaled / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP) * 1000
    return max(scaled, Decimal(0))


def _district_figures(
    kind: str,
    period: str,
    indicators: dict[str, Indicator],
    products: list[tuple[str, str, str]],
) -> dict[str, Decimal]:
    base = seed.DISTRICT_2020S1[kind]
    figures = {code: _scaled(v, indicators[code], period, kind) for code, v in base.items()}
    if period.startswith("2019"):
        # There was no epidemic to fight in 2019: those figures stay blank.
        figures = {c: v for c, v in figures.items() if not c.startswith("covid_")}
    if kind == "ccb" and period != "2020S1":
        figures = {
            "tt_duong_loi_cuoc": Decimal(18 if period == "2019S1" else 21),
            "tt_duong_loi_luot": Decimal(960 if period == "2019S1" else 1105),
        }
    # Scaling each figure on its own would break count × each = total, which the seed keeps.
    for count, each, total in products:
        if period != "2020S1" and {count, each, total} <= figures.keys():
            figures[total] = figures[count] * figures[each]
    # Keep "trong đó" parts within their whole where the seed itself does not break that.
    for code, value in list(figures.items()):
        whole = indicators[code].part_of
        if whole is not None and whole.code in figures and period != "2020S1":
            figures[code] = min(value, figures[whole.code])
    return figures


def _commune_figures(
    period: str, communes: list[Unit], kinds: list[str]
) -> dict[tuple[str, str], dict[str, Decimal]]:
    """Figures of every commune organisation, adding up to the seed's district-wide totals."""
    result: dict[tuple[str, str], dict[str, Decimal]] = {
        (c.code, k): {} for c in communes for k in kinds
    }
    scale = Decimal(1) if period == "2020S1" else PERIOD_SCALE[period]

    def spread(code: str, total: Decimal, keys: list, weights: list[Decimal]) -> None:
        period_total = int((total * scale).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        for key, part in zip(keys, split_total(period_total, weights), strict=True):
            result[key][code] = Decimal(part)

    populations = dict(
        Population.objects.filter(unit__in=communes, year=2020).values_list(
            "unit__code", "population"
        )
    )
    keys = [(c.code, k) for c in communes for k in kinds]
    totals = seed.COMMUNE_TOTALS_2020S1["all"]
    for code in ("tt_duong_loi_cuoc", "tt_duong_loi_luot", "tt_qp_cuoc", "tt_qp_luot"):
        spread(
            code,
            totals[code],
            keys,
            [
                Decimal(populations.get(c, 1000))
                * (Decimal("0.6") + _stable_fraction(period, c, k, code))
                for c, k in keys
            ],
        )
    # A part is spread in proportion to its whole, so no commune's part exceeds its whole.
    spread(
        "tt_qp_thanh_nien",
        totals["tt_qp_thanh_nien"],
        keys,
        [result[key]["tt_qp_luot"] for key in keys],
    )
    chqs_keys = [(c.code, "chqs") for c in communes]
    chqs_totals = seed.COMMUNE_TOTALS_2020S1["chqs"]
    for code in ("dan_van_ngay_cong", "dan_van_qua_so"):
        spread(
            code,
            chqs_totals[code],
            chqs_keys,
            [Decimal("0.5") + _stable_fraction(period, c, code) for c, _k in chqs_keys],
        )
    spread(
        "dan_van_ngay_cong_dq",
        chqs_totals["dan_van_ngay_cong_dq"],
        chqs_keys,
        [result[key]["dan_van_ngay_cong"] for key in chqs_keys],
    )
    for key in chqs_keys:
        result[key]["dan_van_qua_moi_phan"] = seed.COMMUNE_GIFT_EACH_2020S1
    return result


def _status_plan(period: str, unit_code: str, kind: str) -> str | None:
    """Where each submission stands: all accepted before 2020S2, which is partly reported."""
    if period != "2020S2":
        return Status.ACCEPTED
    if unit_code == "698":
        return {
            "chqs": Status.SUBMITTED,
            "ccb": None,
            "ctd": None,
            "nd": Status.DRAFT,
            "pn": Status.SUBMITTED,
            "ldld": Status.RETURNED,
            "dtn": Status.ACCEPTED,
        }[kind]
    roll = _stable_fraction(period, unit_code, kind)
    if roll < Decimal("0.25"):
        return None
    if roll < Decimal("0.40"):
        return Status.DRAFT
    if roll < Decimal("0.75"):
        return Status.SUBMITTED
    return Status.ACCEPTED


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 0), tzinfo=VIETNAM)


def _create_submission(
    *,
    form: Form,
    org: Organisation,
    period: str,
    status: str,
    figures: dict[str, Decimal],
    narratives: dict[str, str],
    indicators: dict[str, Indicator],
    reporter: User | None,
    office: User | None,
    late: bool,
) -> Submission:
    due = deadline_of(form, period)
    submitted_day = due + dt.timedelta(days=4) if late else due - dt.timedelta(days=2)
    submission = Submission.objects.create(
        form=form, organisation=org, period=period, status=status
    )
    events = [
        Event(
            submission=submission,
            action=Event.Action.CREATED,
            actor=reporter,
            at=_at(submitted_day - dt.timedelta(days=6)),
        )
    ]
    if status in (Status.SUBMITTED, Status.ACCEPTED, Status.RETURNED):
        submission.submitted_at = _at(submitted_day)
        submission.submitted_by = reporter
        events.append(
            Event(
                submission=submission,
                action=Event.Action.SUBMITTED,
                actor=reporter,
                at=submission.submitted_at,
            )
        )
    if status in (Status.ACCEPTED, Status.RETURNED):
        submission.reviewed_at = _at(submitted_day + dt.timedelta(days=1), 14)
        submission.reviewed_by = office
        reason = ""
        if status == Status.RETURNED:
            reason = "Đề nghị bổ sung số lượt người dự tuyên truyền và thuyết minh rõ nội dung."
            submission.return_reason = reason
        events.append(
            Event(
                submission=submission,
                action=Event.Action.ACCEPTED
                if status == Status.ACCEPTED
                else Event.Action.RETURNED,
                actor=office,
                at=submission.reviewed_at,
                reason=reason,
            )
        )
    submission.save()
    Event.objects.bulk_create(events)
    section_codes = {s.code: s for s in form.sections.all()}
    allowed = {
        link.indicator.code for s in section_codes.values() for link in s.indicator_links.all()
    }
    FigureValue.objects.bulk_create(
        FigureValue(submission=submission, indicator=indicators[code], value=value)
        for code, value in figures.items()
        if code in allowed and not indicators[code].formula
    )
    Narrative.objects.bulk_create(
        Narrative(submission=submission, section=section_codes[code], text=text)
        for code, text in narratives.items()
        if code in section_codes
    )
    return submission


def _build_users(
    all_units: dict[str, Unit], orgs: dict[tuple[str, str], Organisation], summary: DemoSummary
) -> dict[str, User]:
    users = {}
    for persona in PERSONAS:
        user = User.objects.filter(username=persona.username).first()
        if user is None:
            user = User(username=persona.username, full_name=persona.full_name, role=persona.role)
            user.unit = all_units.get(persona.unit_code) if persona.unit_code else None
            user.organisation = orgs[persona.organisation] if persona.organisation else None
            user.is_staff = user.is_superuser = persona.role == Role.ADMIN
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.assigned_units.set([all_units[c] for c in persona.assigned])
            summary.created_users.append(persona.username)
        users[persona.username] = user
    return users


# 2020S2's entry window closed in 2020; the demo lets its reporters enter it today.
DEMO_EXTENDED_PERIOD = "2020S2"
DEMO_EXTENSION_CLOSES = dt.date(2027, 12, 31)
DEMO_EXTENSION_REASON = "Dữ liệu minh hoạ: cho phép nhập bổ sung kỳ 6 tháng cuối năm 2020."


def _extend_demo_window(office: User) -> None:
    """Open 2020S2 for entry on every form, so that the demo's reporters can try entry now."""
    for form in Form.objects.all():
        EntryWindow.objects.get_or_create(
            form=form,
            period=DEMO_EXTENDED_PERIOD,
            unit=office.unit,
            defaults={
                "closes_on": DEMO_EXTENSION_CLOSES,
                "reason": DEMO_EXTENSION_REASON,
                "created_by": office,
            },
        )


@transaction.atomic
def build_demo(*, log: Callable[[str], None] = lambda _m: None) -> DemoSummary:
    """Create whatever of the demo is missing; running it again changes nothing."""
    summary = DemoSummary()
    all_units = _build_units()
    load_catalogue_file(CATALOGUE)  # its rules name the district, so after the units
    orgs = _build_organisations(all_units)
    users = _build_users(all_units, orgs, summary)
    indicators = {i.code: i for i in Indicator.objects.select_related("part_of")}
    forms = Form.objects.prefetch_related(
        "organisation_kinds", "sections__indicator_links__indicator"
    )
    # The form each kind of organisation reports at each level.
    form_for = {
        (kind.code, level): form
        for form in forms
        for kind in form.organisation_kinds.all()
        for level in form.levels
    }
    products = list(
        ProductDeclaration.objects.values_list("count__code", "each__code", "total__code")
    )
    district = all_units["698"]
    communes = list(district.children.order_by("code"))
    kinds = [k.code for k in OrganisationKind.objects.order_by("order")]
    office = users["vanphong"]
    reporters = {("698", "ctd"): users["chuthapdo"], ("698", "nd"): users["nongdan"]}
    for period in PERIODS:
        p = Period.parse(period)
        next_label = p.next().label
        commune_figures = _commune_figures(period, communes, kinds)
        for unit in [district, *communes]:
            for kind in kinds:
                org = orgs[(unit.code, kind)]
                form = form_for[(kind, unit.level)]
                if Submission.objects.filter(form=form, organisation=org, period=period).exists():
                    continue
                status = _status_plan(period, unit.code, kind)
                if status is None:
                    continue
                if unit == district:
                    figures = _district_figures(kind, period, indicators, products)
                    texts = (
                        narratives.DISTRICT_2020S1[kind]
                        if period == "2020S1"
                        else narratives.district_narrative(kind, p.label, next_label)
                    )
                else:
                    figures = commune_figures[(unit.code, kind)]
                    texts = narratives.commune_narrative(kind, unit.full_name, p.label)
                # The seed admits reports come late: a few communes were late in 2020S1.
                late = unit != district and _stable_fraction(
                    "late", period, unit.code, kind
                ) < Decimal("0.12")
                _create_submission(
                    form=form,
                    org=org,
                    period=period,
                    status=status,
                    figures=figures,
                    narratives=texts,
                    indicators=indicators,
                    reporter=reporters.get((unit.code, kind)),
                    office=office,
                    late=late,
                )
                summary.created_submissions += 1
        log(f"Kỳ {p.label}: xong.")
    _extend_demo_window(office)
    build_programmes(orgs, office)
    build_committee(office)
    rebuild_rollups()  # figures above were bulk-inserted, which the rollup signals do not see
    return summary
