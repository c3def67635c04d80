"""Pivot benchmark: rollup pivots against a plain GROUP BY and against DuckDB over Parquet.

Runs on its own SQLite file (data/bench.sqlite3) unless DATABASE_URL names another database;
there it replaces only the synthetic dataset (units coded S…, indicators synth_…), rebuilds the
rollups and adds a "bench" administrator; it drops nothing else. BENCH_REUSE=1 keeps a synthetic
dataset of the right size instead of generating it again.
BENCH_SCALE sets the synthetic dataset's size (1 = 34 provinces, 3,321 communes, ~14 million
values; default 0.1). Run with `python -m bench.analytics`, or through `python -m bench`.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROUNDS = 3
REPEATS = 5
DEFAULT_SCALE = 0.1


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if "DATABASE_URL" not in os.environ:
        root = Path(__file__).resolve().parent.parent
        os.environ.setdefault("PHOIHOP_SQLITE_PATH", str(root / "data" / "bench.sqlite3"))
    import django

    django.setup()


def _interleaved_medians(
    fns: list[Callable[[], object]], rounds: int = ROUNDS, repeats: int = REPEATS
) -> list[float]:
    """Medians of methods measured in turn, a few runs of each per round, over several rounds:
    on a shared machine whose speed drifts, each method meets the same moments, so a ratio is
    not one method's luck; within a round each method runs warm, after one untimed run, as a
    dashboard read many times does (right after another method it would pay for the caches
    that method evicted, and DuckDB's threads still winding down)."""
    times: list[list[float]] = [[] for _ in fns]
    order = list(range(len(fns)))
    for round_number in range(rounds):
        shift = round_number % len(fns)  # each method leads a round in its turn
        for index in order[shift:] + order[:shift]:
            fn, spent = fns[index], times[index]
            fn()
            for _ in range(repeats):
                started = time.perf_counter()
                fn()
                spent.append((time.perf_counter() - started) * 1000)
    return [statistics.median(spent) for spent in times]


def _export_parquet(path: Path) -> float:
    """The flat table DuckDB reads: one row per value with its unit, province, kind, period."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from django.db import connection

    started = time.perf_counter()
    columns = ["value", "indicator_id", "period", "kind_id", "unit_id", "province_id"]
    batches = []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT CAST(f.value AS REAL), f.indicator_id, s.period, o.kind_id, o.unit_id, "
            "u.parent_id FROM reporting_figurevalue f "
            "JOIN reporting_submission s ON s.id = f.submission_id "
            "JOIN organisations_organisation o ON o.id = s.organisation_id "
            "JOIN places_unit u ON u.id = o.unit_id WHERE f.value IS NOT NULL"
        )
        while rows := cursor.fetchmany(200_000):
            batches.append(pa.table(dict(zip(columns, zip(*rows, strict=True), strict=True))))
    pq.write_table(pa.concat_tables(batches), path)
    return (time.perf_counter() - started) * 1000


def _reusable_dataset(scale: float):
    """With BENCH_REUSE=1, the synthetic dataset already in the database if it has this scale's
    size (synth is deterministic): a full-scale run need not rebuild 14 million values."""
    from phoihop.analytics.models import Rollup
    from phoihop.analytics.synth import INDICATOR_PREFIX, PREFIX, SynthSummary
    from phoihop.places.models import Unit
    from phoihop.reporting.models import FigureValue

    communes = Unit.objects.filter(code__startswith=PREFIX, level=3).count()
    if not communes or communes != max(1, round(3321 * scale)):
        return None
    values = FigureValue.objects.filter(indicator__code__startswith=INDICATOR_PREFIX).count()
    return SynthSummary(
        provinces=Unit.objects.filter(code__startswith=PREFIX, level=1).count(),
        communes=communes,
        organisations=0,
        submissions=0,
        values=values,
        rollups=Rollup.objects.count(),
        seconds=0.0,
    )


def run(scale: float | None = None) -> list[dict]:
    """Generate the dataset, measure, print and return the medians (milliseconds)."""
    _setup_django()
    import duckdb
    from django.core.management import call_command
    from django.db import connection
    from django.http import QueryDict

    from phoihop.accounts.models import Role, User
    from phoihop.analytics.pivot import run_pivot
    from phoihop.analytics.pivot_query import parse_pivot_params
    from phoihop.analytics.synth import generate
    from phoihop.places.models import Unit
    from phoihop.reporting.models import FigureValue

    scale = float(os.environ.get("BENCH_SCALE", DEFAULT_SCALE)) if scale is None else scale
    call_command("migrate", verbosity=0)
    summary = _reusable_dataset(scale) if os.environ.get("BENCH_REUSE") else None
    if summary is None:
        summary = generate(scale=scale, log=lambda m: print("  synth:", m, file=sys.stderr))
    print(
        f"dataset (scale {scale:g}): {summary.values:,} values, {summary.communes:,} communes, "
        f"{summary.rollups:,} rollup rows, built in {summary.seconds:.1f} s on {connection.vendor}"
    )
    user, _ = User.objects.get_or_create(
        username="bench", defaults={"role": Role.ADMIN, "is_superuser": True}
    )
    province = Unit.objects.filter(code__startswith="S", level=1).order_by("code").first()
    workdir = tempfile.TemporaryDirectory(prefix="phoihop-parquet-")
    parquet = Path(workdir.name) / "values.parquet"
    export_ms = _export_parquet(parquet)
    duck = duckdb.connect()
    duck.execute(f"CREATE VIEW v AS SELECT * FROM read_parquet('{parquet}')")
    first_id = FigureValue.objects.filter(indicator__code="synth_01").values_list(
        "indicator_id", flat=True
    )[0]
    all_codes = ",".join(f"synth_{i:02d}" for i in range(1, 61))

    def pivot(params: str) -> Callable[[], object]:
        def go():
            query = parse_pivot_params(QueryDict(params), user=user)
            return run_pivot(query, user=user)

        return go

    def sql(statement: str, params: list) -> Callable[[], object]:
        def go():
            with connection.cursor() as cursor:
                cursor.execute(statement, params)
                return cursor.fetchall()

        return go

    raw_from = (
        "FROM reporting_figurevalue f JOIN reporting_submission s ON s.id = f.submission_id "
        "JOIN organisations_organisation o ON o.id = s.organisation_id "
        "JOIN places_unit u ON u.id = o.unit_id "
    )
    cases = [
        (
            "one indicator by province, one period",
            pivot("chi_tieu=synth_01&don_vi=VN&theo=cap_duoi&ky=2024S2"),
            sql(
                f"SELECT u.parent_id, SUM(f.value) {raw_from} WHERE f.indicator_id = %s "
                "AND s.period = %s GROUP BY u.parent_id",
                [first_id, "2024S2"],
            ),
            f"SELECT province_id, SUM(value) FROM v WHERE indicator_id = {first_id} "
            "AND period = '2024S2' GROUP BY province_id",
        ),
        (
            "all indicators by commune, one province, one year",
            pivot(f"chi_tieu={all_codes}&don_vi={province.code}&theo=cap_duoi&ky=2024"),
            sql(
                f"SELECT o.unit_id, f.indicator_id, SUM(f.value) {raw_from} "
                "WHERE u.parent_id = %s AND s.period IN ('2024S1', '2024S2') "
                "GROUP BY o.unit_id, f.indicator_id",
                [province.pk],
            ),
            f"SELECT unit_id, indicator_id, SUM(value) FROM v WHERE province_id = {province.pk} "
            "AND period IN ('2024S1', '2024S2') GROUP BY unit_id, indicator_id",
        ),
        (
            "national trend over all periods",
            pivot("chi_tieu=synth_01&don_vi=VN&theo=don_vi&hang=ky&ky=2020S1..2024S2"),
            sql(
                f"SELECT s.period, SUM(f.value) {raw_from} WHERE f.indicator_id = %s "
                "GROUP BY s.period",
                [first_id],
            ),
            f"SELECT period, SUM(value) FROM v WHERE indicator_id = {first_id} GROUP BY period",
        ),
    ]
    results = []
    for name, ours, raw, duck_sql in cases:
        pivot_ms, group_by_ms, duckdb_ms = _interleaved_medians(
            [ours, raw, lambda s=duck_sql: duck.execute(s).fetchall()]
        )
        results.append(
            {
                "case": name,
                "pivot_ms": pivot_ms,
                "group_by_ms": group_by_ms,
                "duckdb_ms": duckdb_ms,
            }
        )

    # Save → visible: one figure written through the ORM (signals update the rollups), then the
    # pivot read back. The raw baseline is the same write then its GROUP BY; DuckDB must first
    # export the Parquet file again, which is what its freshness costs.
    figure = FigureValue.objects.filter(indicator_id=first_id, submission__period="2024S2").first()
    read_back = pivot("chi_tieu=synth_01&don_vi=VN&theo=don_vi&ky=2024S2")

    def save_and_read() -> None:
        figure.value = (figure.value or 0) + 1
        figure.save()
        read_back()

    def save_and_group() -> None:
        FigureValue.objects.filter(pk=figure.pk).update(value=(figure.value or 0) + 1)
        cases[0][2]()

    save_ms, save_group_ms, duck_read_ms = _interleaved_medians(
        [save_and_read, save_and_group, lambda: duck.execute(cases[0][3]).fetchall()]
    )
    results.append(
        {
            "case": "save a figure, then see it in the pivot",
            "pivot_ms": save_ms,
            "group_by_ms": save_group_ms,
            "duckdb_ms": export_ms + duck_read_ms,
        }
    )
    print(f"{'case':<52}{'pivot':>10}{'GROUP BY':>10}{'DuckDB':>10}{'×GB':>8}{'×Duck':>8}")
    for r in results:
        print(
            f"{r['case']:<52}{r['pivot_ms']:>8.1f}ms{r['group_by_ms']:>8.1f}ms"
            f"{r['duckdb_ms']:>8.1f}ms{r['group_by_ms'] / r['pivot_ms']:>7.1f}x"
            f"{r['duckdb_ms'] / r['pivot_ms']:>7.1f}x"
        )
    print("(×GB, ×Duck: how many times slower each baseline is than the rollup pivot)")
    duck.close()
    workdir.cleanup()
    return results


def main() -> None:
    run()


if __name__ == "__main__":
    main()
