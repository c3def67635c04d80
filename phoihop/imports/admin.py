from django.contrib import admin

from phoihop.imports.models import ImportCandidate, ImportSession


class ImportCandidateInline(admin.TabularInline):
    model = ImportCandidate
    extra = 0
    fields = ["figure_id", "text", "section", "proposed_code", "score", "indicator", "organisation"]
    fields += ["chosen_value", "included"]
    readonly_fields = ["figure_id", "text", "section", "proposed_code", "score"]
    raw_id_fields = ["indicator", "organisation"]


@admin.register(ImportSession)
class ImportSessionAdmin(admin.ModelAdmin):
    list_display = ["file_name", "unit", "period", "status", "created_by", "created_at"]
    list_filter = ["status", "period"]
    search_fields = ["file_name"]
    raw_id_fields = ["unit", "created_by"]
    exclude = ["result"]
    inlines = [ImportCandidateInline]
