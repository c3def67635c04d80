"""Extraction throughput: the figure extractor against a plain regex scan for numbers.

Both read the same text (the seed report repeated to about a megabyte) in the same run, so the
ratio says what finding figures of activity costs over merely finding digits, on any machine.
Run with `python -m bench.extraction`, or through `python -m bench`.
"""

from __future__ import annotations

import re
import statistics
import time

import yaml

from phoihop.demo.seed import SEED_FIGURES
from phoihop.imports.bench_extract import SEED_REPORT, run_benchmark
from phoihop.imports.extractor import extract_file
from phoihop.imports.tests.helpers import (
    SAMPLES,
    expected_from_sample,
    expected_from_seed,
    match_figures,
)

RUNS = 5
TARGET_BYTES = 1_000_000
# What a naive import would do: every run of digits with its '.' and ',' groups.
_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")


def _regex_baseline(paragraphs: list[str], runs: int) -> tuple[float, int]:
    """Median seconds of a regex scan of every paragraph, and the numbers it finds."""
    timings = []
    found = 0
    for _ in range(runs):
        started = time.perf_counter()
        found = sum(1 for paragraph in paragraphs for _ in _DIGITS_RE.finditer(paragraph))
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), found


def run(*, target_bytes: int = TARGET_BYTES, runs: int = RUNS) -> list[dict]:
    extracted = run_benchmark(target_bytes=target_bytes, runs=runs)
    text = SEED_REPORT.read_text(encoding="utf-8")
    paragraphs = "\n".join([text] * extracted["copies"]).splitlines()
    regex_seconds, numbers = _regex_baseline(paragraphs, runs)
    seconds = extracted["median_seconds"]
    result = {
        "case": "extract figures from the seed report ×{copies} ({kb} kB)".format(
            copies=extracted["copies"], kb=extracted["bytes"] // 1000
        ),
        "paragraphs": extracted["paragraphs"],
        "figures": extracted["figures"],
        "numbers": numbers,
        "extract_seconds": seconds,
        "regex_seconds": round(regex_seconds, 4),
        "paragraphs_per_second": extracted["paragraphs_per_second"],
        "figures_per_second": extracted["figures_per_second"],
        "regex_paragraphs_per_second": round(extracted["paragraphs"] / regex_seconds, 1),
        "slower_than_regex": round(seconds / regex_seconds, 1),
        "checks_seconds": extracted["checks_seconds"],
    }
    print(result["case"])
    print(
        f"  extractor: {result['paragraphs_per_second']:>12,.0f} paragraphs/s"
        f" {result['figures_per_second']:>10,.0f} figures/s  ({seconds * 1000:.0f} ms)"
    )
    print(
        f"  regex:     {result['regex_paragraphs_per_second']:>12,.0f} paragraphs/s"
        f" {numbers / regex_seconds:>10,.0f} numbers/s  ({regex_seconds * 1000:.0f} ms)"
    )
    print(
        f"  the extractor is {result['slower_than_regex']}× the time of a bare digit scan;"
        f" arithmetic checks {extracted['checks_seconds'] * 1000:.0f} ms"
    )
    result["accuracy"] = accuracy()
    return [result]


def accuracy() -> dict:
    """Recall and precision of the figures found, on the seed and on the corpus of samples.

    The corpus (phoihop/imports/tests/samples) holds reports of other bodies, districts and
    years written for this purpose, each with the list of its figures beside it.
    """
    seed = match_figures(
        extract_file(SEED_REPORT),
        expected_from_seed(yaml.safe_load(SEED_FIGURES.read_text(encoding="utf-8"))),
    )
    found = missing = extra = 0
    for path in sorted(SAMPLES.glob("*.txt")):
        data = yaml.safe_load(path.with_suffix(".expected.yaml").read_text(encoding="utf-8"))
        matching = match_figures(extract_file(path), expected_from_sample(data))
        found += len(matching.pairs)
        missing += len(matching.missing)
        extra += len(matching.extra)
    result = {
        "seed": {"recall": round(seed.recall, 4), "precision": round(seed.precision(), 4)},
        "corpus": {
            "reports": len(list(SAMPLES.glob("*.txt"))),
            "figures": found + missing,
            "recall": round(found / (found + missing), 4),
            "precision": round(found / (found + extra), 4),
        },
    }
    for name, scores in result.items():
        print(
            f"  extraction on the {name}: recall {scores['recall']:.1%},"
            f" precision {scores['precision']:.1%}"
        )
    return result


def main() -> None:
    run()
    accuracy()


if __name__ == "__main__":
    main()
