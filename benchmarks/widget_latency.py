"""Benchmark every explorer of the book in a real Jupyter kernel.

    python benchmarks/widget_latency.py [book/twitch.ipynb ...]

For each notebook, the script runs it in a fresh ipykernel (as Jupyter, Binder and the
build do), then, inside that kernel, for every explorer it finds:

- live update: set each control to each of its values, many times, and time how long it takes
  until the figure on show has switched (control value change -> new frame selected, including
  the widget messages the kernel sends to the front end);
- precompute: the time to render all of its frames, and the median time per frame (what a new
  figure would cost if it were drawn on demand instead);
- embedded bytes: the size of all of its frames as embedded in the web page.

One line per explorer, then a last line ``worst: median X ms, p95 Y ms`` over all explorers.
Budget: worst median <= 30 ms and p95 <= 50 ms on a 2-core machine. This is a benchmark, not a
timed test: it reports, it does not fail.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

BOOK = Path(__file__).resolve().parent.parent / "book"
MARK = "@@BENCH@@"

MEASURE = r"""
import json, statistics, time
from musclebook.explorer import Explorer

def _bench(name, ex, rounds=20):
    samples = []
    for _ in range(rounds):
        for control in ex.controls:
            for i in list(range(len(control.options))) + [0]:
                started = time.perf_counter()
                control.index = i
                key = tuple(c.index for c in ex.controls)
                stack = ex.figure
                for depth in range(len(key) - 1):
                    stack = stack.children[stack.selected_index]
                assert stack.selected_index == key[-1]
                assert ex.visible_description() == ex.descriptions[key]
                samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return dict(name=name, frames=ex.n_frames, bytes=ex.frame_bytes,
                precompute_s=sum(ex.render_ms) / 1000, render_median_ms=statistics.median(ex.render_ms),
                median_ms=statistics.median(samples), p95_ms=samples[int(0.95 * (len(samples) - 1))],
                n=len(samples))

print("@@BENCH@@" + json.dumps([_bench(k, v) for k, v in list(globals().items())
                                if isinstance(v, Explorer) and not k.startswith("_")]))
"""


def bench_notebook(path: Path) -> list[dict]:
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(MEASURE))
    NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    for output in nb.cells[-1].outputs:
        text = output.get("text", "")
        if MARK in text:
            return json.loads(text.split(MARK, 1)[1])
    raise RuntimeError(f"{path.name}: the measuring cell printed nothing")


def main(paths: list[Path]) -> None:
    worst_median = worst_p95 = 0.0
    for path in paths:
        for r in bench_notebook(path):
            print(
                f"{path.name} {r['name']}: live update median {r['median_ms']:.2f} ms, p95 {r['p95_ms']:.2f} ms "
                f"(n={r['n']}); precompute {r['precompute_s']:.1f} s for {r['frames']} frames "
                f"(median {r['render_median_ms']:.0f} ms/frame); embedded {r['bytes'] / 1e6:.2f} MB"
            )
            worst_median = max(worst_median, r["median_ms"])
            worst_p95 = max(worst_p95, r["p95_ms"])
    print(f"worst: median {worst_median:.2f} ms, p95 {worst_p95:.2f} ms")


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or sorted(BOOK.glob("*.ipynb")))
