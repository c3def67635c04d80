"""Report generation as background tasks: a PDF, a zip of the units below, preview pages, and
`start_report_job`, which the report page calls to ask for one.

Each task reads its job, computes outside any transaction (the data first, then the bounded
rendering and the conversion) and records progress and the result in short writes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django_tasks import task

from phoihop.accounts.models import User
from phoihop.core.periods import Period
from phoihop.documents.cache import cached_file, cached_pages
from phoihop.documents.pdf import PdfConversionError, PdfUnavailable
from phoihop.documents.rendering import TemplateError
from phoihop.documents.services import (
    PreparedReport,
    known_key,
    pdf_file_for,
    prepare_report,
    preview_pages_for,
    report_filename,
    write_communes_zip,
    zip_filename,
)
from phoihop.jobs.models import Job
from phoihop.jobs.services import (
    JobFailed,
    JobResult,
    Progress,
    finished_job,
    job_folder,
    run_job,
    start_job,
)
from phoihop.places.models import Level, Unit

KNOWN_FAILURES = (PdfUnavailable, PdfConversionError, TemplateError)


def _options(job: Job) -> dict[str, Any]:
    issued_on = job.parameters.get("issued_on") or None
    return {
        "issued_on": dt.date.fromisoformat(issued_on) if issued_on else None,
        "draft": bool(job.parameters.get("draft")),
    }


def _prepare(job: Job, progress: Progress) -> PreparedReport:
    assert job.unit is not None
    progress(10, "Đang đọc số liệu đã duyệt…")
    return prepare_report(job.unit, Period.parse(job.period), **_options(job))


def _pdf(job: Job, progress: Progress) -> JobResult:
    prepared = _prepare(job, progress)
    progress(40, "Đang lập văn bản và chuyển sang PDF…")
    try:
        path = pdf_file_for(prepared)
    except KNOWN_FAILURES as exc:
        raise JobFailed(str(exc)) from exc
    assert job.unit is not None
    name = report_filename(job.unit, Period.parse(job.period), "pdf", draft=_options(job)["draft"])
    return JobResult(path=path, filename=name, content_type="application/pdf")


def _preview(job: Job, progress: Progress) -> JobResult:
    prepared = _prepare(job, progress)
    progress(40, "Đang tạo các trang xem trước…")
    try:
        pages = preview_pages_for(prepared)
    except KNOWN_FAILURES as exc:
        raise JobFailed(str(exc)) from exc
    return JobResult(path=pages[0].parent, pages=len(pages))


def _zip(job: Job, progress: Progress) -> JobResult:
    assert job.unit is not None
    period = Period.parse(job.period)
    draft = _options(job)["draft"]
    target = job_folder(job.pk) / zip_filename(job.unit, period, draft=draft)

    def step(done: int, total: int) -> None:
        progress(10 + 85 * done // max(total, 1), f"Đã lập {done}/{total} báo cáo…")

    progress(5, "Đang đọc số liệu đã duyệt của các đơn vị…")
    try:
        with target.open("wb") as out:
            write_communes_zip(job.unit, period, out, draft=draft, progress=step)
    except KNOWN_FAILURES as exc:
        raise JobFailed(str(exc)) from exc
    return JobResult(path=target, filename=target.name, content_type="application/zip")


@task()
def make_pdf(job_id: int) -> str:
    return run_job(job_id, _pdf)


@task()
def make_preview(job_id: int) -> str:
    return run_job(job_id, _preview)


@task()
def make_zip(job_id: int) -> str:
    return run_job(job_id, _zip)


def _job_title(kind: str, unit: Unit, period: Period, *, draft: bool) -> str:
    what = {
        "pdf": "Báo cáo PDF",
        "preview": "Xem trước báo cáo",
        "zip": "Báo cáo các huyện (ZIP)"
        if unit.level == Level.PROVINCE
        else "Báo cáo các xã (ZIP)",
    }[kind]
    return f"{what}{' (dự thảo)' if draft else ''} · {unit.full_name} · {period.label}"


def start_report_job(
    kind: str,
    unit: Unit,
    period: Period,
    *,
    user: User | None,
    issued_on: dt.date | None = None,
    draft: bool = False,
    link: str = "",
) -> Job:
    """Ask for a PDF, preview pages or the zip of the units below, as a background job; a
    PDF or preview already in the cache gives a finished job at once."""
    parameters = {
        "issued_on": issued_on.isoformat() if issued_on else "",
        "draft": draft,
        "link": link,
    }
    title = _job_title(kind, unit, period, draft=draft)
    common: dict[str, Any] = {
        "owner": user,
        "kind": f"documents.{kind}",
        "title": title,
        "unit": unit,
        "period": period.id,
        "parameters": parameters,
    }
    if kind in ("pdf", "preview"):
        # Unchanged since last time: the files are named without reading the report's data.
        key = known_key(unit, period, issued_on=issued_on, draft=draft)
        if key is None:
            key = prepare_report(unit, period, issued_on=issued_on, draft=draft).key
        pdf = cached_file(key, "pdf")
        pages = cached_pages(key)
        if kind == "pdf" and pdf is not None:
            name = report_filename(unit, period, "pdf", draft=draft)
            return finished_job(
                result=JobResult(path=pdf, filename=name, content_type="application/pdf"),
                **common,
            )
        if kind == "preview" and pages:
            return finished_job(result=JobResult(path=pages[0].parent, pages=len(pages)), **common)
    task = {"pdf": make_pdf, "preview": make_preview, "zip": make_zip}[kind]
    return start_job(task=task, **common)
