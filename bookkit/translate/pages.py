"""The pages of the English edition, their counterparts in a translation and the messages each one has."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from musclebook.language import SOURCE

from ..ledger import toc_files
from ..toc import read_toc
from .code import _alt, _shown_cells, code_texts
from .common import EDITION_ROOTS, REPO, catalogues
from .segment import blocks, is_translatable, split_block


@dataclass(frozen=True)
class Page:
    """One page of the English edition, and where its catalogue and its page in a translation go."""

    source: Path  # book/twitch.ipynb
    language: str  # the translation's

    @property
    def docname(self) -> str:
        return self.source.relative_to(REPO).with_suffix("").as_posix()

    @property
    def name(self) -> str:
        return self.source.stem

    @property
    def catalogue(self) -> Path:
        return catalogues(self.language) / f"{self.name}.po"

    @property
    def target(self) -> Path:
        return EDITION_ROOTS[self.language] / self.source.name


def english_toc() -> dict:
    return read_toc(REPO / "_toc.yml")


def pages(language: str) -> list[Page]:
    """The English edition's pages, in the order of its table of contents (a missing one is an error), as pages of
    the translation into ``language``."""
    return [Page(path, language) for path in toc_files(REPO / "_toc.yml")]


def counterpart(docname: str, language: str) -> str:
    """The same page in the English edition or a translation: ``book/twitch`` (English) <-> ``twitch`` (from the
    root of a translation, ``book/id``): ``language`` is the edition ``docname`` is in."""
    if language == SOURCE:
        return docname.removeprefix("book/")
    return "book/" + docname


def _markdown_texts(page: Page) -> list[str]:
    """The page's Markdown, one text per notebook cell (a Markdown page is one text)."""
    raw = page.source.read_text(encoding="utf-8")
    if page.source.suffix == ".md":
        return [raw]
    nb = json.loads(raw)
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


def _front_matter(text: str) -> tuple[str, str]:
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4) + 5
        return text[:end], text[end:]
    return "", text


def messages(page: Page) -> list[str]:
    """The page's translatable blocks, in order, each once."""
    seen: dict[str, None] = {}
    for text in _markdown_texts(page):
        for block, _ in blocks(_front_matter(text)[1]):
            message = split_block(block)[0]
            if message and is_translatable(message):
                seen.setdefault(message, None)
    return list(seen)


def page_code_texts(page: Page) -> list[str]:
    """The texts of the code a reader sees on the page (notebooks only), in order, each once."""
    if page.source.suffix != ".ipynb":
        return []
    cells = json.loads(page.source.read_text(encoding="utf-8"))["cells"]
    seen: dict[str, None] = {}
    for cell in _shown_cells(cells):
        for text in code_texts("".join(cell["source"])):
            seen.setdefault(text, None)
    return list(seen)


# Texts in the code a reader sees and runs ("run the model yourself"): the labels, titles and printed lines
# of its figures and outputs. Each is a message with the context "code"; its msgid and msgstr are Python
# string literals (f-strings keep their {placeholders}).


def book_messages() -> list[str]:
    toc = english_toc()
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    parts = toc.get("parts", [])
    titles = [chapter["title"] for part in parts for chapter in part["chapters"] if "title" in chapter]
    return [config["title"], config["author"]] + [part["caption"] for part in parts] + titles


# ---------------------------------------------------------------- catalogues


def page_alt_texts(page: Page) -> list[str]:
    """The text alternatives of the plots of the page's code cells (notebooks only), in order, each once."""
    if page.source.suffix != ".ipynb":
        return []
    cells = json.loads(page.source.read_text(encoding="utf-8"))["cells"]
    return list(dict.fromkeys(alt for c in cells if c["cell_type"] == "code" and (alt := _alt(c))))
