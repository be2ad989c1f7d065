"""Lighthouse on every page of the built book, served as GitHub Pages serves it, on a simulated phone.

    npm ci --prefix benchmarks/lighthouse        # once: Lighthouse 12.2.3, pinned by its lock file
    python benchmarks/lighthouse.py [--site _build/html] [page.html ...]

The site is served from a project subpath (``/muscle-cramps-book/``, as on GitHub Pages) with gzip for
text files. Lighthouse runs with its default mobile preset (Moto G Power screen, simulated slow 4G and a
4x slower CPU) in the system's Chromium, one page after another, and this prints for each page its four
scores (Performance, Accessibility, Best practices, SEO), its Largest Contentful Paint and the bytes it
transfers (gzip, every resource of the first view).

Chromium's paint holding is switched off (``--disable-features=PaintHolding``, as Playwright does for the
browser tests). With it on, in about half of the runs of this headless Chromium the first paint of a page
waits one or two whole seconds after the page has loaded, with the main thread idle (observed first paint
1.2 or 2.2 s against a load at 0.4-0.8 s, never in between); Lighthouse's simulation then counts every task
of that wait into First Contentful Paint, so the same page scored 85 or 96 from one run to the next. This is
upstream (GoogleChrome/lighthouse#17148: viz stops offering BeginFrames to the page during the load) and
not what a phone's reader meets. ``--paint-holding`` keeps Chromium's default, to see it; ``--runs N``
reports each page's median run by Performance.

Budgets: Performance >= 95, Accessibility, Best practices and SEO 100; at most 1 MB per page and
300 kB per page without an explorer. A benchmark, not a timed test: it prints numbers and budgets and
marks what misses them; the last line is the worst page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bookkit.site import QuietHandler, serve, site_pages  # noqa: E402

LIGHTHOUSE = REPO / "benchmarks" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
SUBPATH = "/muscle-cramps-book/"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGE_BYTES, TEXT_PAGE_BYTES = 1_000_000, 300_000
COMPRESSED = (".html", ".css", ".js", ".svg", ".json", ".txt", ".xml", ".ico", ".map")


class GitHubPagesLike(QuietHandler):
    """The built site under ``SUBPATH``, text files gzip-compressed when the browser accepts it."""

    def translate_path(self, path):
        if not path.startswith(SUBPATH):
            return str(Path(self.directory) / "__missing__")
        return super().translate_path("/" + path[len(SUBPATH) :])

    def send_head(self):
        path = Path(self.translate_path(self.path.split("?", 1)[0]))
        if path.is_dir():
            path = path / "index.html"
        if not (path.suffix in COMPRESSED and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def lighthouse(url: str, chrome: str, paint_holding: bool = False) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [
                "node",
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu"
                + ("" if paint_holding else " --disable-features=PaintHolding"),
            ],
            check=True,
            env=os.environ | {"CHROME_PATH": chrome},
            capture_output=True,
        )
        return json.loads(out.read_text(encoding="utf-8"))


def summary(report: dict, page: str, explorers: bool) -> tuple[str, list[str]]:
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    audits = report["audits"]
    lcp_s = audits["largest-contentful-paint"]["numericValue"] / 1000
    transfer = int(audits["total-byte-weight"]["numericValue"])
    misses = [f"{c} {s}" for c, s in scores.items() if s < BUDGETS[c]]
    limit = PAGE_BYTES if explorers else TEXT_PAGE_BYTES
    if transfer > limit:
        misses.append(f"{transfer / 1000:.0f} kB > {limit / 1000:.0f} kB")
    failing = [
        a["id"]
        for a in audits.values()
        if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"
    ]
    line = (
        f"{page}: performance {scores['performance']}, accessibility {scores['accessibility']}, "
        f"best practices {scores['best-practices']}, SEO {scores['seo']}; LCP {lcp_s:.1f} s; "
        f"{transfer / 1000:.0f} kB transferred{' (explorers)' if explorers else ''}"
    )
    if misses:
        line += f"  MISSES: {'; '.join(misses)}" + (f" (failing audits: {', '.join(failing[:6])})" if failing else "")
    return line, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=REPO / "_build" / "html")
    parser.add_argument("pages", nargs="*", help="pages relative to the site (default: every page)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median by Performance is shown")
    parser.add_argument("--paint-holding", action="store_true", help="keep Chromium's paint holding (see above)")
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        sys.exit("Lighthouse is not installed: npm ci --prefix benchmarks/lighthouse")
    chrome = shutil.which("chromium") or shutil.which("chromium-browser") or sys.exit("no Chromium: make browser")
    pages = args.pages or site_pages(args.site)
    worst, worst_line = None, ""
    with serve(args.site, GitHubPagesLike) as root:
        base = root + SUBPATH
        for page in pages:
            explorers = 'class="mb-explorer"' in (args.site / page).read_text(encoding="utf-8")
            reports = sorted(
                (lighthouse(base + page, chrome, args.paint_holding) for _ in range(args.runs)),
                key=lambda r: r["categories"]["performance"]["score"] or 0,
            )
            median = reports[len(reports) // 2]
            line, misses = summary(median, page, explorers)
            print(line, flush=True)
            rank = (len(misses), -(median["categories"]["performance"]["score"] or 0))  # most misses, then slowest
            if worst is None or rank > worst:
                worst, worst_line = rank, line
    print(
        f"budgets: performance >= {BUDGETS['performance']}, accessibility/best practices/SEO 100; "
        f"{PAGE_BYTES / 1e6:g} MB a page, {TEXT_PAGE_BYTES / 1000:.0f} kB a page without explorers"
    )
    print(f"worst: {worst_line}")


if __name__ == "__main__":
    main()
