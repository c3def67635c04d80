"""Validation rules, declarations of figures to reconcile, and stored verdicts."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from phoihop.core import clock
from phoihop.reporting.models import validate_period_id
from phoihop.validation.rule_compiler import UNIT_SCOPE, compile_stored_rule


class Importance(models.TextChoices):
    HIGH = "high", _("cao")
    MEDIUM = "medium", _("trung bình")
    LOW = "low", _("thấp")


IMPORTANCE_ORDER: dict[str, int] = {Importance.HIGH: 0, Importance.MEDIUM: 1, Importance.LOW: 2}


class Operator(models.TextChoices):
    EQ = "=", "="
    NE = "!=", "≠"
    LT = "<", "<"
    LE = "<=", "≤"
    GT = ">", ">"
    GE = ">=", "≥"


class MissingStrategy(models.TextChoices):
    SKIP_IF_ANY = "skip_if_any", _("bỏ qua nếu thiếu bất kỳ số liệu nào")
    SKIP_IF_ALL = "skip_if_all", _("bỏ qua nếu một vế không có số liệu nào")
    NEVER_SKIP = "never_skip", _("không bỏ qua, số thiếu tính là 0")


class RuleScope(models.TextChoices):
    SUBMISSION = "submission", _("từng báo cáo")
    UNIT = UNIT_SCOPE, _("cả đơn vị (cộng các tổ chức, so với cấp dưới)")


class Rule(models.Model):
    """A check written by the standing office: `left operator right` over indicator figures."""

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên quy tắc"), max_length=255)
    left = models.CharField(_("vế trái"), max_length=500)
    operator = models.CharField(_("phép so sánh"), max_length=2, choices=Operator.choices)
    right = models.CharField(_("vế phải"), max_length=500)
    importance = models.CharField(
        _("mức độ"), max_length=6, choices=Importance.choices, default=Importance.MEDIUM
    )
    message = models.TextField(
        _("thông báo khi vi phạm"),
        help_text=_(
            "Dùng {left}, {right}, {difference} hoặc {mã_chỉ_tiêu} để hiện số liệu, "
            "ví dụ: Số phần quà ({left}) vượt quá {right}."
        ),
    )
    missing = models.CharField(
        _("khi thiếu số liệu"),
        max_length=12,
        choices=MissingStrategy.choices,
        default=MissingStrategy.SKIP_IF_ANY,
    )
    tolerance = models.DecimalField(
        _("sai số cho phép"), max_digits=20, decimal_places=4, default=0
    )
    blocking = models.BooleanField(
        _("chặn khi lưu"), default=False, help_text=_("Không cho lưu báo cáo khi vi phạm.")
    )
    scope = models.CharField(
        _("phạm vi áp dụng"), max_length=10, choices=RuleScope.choices, default=RuleScope.SUBMISSION
    )
    unit = models.ForeignKey(
        "places.Unit",
        verbose_name=_("áp dụng trong đơn vị"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Để trống: áp dụng ở mọi nơi."),
    )
    form = models.ForeignKey(
        "indicators.Form",
        verbose_name=_("biểu mẫu"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Để trống: mọi biểu mẫu có đủ các chỉ tiêu."),
    )
    organisation_kinds = models.ManyToManyField(
        "organisations.OrganisationKind",
        verbose_name=_("loại tổ chức"),
        blank=True,
        related_name="+",
        help_text=_("Để trống: mọi loại tổ chức."),
    )
    levels = models.JSONField(
        _("cấp"), default=list, blank=True, help_text=_("1 tỉnh, 2 huyện, 3 xã; để trống: mọi cấp.")
    )
    is_active = models.BooleanField(_("đang dùng"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("quy tắc kiểm tra")
        verbose_name_plural = _("quy tắc kiểm tra")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} · {self.name}"

    def clean(self) -> None:
        bad = [level for level in self.levels or [] if level not in (1, 2, 3)]
        if not isinstance(self.levels, list) or bad:
            raise ValidationError({"levels": _("Cấp chỉ gồm các số 1, 2, 3.")})
        compile_stored_rule(self)  # raises ValidationError on the faulty field


class JointFigure(models.Model):
    """A figure two organisations of a unit report together: both must report the same."""

    indicator = models.ForeignKey(
        "indicators.Indicator", verbose_name=_("chỉ tiêu"), on_delete=models.CASCADE
    )
    organisation_kind = models.ForeignKey(
        "organisations.OrganisationKind",
        verbose_name=_("tổ chức"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    partner_kind = models.ForeignKey(
        "organisations.OrganisationKind",
        verbose_name=_("tổ chức phối hợp"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    tolerance = models.DecimalField(
        _("sai số cho phép"), max_digits=20, decimal_places=4, default=0
    )

    class Meta:
        verbose_name = _("số liệu phối hợp")
        verbose_name_plural = _("số liệu phối hợp")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "organisation_kind", "partner_kind"], name="joint_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.organisation_kind.code} ↔ {self.partner_kind.code}"

    def clean(self) -> None:
        if self.organisation_kind_id and self.organisation_kind_id == self.partner_kind_id:
            raise ValidationError(_("Tổ chức phối hợp phải khác tổ chức báo cáo."))


class LevelReconciliation(models.Model):
    """An indicator a unit's organisation reports for its child units too: the two must agree."""

    indicator = models.ForeignKey(
        "indicators.Indicator", verbose_name=_("chỉ tiêu"), on_delete=models.CASCADE
    )
    organisation_kind = models.ForeignKey(
        "organisations.OrganisationKind",
        verbose_name=_("tổ chức"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Để trống: cộng mọi tổ chức của đơn vị."),
    )
    tolerance = models.DecimalField(
        _("sai số cho phép"), max_digits=20, decimal_places=4, default=0
    )
    importance = models.CharField(
        _("mức độ"), max_length=6, choices=Importance.choices, default=Importance.HIGH
    )

    class Meta:
        verbose_name = _("đối chiếu giữa các cấp")
        verbose_name_plural = _("đối chiếu giữa các cấp")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "organisation_kind"], name="level_unique")
        ]

    def __str__(self) -> str:
        kind = self.organisation_kind.code if self.organisation_kind is not None else "*"
        return f"{self.indicator.code} ({kind})"


