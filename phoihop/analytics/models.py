"""Rollups that keep pivots live, and the views users keep as favourites."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The kind column of a rollup row that sums every kind of organisation.
ALL_KINDS = 0


class Rollup(models.Model):
    """An indicator's total and count of values over a unit's subtree, for one kind and period.

    Rows with kind ALL_KINDS cover the unit itself and everything below it; rows for one kind
    cover only the units strictly below it (the unit's own organisations are read raw), so the
    table stays a small fraction of the values themselves. Kept in step by signals on write.
    """

    # No index of its own: "rollup_by_indicator" below starts with it.
    indicator = models.ForeignKey(
        "indicators.Indicator",
        on_delete=models.CASCADE,
        related_name="+",
        db_constraint=True,
        db_index=False,
    )
    # No index of its own: the unique key below starts with the unit (and on PostgreSQL also
    # carries total and count, so that pivots read the key alone: migration 0002).
    unit = models.ForeignKey(
        "places.Unit", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    # An OrganisationKind pk, or ALL_KINDS: a plain integer so the row key has no NULL in it.
    kind = models.PositiveIntegerField(default=ALL_KINDS)
    period = models.CharField(max_length=8)
    total = models.DecimalField(max_digits=24, decimal_places=4, default=0)
    # Signed: a delta row is inserted before it meets the row it adds to, and may be negative.
    count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("số liệu tổng hợp sẵn")
        verbose_name_plural = _("số liệu tổng hợp sẵn")
        constraints = [
            # On PostgreSQL migration 0002 remade this key with INCLUDE (total, count), which
            # Django does not know of (declaring `include=` would drop the key on SQLite): a
            # later migration that changes it must put the INCLUDE back.
            models.UniqueConstraint(
                fields=["unit", "period", "kind", "indicator"], name="rollup_unique_cell"
            )
        ]
        indexes = [
            # A pivot asks for a few indicators and periods over many units (every commune of
            # the country, say): one range of this index per indicator and period, read alone
            # (total and count are in it) on both databases, where the unique key would be
            # probed once per unit and period.
            models.Index(
                fields=["indicator", "kind", "period", "unit", "total", "count"],
                name="rollup_by_indicator",
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.kind}/{self.period}/{self.indicator_id}={self.total}"


class Favourite(models.Model):
    """A pivot view a user keeps on their dashboard, as the query string that rebuilds it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favourites"
    )
    name = models.CharField(_("tên"), max_length=120)
    query = models.CharField(_("tham số"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bảng yêu thích")
        verbose_name_plural = _("bảng yêu thích")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class SubmissionTally(models.Model):
    """How many submissions a unit's subtree has for one period, and how many are accepted.

    Kept on write like the rollups, for the mark of a period not wholly accepted ("24/119 đã
    duyệt"): a row per ancestor of the organisation's unit (itself included), for every kind
    (ALL_KINDS) and for the organisation's kind, for the submission's own period only.
    """

    unit = models.ForeignKey(
        "places.Unit", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    kind = models.PositiveIntegerField(default=ALL_KINDS)
    period = models.CharField(max_length=8)
    # Signed, as in Rollup: a delta row may meet its row after it.
    submissions = models.IntegerField(default=0)
    accepted = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("số báo cáo tổng hợp sẵn")
        verbose_name_plural = _("số báo cáo tổng hợp sẵn")
        constraints = [
            models.UniqueConstraint(fields=["unit", "period", "kind"], name="tally_unique_cell")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.kind}/{self.period}={self.accepted}/{self.submissions}"
