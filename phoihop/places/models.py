"""The administrative units of Vietnam, as data with validity dates."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    COUNTRY = "country", _("cả nước")
    PROVINCE = "province", _("tỉnh")
    CITY = "city", _("thành phố trực thuộc trung ương")
    DISTRICT = "district", _("huyện")
    TOWN = "town", _("thị xã")
    PROVINCIAL_CITY = "provincial_city", _("thành phố thuộc tỉnh")
    URBAN_DISTRICT = "urban_district", _("quận")
    COMMUNE = "commune", _("xã")
    TOWNSHIP = "township", _("thị trấn")
    WARD = "ward", _("phường")
    SPECIAL_ZONE = "special_zone", _("đặc khu")


class Level(models.IntegerChoices):
    COUNTRY = 0, _("cả nước")
    PROVINCE = 1, _("cấp tỉnh")
    DISTRICT = 2, _("cấp huyện")
    COMMUNE = 3, _("cấp xã")


LEVEL_OF_KIND = {
    UnitKind.COUNTRY: Level.COUNTRY,
    UnitKind.PROVINCE: Level.PROVINCE,
    UnitKind.CITY: Level.PROVINCE,
    UnitKind.DISTRICT: Level.DISTRICT,
    UnitKind.TOWN: Level.DISTRICT,
    UnitKind.PROVINCIAL_CITY: Level.DISTRICT,
    UnitKind.URBAN_DISTRICT: Level.DISTRICT,
    UnitKind.COMMUNE: Level.COMMUNE,
    UnitKind.TOWNSHIP: Level.COMMUNE,
    UnitKind.WARD: Level.COMMUNE,
    UnitKind.SPECIAL_ZONE: Level.COMMUNE,
}


class UnitQuerySet(models.QuerySet["Unit"]):
    def valid_on(self, day: dt.date) -> UnitQuerySet:
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day),
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day),
        )

    def subtree(self, unit: Unit) -> UnitQuerySet:
        return self.filter(path__startswith=unit.path)


class Unit(models.Model):
    """An administrative unit (tỉnh, huyện, xã, thị trấn, phường...) valid between two dates."""

    code = models.CharField(_("mã đơn vị hành chính"), max_length=16, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    kind = models.CharField(_("loại"), max_length=20, choices=UnitKind.choices)
    level = models.PositiveSmallIntegerField(_("cấp"), choices=Level.choices, editable=False)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialised path of codes ("/VN/70/693/25222/"): subtree reads are one indexed prefix scan.
    path = models.CharField(max_length=255, editable=False, db_index=True)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successors = models.ManyToManyField(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        symmetrical=False,
        blank=True,
        related_name="predecessors",
    )

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_range_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def kind_label(self) -> str:
        return str(UnitKind(self.kind).label)

    @property
    def full_name(self) -> str:
        return full_names([self])[0]

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def ancestors(self) -> list[Unit]:
        codes = [c for c in self.path.strip("/").split("/")[:-1]]
        by_code = {u.code: u for u in Unit.objects.filter(code__in=codes)}
        return [by_code[c] for c in codes if c in by_code]

    def is_within(self, other: Unit) -> bool:
        return self.path.startswith(other.path)

    def save(self, *args, **kwargs) -> None:
        self.level = LEVEL_OF_KIND[UnitKind(self.kind)]
        old_path = self.path
        self.path = (self.parent.path if self.parent is not None else "/") + f"{self.code}/"
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            # A unit moved: carry its whole subtree along.
            for child in self.children.all():
                child.save()


class Population(models.Model):
    """The population of a unit in a year, where known."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="populations")
    year = models.PositiveSmallIntegerField(_("năm"))
    population = models.PositiveIntegerField(_("dân số"))

    class Meta:
        verbose_name = _("dân số")
        verbose_name_plural = _("dân số")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="population_unique_unit_year")
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.population}"


def full_names(units: list) -> list[str]:
    """Each unit's `full_name` ("xã Tân Hòa"), translating each kind's label only once: a
    table of a hundred communes then asks the translation catalogue once, not a hundred times.
    Takes units, or any rows with their `kind` and `name`."""
    labels: dict[str, str] = {}
    names = []
    for unit in units:
        if unit.kind == UnitKind.COUNTRY:
            names.append(str(unit.name))
            continue
        label = labels.get(unit.kind)
        if label is None:
            label = labels[unit.kind] = str(UnitKind(unit.kind).label)
        names.append(f"{label} {unit.name}")
    return names
