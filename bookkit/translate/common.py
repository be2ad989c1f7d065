"""Where the editions live, and the one error every part of the translation raises."""

from __future__ import annotations

from pathlib import Path

from musclebook.language import SOURCE

REPO = Path(__file__).resolve().parents[2]
BOOK = REPO / "book"
LANGUAGE = "id"
EDITION = BOOK / LANGUAGE  # the Indonesian edition's pages, config and table of contents
# each edition: the folder of its _config.yml and _toc.yml, and where it sits in the published site
EDITION_ROOTS = {SOURCE: REPO, LANGUAGE: EDITION}
SITE_FOLDERS = {SOURCE: "", LANGUAGE: f"{LANGUAGE}/"}
CATALOGUES = BOOK / "locale" / LANGUAGE / "LC_MESSAGES"
BOOK_CATALOGUE = "_book"  # the book's title, its author and the parts of its table of contents
# the citation and reference-list styles of the Indonesian edition ("dan", "dkk.", "edisi", "hlm."): registered
# by bookkit.citations, named in the edition's _config.yml
CITATION_STYLES = {"bibtex_reference_style": f"author_year_{LANGUAGE}", "bibtex_default_style": f"plain_{LANGUAGE}"}


class TranslationError(Exception):
    """A catalogue or a page that cannot be used; the message names the file, the entry and the field."""


GENERATED = "# Made by `python -m bookkit.translate` from the English edition's file of the same name: edit that one.\n"
