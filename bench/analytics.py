"""Pivot benchmark: each question answered by phoihop and by three baselines at their best, on
the database this process is given, with every answer compared cell by cell.

The baselines: plain SQL over phoihop's own rollup table (the same rows the pivot reads, with
the ids already known), a raw GROUP BY over the indexed figures, submissions, organisations and
units, and DuckDB over an in-memory table of every value (loaded once; its load time is reported
apart). A case's "cells" are the cells compared; a mismatch fails the run.

BENCH_SCALE sets the synthetic dataset's size (1 = 34 provinces, 3,321 communes, ~14 million
values; default 0.1: 332 communes, ~1.4 million values). A dataset of the right size already in
the database is kept when the same generator built it (data/bench-cache/dataset-*.key; the
generator is deterministic, and the bench leaves every figure as it found it); BENCH_FRESH=1
builds it again. DuckDB's copy of it is kept too, while the dataset stays the same. Run
through `python -m bench`, which gives each database its own process; `python -m
bench.analytics` measures the database of DATABASE_URL (else data/bench.sqlite3).
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from bench.timing import best_of

DEFAULT_SCALE = 0.1
CENT = Decimal("0.01")
Answer = dict[tuple[str, str, str], Decimal]  # (row unit or period, indicator code, period)


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if "DATABASE_URL" not in os.environ:
        root = Path(__file__).resolve().parent.parent
        os.environ.setdefault("PHOIHOP_SQLITE_PATH", str(root / "data" / "bench.sqlite3"))
    import django

    django.setup()


def _value(aggregation: str, total, count: int) -> Decimal | None:
    """A baseline's sum and count as the cell phoihop shows (sums exact, averages to 0,01)."""
    if not count:
        return None
    total = Decimal(str(total)) if isinstance(total, float) else Decimal(total)
    if aggregation == "average":
        return (total / count).quantize(CENT)
    return total if count else None


def _same(a: Decimal, b: Decimal) -> bool:
    return a.compare(b) == 0


def compare(ours: Answer, theirs: Answer) -> list[str]:
    """The cells where two answers differ (empty: they agree)."""
    problems = []
    for key in sorted(set(ours) | set(theirs)):
        a, b = ours.get(key), theirs.get(key)
        if a is None or b is None or not _same(a, b):
            problems.append(f"{key}: phoihop {a}, baseline {b}")
    return problems


def _dataset_marker() -> Path:
    """The file that says which generator built the dataset in this database, at what scale."""
    from django.db import connection

    from bench import cache

    settings = connection.settings_dict
    where = f"{connection.vendor} {settings['NAME']} {settings.get('HOST')}"
    return cache.CACHE / f"dataset-{hashlib.sha256(where.encode()).hexdigest()[:16]}.key"


def _generator_key(scale: float) -> str:
    from phoihop.analytics import synth

    source = Path(synth.__file__).read_bytes()
    return f"{scale:g} {hashlib.sha256(source).hexdigest()}"


def _dataset(scale: float):
    """The synthetic dataset: kept when the database holds one built by the same generator at
    the same scale (its communes and values present), else built (minutes on PostgreSQL)."""
    from phoihop.analytics.models import Rollup
    from phoihop.analytics.synth import INDICATOR_PREFIX, PREFIX, SynthSummary, generate
    from phoihop.places.models import Unit
    from phoihop.reporting.models import FigureValue

    marker = _dataset_marker()
    same_generator = marker.exists() and marker.read_text() == _generator_key(scale)
    communes = Unit.objects.filter(code__startswith=PREFIX, level=3).count()
    if (
        not os.environ.get("BENCH_FRESH")
        and same_generator
        and communes == max(1, round(3321 * scale))
    ):
        values = FigureValue.objects.filter(indicator__code__startswith=INDICATOR_PREFIX).count()
        rollups = Rollup.objects.count()
        if values and rollups:
            return SynthSummary(
                provinces=Unit.objects.filter(code__startswith=PREFIX, level=1).count(),
                communes=communes,
                organisations=0,
                submissions=0,
                values=values,
                rollups=rollups,
                seconds=0.0,
            ), True
    log = lambda m: print("  synth:", m, file=sys.stderr, flush=True)  # noqa: E731
    summary = generate(scale=scale, log=log)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(_generator_key(scale))
    return summary, False


