"""The office's last word: the generated text of a report, edited and kept per data version.

A report's version is the set of submissions (and their versions) it is written from; the office's
wording is kept for that version and used whenever the same report is generated again. New or
corrected figures make a new version, whose text is generated afresh.
"""

from __future__ import annotations

import hashlib
from typing import Any

from phoihop.core.periods import Period
from phoihop.documents.context_figures import OFFICIAL, WITH_SUBMITTED, source_periods
from phoihop.places.models import Unit
from phoihop.reporting.models import Submission

# The parts of the body the office may reword, in the report's order (organisations between
# "defence" and "communes"), with the heading the edit page shows.
PARTS_BEFORE = (
    ("opening", "Mở đầu"),
    ("leadership", "I. Công tác lãnh đạo, chỉ đạo"),
    ("information", "II.1. Phối hợp tuyên truyền, vận động"),
    ("defence", "II.2. Phối hợp thực hiện nhiệm vụ quốc phòng - an ninh"),
)
PARTS_AFTER = (
    ("programme_progress", "II.4. Thực hiện chỉ tiêu chương trình phối hợp"),
    ("communes", "III. Kết quả ở cơ sở"),
    ("inspections", "III. Kiểm tra ở cơ sở"),
    ("strengths", "IV.1. Điểm mạnh"),
    ("weaknesses", "IV.2. Hạn chế, yếu kém"),
    ("causes_strengths", "IV.3.a. Nguyên nhân của điểm mạnh"),
    ("causes_weaknesses", "IV.3.b. Nguyên nhân của hạn chế, yếu kém"),
    ("plan", "Phần thứ hai. Phương hướng"),
    ("closing", "Kết thúc"),
)
_SINGLE = {"opening", "closing"}  # one string, not a list of paragraphs
ORGANISATION = "organisation:"


def report_version(unit: Unit, period: Period, *, draft: bool = False) -> str:
    """A fingerprint of the submissions the report is written from, with their versions."""
    statuses = WITH_SUBMITTED if draft else OFFICIAL
    periods = source_periods(period, statuses=statuses)
    rows = (
        Submission.objects.filter(
            organisation__unit__path__startswith=unit.path,
            period__in=periods,
            status__in=statuses,
        )
        .order_by("pk")
        .values_list("pk", "version", "status")
    )
    seed = f"{unit.pk}|{period.id}|{int(draft)}|" + ";".join(f"{p}.{v}.{s}" for p, v, s in rows)
    return hashlib.sha256(seed.encode()).hexdigest()


def editable_parts(context: dict[str, Any]) -> list[dict[str, Any]]:
    """The body's parts as the edit page shows them: key, heading and paragraphs."""

    def part(key: str, heading: str) -> dict[str, Any]:
        value = context.get(key, [])
        return {"key": key, "heading": heading, "paragraphs": [value] if key in _SINGLE else value}

    organisations = [
        {
            "key": f"{ORGANISATION}{o['number']}",
            "heading": f"{o['number']}. {o['heading']}",
            "paragraphs": o["paragraphs"],
        }
        for o in context.get("organisations", [])
    ]
    return [
        *(part(k, h) for k, h in PARTS_BEFORE),
        *organisations,
        *(part(k, h) for k, h in PARTS_AFTER),
    ]


def standing_parts(
    parts: dict[str, list[str]],
    replaced: dict[str, list[str]],
    generated: dict[str, list[str]],
) -> dict[str, list[str]]:
    """The office's parts that still stand: those whose generated text is what it was when the
    office reworded them (a part reworded before this was kept always stands)."""
    return {
        key: paragraphs
        for key, paragraphs in parts.items()
        if key not in replaced or replaced[key] == generated.get(key)
    }


def apply_parts(
    context: dict[str, Any], parts: dict[str, list[str]], replaced: dict[str, list[str]]
) -> None:
    """Put the office's paragraphs in place of the generated ones where they still stand
    (unknown keys are ignored)."""
    generated = {p["key"]: p["paragraphs"] for p in editable_parts(context)}
    organisations = {f"{ORGANISATION}{o['number']}": o for o in context.get("organisations", [])}
    for key, paragraphs in standing_parts(parts, replaced, generated).items():
        if key in organisations:
            organisations[key]["paragraphs"] = list(paragraphs)
        elif key in _SINGLE:
            context[key] = " ".join(paragraphs)
        elif key in context and isinstance(context[key], list):
            context[key] = list(paragraphs)


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs typed in a text box: separated by line breaks, blank lines dropped."""
    return [
        " ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n") if line.strip()
    ]
