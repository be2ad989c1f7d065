"""Print the claim-by-claim page of the built book to a PDF handout, offline, with headless Chromium.

    python scripts/handout.py [SITE_DIR] [OUTPUT_PDF] [PAGE]

Defaults: the site in ``_build/html`` (run ``make book`` first), ``_build/handout/claims.pdf`` and
``book/article.html``. The page is served from a local HTTP server; any request that would leave it
is blocked and reported, so a handout never depends on the network. Dropdowns are opened so that
the Indonesian corrections are printed too. Exits non-zero if the page is missing, if anything
tried to load from outside, or if the page reported an error.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from bookkit.site import launch_chromium, serve

REPO = Path(__file__).resolve().parent.parent


def print_pdf(site: Path, out: Path, page_path: str = "book/article.html") -> int:
    """Print ``page_path`` of the built ``site`` to ``out``; return the number of PDF bytes."""
    if not (site / page_path).is_file():
        sys.exit(f"handout: {site / page_path} does not exist; build the book first (make book)")

    outside, errors = [], []
    with serve(site) as root, sync_playwright() as p:
        base = root + "/"
        try:
            browser = launch_chromium(p)
        except FileNotFoundError as exc:
            sys.exit(f"handout: {exc}")
        page = browser.new_page()

        def route(r):
            if r.request.url.startswith((base, "data:")):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda e: errors.append(str(e)) if "THEBE_JS_URL" not in str(e) else None)
        page.goto(base + page_path, wait_until="networkidle")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        page.emulate_media(media="print")
        out.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(
            path=str(out),
            format="A4",
            print_background=True,
            margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"},
        )
        browser.close()
    if outside:
        sys.exit(f"handout: the page tried to load from outside the site: {outside}")
    if errors:
        sys.exit(f"handout: the page reported errors: {errors}")
    return out.stat().st_size


def main(argv: list[str]) -> None:
    site = Path(argv[1]) if len(argv) > 1 else REPO / "_build" / "html"
    out = Path(argv[2]) if len(argv) > 2 else REPO / "_build" / "handout" / "claims.pdf"
    page = argv[3] if len(argv) > 3 else "book/article.html"
    size = print_pdf(site, out, page)
    print(f"handout: {out} ({size / 1e6:.2f} MB) from {page}")


if __name__ == "__main__":
    main(sys.argv)
