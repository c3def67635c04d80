"""Words of Vietnamese review reports: units of count, organisations, accent folding."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

__all__ = [
    "MONEY",
    "PERCENT",
    "UNITS",
    "Unit",
    "families_compatible",
    "fold",
    "match_unit",
    "organisation_kinds",
    "unit_family",
]

MONEY = "money"
PERCENT = "percent"
PEOPLE = "people"
EVENT = "event"
SCOPE = "scope"


def _fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", char)[0]
    return base.lower() if len(base.lower()) == 1 else char


# One character in, one character out: a folded text keeps every offset of its original, so a
# match found accent-insensitively can be reported as a span of the text the user wrote.
_FOLD_TABLE = {code: _fold_char(chr(code)) for code in range(0xC0, 0x1F00)}
_FOLD_TABLE.update({ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})


def fold(text: str) -> str:
    """Lower-case text without accents, of the same length: "Đồn Biên phòng" -> "don bien phong"."""
    return text.translate(_FOLD_TABLE)


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of count as it may be written, what it normalises to, and its family."""

    written: str
    name: str
    family: str
    multiplier: Decimal = Decimal(1)


def _units(family: str, names: str) -> list[Unit]:
    """Units written as they are named, given as one '|'-separated string."""
    return [Unit(name, name, family) for name in names.split("|")]


def _aliases(family: str, name: str, *written: str) -> list[Unit]:
    return [Unit(form, name, family) for form in written]


# The vocabulary of these reports, not of one report: what mass organisations count.
UNITS: list[Unit] = [
    *_aliases(MONEY, "đồng", "đồng", "đ", "vnđ", "vnd"),
    Unit("trđ", "đồng", MONEY, Decimal(10) ** 6),
    Unit("tr.đ", "đồng", MONEY, Decimal(10) ** 6),
    Unit("tr đồng", "đồng", MONEY, Decimal(10) ** 6),
    Unit("%", "%", PERCENT),
    Unit("phần trăm", "%", PERCENT),
    *_units(
        PEOPLE,
        "lượt người|lượt|người|thanh niên|đoàn viên|hội viên|cán bộ|chiến sĩ|đồng chí|"
        "tân binh|quân nhân|công dân|học sinh|sinh viên|học viên|em|cháu|chị|mẹ|cụ|"
        "đối tượng|trường hợp|ca|bệnh nhân|thương binh|liệt sĩ|đồng bào|lao động|"
        "công nhân|đại biểu|tình nguyện viên|nạn nhân|thí sinh|vận động viên|đội viên|"
        "thiếu nhi|dân quân|trẻ em|người dân|gương|đảng viên|điển hình|cá nhân|y bác sĩ|"
        "bác sĩ|nhân khẩu",
    ),
    *_aliases(PEOPLE, "chiến sĩ", "chiến sỹ"),
    *_aliases(PEOPLE, "liệt sĩ", "liệt sỹ"),
    *_units("household", "hộ|gia đình"),
    *_units(
        EVENT,
        "cuộc|buổi|đợt|lớp|hội nghị|hội thi|hội thao|chuyến|lần|phiên|trận|chương trình|"
        "hoạt động|hội diễn|giải|đêm|cuộc thi|hội trại|hội thảo|tọa đàm|diễn đàn|"
        "buổi lễ|lễ|chuyên đề|giải đấu",
    ),
    *_units("labour", "ngày công|giờ công"),
    # Hours measure an activity ("phát thanh 120 giờ"); days, months and years name a period.
    *_units("time", "giờ|phút"),
    *_units("blood", "đơn vị máu"),
    *_units(
        "gift",
        "phần quà|suất quà|suất|phần|túi quà|thùng|bao|thẻ bảo hiểm y tế|thẻ|"
        "sổ tiết kiệm|sổ|học bổng|xe đạp|chiếc|bộ|cuốn|quyển",
    ),
    *_aliases("gift", "suất", "xuất"),
    *_aliases("gift", "suất quà", "xuất quà"),
    *_units(
        "building",
        "căn nhà|ngôi nhà|căn|nhà|công trình|cây cầu|cầu|giếng|bếp|phòng học|"
        "nhà văn hóa|nhà tình nghĩa|nhà tình thương|nhà đại đoàn kết",
    ),
    *_aliases("building", "nhà văn hóa", "nhà văn hoá"),
    *_units(
        "media",
        "tờ rơi|tờ gấp|tờ|băng rôn|khẩu hiệu|pa nô|áp phích|tin bài|tin|bài|phóng sự|"
        "bản tin|lá cờ|cờ|ảnh|video|clip",
    ),
    *_aliases("media", "băng rôn", "băng-rôn", "băng zôn"),
    *_aliases("media", "pa nô", "pano", "pa-nô"),
    *_units(
        "group",
        "tổ|nhóm|đội|đoàn|câu lạc bộ|mô hình|chi hội|chi đoàn|tổ hội|cơ sở|điểm|chốt|"
        "đồn|trạm|đơn vị",
    ),
    *_aliases("group", "câu lạc bộ", "clb"),
    *_units(
        "measure",
        "km|m|mét|m2|m²|m3|ha|tấn|kg|tạ|lít|cây|con|liều|chiếc khẩu trang|khẩu trang",
    ),
    # Administrative and organisational units: usually the scope of the report, sometimes an
    # activity ("kiểm tra 5 xã"); the extractor decides which from repetition and position.
    *_units(
        SCOPE,
        "xã|thị trấn|phường|huyện|thị xã|tỉnh|thôn|ấp|khu phố|bản|buôn|sóc|tổ dân phố|"
        "đoàn thể|ban ngành|ngành|cơ quan|cụm|tổ chức chính trị - xã hội|tổ chức",
    ),
]

