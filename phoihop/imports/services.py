"""Every write of the import of old reports: reading an upload, the review, the import itself
(what each figure is proposed as is worked out in proposals.py)."""

from __future__ import annotations

import re
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from phoihop.accounts import permissions
from phoihop.core import clock
from phoihop.core.numbers import format_number
from phoihop.core.periods import Period, PeriodError
from phoihop.imports import proposals, selectors
from phoihop.imports.extractor import ExtractionResult, extract_blocks
from phoihop.imports.learned import phrase_key
from phoihop.imports.models import ImportCandidate, ImportSession, ImportStatus, LearnedMapping
from phoihop.imports.narratives import import_narratives
from phoihop.imports.textsource import TextBlock, TextSourceError, read_blocks
from phoihop.imports.vocabulary import fold
from phoihop.indicators.models import Indicator
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.reporting import services as reporting
from phoihop.reporting.models import Status, Submission

SUFFIXES = (".docx", ".txt", ".pdf")
# A long annual report states a few hundred numbers; past this an upload is not a report, and
# reading it would only keep the server busy.
MAX_NUMBERS = 5000
NUMBER_RUN_RE = re.compile(r"\d+")
# What a figure value column holds (24 digits, 4 after the mark).
MAX_VALUE = Decimal(10) ** 19
# Bytes decoded as text show control and replacement characters; prose almost none.
PROSE_SAMPLE = 20_000
MAX_ODD_SHARE = 0.01
ODD_CHARACTER_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")


class ImportRefused(Exception):
    """The upload or the import cannot go ahead; the messages are for the user, in Vietnamese."""

    def __init__(self, messages: list[str] | str):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__("; ".join(self.messages))


@dataclass(frozen=True)
class CandidateChoice:
    """What the reviewer chose for one figure."""

    candidate_id: int
    indicator_code: str | None
    organisation_id: int | None
    value: Decimal | None
    included: bool


def _not_found(file_name: str, why: str) -> ImportRefused:
    return ImportRefused(
        _("Không tìm thấy số liệu hoạt động nào trong tệp «%(name)s»: %(why)s")
        % {"name": file_name, "why": why}
    )


def _looks_like_prose(blocks: list[TextBlock]) -> bool:
    """Text a person wrote, not bytes decoded as text: few control or replacement characters."""
    sample = "".join(block.text for block in blocks)[:PROSE_SAMPLE]
    if not sample.strip():
        return False
    return len(ODD_CHARACTER_RE.findall(sample)) <= len(sample) * MAX_ODD_SHARE


def read_report(data: bytes, *, file_name: str) -> ExtractionResult:
    """The figures of an uploaded report; ImportRefused when it is not a readable report.

    Any upload costs time linear in its size: more numbers than a report holds are refused
    before the figures are read.
    """
    suffix = Path(file_name).suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportRefused(
            _("Không đọc được tệp «%(name)s»: chỉ nhận tệp .docx, .pdf hoặc .txt.")
            % {"name": file_name}
        )
    if not data.strip():
        raise _not_found(file_name, _("tệp trống."))
    # The readers take a path (python-docx, pdftotext); the file lives only while it is read.
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        handle.write(data)
        handle.flush()
        try:
            blocks = read_blocks(handle.name)
        except TextSourceError as error:
            # The reader names the temporary file; the user knows the file by its own name.
            message = str(error).replace(handle.name, file_name)
            raise _not_found(
                file_name, message.replace(Path(handle.name).name, file_name)
            ) from error
        except Exception as error:  # a corrupt .docx raises whatever its zip reader raises
            raise _not_found(file_name, _("tệp bị hỏng hoặc không đúng định dạng.")) from error
    if not _looks_like_prose(blocks):
        raise _not_found(file_name, _("nội dung không phải là văn bản đọc được."))
    numbers = sum(len(NUMBER_RUN_RE.findall(block.text)) for block in blocks)
    if numbers > MAX_NUMBERS:
        raise ImportRefused(
            _(
                "Tệp «%(name)s» có %(count)s con số, quá nhiều đối với một báo cáo sơ kết, "
                "tổng kết (tối đa %(max)s); hãy tách thành các tệp nhỏ hơn."
            )
            % {
                "name": file_name,
                "count": format_number(numbers),
                "max": format_number(MAX_NUMBERS),
            }
        )
    result = extract_blocks(blocks, source=file_name)
    result.figures = [f for f in result.figures if abs(f.value) < MAX_VALUE]
    if not result.figures:
        raise ImportRefused(
            _(
                "Không tìm thấy số liệu hoạt động nào trong tệp «%(name)s». Tệp có phải là báo "
                "cáo sơ kết, tổng kết không?"
            )
            % {"name": file_name}
        )
    return result


