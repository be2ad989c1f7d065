"""Sphinx directives that render the claim ledger into the book.

``{claim-card} K05 K06``
    The "article says / physiology says" card of one or more claims, for any chapter.
``{claim-ledger}``
    The whole article, claim by claim, in order (the article page).
``{verdict-summary}``
    A count of the verdicts.

All three read the one ledger through :func:`musclebook.ledger.load_ledger`; a
ledger error stops the build with the ledger's own message.
"""

from __future__ import annotations

import html
import json
from collections import Counter

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from docutils.parsers.rst import directives

from .ledger import DEFAULT_LEDGER, VERDICT_RATING, VERDICTS, VERDICTS_ID, Entry, Ledger, LedgerError, load_ledger

LANGUAGES = ("en", "id")

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


def verdict_badge(entry: Entry, language: str = "en") -> str:
    label, colour = VERDICTS[entry.verdict]
    if language == "id":
        label = VERDICTS_ID[entry.verdict]
    return f"{{bdg-{colour}}}`{label}`"


def anchor(entry: Entry, language: str = "en") -> str:
    """The label of an entry on the English (``claim-k05``) or the Indonesian (``klaim-k05``) article page."""
    return entry.anchor if language == "en" else "klaim-" + entry.id.lower()


def card_markup_id(entry: Entry) -> list[str]:
    """MyST lines of the claim card of one claim, in Indonesian (for the Indonesian article page)."""
    cites = ",".join(entry.references)
    where = ", ".join(f"{{ref}}`{label}`" for label in entry.shown_in)
    return [
        "::::{card}",
        f":class-card: claim-card verdict-{entry.verdict}",
        ":shadow: none",
        "",
        ":::{card-header}",
        f"{verdict_badge(entry, 'id')} <span lang=\"id\">**Klaim {entry.id}**</span>"
        f" · {{ref}}`English <{entry.anchor}>`",
        ":::",
        f"<span lang=\"id\">**Artikel menyatakan** «{_escape(entry.quote)}»</span>",
        "",
        f"<span lang=\"id\">**Fisiologi menyatakan:** {_escape(entry.correction_id)}</span> {{cite:p}}`{cites}`",
        "",
        f"<span lang=\"id\">**Lihat (dalam bahasa Inggris):**</span> {where}",
        "::::",
        "",
    ]


def card_markup(entry: Entry, *, link_to_article: bool = True) -> list[str]:
    """MyST lines of the claim card of one claim."""
    cites = ",".join(entry.references)
    where = ", ".join(f"{{ref}}`{label}`" for label in entry.shown_in)
    lines = [
        "::::{card}",
        f":class-card: claim-card verdict-{entry.verdict}",
        ":shadow: none",
        "",
        ":::{card-header}",
        f"{verdict_badge(entry)} **Claim {entry.id}**"
        + (f" · {{ref}}`in the article <{entry.anchor}>`" if link_to_article else ""),
        ":::",
        f"**The article says** <span lang=\"id\">«{_escape(entry.quote)}»</span>",
        "",
        f"*In English:* “{_escape(entry.translation)}”",
        "",
        f"**Physiology says:** {_escape(entry.correction)} {{cite:p}}`{cites}`",
        "",
        ":::{dropdown} Koreksi dalam Bahasa Indonesia",
        ":class-container: correction-id",
        "",
        f"<span lang=\"id\">{_escape(entry.correction_id)}</span>",
        ":::",
        "",
        f"**See it:** {where}",
        "::::",
        "",
    ]
    return lines


def rhetoric_markup(entry: Entry) -> list[str]:
    lines = [
        f"<span class=\"rhetoric-quote\" lang=\"id\">«{_escape(entry.quote)}»</span> "
        f"— *{_escape(entry.translation)}* {{bdg-light}}`not a claim`",
        "",
    ]
    if entry.note:
        lines += [f"<span class=\"rhetoric-note\">{_escape(entry.note)}</span>", ""]
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
            lines += card_markup(entry)
        return self.render(lines)


def _language(value: str) -> str:
    return directives.choice(value, LANGUAGES)


class ClaimLedger(_LedgerDirective):
    has_content = False
    option_spec = {"language": _language}

    def run(self):
        language = self.options.get("language", "en")
        if language == "en":
            self.env.metadata[self.env.docname]["claim-ledger"] = True  # this page gets the ClaimReview data
        lines: list[str] = []
        for number, group in enumerate(ledger().paragraphs(), start=1):
            lines += [f"**{'Paragraph' if language == 'en' else 'Paragraf'} {number}**", ""]
            for entry in group:
                lines += [f"({anchor(entry, language)})=", ""]
                if not entry.is_claim:
                    lines += rhetoric_markup(entry) if language == "en" else rhetoric_markup_id(entry)
                else:
                    lines += card_markup(entry, link_to_article=False) if language == "en" else card_markup_id(entry)
        return self.render(lines)


