"""Figures of activity out of Vietnamese review reports: value, unit, place, section and links."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from phoihop.imports.outline import Outline, organisation_of
from phoihop.imports.reportinfo import (
    ReportingUnit,
    find_issue_date,
    find_period,
    find_reporting_unit,
)
from phoihop.imports.textsource import (
    TableCell,
    TextBlock,
    TextSourceError,
    blocks_from_text,
    read_blocks,
)
from phoihop.imports.values import NUMBER_RE, read_quantity
from phoihop.imports.vocabulary import (
    EVENT,
    MONEY,
    PERCENT,
    SCOPE,
    Unit,
    families_compatible,
    fold,
    match_unit,
    organisation_kinds,
    unit_family,
)

__all__ = [
    "REJECTION_REASONS",
    "ExtractionResult",
    "Figure",
    "Rejection",
    "ReportingUnit",
    "extract_blocks",
    "extract_file",
    "extract_text",
    "find_period",
    "main",
]

COUNT, AMOUNT, RATE, EACH, TOTAL = "count", "amount", "rate", "each", "total"

REJECTION_REASONS = tuple(
    "date year duration age anniversary document_number ordinal section_number unit_name code "
    "scope background doctrine no_unit unreadable".split()
)


@dataclass(slots=True)
class Figure:
    """One figure of activity as the report states it, and where it stands."""

    id: int
    text: str  # paragraphs[paragraph][start:end]: qualifier, number and unit as written
    value: Decimal
    unit: str | None  # normalised: "đồng", "%", "lượt người", "suất"
    unit_text: str | None  # as written: "đ", "xuất", "lực"; None when the unit is inferred
    noun_phrase: str  # the unit and what it counts: "lượt cán bộ hội viên và nhân dân dự nghe"
    paragraph: int
    start: int
    end: int
    section: str | None
    section_title: str | None
    organisation: str | None  # chqs, ccb, ctd, nd, pn, ldld, dtn
    role: str = COUNT  # count, amount (money), rate (%), each (value of one), total
    unit_inferred: bool = False
    approximate: bool = False
    qualifier: str | None = None  # gần, hơn, trên, khoảng, ...
    linked_to: int | None = None  # the count an attendance, a value each or a total belongs to
    part_of: int | None = None  # the whole that "trong đó" breaks down
    marker: str | None = None  # the words that set role or link: "mỗi", "trị giá", "với"
    out_of: Decimal | None = None  # "12/16 xã": 16
    comparison: str | None = None  # "cùng kỳ", "kế hoạch", "dân số"
    change: str | None = None  # "tăng", "giảm", "vượt"
    planned: bool = False  # stated in the plan (phương hướng) part: a target, not a result
    sentence: str = ""
    sentence_start: int = 0
    cell: TableCell | None = None
    note: str | None = None

    @property
    def family(self) -> str | None:
        return unit_family(self.unit)


@dataclass(frozen=True, slots=True)
class Rejection:
    """A number that is not a figure of activity, and why (one of REJECTION_REASONS)."""

    text: str
    paragraph: int
    start: int
    end: int
    reason: str


@dataclass(slots=True)
class ExtractionResult:
    """Everything read out of one report."""

    source: str | None
    paragraphs: list[str]
    period: str | None  # "2020S1", "2020", "2021Q1", "202003"
    period_text: str | None
    reporting_unit: ReportingUnit | None
    issued_on: date | None
    figures: list[Figure] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    checks: list = field(default_factory=list)  # list[checks.CheckResult]

    @property
    def problems(self) -> list:
        """The arithmetic checks that failed."""
        return [check for check in self.checks if not check.ok]

    def in_section(self, section: str) -> list[Figure]:
        return [figure for figure in self.figures if figure.section == section]

    def to_dict(self, *, include_paragraphs: bool = False, include_rejected: bool = False) -> dict:
        data = {
            "source": self.source,
            "period": self.period,
            "period_text": self.period_text,
            "reporting_unit": asdict(self.reporting_unit) if self.reporting_unit else None,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "figures": [_jsonable(asdict(figure)) for figure in self.figures],
            "checks": [_jsonable(asdict(check)) for check in self.checks],
        }
        if include_rejected:
            data["rejected"] = [asdict(rejection) for rejection in self.rejected]
        if include_paragraphs:
            data["paragraphs"] = self.paragraphs
        return data

    def to_json(self, *, indent: int | None = 2, **options: bool) -> str:
        return json.dumps(self.to_dict(**options), ensure_ascii=False, indent=indent)


def _jsonable(data: object) -> object:
    if isinstance(data, dict):
        return {key: _jsonable(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_jsonable(value) for value in data]
    if isinstance(data, Decimal):
        return str(data)
    return data


# --- the words around a number --------------------------------------------------------------
# The patterns read the lower-cased text; the few on folded text (no accents) say so, for
# words whose accents these reports often get wrong.


def _words_before(phrases: str) -> re.Pattern[str]:
    """A pattern for text that ends with one of the '|'-separated phrases (and maybe ':')."""
    return re.compile(r"(?:^|[^\w])(?:" + phrases + r")\s*:?\s*$")


_QUALIFIER_RE = re.compile(
    r"(?:^|[^\w])(gần|hơn|trên|khoảng|ước tính|ước đạt|ước|xấp xỉ|chừng|dưới|ít nhất|tối thiểu"
    r"|tối đa)\s+$",
    re.IGNORECASE,
)
_CHANGE_WORDS_RE = re.compile(r"(?:^|[^\w])(cao|nhiều|tăng|thấp|ít|giảm)\s+$", re.IGNORECASE)
_CHANGE_RE = re.compile(
    r"(?:^|[^\w])(tăng|giảm|vượt)(?:\s+(?:thêm|lên|xuống|được|so với cùng kỳ))?\s*$",
    re.IGNORECASE,
)
_DATE_BEFORE = _words_before(
    "ngày|tháng|năm|quý|tuần|khóa|khoá|nhiệm kỳ|giai đoạn|niên khóa|niên khoá|niên độ|năm học"
)
_ORDINAL_BEFORE = _words_before("thứ|lần thứ|đợt|lần|phần|bài|câu|mục|chương|điểm|tiết|tập|kỳ|vòng")
_DOCUMENT_BEFORE = _words_before(
    "số|chỉ thị|nghị định|nghị quyết|quyết định|thông tư|công văn|kế hoạch|hướng dẫn|"
    "kết luận|quy định|thông báo|luật|pháp lệnh|văn bản|tờ trình|báo cáo|đề án|"
    "chương trình|điều|khoản|ct|nq|nqtw|qđ|kh|cv|hd|hđ|tb|bc|kl|ctr|tw"
)
# Place and unit names: accent-sensitive, since "bản" (hamlet) is not "bán" (to sell).
_PLACE_BEFORE = re.compile(
    r"(?:^|[^\w])(?:thôn|ấp|xóm|bản|buôn|sóc|khu phố|tổ dân phố|khu|phường|quận|đường|quốc lộ"
    r"|tỉnh lộ|hương lộ|km|lô|số nhà|phòng|lớp|khối|hẻm|kiệt|ngõ|trạm|tổ|đội|cụm)\s*$",
    re.IGNORECASE,
)
_FORMATION_BEFORE = re.compile(
    r"(?:^|[^\w])(?:trung đội|đại đội|tiểu đoàn|trung đoàn|sư đoàn|lữ đoàn|quân đoàn|quân khu"
    r"|binh đoàn|hải đội|hải đoàn|đội|đồn|chốt|trạm)(?:\s+[^\W\d]+){0,3}\s*$",
    re.IGNORECASE,
)
_EACH_NOUN_BEFORE = re.compile(r"(?:^|[^\w])(?:mỗi|từng)\s+\w+(?:\s+trị giá)?\s*$", re.IGNORECASE)
# "Ban CHQS 16 xã", "Ban CHQS với 06 đoàn thể": the count belongs to a body, it is its scope.
_BODY_BEFORE = re.compile(
    r"(?:^|[^\w])(?:ban chqs|ban chi huy quan su|ban dieu phoi|ban chi dao|ubnd"
    r"|uy ban nhan dan|dang uy|dang bo|hdnd|mttq|bcd|chqs)"
    r"(?:\s+(?:huyen|xa|tinh|phuong))?(?:\s+(?:va|voi|cung))?\s*$"
)
# "kiểm tra 7 tổ dân phố" is an activity even when 7 is also the size of the ward.
_SCOPE_ACTIVITY_BEFORE = re.compile(
    r"(?:^|[^\w])(?:kiểm tra|khảo sát|giám sát|thăm|hỗ trợ|giúp đỡ|tặng quà|tập huấn cho)\s*$",
    re.IGNORECASE,
)
_ACRONYM_BEFORE = re.compile(r"(?:^|[^\w])([A-ZĐ]{2,}[A-ZĐ0-9]*)\s*$")
_ANNIVERSARY_BEFORE = re.compile(r"ky niem\s*$|ky niem\s+\S+\s*$")
_ANNIVERSARY_AFTER = re.compile(
    r"\s*(?:ngay|thanh lap|truyen thong|chien thang|giai phong|sinh|ky niem|hoat dong)\b"
)
_TIME_AFTER = re.compile(
    r"(năm|tháng|ngày|tuần|quý|tuổi|thế kỷ|thập kỷ|thập niên)(?!\w)", re.IGNORECASE
)
_DOCTRINE_AFTER = re.compile(
    r"(?:nhiệm vụ chiến lược|nhiệm vụ trọng tâm|cuộc kháng chiến|cuộc chiến tranh"
    r"|cuộc cách mạng|khâu đột phá|đột phá|nhóm giải pháp|giải pháp|quan điểm|trụ cột|tại chỗ"
    r"|không|xây|chống|tốt|sạch|có|nguyên tắc|phương châm|mục tiêu)(?!\w)"
)
_EVENT_LINK_RE = re.compile(
    r"^[^.;]{0,200}?(?:với|có|thu hút(?: được)?|cho|gồm)\s*$", re.IGNORECASE
)
_ATTENDANCE_BEFORE_RE = re.compile(
    r"(?:cuộc|buổi|đợt|lớp|hội nghị)[^.;]{0,40}?(?:với|có|thu hút)\s*$", re.IGNORECASE
)
_MONEY_BEFORE = re.compile(
    r"(?:trị giá|số tiền|kinh phí|ủng hộ|hỗ trợ|tổng cộng|thành tiền|quyên góp|tặng|trao)"
    r"\s*(?:là|được|:)?\s*$",
    re.IGNORECASE,
)
_FALLBACK_VERB_BEFORE = re.compile(
    r"(?:^|[^\w])(?:tặng|trao|thăm|hỗ trợ|giúp|giúp đỡ|cấp|phát|tổ chức|xây dựng|sửa chữa"
    r"|kết nạp|phát triển|tiếp nhận|được|thành lập|ra mắt|duy trì|tuyên dương|khen thưởng"
    r"|biểu dương|trồng|xây mới|bàn giao|quyên góp)\s*$",
    re.IGNORECASE,
)
_FUNCTION_WORDS = frozenset(
    "của và các những cho với tại trong để từ đến là thì mà được có đã sẽ này đó theo về trên "
    "dưới như nhằm ở vào ra lên xuống khi nên do bởi hoặc hay cùng".split()
)
_EACH_BEFORE = re.compile(
    r"(?:(?:mỗi|bình quân|trung bình)(?:\s+[^\W\d]+){0,2}\s*(?:trị giá|là|được|khoảng|:)?"
    r"|trị giá mỗi(?:\s+[^\W\d]+){0,2})\s*$",
    re.IGNORECASE,
)
_PER_UNIT_AFTER = re.compile(r"\s*/\s*(?:1\s+|01\s+|một\s+)?([^\W\d][^\W\d]*(?:\s[^\W\d]+)?)")
_STRONG_TOTAL_MARKERS = re.compile(r"trị giá|với (?:tổng )?số tiền|tổng trị giá", re.IGNORECASE)
_TOTAL_AFTER_EACH = re.compile(
    r"^[^;]{0,30}?(=|tổng cộng|tổng số tiền|tổng trị giá|thành tiền|tổng số|tổng)\s*(?:là|:)?\s*$",
    re.IGNORECASE,
)
_SPENDING_MARKERS = re.compile(r"kinh phí|chi cho|chi phí", re.IGNORECASE)
_COMPARISON_AFTER = re.compile(
    r"\s*(?:\(|,)?\s*(?:so\s+với|so)\s+([^\W\d][^,.;:()]{0,40}?)(?=$|[,.;:()]|\s+(?:và|của)\s)",
    re.IGNORECASE,
)
_PLAN_BASE_AFTER = re.compile(r"\s*(kế hoạch|chỉ tiêu)(?!\w)", re.IGNORECASE)
_NOUN_STOP_RE = re.compile(
    r"(?:năm|với|có|trị giá|mỗi|bằng|tổng|trong đó|được|là|đạt|so với|tại|trên|ở|nhằm|để"
    r"|góp phần|bình quân|tăng|giảm|=)(?!\w)",
    re.IGNORECASE,
)
_RANGE_GAP_RE = re.compile(r"\s*(?:đến|tới|-|–)\s*", re.IGNORECASE)
_RANGE_FROM_RE = re.compile(r"(?:^|[^\w])từ\s*$", re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")
_SENTENCE_END_RE = re.compile(r"[.;!?…](?=\s|$)|\n")
_DATE_DASH_RE = re.compile(r"[-.](\d{1,2})[-.]((?:19|20)\d{2})(?!\d)")
_SLASH_AFTER_RE = re.compile(r"/(\d{1,4})(?:/(\d{1,4}))?")
_SPACES_RE = re.compile(r"[ \t\u00a0]*")
_WORD_RE = re.compile(r"[^\W\d_][^\s,.;:()/\"“”]*")


@dataclass(slots=True)
class _Candidate:
    """A number that passed the word tests, before scope and relations are decided."""

    block: int
    start: int
    number_start: int
    end: int
    value: Decimal
    unit: str | None
    unit_text: str | None
    unit_end: int
    unit_inferred: bool = False
    qualifier: str | None = None
    out_of: Decimal | None = None
    body_before: bool = False
    activity_before: bool = False
    note: str | None = None


class _BlockScanner:
    """Finds the numbers of one paragraph and sorts them into candidates and rejections."""

    def __init__(self, text: str, block: int, scan_from: int) -> None:
        self.text = text
        self.lower = text.lower()
        self.block = block
        self.scan_from = scan_from
        self.candidates: list[_Candidate] = []
        self.rejected: list[Rejection] = []
        self._skip_until = scan_from

    def reject(self, start: int, end: int, reason: str) -> None:
        self.rejected.append(Rejection(self.text[start:end], self.block, start, end, reason))
        self._skip_until = max(self._skip_until, end)

    def scan(self) -> None:
        for match in NUMBER_RE.finditer(self.text, self.scan_from):
            if match.start() < self._skip_until:
                continue
            self._number(match.start(), match.end())

    def _word_end(self, pos: int) -> int:
        while pos < len(self.text) and (self.text[pos].isalnum() or self.text[pos] in "-_"):
            pos += 1
        return pos

    def _word_start(self, pos: int) -> int:
        while pos > 0 and (self.text[pos - 1].isalnum() or self.text[pos - 1] in "-_"):
            pos -= 1
        return pos

    def _number(self, start: int, end: int) -> None:
        text = self.text
        previous = text[start - 1] if start else ""
        following = text[end] if end < len(text) else ""
        if previous == "/":
            return  # the second half of a date, a fraction, or "500.000đ/1 phần quà"
        if (
            previous.isalnum()
            or previous == "_"
            or (previous in "-–" and start >= 2 and text[start - 2].isalpha())
        ):
            # "b290", "TW8", "Kh50b", "Covid-19": a number inside a name or a code
            self.reject(self._word_start(start), self._word_end(end), "code")
            return
        if following == "/":
            self._slash(start, end)
            return
        token = text[start:end]
        if re.fullmatch(r"\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}", token):
            self.reject(start, end, "date")
            return
        dash_date = _DATE_DASH_RE.match(text, end)
        if following == "-" and dash_date and int(token) <= 31:
            self.reject(start, dash_date.end(), "date")
            return
        quantity = read_quantity(text, start)
        if quantity is None:
            self.reject(start, end, "unreadable")
            return
        self._quantity(start, end, quantity.value, quantity.end, quantity.scaled)

    def _slash(self, start: int, end: int) -> None:
        text = self.text
        after = _SLASH_AFTER_RE.match(text, end)
        if after is None:
            # "số 12/BC-BCĐ": a document number
            self.reject(start, self._word_end(end + 1), "document_number")
            return
        tail = after.end()
        if tail < len(text) and (text[tail] == "/" or text[tail].isalpha()):
            self.reject(start, self._word_end(tail + 1), "document_number")
            return
        first, second = int(text[start:end]), int(after.group(1))
        before = fold(text[max(0, start - 20) : start])
        unit = match_unit(text, _SPACES_RE.match(text, tail).end())
        is_date = 1 <= first <= 31 and 1 <= second <= 12 and after.group(2) is None
        if (
            unit is not None
            and unit[0].family not in (MONEY, PERCENT)
            and (not is_date or not re.search(r"ngay\s*$", before))
            and after.group(2) is None
            and first <= second
        ):
            # "12/16 xã", "5/7 chi hội": so many out of so many
            candidate = _Candidate(
                self.block,
                start,
                start,
                unit[1],
                Decimal(first),
                unit[0].name,
                text[_SPACES_RE.match(text, tail).end() : unit[1]],
                unit[1],
                out_of=Decimal(second),
            )
            self.candidates.append(candidate)
            self._skip_until = unit[1]
            return
        if (1 <= first <= 31 and 1 <= second <= 12) or after.group(2) is not None:
            self.reject(start, tail, "date")
            return
        self.reject(start, tail, "no_unit")

    def _quantity(
        self, number_start: int, number_end: int, value: Decimal, end: int, scaled: bool
    ) -> None:
        text, lower = self.text, self.lower
        window = max(0, number_start - 80)
        before = lower[window:number_start]
        qualifier = None
        start = number_start
        qualifier_match = _QUALIFIER_RE.search(before)
        if qualifier_match is not None:
            word = qualifier_match.group(1)
            ahead = before[: qualifier_match.start(1)]
            # "cao hơn 5%" states a difference, not an approximation
            if not (word == "hơn" and _CHANGE_WORDS_RE.search(ahead)):
                qualifier = word
                start = window + qualifier_match.start(1)
        core = lower[window:start]  # the text before the qualifier
        unit_pos = _SPACES_RE.match(text, end).end()
        unit = match_unit(text, unit_pos)
        percent_after = unit is not None and unit[0].family == PERCENT
        token = text[number_start:number_end]
        year_like = re.fullmatch(r"(?:19|20)\d{2}", token) is not None

        if _DATE_BEFORE.search(core) and not percent_after:
            self.reject(number_start, end, "year" if year_like else "date")
            return
        if _DOCUMENT_BEFORE.search(core) and not percent_after:
            self.reject(number_start, end, "document_number")
            return
        # "mỗi phần 300.000đ", "mỗi tổ 02 người": a value each, not "phần 2" or "tổ 5"
        each_noun = _EACH_NOUN_BEFORE.search(core) is not None
        if _ORDINAL_BEFORE.search(core) and not percent_after and not each_noun:
            self.reject(number_start, end, "ordinal")
            return
        place_unit = unit is None or unit[0].family == SCOPE
        if _PLACE_BEFORE.search(core) and place_unit and not each_noun:
            self.reject(number_start, end, "unit_name")
            return
        if place_unit and _FORMATION_BEFORE.search(core) and not each_noun:
            self.reject(number_start, end, "unit_name")
            return
        if unit is None and _ACRONYM_BEFORE.search(text[window:start]):
            self.reject(number_start, end, "code")
            return
        if _DOCTRINE_AFTER.match(lower, unit_pos) and (unit is None or unit[0].family == EVENT):
            # "2 nhiệm vụ chiến lược", "2 cuộc kháng chiến": set phrases of doctrine and history
            self.reject(number_start, self._word_end(unit_pos), "doctrine")
            return
        if unit is not None:
            self._add(start, number_start, value, unit[0], unit_pos, unit[1], qualifier, core)
            return
        if end < len(text) and text[end].isalpha():
            self.reject(self._word_start(number_start), self._word_end(end), "code")
            return
        time_word = _TIME_AFTER.match(text, unit_pos)
        if time_word is not None:
            word = time_word.group(1).lower()
            reason = "duration"
            if word == "tuổi":
                reason = "age"
            elif word == "năm" and (
                _ANNIVERSARY_AFTER.match(fold(text[time_word.end() : time_word.end() + 30]))
                or _ANNIVERSARY_BEFORE.search(fold(core))
            ):
                reason = "anniversary"
            self.reject(number_start, time_word.end(), reason)
            return
        if year_like:
            self.reject(number_start, end, "year")
            return
        if self._typo_attendance(start, number_start, value, unit_pos, qualifier, core):
            return
        money_like = value >= 10_000 and value % 1000 == 0 and ("." in token or scaled)
        if money_like or (value >= 1000 and _MONEY_BEFORE.search(core)):
            # "62.640.000 ủng hộ": a large round amount with no unit is money in these reports
            self.candidates.append(
                _Candidate(
                    self.block,
                    start,
                    number_start,
                    end,
                    value,
                    "đồng",
                    None,
                    end,
                    unit_inferred=True,
                    qualifier=qualifier,
                    note="đơn vị «đồng» suy ra từ độ lớn của số",
                )
            )
            return
        word = _WORD_RE.match(text, unit_pos)
        if (
            word is not None
            and _FALLBACK_VERB_BEFORE.search(core)
            and word.group().islower()
            and word.group() not in _FUNCTION_WORDS
        ):
            self.candidates.append(
                _Candidate(
                    self.block,
                    start,
                    number_start,
                    word.end(),
                    value,
                    word.group(),
                    word.group(),
                    word.end(),
                    qualifier=qualifier,
                    note="đơn vị chưa có trong từ điển",
                )
            )
            return
        self.reject(number_start, end, "no_unit")

    def _typo_attendance(
        self,
        start: int,
        number_start: int,
        value: Decimal,
        unit_pos: int,
        qualifier: str | None,
        core: str,
    ) -> bool:
        # "214 cuộc với 11.154 lực cán bộ": after "N cuộc với" the next count is always the
        # attendance in lượt, so a near miss of "lượt" there is a typo of it.
        if not _ATTENDANCE_BEFORE_RE.search(core):
            return False
        word = _WORD_RE.match(self.text, unit_pos)
        if word is None:
            return False
        folded_word = fold(word.group())
        if not folded_word.startswith("lu") or _edit_distance(folded_word, "luot") > 2:
            return False
        self.candidates.append(
            _Candidate(
                self.block,
                start,
                number_start,
                word.end(),
                value,
                "lượt",
                word.group(),
                word.end(),
                qualifier=qualifier,
                note=f"đơn vị viết «{word.group()}», hiểu là «lượt» (lỗi gõ)",
            )
        )
        return True

    def _add(
        self,
        start: int,
        number_start: int,
        value: Decimal,
        unit: Unit,
        unit_start: int,
        unit_end: int,
        qualifier: str | None,
        core: str,
    ) -> None:
        self.candidates.append(
            _Candidate(
                self.block,
                start,
                number_start,
                unit_end,
                value * unit.multiplier,
                unit.name,
                self.text[unit_start:unit_end],
                unit_end,
                qualifier=qualifier,
                body_before=unit.family == SCOPE and _BODY_BEFORE.search(fold(core)) is not None,
                activity_before=unit.family == SCOPE
                and _SCOPE_ACTIVITY_BEFORE.search(core) is not None,
            )
        )
        self._skip_until = unit_end


def _edit_distance(first: str, second: str) -> int:
    previous = list(range(len(second) + 1))
    for i, char_a in enumerate(first, 1):
        current = [i]
        for j, char_b in enumerate(second, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


# --- relations between the figures of one paragraph --------------------------------------------


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def _noun_phrase(text: str, unit_text: str | None, from_pos: int) -> str:
    words: list[str] = [unit_text] if unit_text else []
    pos = from_pos
    while len(words) < 12:
        space = _SPACES_RE.match(text, pos)
        pos = space.end()
        if _NOUN_STOP_RE.match(text, pos):
            break
        word = _WORD_RE.match(text, pos)
        if word is None:
            break
        words.append(word.group().rstrip("-"))
        pos = word.end()
    while len(words) > 1 and words[-1].lower() in _FUNCTION_WORDS:
        words.pop()  # "17 phần quà cho 17 đồng chí": the phrase is "phần quà"
    return " ".join(words).strip()


def _link_block(figures: list[Figure], text: str) -> None:
    """Set roles and links among the figures of one paragraph, in reading order."""
    lower = text.lower()
    bounds = _sentence_bounds(text)

    def sentence_of(figure: Figure) -> int:
        return next(i for i, (s, e) in enumerate(bounds) if s <= figure.start < e or e == len(text))

    sentence_ids = [sentence_of(figure) for figure in figures]
    for index, figure in enumerate(figures):
        same = [
            other
            for other, sid in zip(figures[:index], sentence_ids[:index], strict=True)
            if sid == sentence_ids[index]
        ]
        sentence_start = bounds[sentence_ids[index]][0]
        counts = [o for o in same if o.family not in (MONEY, PERCENT) and o.role != EACH]
        previous = same[-1] if same else None
        gap_start = previous.end if previous else sentence_start
        gap = lower[gap_start : figure.start]
        per_unit = _PER_UNIT_AFTER.match(text, figure.end)

        if figure.family == PERCENT:
            figure.role = RATE
        if (
            previous is not None
            and previous.unit == figure.unit
            and _RANGE_GAP_RE.fullmatch(gap)
            and _RANGE_FROM_RE.search(lower[max(0, previous.start - 6) : previous.start])
        ):
            # "trị giá mỗi phần từ 300.000 đồng đến 500.000 đồng": the upper end of a range
            figure.role, figure.linked_to, figure.marker = previous.role, previous.linked_to, "đến"
            figure.note = f"cận trên của khoảng từ «{previous.text}»"
            continue
        each_match = _EACH_BEFORE.search(gap)
        if each_match or (per_unit and figure.family == MONEY):
            figure.role = EACH
            figure.marker = each_match.group().strip() if each_match else per_unit.group().strip()
            if each_match is None:
                noun = per_unit.group(1).split()[0]
            else:
                named = re.search(r"(?:mỗi|từng)\s+([^\W\d]+)", each_match.group())
                noun = named.group(1) if named else ""
            figure.linked_to = _each_target(counts, noun)
        elif figure.family == MONEY:
            figure.role = AMOUNT
            total_after_each = _TOTAL_AFTER_EACH.search(gap)
            if previous is not None and previous.role == EACH and total_after_each:
                figure.role, figure.marker = TOTAL, total_after_each.group()
                figure.linked_to = previous.linked_to
            elif counts:
                count = counts[-1]
                between = lower[count.end : figure.start]
                strong = _STRONG_TOTAL_MARKERS.search(between)
                if (
                    ";" not in between
                    and not _SPENDING_MARKERS.search(between)
                    and (strong or "," not in between)
                ):
                    figure.role, figure.linked_to = TOTAL, count.id
                    figure.marker = strong.group() if strong else None
        elif figure.role == COUNT and previous is not None and previous.family == EVENT:
            between = lower[previous.end : figure.start]
            link = _EVENT_LINK_RE.match(between)
            if link and len(between.split()) <= 25 and figure.family != EVENT:
                figure.linked_to = previous.id
                figure.marker = between.split()[-1] if between.split() else None

        # "trong đó": the figures after it are parts of the figure before it
        cut = lower.rfind("trong đó", sentence_start, figure.start)
        if cut >= 0 and figure.role != EACH:
            closing = lower.find(")", cut, figure.start)
            opened = lower[max(sentence_start, cut - 2) : cut].strip() == "("
            if not (opened and closing >= 0):
                wholes = [
                    other
                    for other in same
                    if other.end <= cut
                    and other.role != EACH
                    and families_compatible(other.unit, figure.unit)
                ]
                if wholes:
                    figure.part_of = wholes[-1].id


def _each_target(counts: list[Figure], noun: str) -> int | None:
    if not counts:
        return None
    # "mỗi phần" belongs to the "phần quà", not to the "đồng chí" who received them
    if noun:
        for count in reversed(counts):
            if fold(count.unit or "").split()[:1] == [fold(noun)]:
                return count.id
    return counts[-1].id


def _decorate(figure: Figure, text: str) -> None:
    """Comparison base and direction of change: "tăng 12,5% so với cùng kỳ"."""
    after = text[figure.end : figure.end + 60]
    comparison = _COMPARISON_AFTER.match(after)
    if comparison is not None:
        figure.comparison = comparison.group(1).strip()
    else:
        base = _PLAN_BASE_AFTER.match(after)
        if base is not None:
            figure.comparison = base.group(1).lower()
    change = _CHANGE_RE.search(text[max(0, figure.start - 30) : figure.start])
    if change is not None:
        figure.change = change.group(1).lower()
    elif figure.qualifier is None:
        words = _CHANGE_WORDS_RE.search(text[max(0, figure.start - 30) : figure.start])
        if words is not None and text[figure.start - 4 : figure.start].strip() == "hơn":
            figure.change = "tăng" if words.group(1).lower() in ("cao", "nhiều", "tăng") else "giảm"


# --- public entry points --------------------------------------------------------------------


def _table_header_unit(header: str) -> tuple[Unit, Decimal] | None:
    """The unit a table column is counted in: "Số cuộc", "Kinh phí (triệu đồng)", "Tỷ lệ (%)"."""
    for match in re.finditer(r"(?<!\w)(?=[^\W\d_]|%)", header):
        found = match_unit(header, match.start())
        if found is not None:
            scale = re.search(r"(nghìn|ngàn|triệu|tỷ)\s*$", header[: match.start()].lower())
            multiplier = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9}.get(
                scale.group(1) if scale else "", 1
            )
            return found[0], Decimal(multiplier)
    return None


def extract_blocks(
    blocks: Sequence[TextBlock], *, source: str | None = None, run_checks: bool = True
) -> ExtractionResult:
    """Extract the figures of a report given as blocks (paragraphs and table cells)."""
    outline = Outline()
    candidates: list[_Candidate] = []
    rejected: list[Rejection] = []
    places: dict[int, tuple[str | None, str | None, str | None, bool, bool]] = {}
    headers: dict[tuple[int, int], str] = {}
    subjects: dict[int, list[tuple[int, str | None]]] = {}
    row_labels: dict[tuple[int, int], str] = {}
    for index, block in enumerate(blocks):
        scan_from = 0
        if block.cell is None:
            heading = outline.advance(block.text)
            if heading is not None:
                scan_from = heading.body_start
                rejected.append(
                    Rejection(
                        heading.number,
                        index,
                        heading.number_start,
                        heading.number_end,
                        "section_number",
                    )
                )
            organisation = outline.organisation
            lead = Outline.lead_organisation(block.text[scan_from:]) if heading is None else None
            organisation = lead or organisation
        else:
            cell = block.cell
            if cell.row == 0:
                headers[(cell.table, cell.column)] = block.text
            if (cell.table, cell.row) not in row_labels and re.search(r"[^\W\d_]", block.text):
                row_labels[(cell.table, cell.row)] = block.text  # the first cell with words
            label = row_labels.get((cell.table, cell.row), "")
            organisation = Outline.lead_organisation(label + ":") or outline.organisation
        places[index] = (
            outline.section,
            outline.section_title,
            organisation,
            outline.planned,
            outline.background,
        )
        if not _DIGIT_RE.search(block.text, scan_from):
            continue  # most paragraphs of a review state no figure at all
        scanner = _BlockScanner(block.text, index, scan_from)
        scanner.scan()
        if block.cell is not None and block.cell.row > 0:
            _column_units(block, scanner, headers)
        if scanner.candidates and block.cell is None and organisation == outline.organisation:
            subjects[index] = _sentence_subjects(block.text, scan_from)
        candidates.extend(scanner.candidates)
        rejected.extend(scanner.rejected)

    # Counts of the area's own communes or organisations ("Ban CHQS 16 xã", "06 đoàn thể")
    # recur through a report; an activity on communes ("kiểm tra 5 xã") is told once.
    scope_counts = Counter((c.value, c.unit) for c in candidates if unit_family(c.unit) == SCOPE)
    figures: list[Figure] = []
    for candidate in candidates:
        text = blocks[candidate.block].text
        section, title, organisation, planned, background = places[candidate.block]
        is_scope = unit_family(candidate.unit) == SCOPE and (
            candidate.body_before
            or (
                scope_counts[(candidate.value, candidate.unit)] > 1
                and not candidate.activity_before
            )
        )
        if is_scope or background:
            reason = "scope" if is_scope else "background"
            span = text[candidate.start : candidate.end]
            rejected.append(
                Rejection(span, candidate.block, candidate.start, candidate.end, reason)
            )
            continue
        subject = None
        for sentence_start, found in subjects.get(candidate.block, []):
            if sentence_start > candidate.start:
                break
            subject = found
        organisation = subject or organisation
        cell = blocks[candidate.block].cell
        noun = _noun_phrase(text, candidate.unit_text, candidate.unit_end)
        if cell is not None and cell.row > 0 and candidate.note and "cột" in candidate.note:
            noun = " ".join(part for part in (row_labels.get((cell.table, cell.row)), noun) if part)
        figures.append(
            Figure(
                id=len(figures),
                text=text[candidate.start : candidate.end],
                value=candidate.value,
                unit=candidate.unit,
                unit_text=candidate.unit_text,
                noun_phrase=noun,
                paragraph=candidate.block,
                start=candidate.start,
                end=candidate.end,
                section=section,
                section_title=title,
                organisation=organisation,
                unit_inferred=candidate.unit_inferred,
                approximate=candidate.qualifier is not None,
                qualifier=candidate.qualifier,
                out_of=candidate.out_of,
                planned=planned,
                cell=cell,
                note=candidate.note,
            )
        )
    by_block: dict[int, list[Figure]] = {}
    for figure in figures:
        by_block.setdefault(figure.paragraph, []).append(figure)
    for block_index, block_figures in by_block.items():
        text = blocks[block_index].text
        if blocks[block_index].cell is None:
            _link_block(block_figures, text)
        bounds = _sentence_bounds(text)
        for figure in block_figures:
            if figure.family == PERCENT and figure.role == COUNT:
                figure.role = RATE
            elif figure.family == MONEY and figure.role == COUNT:
                figure.role = AMOUNT
            _decorate(figure, text)
            start, end = next((s, e) for s, e in bounds if s <= figure.start < e or e == len(text))
            stripped = len(text[start:end]) - len(text[start:end].lstrip())
            figure.sentence_start = start + stripped
            figure.sentence = text[start:end].strip()
    _link_table_rows(figures)
    rejected.sort(key=lambda r: (r.paragraph, r.start))
    paragraphs = [block.text for block in blocks]
    period, period_text = find_period(blocks)
    result = ExtractionResult(
        source=source,
        paragraphs=paragraphs,
        period=period,
        period_text=period_text,
        reporting_unit=find_reporting_unit(blocks),
        issued_on=find_issue_date(blocks),
        figures=figures,
        rejected=rejected,
    )
    if run_checks:
        from phoihop.imports.checks import run_checks as check_all  # checks imports Figure

        result.checks = check_all(result.figures)
    return result


_SUBJECT_WINDOW = 60
_COLLECTIVE_RE = re.compile(r"đoàn thể|các tổ chức|các ngành|các ban", re.IGNORECASE)


def _sentence_subjects(text: str, scan_from: int) -> list[tuple[int, str | None]]:
    """Where a sentence opens with an organisation, it is that organisation's figure.

    "Hội Nông dân vận động hội viên đóng góp 4.350.000đồng" is the farmers' union's figure even
    in a section about the command; "Ban CHQS và 06 đoàn thể" speaks for all and names no one.
    """
    found: list[tuple[int, str | None]] = []
    for start, _ in _sentence_bounds(text):
        start = max(start, scan_from)
        opening = re.sub(r"^[\s\-+•–*]+", "", text[start : start + _SUBJECT_WINDOW])
        head = re.split(r"[,;:]", opening, maxsplit=1)[0]
        kinds = organisation_kinds(head)
        # "Ban CHQS xã phối hợp Đoàn Thanh niên ...": the one who leads is the subject;
        # "Ban CHQS và Hội Nông dân huyện ..." is the programme with the farmers' union.
        lead_verb = re.search(r"phối hợp|chủ trì|chỉ đạo|vận động", head, re.IGNORECASE)
        organisation = kinds[0] if kinds and lead_verb else organisation_of(head)
        if lead_verb and kinds and not organisation_kinds(head[: lead_verb.start()]):
            organisation = None  # "Phối hợp Hội CTĐ tỉnh tổ chức ...": the CTĐ is the partner
        if organisation is not None and not _COLLECTIVE_RE.search(head):
            found.append((start, organisation))
        else:
            found.append((start, None))
    return found


def _column_units(
    block: TextBlock, scanner: _BlockScanner, headers: dict[tuple[int, int], str]
) -> None:
    """A bare number in a table cell takes the unit of its column heading."""
    cell = block.cell
    assert cell is not None
    header = headers.get((cell.table, cell.column))
    stripped = block.text.strip()
    if header is None or not NUMBER_RE.fullmatch(stripped):
        return
    found = _table_header_unit(header)
    if found is None:
        return
    unit, multiplier = found
    start = block.text.index(stripped)
    quantity = read_quantity(block.text, start)
    if quantity is None:
        return
    scanner.rejected = [r for r in scanner.rejected if r.start != start]
    scanner.candidates = [c for c in scanner.candidates if c.number_start != start]
    scanner.candidates.append(
        _Candidate(
            scanner.block,
            start,
            start,
            quantity.end,
            quantity.value * multiplier * unit.multiplier,
            unit.name,
            None,
            quantity.end,
            note=f"đơn vị theo tiêu đề cột «{header.strip()}»",
        )
    )


def _link_table_rows(figures: list[Figure]) -> None:
    """In a table row, "Số lượt" after "Số cuộc" is the attendance of those sessions."""
    last_event: dict[tuple[int, int], Figure] = {}
    for figure in figures:
        if figure.cell is None:
            continue
        row = (figure.cell.table, figure.cell.row)
        if figure.family == EVENT:
            last_event[row] = figure
        elif row in last_event and figure.family not in (MONEY, PERCENT):
            figure.linked_to = last_event[row].id


def extract_text(
    text: str, *, source: str | None = None, run_checks: bool = True
) -> ExtractionResult:
    """Extract the figures of a plain-text report (one paragraph per line)."""
    return extract_blocks(blocks_from_text(text), source=source, run_checks=run_checks)


def extract_file(path: str | Path, *, run_checks: bool = True) -> ExtractionResult:
    """Extract the figures of a .docx, .pdf or .txt report."""
    return extract_blocks(read_blocks(path), source=str(path), run_checks=run_checks)


# --- command line ---------------------------------------------------------------------------


def _describe(figure: Figure) -> str:
    links = []
    if figure.linked_to is not None:
        links.append(f"→#{figure.linked_to}")
    if figure.part_of is not None:
        links.append(f"⊂#{figure.part_of}")
    return (
        f"#{figure.id:<3} {figure.section or '-':<7} {figure.organisation or '-':<5} "
        f"{figure.role:<6} {str(figure.value):>14} {figure.unit or '?':<12} "
        f"{' '.join(links):<10} «{figure.text}» {figure.noun_phrase}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures of a report: `python -m phoihop.imports.extractor report.docx`."""
    parser = argparse.ArgumentParser(description="Đọc số liệu từ báo cáo sơ kết, tổng kết.")
    parser.add_argument("path", help="tệp .docx, .pdf hoặc .txt")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.add_argument("--rejected", action="store_true", help="in cả các số bị loại")
    options = parser.parse_args(argv)
    try:
        result = extract_file(options.path)
    except TextSourceError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 2
    if options.json:
        print(result.to_json(include_rejected=options.rejected))
        return 0
    unit = result.reporting_unit
    print(f"Kỳ báo cáo: {result.period or '?'} ({result.period_text or 'không rõ'})")
    if unit is not None:
        province = f", tỉnh {unit.province}" if unit.province else ""
        print(f"Đơn vị: {unit.level} {unit.name or '?'}{province}")
    print(f"{len(result.figures)} số liệu:")
    for figure in result.figures:
        print("  " + _describe(figure))
    if options.rejected:
        print(f"{len(result.rejected)} số bị loại:")
        for rejection in result.rejected:
            print(f"  đoạn {rejection.paragraph}: «{rejection.text}» ({rejection.reason})")
    print(f"Kiểm tra số học: {len(result.checks)}, sai: {len(result.problems)}")
    for check in result.checks:
        print(f"  [{'đúng' if check.ok else 'SAI'}] {check.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
