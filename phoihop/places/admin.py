from django.contrib import admin

from phoihop.places.models import Population, Unit


class PopulationInline(admin.TabularInline):
    model = Population
    extra = 0


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind", "level"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent", "successors"]
    inlines = [PopulationInline]
