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

from musclebook.claims import Card, card, verdict_text
from musclebook.i18n import speaking, tr
from musclebook.language import ARTICLE, LANGUAGES, SOURCE

from ..ledger import (
    DEFAULT_LEDGER,
    VERDICT_RATING,
    VERDICTS,
    Entry,
    Ledger,
    LedgerError,
    claim_anchor,
    load_ledger,
)
from ..sphinx_about import claim_report_link
from .common import book_language, note_translations

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


def verdict_badge(entry: Entry, language: str = SOURCE) -> str:
    return f"{{bdg-{VERDICTS[entry.verdict][1]}}}`{verdict_text(entry.verdict, language)}`"


def evidence_badge(shown: Card) -> str:
    """Whether the correction rests on settled physiology or (partly) on a debated hypothesis."""
    kind = "debated" if shown.entry.debated else "settled"
    return f'<span class="evidence-badge evidence-{kind}">{html.escape(shown.evidence)}</span>'


def anchor(entry: Entry, language: str = SOURCE) -> str:
    """The label of an entry on the article page of ``language``: ``claim-k05`` in English, ``klaim-k05`` in
    Indonesian (the word "claim" in the page's language)."""
    return claim_anchor(entry.id, language)


def card_markup(entry: Entry, *, language: str = SOURCE, link_to_article: bool = True, report: str = "") -> list[str]:
    """MyST lines of the claim card of one claim in ``language`` (``musclebook.claims.card``, the one model of a card,
    which Jupyter shows as HTML); ``report``: the card's "Report an error" link (raw HTML)."""
    shown = card(entry, language, ledger())
    cites = ",".join(entry.references)
    where = ", ".join(f"{{ref}}`{label}`" for label in entry.shown_in)
    link = f" · {{ref}}`{shown.in_article} <{anchor(entry, language)}>`" if link_to_article else ""
    lines = [
        "::::{card}",
        f":class-card: claim-card verdict-{entry.verdict}" + (" debated" if entry.debated else ""),
        ":shadow: none",
        "",
        ":::{card-header}",
        f"{{bdg-{shown.colour}}}`{shown.verdict}` **{shown.claim}**" + link,
        ":::",
        evidence_badge(shown),
        "",
        f"**{shown.says}** " + f'<span lang="{ARTICLE}">«{_escape(entry.quote)}»</span>',
        "",
    ]
    if shown.translation:
        label, text = shown.translation
        lines += [f"*{label}* “{_escape(text)}”", ""]
    lines += [f"**{shown.physiology}** {_escape(shown.correction)} {{cite:p}}`{cites}`", ""]
    if shown.article_correction:
        title, text = shown.article_correction
        lines += [
            f':::{{dropdown}} <span lang="{ARTICLE}">{title}</span>',  # written in the article's language
            ":class-container: correction-id",
            "",
            f'<span lang="{ARTICLE}">{_escape(text)}</span>',
            ":::",
            "",
        ]
    lines += [f"**{shown.see}** {where}" + (f" · {report}" if report else ""), "::::", ""]
    return lines


def rhetoric_markup(entry: Entry, language: str = SOURCE) -> list[str]:
    quote = f'<span class="rhetoric-quote" lang="{ARTICLE}">«{_escape(entry.quote)}»</span>'
    with speaking(language):
        translation = f" — *{_escape(entry.text('translation', language))}*" if language != ARTICLE else ""
        lines = [f"{quote}{translation} {{bdg-light}}`{tr('not a claim')}`", ""]
    note = entry.text("note", language)
    if note:
        lines += [f'<span class="rhetoric-note">{_escape(note)}</span>', ""]
    return lines


class _LedgerDirective(SphinxDirective):
    def render(self, lines: list[str]) -> list[nodes.Node]:
        self.env.note_dependency(str(DEFAULT_LEDGER))
        note_translations(self.env, ledger().texts(SOURCE), "_debated.yaml")
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


def paragraph_anchor(number: int, language: str = SOURCE) -> str:
    """The anchor of the heading of the article's paragraph ``number`` on the English (``paragraph-3``) or the
    Indonesian (``paragraf-3``) article page."""
    with speaking(language):
        return f"{tr('Paragraph').lower()}-{number}"


def paragraph_title(number: int, group: list[Entry], language: str = SOURCE) -> str:
    """The heading of one paragraph of the article: its number and the entries it holds ("Paragraph 4 (K07–K10)")."""
    ids = group[0].id if len(group) == 1 else f"{group[0].id}–{group[-1].id}"
    with speaking(language):
        return f"{tr('Paragraph')} {number} ({ids})"


class ClaimLedger(_LedgerDirective):
    """The whole article, one section per paragraph: a real heading (so the page's contents list jumps to each
    paragraph, ``#paragraph-3``), then each entry of the paragraph under its own anchor (``#claim-k05``)."""

    has_content = False
    option_spec = {"language": _language}

    def run(self):
        language = self.options.get("language", book_language(self.env.app))
        if language == SOURCE:  # the ClaimReview records are written in the ledger's English
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
        with speaking(language):
            head = (tr("Verdict"), tr("Number"), tr("Claims"), tr("All claims"))
        lines = [f"| {head[0]} | {head[1]} | {head[2]} |", "| --- | --- | --- |"]
        for key, (_, colour) in VERDICTS.items():
            links = ", ".join(f"{{ref}}`{e.id} <{anchor(e, language)}>`" for e in claims if e.verdict == key)
            lines.append(f"| {{bdg-{colour}}}`{verdict_text(key, language)}` | {counts.get(key, 0)} | {links} |")
        lines += [f"| **{head[3]}** | **{sum(counts.values())}** | |", ""]
        return self.render(lines)


def first_sentence(text: str) -> str:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text, maxsplit=1)
    return parts[0]


class MisconceptionBank(_LedgerDirective):
    """Every claim of the article as a "fact or myth?" prompt, with its answer hidden in a dropdown."""

    has_content = False

    def run(self):
        language = book_language(self.env.app)
        lines: list[str] = []
        with speaking(language):
            for number, claim in enumerate(ledger().claims, start=1):
                quote = f'<span lang="{ARTICLE}">«{_escape(claim.quote)}»</span>'
                translation = f" — *{_escape(claim.text('translation', language))}*" if language != ARTICLE else ""
                correction = claim.text("correction", language)
                lines += [
                    f"{number}. **{tr('Fact or myth?')}** {quote}{translation}",
                    "",
                    f"   :::{{dropdown}} {tr('Answer to {id}', id=claim.id)}",
                    f"   {verdict_badge(claim, language)} {_escape(first_sentence(correction))} "
                    f"({{ref}}`{tr('full correction')} <{anchor(claim, language)}>`)",
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
            "inLanguage": SOURCE,
            "author": {"@type": "Organization", "name": author},
            "itemReviewed": {
                "@type": "Claim",
                "appearance": {"@type": "CreativeWork", "inLanguage": ARTICLE, "text": claim.quote},
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
