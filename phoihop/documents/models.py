"""Report header settings and Word templates, per unit."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ReportSettings(models.Model):
    """The header fields a unit's office last confirmed, offered again next time."""

    unit = models.OneToOneField(
        "places.Unit", on_delete=models.CASCADE, related_name="report_settings"
    )
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=200)
    parent_body = models.CharField(_("cơ quan cấp trên"), max_length=200, blank=True)
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    place = models.CharField(_("địa danh"), max_length=100)
    signer = models.CharField(_("người ký"), max_length=120, blank=True)
    title = models.CharField(_("chức vụ người ký"), max_length=120)
    on_behalf = models.CharField(_("thẩm quyền ký"), max_length=120, blank=True)
    # One recipient per line, bare names: the template adds "- " and ";".
    recipients = models.TextField(_("nơi nhận"), blank=True)
    template = models.ForeignKey(
        "ReportTemplate",
        verbose_name=_("mẫu đang dùng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Để trống: dùng mẫu mặc định."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("thông tin văn bản")
        verbose_name_plural = _("thông tin văn bản")

    def __str__(self) -> str:
        return f"{self.unit} · {self.issuing_body}"

    @property
    def recipient_list(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class ReportTemplate(models.Model):
    """A Word template a unit's office uploaded, kept as the bytes it sent."""

    unit = models.ForeignKey(
        "places.Unit", on_delete=models.CASCADE, related_name="report_templates"
    )
    name = models.CharField(_("tên mẫu"), max_length=200)
    content = models.BinaryField(_("tệp Word"))
    size = models.PositiveIntegerField(_("kích thước (byte)"), default=0)
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("mẫu báo cáo")
        verbose_name_plural = _("mẫu báo cáo")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.name


class ReportText(models.Model):
    """The office's own wording of a generated report, for one version of its data."""

    unit = models.ForeignKey("places.Unit", on_delete=models.CASCADE, related_name="+")
    period = models.CharField(_("kỳ"), max_length=8)
    # Which accepted submissions, at which versions, the generated text was written from: new
    # figures make a new version of the report, whose text is generated afresh.
    version = models.CharField(_("phiên bản số liệu"), max_length=64)
    # Part key ("leadership", "organisation:3.2", "opening"...) -> its paragraphs.
    parts = models.JSONField(_("nội dung đã sửa"), default=dict)
    # The generated paragraphs each reworded part replaced: once the data behind a part says
    # something else (a task closed, an inspection recorded), the part is generated afresh.
    replaced = models.JSONField(_("văn bản tạo tự động đã thay"), default=dict, blank=True)
    edited_at = models.DateTimeField(_("sửa lúc"), auto_now=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Who reworded what, and when: the office's text goes out under the committee's signature.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("văn bản đã sửa")
        verbose_name_plural = _("văn bản đã sửa")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period", "version"], name="one_text_per_report_version"
            )
        ]
        ordering = ["-edited_at"]

    def __str__(self) -> str:
        return f"{self.unit} · {self.period} · {self.version[:8]}"
