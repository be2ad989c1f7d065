"""The book's Sphinx extension: the claim ledger, published values and terms rendered into pages.

``{claim-card} K05 K06``
    The "article says / physiology says" card of one or more claims, for any chapter.
``{claim-ledger}``
    The whole article, claim by claim, in order (the article page), in English or Indonesian: one section per
    paragraph of the article, headed so that the page's contents list jumps to it.
``{verdict-summary}``
    A count of the verdicts.
``{misconception-bank}``
    Every claim as a "fact or myth?" prompt with its answer hidden (the instructor guide).
``{glossary-terms}``
    The glossary, from ``book/musclebook/data/terms.yaml``.
``{pub}`key```
    A published value of ``musclebook.published``, written for the page's language.
``{claim-count}`all``` or ``{claim-count}`correct partly-correct```
    How many claims the ledger holds, or how many have these verdicts.

It also gives every page a description and Open Graph tags, and the article page its ClaimReview
data. All of it reads the one ledger through :func:`bookkit.ledger.load_ledger`; a ledger error
stops the build with the ledger's own message.
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
from collections import Counter
from pathlib import Path

import pydata_sphinx_theme
import yaml
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx import locale as sphinx_locale
from sphinx.builders.html._assets import _JavaScript
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from musclebook.claims import verdict_text
from musclebook.explorer import STATIC_ENV
from musclebook.i18n import ENV as I18N_ENV
from musclebook.language import LANGUAGES, percent_sign
from musclebook.launch import ENV as LAUNCH_ENV
from musclebook.published import lookup

from . import citations, icons, katex, materials, purge_css, sphinx_about  # noqa: F401 - citations registers the Indonesian citation styles
from .dependencies import DependencyError, notebook_dependencies
from .ledger import (
    DATA_DIR,
    DEFAULT_LEDGER,
    VERDICT_RATING,
    VERDICTS,
    Entry,
    Ledger,
    LedgerError,
    load_ledger,
)
from .site import data_uris_to_files
from .sphinx_about import claim_report_link
from .translate import EDITION_ROOTS, REPO, SITE_FOLDERS, counterpart

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


def first_paragraph(doctree, limit: int = 200) -> str:
    """The page's first paragraph of some length, as plain text (without the raw HTML it may carry, such as
    the ``<span lang="id">`` of an Indonesian paragraph), cut at a word within ``limit`` characters."""
    for para in doctree.findall(nodes.paragraph):
        words = (t.astext() for t in para.findall(nodes.Text) if not isinstance(t.parent, nodes.raw))
        text = " ".join("".join(words).split())
        if len(text) > 60:
            return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "…"
    return ""


# The visible language switch: the other language's name, in that language; the switch's label (what a
# screen reader announces for it) in the page's own
SWITCH_TEXT = {"en": "English", "id": "Bahasa Indonesia"}
SWITCH_LABEL = {"en": "This page in another language", "id": "Halaman ini dalam bahasa lain"}


def book_language(app) -> str:
    """The language of the edition being built: 'en', or 'id' for the Indonesian edition (``book/id``)."""
    language = (app.config.language or "en").split("_")[0]
    if language not in LANGUAGES:
        raise ExtensionError(f"_config.yml: language {language!r}; the book has editions in {', '.join(LANGUAGES)}")
    return language


def other_language(app) -> str:
    return "id" if book_language(app) == "en" else "en"


def site_root(app) -> str:
    """The published site's root (the English edition's), derived from the one repository URL (GitHub Pages)."""
    if app.config.html_baseurl:
        return app.config.html_baseurl.rstrip("/") + "/"
    repo = app.config.html_theme_options.get("repository_url", "").rstrip("/")
    owner, name = repo.removeprefix("https://github.com/").split("/")[:2]
    return f"https://{owner.lower()}.github.io/{name}/"


def site_url(app) -> str:
    """The address of this edition: the site's root, or its id/ folder."""
    return site_root(app) + SITE_FOLDERS[book_language(app)]


def other_editions(app) -> tuple[str, ...]:
    """The folders of this edition's site that hold another edition (the English site's ``id``), which that
    edition's own build writes: this build neither reads nor changes them."""
    return tuple(path.strip("/") for path in SITE_FOLDERS.values() if path and path != SITE_FOLDERS[book_language(app)])


