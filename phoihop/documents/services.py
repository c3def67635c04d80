"""Writes of the documents app and report generation (DOCX, PDF, a zip of communes)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from django.db import transaction

from phoihop.accounts.models import User
from phoihop.core.periods import Period
from phoihop.documents.bounded import check_template_bounded, render_docx_bounded
from phoihop.documents.cache import (
    cached_file,
    cached_pages,
    document_key,
    remember_key,
    remembered_key,
    store_file,
    store_pages,
)
from phoihop.documents.context import report_context
from phoihop.documents.context_edits import editable_parts, paragraphs_of, report_version
from phoihop.documents.context_units import HeaderFields, children_in_period, default_header
from phoihop.documents.default_template import TEMPLATE_PATH, build_default_template
from phoihop.documents.models import ReportSettings, ReportTemplate, ReportText
from phoihop.documents.pdf import docx_to_pdf, pdf_to_png_pages
from phoihop.documents.rendering import TemplateError, TemplateProblem
from phoihop.documents.sample import sample_context
from phoihop.documents.selectors import data_mark
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


def generated_parts(unit: Unit, period: Period) -> list[dict[str, Any]]:
    """The official report's body as generated from its data, part by part."""
    return editable_parts(report_context(unit, period, office_text=False))


def office_text(unit: Unit, period: Period) -> ReportText | None:
    """The office's wording of the report's current version, if it reworded it."""
    version = report_version(unit, period)
    return ReportText.objects.filter(unit=unit, period=period.id, version=version).first()


@transaction.atomic
def save_report_text(
    unit: Unit, *, period: Period, texts: dict[str, str], user: User | None = None
) -> ReportText | None:
    """Keep the office's wording of the parts it changed, for this version of the report;
    None when nothing differs from the generated text (and any earlier wording is dropped)."""
    generated = {p["key"]: p["paragraphs"] for p in generated_parts(unit, period)}
    parts = {
        key: paragraphs_of(text)
        for key, text in texts.items()
        if key in generated and paragraphs_of(text) != generated[key]
    }
    version = report_version(unit, period)
    if not parts:
        ReportText.objects.filter(unit=unit, period=period.id, version=version).delete()
        return None
    saved, _ = ReportText.objects.update_or_create(
        unit=unit,
        period=period.id,
        version=version,
        defaults={
            "parts": parts,
            "replaced": {key: generated[key] for key in parts},
            "edited_by": user,
        },
    )
    return saved


def discard_report_text(unit: Unit, *, period: Period) -> None:
    """Go back to the generated text for the report's current version."""
    version = report_version(unit, period)
    ReportText.objects.filter(unit=unit, period=period.id, version=version).delete()


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


@dataclass(frozen=True)
class PreparedReport:
    """What a report is made of: the template, the context, and the key they give."""

    template: bytes
    context: dict[str, Any]
    key: str


def prepare_report(
    unit: Unit,
    period: Period,
    *,
    header: HeaderFields | None = None,
    template: bytes | None = None,
    issued_on: dt.date | None = None,
    draft: bool = False,
) -> PreparedReport:
    """Read the report's data (official unless `draft`) and name the files it gives."""
    chosen = template if template is not None else template_bytes_for(unit)
    # Taken before reading: a change made meanwhile gives another mark, never a wrong file.
    quick = quick_token(unit, period, chosen, issued_on=issued_on, draft=draft)
    context = report_context(
        unit, period, header=header or header_for(unit), issued_on=issued_on, draft=draft
    )
    prepared = PreparedReport(chosen, context, document_key(chosen, context))
    if header is None:
        remember_key(quick, prepared.key)
    return prepared


def quick_token(
    unit: Unit, period: Period, template: bytes, *, issued_on: dt.date | None, draft: bool
) -> str:
    """What names a report without reading its data: unit, period, options, template and the
    data mark (documents.selectors.data_mark)."""
    digest = hashlib.sha256(template).hexdigest()
    return f"{unit.pk}|{period.id}|{issued_on}|{draft}|{digest}|{data_mark()}"


