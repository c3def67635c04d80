"""Writes of the documents app and report generation (DOCX, PDF, a zip of communes)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from phoihop.accounts.models import User
from phoihop.core.periods import Period
from phoihop.documents.context import report_context
from phoihop.documents.context_units import HeaderFields, children_in_period, default_header
from phoihop.documents.default_template import TEMPLATE_PATH, build_default_template
from phoihop.documents.models import ReportSettings, ReportTemplate
from phoihop.documents.pdf import docx_to_pdf
from phoihop.documents.bounded import check_template_bounded, render_docx_bounded
from phoihop.documents.rendering import TemplateError, TemplateProblem
from phoihop.documents.sample import sample_context
from phoihop.places.models import Level, Unit

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


class TemplateRejected(ValueError):
    """An uploaded template that failed the check; `problems` name the broken placeholders."""

    def __init__(self, problems: list[TemplateProblem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def default_template_bytes() -> bytes:
    """The built-in template: the shipped file, rebuilt if it is missing."""
    if TEMPLATE_PATH.exists():
        return TEMPLATE_PATH.read_bytes()
    return build_default_template()


def header_for(unit: Unit) -> HeaderFields:
    """The remembered header of a unit, or the default one."""
    saved = ReportSettings.objects.filter(unit=unit).first()
    if saved is None:
        return default_header(unit)
    return HeaderFields(
        issuing_body=saved.issuing_body,
        parent_body=saved.parent_body,
        number=saved.number,
        place=saved.place,
        signer=saved.signer,
        title=saved.title,
        on_behalf=saved.on_behalf,
        recipients=saved.recipient_list,
    )


def save_report_settings(
    unit: Unit, *, header: HeaderFields, user: User | None = None
) -> ReportSettings:
    """Remember the header the office confirmed, for this unit's next report."""
    saved, _ = ReportSettings.objects.update_or_create(
        unit=unit,
        defaults={
            "issuing_body": header.issuing_body,
            "parent_body": header.parent_body,
            "number": header.number,
            "place": header.place,
            "signer": header.signer,
            "title": header.title,
            "on_behalf": header.on_behalf,
            "recipients": "\n".join(header.recipients),
            "updated_by": user,
        },
    )
    return saved


def upload_template(
    unit: Unit, *, name: str, content: bytes, user: User | None = None
) -> ReportTemplate:
    """Keep an uploaded template only if it renders the sample report cleanly."""
    if len(content) > MAX_TEMPLATE_BYTES:
        raise TemplateRejected([TemplateProblem(message="Tệp mẫu quá lớn (tối đa 5 MB).")])
    # Rendered in a child process with a time and memory limit: a template is a small program.
    problems = check_template_bounded(content, sample=sample_context())
    if problems:
        raise TemplateRejected(problems)
    # The check ran outside any transaction: only the insert takes the write lock.
    with transaction.atomic():
        return ReportTemplate.objects.create(
            unit=unit,
            name=name or "mau_bao_cao.docx",
            content=content,
            size=len(content),
            uploaded_by=user,
        )


def choose_template(
    unit: Unit, *, template: ReportTemplate | None, user: User | None = None
) -> None:
    """Use `template` (None: the default) for this unit's next reports."""
    if template is not None and template.unit_id != unit.pk:
        raise ValueError("template of another unit")
    saved = ReportSettings.objects.filter(unit=unit).first()
    if saved is None:
        saved = save_report_settings(unit, header=default_header(unit), user=user)
    saved.template = template
    saved.save(update_fields=["template", "updated_at"])


def chosen_template(unit: Unit) -> ReportTemplate | None:
    saved = ReportSettings.objects.filter(unit=unit).select_related("template").first()
    return saved.template if saved else None


def template_bytes_for(unit: Unit) -> bytes:
    chosen = chosen_template(unit)
    return bytes(chosen.content) if chosen is not None else default_template_bytes()


@dataclass(frozen=True)
class GeneratedReport:
    """A generated report file and the name it is downloaded under."""

    filename: str
    content: bytes
    content_type: str


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def report_filename(unit: Unit, period: Period, extension: str, *, draft: bool = False) -> str:
    """The file's name; a draft's says so, so that it is never taken for the official one."""
    return f"{'du-thao-' if draft else ''}bao-cao-{unit.code}-{period.id}.{extension}"


def generate_docx(
    unit: Unit,
    period: Period,
    *,
    header: HeaderFields | None = None,
    template: bytes | None = None,
    issued_on: dt.date | None = None,
    draft: bool = False,
) -> GeneratedReport:
    """The report as a Word file; an uploaded template that fails here raises TemplateError.

    Official (accepted submissions only) unless `draft`: the office's working draft, which
    also takes submissions awaiting review and says DỰ THẢO on every page."""
    context = report_context(
        unit, period, header=header or header_for(unit), issued_on=issued_on, draft=draft
    )
    content = render_docx_bounded(
        template if template is not None else template_bytes_for(unit), context
    )
    return GeneratedReport(report_filename(unit, period, "docx", draft=draft), content, DOCX_TYPE)


def generate_pdf(unit: Unit, period: Period, **options: Any) -> GeneratedReport:
    """The report as PDF through LibreOffice; PdfUnavailable when it is not installed."""
    docx = generate_docx(unit, period, **options)
    return GeneratedReport(
        docx.filename.removesuffix(".docx") + ".pdf", docx_to_pdf(docx.content), "application/pdf"
    )


def generate_communes_zip(
    unit: Unit, period: Period, *, template: bytes | None = None, draft: bool = False
) -> GeneratedReport:
    """One zip of the reports of every unit below this one during the period: a district's
    communes, a province's districts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for commune in children_in_period(unit, period):
            report = generate_docx(commune, period, template=template, draft=draft)
            archive.writestr(report.filename, report.content)
    return GeneratedReport(
        report_filename(unit, period, "zip", draft=draft).replace(
            "bao-cao-", "bao-cao-cac-huyen-" if unit.level == Level.PROVINCE else "bao-cao-cac-xa-"
        ),
        buffer.getvalue(),
        "application/zip",
    )


__all__ = [
    "GeneratedReport",
    "TemplateError",
    "TemplateRejected",
    "choose_template",
    "generate_communes_zip",
    "generate_docx",
    "generate_pdf",
    "header_for",
    "save_report_settings",
    "upload_template",
]
