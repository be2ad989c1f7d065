"""Benchmark every explorer of the book as a Jupyter reader moves it: the live redraw.

    python benchmarks/widget_latency.py [key ...]

For every ``Spec`` in ``musclebook/*_plots.py`` (or only the given keys), builds the live explorer
(ipywidgets, as in Jupyter, Binder and Colab) and moves each control through its values, and each
fine slider through points between them, timing from setting the widget's value to the new figure
in the output widget: model run, figure update, SVG rendering and text alternative. It also times
the static precompute of the explorer (every frame, as the build renders them).

Budget (2 cores): the first figure within 1 s; a live redraw median 30 ms and 95th percentile 50 ms,
for every explorer.
A benchmark, not a timed test: it prints numbers and budgets, it does not fail. The last line is
the worst explorer.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

import matplotlib
import numpy as np

matplotlib.use("Agg")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "book"))
os.environ.pop("MUSCLEBOOK_STATIC", None)

from musclebook.explorer import LiveExplorer, Spec, StaticExplorer, book_specs  # noqa: E402

MEDIAN_BUDGET_MS, P95_BUDGET_MS, FIRST_BUDGET_MS = 30.0, 50.0, 1000.0
FINE_POINTS = 24  # off-grid values per fine slider


def moves(spec: Spec) -> list[tuple[int, object]]:
    """(control index, value) pairs: every value of every control, there and back, and fine points."""
    out = []
    for k, control in enumerate(spec.controls):
        values = list(control.values)
        out += [(k, v) for v in values[1:] + values[::-1]]
        if control.live is not None:
            low, high, _ = control.live
            points = np.geomspace(low, high, FINE_POINTS) if control.log else np.linspace(low, high, FINE_POINTS)
            out += [(k, float(v)) for v in points]
    return out


def live_redraws_ms(spec: Spec) -> tuple[float, list[float], int]:
    """Time to the first figure [ms], redraw times [ms], and how many moves left the figure as it was
    (two values that draw the same)."""
    started = time.perf_counter()
    explorer = LiveExplorer(spec)
    first_ms = (time.perf_counter() - started) * 1000
    times, same = [], 0
    for k, value in moves(spec):  # once: a second pass would find the models' caches warm
        widget = explorer.controls[k]
        if widget.value == value:
            continue
        before = explorer.frame_image.value
        started = time.perf_counter()
        widget.value = value
        times.append((time.perf_counter() - started) * 1000)
        same += explorer.frame_image.value == before
    return first_ms, times, same


def main(keys: list[str]) -> None:
    warnings.filterwarnings("ignore")
    chosen = [s for s in book_specs() if not keys or s.key in keys]
    worst, worst_share = ("", 0.0, 0.0), 0.0
    for spec in chosen:
        gc.collect()  # as a kernel meets it: not with the garbage of the explorers measured before
        first_ms, times, same = live_redraws_ms(spec)  # first, as a fresh kernel meets it: no cache is warm
        started = time.perf_counter()
        static = StaticExplorer(spec)
        precompute = time.perf_counter() - started
        median, p95 = statistics.median(times), float(np.percentile(times, 95))
        over = median > MEDIAN_BUDGET_MS or p95 > P95_BUDGET_MS or first_ms > FIRST_BUDGET_MS
        print(
            f"{spec.key}: first figure {first_ms:.0f} ms; live redraw median {median:.1f} ms, p95 {p95:.1f} ms, "
            f"max {max(times):.1f} ms (n={len(times)}, {same} unchanged); static: {len(static.frames)} frames "
            f"wide and for phones in {precompute:.2f} s{' (over budget)' if over else ''}"
        )
        share = max(median / MEDIAN_BUDGET_MS, p95 / P95_BUDGET_MS)  # how close to its budget
        if share > worst_share:
            worst, worst_share = (spec.key, median, p95), share
    print(
        f"budgets: first figure {FIRST_BUDGET_MS:.0f} ms; redraw median {MEDIAN_BUDGET_MS:.0f} ms, "
        f"p95 {P95_BUDGET_MS:.0f} ms"
    )
    print(f"worst: {worst[0]}: median {worst[1]:.1f} ms, p95 {worst[2]:.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
