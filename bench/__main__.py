"""Run every benchmark module, each in its own process with its own temporary database.

A module is listed in MODULES and has `run()`. It returns a list of rows; a row is either a
tuple `(case, seconds, baseline_case_or_None)`, which this runner prints with its ratio to the
baseline measured in the same run, or a dict that the module has already printed itself.
A module that sets `NEEDS_DEMO = True` gets the demo district (build_demo) in its database.

    python -m bench                    every module
    python -m bench documents          only bench/documents.py
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

MODULES = ["documents", "analytics", "extraction"]
CHILD_FLAG = "PHOIHOP_BENCH_CHILD"


def _setup_django(*, demo: bool) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if demo:
        from phoihop.demo.builder import build_demo

        build_demo()


def print_rows(name: str, rows: list) -> None:
    timed = {row[0]: row[1] for row in rows if isinstance(row, tuple)}
    for row in rows:
        if not isinstance(row, tuple):
            continue
        case, seconds, baseline = row
        line = f"  {case:<52} {seconds * 1000:>10.1f} ms"
        if baseline and timed.get(baseline):
            line += f"   {seconds / timed[baseline]:>7.1f}× {baseline}"
        print(line, flush=True)


def run_one(name: str) -> None:
    module = importlib.import_module(f"bench.{name}")
    if getattr(module, "NEEDS_DEMO", False):
        _setup_django(demo=True)
    print(f"== {name}", flush=True)
    print_rows(name, module.run())


def main(argv: list[str]) -> int:
    names = argv or MODULES
    if os.environ.get(CHILD_FLAG):
        run_one(names[0])
        return 0
    failed = []
    for name in names:
        # One process and one throw-away SQLite file per module: no benchmark sees another's data.
        with tempfile.TemporaryDirectory(prefix="phoihop-bench-") as tmp:
            env = {
                **os.environ,
                "PHOIHOP_SQLITE_PATH": str(Path(tmp) / "bench.sqlite3"),
                CHILD_FLAG: "1",
            }
            done = subprocess.run([sys.executable, "-m", "bench", name], env=env, check=False)
            if done.returncode:
                failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
