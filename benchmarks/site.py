"""Benchmark the published site: build times, page weight, and slider response in Chromium.

    python benchmarks/site.py

Reports
- cold full build (fresh output folder, notebooks executed) and warm no-change rebuild times;
- per page, its unique bytes: the HTML (which embeds every explorer frame) plus the images only
  it uses (shared theme and widget assets are excluded); budget 2 MB a page;
- in headless Chromium, for every explorer slider: the time from a key press to the new figure
  on screen, polled with requestAnimationFrame (budget: median <= 33 ms, two frames at 60 Hz),
  and the time until the page has switched frames, seen by a MutationObserver (budget <= 5 ms).

A benchmark, not a timed test: it prints numbers and budgets, it does not fail.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
from bookkit.site import serve  # noqa: E402

JB = Path(sys.executable).parent / "jupyter-book"
PAGE_BUDGET_BYTES = 2_000_000
PRESSES = 40

INSTRUMENT = """() => {
  window.__lat = [];
  const shown = box => Array.from(box.querySelectorAll('.mb-frame img'))
      .filter(i => i.offsetParent !== null).map(i => i.alt).join('|');
  document.addEventListener('keydown', e => {
    const box = e.target.closest('.widget-vbox');
    if (!box) return;
    const t0 = performance.now(), before = shown(box);
    let switched = null;
    const mo = new MutationObserver(() => {
      if (switched === null && shown(box) !== before) switched = performance.now();
    });
    mo.observe(box, {attributes: true, childList: true, subtree: true});
    const poll = () => {
      if (shown(box) !== before) {
        mo.disconnect();
        window.__lat.push({screen: performance.now() - t0, swap: (switched ?? performance.now()) - t0});
      } else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }, true);
}"""


def build(out: Path, fresh: bool) -> float:
    args = [str(JB), "build", "--path-output", str(out), "."]
    if fresh:
        args.insert(2, "--all")
    started = time.perf_counter()
    subprocess.run(args, cwd=REPO, check=True, capture_output=True)
    return time.perf_counter() - started


def page_bytes(site: Path) -> dict[str, int]:
    pages = [p for p in site.rglob("*.html") if not {"_static", "_sources"} & set(p.relative_to(site).parts)]
    users: dict[Path, set[Path]] = {}
    for page in pages:
        for src in re.findall(r'<img[^>]+src="([^"]+)"', page.read_text(encoding="utf-8")):
            if not src.startswith("data:"):
                users.setdefault((page.parent / src).resolve(), set()).add(page)
    sizes = {}
    for page in pages:
        unique = sum(img.stat().st_size for img, who in users.items() if who == {page} and img.exists())
        sizes[page.relative_to(site).as_posix()] = page.stat().st_size + unique
    return sizes


def slider_latency(site: Path) -> list[tuple[str, list[dict]]]:
    from playwright.sync_api import sync_playwright

    results = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for page_path in sorted(page_bytes(site)):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{base}/{page_path}", wait_until="networkidle")
            handles = page.locator(".widget-vbox .noUi-handle")
            if not handles.count():
                page.close()
                continue
            page.evaluate(INSTRUMENT)
            for i in range(handles.count()):
                page.evaluate("window.__lat = []")
                handle = handles.nth(i)
                handle.scroll_into_view_if_needed()
                handle.focus()
                for n in range(PRESSES):
                    handle.press("ArrowRight" if (n // 3) % 2 == 0 else "ArrowLeft")
                    page.wait_for_timeout(60)
                results.append((f"{page_path} slider {i + 1}", page.evaluate("window.__lat")))
            page.close()
        browser.close()
    return results


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        cold = build(out, fresh=True)
        warm = build(out, fresh=False)
        print(f"build: cold full build {cold:.1f} s, warm no-change rebuild {warm:.1f} s")
        site = out / "_build" / "html"
        sizes = page_bytes(site)
        for name, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
            print(f"page {name}: {size / 1e6:.2f} MB unique {'(over budget)' if size > PAGE_BUDGET_BYTES else ''}")
        print(f"pages: heaviest {max(sizes.values()) / 1e6:.2f} MB (budget {PAGE_BUDGET_BYTES / 1e6:.0f} MB)")
        worst_screen = worst_swap = 0.0
        for name, samples in slider_latency(site):
            screen = statistics.median(s["screen"] for s in samples)
            swap = statistics.median(s["swap"] for s in samples)
            worst_screen, worst_swap = max(worst_screen, screen), max(worst_swap, swap)
            print(
                f"{name}: key press to figure on screen median {screen:.1f} ms, "
                f"switch median {swap:.1f} ms (n={len(samples)})"
            )
        print(
            f"slider worst: on screen median {worst_screen:.1f} ms (budget 33), "
            f"switch median {worst_swap:.1f} ms (budget 5)"
        )


if __name__ == "__main__":
    main()
