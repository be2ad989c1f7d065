"""The claim ledger in the pages: cards, the article claim by claim, the verdict summary, the misconception bank,
and the ClaimReview data of the article page."""

from __future__ import annotations

import html
import re
from collections import Counter

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from musclebook.claims import verdict_text
from musclebook.language import LANGUAGES

from ..ledger import (
    DEFAULT_LEDGER,
    VERDICT_RATING,
    VERDICTS,
    Entry,
    Ledger,
    LedgerError,
    load_ledger,
)
from ..sphinx_about import claim_report_link
from .common import book_language

_CACHE: dict[str, Ledger] = {}


def ledger() -> Ledger:
    if "ledger" not in _CACHE:
        try:
            _CACHE["ledger"] = load_ledger()
        except LedgerError as exc:
            raise ExtensionError(str(exc)) from exc
    return _CACHE["ledger"]


def _escape(text: str) -> str:
    """Keep ledger text literal inside MyST (no stray roles, emphasis or HTML)."""
    for ch in "\\`*_[]<>{}|$":
        text = text.replace(ch, "\\" + ch)
    return text


#: What a claim card says around the ledger's text, in each language.
CARD_LABELS = {
    "en": dict(
        claim="Claim",
        in_article="in the article",
        says="The article says",
        translation="In English:",
        physiology="Physiology says:",
        see="See it:",
        settled="Settled physiology",
        debated="Debated",
        not_a_claim="not a claim",
        paragraph="Paragraph",
    ),
    "id": dict(
        claim="Klaim",
        in_article="di artikel",
        says="Artikel menyatakan",
        translation=None,
        physiology="Menurut fisiologi:",
        see="Lihat:",
        settled="Fisiologi yang mapan",
        debated="Diperdebatkan",
        not_a_claim="bukan klaim",
        paragraph="Paragraf",
    ),
}


def verdict_badge(entry: Entry, language: str = "en") -> str:
    return f"{{bdg-{VERDICTS[entry.verdict][1]}}}`{verdict_text(entry.verdict, language)}`"


def evidence_badge(entry: Entry, language: str = "en") -> str:
    """Whether the correction rests on settled physiology or (partly) on a debated hypothesis."""
    words = CARD_LABELS[language]
    if not entry.debated:
        return f'<span class="evidence-badge evidence-settled">{words["settled"]}</span>'
    point = html.escape(ledger().debated_label(entry, language))
    return f'<span class="evidence-badge evidence-debated">{words["debated"]}: {point}</span>'


def anchor(entry: Entry, language: str = "en") -> str:
    """The label of an entry on the English (``claim-k05``) or the Indonesian (``klaim-k05``) article page."""
    return entry.anchor if language == "en" else "klaim-" + entry.id.lower()


def _lang(text: str, language: str) -> str:
    return f'<span lang="id">{text}</span>' if language == "id" else text


def card_markup(entry: Entry, *, language: str = "en", link_to_article: bool = True, report: str = "") -> list[str]:
    """MyST lines of the claim card of one claim, in English (with the Indonesian correction in a dropdown)
    or in Indonesian (for the Indonesian edition); ``report``: the card's "Report an error" link (raw HTML)."""
    words = CARD_LABELS[language]
    cites = ",".join(entry.references)
    where = ", ".join(f"{{ref}}`{label}`" for label in entry.shown_in)
    link = f" · {{ref}}`{words['in_article']} <{anchor(entry, language)}>`" if link_to_article else ""
    correction = "correction" if language == "en" else "correction_id"
    lines = [
        "::::{card}",
        f":class-card: claim-card verdict-{entry.verdict}" + (" debated" if entry.debated else ""),
        ":shadow: none",
        "",
        ":::{card-header}",
        verdict_badge(entry, language) + " " + _lang(f"**{words['claim']} {entry.id}**", language) + link,
        ":::",
        _lang(evidence_badge(entry, language), language),
        "",
        _lang(f"**{words['says']}** ", language) + f'<span lang="id">«{_escape(entry.quote)}»</span>',
        "",
    ]
    if words["translation"]:
        lines += [f"*{words['translation']}* “{_escape(entry.translation)}”", ""]
    lines += [
        _lang(f"**{words['physiology']}** {_escape(entry.text(correction))}", language) + f" {{cite:p}}`{cites}`",
        "",
    ]
    if language == "en":
        lines += [
            ":::{dropdown} Koreksi dalam Bahasa Indonesia",
            ":class-container: correction-id",
            "",
            f'<span lang="id">{_escape(entry.text("correction_id"))}</span>',
            ":::",
            "",
        ]
    lines += [_lang(f"**{words['see']}**", language) + f" {where}" + (f" · {report}" if report else ""), "::::", ""]
    return lines