# Longest forms first, so that "lượt người" wins over "lượt" and "đồng chí" over "đồng".
_BY_LENGTH = sorted(UNITS, key=lambda unit: len(unit.written), reverse=True)
_UNIT_RE = re.compile(
    "(?:" + "|".join(re.escape(unit.written) for unit in _BY_LENGTH) + r")(?!\w)",
    re.IGNORECASE,
)
_UNIT_BY_FORM = {unit.written.lower(): unit for unit in _BY_LENGTH}
_FAMILY_BY_NAME = {unit.name: unit.family for unit in UNITS}
# Families that may be added together or hold one another (98 ca = 28 ca + 90 người).
_FAMILY_GROUPS = [{PEOPLE, "household"}]


def match_unit(text: str, pos: int) -> tuple[Unit, int] | None:
    """The unit written at text[pos:] and its end; it must end where a word ends."""
    match = _UNIT_RE.match(text, pos)
    if match is None:
        return None
    return _UNIT_BY_FORM[match.group().lower()], match.end()


def unit_family(name: str | None) -> str | None:
    """The family of a normalised unit ("ca" -> "people"), or None for an unknown unit."""
    if name is None:
        return None
    return _FAMILY_BY_NAME.get(name)


def families_compatible(first: str | None, second: str | None) -> bool:
    """Whether figures in these units may be parts of one another."""
    if first == second:
        return True
    family_a, family_b = unit_family(first), unit_family(second)
    if family_a is None or family_b is None:
        return False
    if family_a == family_b:
        return True
    return any(family_a in group and family_b in group for group in _FAMILY_GROUPS)


# Folded patterns, so "Hội Chữ thập đỏ", "CTĐ" and "Hoi chu thap do" all match.
_ORGANISATIONS: list[tuple[str, re.Pattern[str]]] = [
    ("ccb", re.compile(r"\bcuu chien binh\b|\bccb\b")),
    ("ctd", re.compile(r"\bchu thap do\b|\bctd\b")),
    ("nd", re.compile(r"\bhoi nong dan\b|\bhoi nd\b|\bhnd\b")),
    ("pn", re.compile(r"\blhpn\b|\bhoi phu nu\b|\blien hiep phu nu\b|\bhoi lh phu nu\b")),
    ("ldld", re.compile(r"\blien doan lao dong\b|\bldld\b|\bcong doan\b")),
    (
        "dtn",
        re.compile(
            r"\bdoan tncs\b|\bdoan thanh nien\b|\b(?:huyen|tinh|thanh|thi|quan) doan\b"
            r"|\bdtn\b|\bdoan tn\b|\bcap bo doan\b|\bco so doan\b|\bto chuc doan\b"
            r"|\bdoan (?:tinh|huyen|xa|phuong|thi tran|thanh pho)\b"
        ),
    ),
    (
        "chqs",
        re.compile(
            r"\bb?chqs\b|\bchi huy quan su\b|\bcht quan su\b|\bco quan quan su\b"
            r"|\bban chi huy phong thu khu vuc\b"
        ),
    ),
]


def organisation_kinds(text: str) -> list[str]:
    """Kinds of organisation named in the text, in order of first mention."""
    folded = fold(text)
    found: list[tuple[int, str]] = []
    for kind, pattern in _ORGANISATIONS:
        match = pattern.search(folded)
        if match is not None:
            found.append((match.start(), kind))
    return [kind for _, kind in sorted(found)]
