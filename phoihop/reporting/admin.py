"""Submissions in the admin: to look at, never to change.

Figures, narratives and status change only through entry and the one workflow, which check the
window, lock what is accepted and record who, when, old → new and why. An administrator who
must correct an accepted figure reopens it with a reason in the application, like anyone else.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from phoihop.reporting.models import EntryWindow, Event, FigureValue, Narrative, Submission


class ReadOnlyMixin:
    """Shown, not editable: no add, change or delete, whatever the user's rights."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        raise PermissionDenied  # reached only through a view that ignores the flags above


class FigureValueInline(ReadOnlyMixin, admin.TabularInline):
    model = FigureValue
    extra = 0
    fields = ["indicator", "value", "comment"]


class NarrativeInline(ReadOnlyMixin, admin.StackedInline):
    model = Narrative
    extra = 0


class EventInline(ReadOnlyMixin, admin.TabularInline):
    model = Event
    extra = 0
    fields = ["action", "actor", "at", "reason"]


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ["organisation", "form", "period", "status", "submitted_at"]
    list_filter = ["period", "status", "form"]
    search_fields = ["organisation__name"]
    inlines = [FigureValueInline, NarrativeInline, EventInline]

    def revert_disabled(self, request, obj=None) -> bool:
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Reverting to an old version would change figures behind the workflow's back; the
        # history form saves on POST for anyone who may view, so refuse POST here.
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(EntryWindow)
class EntryWindowAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    """Extensions are granted and revoked on the office's page, which records who and why."""

    list_display = ["form", "period", "unit", "organisation", "closes_on", "revoked_at"]
    list_filter = ["period", "form"]
