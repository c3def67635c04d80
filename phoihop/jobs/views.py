"""A job's page: its progress (an htmx fragment polled every second), then its file."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from phoihop.accounts.permissions import access_job_by_id
from phoihop.jobs.models import JobState
from phoihop.jobs.selectors import result_file


@login_required
def status(request: HttpRequest, pk: int) -> HttpResponse:
    job = access_job_by_id(request.user, pk)
    polled = bool(request.headers.get("HX-Request"))
    if polled and job.state == JobState.DONE and job.result_link and job.parameters.get("follow"):
        # Work that leads to a page (an import's review): the polling page goes there.
        response = HttpResponse(status=204)
        response["HX-Redirect"] = job.result_link
        return response
    # htmx polls the fragment; the browser opens the whole page.
    template = "jobs/_status.html" if polled else "jobs/job.html"
    return render(request, template, {"job": job})


@login_required
def download(request: HttpRequest, pk: int) -> FileResponse:
    job = access_job_by_id(request.user, pk)
    path = result_file(job)
    if path is None:
        raise Http404
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=job.result_name or path.name,
        content_type=job.result_type or None,
    )


@login_required
def page(request: HttpRequest, pk: int, number: int) -> FileResponse:
    """One page of a finished preview, as an image."""
    job = access_job_by_id(request.user, pk)
    path = result_file(job, page=number)
    if path is None:
        raise Http404
    response = FileResponse(path.open("rb"), content_type="image/png")
    # The same job's page never changes: the browser may keep it.
    response["Cache-Control"] = "private, max-age=86400"
    return response
