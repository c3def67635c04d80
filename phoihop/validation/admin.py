from django.contrib import admin

from phoihop.validation import models


@admin.register(models.Rule)
class RuleAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "operator", "importance", "scope", "unit", "is_active"]
    list_filter = ["importance", "scope", "is_active"]
    search_fields = ["code", "name", "left", "right"]
    filter_horizontal = ["organisation_kinds"]


@admin.register(models.JointFigure)
class JointFigureAdmin(admin.ModelAdmin):
    list_display = ["indicator", "organisation_kind", "partner_kind", "tolerance"]


@admin.register(models.LevelReconciliation)
class LevelReconciliationAdmin(admin.ModelAdmin):
    list_display = ["indicator", "organisation_kind", "importance", "tolerance"]


@admin.register(models.ProductDeclaration)
class ProductDeclarationAdmin(admin.ModelAdmin):
    list_display = ["count", "each", "total", "tolerance"]


class ResultInline(admin.TabularInline):
    model = models.ValidationResult
    fields = ["importance", "kind", "message", "status", "explanation"]
    readonly_fields = ["importance", "kind", "message"]
    extra = 0
    can_delete = False


@admin.register(models.ValidationRun)
class ValidationRunAdmin(admin.ModelAdmin):
    list_display = ["unit", "period", "created_at", "created_by", "submission_count"]
    list_filter = ["period"]
    inlines = [ResultInline]


@admin.register(models.ValidationResult)
class ValidationResultAdmin(admin.ModelAdmin):
    list_display = ["run", "importance", "kind", "unit", "organisation", "status"]
    list_filter = ["importance", "kind", "status", "period"]
    search_fields = ["message", "explanation"]
    readonly_fields = ["run", "kind", "code", "fingerprint", "snapshot", "message", "submission"]
