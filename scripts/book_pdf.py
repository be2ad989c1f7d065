"""Typeset PDFs of the built book, offline: the whole book and every page of it, in each edition.

    python scripts/book_pdf.py [SITE_DIR] [--edition CODE]

Run after ``make book`` (``make pdf`` does both). Headless Chromium prints the pages with the book's print
styles (``bookkit.printing``): the whole book as one document, with a title page, a contents list with page
numbers, every page from a new sheet, the figures at their start view with their text alternative beneath, and
the references at the end; and every page on its own, with the references it cites. Each sheet has a footer
with the title, the address, the version, build date and licence, and its number. The files are written into
the site, where the pages link to them (``bookkit.materials``): ``book/pdf/muscle-cramps-book.pdf``,
``book/pdf/<page>.pdf``, and in Indonesian ``id/pdf/muscle-cramps-book-id.pdf``, ``id/pdf/<page>-id.pdf``. The
article page's PDF is the claim handout (``scripts/handout.py`` makes it alone).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bookkit import materials  # noqa: E402
from bookkit.printing import PrintError, command_line, printer  # noqa: E402


def main(argv: list[str]) -> None:
    site, languages = command_line(argv, "book_pdf", REPO / "_build" / "html")
    try:
        with printer(site) as chromium:
            for language in languages:
                start = time.perf_counter()
                out = site / materials.site_path(materials.book_pdf(language), language)
                count, starts = chromium.whole_book(language, out)
                print(
                    f"book_pdf: {out.relative_to(site)} ({count} pages, {out.stat().st_size / 1e6:.1f} MB, "
                    f"{time.perf_counter() - start:.0f} s)",
                    flush=True,
                )
                start = time.perf_counter()
                for source in materials.pages(language):
                    page = materials.site_path(f"{materials.PAGES[language]}{source.stem}.html", language)
                    out = site / materials.site_path(materials.page_pdf(source.stem, language), language)
                    chromium.page(page, language, out)
                print(
                    f"book_pdf: every page of the {language} edition ({time.perf_counter() - start:.0f} s)", flush=True
                )
    except PrintError as exc:
        sys.exit(f"book_pdf: {exc}")


if __name__ == "__main__":
    main(sys.argv)
