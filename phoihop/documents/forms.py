"""Forms of the documents pages: the report header and a template upload."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.documents.context_units import HeaderFields


class HeaderForm(forms.Form):
    issuing_body = forms.CharField(label=_("Cơ quan ban hành"), max_length=200)
    parent_body = forms.CharField(label=_("Cơ quan cấp trên"), max_length=200, required=False)
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=60, required=False)
    place = forms.CharField(label=_("Địa danh"), max_length=100)
    on_behalf = forms.CharField(label=_("Thẩm quyền ký"), max_length=120, required=False)
    title = forms.CharField(label=_("Chức vụ người ký"), max_length=120)
    signer = forms.CharField(label=_("Người ký"), max_length=120, required=False)
    recipients = forms.CharField(
        label=_("Nơi nhận (mỗi dòng một nơi)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    @classmethod
    def initial_from(cls, header: HeaderFields) -> dict:
        return {
            "issuing_body": header.issuing_body,
            "parent_body": header.parent_body,
            "number": header.number,
            "place": header.place,
            "on_behalf": header.on_behalf,
            "title": header.title,
            "signer": header.signer,
            "recipients": "\n".join(header.recipients),
        }

    def header(self) -> HeaderFields:
        data = self.cleaned_data
        return HeaderFields(
            issuing_body=data["issuing_body"],
            parent_body=data["parent_body"],
            number=data["number"],
            place=data["place"],
            signer=data["signer"],
            title=data["title"],
            on_behalf=data["on_behalf"],
            recipients=[line.strip() for line in data["recipients"].splitlines() if line.strip()],
        )


class TemplateUploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp mẫu Word (.docx)"))
