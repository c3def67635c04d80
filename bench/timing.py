"""Timing shared by the benchmarks: the best of several warm runs, methods taking turns."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

ROUNDS = int(os.environ.get("BENCH_ROUNDS", 5))
REPEATS = 3


def best_of(
    fns: list[Callable[[], object]], rounds: int = ROUNDS, repeats: int = REPEATS
) -> list[float]:
    """The fastest run of each method in milliseconds, over `rounds` rounds of `repeats` runs.

    Every method runs once untimed first (imports, caches, the database's pages). Methods take
    turns round by round, each leading one in its turn, so that on a shared machine whose speed
    drifts each meets the same moments; the best run is what the method costs when nothing
    else is in its way, which is what a ratio between methods should compare."""
    for fn in fns:
        fn()
    best = [float("inf")] * len(fns)
    order = list(range(len(fns)))
    for number in range(rounds):
        shift = number % len(fns)
        for index in order[shift:] + order[:shift]:
            fn = fns[index]
            fn()  # warm again after the method before it evicted what this one uses
            for _ in range(repeats):
                started = time.perf_counter()
                fn()
                best[index] = min(best[index], (time.perf_counter() - started) * 1000)
    return best
