"""The step every committee action shares: check the form, call one service, say how it went."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from phoihop.committee.services import CommitteeError
from phoihop.core.views import report_errors


def carry_out(
    request: HttpRequest,
    action: Callable[[dict[str, Any]], Any],
    *,
    done: str | Callable[[Any], str],
    form: forms.BaseForm | None = None,
) -> bool:
    """Run ``action`` on the form's cleaned data; the service's refusal or the form's errors
    become messages, and so does ``done`` (a text, or made from what the service returned)."""
    if form is not None and not form.is_valid():
        report_errors(request, form)
        return False
    try:
        result = action(form.cleaned_data if form is not None else {})
    except CommitteeError as exc:
        messages.error(request, str(exc))
        return False
    messages.success(request, done(result) if callable(done) else done)
    return True
