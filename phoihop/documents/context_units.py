"""The review report's units and header: which units a period's report covers, how it names
them, and the header a unit's report starts from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from phoihop.core.periods import CUTOFF_15, Period
from phoihop.places.models import Level, Unit, UnitKind

DISTRICT_BODY = "BAN CHỈ ĐẠO VẬN ĐỘNG QUẦN CHÚNG LIÊN NGÀNH"
COMMUNE_BODY = "BAN ĐIỀU PHỐI LIÊN NGÀNH VẬN ĐỘNG QUẦN CHÚNG"


@dataclass(frozen=True)
class HeaderFields:
    """What the office confirms before generating: header, signature and recipients."""

    issuing_body: str
    parent_body: str
    number: str
    place: str
    signer: str
    title: str
    on_behalf: str
    recipients: list[str] = field(default_factory=list)
    signed_note: str = ""


# ----- units ------------------------------------------------------------------------------


def reference_day(period: Period) -> dt.date:
    """The day whose units a period's report uses: the last day of the period's data."""
    return period.end_date(CUTOFF_15)


def children_in_period(unit: Unit, period: Period) -> list[Unit]:
    """The unit's children as they were during the period (the hierarchy changes over time)."""
    return list(unit.children.valid_on(reference_day(period)).order_by("code"))


def level_word(unit: Unit) -> str:
    """How a report names its own level: "huyện", "xã", "thị trấn", "tỉnh"."""
    if unit.kind == UnitKind.PROVINCIAL_CITY:
        return "thành phố"
    if unit.kind == UnitKind.CITY:
        return "thành phố"
    return unit.kind_label


def is_reportable(unit: Unit) -> bool:
    """Reports exist for provinces, districts and communes."""
    return unit.level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)


def command_name(unit: Unit, *, short: bool = True) -> str:
    """The military command of a unit's level: "Bộ CHQS" of a province, "Ban CHQS" below."""
    if unit.level == Level.PROVINCE:
        return "Bộ CHQS" if short else "Bộ Chỉ huy Quân sự"
    return "Ban CHQS" if short else "Ban chỉ huy Quân sự"


def lower_units_word(units: list[Unit]) -> str:
    """How a province report names its districts: "các huyện", or all three kinds."""
    if all(u.kind == UnitKind.DISTRICT for u in units):
        return "các huyện"
    return "các huyện, thị xã, thành phố"


# ----- header defaults ----------------------------------------------------------------------


def default_header(unit: Unit) -> HeaderFields:
    """The header a unit's report gets before the office changes anything."""
    word = level_word(unit)
    parent_body = f"UBND {word} {unit.name}".upper()
    if unit.level == Level.COMMUNE:
        return HeaderFields(
            issuing_body=COMMUNE_BODY,
            parent_body=parent_body,
            number="      /BC-BĐP",
            place=unit.name,
            signer="",
            title="TRƯỞNG BAN",
            on_behalf="TM. BAN ĐIỀU PHỐI",
            recipients=[
                "BCĐ VĐQC liên ngành huyện",
                "Ban CHQS huyện",
                f"Đảng ủy, UBND {word}",
                f"06 đoàn thể {word}",
                "Lưu: VT",
            ],
        )
    if unit.level == Level.PROVINCE:
        return HeaderFields(
            issuing_body=DISTRICT_BODY,
            parent_body=parent_body,
            number="      /BC-BCĐ",
            place=unit.name,
            signer="",
            title="TRƯỞNG BAN",
            on_behalf="TM. BAN CHỈ ĐẠO",
            recipients=[
                "Cục Dân vận/Tổng cục Chính trị",
                "Ban Dân vận Tỉnh ủy",
                "06 đoàn thể tỉnh",
                "BCĐ VĐQC liên ngành các huyện, thị xã, thành phố",
                "Lưu: VT",
            ],
        )
    return HeaderFields(
        issuing_body=DISTRICT_BODY,
        parent_body=parent_body,
        number="      /BC-BCĐ",
        place=unit.name,
        signer="",
        title="TRƯỞNG BAN",
        on_behalf="TM. BAN CHỈ ĐẠO",
        recipients=[
            "BCĐ tỉnh",
            "Phòng Chính trị/Bộ CHQS tỉnh",
            f"Ban Dân vận {word.capitalize()} ủy",
            f"06 đoàn thể {word}",
            "Lưu: VT",
        ],
    )
