"""The one helper every page uses to answer full-page or htmx requests."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """The request as views see it: django-htmx's middleware (in settings) adds `htmx`.
    Only for annotations, as django-htmx's documentation advises."""

    htmx: HtmxDetails


def render_page(
    request: HttpRequest, template: str, context: dict[str, Any], *, fragment: str | None = None
) -> HttpResponse:
    """NetBox's habit: an htmx request gets only the part of the page it swaps in."""
    htmx = getattr(request, "htmx", None)  # set by django-htmx's middleware
    if fragment and htmx and not htmx.boosted:
        return render(request, fragment, context)
    return render(request, template, context)
