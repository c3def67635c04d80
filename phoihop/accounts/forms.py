"""Forms of the accounts app: a person's own settings."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.accounts.models import NotifyBy


class NotificationSettingsForm(forms.Form):
    """How a person hears of reminders and workflow steps, and where e-mail goes."""

    email = forms.EmailField(
        label=_("Địa chỉ thư điện tử"),
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Địa chỉ thư điện tử không hợp lệ; viết theo dạng ten@donvi.gov.vn."),
            "max_length": _("Địa chỉ thư điện tử quá dài."),
        },
    )
    notify_by = forms.ChoiceField(
        label=_("Nhận thông báo"),
        choices=NotifyBy.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Chọn một cách nhận thông báo trong danh sách.")},
    )
