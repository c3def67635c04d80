from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from phoihop.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "full_name", "role", "unit", "organisation", "is_active"]
    list_filter = ["role", "is_active"]
    fieldsets = [
        *(BaseUserAdmin.fieldsets or ()),  # Django's own, never None; the stubs allow None
        ("phoihop", {"fields": ["full_name", "role", "unit", "organisation", "assigned_units"]}),
    ]
    autocomplete_fields = ["unit", "assigned_units"]
    raw_id_fields = ["organisation"]
