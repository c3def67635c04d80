"""`git clone && make test` works on a machine with only the repository: no test reads outside it."""

from __future__ import annotations

import re
from pathlib import Path

from phoihop.demo.seed import SEED_FIGURES, SEED_REPORT

ROOT = Path(__file__).resolve().parents[3]
# A machine's own folder, a folder beside the checkout, or a climb out of it (screenshots
# written to /tmp are fine: every machine has one).
OUTSIDE = re.compile(r"""["'](?:/work/|/home/|\.\./)|shared["']\s*/|parents\[[4-9]\]""")


def _test_sources() -> list[Path]:
    found = [*ROOT.glob("phoihop/**/tests/**/*.py"), *ROOT.glob("tests/**/*.py")]
    return [*found, *ROOT.glob("**/conftest.py")]


def test_no_test_reads_a_file_outside_the_repository() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _test_sources()
        if ".venv" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if OUTSIDE.search(line)
    ]
    assert offenders == []


def test_the_seed_report_ships_inside_the_package() -> None:
    assert SEED_REPORT.is_relative_to(ROOT / "phoihop")
    assert "Bù Đăng" in SEED_REPORT.read_text(encoding="utf-8")
    assert SEED_FIGURES.read_text(encoding="utf-8").startswith("# Every figure stated")
