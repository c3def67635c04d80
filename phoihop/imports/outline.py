"""Headings of a review report: section numbers, the organisation each section is about, plans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from phoihop.imports.vocabulary import fold, organisation_kinds

__all__ = ["Heading", "Outline", "organisation_of", "parse_heading"]

_UPPER_START = r"(?=[\"“'(«]?[^\W\d_])"
_PART_RE = re.compile(r"^\s*phan\s+(?:thu\s+)?(nhat|hai|ba|tu|i{1,3}|iv|[1-4])\b", re.IGNORECASE)
_ROMAN_RE = re.compile(r"^(\s*)([IVX]{1,5})\s*[.)/-]\s*" + _UPPER_START)
_ARABIC_RE = re.compile(r"^(\s*)(\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]\s*" + _UPPER_START)
# "3.2 Phối hợp ..." without the closing dot is still a heading when it has two levels.
_ARABIC_BARE_RE = re.compile(r"^(\s*)(\d{1,2}(?:\.\d{1,2}){1,3})\s+" + _UPPER_START)
_LETTER_RE = re.compile(r"^(\s*)([a-zđ])\s*[.)]\s+" + _UPPER_START)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_PART_NUMBERS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4}
_PLAN_RE = re.compile(
    r"phuong huong|^\W*nhiem vu\b|nhiem vu (?:trong tam )?(?:6 thang cuoi|nam \d{4}|thoi gian toi"
    r"|quy|nhung thang)"
)
_RESULT_RE = re.compile(r"ket qua|danh gia|tinh hinh")
# What the area is like (population, villages) is background to a review, not its activity.
_BACKGROUND_RE = re.compile(r"dac diem|tinh hinh chung|tinh hinh (?:dia phuong|dia ban|chung)")
_LEAD_ORG_RE = re.compile(r"^\s*(?:[-+•–*]\s*)?([^:.;]{3,70}):")


def _roman_value(numeral: str) -> int | None:
    total, previous = 0, 0
    for char in reversed(numeral):
        value = _ROMAN_VALUES[char]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total if 1 <= total <= 20 else None


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading at the start of a paragraph; `body_start` is where its text begins."""

    level: str  # "part", "roman", "arabic", "letter"
    number: str
    title: str
    number_start: int
    number_end: int
    body_start: int


def parse_heading(text: str) -> Heading | None:
    """The heading a paragraph starts with: "II. KẾT QUẢ", "3.2. Phối hợp ...", "a. Nguyên nhân"."""
    part = _PART_RE.match(fold(text[:40]))
    if part is not None:
        number = str(_PART_NUMBERS.get(part.group(1).lower(), part.group(1)))
        return Heading("part", number, text.strip(), 0, part.end(), part.end())
    for level, pattern in (
        ("roman", _ROMAN_RE),
        ("arabic", _ARABIC_RE),
        ("arabic", _ARABIC_BARE_RE),
        ("letter", _LETTER_RE),
    ):
        match = pattern.match(text)
        if match is None:
            continue
        number = match.group(2)
        if level == "roman" and _roman_value(number) is None:
            continue
        body_start = match.end()
        rest = text[body_start:]
        # "3.7. Ban CHQS huyện: Trong 6 tháng ..." carries its first paragraph after the colon.
        colon = rest.find(":")
        title = rest[:colon] if 0 < colon <= 120 and rest[colon + 1 :].strip() else rest
        title = title.strip().rstrip(".").strip()
        return Heading(level, number, title, match.start(2), match.end(2), body_start)
    return None


def organisation_of(text: str) -> str | None:
    """The organisation a heading or a lead-in is about; in "Ban CHQS với Hội CTĐ" it is the CTĐ."""
    kinds = organisation_kinds(text)
    if not kinds:
        return None
    # Every programme is the command *with* an organisation: the partner names the section.
    others = [kind for kind in kinds if kind != "chqs"]
    return others[0] if others else kinds[0]