def rhetoric_markup(entry: Entry, language: str = "en") -> list[str]:
    words = CARD_LABELS[language]
    quote = f'<span class="rhetoric-quote" lang="id">«{_escape(entry.quote)}»</span>'
    if language == "en":
        lines = [f"{quote} — *{_escape(entry.translation)}* {{bdg-light}}`{words['not_a_claim']}`", ""]
    else:
        lines = [f"{quote} {{bdg-light}}`{words['not_a_claim']}`", ""]
    note = entry.text("note" if language == "en" else "note_id")
    if note:
        lines += [_lang(f'<span class="rhetoric-note">{_escape(note)}</span>', language), ""]
    return lines


class _LedgerDirective(SphinxDirective):
    def render(self, lines: list[str]) -> list[nodes.Node]:
        self.env.note_dependency(str(DEFAULT_LEDGER))
        container = nodes.container(classes=["claim-ledger"])
        self.state.nested_parse(StringList(lines, source=str(DEFAULT_LEDGER)), self.content_offset, container)
        return [container]


class ClaimCard(_LedgerDirective):
    required_arguments = 1
    final_argument_whitespace = True
    has_content = False

    def run(self):
        lines: list[str] = []
        for entry_id in self.arguments[0].split():
            try:
                entry = ledger().get(entry_id)
            except LedgerError as exc:
                raise self.error(str(exc)) from exc
            if not entry.is_claim:
                raise self.error(f"{entry_id} is a rhetorical entry, not a claim: it has no card")
            language = book_language(self.env.app)
            report = claim_report_link(self.env.app, entry.id, entry.quote, language)
            lines += card_markup(entry, language=language, report=report)
        return self.render(lines)


def _language(value: str) -> str:
    return directives.choice(value, LANGUAGES)


def paragraph_anchor(number: int, language: str = "en") -> str:
    """The anchor of the heading of the article's paragraph ``number`` on the English (``paragraph-3``) or the
    Indonesian (``paragraf-3``) article page."""
    return f"{CARD_LABELS[language]['paragraph'].lower()}-{number}"


def paragraph_title(number: int, group: list[Entry], language: str = "en") -> str:
    """The heading of one paragraph of the article: its number and the entries it holds ("Paragraph 4 (K07–K10)")."""
    ids = group[0].id if len(group) == 1 else f"{group[0].id}–{group[-1].id}"
    return f"{CARD_LABELS[language]['paragraph']} {number} ({ids})"


class ClaimLedger(_LedgerDirective):
    """The whole article, one section per paragraph: a real heading (so the page's contents list jumps to each
    paragraph, ``#paragraph-3``), then each entry of the paragraph under its own anchor (``#claim-k05``)."""

    has_content = False
    option_spec = {"language": _language}

    def run(self):
        language = self.options.get("language", book_language(self.env.app))
        if language == "en":
            self.env.metadata[self.env.docname]["claim-ledger"] = True  # this page gets the ClaimReview data
        self.env.metadata[self.env.docname]["contents-levels"] = 2  # its contents list shows every paragraph
        sections = []
        for number, group in enumerate(ledger().paragraphs(), start=1):
            lines: list[str] = []
            for entry in group:
                lines += [f"({anchor(entry, language)})=", ""]
                if entry.is_claim:
                    report = claim_report_link(self.env.app, entry.id, entry.quote, language)
                    lines += card_markup(entry, language=language, link_to_article=False, report=report)
                else:
                    lines += rhetoric_markup(entry, language)
            section = nodes.section(ids=[paragraph_anchor(number, language)], classes=["article-paragraph"])
            title = paragraph_title(number, group, language)
            section += nodes.title(title, title)
            section += self.render(lines)
            sections.append(section)
        return sections