def _fingerprint() -> str:
    """What identifies the dataset in this database: DuckDB's copy of it is kept under this
    (bench/cache.py). Counts and last ids of what the copy holds, and the generator's source;
    the bench leaves every value as it found it, and compares every answer with DuckDB's,
    so a copy gone stale could not pass unseen."""
    from django.db import connection

    from phoihop.analytics import synth

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT COUNT(*) FROM reporting_figurevalue), "
            "(SELECT MAX(id) FROM reporting_figurevalue), "
            "(SELECT COUNT(*) FROM reporting_submission WHERE status = 'accepted'), "
            "(SELECT MAX(id) FROM reporting_submission), "
            "(SELECT COUNT(*) FROM places_unit), (SELECT MAX(id) FROM places_unit)"
        )
        counts = cursor.fetchone()
    settings = connection.settings_dict
    source = Path(synth.__file__).read_bytes()
    return f"{connection.vendor} {settings['NAME']} {settings.get('HOST')} {counts} {source!r}"


def _load_duckdb():
    """Every synthetic value in a DuckDB in-memory table, with its unit, the unit's province,
    organisation kind and period: loaded once, as an analyst's copy would be. The copy is kept
    in a DuckDB file for the next run while the dataset stays the same (`_fingerprint`)."""
    import duckdb

    from bench import cache

    started = time.perf_counter()
    kept = cache.duckdb_file(_fingerprint())
    duck = duckdb.connect()
    if kept.exists() and not cache.fresh():
        duck.execute(f"ATTACH '{kept}' AS kept (READ_ONLY)")
        duck.execute("CREATE TABLE v AS SELECT * FROM kept.v")
        duck.execute("CREATE TABLE places AS SELECT * FROM kept.places")
        duck.execute("DETACH kept")
        return duck, (time.perf_counter() - started) * 1000, True
    _copy_into(duck)
    kept.parent.mkdir(parents=True, exist_ok=True)
    for old in kept.parent.glob("duck-*.duckdb"):
        if old.stat().st_mtime < time.time() - 7 * 86400:
            old.unlink(missing_ok=True)  # a week old: a dataset since rebuilt
    partial = kept.with_suffix(f".{os.getpid()}.tmp")
    partial.unlink(missing_ok=True)
    duck.execute(f"ATTACH '{partial}' AS kept")
    duck.execute("CREATE TABLE kept.v AS SELECT * FROM v")
    duck.execute("CREATE TABLE kept.places AS SELECT * FROM places")
    duck.execute("DETACH kept")
    os.replace(partial, kept)
    return duck, (time.perf_counter() - started) * 1000, False


def _copy_into(duck) -> None:
    import pyarrow as pa
    from django.db import connection

    columns = ["fid", "value", "indicator_id", "period", "kind_id", "unit_id", "parent_id"]
    batches = []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT f.id, CAST(f.value AS DOUBLE PRECISION), f.indicator_id, s.period, "
            "o.kind_id, o.unit_id, u.parent_id FROM reporting_figurevalue f "
            "JOIN reporting_submission s ON s.id = f.submission_id "
            "JOIN organisations_organisation o ON o.id = s.organisation_id "
            "JOIN places_unit u ON u.id = o.unit_id "
            "WHERE f.value IS NOT NULL AND s.status = 'accepted'"
        )
        while rows := cursor.fetchmany(200_000):
            batches.append(pa.table(dict(zip(columns, zip(*rows, strict=True), strict=True))))
    arrow = pa.concat_tables(batches)  # noqa: F841 - read by DuckDB by name
    duck.execute("CREATE TABLE v AS SELECT * FROM arrow")
    from phoihop.places.models import Unit

    unit_rows = list(Unit.objects.values_list("pk", "code", "path", "level"))
    duck.execute("CREATE TABLE places (id INTEGER, code VARCHAR, path VARCHAR, level INTEGER)")
    duck.executemany("INSERT INTO places VALUES (?, ?, ?, ?)", unit_rows)


