"""Where the editions live, and the one error every part of the translation raises.

Every language of ``musclebook/data/languages.yaml`` but English, the source, is an edition made from the English
one: its pages in ``book/<code>/``, their catalogues in ``book/locale/<code>/LC_MESSAGES/``, and its place in the
published site, the folder ``<code>/``. Nothing here names a language: a new one is a new entry and its catalogues.
"""

from __future__ import annotations

from pathlib import Path

from musclebook.language import SOURCE, TRANSLATIONS

REPO = Path(__file__).resolve().parents[2]
BOOK = REPO / "book"
# each edition: the folder of its _config.yml and _toc.yml, and where it sits in the published site
EDITION_ROOTS = {SOURCE: REPO, **{code: BOOK / code for code in TRANSLATIONS}}
SITE_FOLDERS = {SOURCE: "", **{code: f"{code}/" for code in TRANSLATIONS}}
BOOK_CATALOGUE = "_book"  # the book's title, its author and the parts of its table of contents


def catalogues(language: str) -> Path:
    """The folder of an edition's gettext catalogues: one per page, ``_book.po`` and the theme's ``_theme.po``."""
    return BOOK / "locale" / language / "LC_MESSAGES"


def citation_styles(language: str) -> dict[str, str]:
    """The citation and reference-list styles of an edition ("and"/"dan", "et al."/"dkk.", "edition"/"edisi"):
    registered for every translation by bookkit.citations, named in the edition's _config.yml."""
    return {"bibtex_reference_style": f"author_year_{language}", "bibtex_default_style": f"plain_{language}"}


class TranslationError(Exception):
    """A catalogue or a page that cannot be used; the message names the file, the entry and the field."""


GENERATED = "# Made by `python -m bookkit.translate` from the English edition's file of the same name: edit that one.\n"
