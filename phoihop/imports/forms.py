"""The upload of an old report and the review of its figures."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.accounts import permissions
from phoihop.core.forms import choice_field
from phoihop.core.numbers import NumberFormatError, format_number, parse_number
from phoihop.core.periods import Period, PeriodError
from phoihop.imports.models import ImportCandidate
from phoihop.imports.services import SUFFIXES, CandidateChoice
from phoihop.places.models import Unit


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp báo cáo (.docx, .txt, .pdf)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Refuse by declared size before reading a byte of it into memory.
        if upload.size > settings.PHOIHOP_MAX_UPLOAD_BYTES:
            size = format_number(Decimal(settings.PHOIHOP_MAX_UPLOAD_BYTES) / 2**20, decimals=1)
            raise forms.ValidationError(
                _("Tệp quá lớn; chỉ nhận tệp đến %(max)s MB.") % {"max": size}
            )
        if not upload.name.lower().endswith(SUFFIXES):
            raise forms.ValidationError(_("Chỉ nhận tệp .docx, .pdf hoặc .txt."))
        return upload


class UnitChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A unit named with its kind: "Huyện Bù Đăng", "Xã Đức Phong"."""

    def label_from_instance(self, obj: Unit) -> str:  # type: ignore[override]
        return f"{obj.get_kind_display()} {obj.name}"


class ReviewForm(forms.Form):
    """The unit and period the figures go to; the rows are read by `row_choices`."""

    unit = UnitChoiceField(queryset=Unit.objects.none(), label=gettext_lazy("Đơn vị"))
    period = forms.CharField(
        label=gettext_lazy("Kỳ báo cáo"),
        max_length=8,
        help_text=gettext_lazy("Ví dụ: 2020S1 (6 tháng đầu năm 2020), 2021, 2021Q1, 202103."),
    )

    acknowledged = forms.BooleanField(
        label=gettext_lazy("Đã xem các cảnh báo về kỳ và đơn vị"), required=False
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "unit").queryset = permissions.visible_units(user).order_by(
            "level", "path"
        )

    def clean_period(self) -> str:
        try:
            return Period.parse(self.cleaned_data["period"].strip()).id
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from error


def row_choices(
    data, candidates: list[ImportCandidate]
) -> tuple[list[CandidateChoice], dict[int, str]]:
    """Each row's indicator, organisation, value and tick from the posted form; errors by row."""
    choices: list[CandidateChoice] = []
    errors: dict[int, str] = {}
    for candidate in candidates:
        key = candidate.pk
        raw_value = (data.get(f"value-{key}") or "").strip()
        value: Decimal | None = None
        if raw_value:
            try:
                value = parse_number(raw_value)
            except NumberFormatError as error:
                errors[key] = str(error)
        organisation = data.get(f"organisation-{key}") or ""
        choices.append(
            CandidateChoice(
                candidate_id=key,
                # A code typed in "another indicator" wins over the proposals' list.
                indicator_code=(data.get(f"indicator-other-{key}") or "").strip()
                or data.get(f"indicator-{key}")
                or None,
                organisation_id=int(organisation) if organisation.isdigit() else None,
                value=value,
                included=data.get(f"include-{key}") == "on",
            )
        )
    return choices, errors
