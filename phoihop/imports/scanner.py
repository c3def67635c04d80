"""Finds the numbers of one paragraph and sorts them into candidate figures and rejections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from phoihop.imports.figures import Rejection
from phoihop.imports.patterns import (
    ACRONYM_BEFORE,
    ANNIVERSARY_AFTER,
    ANNIVERSARY_BEFORE,
    ATTENDANCE_BEFORE_RE,
    BODY_BEFORE,
    CHANGE_WORDS_RE,
    DATE_BEFORE,
    DATE_DASH_RE,
    DOCTRINE_AFTER,
    DOCUMENT_BEFORE,
    EACH_NOUN_BEFORE,
    FALLBACK_VERB_BEFORE,
    FORMATION_BEFORE,
    FUNCTION_WORDS,
    MONEY_BEFORE,
    ORDINAL_BEFORE,
    PLACE_BEFORE,
    QUALIFIER_RE,
    SCOPE_ACTIVITY_BEFORE,
    SLASH_AFTER_RE,
    TIME_AFTER,
    VERB_AFTER,
    WORD_RE,
    after_spaces,
)
from phoihop.imports.values import NUMBER_RE, read_quantity
from phoihop.imports.vocabulary import (
    EVENT,
    MONEY,
    PERCENT,
    SCOPE,
    Unit,
    fold,
    match_unit,
)


@dataclass(slots=True)
class Candidate:
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


class BlockScanner:
    """Finds the numbers of one paragraph and sorts them into candidates and rejections."""

    def __init__(self, text: str, block: int, scan_from: int) -> None:
        self.text = text
        self.lower = text.lower()
        self.block = block
        self.scan_from = scan_from
        self.candidates: list[Candidate] = []
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
        dash_date = DATE_DASH_RE.match(text, end)
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
        after = SLASH_AFTER_RE.match(text, end)
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
        unit = match_unit(text, after_spaces(text, tail))
        is_date = 1 <= first <= 31 and 1 <= second <= 12 and after.group(2) is None
        if (
            unit is not None
            and unit[0].family not in (MONEY, PERCENT)
            and (not is_date or not re.search(r"ngay\s*$", before))
            and after.group(2) is None
            and first <= second
        ):
            # "12/16 xã", "5/7 chi hội": so many out of so many
            candidate = Candidate(
                self.block,
                start,
                start,
                unit[1],
                Decimal(first),
                unit[0].name,
                text[after_spaces(text, tail) : unit[1]],
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
        qualifier_match = QUALIFIER_RE.search(before)
        if qualifier_match is not None:
            word = qualifier_match.group(1)
            ahead = before[: qualifier_match.start(1)]
            # "cao hơn 5%" states a difference, not an approximation
            if not (word == "hơn" and CHANGE_WORDS_RE.search(ahead)):
                qualifier = word
                start = window + qualifier_match.start(1)
        core = lower[window:start]  # the text before the qualifier
        unit_pos = after_spaces(text, end)
        unit = match_unit(text, unit_pos)
        percent_after = unit is not None and unit[0].family == PERCENT
        token = text[number_start:number_end]
        year_like = re.fullmatch(r"(?:19|20)\d{2}", token) is not None

        if DATE_BEFORE.search(core) and not percent_after:
            self.reject(number_start, end, "year" if year_like else "date")
            return
        if DOCUMENT_BEFORE.search(core) and not percent_after:
            self.reject(number_start, end, "document_number")
            return
        # "mỗi phần 300.000đ", "mỗi tổ 02 người": a value each, not "phần 2" or "tổ 5"
        each_noun = EACH_NOUN_BEFORE.search(core) is not None
        if ORDINAL_BEFORE.search(core) and not percent_after and not each_noun:
            self.reject(number_start, end, "ordinal")
            return
        place_unit = unit is None or unit[0].family == SCOPE
        if PLACE_BEFORE.search(core) and place_unit and not each_noun:
            self.reject(number_start, end, "unit_name")
            return
        if place_unit and FORMATION_BEFORE.search(core) and not each_noun:
            self.reject(number_start, end, "unit_name")
            return
        if unit is None and ACRONYM_BEFORE.search(text[window:start]):
            self.reject(number_start, end, "code")
            return
        if DOCTRINE_AFTER.match(lower, unit_pos) and (unit is None or unit[0].family == EVENT):
            # "2 nhiệm vụ chiến lược", "2 cuộc kháng chiến": set phrases of doctrine and history
            self.reject(number_start, self._word_end(unit_pos), "doctrine")
            return
        if unit is not None:
            self._add(start, number_start, value, unit[0], unit_pos, unit[1], qualifier, core)
            return
        if end < len(text) and text[end].isalpha():
            self.reject(self._word_start(number_start), self._word_end(end), "code")
            return
        time_word = TIME_AFTER.match(text, unit_pos)
        if time_word is not None:
            word = time_word.group(1).lower()
            reason = "duration"
            if word == "tuổi":
                reason = "age"
            elif word == "năm" and (
                ANNIVERSARY_AFTER.match(fold(text[time_word.end() : time_word.end() + 30]))
                or ANNIVERSARY_BEFORE.search(fold(core))
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
        if money_like or (value >= 1000 and MONEY_BEFORE.search(core)):
            # "62.640.000 ủng hộ": a large round amount with no unit is money in these reports
            self.candidates.append(
                Candidate(
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
        # A named thing is quoted and capitalised: 02 "Mái ấm Công đoàn".
        quoted = text[unit_pos : unit_pos + 1] in ('"', "“")
        word = WORD_RE.match(text, unit_pos + quoted)
        if (
            word is not None
            and FALLBACK_VERB_BEFORE.search(core)
            and (word.group().islower() or quoted)
            and word.group() not in FUNCTION_WORDS
            and not VERB_AFTER.match(text, word.start())
        ):
            # The noun is an open vocabulary: most are two syllables ("dự án", "giếng khoan").
            noun_end = word.end()
            second = (
                WORD_RE.match(text, noun_end + 1) if text[noun_end : noun_end + 1] == " " else None
            )
            if (
                second is not None
                and second.group().islower()
                and second.group() not in FUNCTION_WORDS
                and second.group().isalpha()
            ):
                noun_end = second.end()
            noun = text[word.start() : noun_end]
            self.candidates.append(
                Candidate(
                    self.block,
                    start,
                    number_start,
                    noun_end,
                    value,
                    noun,
                    noun,
                    noun_end,
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
        if not ATTENDANCE_BEFORE_RE.search(core):
            return False
        word = WORD_RE.match(self.text, unit_pos)
        if word is None:
            return False
        folded_word = fold(word.group())
        if not folded_word.startswith("lu") or _edit_distance(folded_word, "luot") > 2:
            return False
        self.candidates.append(
            Candidate(
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
            Candidate(
                self.block,
                start,
                number_start,
                unit_end,
                value * unit.multiplier,
                unit.name,
                self.text[unit_start:unit_end],
                unit_end,
                qualifier=qualifier,
                body_before=unit.family == SCOPE and BODY_BEFORE.search(fold(core)) is not None,
                activity_before=unit.family == SCOPE
                and SCOPE_ACTIVITY_BEFORE.search(core) is not None,
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
