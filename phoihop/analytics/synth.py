"""A national-scale synthetic dataset for measuring pivots: provinces, communes, organisations,
indicators and half-year periods, loaded with bulk inserts (COPY on PostgreSQL)."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from phoihop.analytics import catalogue
from phoihop.analytics.models import Rollup
from phoihop.analytics.rollups import rebuild_rollups
from phoihop.core.periods import Period
from phoihop.indicators.models import Form, Indicator, Section, SectionIndicator
from phoihop.organisations.models import Organisation, OrganisationKind
from phoihop.places.models import Unit
from phoihop.reporting.models import FigureValue, Status, Submission

PREFIX = "S"  # synthetic unit codes start with S, so they never meet real GSO codes
FORM_CODE = "synth"
INDICATOR_PREFIX = "synth_"
KIND_CODES = ["chqs", "ccb", "ctd", "nd", "pn", "ldld", "dtn"]
_CHUNK = 20_000


@dataclass
class SynthSummary:
    provinces: int
    communes: int
    organisations: int
    submissions: int
    values: int
    rollups: int
    seconds: float


def _kinds() -> list[OrganisationKind]:
    kinds = []
    for order, code in enumerate(KIND_CODES):
        kind, _created = OrganisationKind.objects.get_or_create(
            code=code, defaults={"name": code.upper(), "short_name": code.upper(), "order": order}
        )
        kinds.append(kind)
    return kinds


def remove_synth() -> None:
    """Delete an earlier synthetic dataset (its figures first, with plain SQL for speed)."""
    fv, sub = FigureValue._meta.db_table, Submission._meta.db_table
    form = Form.objects.filter(code=FORM_CODE).first()
    if form is None:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {fv} WHERE submission_id IN (SELECT id FROM {sub} WHERE form_id = %s)",
            [form.pk],
        )
        cursor.execute(f"DELETE FROM {sub} WHERE form_id = %s", [form.pk])
    Organisation.objects.filter(unit__code__startswith=PREFIX).delete()
    for level in (3, 2, 1):
        Unit.objects.filter(code__startswith=PREFIX, level=level).delete()
    SectionIndicator.objects.filter(section__form=form).delete()
    form.delete()
    Indicator.objects.filter(code__startswith=INDICATOR_PREFIX).delete()


def _copy_figures(rows: list[tuple]) -> None:
    table = FigureValue._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(
                f"COPY {table} (submission_id, indicator_id, value, comment) FROM STDIN"
            ) as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(
                f"INSERT INTO {table} (submission_id, indicator_id, value, comment) "
                "VALUES (%s, %s, %s, %s)",
                rows,
            )


def generate(
    *,
    provinces: int = 34,
    communes: int = 3321,
    periods: int = 10,
    indicators: int = 60,
    scale: float = 1.0,
    seed: int = 2025,
    log: Callable[[str], None] = lambda _m: None,
) -> SynthSummary:
    """Replace the synthetic dataset with a new one; returns what was made and how fast."""
    started = time.perf_counter()
    summary = _generate(
        provinces=provinces,
        communes=communes,
        periods=periods,
        indicators=indicators,
        scale=scale,
        seed=seed,
        log=log,
    )
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Mark the freshly written rollup pages all-visible, as autovacuum would a little
        # later: until then a pivot's index-only scan still visits the table for every row.
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {Rollup._meta.db_table}")
    summary.seconds = time.perf_counter() - started
    return summary


@transaction.atomic
def _generate(
    *,
    provinces: int,
    communes: int,
    periods: int,
    indicators: int,
    scale: float,
    seed: int,
    log: Callable[[str], None],
) -> SynthSummary:
    started = time.perf_counter()
    rng = random.Random(seed)
    communes = max(1, round(communes * scale))
    provinces = max(1, min(provinces, communes))
    remove_synth()
    country = Unit.objects.filter(parent__isnull=True, kind="country").first()
    if country is None:
        country = Unit.objects.create(code="VN", name="Việt Nam", kind="country")
    kinds = _kinds()

    province_units = [
        Unit(code=f"{PREFIX}{p:02d}", name=f"Tỉnh mẫu {p:02d}", kind="province", parent=country)
        for p in range(1, provinces + 1)
    ]
    for unit in province_units:
        unit.level, unit.path = 1, f"{country.path}{unit.code}/"
    Unit.objects.bulk_create(province_units)
    province_units = list(Unit.objects.filter(code__startswith=PREFIX, level=1).order_by("code"))
    commune_units = []
    for c in range(communes):
        province = province_units[c % provinces]
        code = f"{province.code}{c:05d}"
        unit = Unit(code=code, name=f"Xã mẫu {c:05d}", kind="commune", parent=province)
        unit.level, unit.path = 3, f"{province.path}{code}/"
        commune_units.append(unit)
    Unit.objects.bulk_create(commune_units, batch_size=5000)
    commune_ids = list(
        Unit.objects.filter(code__startswith=PREFIX, level=3).values_list("pk", flat=True)
    )
    Organisation.objects.bulk_create(
        [
            Organisation(unit_id=unit_id, kind=kind, name=f"{kind.short_name} {unit_id}")
            for unit_id in commune_ids
            for kind in kinds
        ],
        batch_size=5000,
    )
    log(f"{provinces} tỉnh, {communes} xã, {communes * len(kinds)} tổ chức.")

    made = []
    for i in range(indicators):
        aggregation = "average" if i % 15 == 14 else "sum"
        made.append(
            Indicator(
                code=f"{INDICATOR_PREFIX}{i + 1:02d}",
                name=f"Chỉ tiêu mẫu {i + 1:02d}",
                unit_label="lượt",
                aggregation=aggregation,
            )
        )
    Indicator.objects.bulk_create(made)
    catalogue.forget()  # bulk_create sends no post_save
    indicator_rows = list(
        Indicator.objects.filter(code__startswith=INDICATOR_PREFIX)
        .order_by("code")
        .values_list("pk", "aggregation")
    )
    form = Form.objects.create(code=FORM_CODE, name="Biểu mẫu thử tải", levels=[3])
    form.organisation_kinds.set(kinds)
    section = Section.objects.create(form=form, code="chung", heading="Số liệu", order=1)
    SectionIndicator.objects.bulk_create(
        SectionIndicator(section=section, indicator_id=pk, order=n)
        for n, (pk, _a) in enumerate(indicator_rows)
    )

    last = Period("half", 2024, 2)
    period_ids = [p.id for p in Period.range(last._shift(-(periods - 1)), last)]
    org_ids = list(
        Organisation.objects.filter(unit__code__startswith=PREFIX).values_list("pk", flat=True)
    )
    now = timezone.now()
    submission_count = value_count = 0
    for period in period_ids:
        Submission.objects.bulk_create(
            [
                Submission(
                    form=form,
                    organisation_id=org_id,
                    period=period,
                    status=Status.ACCEPTED,
                    submitted_at=now,
                )
                for org_id in org_ids
            ],
            batch_size=5000,
        )
        ids = list(
            Submission.objects.filter(form=form, period=period)
            .order_by()
            .values_list("pk", flat=True)
        )
        submission_count += len(ids)
        rows: list[tuple] = []
        for submission_id in ids:
            for indicator_id, aggregation in indicator_rows:
                value = rng.randint(50, 150) if aggregation == "average" else rng.randint(0, 400)
                rows.append((submission_id, indicator_id, value, ""))
            if len(rows) >= _CHUNK:
                _copy_figures(rows)
                value_count += len(rows)
                rows = []
        if rows:
            _copy_figures(rows)
            value_count += len(rows)
        log(f"Kỳ {period}: {len(ids)} báo cáo, tổng {value_count} số liệu.")
    rollups = rebuild_rollups()
    log(f"{rollups} dòng tổng hợp sẵn.")
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum would gather them later: without them the planner
        # takes a table of millions of rows for an empty one.
        with connection.cursor() as cursor:
            for model in (FigureValue, Submission, Organisation, Unit, Indicator, Rollup):
                cursor.execute(f"ANALYZE {model._meta.db_table}")
    return SynthSummary(
        provinces=provinces,
        communes=communes,
        organisations=len(org_ids),
        submissions=submission_count,
        values=value_count,
        rollups=rollups,
        seconds=time.perf_counter() - started,
    )