def _proposed_period(result: ExtractionResult) -> str:
    for candidate in (result.period, str(result.issued_on.year) if result.issued_on else None):
        try:
            return Period.parse(candidate or "").id
        except PeriodError:
            continue
    return str(clock.today().year)


@dataclass
class ReadUpload:
    """An upload read and its figures proposed, not yet saved."""

    file_name: str
    result: ExtractionResult
    unit: Unit
    candidates: list[ImportCandidate]


def read_upload(
    user: permissions.AnyUser,
    *,
    file_name: str,
    data: bytes,
    progress: Callable[[int, str], None] = lambda percent, message: None,
) -> ReadUpload:
    """Read an upload and propose an indicator and organisation for each figure, outside any
    transaction: nothing is written. ImportRefused when it is not a readable report."""
    if not permissions.is_an_office(user):
        raise PermissionDenied
    progress(10, _("Đang đọc văn bản…"))
    result = read_report(data, file_name=file_name)
    unit = selectors.propose_unit(user, result.reporting_unit)
    if unit is None:
        raise ImportRefused(_("Bạn chưa được giao đơn vị nào để nhập báo cáo."))
    progress(50, _("Đang tìm số liệu…"))
    candidates = proposals.propose_candidates(result, selectors.organisations_of(unit))
    return ReadUpload(file_name, result, unit, candidates)


def save_upload(read: ReadUpload, *, user: permissions.AnyUser) -> ImportSession:
    """Keep a read upload's figures and proposals for review (one short transaction); no
    report is touched."""
    if not permissions.is_an_office(user):
        raise PermissionDenied
    with transaction.atomic():
        session = ImportSession.objects.create(
            file_name=read.file_name[:255],
            result=read.result.to_dict(include_paragraphs=True),
            unit=read.unit,
            period=_proposed_period(read.result),
            created_by=user,
        )
        for candidate in read.candidates:
            candidate.session = session
        ImportCandidate.objects.bulk_create(read.candidates)
    return session


def create_import_session(
    user: permissions.AnyUser, *, file_name: str, data: bytes
) -> ImportSession:
    """Read an upload and keep it for review, in the caller's process (the command line)."""
    return save_upload(read_upload(user, file_name=file_name, data=data), user=user)


def _check_target(
    session: ImportSession, *, user: permissions.AnyUser, unit: Unit, period: str
) -> str:
    if not permissions.is_an_office(user) or not permissions.is_office_for(user, unit):
        raise PermissionDenied
    try:
        return Period.parse(period).id
    except PeriodError as error:
        raise ImportRefused(str(error)) from error


