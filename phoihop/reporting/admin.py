from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from phoihop.reporting.models import Event, FigureValue, Narrative, Submission


class FigureValueInline(admin.TabularInline):
    model = FigureValue
    extra = 0
    raw_id_fields = ["indicator"]


class NarrativeInline(admin.StackedInline):
    model = Narrative
    extra = 0


class EventInline(admin.TabularInline):
    model = Event
    extra = 0
    readonly_fields = ["action", "actor", "at", "reason"]


@admin.register(Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "form", "period", "status", "submitted_at"]
    list_filter = ["period", "status", "form"]
    search_fields = ["organisation__name"]
    inlines = [FigureValueInline, NarrativeInline, EventInline]
