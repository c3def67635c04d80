"""What every page shares: answering full-page or htmx requests, and saying why a form was
refused."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
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


def report_errors(request: HttpRequest, form: forms.BaseForm, *, lead: str = "") -> None:
    """A refused form's errors as messages on the page the POST returns to, each named by its
    field's label (the user's word for it, never the field's code name)."""
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        label = f"{field.label}: " if field is not None and field.label else ""
        for error in errors:
            messages.error(request, f"{lead}{label}{error}")
