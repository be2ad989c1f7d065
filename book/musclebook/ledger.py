"""The claim ledger, read and checked: every piece of the article with its verdict, translation and correction.

The ledger (``data/claims.yaml``) is the single source of truth for the book's fact-check. :func:`read_ledger`
reads it and checks each entry (its fields, verdict, languages, published values and debated points), raising
:class:`LedgerError` naming the file, the entry and the field of the first problem it finds. The claim cards of
a live kernel read it here; the build (``bookkit.ledger.load_ledger``) adds what needs the whole repository:
each quote placed verbatim in the article, each source in the bibliography, each link to a page of the book.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from . import i18n
from .i18n import N_, speaking, tr
from .language import ARTICLE, LANGUAGE_OF, LANGUAGES, SOURCE, TRANSLATIONS, percent_sign
from .published import PUB_ROLE, expand, lookup

LEDGER = Path(__file__).resolve().parent / "data" / "claims.yaml"

#: The fixed verdict scale: key -> (label shown to readers, in English; colour name of the book's theme).
VERDICTS: dict[str, tuple[str, str]] = {
    "correct": (N_("Correct"), "success"),
    "partly-correct": (N_("Partly correct"), "info"),
    "misleading": (N_("Misleading"), "warning"),
    "incorrect": (N_("Incorrect"), "danger"),
    "unfalsifiable": (N_("Unfalsifiable"), "dark"),
    "unsafe-advice": (N_("Unsafe advice"), "danger"),
}

KINDS = ("claim", "rhetoric")


COMMON_FIELDS = ("id", "kind", "quote", "translation")


CLAIM_FIELDS = ("verdict", "correction", "references", "shown_in")


OPTIONAL_FIELDS = ("note", "debated")


# the ledger's texts for readers, written in English; each translation gives them in its catalogue
# (``data/i18n/<language>/claims.yaml``, keyed by the English). ``translation`` is the quote's English: a reader
# of the article's language reads the quote itself.
TEXT_FIELDS = ("correction", "note", "translation")


ID_PATTERN = re.compile(r"^K\d{2,3}$")


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
    start: int | None = None  # character offset of the quote in the article (placed by the build)
    end: int | None = None
    paragraph: int | None = None  # 1-based line number of the article the quote sits on
    verdict: str | None = None
    correction: str | None = None  # may name published values: {pub}`key`
    references: tuple[str, ...] = ()
    shown_in: tuple[str, ...] = ()
    note: str | None = None
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

    def raw(self, field_name: str, language: str = SOURCE) -> str:
        """A text field (``TEXT_FIELDS``) in ``language``, its published values still as ``{pub}`` roles: the
        ledger's English, or its translation in the language's catalogue ("" for a field the entry has not)."""
        english = getattr(self, field_name) or ""
        if language == SOURCE or not english:
            return english
        if field_name == "translation" and language == ARTICLE:
            return self.quote  # the quote is the article's own words
        return i18n.template(english, language)

    def text(self, field_name: str, language: str = SOURCE) -> str:
        """A text field in ``language`` with its published values written out."""
        return percent_sign(expand(self.raw(field_name, language), language), language)


@dataclass(frozen=True)
class Ledger:
    path: Path
    entries: tuple[Entry, ...]
    topics: dict[str, Topic] = field(default_factory=dict, compare=False)
    _by_id: dict[str, Entry] = field(default_factory=dict, repr=False, compare=False)
    article_path: Path | None = None  # the article the build placed each quote in (None: not placed)
    article_text: str = ""

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

    def texts(self, language: str) -> list[str]:
        """The ledger's English texts that the catalogue of ``language`` translates: each entry's correction and note,
        the quote's translation (but for readers of the article's language) and the debated points' labels."""
        fields = [f for f in TEXT_FIELDS if f != "translation" or language != ARTICLE]
        found = [topic.label[SOURCE] for topic in self.topics.values()]
        found += [getattr(e, f) for e in self.entries for f in fields if getattr(e, f)]
        return list(dict.fromkeys(found))

    def debated_label(self, entry: Entry, language: str = SOURCE) -> str:
        """The debated points of a claim, joined for a reader ("" for settled physiology)."""
        return "; ".join(self.topics[k].label[language] for k in entry.debated)


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


def _translated(path, english: str, language: str, entry_name: str | None, fld: str) -> str:
    """``english``, a text of the ledger, in ``language``'s catalogue; an error naming the entry and the field if the
    catalogue lacks it (a new English text, or one changed since it was translated)."""
    try:
        text = i18n.template(english, language)
    except KeyError:
        raise LedgerError(
            path,
            f"no {LANGUAGE_OF[language].name} ('{language}') in the catalogue {i18n.CATALOGUE_DIR / language}/: "
            f"give this English text its translation there ({english[:60]!r}…)",
            entry_name,
            fld,
        ) from None
    if sorted(PUB_ROLE.findall(text)) != sorted(PUB_ROLE.findall(english)):
        raise LedgerError(
            path, f"its '{language}' translation names other published values than its English", entry_name, fld
        )
    return text


def _language_data(language: str) -> tuple[Path, dict]:
    """A translation's words for the debated points (``data/i18n/<language>/_debated.yaml``): its hedges and, for
    each point, the patterns of a sentence that speaks of it."""
    path = i18n.CATALOGUE_DIR / language / "_debated.yaml"
    if not path.is_file():
        raise LedgerError(
            path, f"missing: {LANGUAGE_OF[language].name} needs its hedges and signals of the debated points"
        )
    return path, read_data(path)