class ProductDeclaration(models.Model):
    """Three indicators where count × value each = total (17 phần quà × 300.000 = 5.100.000)."""

    count = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("số lượng"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    each = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("trị giá mỗi"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    total = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("tổng trị giá"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    tolerance = models.DecimalField(
        _("sai số cho phép"), max_digits=20, decimal_places=4, default=0
    )

    class Meta:
        verbose_name = _("kiểm tra số lượng × đơn giá")
        verbose_name_plural = _("kiểm tra số lượng × đơn giá")
        constraints = [models.UniqueConstraint(fields=["total"], name="product_unique_total")]

    def __str__(self) -> str:
        return f"{self.count.code} × {self.each.code} = {self.total.code}"


class ValidationRun(models.Model):
    """One validation of a unit and period, kept with its results whatever changes later."""

    unit = models.ForeignKey(
        "places.Unit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="+"
    )
    period = models.CharField(_("kỳ"), max_length=8, validators=[validate_period_id])
    # The application's clock, so that a demo running on its own "today" shows runs of that day.
    created_at = models.DateTimeField(_("lúc"), default=clock.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submission_count = models.PositiveIntegerField(_("số báo cáo đã kiểm tra"), default=0)
    # runs.data_mark() of the data the run read; a different mark now means the data changed.
    data_mark = models.CharField(max_length=255, blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("lần kiểm tra")
        verbose_name_plural = _("lần kiểm tra")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["unit", "period", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.unit} · {self.period} · {self.created_at:%d/%m/%Y %H:%M}"


class ResultStatus(models.TextChoices):
    OPEN = "open", _("chưa xử lý")
    EXPLAINED = "explained", _("đã giải trình")
    RESOLVED = "resolved", _("đã xử lý")


class Kind(models.TextChoices):
    BUILTIN = "builtin", _("kiểm tra tự động")
    RULE = "rule", _("quy tắc")
    LEVEL = "level_mismatch", _("lệch giữa các cấp")
    PARTNER = "partner_mismatch", _("lệch giữa các tổ chức")
    HISTORY_JUMP = "history_jump", _("tăng bất thường")
    HISTORY_FALL = "history_fall", _("giảm bất thường")
    HISTORY_REPEAT = "history_repeat", _("giống hệt kỳ trước")
    PEER_HIGH = "peer_high", _("cao bất thường so với các xã")
    PEER_LOW = "peer_low", _("thấp bất thường so với các xã")


class ValidationResult(models.Model):
    """One violation or finding of a run, with the exact figures it was judged on."""

    run = models.ForeignKey(ValidationRun, on_delete=models.CASCADE, related_name="results")
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    code = models.CharField(_("mã kiểm tra"), max_length=120)
    # Identifies the same problem across runs, so an explanation can follow unchanged figures.
    fingerprint = models.CharField(max_length=255, db_index=True)
    importance = models.CharField(_("mức độ"), max_length=6, choices=Importance.choices)
    blocking = models.BooleanField(default=False)
    message = models.TextField(_("nội dung"))
    unit = models.ForeignKey(
        "places.Unit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("tổ chức"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    submission = models.ForeignKey(
        "reporting.Submission",
        verbose_name=_("báo cáo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    period = models.CharField(_("kỳ"), max_length=8)
    # [{"label", "value" (exact string or null), "unit"}]: what the verdict was computed on.
    snapshot = models.JSONField(_("số liệu khi kiểm tra"), default=list)
    status = models.CharField(
        _("tình trạng"), max_length=10, choices=ResultStatus.choices, default=ResultStatus.OPEN
    )
    explanation = models.TextField(_("giải trình"), blank=True)
    explained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    explained_at = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(_("trả lại để sửa lúc"), null=True, blank=True)
    # Not a field: the snapshot's rows with their value as a number ("number"), which
    # validation.selectors.attach_figures sets on a result before a page shows it.
    figures: list[dict[str, Any]]

    class Meta:
        verbose_name = _("kết quả kiểm tra")
        verbose_name_plural = _("kết quả kiểm tra")
        ordering = ["run", "pk"]

    def __str__(self) -> str:
        return f"{self.get_importance_display()} · {self.message[:80]}"
