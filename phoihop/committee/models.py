"""The steering committee and the communes' coordination boards: members, the communes each
member is in charge of, each board's operating rules, and the inspections of the boards."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from phoihop.reporting.models import period_label, validate_period_id


class Board(models.Model):
    """The steering committee of a district (Ban chỉ đạo) or a commune's coordination board
    (Ban điều phối): one per unit."""

    unit = models.OneToOneField(
        "places.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="board"
    )
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("ban chỉ đạo / ban điều phối")
        verbose_name_plural = _("ban chỉ đạo / ban điều phối")
        ordering = ["unit__path"]

    def __str__(self) -> str:
        return f"{self.kind_label} {self.unit.full_name}"

    @property
    def is_committee(self) -> bool:
        return self.unit.level < 3  # district or above: a steering committee

    @property
    def kind_label(self) -> str:
        return str(_("Ban chỉ đạo") if self.is_committee else _("Ban điều phối"))


class Position(models.TextChoices):
    HEAD = "head", _("Trưởng ban")
    STANDING_DEPUTY = "standing_deputy", _("Phó Trưởng ban thường trực")
    DEPUTY = "deputy", _("Phó Trưởng ban")
    MEMBER = "member", _("Thành viên")


class Member(models.Model):
    """A person on a board: their position, the body they come from, their term."""

    board = models.ForeignKey(
        Board, verbose_name=_("ban"), on_delete=models.CASCADE, related_name="members"
    )
    full_name = models.CharField(_("họ và tên"), max_length=120)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="board_memberships",
    )
    position = models.CharField(
        _("chức vụ trong ban"), max_length=20, choices=Position.choices, default=Position.MEMBER
    )
    job_title = models.CharField(_("chức vụ tại cơ quan"), max_length=160, blank=True)
    body = models.ForeignKey(
        "organisations.OrganisationKind",
        verbose_name=_("cơ quan, đoàn thể"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Để trống nếu thành viên đến từ cơ quan khác (Đảng ủy, UBND...)."),
    )
    other_body = models.CharField(_("cơ quan khác"), max_length=160, blank=True)
    term_start = models.DateField(_("nhiệm kỳ từ"))
    term_end = models.DateField(_("nhiệm kỳ đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("thành viên")
        verbose_name_plural = _("thành viên")
        ordering = ["board", "pk"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def body_name(self) -> str:
        return self.body.name if self.body is not None else self.other_body

    def serves_on(self, day: dt.date) -> bool:
        return self.term_start <= day and (self.term_end is None or day <= self.term_end)


class Assignment(models.Model):
    """A member of the steering committee in charge of a commune (phụ trách địa bàn)."""

    member = models.ForeignKey(
        Member, verbose_name=_("thành viên"), on_delete=models.CASCADE, related_name="assignments"
    )
    unit = models.ForeignKey(
        "places.Unit", verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="+"
    )
    since = models.DateField(_("từ ngày"))

    class Meta:
        verbose_name = _("phân công phụ trách")
        verbose_name_plural = _("phân công phụ trách")
        ordering = ["unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["member", "unit"], name="assignment_unique_member_unit")
        ]

    def __str__(self) -> str:
        return f"{self.member} · {self.unit}"


class DocumentKind(models.TextChoices):
    RULES = "rules", _("Quy chế hoạt động")
    CONSOLIDATION = "consolidation", _("Quyết định kiện toàn")


class BoardDocument(models.Model):
    """A board's operating rules (quy chế hoạt động) or consolidation decision (quyết định
    kiện toàn): the file as uploaded, its date and version."""

    board = models.ForeignKey(
        Board, verbose_name=_("ban"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("loại văn bản"), max_length=16, choices=DocumentKind.choices)
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    issued_on = models.DateField(_("ngày ban hành"))
    version = models.CharField(_("phiên bản"), max_length=20, blank=True)
    filename = models.CharField(_("tên tệp"), max_length=200)
    content = models.BinaryField(_("nội dung tệp"))
    size = models.PositiveIntegerField(_("dung lượng"))
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("văn bản của ban")
        verbose_name_plural = _("văn bản của ban")
        ordering = ["board", "kind", "-issued_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number or self.filename}"


class RiskWeights(models.Model):
    """How many points each factor of the inspection ranking is worth, set by a unit's office."""

    unit = models.OneToOneField(
        "places.Unit", on_delete=models.CASCADE, related_name="+", verbose_name=_("đơn vị")
    )
    late_report = models.DecimalField(
        _("mỗi báo cáo chậm hoặc chưa gửi"), max_digits=5, decimal_places=2, default=Decimal(3)
    )
    open_result = models.DecimalField(
        _("mỗi kết quả kiểm tra số liệu chưa xử lý"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(1),
    )
    programme_behind = models.DecimalField(
        _("mỗi 10 điểm phần trăm chậm so với chỉ tiêu"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(2),
    )
    month_uninspected = models.DecimalField(
        _("mỗi tháng chưa được kiểm tra"), max_digits=5, decimal_places=2, default=Decimal("0.5")
    )
    missing_rules = models.DecimalField(
        _("chưa có quy chế hoạt động"), max_digits=5, decimal_places=2, default=Decimal(5)
    )
    periods_back = models.PositiveSmallIntegerField(_("số kỳ báo cáo gần nhất được xét"), default=2)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("trọng số xếp hạng kiểm tra")
        verbose_name_plural = _("trọng số xếp hạng kiểm tra")

    def __str__(self) -> str:
        return str(self.unit)


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("dự thảo")
    SENT = "sent", _("đã gửi các xã")


class InspectionPlan(models.Model):
    """The inspection plan of a period (kế hoạch kiểm tra): which boards, when, by which team,
    against which checklist."""

    unit = models.ForeignKey(
        "places.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    period = models.CharField(_("kỳ"), max_length=8, validators=[validate_period_id])
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=8, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    # [{"code", "label"}]: copied from checklist.yaml when the plan is made, then the plan's own.
    checklist = models.JSONField(_("nội dung kiểm tra"), default=list)
    preparation = models.TextField(_("các xã chuẩn bị"), blank=True)
    created_at = models.DateTimeField(_("lập lúc"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kế hoạch kiểm tra")
        verbose_name_plural = _("kế hoạch kiểm tra")
        ordering = ["-period", "-pk"]

    def __str__(self) -> str:
        return f"{self.unit} · {self.period_label}"

    @property
    def period_label(self) -> str:
        return period_label(self.period)


class TeamMember(models.Model):
    """A member of a plan's inspection team (thành phần đoàn kiểm tra)."""

    plan = models.ForeignKey(InspectionPlan, on_delete=models.CASCADE, related_name="team")
    member = models.ForeignKey(
        Member, verbose_name=_("thành viên"), on_delete=models.PROTECT, related_name="+"
    )
    leads = models.BooleanField(_("trưởng đoàn"), default=False)

    class Meta:
        verbose_name = _("thành viên đoàn kiểm tra")
        verbose_name_plural = _("thành viên đoàn kiểm tra")
        ordering = ["-leads", "member__body__order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "member"], name="team_unique_plan_member")
        ]

    def __str__(self) -> str:
        return str(self.member)


class InspectionStatus(models.TextChoices):
    PLANNED = "planned", _("theo kế hoạch")
    DONE = "done", _("đã kiểm tra")


class Inspection(models.Model):
    """The inspection of one commune's board: planned (when, why, what to prepare), then done
    (who attended, the checklist, findings)."""

    plan = models.ForeignKey(InspectionPlan, on_delete=models.CASCADE, related_name="inspections")
    unit = models.ForeignKey(
        "places.Unit", verbose_name=_("xã"), on_delete=models.PROTECT, related_name="+"
    )
    scheduled_on = models.DateField(_("ngày kiểm tra"))
    prepare_by = models.DateField(_("chuẩn bị xong trước ngày"), null=True, blank=True)
    reasons = models.TextField(_("lý do chọn"), blank=True)
    status = models.CharField(
        _("tình trạng"),
        max_length=8,
        choices=InspectionStatus.choices,
        default=InspectionStatus.PLANNED,
    )
    done_on = models.DateField(_("ngày đã kiểm tra"), null=True, blank=True)
    findings = models.TextField(_("tồn tại, hạn chế"), blank=True)
    strengths = models.TextField(_("ưu điểm"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cuộc kiểm tra")
        verbose_name_plural = _("cuộc kiểm tra")
        ordering = ["scheduled_on", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "unit"], name="inspection_unique_plan_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.scheduled_on}"


class Attendance(models.Model):
    """Whether a body (the command or one of the six organisations) sent someone."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="attendance")
    body = models.ForeignKey(
        "organisations.OrganisationKind", on_delete=models.PROTECT, related_name="+"
    )
    present = models.BooleanField(_("có mặt"), default=False)
    person = models.CharField(_("người tham dự"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("thành phần tham dự")
        verbose_name_plural = _("thành phần tham dự")
        ordering = ["body__order"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "body"], name="attendance_unique_body")
        ]

    def __str__(self) -> str:
        return f"{self.inspection} · {self.body}"


class Verdict(models.TextChoices):
    PASSED = "dat", _("đạt")
    FAILED = "chua_dat", _("chưa đạt")


class CheckResult(models.Model):
    """One checklist item of an inspection: đạt / chưa đạt, with a note."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="checks")
    code = models.CharField(max_length=40)
    label = models.CharField(_("nội dung"), max_length=255)
    verdict = models.CharField(_("kết quả"), max_length=8, choices=Verdict.choices, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kết quả nội dung kiểm tra")
        verbose_name_plural = _("kết quả nội dung kiểm tra")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "code"], name="check_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.get_verdict_display()}"


class RecommendationStatus(models.TextChoices):
    OPEN = "open", _("chưa thực hiện")
    ANSWERED = "answered", _("xã đã báo cáo thực hiện")
    DONE = "done", _("đã hoàn thành")


class Recommendation(models.Model):
    """What an inspection asks a board to do, by whom and by when, followed until done."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="recommendations"
    )
    text = models.TextField(_("kiến nghị"))
    owner = models.CharField(_("người/đơn vị thực hiện"), max_length=160)
    due_on = models.DateField(_("thời hạn"))
    status = models.CharField(
        _("tình trạng"),
        max_length=8,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.OPEN,
    )
    answer = models.TextField(_("kết quả thực hiện"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kiến nghị")
        verbose_name_plural = _("kiến nghị")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def is_overdue(self, day: dt.date) -> bool:
        return self.status != RecommendationStatus.DONE and self.due_on < day


class Notice(models.Model):
    """A message from the committee's work to one person (an inspection announced, a monthly
    digest), shown on the committee pages and e-mailed to those who chose e-mail."""

    class Kind(models.TextChoices):
        PLAN = "plan", _("kế hoạch kiểm tra")
        DIGEST = "digest", _("tổng hợp tháng")
        RECOMMENDATION = "recommendation", _("kiến nghị sau kiểm tra")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="committee_notices"
    )
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices)
    # Makes a notice once-only where it must be (the digest of a month: "digest:2020-12").
    key = models.CharField(max_length=60, blank=True)
    message = models.TextField(_("nội dung"))
    link = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(_("lúc"))

    class Meta:
        verbose_name = _("thông báo của Ban chỉ đạo")
        verbose_name_plural = _("thông báo của Ban chỉ đạo")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"],
                condition=~models.Q(key=""),
                name="notice_once_per_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.recipient} · {self.message[:40]}"
