"""The military command and the mass organisations of each unit."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.Model):
    """A kind of organisation (Ban CHQS, Hội CCB, Hội CTĐ...), as data so more can be added."""

    code = models.SlugField(_("mã"), max_length=20, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    short_name = models.CharField(_("tên viết tắt"), max_length=40)
    is_command = models.BooleanField(
        _("là cơ quan quân sự"),
        default=False,
        help_text=_("Ban CHQS: cơ quan thường trực của Ban chỉ đạo."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("loại tổ chức")
        verbose_name_plural = _("loại tổ chức")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """One organisation of one unit: the Red Cross of Bù Đăng district, say."""

    unit = models.ForeignKey(
        "places.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    kind = models.ForeignKey(
        OrganisationKind,
        verbose_name=_("loại"),
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    name = models.CharField(_("tên"), max_length=200)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        verbose_name = _("tổ chức")
        verbose_name_plural = _("tổ chức")
        ordering = ["unit__path", "kind__order"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "kind"], name="organisation_unique_unit_kind")
        ]

    def __str__(self) -> str:
        return self.name
