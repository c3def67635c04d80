"""Old reports being read in: the uploaded file, the figures found, and the reviewer's choices."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    REVIEWING = "reviewing", _("đang xem lại")
    IMPORTED = "imported", _("đã nhập")


class ImportSession(models.Model):
    """One uploaded old report, read and waiting for the standing office to confirm its figures."""

    file_name = models.CharField(_("tên tệp"), max_length=255)
    # The whole extraction (paragraphs, figures, checks) so the review never re-reads the file.
    result = models.JSONField(_("kết quả đọc tệp"), default=dict)
    unit = models.ForeignKey(
        "places.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    period = models.CharField(_("kỳ"), max_length=8)
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=ImportStatus.choices,
        default=ImportStatus.REVIEWING,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    imported_at = models.DateTimeField(_("nhập lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lượt nhập báo cáo cũ")
        verbose_name_plural = _("lượt nhập báo cáo cũ")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} · {self.period}"

    @property
    def paragraphs(self) -> list[str]:
        return list(self.result.get("paragraphs") or [])

    @property
    def checks(self) -> list[dict]:
        return list(self.result.get("checks") or [])


class ImportCandidate(models.Model):
    """One figure found in an uploaded report, with the indicator, organisation and value chosen."""

    session = models.ForeignKey(ImportSession, on_delete=models.CASCADE, related_name="candidates")
    figure_id = models.PositiveIntegerField(_("số thứ tự trong tệp"))
    text = models.CharField(_("nguyên văn"), max_length=255)
    paragraph = models.PositiveIntegerField(_("đoạn"))
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    value = models.DecimalField(_("giá trị đọc được"), max_digits=24, decimal_places=4)
    unit = models.CharField(_("đơn vị tính"), max_length=60, blank=True)
    noun_phrase = models.CharField(_("nội dung"), max_length=255, blank=True)
    section = models.CharField(_("mục"), max_length=40, blank=True)
    section_title = models.CharField(_("tiêu đề mục"), max_length=500, blank=True)
    organisation_kind = models.CharField(_("loại tổ chức trong văn bản"), max_length=20, blank=True)
    proposed_code = models.CharField(_("chỉ tiêu đề xuất"), max_length=60, blank=True)
    score = models.FloatField(_("điểm phù hợp"), default=0)
    # The best few [code, score] pairs, offered first in the review's choice of indicator.
    ranked = models.JSONField(default=list)
    indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("chỉ tiêu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("tổ chức"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chosen_value = models.DecimalField(
        _("giá trị nhập"), max_digits=24, decimal_places=4, null=True, blank=True
    )
    included = models.BooleanField(_("nhập"), default=False)
    # Why this organisation and indicator were proposed, or why the figure is left unticked.
    reason = models.CharField(_("lý do đề xuất"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("số liệu tìm thấy")
        verbose_name_plural = _("số liệu tìm thấy")
        ordering = ["session", "figure_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "figure_id"], name="import_candidate_unique_figure"
            )
        ]

    def __str__(self) -> str:
        return f"#{self.figure_id} {self.text}"


class LearnedMapping(models.Model):
    """What an office confirmed for a phrase of a report: its indicator and organisation kind.

    Written when an import is confirmed; read when later reports are proposed, so that the same
    phrase ("phối hợp tổ chức … cuộc tuyên truyền") goes where the office put it last time.
    """

    # imports.learned.phrase_key: the words before the number and the noun after it, folded.
    key = models.CharField(_("cụm từ"), max_length=255, unique=True)
    indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("chỉ tiêu"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    organisation_kind = models.ForeignKey(
        "organisations.OrganisationKind",
        verbose_name=_("loại tổ chức"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xác nhận"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("xác nhận lúc"))

    class Meta:
        verbose_name = _("cụm từ đã xác nhận")
        verbose_name_plural = _("cụm từ đã xác nhận")

    def __str__(self) -> str:
        return f"{self.key} → {self.indicator_id}"
