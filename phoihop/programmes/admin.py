from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from phoihop.programmes.models import (
    CommonPlan,
    Content,
    Direction,
    JointActivity,
    PlannedActivity,
    Programme,
    Target,
)


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    autocomplete_fields = ["indicator"]


@admin.register(Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "year", "signed_on", "reference", "version"]
    list_filter = ["year", "organisation__kind"]
    search_fields = ["organisation__name", "reference"]
    inlines = [TargetInline]


@admin.register(Content)
class ContentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "programme", "lead"]
    filter_horizontal = ["partners", "indicators"]


@admin.register(JointActivity)
class JointActivityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "held_on", "period", "lead"]
    list_filter = ["period"]


class PlannedActivityInline(admin.TabularInline):
    model = PlannedActivity
    extra = 0
    fields = ["title", "due_on", "lead", "outcome", "reason", "activity"]


@admin.register(CommonPlan)
class CommonPlanAdmin(admin.ModelAdmin):
    list_display = ["unit", "period"]
    inlines = [PlannedActivityInline]


@admin.register(Direction)
class DirectionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "unit", "period", "lead", "due_on", "status"]
    list_filter = ["period", "status"]
    filter_horizontal = ["partners"]

    # A change is one history row holding the partners as saved, as on the plan page: none
    # while the task is saved and then its partners, one once both are.
    def save_model(self, request, obj, form, change):
        if change:
            obj.skip_history_when_saving = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change:
            task = form.instance
            del task.skip_history_when_saving
            task.save(update_fields=["title"])
