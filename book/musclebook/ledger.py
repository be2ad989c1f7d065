"""The claim ledger: every piece of the article, in order, with its correction.

The ledger (``book/claims.yaml``) is the single source of truth for the book's
fact-check. The article page, the claim cards in the chapters and every test read
it through :func:`load_ledger`, which validates it and raises :class:`LedgerError`
naming the file, the entry and the field of the first problem it finds.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

BOOK_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BOOK_DIR.parent
DEFAULT_LEDGER = BOOK_DIR / "claims.yaml"
DEFAULT_BIB = BOOK_DIR / "references.bib"
DEFAULT_TOC = REPO_DIR / "_toc.yml"

#: The fixed verdict scale: key -> (label shown to readers, sphinx-design colour).
VERDICTS: dict[str, tuple[str, str]] = {
    "correct": ("Correct", "success"),
    "partly-correct": ("Partly correct", "info"),
    "misleading": ("Misleading", "warning"),
    "incorrect": ("Incorrect", "danger"),
    "unfalsifiable": ("Unfalsifiable", "dark"),
    "unsafe-advice": ("Unsafe advice", "danger"),
}

#: The verdict labels in Indonesian, for the Indonesian article page.
VERDICTS_ID: dict[str, str] = {
    "correct": "Benar",
    "partly-correct": "Sebagian benar",
    "misleading": "Menyesatkan",
    "incorrect": "Salah",
    "unfalsifiable": "Tidak dapat diuji",
    "unsafe-advice": "Saran berbahaya",
}

#: The verdicts as a schema.org Rating (1 = worst, 5 = best), for the ClaimReview data.
VERDICT_RATING = {"correct": 5, "partly-correct": 4, "unfalsifiable": 3, "misleading": 2, "incorrect": 1,
                  "unsafe-advice": 1}

KINDS = ("claim", "rhetoric")
COMMON_FIELDS = ("id", "kind", "quote", "translation")
CLAIM_FIELDS = ("verdict", "correction", "correction_id", "references", "shown_in")
OPTIONAL_FIELDS = ("note",)
ID_PATTERN = re.compile(r"^K\d{2,3}$")
LABEL_DEFINITION = re.compile(r"^\(([A-Za-z0-9_.:-]+)\)=\s*$", re.MULTILINE)
BIB_KEY = re.compile(r"^@\w+\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


class LedgerError(ValueError):
    """A problem in the ledger, naming the file, the entry and the field."""

    def __init__(self, path: Path | str, message: str, entry: str | None = None, fld: str | None = None):
        where = str(path)
        if entry is not None:
            where += f": entry {entry}"
        if fld is not None:
            where += f", field '{fld}'"
        super().__init__(f"{where}: {message}")
        self.path, self.entry, self.field = str(path), entry, fld


@dataclass(frozen=True)
class Entry:
    """One consecutive piece of the article: a claim or a rhetorical non-claim."""

    id: str
    kind: str
    quote: str
    translation: str
    start: int  # character offset of the quote in the article
    end: int
    paragraph: int  # 1-based line number of the article the quote sits on
    verdict: str | None = None
    correction: str | None = None
    correction_id: str | None = None  # the correction in Indonesian, written for the article's readers
    references: tuple[str, ...] = ()
    shown_in: tuple[str, ...] = ()
    note: str | None = None

    @property
    def is_claim(self) -> bool:
        return self.kind == "claim"

    @property
    def verdict_label(self) -> str:
        return VERDICTS[self.verdict][0] if self.verdict else ""

    @property
    def anchor(self) -> str:
        """The Sphinx label of this entry on the article page (e.g. ``claim-k05``)."""
        return f"claim-{self.id.lower()}"


@dataclass(frozen=True)
class Ledger:
    path: Path
    article_path: Path
    article_text: str
    entries: tuple[Entry, ...]
    _by_id: dict[str, Entry] = field(default_factory=dict, repr=False, compare=False)

    @property
    def claims(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.is_claim)

    def get(self, entry_id: str) -> Entry:
        try:
            return self._by_id[entry_id]
        except KeyError:
            raise LedgerError(self.path, f"no entry with id '{entry_id}'") from None

    def paragraphs(self) -> list[list[Entry]]:
        """The entries grouped by the article line (paragraph) they quote."""
        groups: dict[int, list[Entry]] = {}
        for e in self.entries:
            groups.setdefault(e.paragraph, []).append(e)
        return [groups[k] for k in sorted(groups)]


def bib_keys(bib_path: Path | str = DEFAULT_BIB) -> set[str]:
    """The citation keys defined in a BibTeX file."""
    return set(BIB_KEY.findall(Path(bib_path).read_text(encoding="utf-8")))


def toc_files(toc_path: Path | str = DEFAULT_TOC) -> list[Path]:
    """Every source file listed in the table of contents, resolved to an existing path."""
    toc_path = Path(toc_path)
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    names: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            if "file" in node:
                names.append(node["file"])
            if "root" in node:
                names.append(node["root"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc)
    files = []
    for name in names:
        base = toc_path.parent / name
        for candidate in (base, base.with_suffix(".md"), base.with_suffix(".ipynb")):
            if candidate.is_file():
                files.append(candidate)
                break
        else:
            raise LedgerError(toc_path, f"the table of contents lists '{name}', which does not exist")
    return files


def markdown_sources(path: Path) -> str:
    """The Markdown text of a page: the file itself, or a notebook's Markdown cells."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        cells = json.loads(text)["cells"]
        return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return text


