"""Forms of the validation pages: rules, explanations, choosing a unit and period."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.periods import Period, PeriodError
from phoihop.validation.models import Rule


class RuleForm(forms.ModelForm):
    """A rule as the office writes it; the expressions are checked before anything is saved."""

    levels = forms.TypedMultipleChoiceField(
        label=_("Cấp"),
        choices=[(1, _("tỉnh")), (2, _("huyện")), (3, _("xã"))],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Không chọn: mọi cấp."),
    )
    try_period = forms.CharField(
        label=_("Thử quy tắc trên kỳ"),
        required=False,
        help_text=_("Ví dụ 2020S1; bấm «Thử» để xem quy tắc sẽ phát hiện gì, chưa lưu."),
    )

    class Meta:
        model = Rule
        fields = [
            "code",
            "name",
            "left",
            "operator",
            "right",
            "tolerance",
            "importance",
            "message",
            "missing",
            "blocking",
            "scope",
            "form",
            "organisation_kinds",
            "levels",
            "is_active",
        ]
        widgets = {
            "message": forms.Textarea(attrs={"rows": 3}),
            "organisation_kinds": forms.CheckboxSelectMultiple,
        }

    def clean_try_period(self) -> str:
        text = self.cleaned_data.get("try_period", "").strip()
        if not text:
            return ""
        try:
            return Period.parse(text).id
        except PeriodError as exc:
            raise forms.ValidationError(str(exc)) from exc


class ExplanationForm(forms.Form):
    explanation = forms.CharField(
        label=_("Giải trình"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    resolved = forms.BooleanField(label=_("Đã sửa xong"), required=False)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not data.get("explanation", "").strip() and not data.get("resolved"):
            raise forms.ValidationError(_("Cần ghi nội dung giải trình."))
        return data