def known_key(
    unit: Unit, period: Period, *, issued_on: dt.date | None = None, draft: bool = False
) -> str | None:
    """The report's document key if nothing changed since it was last prepared."""
    quick = quick_token(unit, period, template_bytes_for(unit), issued_on=issued_on, draft=draft)
    return remembered_key(quick)


def docx_for(prepared: PreparedReport) -> bytes:
    """The Word file, from the cache or rendered (bounded) and kept."""
    found = cached_file(prepared.key, "docx")
    if found is not None:
        return found.read_bytes()
    content = render_docx_bounded(prepared.template, prepared.context)
    store_file(prepared.key, "docx", content)
    return content


def pdf_file_for(prepared: PreparedReport) -> Path:
    """The PDF's path in the cache, converted first if needed."""
    found = cached_file(prepared.key, "pdf")
    if found is not None:
        return found
    return store_file(prepared.key, "pdf", docx_to_pdf(docx_for(prepared)))


def preview_pages_for(prepared: PreparedReport) -> list[Path]:
    """The PDF's pages as PNG images in the cache, made first if needed."""
    pages = cached_pages(prepared.key)
    if pages is None:
        store_pages(prepared.key, pdf_to_png_pages(pdf_file_for(prepared).read_bytes(), dpi=50))
        pages = cached_pages(prepared.key) or []
    return pages


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
    prepared = prepare_report(
        unit, period, header=header, template=template, issued_on=issued_on, draft=draft
    )
    return GeneratedReport(
        report_filename(unit, period, "docx", draft=draft), docx_for(prepared), DOCX_TYPE
    )


def generate_pdf(unit: Unit, period: Period, **options: Any) -> GeneratedReport:
    """The report as PDF through LibreOffice; PdfUnavailable when it is not installed."""
    prepared = prepare_report(unit, period, **options)
    return GeneratedReport(
        report_filename(unit, period, "pdf", draft=options.get("draft", False)),
        pdf_file_for(prepared).read_bytes(),
        "application/pdf",
    )


def zip_filename(unit: Unit, period: Period, *, draft: bool = False) -> str:
    return report_filename(unit, period, "zip", draft=draft).replace(
        "bao-cao-", "bao-cao-cac-huyen-" if unit.level == Level.PROVINCE else "bao-cao-cac-xa-"
    )


def write_communes_zip(
    unit: Unit,
    period: Period,
    target: BinaryIO,
    *,
    template: bytes | None = None,
    draft: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """The reports of every unit below this one during the period (a district's communes, a
    province's districts) zipped into `target`. The data is read here, one unit after another;
    the documents are rendered in parallel (each in its own bounded process) or taken from
    the cache."""
    children = children_in_period(unit, period)
    prepared = [prepare_report(child, period, template=template, draft=draft) for child in children]
    names = [report_filename(child, period, "docx", draft=draft) for child in children]
    done = 0
    with (
        ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool,
        zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        for name, content in zip(names, pool.map(docx_for, prepared), strict=True):
            archive.writestr(name, content)
            done += 1
            if progress is not None:
                progress(done, len(children))


def generate_communes_zip(
    unit: Unit, period: Period, *, template: bytes | None = None, draft: bool = False
) -> GeneratedReport:
    """One zip of the reports of every unit below this one during the period."""
    buffer = io.BytesIO()
    write_communes_zip(unit, period, buffer, template=template, draft=draft)
    return GeneratedReport(
        zip_filename(unit, period, draft=draft), buffer.getvalue(), "application/zip"
    )


__all__ = [
    "GeneratedReport",
    "TemplateError",
    "TemplateRejected",
    "choose_template",
    "discard_report_text",
    "generate_communes_zip",
    "generate_docx",
    "generate_pdf",
    "header_for",
    "save_report_settings",
    "save_report_text",
    "upload_template",
]
