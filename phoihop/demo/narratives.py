"""Narrative texts of the demo's submissions, retold from the facts of the seed report.

The texts are data (data/narratives.yaml); this module picks the ones a period and an
organisation need and fills in the period's words.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import yaml

# Texts cite figures by placeholder: "{code}" is that indicator's value in the same submission,
# "{xa.code}" its sum over the communes' submissions of the period. Angle-bracket tokens such as
# "<period>" are filled in here, before a text leaves this module.

NARRATIVES = Path(__file__).resolve().parent / "data" / "narratives.yaml"


def _text(source: str) -> str:
    """A wrapped source block as a narrative: a paragraph's lines joined, paragraphs blank-lined."""
    blocks = re.split(r"\n\s*\n", source.strip())
    paragraphs = [" ".join(line.strip() for line in block.splitlines()) for block in blocks]
    return "\n\n".join(p for p in paragraphs if p)


def _fill(template: str, words: dict[str, str]) -> str:
    """Replace every "<name>" token of a template by its word."""
    return re.sub(r"<(\w+)>", lambda match: words[match.group(1)], template)


_DATA = yaml.safe_load(NARRATIVES.read_text(encoding="utf-8"))

SEED_PERIOD_LABEL: str = _DATA["seed_period_label"]
# The seed period, section by section, for each district organisation.
DISTRICT_2020S1: dict[str, dict[str, str]] = {
    kind: {section: _text(text) for section, text in sections.items()}
    for kind, sections in _DATA["seed_period"].items()
}


_CAN = ("Canh", "Tân", "Nhâm", "Quý", "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ")
_CHI = ("Thân", "Dậu", "Tuất", "Hợi", "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi")


def _lunar_year(year: int) -> str:
    """The sexagenary name of the lunar year that starts in this year: 2020 → "Canh Tý"."""
    return f"{_CAN[year % 10]} {_CHI[year % 12]}"


_COVID_YEARS = (2020, 2021)


def _parse_period(period_label: str) -> tuple[int, bool]:
    """The year of a half-year label and whether it is the first half."""
    match = re.search(r"\d{4}", period_label)
    return (int(match.group()) if match else 2020), "đầu" in period_label


def _period_words(period_label: str) -> dict[str, str]:
    """The words a text of this period needs: its year, Tết, anniversaries, laws."""
    year, first_half = _parse_period(period_label)
    covid = year in _COVID_YEARS
    # The 2019 laws and decree: Nghị định 03/2019 (9/2019), Luật Lực lượng DBĐV (11/2019).
    new_laws = (year, not first_half) >= (2019, True)
    words = {
        "period": period_label,
        "year": str(year),
        "prev_year": str(year - 1),
        "next_year": str(year + 1),
        "tet": _lunar_year(year),
        "next_tet": _lunar_year(year + 1),
        "dang": str(year - 1930),
        "mien_nam": str(year - 1975),
        "bac": str(year - 1890),
        "tbls": str(year - 1947),
        "quoc_khanh": str(year - 1945),
        "qdnd": str(year - 1944),
        "qptd": str(year - 1989),
        "dbdv_law": "Luật Lực lượng dự bị động viên"
        if new_laws
        else "Pháp lệnh về Lực lượng dự bị động viên",
        "decree": "Nghị định số 03/2019/NĐ-CP" if new_laws else "Nghị định số 77/2010/NĐ-CP",
        "covid_events": ", cùng các biện pháp phòng, chống dịch Covid-19" if covid else "",
    }
    if first_half:
        words |= {
            "events": f"ý nghĩa các ngày lễ lớn dịp mừng Đảng, mừng Xuân {words['tet']}",
            "anniversaries": (
                f"kỷ niệm {words['dang']} năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02), "
                f"{words['mien_nam']} năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4) "
                f"và {words['bac']} năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5)"
            ),
            "qp_focus": f"công tác tuyển chọn, gọi công dân nhập ngũ năm {year}",
            "qp_goal": f"góp phần hoàn thành chỉ tiêu giao quân năm {year} của địa phương",
            "event": f"dịp Tết Nguyên đán {words['tet']}",
            "works": (
                "phát quang đường liên thôn, quét dọn nhà văn hóa cộng đồng và khu bia tưởng niệm"
            ),
        }
    else:
        words |= {
            "events": (
                "ý nghĩa Ngày Thương binh - Liệt sĩ 27/7, Quốc khánh 2/9 và Ngày thành lập "
                "Quân đội nhân dân Việt Nam 22/12"
            ),
            "anniversaries": (
                f"kỷ niệm {words['tbls']} năm Ngày Thương binh - Liệt sĩ (27/7), "
                f"{words['quoc_khanh']} năm Cách mạng Tháng Tám và Quốc khánh (2/9), "
                f"{words['qdnd']} năm Ngày thành lập Quân đội nhân dân Việt Nam và "
                f"{words['qptd']} năm Ngày hội Quốc phòng toàn dân (22/12)"
            ),
            "qp_focus": (
                "việc đăng ký nghĩa vụ quân sự và sơ tuyển sức khỏe chuẩn bị cho tuyển quân "
                f"năm {year + 1}"
            ),
            "qp_goal": f"tạo nguồn vững chắc cho công tác tuyển quân năm {year + 1}",
            "event": "dịp kỷ niệm Ngày Thương binh - Liệt sĩ 27/7 và mùa mưa bão",
            "works": (
                "dọn vệ sinh nghĩa trang liệt sĩ, khu bia tưởng niệm, khơi thông cống rãnh và "
                "giúp dân khắc phục hậu quả mưa lũ"
            ),
        }
    # Events of the year that a report of that half would name besides the usual anniversaries.
    extra = {
        (2019, True): (
            "Chỉ thị 35-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại hội đại "
            "biểu toàn quốc lần thứ XIII của Đảng"
        ),
        (2019, False): (
            "50 năm thực hiện Di chúc của Chủ tịch Hồ Chí Minh và công tác chuẩn bị đại hội "
            "đảng bộ các cấp nhiệm kỳ 2020 - 2025"
        ),
        (2020, False): (
            "kết quả Đại hội đại biểu Đảng bộ tỉnh Bình Phước lần thứ XI, hướng tới Đại hội đại "
            "biểu toàn quốc lần thứ XIII của Đảng"
        ),
    }.get((year, first_half), "")
    words["extra"] = f"; tuyên truyền {extra}" if extra else ""
    return words


