from django.contrib import admin

from phoihop.indicators.models import Form, Indicator, Section, SectionIndicator


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit_label", "value_type", "aggregation", "part_of"]
    list_filter = ["value_type", "aggregation"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["part_of"]


class SectionIndicatorInline(admin.TabularInline):
    model = SectionIndicator
    extra = 0
    autocomplete_fields = ["indicator"]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["form", "order", "code", "heading", "has_narrative"]
    list_filter = ["form"]
    inlines = [SectionIndicatorInline]


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    show_change_link = True


@admin.register(Form)
class FormAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "period_type", "period_convention", "deadline_days"]
    filter_horizontal = ["organisation_kinds"]
    inlines = [SectionInline]
