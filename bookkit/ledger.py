"""The claim ledger: every piece of the article, in order, with its correction.

The ledger (``book/musclebook/data/claims.yaml``) is the single source of truth for the book's
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

from musclebook.claims import VERDICTS  # noqa: F401 - the scale, re-exported for the build
from musclebook.i18n import speaking, tr
from musclebook.language import LANGUAGE_OF, LANGUAGES, SOURCE, percent_sign
from musclebook.language import field as language_field
from musclebook.published import PUB_ROLE, expand, lookup

from . import toc

REPO_DIR = Path(__file__).resolve().parent.parent
BOOK_DIR = REPO_DIR / "book"
DATA_DIR = BOOK_DIR / "musclebook" / "data"
DEFAULT_LEDGER = DATA_DIR / "claims.yaml"
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

KINDS = ("claim", "rhetoric")
COMMON_FIELDS = ("id", "kind", "quote", "translation")
CLAIM_FIELDS = ("verdict", "correction", "correction_id", "references", "shown_in")
OPTIONAL_FIELDS = ("note", "note_id", "debated")
# the ledger's texts, each with the language it is written in (a field per language: correction, correction_id)
TEXT_FIELDS = {language_field(name, code): code for name in ("correction", "note") for code in LANGUAGES}
TEXT_FIELDS["translation"] = SOURCE
ID_PATTERN = re.compile(r"^K\d{2,3}$")
LABEL_DEFINITION = re.compile(r"^\(([A-Za-z0-9_.:-]+)\)=\s*$", re.MULTILINE)
BIB_KEY = re.compile(r"^@\w+\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)
SENTENCE = re.compile(r"(?<=[.!?;:])\s+")


def claim_anchor(entry_id: str, language: str = SOURCE) -> str:
    """The label of an entry on the article page of ``language``: the word "claim" in that language and the entry's
    id (``claim-k05`` in English, ``klaim-k05`` in Indonesian)."""
    with speaking(language):
        return f"{tr('Claim').lower()}-{entry_id.lower()}"


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
class Topic:
    """A point of cramp science that is still debated, and how to recognise a sentence that speaks of it."""

    key: str
    label: dict[str, str]  # language -> the point, in a few words ("why stretching stops a cramp")
    signals: dict[str, tuple[re.Pattern, ...]]  # language -> patterns of a sentence that speaks of it

    def mentioned_in(self, text: str, language: str) -> list[str]:
        """The sentences of ``text`` that speak of this topic."""
        return [s for s in SENTENCE.split(text) if any(p.search(s) for p in self.signals[language])]


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
    correction: str | None = None  # may name published values: {pub}`key`
    correction_id: str | None = None  # the correction in Indonesian, written for the article's readers
    references: tuple[str, ...] = ()
    shown_in: tuple[str, ...] = ()
    note: str | None = None
    note_id: str | None = None
    debated: tuple[str, ...] = ()  # keys of the debated topics this correction rests on; () = settled physiology

    @property
    def is_claim(self) -> bool:
        return self.kind == "claim"

    @property
    def verdict_label(self) -> str:
        return VERDICTS[self.verdict][0] if self.verdict else ""

    @property
    def anchor(self) -> str:
        """The Sphinx label of this entry on the English article page (e.g. ``claim-k05``)."""
        return claim_anchor(self.id)

    def text(self, field_name: str, language: str | None = None) -> str:
        """A text field with its published values written out (``language`` defaults to the field's own)."""
        raw = getattr(self, field_name) or ""
        language = language or TEXT_FIELDS[field_name]
        return percent_sign(expand(raw, language), language)


@dataclass(frozen=True)
class Ledger:
    path: Path
    article_path: Path
    article_text: str
    entries: tuple[Entry, ...]
    topics: dict[str, Topic] = field(default_factory=dict, compare=False)
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

    def debated_label(self, entry: Entry, language: str = SOURCE) -> str:
        """The debated points of a claim, joined for a reader ("" for settled physiology)."""
        return "; ".join(self.topics[k].label[language] for k in entry.debated)


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


def _check_published(path, text: str, entry_name: str, fld: str) -> None:
    for reference in PUB_ROLE.findall(text):
        try:
            lookup(reference)
        except (KeyError, ValueError) as exc:
            raise LedgerError(path, exc.args[0], entry_name, fld) from None


def _parse_topics(path, raw) -> tuple[dict[str, Topic], dict[str, tuple[str, ...]]]:
    """The ``debated`` topics and the ``hedges`` (words that mark a statement as not settled)."""
    if not isinstance(raw.get("debated"), dict) or not raw["debated"]:
        raise LedgerError(path, "must map each debated topic to its labels and signals", fld="debated")
    hedges = raw.get("hedges")
    if not isinstance(hedges, dict) or set(hedges) != set(LANGUAGES) or not all(hedges.values()):
        said = ", ".join(f"{LANGUAGE_OF[code].name} ('{code}')" for code in LANGUAGES)
        raise LedgerError(path, f"must list the hedging words in each language: {said}", fld="hedges")
    topics = {}
    wanted = sorted(language_field(name, code) for name in ("label", "signals") for code in LANGUAGES)
    for key, spec in raw["debated"].items():
        where = f"debated.{key}"
        if not isinstance(spec, dict) or sorted(spec) != wanted:
            raise LedgerError(path, f"needs exactly: {', '.join(wanted)}", fld=where)
        try:
            signals = {
                code: tuple(re.compile(p, re.IGNORECASE) for p in spec[language_field("signals", code)])
                for code in LANGUAGES
            }
        except (re.error, TypeError) as exc:
            raise LedgerError(path, f"a signal is not a valid pattern: {exc}", fld=where) from None
        topics[key] = Topic(key, {code: spec[language_field("label", code)] for code in LANGUAGES}, signals)
    return topics, {lang: tuple(w.lower() for w in words) for lang, words in hedges.items()}


def _check_debated(path, entry: Entry, name: str, topics: dict[str, Topic], hedges) -> None:
    """A claim that speaks of a debated topic is marked so, names it only with a hedge, and is not marked in vain."""
    for key in entry.debated:
        if key not in topics:
            raise LedgerError(
                path, f"unknown debated topic '{key}'; expected one of {', '.join(topics)}", name, "debated"
            )
    for fld, language in (("correction", "en"), ("correction_id", "id")):
        text = entry.text(fld)
        for topic in topics.values():
            sentences = topic.mentioned_in(text, language)
            if sentences and topic.key not in entry.debated:
                raise LedgerError(
                    path,
                    f"speaks of '{topic.label['en']}', which is debated: list '{topic.key}' "
                    f"under 'debated' so the card says so ({sentences[0]!r})",
                    name,
                    fld,
                )
            if topic.key in entry.debated and not sentences:
                raise LedgerError(
                    path,
                    f"is marked as resting on the debated topic '{topic.key}' but never "
                    "speaks of it: drop the mark or say what is debated",
                    name,
                    fld,
                )
            for sentence in sentences:
                words = sentence.lower()
                if not any(re.search(rf"\b{re.escape(h)}", words) for h in hedges[language]):
                    raise LedgerError(
                        path,
                        f"states the debated point '{topic.label['en']}' as fact: "
                        f"hedge it or say that it is debated ({sentence!r})",
                        name,
                        fld,
                    )


def _parse_entry(path, raw, number: int) -> tuple[str, dict]:
    """The fields of one entry, checked for presence and type (not yet against the article)."""
    if not isinstance(raw, dict):
        raise LedgerError(path, f"must be a mapping, got {raw!r}", f"#{number}")
    entry_id = raw.get("id")
    name = f"#{number} ({entry_id})" if entry_id else f"#{number}"
    entry_id = _require_text(path, raw, "id", name)
    if not ID_PATTERN.match(entry_id):
        raise LedgerError(path, f"'{entry_id}' is not of the form K01", name, "id")
    kind = _require_text(path, raw, "kind", name)
    if kind not in KINDS:
        raise LedgerError(path, f"unknown kind '{kind}'; expected one of {', '.join(KINDS)}", name, "kind")
    allowed = set(COMMON_FIELDS + OPTIONAL_FIELDS + (CLAIM_FIELDS if kind == "claim" else ()))
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise LedgerError(path, f"unexpected field for a {kind} entry", name, unknown[0])
    fields = {
        "id": entry_id,
        "kind": kind,
        "quote": _require_text(path, raw, "quote", name),
        "translation": " ".join(_require_text(path, raw, "translation", name).split()),
    }
    if kind == "claim":
        verdict = _require_text(path, raw, "verdict", name)
        if verdict not in VERDICTS:
            raise LedgerError(
                path, f"unknown verdict '{verdict}'; expected one of {', '.join(VERDICTS)}", name, "verdict"
            )
        fields["verdict"] = verdict
        for fld in ("correction", "correction_id"):
            fields[fld] = " ".join(_require_text(path, raw, fld, name).split())
        for fld in ("references", "shown_in"):
            fields[fld] = _require_keys(path, raw, fld, name)
        if "debated" in raw:
            fields["debated"] = _require_keys(path, raw, "debated", name)
    elif "debated" in raw:
        raise LedgerError(path, "only a claim can rest on a debated point", name, "debated")
    for fld in ("note", "note_id"):
        if fld in raw:
            fields[fld] = " ".join(_require_text(path, raw, fld, name).split())
    if ("note" in fields) != ("note_id" in fields):
        missing = "note_id" if "note" in fields else "note"
        raise LedgerError(
            path, "a note needs both languages: 'note' (English) and 'note_id' (Indonesian)", name, missing
        )
    for fld, text in fields.items():
        if fld in TEXT_FIELDS:
            _check_published(path, text, name, fld)
    return name, fields


def _align(path, article: str, parsed: list[tuple[str, dict]]) -> list[Entry]:
    """Place every quote in the article: verbatim, in order, without gaps, overlaps or paragraph breaks."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", article)]
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    cursor, previous = 0, "the start of the article"
    for name, fields in parsed:
        if fields["id"] in seen:
            raise LedgerError(path, f"duplicate id '{fields['id']}' (also entry {seen[fields['id']]})", name, "id")
        seen[fields["id"]] = name.split(" ")[0]
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
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LedgerError(path, f"is not valid YAML: {exc}") from None
    if not isinstance(data, dict) or "entries" not in data or "article" not in data:
        raise LedgerError(path, "must be a mapping with the keys 'article' and 'entries'")
    article_path = (path.parent / data["article"]).resolve()
    if not article_path.is_file():
        raise LedgerError(path, f"the article file '{data['article']}' does not exist", fld="article")
    if not isinstance(data["entries"], list) or not data["entries"]:
        raise LedgerError(path, "must be a non-empty list", fld="entries")
    topics, hedges = _parse_topics(path, data)
    parsed = [_parse_entry(path, raw, number) for number, raw in enumerate(data["entries"], start=1)]
    article = article_path.read_text(encoding="utf-8")
    entries = _align(path, article, parsed)
    names = [name for name, _ in parsed]
    _cross_check(path, entries, names, bib_path, toc_path)
    for entry, name in zip(entries, names):
        if entry.is_claim:
            _check_debated(path, entry, name, topics, hedges)
    return Ledger(path, article_path, article, tuple(entries), topics, {e.id: e for e in entries})