def _is_caps_title(text: str) -> bool:
    return len(text) >= 8 and text.isupper()


class Outline:
    """Follows the headings of a report, paragraph by paragraph."""

    def __init__(self) -> None:
        self.part: int | None = None
        self.roman: str | None = None
        self.top: int | None = None
        self.sub: str | None = None
        self.letter: str | None = None
        self.titles: dict[str, str] = {}
        self.organisations: dict[str, str | None] = {}
        self.planned = False
        self._background_titles: tuple[str, ...] = ()
        self._background = False

    @property
    def section(self) -> str | None:
        """The section as reports and seed-figures.yaml name it: "II.1", "3.2", "III", "IV.3.a"."""
        base: str | None
        if self.sub is not None:
            base = self.sub
        elif self.top is not None:
            base = f"{self.roman}.{self.top}" if self.roman else str(self.top)
        else:
            base = self.roman
        if self.letter is not None:
            return f"{base}.{self.letter}" if base else self.letter
        return base

    @property
    def section_title(self) -> str | None:
        for level in ("letter", "sub", "top", "roman", "part"):
            if level in self.titles:
                return self.titles[level]
        return None

    @property
    def background(self) -> bool:
        """Whether the current section describes the area rather than what was done."""
        titles = tuple(self.titles.values())
        if titles != self._background_titles:
            self._background_titles = titles
            self._background = any(_BACKGROUND_RE.search(fold(title)) for title in titles)
        return self._background

    @property
    def organisation(self) -> str | None:
        for level in ("letter", "sub", "top", "roman"):
            if self.organisations.get(level):
                return self.organisations[level]
        return None

    def _clear_below(self, level: str) -> None:
        order = ["part", "roman", "top", "sub", "letter"]
        for deeper in order[order.index(level) + 1 :]:
            setattr(self, deeper, None)
            self.titles.pop(deeper, None)
            self.organisations.pop(deeper, None)

    def _set(self, level: str, title: str) -> None:
        self._clear_below(level)
        self.titles[level] = title
        self.organisations[level] = organisation_of(title)

    def _note_plan(self, title: str) -> None:
        folded = fold(title)
        if _PLAN_RE.search(folded):
            self.planned = True
        elif _RESULT_RE.search(folded):
            self.planned = False

    def advance(self, text: str) -> Heading | None:
        """Take in a paragraph; return its heading when it opens a section."""
        heading = parse_heading(text)
        if heading is None:
            if _is_caps_title(text):
                self._note_plan(text)
            return None
        accepted = self._accept(heading)
        if accepted:
            self._note_plan(heading.title)
        return heading if accepted else None

    def _accept(self, heading: Heading) -> bool:
        if heading.level == "part":
            self.part = int(heading.number) if heading.number.isdigit() else None
            self.roman = None
            self._set("part", heading.title)
            return True
        if heading.level == "roman":
            self.roman = heading.number
            self._set("roman", heading.title)
            return True
        if heading.level == "letter":
            self.letter = heading.number
            self.titles["letter"] = heading.title
            self.organisations["letter"] = organisation_of(heading.title)
            return True
        levels = [int(piece) for piece in heading.number.split(".")]
        if len(levels) == 1:
            # A list "1. ... 2. ..." inside section 3.2 is not a new section 1: sections count up.
            expected = 1 if self.top is None else self.top + 1
            if levels[0] != expected:
                return False
            self.top = levels[0]
            self._set("top", heading.title)
            return True
        # "3.2." at the start of a paragraph is a heading even where "3." was never written.
        if levels[0] != self.top:
            self.top = levels[0]
            self._clear_below("top")
        self.sub = heading.number
        self._set("sub", heading.title)
        return True

    @staticmethod
    def lead_organisation(text: str) -> str | None:
        """An organisation named before a colon at the start of a paragraph: "- Hội ND: ..."."""
        match = _LEAD_ORG_RE.match(text)
        return organisation_of(match.group(1)) if match else None