class VerdictSummary(_LedgerDirective):
    has_content = False
    option_spec = {"language": _language}

    def run(self):
        language = self.options.get("language", book_language(self.env.app))
        claims = ledger().claims
        counts = Counter(e.verdict for e in claims)
        head = (
            ("Verdict", "Number", "Claims", "All claims")
            if language == "en"
            else ("Penilaian", "Jumlah", "Klaim", "Semua klaim")
        )
        lines = [f"| {head[0]} | {head[1]} | {head[2]} |", "| --- | --- | --- |"]
        for key, (_, colour) in VERDICTS.items():
            links = ", ".join(f"{{ref}}`{e.id} <{anchor(e, language)}>`" for e in claims if e.verdict == key)
            lines.append(f"| {{bdg-{colour}}}`{verdict_text(key, language)}` | {counts.get(key, 0)} | {links} |")
        lines += [f"| **{head[3]}** | **{sum(counts.values())}** | |", ""]
        return self.render(lines)


def first_sentence(text: str) -> str:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text, maxsplit=1)
    return parts[0]


BANK_WORDS = {
    "en": {"prompt": "Fact or myth?", "answer": "Answer to {}", "more": "full correction"},
    "id": {"prompt": "Fakta atau mitos?", "answer": "Jawaban untuk {}", "more": "koreksi lengkap"},
}


class MisconceptionBank(_LedgerDirective):
    """Every claim of the article as a "fact or myth?" prompt, with its answer hidden in a dropdown."""

    has_content = False

    def run(self):
        language = book_language(self.env.app)
        words = BANK_WORDS[language]
        lines: list[str] = []
        for number, claim in enumerate(ledger().claims, start=1):
            quote = f'<span lang="id">«{_escape(claim.quote)}»</span>'
            translation = f" — *{_escape(claim.translation)}*" if language == "en" else ""
            correction = claim.text("correction" if language == "en" else "correction_id")
            lines += [
                f"{number}. **{words['prompt']}** {quote}{translation}",
                "",
                f"   :::{{dropdown}} {words['answer'].format(claim.id)}",
                f"   {verdict_badge(claim, language)} {_escape(first_sentence(correction))} "
                f"({{ref}}`{words['more']} <{anchor(claim, language)}>`)",
                "   :::",
                "",
            ]
        return self.render(lines)


def rating_explanation(claim: Entry) -> str:
    """The same settled/debated label as the claim card, for the ClaimReview data."""
    if not claim.debated:
        return "The correction rests on settled physiology."
    return f"Part of the correction rests on a debated point: {ledger().debated_label(claim)}."


def claim_reviews(page_url: str, author: str) -> list[dict]:
    """schema.org ClaimReview records, one per claim of the ledger."""
    return [
        {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{page_url}#{claim.anchor}",
            "claimReviewed": claim.translation,
            "reviewBody": claim.text("correction"),
            "inLanguage": "en",
            "author": {"@type": "Organization", "name": author},
            "itemReviewed": {
                "@type": "Claim",
                "appearance": {"@type": "CreativeWork", "inLanguage": "id", "text": claim.quote},
            },
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": VERDICT_RATING[claim.verdict],
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": claim.verdict_label,
                "ratingExplanation": rating_explanation(claim),
            },
        }
        for claim in ledger().claims
    ]
