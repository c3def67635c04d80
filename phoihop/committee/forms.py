"""Forms of the committee's pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from phoihop.committee.models import DocumentKind, Member, Position, RiskWeights, Verdict
from phoihop.core.forms import IdsChoiceField, choice_field
from phoihop.organisations.models import OrganisationKind
from phoihop.places.models import Unit

DATE = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})


class MemberForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    position = forms.ChoiceField(label=_("Chức vụ trong ban"), choices=Position.choices)
    job_title = forms.CharField(label=_("Chức vụ tại cơ quan"), max_length=160, required=False)
    body = forms.ModelChoiceField(
        label=_("Cơ quan, đoàn thể"),
        queryset=OrganisationKind.objects.order_by("order"),
        required=False,
    )
    other_body = forms.CharField(label=_("Cơ quan khác"), max_length=160, required=False)
    term_start = forms.DateField(label=_("Nhiệm kỳ từ"), widget=DATE)
    term_end = forms.DateField(label=_("Nhiệm kỳ đến"), widget=DATE, required=False)


class AssignForm(forms.Form):
    units = IdsChoiceField(
        label=_("Địa bàn phụ trách"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    since = forms.DateField(label=_("Từ ngày"), widget=DATE)

    def __init__(self, *args: Any, communes: list[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["units"]
        assert isinstance(field, IdsChoiceField)
        field.queryset = Unit.objects.filter(pk__in=[c.pk for c in communes])


class BoardDocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại văn bản"), choices=DocumentKind.choices)
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=60, required=False)
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=DATE)
    version = forms.CharField(label=_("Phiên bản"), max_length=20, required=False)
    file = forms.FileField(label=_("Tệp (PDF, DOCX, DOC; tối đa 10 MB)"))


class WeightsForm(forms.ModelForm):
    class Meta:
        model = RiskWeights
        fields = [
            "late_report",
            "open_result",
            "programme_behind",
            "month_uninspected",
            "missing_rules",
            "periods_back",
        ]

    def clean_periods_back(self) -> int:
        value = int(self.cleaned_data["periods_back"])
        if not 1 <= value <= 6:
            raise forms.ValidationError(_("Xét từ 1 đến 6 kỳ gần nhất."))
        return value


class PlanCreateForm(forms.Form):
    period = forms.CharField(label=_("Kỳ kiểm tra (ví dụ 2020S2)"), max_length=8)
    count = forms.IntegerField(label=_("Số xã đề xuất theo xếp hạng"), min_value=1, initial=4)


class PlanEditForm(forms.Form):
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=60, required=False)
    preparation = forms.CharField(
        label=_("Các xã chuẩn bị"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    checklist = forms.CharField(
        label=_("Nội dung kiểm tra (mỗi dòng một nội dung)"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def checklist_items(self, previous: list[dict[str, str]]) -> list[dict[str, str]]:
        """The lines as checklist items, keeping the code of a line that did not change."""
        codes = {item["label"]: item["code"] for item in previous}
        items = []
        for index, line in enumerate(self.cleaned_data["checklist"].splitlines(), start=1):
            label = line.strip()
            if label:
                code = codes.get(label) or (slugify(label)[:30] or "noi_dung") + f"_{index}"
                items.append({"code": code, "label": label})
        return items


class TeamForm(forms.Form):
    members = IdsChoiceField(
        label=_("Thành phần đoàn"),
        queryset=Member.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    leader = forms.ModelChoiceField(
        label=_("Trưởng đoàn"), queryset=Member.objects.none(), required=False
    )

    def __init__(self, *args: Any, candidates: list[Member], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        queryset = Member.objects.filter(pk__in=[m.pk for m in candidates]).select_related("body")
        members, leader = choice_field(self, "members"), choice_field(self, "leader")
        members.queryset = leader.queryset = queryset
        members.label_from_instance = _member_label  # type: ignore[method-assign,assignment]


def _member_label(member: Member) -> str:
    return f"{member.full_name} ({member.body_name})"


class AddCommuneForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Xã"), queryset=Unit.objects.none())
    scheduled_on = forms.DateField(label=_("Ngày kiểm tra"), widget=DATE)
    prepare_by = forms.DateField(label=_("Chuẩn bị xong trước ngày"), widget=DATE, required=False)

    def __init__(self, *args: Any, communes: list[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "unit").queryset = Unit.objects.filter(pk__in=[c.pk for c in communes])


class RecordForm(forms.Form):
    """Attendance of each body and the verdict of each checklist item, built per plan."""

    done_on = forms.DateField(label=_("Ngày kiểm tra"), widget=DATE)
    strengths = forms.CharField(
        label=_("Ưu điểm"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    findings = forms.CharField(
        label=_("Tồn tại, hạn chế"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(
        self,
        *args: Any,
        bodies: list[OrganisationKind],
        checklist: list[dict[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.bodies = bodies
        self.checklist = checklist
        for kind in bodies:
            self.fields[f"present_{kind.pk}"] = forms.BooleanField(label=kind.name, required=False)
            self.fields[f"person_{kind.pk}"] = forms.CharField(
                label=_("Người tham dự"), max_length=120, required=False
            )
        choices = [("", "—"), *Verdict.choices]
        for item in checklist:
            self.fields[f"verdict_{item['code']}"] = forms.ChoiceField(
                label=item["label"], choices=choices, required=False
            )
            self.fields[f"note_{item['code']}"] = forms.CharField(
                label=_("Ghi chú"), max_length=500, required=False
            )

    def body_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"present_{k.pk}"], self[f"person_{k.pk}"]) for k in self.bodies]

    def check_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"verdict_{i['code']}"], self[f"note_{i['code']}"]) for i in self.checklist]

    def attendance(self) -> dict[int, tuple[bool, str]]:
        data = self.cleaned_data
        return {k.pk: (data[f"present_{k.pk}"], data[f"person_{k.pk}"]) for k in self.bodies}

    def checks(self) -> dict[str, tuple[str, str]]:
        data = self.cleaned_data
        return {
            i["code"]: (data[f"verdict_{i['code']}"], data[f"note_{i['code']}"])
            for i in self.checklist
        }


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Kiến nghị"), widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.CharField(label=_("Người, đơn vị thực hiện"), max_length=160)
    due_on = forms.DateField(label=_("Thời hạn"), widget=DATE)


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 2}))