# --- communes ----------------------------------------------------------------------------

# kind: (name before the commune, short name, the people it reaches)
_COMMUNE_ORGANISATIONS: dict[str, list[str]] = _DATA["commune_organisations"]
_COMMUNE_INFORMATION = tuple(_text(text) for text in _DATA["commune_information"])
_COMMUNE_MOBILISATION = tuple(_text(text) for text in _DATA["commune_mobilisation"])


def _choose(variants: tuple[str, ...], *keys: str) -> str:
    """One of the variants, always the same for the same keys."""
    return variants[zlib.crc32("|".join(keys).encode()) % len(variants)]


def commune_narrative(kind: str, commune: str, period_label: str) -> dict[str, str]:
    """Section code -> narrative of a commune organisation's report for one period."""
    org, short, audience = _COMMUNE_ORGANISATIONS[kind]
    commune_kind = "thị trấn" if commune.startswith("thị trấn") else "xã"
    partner = f"06 đoàn thể {commune_kind}" if kind == "chqs" else f"Ban CHQS {commune_kind}"
    words = _period_words(period_label) | {
        "org": org,
        "short": short,
        "aud": audience,
        "place": commune,
        "partner": partner,
    }
    texts = {"tuyen_truyen": _choose(_COMMUNE_INFORMATION, commune, kind)}
    if kind == "chqs":
        texts["dan_van"] = _choose(_COMMUNE_MOBILISATION, commune, kind, "dan_van")
    return {section: _fill(text, words) for section, text in texts.items()}


# --- the district organisations in the other periods -------------------------------------


def district_narrative(kind: str, period_label: str, next_period_label: str) -> dict[str, str]:
    """Section code -> narrative of a district organisation's report for a half-year.

    The seed's half-year gets the texts retold from the seed report itself.
    """
    if period_label == SEED_PERIOD_LABEL:
        return dict(DISTRICT_2020S1[kind])
    year, first_half = _parse_period(period_label)
    covid = year in _COVID_YEARS
    words = _period_words(period_label) | {
        "next": next_period_label,
        "so_cuu_when": "trong dịp Tết và mùa lễ hội đầu năm"
        if first_half
        else "trên các tuyến giao thông trọng điểm",
        "hien_mau_when": "hưởng ứng Lễ hội Xuân hồng"
        if first_half
        else "hưởng ứng chương trình Hành trình Đỏ",
        "pn_day": "Ngày Quốc tế Phụ nữ 8/3"
        if first_half
        else f"{year - 1930} năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10)",
        "covid_when": " từ cuối tháng 7/2020" if (year, first_half) == (2020, False) else "",
        "livestock_disease": "bệnh Dịch tả lợn châu Phi"
        if year == 2019
        else "dịch bệnh trên đàn gia súc, gia cầm",
    }
    flags = {"first_half" if first_half else "second_half", "covid" if covid else "no_covid"}
    texts = {
        section: "\n\n".join(
            _text(paragraph["text"] if isinstance(paragraph, dict) else paragraph)
            for paragraph in paragraphs
            if not isinstance(paragraph, dict)
            or any(set(when.split()) <= flags for when in paragraph["when"])
        )
        for section, paragraphs in _DATA["district"][kind].items()
    }
    return {section: _fill(text, words) for section, text in texts.items() if text}
