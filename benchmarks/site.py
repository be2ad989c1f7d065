"""Benchmark the web book: build times, what a page costs a reader, and how fast its explorers answer.

    python benchmarks/site.py [--site _build/html]

Reports
- cold build (a fresh output folder: every notebook executed, every explorer frame rendered) and
  warm no-change rebuild, as `make book` runs them (strict); skipped with ``--site``, which
  measures an existing build instead;
- per page, in headless Chromium at 375 px (a phone), the bytes loaded on first view (HTML, CSS,
  scripts, fonts, images; frames of explorers load later, when the reader moves a control);
- for every explorer slider, the time from a key press to the new figure on screen, polled with
  requestAnimationFrame (budget: median 33 ms, two frames at 60 Hz).

Budgets: cold build 60 s, warm rebuild 10 s (2 cores). A benchmark, not a timed test: it prints
numbers and budgets, it does not fail.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bookkit.site import launch_chromium, serve, site_pages  # noqa: E402

COLD_BUDGET_S, WARM_BUDGET_S = 60, 10
SLIDER_BUDGET_MS = 33
PRESSES = 30

INSTRUMENT = """() => {
  window.__lat = [];
  const shown = box => box.querySelector('.mb-frame img.mb-fg').getAttribute('src');
  document.addEventListener('keydown', e => {
    const box = e.target.closest('.mb-explorer');
    if (!box) return;
    const t0 = performance.now(), before = shown(box);
    const img = box.querySelector('.mb-frame img.mb-fg');
    const poll = () => {
      if (shown(box) !== before && img.complete) window.__lat.push(performance.now() - t0);
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }, true);
}"""


def build(out: Path, fresh: bool) -> float:
    args = [sys.executable, "-m", "bookkit.build", "-W", "-n", "--keep-going", "--path-output", str(out), "."]
    if fresh:
        args.insert(3, "--all")
    started = time.perf_counter()
    subprocess.run(args, cwd=REPO, check=True, capture_output=True)
    return time.perf_counter() - started


def measure_pages(site: Path) -> tuple[dict[str, int], list[tuple[str, list[float]]]]:
    from playwright.sync_api import sync_playwright

    weights, latencies = {}, []
    with serve(site) as base, sync_playwright() as p:
        browser = launch_chromium(p)
        for page_path in [p for p in site_pages(site) if not p.endswith("-slides.html")]:
            context = browser.new_context(viewport={"width": 375, "height": 800})
            page = context.new_page()
            loaded = []
            page.on("requestfinished", lambda r, into=loaded: into.append(r.sizes()["responseBodySize"]))
            page.goto(f"{base}/{page_path}", wait_until="networkidle")
            weights[page_path] = sum(loaded)
            sliders = page.locator(".mb-explorer input[type=range]")
            if sliders.count():
                page.set_viewport_size({"width": 1280, "height": 900})
                page.evaluate(INSTRUMENT)
                for i in range(sliders.count()):
                    page.evaluate("window.__lat = []")
                    slider = sliders.nth(i)
                    slider.scroll_into_view_if_needed()
                    slider.focus()
                    for n in range(PRESSES):
                        slider.press("ArrowRight" if (n // 4) % 2 == 0 else "ArrowLeft")
                        page.wait_for_timeout(50)
                    latencies.append((f"{page_path} slider {i + 1}", page.evaluate("window.__lat")))
            context.close()
        browser.close()
    return weights, latencies


def report(site: Path) -> None:
    weights, latencies = measure_pages(site)
    for name, size in sorted(weights.items(), key=lambda kv: -kv[1]):
        print(f"page {name}: {size / 1e3:.0f} kB on first view (375 px)")
    print(
        f"pages: heaviest {max(weights.values()) / 1e3:.0f} kB, "
        f"median {statistics.median(weights.values()) / 1e3:.0f} kB"
    )
    worst = 0.0
    for name, samples in latencies:
        median = statistics.median(samples) if samples else float("nan")
        worst = max(worst, median)
        print(f"{name}: key press to new figure on screen median {median:.1f} ms (n={len(samples)})")
    print(f"slider worst: median {worst:.1f} ms (budget {SLIDER_BUDGET_MS})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, help="measure this built site instead of building one")
    args = parser.parse_args()
    if args.site:
        report(args.site)
        return
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        cold = build(out, fresh=True)
        warm = build(out, fresh=False)
        print(
            f"build: cold {cold:.1f} s (budget {COLD_BUDGET_S}), warm no-change rebuild {warm:.1f} s "
            f"(budget {WARM_BUDGET_S})"
        )
        report(out / "_build" / "html")


if __name__ == "__main__":
    main()
