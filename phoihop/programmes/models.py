"""The coordination programme signed each year, its targets, joint activities and common plans."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phoihop.reporting.models import period_label, validate_period_id


class Programme(models.Model):
    """The programme (chương trình phối hợp) one organisation of a unit signed for a year."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("tổ chức"),
        on_delete=models.PROTECT,
        related_name="programmes",
    )
    year = models.PositiveSmallIntegerField(_("năm"), validators=[MinValueValidator(2000)])
    signed_on = models.DateField(_("ngày ký"), null=True, blank=True)
    reference = models.CharField(_("số, ký hiệu văn bản"), max_length=80, blank=True)
    # Every amendment (a form, an upload) makes a new version; earlier ones stay readable.
    version = models.PositiveIntegerField(_("phiên bản"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chương trình phối hợp")
        verbose_name_plural = _("chương trình phối hợp")
        ordering = ["year", "organisation__unit__path", "organisation__kind__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="programme_unique_org_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.year}"


class Content(models.Model):
    """A content of the programme (nội dung phối hợp): its section, lead, partners, indicators."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="contents")
    section = models.ForeignKey(
        "indicators.Section",
        verbose_name=_("phần báo cáo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("nội dung"), max_length=300)
    lead = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("cơ quan chủ trì"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    partners = models.ManyToManyField(
        "organisations.Organisation", verbose_name=_("cơ quan phối hợp"), related_name="+"
    )
    indicators = models.ManyToManyField(
        "indicators.Indicator", verbose_name=_("chỉ tiêu đo lường"), related_name="+", blank=True
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nội dung phối hợp")
        verbose_name_plural = _("nội dung phối hợp")
        ordering = ["programme", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class Target(models.Model):
    """A yearly target (chỉ tiêu) of one indicator in one programme, maybe with a half-year one."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="targets")
    indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("chỉ tiêu"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    yearly = models.DecimalField(_("chỉ tiêu năm"), max_digits=20, decimal_places=4)
    half_year = models.DecimalField(
        _("chỉ tiêu 6 tháng"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chỉ tiêu năm")
        verbose_name_plural = _("chỉ tiêu năm")
        ordering = ["programme", "indicator__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "indicator"], name="target_unique_programme_indicator"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code}={self.yearly}"


class ProgrammeVersion(models.Model):
    """One version of a programme as it stood after an amendment: kept whole, readable later."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("phiên bản"))
    created_at = models.DateTimeField(_("lúc"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("lý do"), max_length=300, blank=True)
    # {"signed_on": "2020-01-15", "reference": "...", "targets": [{"code", "yearly", ...}]}
    snapshot = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("phiên bản chương trình")
        verbose_name_plural = _("phiên bản chương trình")
        ordering = ["programme", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="version_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.programme} · v{self.number}"


class JointActivity(models.Model):
    """An activity carried out together by several bodies, recorded once and counted once."""

    unit = models.ForeignKey(
        "places.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("hoạt động"), max_length=300)
    held_on = models.DateField(_("ngày tổ chức"))
    period = models.CharField(_("kỳ"), max_length=8, validators=[validate_period_id])
    lead = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("cơ quan chủ trì"),
        on_delete=models.PROTECT,
        related_name="led_activities",
    )
    partners = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("cơ quan phối hợp"),
        related_name="joint_activities",
    )
    communes = models.ManyToManyField(
        "places.Unit", verbose_name=_("xã, thị trấn"), related_name="+", blank=True
    )
    description = models.TextField(_("mô tả"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hoạt động phối hợp")
        verbose_name_plural = _("hoạt động phối hợp")
        ordering = ["-held_on", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def period_label(self) -> str:
        return period_label(self.period)


class ActivityFigure(models.Model):
    """One figure of a joint activity (participants, sessions, money), counted once."""

    activity = models.ForeignKey(JointActivity, on_delete=models.CASCADE, related_name="figures")
    indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("chỉ tiêu"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("số liệu hoạt động phối hợp")
        verbose_name_plural = _("số liệu hoạt động phối hợp")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "indicator"], name="activity_figure_unique_indicator"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code}={self.value}"


class Evidence(models.Model):
    """A file that proves a joint activity took place: minutes, photos."""

    class Kind(models.TextChoices):
        MINUTES = "minutes", _("biên bản")
        PHOTO = "photo", _("ảnh")

    activity = models.ForeignKey(JointActivity, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    filename = models.CharField(_("tên tệp"), max_length=200)
    content_type = models.CharField(max_length=100)
    content = models.BinaryField()
    size = models.PositiveIntegerField(_("dung lượng"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")
        ordering = ["activity", "uploaded_at"]

    def __str__(self) -> str:
        return self.filename


class CommonPlan(models.Model):
    """The common plan (kế hoạch chung) of a unit for a period: the joint activities planned."""

    unit = models.ForeignKey(
        "places.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    period = models.CharField(_("kỳ"), max_length=8, validators=[validate_period_id])
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kế hoạch chung")
        verbose_name_plural = _("kế hoạch chung")
        ordering = ["period", "unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period"], name="common_plan_unique_unit_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {period_label(self.period)}"

    @property
    def period_label(self) -> str:
        return period_label(self.period)


class PlannedActivity(models.Model):
    """A joint activity planned in a common plan, and how it ended."""

    class Outcome(models.TextChoices):
        PLANNED = "planned", _("chưa thực hiện")
        DONE = "done", _("đã thực hiện")
        POSTPONED = "postponed", _("hoãn")
        CANCELLED = "cancelled", _("huỷ")

    class Source(models.TextChoices):
        PROGRAMME = "programme", _("từ chương trình phối hợp")
        DIRECTION = "direction", _("từ phương hướng kỳ trước")
        ADDED = "added", _("bổ sung")

    plan = models.ForeignKey(CommonPlan, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("việc"), max_length=500)
    due_on = models.DateField(_("thời gian"), null=True, blank=True)
    place = models.CharField(_("địa điểm"), max_length=200, blank=True)
    communes = models.ManyToManyField(
        "places.Unit", verbose_name=_("xã, thị trấn"), related_name="+", blank=True
    )
    lead = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("cơ quan chủ trì"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    partners = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("cơ quan phối hợp"),
        related_name="+",
        blank=True,
    )
    expected_indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("chỉ tiêu dự kiến"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    expected_value = models.DecimalField(
        _("số dự kiến"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    source = models.CharField(
        _("nguồn"), max_length=10, choices=Source.choices, default=Source.ADDED
    )
    content = models.ForeignKey(
        Content, null=True, blank=True, on_delete=models.SET_NULL, related_name="planned"
    )
    outcome = models.CharField(
        _("kết quả"), max_length=10, choices=Outcome.choices, default=Outcome.PLANNED
    )
    reason = models.TextField(_("lý do"), blank=True)
    activity = models.ForeignKey(
        JointActivity,
        verbose_name=_("hoạt động đã báo cáo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="planned",
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("việc trong kế hoạch chung")
        verbose_name_plural = _("việc trong kế hoạch chung")
        ordering = ["plan", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class Direction(models.Model):
    """A task (nhiệm vụ) of a period drawn from a direction (phương hướng) of the last report:
    what, who, by when, and how it ended."""

    class Status(models.TextChoices):
        OPEN = "open", _("chưa hoàn thành")
        DONE = "done", _("đã hoàn thành")
        POSTPONED = "postponed", _("hoãn")
        CANCELLED = "cancelled", _("huỷ")

    unit = models.ForeignKey(
        "places.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    # The report whose part two wrote it, and the period it is to be done in (the next one).
    source_period = models.CharField(
        _("kỳ báo cáo đề ra"), max_length=8, validators=[validate_period_id]
    )
    period = models.CharField(_("kỳ thực hiện"), max_length=8, validators=[validate_period_id])
    title = models.CharField(_("nhiệm vụ"), max_length=200)
    text = models.TextField(_("phương hướng đã ghi"), blank=True)
    lead = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("cơ quan chủ trì"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    partners = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("cơ quan phối hợp"),
        related_name="+",
        blank=True,
    )
    due_on = models.DateField(_("thời hạn"))
    status = models.CharField(
        _("kết quả"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    reason = models.TextField(_("lý do"), blank=True)
    planned = models.ForeignKey(
        PlannedActivity,
        verbose_name=_("việc trong kế hoạch chung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directions",
    )
    activity = models.ForeignKey(
        JointActivity,
        verbose_name=_("hoạt động đã thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directions",
    )
    order = models.PositiveSmallIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    # Who joins a task is part of how it stands: each history row keeps the partners of then.
    history = HistoricalRecords(m2m_fields=["partners"])

    class Meta:
        verbose_name = _("nhiệm vụ từ phương hướng")
        verbose_name_plural = _("nhiệm vụ từ phương hướng")
        ordering = ["period", "unit__path", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period", "order"], name="direction_unique_unit_period_order"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def period_label(self) -> str:
        return period_label(self.period)
