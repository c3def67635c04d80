"""Run the benchmarks, each in its own process with its own database, and write
bench/results/latest.json (printed too, as a table).

    python -m bench                    everything: documents and writes on the demo (SQLite),
                                       the pivots on SQLite and on PostgreSQL, extraction
    python -m bench analytics          only the pivots (both databases); also
                                       `python -m bench --only pivots`
    python -m bench documents          only the documents, writes and the import of an old report
    python -m bench imports            only the import of an old report (its section of
                                       bench/results/latest.json is refreshed)
    python -m bench --only pivots,documents    several (pivots is another name for analytics)

The pivots run on data/bench.sqlite3 and on BENCH_POSTGRES_URL (default
postgres://postgres@127.0.0.1:5432/phoihop_bench, created if missing; set it empty to skip
PostgreSQL). BENCH_SCALE sizes their dataset (bench/analytics.py). A case whose answers differ
between phoihop and a baseline fails the run (exit status 1), as does a module that fails.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.json"
MODULES = ["documents", "analytics", "extraction"]
CHILD_FLAG = "PHOIHOP_BENCH_CHILD"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/phoihop_bench"


def _setup_django(*, demo: bool) -> None:
    """Django on this child's own SQLite file; with the demo in it when asked, copied from the
    build kept for the same sources (bench/cache.py) or built, then kept."""
    from bench import cache

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    database = Path(os.environ["PHOIHOP_SQLITE_PATH"])
    kept = demo and cache.kept_demo(database)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    if demo and not kept:
        from phoihop.demo.builder import build_demo

        build_demo()
        connection.close()
        cache.keep_demo(database)
    if demo:
        print(f"  demo database: {'kept from an earlier build' if kept else 'built'}", flush=True)


def print_rows(rows: list) -> None:
    timed = {row[0]: row[1] for row in rows if isinstance(row, tuple)}
    for row in rows:
        if not isinstance(row, tuple):
            continue
        case, seconds, baseline = row
        line = f"  {case:<52} {seconds * 1000:>10.1f} ms"
        if baseline and timed.get(baseline):
            line += f"   {seconds / timed[baseline]:>7.1f}× {baseline}"
        print(line, flush=True)


def _child(name: str) -> dict:
    """Run one module here; what it measured, for the parent to write."""
    if name == "imports":
        from bench import imports

        _setup_django(demo=True)
        print("== import of an old report (demo district, SQLite)", flush=True)
        return {"imports": imports.measure()}
    if name == "documents":
        from bench import documents, imports, office

        _setup_django(demo=True)
        print("== documents and writes (demo district, SQLite)", flush=True)
        rows = documents.run()
        print_rows(rows)
        # The kept converter's warm PDF, made anew (not the generated file's cache): the
        # fastest of several after a warm-up (bench/documents.py).
        waiting = next((r for r in rows if isinstance(r, dict)), {})
        shown = office.preview()
        return {
            "documents": {
                "pdf_warm_ms": waiting.get("pdf_warm_ms"),
                "pdf_warm_median_ms": waiting.get("pdf_warm_median_ms"),
                "pdf_oneshot_ms": waiting.get("pdf_oneshot_ms"),
                "preview_ms": shown["preview_ms"],
                "preview_bytes": shown["preview_bytes"],
            },
            "writes": office.save_one(),
            "imports": imports.measure(),
        }
    if name == "analytics":
        from bench import analytics

        return analytics.run()
    from importlib import import_module

    module = import_module(f"bench.{name}")
    if getattr(module, "NEEDS_DEMO", False):
        _setup_django(demo=True)
    print(f"== {name}", flush=True)
    print_rows(module.run())
    return {}


def _ensure_postgres_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def _machine(postgres: str | None) -> dict:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    except OSError:
        memory_kb = 0
    import sqlite3

    machine = {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": None,
        "load_average": os.getloadavg()[0],
    }
    if postgres:
        try:
            import psycopg

            with psycopg.connect(postgres) as conn:
                machine["postgresql"] = conn.execute("SHOW server_version").fetchone()[0]
        except Exception:  # noqa: BLE001 - the machine's description only
            pass
    return machine


def _run_child(name: str, env: dict[str, str]) -> tuple[int, dict]:
    with tempfile.TemporaryDirectory(prefix="phoihop-bench-") as tmp:
        out = Path(tmp) / "out.json"
        env = {**os.environ, **env, CHILD_FLAG: "1", "BENCH_OUT": str(out)}
        env.setdefault("PHOIHOP_SQLITE_PATH", str(Path(tmp) / "bench.sqlite3"))
        if "DATABASE_URL" in env and env["DATABASE_URL"] == "":
            del env["DATABASE_URL"]
        done = subprocess.run([sys.executable, "-m", "bench", name], env=env, check=False)
        data = json.loads(out.read_text()) if out.exists() else {}
    return done.returncode, data


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _ratio(ours: float | None, theirs: float | None) -> str:
    return "—" if not ours or not theirs else f"{ours / theirs:.2f}×"


def print_table(report: dict) -> None:
    print()
    print(
        f"{'case':<58}{'db':<11}{'cells':>6}{'phoihop':>9}{'rollup':>9}{'DuckDB':>9}"
        f"{'GROUP BY':>10}  {'÷rollup':>8}{'÷DuckDB':>8}  agree"
    )
    for case in report["cases"]:
        b = case["baselines"]
        print(
            f"{case['name'][:57]:<58}{case['database']:<11}{case['cells']:>6}"
            f"{_ms(case['phoihop_ms']):>9}{_ms(b['rollup_sql']):>9}{_ms(b['duckdb_table']):>9}"
            f"{_ms(b['group_by']):>10}  {_ratio(case['phoihop_ms'], b['rollup_sql']):>8}"
            f"{_ratio(case['phoihop_ms'], b['duckdb_table']):>8}  "
            f"{'yes' if case['answers_agree'] else 'NO'}"
        )
    print("(milliseconds, best warm run; ÷: phoihop's time over the baseline's, same run)")
    sections = {**report.get("documents", {}), **report.get("writes", {})}
    sections.update({f"import_{k}": v for k, v in report.get("imports", {}).items()})
    for key, value in sections.items():
        print(f"  {key:<20} {'not measured' if value is None else round(value, 2)}")


ALIASES = {"pivots": "analytics", "pivot": "analytics"}


def _names(argv: list[str]) -> list[str]:
    """The modules asked for: names, or `--only a,b` (`--only=a,b`); every module by default."""
    names: list[str] = []
    args = iter(argv)
    for arg in args:
        if arg == "--only":
            arg = next(args, "")
        elif arg.startswith("--only="):
            arg = arg.split("=", 1)[1]
        names += [ALIASES.get(n, n) for n in arg.split(",") if n]
    # "imports" alone is part of "documents", asked for by itself to refresh just its section.
    unknown = sorted(set(names) - {*MODULES, "imports"})
    if unknown:
        raise SystemExit(
            f"unknown benchmark: {', '.join(unknown)} (known: pivots, imports, {MODULES})"
        )
    return list(dict.fromkeys(names)) or MODULES


def main(argv: list[str]) -> int:
    if os.environ.get(CHILD_FLAG):
        data = _child(argv[0])
        Path(os.environ["BENCH_OUT"]).write_text(json.dumps(data, default=str))
        return 1 if data.get("failed") else 0
    names = _names(argv)
    postgres = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
    report: dict = {
        "machine": _machine(postgres),
        "cases": [],
        "documents": {"pdf_warm_ms": None, "preview_ms": None, "preview_bytes": None},
        "writes": {"save_one_ms": None, "save_one_queries": None},
        "imports": {
            "create_session_ms": None,
            "figures": None,
            "review_ms": None,
            "review_bytes": None,
        },
    }
    notes: list[str] = []
    failed = []
    for name in names:
        if name != "analytics":
            status, data = _run_child(name, {"DATABASE_URL": ""})
            report["documents"] = data.get("documents", report["documents"])
            report["writes"] = data.get("writes", report["writes"])
            report["imports"] = data.get("imports", report["imports"])
            if status:
                failed.append(name)
            continue
        targets = [("sqlite", {"DATABASE_URL": "", "PHOIHOP_SQLITE_PATH": ""})]
        if postgres:
            targets.append(("postgresql", {"DATABASE_URL": postgres}))
        else:
            notes.append("PostgreSQL skipped: BENCH_POSTGRES_URL is empty.")
        for database, env in targets:
            print(f"== analytics on {database}", flush=True)
            if database == "sqlite":
                (ROOT / "data").mkdir(exist_ok=True)
                env["PHOIHOP_SQLITE_PATH"] = str(ROOT / "data" / "bench.sqlite3")
            else:
                _ensure_postgres_database(postgres)
            status, data = _run_child("analytics", env)
            report["cases"] += data.get("cases", [])
            if data:
                notes.append(
                    f"{database}: {data['values']:,} values (scale {data['scale']:g}); DuckDB "
                    f"table loaded in {data['duckdb_load_ms']:.0f} ms (not in any case); "
                    f"rollup upkeep per write: ORM save {data['rollup_upkeep']['orm_save_ms']:.2f}"
                    f" ms against a plain UPDATE {data['rollup_upkeep']['plain_update_ms']:.2f} ms"
                )
            if status or not data:
                failed.append(f"analytics on {database}")
    if report["cases"] and set(names) >= {"documents", "analytics"}:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        print(f"\nwritten: {RESULTS.relative_to(ROOT)}")
    elif names == ["imports"] and RESULTS.exists() and not failed:
        # A run of the import part alone refreshes its own section of the last full results.
        kept = json.loads(RESULTS.read_text())
        kept["imports"] = report["imports"]
        RESULTS.write_text(json.dumps(kept, indent=2, ensure_ascii=False) + "\n")
        print(f"\nimports section written: {RESULTS.relative_to(ROOT)}")
    print_table(report)
    for note in notes:
        print(f"  {note}")
    if any(not case["answers_agree"] for case in report["cases"]):
        failed.append("answers differ")
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
