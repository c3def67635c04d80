"""Read-only pages of submissions: the list with its filters, and one submission."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from phoihop.accounts.permissions import access_submission_by_id, visible_submissions
from phoihop.core.views import render_page
from phoihop.reporting.selectors import (
    parse_submission_filters,
    submission_list,
    submission_page_data,
)

PAGE_SIZE = 50


@login_required
def submission_index(request: HttpRequest) -> HttpResponse:
    filters = parse_submission_filters(request.GET)
    data = submission_list(visible_submissions(request.user), filters=filters)
    # get_page falls back to the first or last page on a bad ?trang=, never an error.
    page = Paginator(data.pop("submissions"), PAGE_SIZE).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    context = {**data, "page": page, "filters": filters, "query": query.urlencode()}
    return render_page(
        request,
        "reporting/submission_list.html",
        context,
        fragment="reporting/_submission_table.html",
    )


@login_required
def submission_view(request: HttpRequest, pk: int) -> HttpResponse:
    submission = access_submission_by_id(request.user, pk)
    data = submission_page_data(submission)
    return render(request, "reporting/submission_detail.html", {"submission": submission, **data})
