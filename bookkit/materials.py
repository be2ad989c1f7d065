"""Where the teaching materials and the take-away copies live in the published site, and what they are called.

One place for the names that the pages link to (the download menu, the instructor guide's "Teaching materials",
the landing page), that the commands write (``scripts/slides.py``, ``scripts/handout.py``,
``scripts/book_pdf.py``) and that the tests look for:

- a chapter's slide deck, next to its page: ``book/twitch-slides.html`` (Indonesian: ``id/twitch-slides.html``);
- the claim-by-claim handout: ``book/pdf/claims-handout.pdf`` (``id/pdf/claims-handout-id.pdf``);
- the typeset book: ``book/pdf/muscle-cramps-book.pdf`` (``id/pdf/muscle-cramps-book-id.pdf``);
- a page of the book as a typeset PDF: ``book/pdf/twitch.pdf`` (``id/pdf/twitch-id.pdf``). The article page's
  PDF is the handout.

Paths are relative to an edition's root in the site (``_build/html`` for English, ``_build/html/id`` for
Indonesian); ``site_path`` gives them relative to the site's root.
"""

from __future__ import annotations

import json
from pathlib import Path

from musclebook import i18n
from musclebook.i18n import N_
from musclebook.language import LANGUAGES, SOURCE

from .ledger import toc_files
from .site import DECK_SUFFIX
from .translate import EDITION_ROOTS, SITE_FOLDERS

#: The folder of an edition's pages, relative to its root in the site (the English pages are in book/, a
#: translation's at its root).
PAGES = {language: "book/" if language == SOURCE else "" for language in LANGUAGES}
PDF_FOLDER = "pdf/"
BOOK_PDF = "muscle-cramps-book"
HANDOUT = "claims-handout"
ARTICLE = "article"  # the claim-by-claim page, whose PDF is the handout

#: What the links say, in English; the catalogues translate them (``musclebook.i18n``).
LABELS = {
    "slides": N_("Slides"),
    "slides_tip": N_("This chapter as slides for a lecture"),
    "handout": N_("Handout (PDF)"),
    "handout_tip": N_("The article, claim by claim, printed as a handout"),
    "page_pdf": N_("This page (PDF)"),
    "page_pdf_tip": N_("This page, typeset for printing or reading offline"),
    "book_pdf": N_("Whole book (PDF)"),
    "book_pdf_tip": N_("The whole book, typeset for printing or reading offline"),
    "materials": N_("Teaching materials"),
    "chapter": N_("Page"),
    "no_deck": N_("—"),
}


def labels(language: str) -> dict[str, str]:
    """What the links say in ``language``."""
    return i18n.words(LABELS, language)


def _suffix(language: str) -> str:
    return "" if language == SOURCE else f"-{language}"


def deck(stem: str, language: str) -> str:
    """A chapter's slide deck, next to its page."""
    return f"{PAGES[language]}{stem}{DECK_SUFFIX}"


def page_pdf(stem: str, language: str) -> str:
    """A page of the book, typeset (the article page's is the handout)."""
    if stem == ARTICLE:
        return handout(language)
    return f"{PAGES[language]}{PDF_FOLDER}{stem}{_suffix(language)}.pdf"


def handout(language: str) -> str:
    return f"{PAGES[language]}{PDF_FOLDER}{HANDOUT}{_suffix(language)}.pdf"


def book_pdf(language: str) -> str:
    return f"{PAGES[language]}{PDF_FOLDER}{BOOK_PDF}{_suffix(language)}.pdf"


def site_path(path: str, language: str) -> str:
    """A path of an edition (as the functions above give it) relative to the site's root."""
    return SITE_FOLDERS[language] + path


def from_page(path: str, language: str, page_language: str | None = None) -> str:
    """The link to ``path`` of the ``language`` edition from a page of the ``page_language`` edition (any page
    sits in its edition's page folder, ``PAGES``)."""
    page_language = page_language or language
    up = "../" * (PAGES[page_language].count("/") + SITE_FOLDERS[page_language].count("/"))
    return up + site_path(path, language)


def pages(language: str) -> list[Path]:
    """The sources of an edition's pages, in the order of its table of contents."""
    return toc_files(EDITION_ROOTS[language] / "_toc.yml")


def slide_cells(notebook: Path) -> list[tuple[int, dict]]:
    """(index among rendered code cells or -1 for Markdown, cell) for every cell marked as a slide."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    chosen, code_index = [], 0
    for cell in cells:
        tags = cell.get("metadata", {}).get("tags", [])
        marked = cell.get("metadata", {}).get("slideshow", {}).get("slide_type") == "slide"
        if cell["cell_type"] == "code":
            if "remove-cell" in tags:
                continue
            if marked:
                chosen.append((code_index, cell))
            code_index += 1
        elif marked:
            chosen.append((-1, cell))
    return chosen


def has_deck(source: Path) -> bool:
    """Whether a page gets a slide deck: a notebook with cells marked as slides."""
    return source.suffix == ".ipynb" and bool(slide_cells(source))


def decks(language: str) -> list[Path]:
    """The notebooks of an edition that get a deck, in the order of its table of contents."""
    return [source for source in pages(language) if has_deck(source)]


def all_materials(language: str) -> dict[str, str]:
    """Every deck and PDF of an edition: {what it is: its path relative to the site's root}."""
    found = {f"slides {source.stem}": site_path(deck(source.stem, language), language) for source in decks(language)}
    for source in pages(language):
        found[f"pdf {source.stem}"] = site_path(page_pdf(source.stem, language), language)
    found["handout"] = site_path(handout(language), language)
    found["book pdf"] = site_path(book_pdf(language), language)
    return found
