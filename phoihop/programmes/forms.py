"""Forms of the programme pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.forms import IdsChoiceField, choice_field
from phoihop.indicators.models import Indicator, Section
from phoihop.organisations.models import Organisation
from phoihop.places.models import Unit
from phoihop.programmes.models import Direction, Evidence, JointActivity, PlannedActivity


class ContentForm(forms.Form):
    title = forms.CharField(label=_("Nội dung phối hợp"), max_length=300)
    section = forms.ModelChoiceField(
        label=_("Thuộc phần báo cáo"), queryset=Section.objects.none(), required=False
    )
    lead = forms.ModelChoiceField(label=_("Cơ quan chủ trì"), queryset=Organisation.objects.none())
    partners = IdsChoiceField(label=_("Cơ quan phối hợp"), queryset=Organisation.objects.none())
    indicators = IdsChoiceField(
        label=_("Chỉ tiêu đo lường"), queryset=Indicator.objects.none(), required=False
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = Organisation.objects.filter(unit=organisation.unit, is_active=True)
        choice_field(self, "lead").queryset = bodies
        choice_field(self, "partners").queryset = bodies
        choice_field(self, "section").queryset = Section.objects.filter(
            form__organisation_kinds=organisation.kind
        ).select_related("form")
        choice_field(self, "indicators").queryset = Indicator.objects.filter(formula="")


class JointActivityForm(forms.Form):
    title = forms.CharField(label=_("Hoạt động"), max_length=300)
    held_on = forms.DateField(label=_("Ngày tổ chức"), input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    lead = forms.ModelChoiceField(label=_("Cơ quan chủ trì"), queryset=Organisation.objects.none())
    partners = IdsChoiceField(label=_("Cơ quan phối hợp"), queryset=Organisation.objects.none())
    description = forms.CharField(label=_("Mô tả"), widget=forms.Textarea, required=False)
    indicator_1 = forms.ModelChoiceField(
        label=_("Số liệu"), queryset=Indicator.objects.filter(formula=""), required=False
    )
    value_1 = forms.CharField(label=_("Giá trị"), required=False, max_length=40)
    indicator_2 = forms.ModelChoiceField(
        label=_("Số liệu"), queryset=Indicator.objects.filter(formula=""), required=False
    )
    value_2 = forms.CharField(label=_("Giá trị"), required=False, max_length=40)

    def __init__(self, *args, leads, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        choice_field(self, "lead").queryset = leads
        choice_field(self, "partners").queryset = bodies

    def figures(self) -> dict[str, str]:
        return {
            self.cleaned_data[f"indicator_{i}"].code: self.cleaned_data[f"value_{i}"]
            for i in (1, 2)
            if self.cleaned_data.get(f"indicator_{i}")
        }


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=Evidence.Kind.choices)
    file = forms.FileField(label=_("Tệp (PDF, DOCX, JPG, PNG; đến 5 MB)"))


class PlannedActivityForm(forms.Form):
    title = forms.CharField(label=_("Việc"), max_length=500)
    due_on = forms.DateField(
        label=_("Thời gian"), input_formats=["%d/%m/%Y", "%Y-%m-%d"], required=False
    )
    place = forms.CharField(label=_("Địa điểm"), max_length=200, required=False)
    lead = forms.ModelChoiceField(label=_("Cơ quan chủ trì"), queryset=Organisation.objects.none())
    partners = IdsChoiceField(
        label=_("Cơ quan phối hợp"), queryset=Organisation.objects.none(), required=False
    )
    expected_indicator = forms.ModelChoiceField(
        label=_("Chỉ tiêu dự kiến"), queryset=Indicator.objects.filter(formula=""), required=False
    )
    expected_value = forms.DecimalField(label=_("Số dự kiến"), required=False, min_value=0)

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        choice_field(self, "lead").queryset = bodies
        choice_field(self, "partners").queryset = bodies


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Kết quả"), choices=PlannedActivity.Outcome.choices)
    reason = forms.CharField(label=_("Lý do (khi hoãn, huỷ)"), required=False, max_length=1000)
    activity = forms.IntegerField(label=_("Hoạt động đã báo cáo"), required=False)


class DirectionForm(forms.Form):
    """How a task drawn from the last directions stands (the plan page's row of a task)."""

    status = forms.ChoiceField(label=_("Kết quả"), choices=Direction.Status.choices)
    reason = forms.CharField(label=_("Lý do (khi hoãn, huỷ)"), required=False, max_length=1000)
    title = forms.CharField(label=_("Nhiệm vụ"), max_length=200, required=False)
    lead = forms.ModelChoiceField(
        label=_("Cơ quan chủ trì"), queryset=Organisation.objects.none(), required=False
    )
    partners = IdsChoiceField(
        label=_("Cơ quan phối hợp"), queryset=Organisation.objects.none(), required=False
    )
    due_on = forms.DateField(
        label=_("Thời hạn"), input_formats=["%d/%m/%Y", "%Y-%m-%d"], required=False
    )
    activity = forms.ModelChoiceField(
        label=_("Hoạt động đã thực hiện"), queryset=JointActivity.objects.none(), required=False
    )
    planned = forms.ModelChoiceField(
        label=_("Việc trong kế hoạch chung"),
        queryset=PlannedActivity.objects.none(),
        required=False,
    )

    def __init__(self, *args, unit: Unit, period: str, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        # `bodies` are those the user may plan with (permissions.bodies_to_plan_with): any
        # other organisation sent, a forged one of another unit included, is an unknown choice.
        choice_field(self, "lead").queryset = bodies
        choice_field(self, "partners").queryset = bodies
        choice_field(self, "activity").queryset = JointActivity.objects.filter(unit=unit)
        choice_field(self, "planned").queryset = PlannedActivity.objects.filter(
            plan__unit=unit, plan__period=period
        ).select_related("plan")
