"""Submissions: one organisation's figures and narrative for one form and period."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phoihop.core.dates import VIETNAM
from phoihop.core.periods import Period, PeriodError
from phoihop.core.periods import deadline as period_deadline


def validate_period_id(value: str) -> None:
    try:
        Period.parse(value)
    except PeriodError as exc:
        raise ValidationError(str(exc)) from exc


def period_label(period_id: str) -> str:
    """A stored period id as people read it; a malformed one is shown as stored, not raised."""
    try:
        return Period.parse(period_id).label
    except PeriodError:
        return period_id


def submitted_late(submitted_at: dt.datetime | None, deadline: dt.date) -> bool:
    """Whether something sent at `submitted_at` missed `deadline`, the day read in Vietnam."""
    return submitted_at is not None and submitted_at.astimezone(VIETNAM).date() > deadline


class Status(models.TextChoices):
    DRAFT = "draft", _("đang soạn")
    SUBMITTED = "submitted", _("đã gửi")
    ACCEPTED = "accepted", _("đã duyệt")
    RETURNED = "returned", _("bị trả lại")


class Submission(models.Model):
    """What one organisation reports on one form for one period, and where it stands."""

    form = models.ForeignKey(
        "indicators.Form", on_delete=models.PROTECT, related_name="submissions"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="submissions"
    )
    period = models.CharField(_("kỳ"), max_length=8, validators=[validate_period_id])
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # Bumped on every save: a save that started from an older version is refused.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("duyệt/trả lúc"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    # A returned or reopened submission stays open for its reporter until this day, whatever
    # the form's entry window: returned is never a dead end.
    reopened_until = models.DateField(_("mở cho người báo cáo sửa đến ngày"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["period", "organisation__unit__path", "organisation__kind__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["form", "organisation", "period"], name="submission_unique_form_org_period"
            )
        ]
        indexes = [models.Index(fields=["period", "status"])]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.period_obj.label}"

    @property
    def period_obj(self) -> Period:
        return Period.parse(self.period)

    @property
    def period_label(self) -> str:
        """The period as lists show it; a malformed stored id is shown as stored, not raised."""
        return period_label(self.period)

    @property
    def period_sort_key(self) -> tuple:
        """Orders submissions by period; a malformed stored id comes before every real period."""
        try:
            return (1, self.period_obj)
        except PeriodError:
            return (0,)

    @property
    def unit(self):
        return self.organisation.unit

    @property
    def deadline(self) -> dt.date | None:
        """None only for a malformed stored period id: lists show no deadline rather than fail."""
        try:
            period = self.period_obj
        except PeriodError:
            return None
        return period_deadline(
            period,
            convention=self.form.period_convention,
            days_after_end=self.form.deadline_days,
        )

    def open_for_correction(self, day: dt.date) -> bool:
        """Returned (or reopened) and still open to its reporter on `day`, whatever the form's
        entry window."""
        until = self.reopened_until
        return self.status == Status.RETURNED and until is not None and day <= until

    @property
    def is_late(self) -> bool:
        # Not sent yet is not late here; the deadline (and its form) is read only when sent.
        if self.submitted_at is None:
            return False
        deadline = self.deadline
        return deadline is not None and submitted_late(self.submitted_at, deadline)


class FigureValue(models.Model):
    """One indicator's value in one submission, exact, with an optional comment."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="figures")
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.PROTECT, related_name="values"
    )
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4, null=True)
    comment = models.CharField(_("ghi chú"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("số liệu")
        verbose_name_plural = _("số liệu")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "indicator"], name="figure_unique_submission_indicator"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code}={self.value}"


