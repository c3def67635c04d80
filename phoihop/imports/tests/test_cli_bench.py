"""The command-line entry point and the throughput benchmark."""

from __future__ import annotations

import json

import pytest

from phoihop.demo.seed import SEED_REPORT
from phoihop.imports.bench_extract import run_benchmark
from phoihop.imports.extractor import main

SEED = SEED_REPORT


def test_it_prints_figures_and_checks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "Kỳ báo cáo: 2020S1" in out
    assert "«7.286 cuộc»" in out
    assert "[SAI]" in out and "98 ca" in out


def test_it_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED), "--json", "--rejected"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reporting_unit"]["name"] == "Bù Đăng"
    assert len(data["figures"]) == 88
    assert any(r["reason"] == "anniversary" for r in data["rejected"])


def test_it_reports_an_unreadable_file(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "khong-co.docx")]) == 2
    assert "Không tìm thấy" in capsys.readouterr().err


def test_the_benchmark_measures_throughput() -> None:
    report = run_benchmark(target_bytes=100_000, runs=3)
    assert report["copies"] == 3
    assert report["figures"] == 3 * 88
    assert report["paragraphs_per_second"] > 0 and report["figures_per_second"] > 0
    assert report["median_seconds"] > 0


def test_the_bench_measures_recall_and_precision_on_the_seed_and_the_corpus(capsys) -> None:
    from bench.extraction import accuracy

    result = accuracy()
    assert result["seed"]["recall"] >= 0.98 and result["seed"]["precision"] >= 0.98
    assert result["corpus"]["reports"] >= 6
    assert result["corpus"]["recall"] >= 0.95 and result["corpus"]["precision"] >= 0.95
    assert "extraction on the corpus: recall" in capsys.readouterr().out
