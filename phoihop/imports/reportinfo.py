"""The period, the area and the date of signing of a report, from its title and opening."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from phoihop.imports.textsource import TextBlock
from phoihop.imports.vocabulary import fold

__all__ = ["ReportingUnit", "find_issue_date", "find_period", "find_reporting_unit"]


@dataclass(frozen=True, slots=True)
class ReportingUnit:
    """The area the report is about: level ("huyện", "xã", "tỉnh"...), name and province."""

    level: str
    name: str | None
    province: str | None


_LEVELS = ("thị xã", "thành phố", "thị trấn", "huyện", "quận", "phường", "xã", "tỉnh")
_LEVEL_RE = re.compile(r"(?<!\w)(" + "|".join(_LEVELS) + r")(?!\w)", re.IGNORECASE)
# One space between the words of a name; a wider gap is another column of a header.
_NAME_TOKEN_RE = re.compile(r"[ \u00a0]([^\s,.;:()\"“”/]+)")
_COMMITTEE_RE = re.compile(r"\s+(?:ủy|uỷ|đoàn)(?!\w)", re.IGNORECASE)
_NOT_NAMES = frozenset({"Huyện", "Tỉnh", "Xã", "Ủy", "Uỷ", "UBND", "Ban", "Hội", "Đảng"})
_ISSUED_RE = re.compile(
    r"([^\W\d_][^,\d]{1,40}),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
    re.IGNORECASE,
)
_PERIOD_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?:6|sau) thang dau nam\s*(\d{4})|nua dau nam\s*(\d{4})"), "S1"),
    (re.compile(r"(?:6|sau) thang cuoi nam\s*(\d{4})|nua cuoi nam\s*(\d{4})"), "S2"),
    (re.compile(r"\bquy\s+(i{1,3}|iv|[1-4])\s*(?:nam|/|-)\s*(\d{4})"), "Q"),
    (re.compile(r"(?:9|chin) thang (?:dau )?nam\s*(\d{4})"), "9M"),
    (re.compile(r"(?<!ngay )(?<!\d )\bthang\s+(\d{1,2})\s*(?:nam|/|-)\s*(\d{4})"), "M"),
]
_YEAR_PERIOD_RE = re.compile(r"\bnam\s+(\d{4})\b(?!\s*-\s*\d)")
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _opening(blocks: Sequence[TextBlock]) -> list[str]:
    """The title and the first paragraphs, up to the first numbered section."""
    opening: list[str] = []
    for block in blocks[:40]:
        if re.match(r"^\s*(?:[IVX]{1,4}|\d{1,2})\s*[.)]\s", block.text):
            break
        opening.append(block.text)
    return opening


def find_period(blocks: Sequence[TextBlock]) -> tuple[str | None, str | None]:
    """The period id of the report and the words that name it, from its title and opening."""
    opening = "\n".join(_opening(blocks))
    folded = fold(opening)
    found: list[tuple[int, str | None, str]] = []
    for pattern, kind in _PERIOD_PATTERNS:
        match = pattern.search(folded)
        if match is None:
            continue
        text = opening[match.start() : match.end()]
        if kind in ("S1", "S2"):
            year = match.group(1) or match.group(2)
            found.append((match.start(), f"{year}{kind}", text))
        elif kind == "Q":
            found.append((match.start(), f"{match.group(2)}Q{_QUARTERS[match.group(1)]}", text))
        elif kind == "9M":
            found.append((match.start(), None, text))  # nine months has no period id
        elif 1 <= int(match.group(1)) <= 12:
            found.append((match.start(), f"{match.group(2)}{int(match.group(1)):02d}", text))
    if found:
        _, period, text = min(found)
        return period, text
    for match in _YEAR_PERIOD_RE.finditer(folded):
        ahead = folded[max(0, match.start() - 20) : match.start()]
        if re.search(r"ngay \d{1,2} thang \d{1,2}\s*$", ahead):
            continue  # the date of signing, not the period
        return match.group(1), opening[match.start() : match.end()]
    return None, None


def _names_after_level(text: str) -> list[tuple[str, str]]:
    """("huyện", "Bù Đăng") pairs written in the text, capitalised names only."""
    pairs: list[tuple[str, str]] = []
    for match in _LEVEL_RE.finditer(text):
        level = match.group(1)
        caps_line = level.isupper()
        if not caps_line and not level[0].islower():
            continue  # "Huyện uỷ" and sentence starts name no place
        if _COMMITTEE_RE.match(text, match.end()):
            continue  # "HUYỆN ỦY CON CUÔNG" is the party committee, "Huyện đoàn" the youth union
        tokens: list[str] = []
        pos = match.end()
        while len(tokens) < 4:
            token = _NAME_TOKEN_RE.match(text, pos)
            if token is None:
                break
            word = token.group(1)
            if caps_line:
                if not word.isupper() or not word.isalpha():
                    break
                word = word.capitalize()
            elif (
                not word[0].isupper()
                or (word.isupper() and len(word) > 1)
                or word in _NOT_NAMES
                or not word.replace("-", "").isalpha()
            ):
                break
            tokens.append(word)
            pos = token.end()
        if tokens:
            pairs.append((level.lower(), " ".join(tokens)))
    return pairs


def find_reporting_unit(blocks: Sequence[TextBlock]) -> ReportingUnit | None:
    """The area the report covers: its level from the opening, its name wherever it is written."""
    opening = "\n".join(_opening(blocks))
    levels = Counter(match.group(1).lower() for match in _LEVEL_RE.finditer(opening))
    if not levels:
        return None
    level = levels.most_common(1)[0][0]
    everything: list[tuple[str, str]] = []  # the whole text's pairs, read once if needed

    def written_everywhere() -> list[tuple[str, str]]:
        if not everything:
            everything.extend(_names_after_level("\n".join(block.text for block in blocks)))
        return everything

    name = next((n for lvl, n in _names_after_level(opening) if lvl == level), None)
    if name is None:
        names = Counter(n for lvl, n in written_everywhere() if lvl == level)
        name = names.most_common(1)[0][0] if names else None
    if name is None:
        issued = _ISSUED_RE.search(opening)
        name = issued.group(1).strip() if issued else None
    province = None
    if level != "tỉnh":
        provinces = Counter(n for lvl, n in written_everywhere() if lvl == "tỉnh")
        province = provinces.most_common(1)[0][0] if provinces else None
    return ReportingUnit(level, name, province)


def find_issue_date(blocks: Sequence[TextBlock]) -> date | None:
    """The date of signing from "Bù Đăng, ngày 15 tháng 6 năm 2020"."""
    for text in _opening(blocks):
        match = _ISSUED_RE.search(text)
        if match is not None:
            try:
                return date(int(match.group(4)), int(match.group(3)), int(match.group(2)))
            except ValueError:
                return None
    return None