def counterpart_uri(app, pagename: str) -> tuple[str, str]:
    """The same page in the other edition: (its address relative to ``pagename``, its absolute address)."""
    other = other_language(app)
    docname = counterpart(pagename, book_language(app)) if pagename in app.env.found_docs else pagename
    target = docname + ".html"
    up = "../" * (pagename.count("/") + SITE_FOLDERS[book_language(app)].count("/"))
    return up + SITE_FOLDERS[other] + target, site_root(app) + SITE_FOLDERS[other] + target


def language_alternates(app, pagename, context) -> list[str]:
    """On every page: ``<link rel="alternate" hreflang>`` for both editions of it (the page itself too, as
    search engines ask) and, on a page with text, a visible switch at the top of the text."""
    language, other = book_language(app), other_language(app)
    relative, absolute = counterpart_uri(app, pagename)
    own = site_url(app) + app.builder.get_target_uri(pagename)
    tags = [
        f'<link rel="alternate" hreflang="{lang}" href="{html.escape(url)}">'
        for lang, url in sorted({language: own, other: absolute}.items())
    ]
    if "body" in context:
        switch = (
            f'<nav class="mb-languages" aria-label="{SWITCH_LABEL[language]}">'
            f'<a href="{html.escape(relative)}" lang="{other}" hreflang="{other}">{SWITCH_TEXT[other]}</a></nav>'
        )
        context["body"] = switch + context["body"]
    return tags


# what the pages without text are, for their description
GENERATED_PAGES = {
    "en": {"genindex": "Index of the terms of {}.", "search": "Search the pages of {}.", None: "A page of {}."},
    "id": {"genindex": "Indeks istilah buku {}.", "search": "Pencarian di halaman buku {}.", None: "Halaman buku {}."},
}


def page_metadata(app, pagename, templatename, context, doctree):
    """A description and Open Graph tags on every page, and the links to the page in the other edition;
    ClaimReview JSON-LD on the English article page."""
    site_name = app.config.html_title or app.config.project
    alternates = language_alternates(app, pagename, context)
    if doctree is None:  # the index and search pages: a description that says what they are
        names = GENERATED_PAGES[book_language(app)]
        what = names.get(pagename, names[None])
        context["metatags"] = context.get("metatags", "") + "\n".join(
            [f'<meta name="description" content="{html.escape(what.format(site_name))}">', *alternates]
        )
        return
    url = site_url(app) + app.builder.get_target_uri(pagename)
    title = html.unescape(context.get("title", "")).replace("<", "").replace(">", "")
    description = first_paragraph(doctree) or site_name
    tags = [
        f'<meta name="description" content="{html.escape(description)}">',
        f'<meta property="og:title" content="{html.escape(title)}">',
        f'<meta property="og:description" content="{html.escape(description)}">',
        f'<meta property="og:type" content="{"website" if pagename == app.config.root_doc else "article"}">',
        f'<meta property="og:url" content="{html.escape(url)}">',
        f'<meta property="og:site_name" content="{html.escape(site_name)}">',
        f'<meta property="og:locale" content="{OG_LOCALE[book_language(app)]}">',
    ]
    if app.env.metadata.get(pagename, {}).get("claim-ledger"):
        data = json.dumps(claim_reviews(url, app.config.author), ensure_ascii=False).replace("</", "<\\/")
        tags.append(f'<script type="application/ld+json">{data}</script>')
    context["metatags"] = context.get("metatags", "") + "\n".join(tags + alternates)


OG_LOCALE = {"en": "en_GB", "id": "id_ID"}


def contents_levels(app, pagename, templatename, context, doctree):
    """On a page that asks for it (the article page: ``{claim-ledger}``), the contents list beside the text (in a
    dialog on a phone) shows its subsections too, not only once the reader has scrolled into their section: every
    paragraph of the article is a jump point. The theme reads this when it writes the page's contents list."""
    levels = app.env.metadata.get(pagename, {}).get("contents-levels")
    if levels:
        context["theme_show_toc_level"] = int(levels)


