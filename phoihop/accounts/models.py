"""Users, their role and the part of the hierarchy they act on."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICE = "office", _("Cơ quan thường trực Ban chỉ đạo")
    ORG_REPORTER = "org_reporter", _("Người báo cáo của tổ chức")
    COMMUNE_REPORTER = "commune_reporter", _("Người báo cáo của Ban điều phối xã")
    MEMBER = "member", _("Thành viên Ban chỉ đạo")
    VIEWER = "viewer", _("Người xem số liệu")
    ADMIN = "admin", _("Quản trị hệ thống")


class NotifyBy(models.TextChoices):
    """How a person wants to hear of reminders and workflow steps."""

    APP = "app", _("Chỉ trong ứng dụng")
    APP_AND_EMAIL = "app_email", _("Trong ứng dụng và qua thư điện tử")


class User(AbstractUser):
    """A person who signs in: an officer of the office, a reporter, a member, a viewer."""

    full_name = models.CharField(_("họ và tên"), max_length=120, blank=True)
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    unit = models.ForeignKey(
        "places.Unit",
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Đơn vị của Ban chỉ đạo, của Ban điều phối xã, hoặc phạm vi được xem."),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("tổ chức"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assigned_units = models.ManyToManyField(
        "places.Unit",
        verbose_name=_("địa bàn phụ trách"),
        blank=True,
        related_name="+",
    )
    # E-mail goes only to those who chose it and have an address: the default chooses it, so
    # a person whose address is filled in hears by e-mail unless they turn it off.
    notify_by = models.CharField(
        _("nhận thông báo"),
        max_length=10,
        choices=NotifyBy.choices,
        default=NotifyBy.APP_AND_EMAIL,
    )

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    @property
    def wants_email(self) -> bool:
        """Whether notifications are also sent to this person by e-mail."""
        return self.notify_by == NotifyBy.APP_AND_EMAIL and bool(self.email)

    def clean(self) -> None:
        if self.role == Role.ORG_REPORTER and not self.organisation_id:
            raise ValidationError({"organisation": _("Người báo cáo của tổ chức cần có tổ chức.")})
        if self.role in (Role.OFFICE, Role.COMMUNE_REPORTER) and not self.unit_id:
            raise ValidationError({"unit": _("Vai trò này cần có đơn vị.")})