@transaction.atomic
def save_review(
    session: ImportSession,
    *,
    user: permissions.AnyUser,
    unit: Unit,
    period: str,
    choices: list[CandidateChoice],
) -> ImportSession:
    """Keep the reviewer's choices and the target; submissions are not touched."""
    if session.status != ImportStatus.REVIEWING:
        raise ImportRefused(_("Báo cáo này đã được nhập; không sửa được nữa."))
    period = _check_target(session, user=user, unit=unit, period=period)
    unit_changed = unit.pk != session.unit_id
    session.unit, session.period = unit, period
    session.save(update_fields=["unit", "period"])
    indicators = {i.code: i for i in Indicator.objects.all()}
    organisations = {o.pk: o for o in selectors.organisations_of(unit)}
    by_id = {c.pk: c for c in session.candidates.select_related("organisation__kind")}
    for choice in choices:
        candidate = by_id.get(choice.candidate_id)
        if candidate is None:
            continue
        candidate.indicator = indicators.get(choice.indicator_code or "")
        organisation = organisations.get(choice.organisation_id or 0)
        if organisation is None and unit_changed and candidate.organisation is not None:
            # Another unit was chosen: keep the kind of organisation, of the new unit.
            organisation = next(
                (o for o in organisations.values() if o.kind_id == candidate.organisation.kind_id),
                None,
            )
        candidate.organisation = organisation
        candidate.chosen_value = choice.value
        candidate.included = choice.included
    ImportCandidate.objects.bulk_update(
        by_id.values(), ["indicator", "organisation", "chosen_value", "included"]
    )
    return session


def _label(candidate: ImportCandidate) -> str:
    return _("«%(text)s» (đoạn %(paragraph)d)") % {
        "text": candidate.text,
        "paragraph": candidate.paragraph + 1,
    }


def _problems(chosen: list[ImportCandidate]) -> list[str]:
    problems: list[str] = []
    seen: dict[tuple[int, int], ImportCandidate] = {}
    for candidate in chosen:
        if candidate.indicator is None:
            problems.append(_("Số %(figure)s: chưa chọn chỉ tiêu.") % {"figure": _label(candidate)})
        if candidate.organisation is None:
            problems.append(_("Số %(figure)s: chưa chọn tổ chức.") % {"figure": _label(candidate)})
        if candidate.chosen_value is None:
            problems.append(_("Số %(figure)s: chưa có giá trị.") % {"figure": _label(candidate)})
        if candidate.indicator is None or candidate.organisation is None:
            continue
        key = (candidate.indicator.pk, candidate.organisation.pk)
        if key in seen:
            problems.append(
                _(
                    "Hai số %(first)s và %(second)s cùng được gán cho chỉ tiêu «%(indicator)s» "
                    "của %(organisation)s; chỉ giữ một số."
                )
                % {
                    "first": _label(seen[key]),
                    "second": _label(candidate),
                    "indicator": candidate.indicator.name,
                    "organisation": candidate.organisation.name,
                }
            )
        else:
            seen[key] = candidate
    return problems