LANDING = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta name="description" content="{description}">
<meta property="og:title" content="{title}">
<meta property="og:description" content="{description}">
<meta property="og:type" content="website">
<link rel="icon" href="{icon}">
{alternates}
<style>
:root {{ color-scheme: light dark;
  --text: #1b1b1b; --muted: #4a4a4a; --bg: #ffffff; --link: #0b5394; --line: #d0d7de; }}
@media (prefers-color-scheme: dark) {{
  :root {{ --text: #ececec; --muted: #c4c4c4; --bg: #14181b; --link: #8cc4ff; --line: #3b4248; }}
}}
body {{ margin: 0; background: var(--bg); color: var(--text);
  font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif; }}
main {{ max-width: 40rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }}
h1 {{ font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }}
h2 {{ font-size: 1.1rem; margin: 1.75rem 0 0.5rem; color: var(--muted); }}
a {{ color: var(--link); }}
.start {{ display: inline-block; margin: 0.5rem 0 0.5rem; padding: 0.7rem 1.2rem; border-radius: 0.4rem;
  background: var(--link); color: var(--bg); font-weight: 600; text-decoration: none; }}
.pdf {{ display: inline-block; margin: 0.5rem 0 0.5rem 0.5rem; padding: 0.6rem 1.1rem; border-radius: 0.4rem;
  border: 2px solid var(--link); font-weight: 600; text-decoration: none; }}
ul {{ list-style: none; margin: 0; padding: 0; border-top: 1px solid var(--line); }}
li {{ border-bottom: 1px solid var(--line); }}
li a {{ display: block; padding: 0.6rem 0; min-height: 1.5rem; }}
footer {{ max-width: 40rem; margin: 0 auto; padding: 0 1.25rem 2rem; color: var(--muted); font-size: 0.9rem; }}
footer p {{ margin: 0.3rem 0; }}
footer a {{ display: inline-block; padding: 0.3rem 0; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p>{opening}</p>
<p><a class="start" href="{first}">{start}</a> <a class="pdf" href="{book_pdf}">{book_pdf_text}</a></p>
<p lang="{other}"><a href="{other_href}" hreflang="{other}">{other_text}</a></p>
{contents}
<h2>{take_away}</h2>
<ul>
{downloads}
</ul>
</main>
<footer>{footer}</footer>
</body>
</html>
"""


START_READING = {"en": "Start reading", "id": "Mulai membaca"}
TAKE_AWAY = {
    "en": "To print, to read offline, to teach with",
    "id": "Untuk dicetak, dibaca tanpa internet, atau dipakai mengajar",
}
TEACHING = {
    "en": "Teaching materials: slides, the handout and every page as PDF",
    "id": "Bahan ajar: salindia, lembar pegangan, dan setiap halaman sebagai PDF",
}
OTHER_EDITION = {"en": "English: this book in English", "id": "Bahasa Indonesia: buku ini dalam bahasa Indonesia"}
ARTICLE_TOPIC = "kejang otot"


def landing_page(app, exception):
    """The site root: a page of its own with the book's title, icon and description, a link to start reading
    and the table of contents (sphinx-external-toc would write a one-line redirect with no title, language or
    icon; a redirect also cost a phone a second page load before anything could be read)."""
    if exception is not None or app.builder.format != "html":
        return
    first = app.builder.get_target_uri(app.config.root_doc)
    doctree = app.env.get_doctree(app.config.root_doc)
    description, opening = first_paragraph(doctree), first_paragraph(doctree, limit=10_000)
    favicon = Path(app.confdir) / app.config.html_favicon
    icon = "data:image/png;base64," + base64.b64encode(favicon.read_bytes()).decode("ascii")
    toc = yaml.safe_load((Path(app.confdir) / "_toc.yml").read_text(encoding="utf-8"))
    contents = []
    for part in toc.get("parts", []):
        links = []
        for chapter in part["chapters"]:
            docname = chapter["file"]
            title = html.escape(chapter.get("title") or app.env.titles[docname].astext())  # the TOC's own, if any
            links.append(f'<li><a href="{html.escape(app.builder.get_target_uri(docname))}">{title}</a></li>')
        contents.append(f"<h2>{html.escape(part['caption'])}</h2>\n<ul>\n" + "\n".join(links) + "\n</ul>")
    language, other = book_language(app), other_language(app)
    other_root = "../" * SITE_FOLDERS[language].count("/") + SITE_FOLDERS[other]
    versions = {language: site_url(app), other: site_root(app) + SITE_FOLDERS[other]}
    alternates = "\n".join(
        f'<link rel="alternate" hreflang="{lang}" href="{html.escape(url)}">' for lang, url in sorted(versions.items())
    )
    opening = html.escape(opening)
    if language == "en":  # the article's Indonesian words, marked as such (WCAG 3.1.2)
        opening = opening.replace(ARTICLE_TOPIC, f'<i lang="id">{ARTICLE_TOPIC}</i>')
    words = materials.LABELS[language]
    guide = next((d for d in app.env.found_docs if d.rsplit("/", 1)[-1] == "instructor"), None)
    downloads = [
        (materials.handout(language), words["handout"]),
    ]
    if guide:
        downloads.append((app.builder.get_target_uri(guide) + "#teaching-materials", TEACHING[language]))
    text = LANDING.format(
        take_away=TAKE_AWAY[language],
        book_pdf=html.escape(materials.book_pdf(language)),
        book_pdf_text=html.escape(words["book_pdf"]),
        downloads="\n".join(f'<li><a href="{html.escape(to)}">{html.escape(name)}</a></li>' for to, name in downloads),
        footer=sphinx_about.footer_html(app, "index", app.config.html_title or app.config.project, first),
        lang=language,
        alternates=alternates,
        other=other,
        other_href=other_root or "./",
        other_text=OTHER_EDITION[other],
        title=html.escape(app.config.html_title or app.config.project),
        description=html.escape(description),
        opening=opening,
        icon=icon,
        first=html.escape(first),
        start=START_READING[language],
        contents="\n".join(contents),
    )
    (Path(app.outdir) / "index.html").write_text(text, encoding="utf-8")
    (Path(app.outdir) / ".nojekyll").touch()  # GitHub Pages deployed from a branch would drop _static/


TERMS = DATA_DIR / "terms.yaml"


def load_terms(path=TERMS) -> dict:
    """The book's terms (``terms.yaml``), checked: each has an English and an Indonesian word and a definition."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    seen = set()
    for number, term in enumerate(data.get("terms") or [], start=1):
        for fld in ("en", "id", "definition", "definition_id"):
            if not isinstance(term.get(fld), str) or not term[fld].strip():
                raise ExtensionError(f"{path}: term #{number} ({term.get('en')}), field '{fld}': missing or empty")
        if term["en"] in seen:
            raise ExtensionError(f"{path}: term #{number}, field 'en': '{term['en']}' is listed twice")
        seen.add(term["en"])
    return data


class GlossaryTerms(SphinxDirective):
    """The glossary, from ``terms.yaml``: each term with its definition and its word in the other language.

    In the Indonesian edition an entry is headed by the Indonesian term and then the English one, so that
    the pages' ``{term}`` references (whose targets are the English terms) find it; a term's ``note_id`` (why
    the book writes this Indonesian word rather than a common other one) follows its definition."""

    has_content = False

    def run(self):
        self.env.note_dependency(str(TERMS))
        terms = load_terms()["terms"]
        lines = ["```{glossary}"]
        if book_language(self.env.app) == "en":
            for term in sorted(terms, key=lambda t: t["en"].lower()):
                definition = " ".join(term["definition"].split())
                lines += [term["en"], f'  {definition} (Indonesian: <span lang="id">*{term["id"]}*</span>)', ""]
        else:
            for term in sorted(terms, key=lambda t: t["id"].lower()):
                definition = " ".join(term["definition_id"].split())
                if term.get("note_id"):  # why the book writes this word and not another one
                    definition += " *Catatan:* " + " ".join(term["note_id"].split())
                title = term["id"][:1].upper() + term["id"][1:]
                english = [term["en"]] if term["en"].lower() != term["id"].lower() else []
                lines += [title, *english, f"  {definition}", ""]
        lines.append("```")
        container = nodes.container(classes=["glossary-terms"])
        self.state.nested_parse(StringList(lines, source=str(TERMS)), self.content_offset, container)
        return [container]


def pub_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{pub}`key``` or ``{pub}`key:form```: a published value, written for the page's language."""
    language = book_language(inliner.document.settings.env.app)
    try:
        value, form = lookup(text)
        written = percent_sign(value.text(form, language), language)
    except (KeyError, ValueError) as exc:
        message = inliner.reporter.error(f"{{pub}}`{text}`: {exc.args[0]}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    return [nodes.inline(rawtext, written, classes=["published-value"])], []


def claim_count_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{claim-count}`all``` or ``{claim-count}`incorrect misleading```: how many claims of the ledger there are,
    or how many have one of these verdicts, counted when the page is built (prose never types a count of claims)."""
    inliner.document.settings.env.note_dependency(str(DEFAULT_LEDGER))
    keys = text.split()
    unknown = [key for key in keys if key not in VERDICTS and key != "all"]
    if not keys or unknown or ("all" in keys and len(keys) > 1):
        message = inliner.reporter.error(
            f"{{claim-count}}`{text}`: expected 'all' or verdicts of {', '.join(VERDICTS)}"
            + (f"; unknown: {', '.join(unknown)}" if unknown else ""),
            line=lineno,
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    claims = ledger().claims
    count = len(claims) if keys == ["all"] else sum(claim.verdict in keys for claim in claims)
    return [nodes.inline(rawtext, str(count), classes=["claim-count", *(f"claims-{key}" for key in keys)])], []


def frames_to_files(app, pagename, templatename, context, doctree):
    """Move the images that explorers and figures carry as data URIs into files of their own.

    A page then loads only the frame on show (and, once a reader touches an explorer, its
    neighbours), and frames are cached by the browser; each file is named by its content.
    """
    body = context.get("body") or ""
    if "data:image/" in body:
        folder = Path(app.outdir) / "_frames"
        context["body"] = data_uris_to_files(body, folder, lambda name: context["pathto"](f"_frames/{name}", 1))


def default_colour_mode(app, config):
    """Start pages in "auto" mode: without it, the theme writes an empty mode on a first visit and logs an
    error ("Got invalid theme mode") before it resets itself to auto."""
    config.html_context.setdefault("default_mode", "auto")


def drop_unused_scripts(app, pagename, templatename, context, doctree):
    """Remove the live-code (thebe) configuration: the book has no live-code button, and Jupyter Book 1
    writes that script twice, which every browser reports as an error (THEBE_JS_URL redeclared)."""
    scripts = context.get("script_files", [])
    context["script_files"] = [
        js
        for js in scripts
        if "THEBE_JS_URL" not in (getattr(js, "attributes", {}) or {}).get("body", "") and "sphinx-thebe" not in str(js)
    ]
    context["css_files"] = [css for css in context.get("css_files", []) if "sphinx-thebe" not in str(css)]


def defer_scripts(app, pagename, templatename, context, doctree):
    """Load every script file after the page is parsed (``defer``, in document order), so that none delays
    the first paint: on a phone over a slow connection a dozen scripts in the head held the text back by
    seconds. The inline scripts that stay (the theme's colour mode, the toggle buttons' settings) only set
    variables that the deferred scripts read later. The search page keeps its scripts as they are: the theme
    writes its search scripts there without ``defer``, and they need Sphinx's own to have run."""
    if pagename == "search":
        # result snippets from each page's article, not its buttons and contents list (book/_assets/search.js)
        context["script_files"] = [*context.get("script_files", []), _JavaScript("_static/search.js")]
        return
    context["script_files"] = [
        _JavaScript(js.filename, priority=js.priority, **(js.attributes | {"defer": "defer"}))
        if getattr(js, "filename", "") and not {"defer", "async"} & set(js.attributes)
        else js
        for js in context.get("script_files", [])
    ]


# the style sheets of the theme and extensions that purge_css trims (relative to _static; mystnb's name carries a hash)
PURGED_STYLES = ("styles/pydata-sphinx-theme.css", "sphinx-design.min.css", "mystnb.*.css", katex.STYLE)


def purge_styles(app, exception):
    """Keep only the style rules some page of the book can use (see ``purge_css``): the theme's style sheet
    goes from about 65 kB to 21 kB compressed, and a phone matches far fewer rules before the first paint."""
    if exception is not None or app.builder.format != "html":
        return
    site = Path(app.outdir)
    words = purge_css.site_words(site, skip=other_editions(app))
    for pattern in PURGED_STYLES:
        for sheet in (site / "_static").glob(pattern):
            sheet.write_text(purge_css.purge(sheet.read_text(encoding="utf-8"), words), encoding="utf-8")


def write_icons(app, exception):
    """Draw the theme's icons with _static/icons.css, and drop the Font Awesome script no page loads."""
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    script = static / "scripts" / "fontawesome.js"
    theme_copy = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / "scripts"
    source = (theme_copy / "fontawesome.js").read_text(encoding="utf-8")
    outdir = Path(app.outdir)
    pages = [
        p
        for p in outdir.rglob("*.html")
        if "_static" not in p.parts and p.relative_to(outdir).parts[0] not in other_editions(app)
    ]
    css = icons.icon_css(source, icons.used_icons(pages)) + icons.admonition_css(source)
    (static / "icons.css").write_text(css, encoding="utf-8")
    for unused in (script, script.with_name("fontawesome.js.map")):  # its licence file stays, for the icons
        unused.unlink(missing_ok=True)


# Extensions Jupyter Book always loads that do not declare whether they are parallel-safe (so Sphinx
# would read serially), each with why reading in parallel is safe, checked in their source.
PARALLEL_READ_SAFE = {
    # 0.1.3: it only replaces TocTreeCollector.assign_section_numbers, run in the main process after reading
    "sphinx_multitoc_numbering": "numbers sections after reading",
    # 1.0.0: its read-phase transform only marks nodes of the root document; no state in the environment
    "sphinx_jupyterbook_latex": "marks nodes of one document only",
}


def allow_parallel_read(app, config):
    """Let Sphinx read (and so execute notebooks) in parallel (``bookkit.build``)."""
    for name in PARALLEL_READ_SAFE:
        extension = app.extensions.get(name)
        if extension is not None and extension.parallel_read_safe is None:
            extension.parallel_read_safe = True


def static_files_changed(app, env, added, changed, removed):
    """Sphinx copies static files (CSS, scripts) only when it writes a page: when only an asset changed,
    rewrite the root page so that a warm build publishes the asset too."""
    out = Path(app.outdir) / "_static"
    for folder in app.config.html_static_path:
        source = Path(app.confdir) / folder
        for path in source.rglob("*") if source.is_dir() else ():
            copy = out / path.relative_to(source)
            if path.is_file() and (not copy.is_file() or path.stat().st_mtime > copy.stat().st_mtime + 1e-3):
                return [app.config.root_doc]
    return []


def note_notebook_dependencies(app, docname, source):
    """A notebook is read, and so executed, again when a module of the book it imports (directly or not) or a
    data file those modules read has changed since it was last read (``bookkit.dependencies``)."""
    path = Path(app.env.doc2path(docname))
    if path.suffix != ".ipynb":
        return
    try:
        found = notebook_dependencies(path, book_language(app))
    except DependencyError as exc:
        raise ExtensionError(str(exc)) from exc
    for dependency in sorted(found):  # relative to the source folder: the record survives a moved checkout
        app.env.note_dependency(os.path.relpath(dependency, app.srcdir))


SEARCH_BAR_TEXT = {"en": "Search this book...", "id": "Cari di buku ini..."}


THEME_CATALOGUE = Path(__file__).resolve().parent.parent / "book" / "locale" / "id" / "LC_MESSAGES" / "_theme.po"
THEME_DOMAINS = ("sphinx", "booktheme")  # pydata-sphinx-theme's words are in Sphinx's domain


def theme_words_in_indonesian(app, config):
    """Give the theme's words that no installed catalogue translates (``_theme.po``) their Indonesian: compiled
    into the build's folder and added behind Sphinx's and the themes' own catalogues, which keep priority."""
    if book_language(app) != "id":
        return
    with THEME_CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle, locale="id")
    folder = Path(app.doctreedir).parent / "locale"
    (folder / "id" / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    for domain in THEME_DOMAINS:
        with (folder / "id" / "LC_MESSAGES" / f"{domain}.mo").open("wb") as handle:
            write_mo(handle, catalogue)
        sphinx_locale.init([str(folder)], "id", domain)


FIXED_LABEL = re.compile(r'\b(title|aria-label)="([^"]+)"')


def translate_fixed_labels(app, exception):
    """The theme's labels that its templates write without ``_()`` (so no catalogue reaches them: the sidebar
    buttons' titles, the navigation's names), in Indonesian on the Indonesian edition's pages."""
    if exception is not None or app.builder.format != "html" or book_language(app) != "id":
        return
    with THEME_CATALOGUE.open("rb") as handle:
        words = {m.id: m.string for m in read_po(handle, locale="id") if m.id and m.string}
    for page in Path(app.outdir).glob("*.html"):
        text = page.read_text(encoding="utf-8")
        translated = FIXED_LABEL.sub(lambda m: f'{m.group(1)}="{words.get(m.group(2), m.group(2))}"', text)
        if translated != text:
            page.write_text(translated, encoding="utf-8")


def speak_the_book_language(app, config):
    """The kernels of the Indonesian edition's notebooks speak Indonesian (``musclebook.i18n``), and so do
    the figures this process draws; each Indonesian notebook also says so in its first, hidden cell. The
    search field's text (set by Jupyter Book, not translated by the theme) is in the edition's language."""
    os.environ[I18N_ENV] = book_language(app)
    config.html_theme_options["search_bar_text"] = SEARCH_BAR_TEXT[book_language(app)]


def launch_addresses(app, config):
    """Where the notebooks of the edition being built open live, for ``musclebook.launch`` in their kernels: the
    addresses of the theme's launch buttons (from ``_config.yml``), with ``{chapter}`` for the notebook's name."""
    options = config.html_theme_options
    repository = options["repository_url"].removeprefix("https://github.com/")
    branch, buttons = options.get("repository_branch", "main"), options.get("launch_buttons", {})
    language = book_language(app)
    folder = "book" if language == "en" else EDITION_ROOTS[language].relative_to(REPO).as_posix()
    notebook = f"{folder}/{{chapter}}.ipynb"
    os.environ[LAUNCH_ENV] = json.dumps(
        {
            "binder": f"{buttons['binderhub_url']}/v2/gh/{repository}/{branch}?urlpath=lab/tree/{notebook}",
            "colab": f"{buttons['colab_url']}/github/{repository}/blob/{branch}/{notebook}",
        }
    )


def setup(app):
    app.connect("env-get-outdated", static_files_changed)
    app.connect("source-read", note_notebook_dependencies)
    app.connect("config-inited", default_colour_mode)
    app.connect("config-inited", allow_parallel_read)
    app.add_css_file("icons.css")
    app.connect("build-finished", write_icons)
    app.connect("config-inited", speak_the_book_language)
    app.connect("config-inited", launch_addresses)
    app.connect("config-inited", theme_words_in_indonesian)
    app.connect("build-finished", translate_fixed_labels)
    app.connect("build-finished", purge_styles, priority=600)  # after every page and the landing page
    app.connect("build-finished", landing_page, priority=400)  # before sphinx-external-toc's one-line redirect
    app.connect("html-page-context", drop_unused_scripts)
    app.connect("html-page-context", defer_scripts, priority=900)
    # Explorers and self-checks executed by this build precompute their frames and write static HTML
    # (musclebook.explorer.static_build); the notebooks' kernels inherit this environment.
    os.environ[STATIC_ENV] = "1"
    app.add_js_file("explorer.js", loading_method="defer")
    app.connect("html-page-context", frames_to_files)
    app.add_role("pub", pub_role)
    app.add_role("claim-count", claim_count_role)
    app.add_directive("glossary-terms", GlossaryTerms)
    app.add_directive("claim-card", ClaimCard)
    app.add_directive("claim-ledger", ClaimLedger)
    app.add_directive("verdict-summary", VerdictSummary)
    app.add_directive("misconception-bank", MisconceptionBank)
    app.connect("builder-inited", lambda app: ledger())
    app.connect("html-page-context", page_metadata)
    app.connect("html-page-context", contents_levels)
    katex.setup(app)  # the equations, typeset while the book is built
    sphinx_about.setup(app)  # footer, download menu, {cite-this-book}, {teaching-materials}
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
