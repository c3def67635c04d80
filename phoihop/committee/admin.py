from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from phoihop.committee import models


class MemberInline(admin.TabularInline):
    model = models.Member
    extra = 0


@admin.register(models.Board)
class BoardAdmin(admin.ModelAdmin):
    list_display = ["unit"]
    search_fields = ["unit__name"]
    inlines = [MemberInline]


@admin.register(models.Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["member", "unit", "since"]


@admin.register(models.BoardDocument)
class BoardDocumentAdmin(admin.ModelAdmin):
    list_display = ["board", "kind", "number", "issued_on", "version", "filename"]
    exclude = ["content"]


class InspectionInline(admin.TabularInline):
    model = models.Inspection
    fields = ["unit", "scheduled_on", "status", "done_on"]
    extra = 0


@admin.register(models.InspectionPlan)
class InspectionPlanAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "period", "status", "sent_at"]
    inlines = [InspectionInline]


@admin.register(models.Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["inspection", "owner", "due_on", "status"]
    list_filter = ["status"]
