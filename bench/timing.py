"""Timing shared by the benchmarks: the best of several warm runs, methods taking turns."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

ROUNDS = int(os.environ.get("BENCH_ROUNDS", 5))
REPEATS = 3
# A method is settled when two rounds in a row came within this of its best: more rounds
# would not move its best, only the bench's length. BENCH_SETTLE=0 runs every round.
SETTLE = float(os.environ.get("BENCH_SETTLE", 0.05))


def best_of(
    fns: list[Callable[[], object]], rounds: int = ROUNDS, repeats: int = REPEATS
) -> list[float]:
    """The fastest run of each method in milliseconds, over `rounds` rounds of `repeats` runs.

    Every method runs once untimed first (imports, caches, the database's pages). Methods take
    turns round by round, each leading one in its turn, so that on a shared machine whose speed
    drifts each meets the same moments; the best run is what the method costs when nothing
    else is in its way, which is what a ratio between methods should compare. A method whose
    last two rounds both came within SETTLE of its best sits out the rounds left (at least
    three rounds always run): its spread is small, and more runs would only lengthen the bench."""
    for fn in fns:
        fn()
    best = [float("inf")] * len(fns)
    close = [0] * len(fns)  # rounds in a row within SETTLE of the best
    order = list(range(len(fns)))
    for number in range(rounds):
        shift = number % len(fns)
        for index in order[shift:] + order[:shift]:
            if close[index] >= 2:
                continue
            fn = fns[index]
            fn()  # warm again after the method before it evicted what this one uses
            round_best = float("inf")
            for _ in range(repeats):
                started = time.perf_counter()
                fn()
                round_best = min(round_best, (time.perf_counter() - started) * 1000)
            before = best[index]
            best[index] = min(before, round_best)
            near = number > 0 and round_best <= before * (1 + SETTLE)
            close[index] = close[index] + 1 if near else 0
    return best
