"""What the benchmark builds once and reuses while its sources are unchanged: the demo database
its documents are measured on, and DuckDB's copy of the synthetic values.

A build is kept under data/bench-cache/, named by a hash of everything it was built from (every
source and data file of the product, for the demo; the dataset's own fingerprint, for DuckDB's
copy), so that a change to any of them builds it again; BENCH_FRESH=1 always builds. Nothing
kept is ever measured: only what a build would have produced is reused.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "data" / "bench-cache"


def fresh() -> bool:
    """Whether this run builds everything anew (BENCH_FRESH=1)."""
    return bool(os.environ.get("BENCH_FRESH"))


def source_key(*, test_hooks: bool = False) -> str:
    """A hash of every file the demo's build could read: the product's sources and data (its
    tests aside), its settings and dependencies, Django's and SQLite's versions. The test
    suite's kept demo (`test_hooks`) also counts the conftest files, which may change settings."""
    import django

    digest = hashlib.sha256(f"{django.__version__} {sqlite3.sqlite_version}".encode())
    files = [ROOT / "pyproject.toml", *([ROOT / "conftest.py"] if test_hooks else [])]
    for folder in (ROOT / "phoihop", ROOT / "config"):
        files += [
            path
            for path in folder.rglob("*")
            if path.is_file()
            and "__pycache__" not in path.parts
            and path.suffix != ".pyc"
            # No product module reads a test module; a conftest (hooks, settings) might.
            and (
                "tests" not in path.relative_to(ROOT).parts
                or (test_hooks and path.name == "conftest.py")
            )
        ]
    for path in sorted(files):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def kept_demo(target: Path) -> bool:
    """Copy the demo database built for these sources into `target`; False if none is kept."""
    cached = CACHE / f"demo-{source_key()}.sqlite3"
    if fresh() or not cached.exists():
        return False
    shutil.copyfile(cached, target)
    return True


def keep_demo(built: Path) -> None:
    """Keep a freshly built demo database (its connection closed) for later runs."""
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob("demo-*.sqlite3"):
        old.unlink(missing_ok=True)  # built from sources that changed since
    partial = CACHE / f"demo.{os.getpid()}.tmp"
    shutil.copyfile(built, partial)
    os.replace(partial, CACHE / f"demo-{source_key()}.sqlite3")


def duckdb_file(fingerprint: str) -> Path:
    """Where DuckDB's copy of a dataset with this fingerprint is kept."""
    return CACHE / f"duck-{hashlib.sha256(fingerprint.encode()).hexdigest()[:24]}.duckdb"