def run(scale: float | None = None) -> dict:
    """Build or keep the dataset, measure every case, return what `bench` writes and prints."""
    _setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import F
    from django.http import QueryDict

    from phoihop.accounts.models import Role, User
    from phoihop.analytics.pivot import run_pivot
    from phoihop.analytics.pivot_query import parse_pivot_params
    from phoihop.indicators.models import Indicator
    from phoihop.places.models import Unit
    from phoihop.reporting.models import FigureValue

    scale = float(os.environ.get("BENCH_SCALE", DEFAULT_SCALE)) if scale is None else scale
    call_command("migrate", verbosity=0)
    summary, kept = _dataset(scale)
    vendor = connection.vendor
    print(
        f"  dataset (scale {scale:g}, {'kept' if kept else 'built'}): {summary.values:,} values, "
        f"{summary.communes:,} communes, {summary.rollups:,} rollup rows on {vendor}"
        + ("" if kept else f", built in {summary.seconds:.1f} s"),
        flush=True,
    )
    user, _ = User.objects.get_or_create(
        username="bench", defaults={"role": Role.ADMIN, "is_superuser": True}
    )
    indicators = {
        code: (pk, aggregation)
        for code, pk, aggregation in Indicator.objects.filter(code__startswith="synth_")
        .order_by("code")
        .values_list("code", "pk", "aggregation")
    }
    code_of = {pk: code for code, (pk, _a) in indicators.items()}
    aggregation_of = {pk: a for _c, (pk, a) in indicators.items()}
    country = Unit.objects.get(code="VN")
    province = Unit.objects.filter(code__startswith="S", level=1).order_by("code").first()
    first = indicators["synth_01"][0]
    all_ids = ", ".join(str(pk) for pk, _a in indicators.values())
    duck, load_ms, duck_kept = _load_duckdb()
    print(
        f"  DuckDB table {'copied from the kept file' if duck_kept else 'loaded'} in "
        f"{load_ms:.0f} ms (not counted in any case)",
        flush=True,
    )

    def pivot(params: str) -> Callable[[], Answer]:
        def go() -> Answer:
            query = parse_pivot_params(QueryDict(params), user=user)
            result = run_pivot(query, user=user)
            answer: Answer = {}
            for row in result.rows:
                for column, value in zip(result.columns, row.cells, strict=True):
                    if value is None:
                        continue
                    period = column["period"].id if column["period"] is not None else row.key
                    answer[(row.key, column["indicator"].code, period)] = value
            return answer

        return go

    unit_code = dict(Unit.objects.values_list("pk", "code"))

    def ids(units) -> str:
        return ", ".join(str(pk) for pk in units.order_by().values_list("pk", flat=True))

    def rows_to_answer(rows) -> Answer:
        answer: Answer = {}
        for key, indicator_id, period, total, count in rows:
            value = _value(aggregation_of[indicator_id], total, count)
            if value is not None:
                row = unit_code[key] if isinstance(key, int) else key
                answer[(row, code_of[indicator_id], period)] = value
        return answer

    def sql(statement: str) -> Callable[[], Answer]:
        def go() -> Answer:
            with connection.cursor() as cursor:
                cursor.execute(statement)
                return rows_to_answer(cursor.fetchall())

        return go

    def in_duck(statement: str) -> Callable[[], Answer]:
        return lambda: rows_to_answer(duck.execute(statement).fetchall())

    raw = (
        "FROM reporting_figurevalue f JOIN reporting_submission s ON s.id = f.submission_id "
        "JOIN organisations_organisation o ON o.id = s.organisation_id "
        "JOIN places_unit u ON u.id = o.unit_id "
    )
    accepted = "s.status = 'accepted' AND f.value IS NOT NULL"
    year = "SUBSTR(s.period, 1, 4)"
    cases = [
        (
            "one indicator by province, one half-year",
            pivot("chi_tieu=synth_01&don_vi=VN&theo=cap_duoi&ky=2024S2"),
            "SELECT unit_id, indicator_id, period, total, count FROM analytics_rollup "
            f"WHERE unit_id IN ({ids(Unit.objects.filter(parent=country))}) "
            f"AND kind = 0 AND period = '2024S2' AND indicator_id = {first}",
            f"SELECT p.code, f.indicator_id, s.period, SUM(f.value), COUNT(f.value) {raw}"
            f"JOIN places_unit p ON p.id = u.parent_id WHERE {accepted} "
            f"AND f.indicator_id = {first} AND s.period = '2024S2' "
            "GROUP BY p.code, f.indicator_id, s.period",
            "SELECT p.code, indicator_id, period, SUM(value), COUNT(value) FROM v "
            f"JOIN places p ON p.id = v.parent_id WHERE indicator_id = {first} "
            "AND period = '2024S2' GROUP BY p.code, indicator_id, period",
        ),
        (
            "all 60 indicators × communes of one province, one year",
            pivot(f"chi_tieu={','.join(indicators)}&don_vi={province.code}&theo=cap_duoi&ky=2024"),
            "SELECT unit_id, indicator_id, period, total, count FROM analytics_rollup "
            f"WHERE unit_id IN ({ids(Unit.objects.filter(parent=province))}) "
            f"AND kind = 0 AND period = '2024' AND indicator_id IN ({all_ids})",
            f"SELECT u.code, f.indicator_id, {year}, SUM(f.value), COUNT(f.value) {raw}"
            f"WHERE {accepted} AND u.parent_id = {province.pk} "
            "AND s.period IN ('2024S1', '2024S2') GROUP BY u.code, f.indicator_id, "
            f"{year}",
            "SELECT p.code, indicator_id, '2024', SUM(value), COUNT(value) FROM v "
            f"JOIN places p ON p.id = v.unit_id WHERE parent_id = {province.pk} "
            "AND period IN ('2024S1', '2024S2') GROUP BY p.code, indicator_id",
        ),
        (
            "one indicator × all communes × 5 years",
            pivot("chi_tieu=synth_01&don_vi=VN&theo=cap_xa&ky=2020..2024"),
            "SELECT unit_id, indicator_id, period, total, count FROM analytics_rollup "
            f"WHERE unit_id IN ({ids(Unit.objects.filter(level=3, path__startswith=country.path))}) "
            f"AND kind = 0 AND indicator_id = {first} "
            "AND period IN ('2020', '2021', '2022', '2023', '2024')",
            f"SELECT u.code, f.indicator_id, {year}, SUM(f.value), COUNT(f.value) {raw}"
            f"WHERE {accepted} AND f.indicator_id = {first} AND u.level = 3 "
            f"AND u.path LIKE '{country.path}%' GROUP BY u.code, f.indicator_id, {year}",
            "SELECT p.code, indicator_id, SUBSTR(period, 1, 4), SUM(value), COUNT(value) "
            f"FROM v JOIN places p ON p.id = v.unit_id WHERE indicator_id = {first} "
            f"AND p.level = 3 AND p.path LIKE '{country.path}%' "
            "GROUP BY p.code, indicator_id, SUBSTR(period, 1, 4)",
        ),
        (
            "national trend of one indicator over ten half-years",
            pivot("chi_tieu=synth_01&don_vi=VN&theo=don_vi&hang=ky&ky=2020S1..2024S2"),
            "SELECT r.period, r.indicator_id, r.period, r.total, r.count FROM analytics_rollup r "
            f"WHERE r.unit_id = {country.pk} AND r.kind = 0 AND r.indicator_id = {first} "
            "AND r.period IN ("
            + ", ".join(f"'{y}S{h}'" for y in range(2020, 2025) for h in (1, 2))
            + ")",
            f"SELECT s.period, f.indicator_id, s.period, SUM(f.value), COUNT(f.value) {raw}"
            f"WHERE {accepted} AND f.indicator_id = {first} AND u.path LIKE '{country.path}%' "
            "GROUP BY s.period, f.indicator_id",
            "SELECT period, indicator_id, period, SUM(value), COUNT(value) FROM v "
            f"WHERE indicator_id = {first} GROUP BY period, indicator_id",
        ),
    ]
    results: list[dict] = []
    failed = False
    for name, ours, rollup_sql, group_by, duck_sql in cases:
        methods = [ours, sql(rollup_sql), in_duck(duck_sql), sql(group_by)]
        answers = [method() for method in methods]
        problems = [p for other in answers[1:] for p in compare(answers[0], other)]
        if problems:
            failed = True
            print(f"  MISMATCH in «{name}»: " + "; ".join(problems[:5]), file=sys.stderr)
        times = best_of(methods)
        results.append(
            {
                "name": name,
                "database": vendor,
                "cells": len(answers[0]),
                "phoihop_ms": times[0],
                "baselines": {
                    "rollup_sql": times[1],
                    "duckdb_table": times[2],
                    "group_by": times[3],
                },
                "answers_agree": not problems,
            }
        )

    # A write, then the answer read back: the figure saved through the ORM (the signals add its
    # change to the rollups), against the same UPDATE without rollups read by a GROUP BY, and
    # the same change made in DuckDB's table too (it is a copy) read there. Every write is
    # undone by the next (+1, -1), so the dataset stays as it was.
    figure = (
        FigureValue.objects.filter(indicator_id=first, submission__period="2024S2")
        .select_related("submission__organisation__unit")
        .first()
    )
    fid = figure.pk
    read_back = pivot("chi_tieu=synth_01&don_vi=VN&theo=cap_duoi&ky=2024S2")
    # Each way of writing moves the figure by +1 then -1 in turn, and keeps its own count, so
    # that it can be undone the same way at the end: an ORM save adds its change (against the
    # stored value) to the rollups, a plain UPDATE does not, so the rollups equal a rebuild
    # again once every UPDATE has been undone.
    nets = {"orm": 0, "update": 0, "duck": 0}

    def move(way: str) -> int:
        delta = -1 if nets[way] else 1
        nets[way] += delta
        if way == "orm":
            figure.value += delta
            figure.save()
        else:
            FigureValue.objects.filter(pk=fid).update(value=F("value") + delta)
            figure.value += delta
            if way == "duck":
                duck.execute(f"UPDATE v SET value = value + {delta} WHERE fid = {fid}")
        return delta

    def save_and_read() -> Answer:
        move("orm")
        return read_back()

    def update_and_group() -> Answer:
        move("update")
        return sql(cases[0][3])()

    def update_and_duck() -> Answer:
        move("duck")
        return in_duck(cases[0][4])()

    times = best_of([save_and_read, update_and_duck, update_and_group])
    upkeep = best_of([lambda: move("orm"), lambda: move("update")])
    for way in nets:
        if nets[way]:
            move(way)
    ours, duck_answer, raw_answer = read_back(), in_duck(cases[0][4])(), sql(cases[0][3])()
    problems = compare(ours, duck_answer) + compare(ours, raw_answer)
    if problems:
        failed = True
        print("  MISMATCH after writes: " + "; ".join(problems[:5]), file=sys.stderr)
    results.append(
        {
            "name": "save one figure of an accepted report, then read it back",
            "database": vendor,
            "cells": len(ours),
            "phoihop_ms": times[0],
            "baselines": {"rollup_sql": None, "duckdb_table": times[1], "group_by": times[2]},
            "answers_agree": not problems,
        }
    )
    print(
        f"  rollup upkeep per write: ORM save with rollups "
        f"{upkeep[0]:.2f} ms, plain UPDATE {upkeep[1]:.2f} ms",
        flush=True,
    )
    duck.close()
    return {
        "database": vendor,
        "scale": scale,
        "values": summary.values,
        "duckdb_load_ms": load_ms,
        "cases": results,
        "rollup_upkeep": {"orm_save_ms": upkeep[0], "plain_update_ms": upkeep[1]},
        "failed": failed,
    }


def main() -> None:
    result = run()
    for case in result["cases"]:
        print(case)
    sys.exit(1 if result["failed"] else 0)


if __name__ == "__main__":
    main()
