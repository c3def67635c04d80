"""Template helpers of the entry and workflow pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

from phoihop.accounts import permissions
from phoihop.reporting.models import Status, Submission
from phoihop.reporting.selectors import audit_trail

register = template.Library()


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    """mapping[key] in a template, empty when there is no such key."""
    if isinstance(mapping, Mapping) or hasattr(mapping, "get"):
        return mapping.get(key, "")
    return ""


@register.inclusion_tag("reporting/entry/_workflow.html", takes_context=True)
def workflow_panel(context: template.Context, submission: Submission) -> dict:
    """The buttons the reader may press on a submission, and for the office its audit."""

    user = context["request"].user
    may_review = permissions.can_review_submission(user, submission)
    return {
        "submission": submission,
        "csrf_token": context.get("csrf_token"),
        "may_edit": permissions.can_edit_submission(user, submission),
        "may_review": may_review,
        "audit": audit_trail(submission) if may_review else None,
        "explanations": list(submission.explanations.select_related("author"))
        if submission.status != Status.DRAFT
        else [],
    }
