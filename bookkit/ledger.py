"""The claim ledger as the build reads it: every piece of the article, in order, with its correction.

The ledger (``book/musclebook/data/claims.yaml``) is the single source of truth for the book's fact-check.
``musclebook.ledger`` reads it and checks each entry; :func:`load_ledger` also places every quote in the
article (verbatim, in order, no gaps) and checks each source against the bibliography and each link against
the book's pages. The article page, the claim cards and every test read it through :func:`load_ledger`, which
raises :class:`LedgerError` naming the file, the entry and the field of the first problem it finds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from musclebook.ledger import (  # noqa: F401 - re-exported: the build and the tests read the ledger from here
    LEDGER,
    TEXT_FIELDS,
    VERDICTS,
    Entry,
    Ledger,
    LedgerError,
    Topic,
    check_debated,
    claim_anchor,
    parse_entries,
    read_data,
)

from . import toc

REPO_DIR = Path(__file__).resolve().parent.parent
BOOK_DIR = REPO_DIR / "book"
DATA_DIR = BOOK_DIR / "musclebook" / "data"
DEFAULT_LEDGER = LEDGER
DEFAULT_BIB = DATA_DIR / "references.bib"
DEFAULT_TOC = REPO_DIR / "_toc.yml"

#: The verdicts as a schema.org Rating (1 = worst, 5 = best), for the ClaimReview data.
VERDICT_RATING = {
    "correct": 5,
    "partly-correct": 4,
    "unfalsifiable": 3,
    "misleading": 2,
    "incorrect": 1,
    "unsafe-advice": 1,
}

LABEL_DEFINITION = re.compile(r"^\(([A-Za-z0-9_.:-]+)\)=\s*$", re.MULTILINE)
BIB_KEY = re.compile(r"^@\w+\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


def bib_keys(bib_path: Path | str = DEFAULT_BIB) -> set[str]:
    """The citation keys defined in a BibTeX file."""
    return set(BIB_KEY.findall(Path(bib_path).read_text(encoding="utf-8")))


def toc_files(toc_path: Path | str = DEFAULT_TOC) -> list[Path]:
    """Every source file listed in the table of contents, resolved to an existing path (:mod:`bookkit.toc`)."""
    try:
        return toc.toc_files(toc_path)
    except toc.TocError as exc:
        raise LedgerError(toc_path, str(exc).removeprefix(f"{toc_path}: ")) from exc


def markdown_sources(path: Path) -> str:
    """The Markdown text of a page: the file itself, or a notebook's Markdown cells."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        cells = json.loads(text)["cells"]
        return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return text


CARD_DIRECTIVE = re.compile(r"^```\{claim-card\}\s+(.+)$", re.MULTILINE)
CARD_CALL = re.compile(r"\bclaim_cards\(([^)]*)\)")


def placed_claims(path: Path) -> list[str]:
    """The ids of the claim cards a page places: ``{claim-card}`` fences in Markdown, and
    ``claim_cards("K05", ...)`` calls in a notebook's code cells (shown in Jupyter and in the book)."""
    ids = [i for found in CARD_DIRECTIVE.findall(markdown_sources(path)) for i in found.split()]
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        ids += [i for args in CARD_CALL.findall(code) for i in re.findall(r"[\"'](K\d+)[\"']", args)]
    return ids


def book_labels(toc_path: Path | str = DEFAULT_TOC) -> dict[str, Path]:
    """Every MyST label ``(name)=`` defined in a page of the book, with its page."""
    labels: dict[str, Path] = {}
    for page in toc_files(toc_path):
        for name in LABEL_DEFINITION.findall(markdown_sources(page)):
            labels[name] = page
    return labels


def _align(path, article: str, parsed: list[tuple[str, dict]]) -> list[Entry]:
    """Place every quote in the article: verbatim, in order, without gaps, overlaps or paragraph breaks."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", article)]
    entries: list[Entry] = []
    cursor, previous = 0, "the start of the article"
    for name, fields in parsed:
        quote = fields["quote"]
        start = article.find(quote, cursor)
        if start < 0:
            if article.find(quote) >= 0:
                raise LedgerError(
                    path, f"quote overlaps or comes before the text already covered by {previous}", name, "quote"
                )
            raise LedgerError(path, "quote not found verbatim in the article", name, "quote")
        gap = article[cursor:start]
        if gap.strip():
            raise LedgerError(
                path, f"article text left uncovered between {previous} and this entry: {gap.strip()!r}", name, "quote"
            )
        if "\n" in quote:
            raise LedgerError(path, "a quote must not span two paragraphs of the article", name, "quote")
        paragraph = max(i for i, s in enumerate(line_starts) if s <= start) + 1
        entries.append(Entry(start=start, end=start + len(quote), paragraph=paragraph, **fields))
        cursor, previous = start + len(quote), f"entry {fields['id']}"
    if article[cursor:].strip():
        raise LedgerError(
            path, f"article text left uncovered after {previous}: {article[cursor:].strip()!r}", fld="entries"
        )
    return entries


def _cross_check(path, entries, names, bib_path, toc_path) -> None:
    """Reference keys exist in the bibliography; section labels exist in the book."""
    known_keys = bib_keys(bib_path) if bib_path is not None else None
    known_labels = book_labels(toc_path) if toc_path is not None else None
    for entry, name in zip(entries, names):
        for key in entry.references if known_keys is not None else ():
            if key not in known_keys:
                raise LedgerError(path, f"unknown reference key '{key}' (not in {bib_path})", name, "references")
        for label in entry.shown_in if known_labels is not None else ():
            if label not in known_labels:
                raise LedgerError(path, f"links to '{label}', which no page of the book defines", name, "shown_in")


def load_ledger(
    path: Path | str = DEFAULT_LEDGER,
    *,
    bib_path: Path | str | None = DEFAULT_BIB,
    toc_path: Path | str | None = DEFAULT_TOC,
) -> Ledger:
    """Load and validate the ledger.

    ``bib_path`` and ``toc_path`` are where reference keys and section labels are
    checked; pass ``None`` to skip that check (only the tests of other checks do).
    """
    path = Path(path)
    data = read_data(path)
    topics, hedges, parsed = parse_entries(path, data)  # each entry checked, as musclebook.ledger reads it
    article_path = (path.parent / data["article"]).resolve()
    if not article_path.is_file():
        raise LedgerError(path, f"the article file '{data['article']}' does not exist", fld="article")
    article = article_path.read_text(encoding="utf-8")
    entries = _align(path, article, parsed)
    names = [name for name, _ in parsed]
    _cross_check(path, entries, names, bib_path, toc_path)
    for entry, name in zip(entries, names):
        if entry.is_claim:
            check_debated(path, entry, name, topics, hedges)
    return Ledger(path, tuple(entries), topics, {e.id: e for e in entries}, article_path, article)