@transaction.atomic
def import_session(
    session: ImportSession,
    *,
    user: permissions.AnyUser,
    unit: Unit,
    period: str,
    choices: list[CandidateChoice],
    acknowledged: bool = False,
) -> list[Submission]:
    """Bring the included figures into draft submissions, all or nothing, audited as the user.

    The office may do this for a period long past: late entry is its to make. When the text
    speaks of another period or unit than the chosen one, the user must have acknowledged it.
    Each figure's paragraph goes into the narrative of its indicator's section, if still empty.
    """
    session = ImportSession.objects.select_for_update().get(pk=session.pk)
    save_review(session, user=user, unit=unit, period=period, choices=choices)
    warnings = target_warnings(session, unit=unit, period=session.period)
    if warnings and not acknowledged:
        raise ImportRefused(
            [*warnings, _("Hãy đánh dấu «Đã xem các cảnh báo về kỳ và đơn vị» rồi nhập lại.")]
        )
    chosen = list(
        session.candidates.filter(included=True).select_related(
            "indicator", "organisation__unit", "organisation__kind"
        )
    )
    if not chosen:
        raise ImportRefused(_("Chưa chọn số liệu nào để nhập."))
    problems = _problems(chosen)
    if problems:
        raise ImportRefused(problems)
    by_organisation: dict[Organisation, list[tuple[str, ImportCandidate]]] = defaultdict(list)
    for candidate in chosen:
        # _problems refused the lot if any had no organisation or no indicator.
        if candidate.organisation is not None and candidate.indicator is not None:
            by_organisation[candidate.organisation].append((candidate.indicator.code, candidate))
    reason = _("Nhập từ báo cáo cũ «%(name)s»") % {"name": session.file_name}
    period_label = Period.parse(session.period).label
    saved = []
    for organisation, members in by_organisation.items():
        try:
            submission = reporting.start_submission(
                user=user, organisation=organisation, period=session.period
            )
        except reporting.WorkflowError as error:
            raise ImportRefused(f"{organisation.name}: {error.message}") from error
        if submission.status not in (Status.DRAFT, Status.RETURNED):
            raise ImportRefused(
                _(
                    "Báo cáo %(period)s của %(organisation)s đang ở trạng thái «%(status)s» nên "
                    "đã khoá; chưa có số liệu nào được nhập. Cần mở lại báo cáo đó trước."
                )
                % {
                    "period": period_label,
                    "organisation": organisation.name,
                    "status": submission.get_status_display(),
                }
            )
        figures = {code: c.chosen_value for code, c in members}
        narratives = import_narratives(session.paragraphs, submission, [c for _code, c in members])
        try:
            saved.append(
                reporting.save_submission(
                    submission, user=user, figures=figures, narratives=narratives, reason=reason
                )
            )
        except reporting.FieldErrors as error:
            by_code = dict(members)
            raise ImportRefused(
                [
                    f"{_label(by_code[code])} → {organisation.name}: {message}"
                    if code in by_code
                    else message
                    for code, message in error.errors.items()
                ]
            ) from error
        except reporting.WorkflowError as error:
            raise ImportRefused(f"{organisation.name}: {error.message}") from error
    session.status = ImportStatus.IMPORTED
    session.imported_at = clock.now()
    session.save(update_fields=["status", "imported_at"])
    _remember(chosen, session.paragraphs, user=user)
    return saved


def _remember(
    chosen: list[ImportCandidate], paragraphs: list[str], *, user: permissions.AnyUser
) -> None:
    """Keep where the office put each confirmed phrase, for the proposals of later imports."""
    now = clock.now()
    learned = {}
    for candidate in chosen:
        if candidate.paragraph >= len(paragraphs) or candidate.indicator is None:
            continue
        key = phrase_key(paragraphs[candidate.paragraph], candidate.start, candidate.noun_phrase)
        if key:
            learned[key] = LearnedMapping(
                key=key,
                indicator=candidate.indicator,
                organisation_kind=candidate.organisation.kind if candidate.organisation else None,
                confirmed_by=user if user.is_authenticated else None,
                confirmed_at=now,
            )
    LearnedMapping.objects.bulk_create(
        learned.values(),
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["indicator", "organisation_kind", "confirmed_by", "confirmed_at"],
    )


def target_warnings(session: ImportSession, *, unit: Unit, period: str) -> list[str]:
    """What the text says of its period and unit that differs from the chosen ones."""
    return result_warnings(session.result, unit=unit, period=period)


def result_warnings(result: dict[str, Any], *, unit: Unit, period: str) -> list[str]:
    """target_warnings for a reading not kept as a session (ExtractionResult.to_dict())."""
    warnings: list[str] = []
    stated = result.get("period")
    try:
        chosen = Period.parse(period)
    except PeriodError:
        return warnings
    if stated and stated != chosen.id:
        try:
            stated_label = Period.parse(stated).label
        except PeriodError:
            stated_label = stated
        warnings.append(
            _(
                "Văn bản nói về %(stated)s («%(text)s») nhưng kỳ được chọn là %(chosen)s: "
                "số liệu sẽ được ghi vào %(chosen)s."
            )
            % {
                "stated": stated_label,
                "text": result.get("period_text") or stated,
                "chosen": chosen.label,
            }
        )
    found = result.get("reporting_unit") or {}
    name = (found.get("name") or "").strip()
    if name and fold(name) != fold(unit.name):
        warnings.append(
            _("Văn bản là báo cáo của %(level)s %(name)s nhưng đơn vị được chọn là %(unit)s.")
            % {"level": found.get("level") or "", "name": name, "unit": unit.name}
        )
    return warnings