def rhetoric_markup_id(entry: Entry) -> list[str]:
    return [f"<span class=\"rhetoric-quote\" lang=\"id\">«{_escape(entry.quote)}» — bukan klaim</span>", ""]


class VerdictSummary(_LedgerDirective):
    has_content = False
    option_spec = {"language": _language}

    def run(self):
        language = self.options.get("language", "en")
        counts = Counter(e.verdict for e in ledger().claims)
        head = ("Verdict", "Claims", "All claims") if language == "en" else ("Penilaian", "Klaim", "Semua klaim")
        lines = [f"| {head[0]} | {head[1]} |", "| --- | --- |"]
        for key, (label, colour) in VERDICTS.items():
            shown = label if language == "en" else VERDICTS_ID[key]
            lines.append(f"| {{bdg-{colour}}}`{shown}` | {counts.get(key, 0)} |")
        lines += [f"| **{head[2]}** | **{sum(counts.values())}** |", ""]
        return self.render(lines)


def first_sentence(text: str) -> str:
    import re

    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text, maxsplit=1)
    return parts[0]


class MisconceptionBank(_LedgerDirective):
    """Every claim of the article as a "fact or myth?" prompt, with its answer hidden in a dropdown."""

    has_content = False

    def run(self):
        lines: list[str] = []
        for number, claim in enumerate(ledger().claims, start=1):
            lines += [
                f"{number}. **Fact or myth?** <span lang=\"id\">«{_escape(claim.quote)}»</span> — "
                f"*{_escape(claim.translation)}*",
                "",
                f"   :::{{dropdown}} Answer to {claim.id}",
                f"   {verdict_badge(claim)} {_escape(first_sentence(claim.correction))} "
                f"({{ref}}`full correction <{claim.anchor}>`)",
                "   :::",
                "",
            ]
        return self.render(lines)


def site_url(app) -> str:
    """The published site's address, derived from the one repository URL (GitHub Pages)."""
    if app.config.html_baseurl:
        return app.config.html_baseurl.rstrip("/") + "/"
    repo = app.config.html_theme_options.get("repository_url", "").rstrip("/")
    owner, name = repo.removeprefix("https://github.com/").split("/")[:2]
    return f"https://{owner.lower()}.github.io/{name}/"


def claim_reviews(page_url: str, author: str) -> list[dict]:
    """schema.org ClaimReview records, one per claim of the ledger."""
    return [
        {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{page_url}#{claim.anchor}",
            "claimReviewed": claim.translation,
            "reviewBody": claim.correction,
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
            },
        }
        for claim in ledger().claims
    ]


def first_paragraph(doctree) -> str:
    for para in doctree.findall(nodes.paragraph):
        text = " ".join(para.astext().split())
        if len(text) > 60:
            return text if len(text) <= 200 else text[:197].rsplit(" ", 1)[0] + "…"
    return ""


def page_metadata(app, pagename, templatename, context, doctree):
    """A description and Open Graph tags on every page; ClaimReview JSON-LD on the article page."""
    if doctree is None:
        return
    base = site_url(app)
    url = base + app.builder.get_target_uri(pagename)
    title = html.unescape(context.get("title", "")).replace("<", "").replace(">", "")
    site_name = app.config.html_title or app.config.project
    description = first_paragraph(doctree) or site_name
    tags = [
        f'<meta name="description" content="{html.escape(description)}">',
        f'<meta property="og:title" content="{html.escape(title)}">',
        f'<meta property="og:description" content="{html.escape(description)}">',
        f'<meta property="og:type" content="{"website" if pagename == app.config.root_doc else "article"}">',
        f'<meta property="og:url" content="{html.escape(url)}">',
        f'<meta property="og:site_name" content="{html.escape(site_name)}">',
    ]
    if app.env.metadata.get(pagename, {}).get("claim-ledger"):
        data = json.dumps(claim_reviews(url, app.config.author), ensure_ascii=False).replace("</", "<\\/")
        tags.append(f'<script type="application/ld+json">{data}</script>')
    context["metatags"] = context.get("metatags", "") + "\n".join(tags)


def setup(app):
    app.add_directive("claim-card", ClaimCard)
    app.add_directive("claim-ledger", ClaimLedger)
    app.add_directive("verdict-summary", VerdictSummary)
    app.add_directive("misconception-bank", MisconceptionBank)
    app.connect("builder-inited", lambda app: ledger())
    app.connect("html-page-context", page_metadata)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
