"""Indicators, the forms that collect them, and their sections."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

code_validator = RegexValidator(
    r"^[a-z][a-z0-9_]*$",
    _("Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ."),
)


class ValueType(models.TextChoices):
    INTEGER = "integer", _("số nguyên")
    MONEY = "money", _("tiền (đồng)")
    DECIMAL = "decimal", _("số thập phân")
    PERCENT = "percent", _("tỷ lệ %")


class Aggregation(models.TextChoices):
    SUM = "sum", _("cộng dồn")
    AVERAGE = "average", _("bình quân")
    NONE = "none", _("không tổng hợp")


class Indicator(models.Model):
    """A figure that organisations report: 'số cuộc tuyên truyền', in 'cuộc', summed."""

    code = models.CharField(_("mã"), max_length=60, unique=True, validators=[code_validator])
    name = models.CharField(_("tên chỉ tiêu"), max_length=255)
    unit_label = models.CharField(
        _("đơn vị tính"), max_length=40, help_text=_("Như cán bộ vẫn viết: cuộc, lượt người, đồng…")
    )
    value_type = models.CharField(
        _("kiểu giá trị"), max_length=10, choices=ValueType.choices, default=ValueType.INTEGER
    )
    aggregation = models.CharField(
        _("cách tổng hợp"), max_length=10, choices=Aggregation.choices, default=Aggregation.SUM
    )
    part_of = models.ForeignKey(
        "self",
        verbose_name=_("là phần «trong đó» của"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="parts",
    )
    formula = models.CharField(
        _("công thức"),
        max_length=255,
        blank=True,
        help_text=_("Để trống nếu nhập tay. Ví dụ: tt_qp_thanh_nien / tt_qp_luot * 100"),
    )
    min_value = models.DecimalField(
        _("giá trị nhỏ nhất"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("giá trị lớn nhất"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    pad_small = models.BooleanField(_("viết số dưới 10 thành hai chữ số (05)"), default=False)
    # A figure that grows or shrinks by more than this (in %, against the same period a year
    # earlier, else the period before) cannot be submitted without a written explanation.
    change_threshold = models.DecimalField(
        _("ngưỡng biến động cần giải trình (%)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        default=Decimal("200"),
        help_text=_("Để trống nếu không kiểm tra biến động."),
    )
    keywords = models.TextField(
        _("từ khoá nhận dạng"),
        blank=True,
        help_text=_("Mỗi dòng một cụm từ, dùng khi nhập báo cáo cũ."),
    )
    description = models.TextField(_("mô tả"), blank=True)
    # How the review report writes the figure in a sentence; it may cite its partners and its
    # "trong đó" parts, and a part in [...] is left out when a figure it cites is missing.
    sentence = models.TextField(
        _("mẫu câu trong báo cáo"),
        blank=True,
        help_text=_(
            "Ví dụ: tuyên truyền Luật NVQS được {tt_qp_cuoc} cuộc[ với {tt_qp_luot} lượt người "
            "tham dự][, trong đó có {tt_qp_thanh_nien} thanh niên trong độ tuổi]"
        ),
    )

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit_label})"

    @property
    def is_computed(self) -> bool:
        return bool(self.formula)

    @property
    def bounds(self) -> tuple[Decimal | None, Decimal | None]:
        """The values allowed: counts and money are never negative, a percentage 0–100."""
        low, high = self.min_value, self.max_value
        if low is None:
            low = Decimal(0)
        if high is None and self.value_type == ValueType.PERCENT:
            high = Decimal(100)
        return low, high

    def clean(self) -> None:
        if self.part_of_id and self.part_of_id == self.pk:
            raise ValidationError({"part_of": _("Một chỉ tiêu không thể là phần của chính nó.")})
        if self.formula and self.part_of_id:
            raise ValidationError(
                {"formula": _("Chỉ tiêu tính theo công thức không thể là phần «trong đó».")}
            )


class PeriodType(models.TextChoices):
    MONTH = "month", _("tháng")
    QUARTER = "quarter", _("quý")
    HALF = "half", _("6 tháng")
    YEAR = "year", _("năm")


class PeriodConvention(models.TextChoices):
    CALENDAR = "calendar", _("theo năm dương lịch")
    CUTOFF_15 = "cutoff15", _("chốt số liệu ngày 15 (Nghị định 09/2019)")


def is_reported_by(levels: list[str], kind_ids: set[int], organisation) -> bool:
    """Whether a form of these unit levels and organisation kinds (ids) is the organisation's
    to report: `Form.is_reported_by`, and the same rule for a form read as plain rows."""
    return organisation.unit.level in levels and organisation.kind_id in kind_ids


class Form(models.Model):
    """A reporting form: who reports it, how often, its sections and its deadline."""

    code = models.CharField(_("mã"), max_length=40, unique=True, validators=[code_validator])
    name = models.CharField(_("tên biểu mẫu"), max_length=255)
    organisation_kinds = models.ManyToManyField(
        "organisations.OrganisationKind",
        verbose_name=_("loại tổ chức báo cáo"),
        related_name="forms",
    )
    levels = models.JSONField(
        _("cấp báo cáo"),
        default=list,
        help_text=_("Danh sách cấp: 1 tỉnh, 2 huyện, 3 xã."),
    )
    period_type = models.CharField(
        _("kỳ báo cáo"), max_length=10, choices=PeriodType.choices, default=PeriodType.HALF
    )
    period_convention = models.CharField(
        _("cách tính kỳ"),
        max_length=10,
        choices=PeriodConvention.choices,
        default=PeriodConvention.CUTOFF_15,
    )
    deadline_days = models.PositiveSmallIntegerField(
        _("hạn nộp (số ngày sau khi kết thúc kỳ)"), default=5
    )
    grace_days = models.PositiveSmallIntegerField(
        _("cho phép nhập thêm (số ngày sau hạn)"), default=10
    )
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("biểu mẫu")
        verbose_name_plural = _("biểu mẫu")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def is_reported_by(self, organisation) -> bool:
        """Whether the organisation reports this form: its kind is listed and its unit's level.

        Reads organisation_kinds through .all(), so a caller that prefetched it asks no query.
        """
        kinds = {kind.pk for kind in self.organisation_kinds.all()}
        return is_reported_by(self.levels, kinds, organisation)

    def indicators(self) -> list[Indicator]:
        return [
            link.indicator
            for section in self.sections.all()
            for link in section.indicator_links.all()
        ]


class Section(models.Model):
    """An ordered section of a form: a heading, its indicators, and a narrative text."""

    form = models.ForeignKey(Form, on_delete=models.CASCADE, related_name="sections")
    code = models.CharField(_("mã"), max_length=40, validators=[code_validator])
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    heading = models.CharField(_("tiêu đề"), max_length=255)
    has_narrative = models.BooleanField(_("có phần thuyết minh"), default=True)
    narrative_hint = models.TextField(_("gợi ý viết"), blank=True)
    narrative_required = models.BooleanField(_("bắt buộc viết thuyết minh"), default=False)
    indicators = models.ManyToManyField(
        Indicator, through="SectionIndicator", related_name="sections", blank=True
    )

    class Meta:
        verbose_name = _("phần của biểu mẫu")
        verbose_name_plural = _("phần của biểu mẫu")
        ordering = ["form", "order"]
        constraints = [
            models.UniqueConstraint(fields=["form", "code"], name="section_unique_form_code")
        ]

    def __str__(self) -> str:
        return f"{self.form.code} · {self.heading}"


class SectionIndicator(models.Model):
    """An indicator's place in a section."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="indicator_links")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["section", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "indicator"], name="section_indicator_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.section} · {self.indicator.code}"
