"""Print the claim-by-claim page of the built book as the PDF handout, in both editions, offline.

    python scripts/handout.py [SITE_DIR] [--edition CODE]

Run after ``make book`` (``make handout`` does both). The handout is the article page printed with the book's
print styles (``bookkit.printing``): no web chrome, the article set as text, each claim card whole on one page,
the references its cards cite in full at the end, and on every sheet a footer with the book's title, the page's
address, the version, build date and licence, and the page number. It is written into the site, where the
pages link to it: ``book/pdf/claims-handout.pdf`` and ``id/pdf/claims-handout-id.pdf`` (``bookkit.materials``).
Exits non-zero, naming the page, if the page is missing, if anything tried to load from outside the site, or if
the page reported an error.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bookkit import materials  # noqa: E402
from bookkit.printing import PrintError, command_line, printer  # noqa: E402


def main(argv: list[str]) -> None:
    site, languages = command_line(argv, "handout", REPO / "_build" / "html")
    try:
        with printer(site) as chromium:
            for language in languages:
                page = materials.site_path(f"{materials.PAGES[language]}{materials.ARTICLE}.html", language)
                out = site / materials.site_path(materials.handout(language), language)
                count = chromium.page(page, language, out)
                print(f"handout: {out.relative_to(site)} ({count} pages, {out.stat().st_size / 1e6:.2f} MB)")
    except PrintError as exc:
        sys.exit(f"handout: {exc}")


if __name__ == "__main__":
    main(sys.argv)