def _patterns(path, patterns, where: str) -> tuple[re.Pattern, ...]:
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) for p in patterns):
        raise LedgerError(path, "must be a list of patterns", fld=where)
    try:
        return tuple(re.compile(p, re.IGNORECASE) for p in patterns)
    except re.error as exc:
        raise LedgerError(path, f"a signal is not a valid pattern: {exc}", fld=where) from None


def _hedges(path, words) -> tuple[str, ...]:
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
        raise LedgerError(path, "must list the words that hedge a statement", fld="hedges")
    return tuple(w.lower() for w in words)


def _parse_topics(path, raw) -> tuple[dict[str, Topic], dict[str, tuple[str, ...]]]:
    """The ``debated`` topics and the ``hedges`` (words that mark a statement as not settled), in every language:
    English in the ledger, each translation's in its catalogue folder."""
    if not isinstance(raw.get("debated"), dict) or not raw["debated"]:
        raise LedgerError(path, "must map each debated topic to its label and signals", fld="debated")
    hedges = {SOURCE: _hedges(path, raw.get("hedges"))}
    labels: dict[str, dict[str, str]] = {}
    signals: dict[str, dict[str, tuple[re.Pattern, ...]]] = {}
    for key, spec in raw["debated"].items():
        where = f"debated.{key}"
        if not isinstance(spec, dict) or sorted(spec) != ["label", "signals"] or not isinstance(spec["label"], str):
            raise LedgerError(path, "needs exactly: label (a text), signals (a list of patterns)", fld=where)
        labels[key] = {SOURCE: spec["label"]}
        signals[key] = {SOURCE: _patterns(path, spec["signals"], where)}
    for language in TRANSLATIONS:
        data_path, data = _language_data(language)
        given = data.get("signals") if isinstance(data, dict) else None
        if not isinstance(given, dict) or set(given) != set(labels):
            raise LedgerError(data_path, f"must give the signals of exactly: {', '.join(labels)}", fld="signals")
        hedges[language] = _hedges(data_path, data.get("hedges"))
        for key in labels:
            labels[key][language] = _translated(path, labels[key][SOURCE], language, None, f"debated.{key}.label")
            signals[key][language] = _patterns(data_path, given[key], f"signals.{key}")
    topics = {key: Topic(key, labels[key], signals[key]) for key in labels}
    return topics, hedges


def check_debated(path, entry: Entry, name: str, topics: dict[str, Topic], hedges) -> None:
    """A claim that speaks of a debated topic is marked so, names it only with a hedge, and is not marked in vain."""
    for key in entry.debated:
        if key not in topics:
            raise LedgerError(
                path, f"unknown debated topic '{key}'; expected one of {', '.join(topics)}", name, "debated"
            )
    for language in LANGUAGES:
        fld = "correction" if language == SOURCE else f"correction ({language})"
        text = entry.text("correction", language)
        for topic in topics.values():
            sentences = topic.mentioned_in(text, language)
            if sentences and topic.key not in entry.debated:
                raise LedgerError(
                    path,
                    f"speaks of '{topic.label[SOURCE]}', which is debated: list '{topic.key}' "
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
                        f"states the debated point '{topic.label[SOURCE]}' as fact: "
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
        fields["correction"] = " ".join(_require_text(path, raw, "correction", name).split())
        for fld in ("references", "shown_in"):
            fields[fld] = _require_keys(path, raw, fld, name)
        if "debated" in raw:
            fields["debated"] = _require_keys(path, raw, "debated", name)
    elif "debated" in raw:
        raise LedgerError(path, "only a claim can rest on a debated point", name, "debated")
    if "note" in raw:
        fields["note"] = " ".join(_require_text(path, raw, "note", name).split())
    for fld in TEXT_FIELDS:
        if fld not in fields:
            continue
        _check_published(path, fields[fld], name, fld)
        for language in TRANSLATIONS:  # a reader of the article's language reads the quote, not its translation
            if fld != "translation" or language != ARTICLE:
                _translated(path, fields[fld], language, name, fld)
    return name, fields


def parse_entries(path: Path, data) -> tuple[dict[str, Topic], dict[str, tuple[str, ...]], list[tuple[str, dict]]]:
    """The debated topics, the hedges and each entry's checked fields ({name: fields}) of a ledger's data."""
    if not isinstance(data, dict) or "entries" not in data or "article" not in data:
        raise LedgerError(path, "must be a mapping with the keys 'article' and 'entries'")
    if not isinstance(data["entries"], list) or not data["entries"]:
        raise LedgerError(path, "must be a non-empty list", fld="entries")
    topics, hedges = _parse_topics(path, data)
    parsed = [_parse_entry(path, raw, number) for number, raw in enumerate(data["entries"], start=1)]
    seen: dict[str, str] = {}
    for name, fields in parsed:
        if fields["id"] in seen:
            raise LedgerError(path, f"duplicate id '{fields['id']}' (also entry {seen[fields['id']]})", name, "id")
        seen[fields["id"]] = name.split(" ")[0]
    return topics, hedges, parsed


def read_data(path: Path) -> dict:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LedgerError(path, f"is not valid YAML: {exc}") from None


@cache
def read_ledger(path: Path = LEDGER) -> Ledger:
    """The ledger, each entry checked (without placing its quote in the article, which the build does)."""
    path = Path(path)
    topics, hedges, parsed = parse_entries(path, read_data(path))
    entries = [Entry(**fields) for _, fields in parsed]
    for entry, (name, _) in zip(entries, parsed):
        if entry.is_claim:
            check_debated(path, entry, name, topics, hedges)
    return Ledger(path, tuple(entries), topics, {e.id: e for e in entries})
