"""Throughput of the figure extractor on the seed report repeated to about a megabyte."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from phoihop.imports.checks import run_checks
from phoihop.imports.extractor import extract_blocks
from phoihop.imports.textsource import blocks_from_text

__all__ = ["SEED_REPORT", "run_benchmark"]

# The seed report, kept once in the repository beside the documents app's sample context.
SEED_REPORT = (
    Path(__file__).resolve().parents[1] / "documents" / "data" / "seed" / "000_755666b3e69796d6.txt"
)


def run_benchmark(
    *, target_bytes: int = 1_000_000, runs: int = 5, path: Path = SEED_REPORT
) -> dict:
    """Median of `runs` extractions (checks apart) of the report repeated to `target_bytes`."""
    text = path.read_text(encoding="utf-8")
    copies = max(1, -(-target_bytes // len(text.encode("utf-8"))))
    corpus = "\n".join([text] * copies)
    blocks = blocks_from_text(corpus)
    timings: list[float] = []
    figures = 0
    for _ in range(runs):
        started = time.perf_counter()
        result = extract_blocks(blocks, run_checks=False)
        timings.append(time.perf_counter() - started)
        figures = len(result.figures)
    started = time.perf_counter()
    checks = run_checks(result.figures)
    checks_seconds = time.perf_counter() - started
    median = statistics.median(timings)
    return {
        "bytes": len(corpus.encode("utf-8")),
        "copies": copies,
        "paragraphs": len(blocks),
        "figures": figures,
        "runs": runs,
        "median_seconds": round(median, 4),
        "paragraphs_per_second": round(len(blocks) / median, 1),
        "figures_per_second": round(figures / median, 1),
        "checks": len(checks),
        "checks_seconds": round(checks_seconds, 4),
    }


if __name__ == "__main__":
    print(json.dumps(run_benchmark(), indent=2))