def book_labels(toc_path: Path | str = DEFAULT_TOC) -> dict[str, Path]:
    """Every MyST label ``(name)=`` defined in a page of the book, with its page."""
    labels: dict[str, Path] = {}
    for page in toc_files(toc_path):
        for name in LABEL_DEFINITION.findall(markdown_sources(page)):
            labels[name] = page
    return labels


def _require_text(path, raw, key, entry_name) -> str:
    if key not in raw or raw[key] is None:
        raise LedgerError(path, "missing required field", entry_name, key)
    value = raw[key]
    if not isinstance(value, str) or not value.strip():
        raise LedgerError(path, f"must be a non-empty string, got {value!r}", entry_name, key)
    return value


def _require_keys(path, raw, key, entry_name) -> tuple[str, ...]:
    if key not in raw or raw[key] is None:
        raise LedgerError(path, "missing required field", entry_name, key)
    value = raw[key]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise LedgerError(path, f"must be a non-empty list of names, got {value!r}", entry_name, key)
    if len(set(value)) != len(value):
        raise LedgerError(path, f"lists a name twice: {value!r}", entry_name, key)
    return tuple(value)


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
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LedgerError(path, f"is not valid YAML: {exc}") from None
    if not isinstance(data, dict) or "entries" not in data or "article" not in data:
        raise LedgerError(path, "must be a mapping with the keys 'article' and 'entries'")
    article_path = (path.parent / data["article"]).resolve()
    if not article_path.is_file():
        raise LedgerError(path, f"the article file '{data['article']}' does not exist", fld="article")
    article = article_path.read_text(encoding="utf-8")
    raw_entries = data["entries"]
    if not isinstance(raw_entries, list) or not raw_entries:
        raise LedgerError(path, "must be a non-empty list", fld="entries")

    known_keys = bib_keys(bib_path) if bib_path is not None else None
    known_labels = book_labels(toc_path) if toc_path is not None else None
    line_starts = [0] + [m.end() for m in re.finditer("\n", article)]

    entries: list[Entry] = []
    seen: dict[str, int] = {}
    cursor = 0
    previous = "the start of the article"
    for number, raw in enumerate(raw_entries, start=1):
        if not isinstance(raw, dict):
            raise LedgerError(path, f"must be a mapping, got {raw!r}", f"#{number}")
        entry_id = raw.get("id")
        name = f"#{number} ({entry_id})" if entry_id else f"#{number}"
        entry_id = _require_text(path, raw, "id", name)
        if not ID_PATTERN.match(entry_id):
            raise LedgerError(path, f"'{entry_id}' is not of the form K01", name, "id")
        if entry_id in seen:
            raise LedgerError(path, f"duplicate id '{entry_id}' (also entry #{seen[entry_id]})", name, "id")
        seen[entry_id] = number
        kind = _require_text(path, raw, "kind", name)
        if kind not in KINDS:
            raise LedgerError(path, f"unknown kind '{kind}'; expected one of {', '.join(KINDS)}", name, "kind")
        allowed = set(COMMON_FIELDS + OPTIONAL_FIELDS + (CLAIM_FIELDS if kind == "claim" else ()))
        unknown = sorted(set(raw) - allowed)
        if unknown:
            raise LedgerError(path, f"unexpected field for a {kind} entry", name, unknown[0])
        quote = _require_text(path, raw, "quote", name)
        translation = _require_text(path, raw, "translation", name)

        start = article.find(quote, cursor)
        if start < 0:
            earlier = article.find(quote)
            if earlier >= 0:
                raise LedgerError(
                    path, f"quote overlaps or comes before the text already covered by {previous}", name, "quote"
                )
            raise LedgerError(path, "quote not found verbatim in the article", name, "quote")
        gap = article[cursor:start]
        if gap.strip():
            raise LedgerError(
                path, f"article text left uncovered between {previous} and this entry: {gap.strip()!r}", name, "quote"
            )
        end = start + len(quote)
        paragraph = max(i for i, s in enumerate(line_starts) if s <= start) + 1
        if "\n" in quote:
            raise LedgerError(path, "a quote must not span two paragraphs of the article", name, "quote")

        extra = {}
        if kind == "claim":
            verdict = _require_text(path, raw, "verdict", name)
            if verdict not in VERDICTS:
                raise LedgerError(
                    path, f"unknown verdict '{verdict}'; expected one of {', '.join(VERDICTS)}", name, "verdict"
                )
            extra["verdict"] = verdict
            extra["correction"] = " ".join(_require_text(path, raw, "correction", name).split())
            extra["correction_id"] = " ".join(_require_text(path, raw, "correction_id", name).split())
            extra["references"] = _require_keys(path, raw, "references", name)
            extra["shown_in"] = _require_keys(path, raw, "shown_in", name)
            if known_keys is not None:
                for key in extra["references"]:
                    if key not in known_keys:
                        raise LedgerError(path, f"unknown reference key '{key}' (not in {bib_path})", name, "references")
            if known_labels is not None:
                for label in extra["shown_in"]:
                    if label not in known_labels:
                        raise LedgerError(
                            path, f"links to '{label}', which no page of the book defines", name, "shown_in"
                        )
        if "note" in raw:
            extra["note"] = " ".join(_require_text(path, raw, "note", name).split())
        entries.append(
            Entry(entry_id, kind, quote, " ".join(translation.split()), start, end, paragraph, **extra)
        )
        cursor = end
        previous = f"entry {entry_id}"
    if article[cursor:].strip():
        raise LedgerError(path, f"article text left uncovered after {previous}: {article[cursor:].strip()!r}",
                          fld="entries")
    return Ledger(path, article_path, article, tuple(entries), {e.id: e for e in entries})
