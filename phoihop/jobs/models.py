"""A piece of long work someone asked for (a PDF, a ZIP, a validation rerun), run by a worker."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobState(models.TextChoices):
    QUEUED = "queued", _("đang chờ")
    RUNNING = "running", _("đang chạy")
    DONE = "done", _("đã xong")
    FAILED = "failed", _("không thành công")


class Job(models.Model):
    """One request for long work: who asked, what, how far it has got and where its file is."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("loại việc"), max_length=40)
    title = models.CharField(_("tên việc"), max_length=200)
    # The unit and period the work is about: whoever is the office for that unit may see it.
    unit = models.ForeignKey(
        "places.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    period = models.CharField(_("kỳ"), max_length=20, blank=True)
    parameters = models.JSONField(_("tham số"), default=dict, blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=JobState.choices, default=JobState.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    message = models.TextField(_("thông báo"), blank=True)
    # Relative to PHOIHOP_JOBS_DIR; empty when the work leaves no file.
    result_path = models.CharField(_("tệp kết quả"), max_length=300, blank=True)
    result_name = models.CharField(_("tên tệp tải về"), max_length=200, blank=True)
    result_type = models.CharField(max_length=120, blank=True)
    result_pages = models.PositiveSmallIntegerField(default=0)
    # A page of the application the finished work leads to (an import's review), if any.
    result_link = models.CharField(_("trang kết quả"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("việc chạy nền")
        verbose_name_plural = _("việc chạy nền")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_state_display()})"

    @property
    def page_numbers(self) -> range:
        return range(1, self.result_pages + 1)

    @property
    def is_finished(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)