class Narrative(models.Model):
    """The written part of one section of a submission."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="narratives")
    section = models.ForeignKey("indicators.Section", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("nội dung"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phần thuyết minh")
        verbose_name_plural = _("phần thuyết minh")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "section"], name="narrative_unique_submission_section"
            )
        ]

    def __str__(self) -> str:
        return f"{self.submission_id} · {self.section.code}"


class Event(models.Model):
    """A step in a submission's workflow: who did what, when, and why."""

    class Action(models.TextChoices):
        CREATED = "created", _("tạo báo cáo")
        SAVED = "saved", _("lưu")
        SUBMITTED = "submitted", _("gửi")
        RETURNED = "returned", _("trả lại")
        ACCEPTED = "accepted", _("duyệt")
        REOPENED = "reopened", _("mở lại")
        IMPORTED = "imported", _("nhập từ tệp")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("việc"), max_length=10, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("lúc"))
    reason = models.TextField(_("lý do"), blank=True)

    class Meta:
        verbose_name = _("bước xử lý")
        verbose_name_plural = _("bước xử lý")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.at:%d/%m/%Y %H:%M}"


class EntryWindow(models.Model):
    """An extension of the entry window, granted by the standing office: for one form and period,
    for the organisations of one unit and the units below it (or for one organisation), until a
    date; it can be revoked, and every change is kept."""

    form = models.ForeignKey("indicators.Form", on_delete=models.CASCADE, related_name="+")
    period = models.CharField(_("kỳ"), max_length=8, validators=[validate_period_id])
    unit = models.ForeignKey(
        "places.Unit", on_delete=models.CASCADE, related_name="+", verbose_name=_("đơn vị")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("tổ chức"),
        help_text=_("Để trống: mọi tổ chức của đơn vị và các đơn vị trực thuộc."),
    )
    closes_on = models.DateField(_("cho phép nhập đến ngày"))
    reason = models.TextField(_("lý do"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("lúc"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gia hạn nhập liệu")
        verbose_name_plural = _("gia hạn nhập liệu")
        ordering = ["-pk"]
        indexes = [models.Index(fields=["form", "period"])]

    def __str__(self) -> str:
        return f"{self.form.code} {self.period} → {self.closes_on}"

    @property
    def period_label(self) -> str:
        """The period as lists show it (6 tháng cuối năm 2020); a malformed id as stored."""
        return period_label(self.period)


class Explanation(models.Model):
    """A reporter's explanation of a check its figures break, written when submitting."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="explanations"
    )
    rule_code = models.CharField(_("mã kiểm tra"), max_length=120)
    text = models.TextField(_("giải trình"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("lúc"))

    class Meta:
        verbose_name = _("giải trình")
        verbose_name_plural = _("giải trình")
        ordering = ["at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "rule_code"], name="explanation_unique_rule"
            )
        ]

    def __str__(self) -> str:
        return f"{self.submission_id} · {self.rule_code}"


class Notification(models.Model):
    """A message to one person, in the application and (if they chose it) by e-mail: a deadline
    reminder, or a step of a submission's workflow."""

    class Kind(models.TextChoices):
        DUE = "due", _("sắp đến hạn")
        OVERDUE = "overdue", _("quá hạn")
        ESCALATED = "escalated", _("báo cáo chậm (chuyển cơ quan thường trực)")
        SUBMITTED = "submitted", _("báo cáo đã gửi")
        RESUBMITTED = "resubmitted", _("báo cáo gửi lại")
        RETURNED = "returned", _("báo cáo bị trả lại")
        ACCEPTED = "accepted", _("báo cáo đã duyệt")
        REOPENED = "reopened", _("báo cáo được mở lại")

    # Reminders are sent by a command that may run often; the workflow's kinds are events.
    REMINDER_KINDS = ("due", "overdue", "escalated")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    form = models.ForeignKey("indicators.Form", on_delete=models.CASCADE, related_name="+")
    period = models.CharField(_("kỳ"), max_length=8)
    submission = models.ForeignKey(
        Submission, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("nội dung"))
    created_on = models.DateField(_("ngày"))
    created_at = models.DateTimeField(_("lúc"))
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One reminder per person, organisation, form, period and kind a day: cron may run
            # often. A workflow step is an event: returned twice in a day is told twice.
            models.UniqueConstraint(
                fields=["recipient", "organisation", "form", "period", "kind", "created_on"],
                condition=models.Q(kind__in=["due", "overdue", "escalated"]),
                name="notification_reminder_once_a_day",
            )
        ]
        # The bell counts a person's unread notifications on every page.
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return f"{self.recipient} · {self.message[:40]}"
