"""Each page of an edition: its counterparts in the other editions, its description, Open Graph tags and contents
levels."""

from __future__ import annotations

import html
import json

from docutils import nodes

from musclebook import i18n
from musclebook.i18n import N_
from musclebook.language import LANGUAGE_OF, SOURCE

from ..translate import SITE_FOLDERS, counterpart
from .claims import claim_reviews
from .common import SWITCH_LABEL, book_language, other_languages, site_root, site_url


def first_paragraph(doctree, limit: int = 200) -> str:
    """The page's first paragraph of some length, as plain text (without the raw HTML it may carry, such as
    the ``<span lang="id">`` of an Indonesian paragraph), cut at a word within ``limit`` characters."""
    for para in doctree.findall(nodes.paragraph):
        words = (t.astext() for t in para.findall(nodes.Text) if not isinstance(t.parent, nodes.raw))
        text = " ".join("".join(words).split())
        if len(text) > 60:
            return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "…"
    return ""


def counterpart_uri(app, pagename: str, other: str) -> tuple[str, str]:
    """The same page in the edition in ``other``: (its address relative to ``pagename``, its absolute address)."""
    language = book_language(app)
    docname = pagename  # a page Sphinx makes (search, genindex) has the same name in every edition
    if pagename in app.env.found_docs:
        english = pagename if language == SOURCE else counterpart(pagename, language)
        docname = english if other == SOURCE else counterpart(english, SOURCE)
    target = docname + ".html"
    up = "../" * (pagename.count("/") + SITE_FOLDERS[language].count("/"))
    return up + SITE_FOLDERS[other] + target, site_root(app) + SITE_FOLDERS[other] + target


def language_alternates(app, pagename, context) -> list[str]:
    """On every page: ``<link rel="alternate" hreflang>`` for every edition of it (the page itself too, as
    search engines ask) and, on a page with text, a visible switch at the top of the text."""
    language = book_language(app)
    others = {other: counterpart_uri(app, pagename, other) for other in other_languages(app)}
    own = site_url(app) + app.builder.get_target_uri(pagename)
    urls = {language: own} | {other: absolute for other, (_, absolute) in others.items()}
    tags = [f'<link rel="alternate" hreflang="{lang}" href="{html.escape(url)}">' for lang, url in sorted(urls.items())]
    if "body" in context:
        links = "".join(
            f'<a href="{html.escape(relative)}" lang="{other}" hreflang="{other}">{LANGUAGE_OF[other].name}</a>'
            for other, (relative, _) in others.items()
        )
        label = html.escape(i18n.template(SWITCH_LABEL, language))
        switch = f'<nav class="mb-languages" aria-label="{label}">{links}</nav>'
        context["body"] = switch + context["body"]
    return tags


# what the pages without text are, for their description
GENERATED_PAGES = {
    "genindex": N_("Index of the terms of {title}."),
    "search": N_("Search the pages of {title}."),
    None: N_("A page of {title}."),
}


def page_metadata(app, pagename, templatename, context, doctree):
    """A description and Open Graph tags on every page, and the links to the page in the other editions;
    ClaimReview JSON-LD on the English article page."""
    site_name = app.config.html_title or app.config.project
    alternates = language_alternates(app, pagename, context)
    if doctree is None:  # the index and search pages: a description that says what they are
        what = i18n.template(GENERATED_PAGES.get(pagename, GENERATED_PAGES[None]), book_language(app))
        context["metatags"] = context.get("metatags", "") + "\n".join(
            [f'<meta name="description" content="{html.escape(what.format(title=site_name))}">', *alternates]
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
        f'<meta property="og:locale" content="{LANGUAGE_OF[book_language(app)].locale}">',
    ]
    if app.env.metadata.get(pagename, {}).get("claim-ledger"):
        data = json.dumps(claim_reviews(url, app.config.author), ensure_ascii=False).replace("</", "<\\/")
        tags.append(f'<script type="application/ld+json">{data}</script>')
    context["metatags"] = context.get("metatags", "") + "\n".join(tags + alternates)


def contents_levels(app, pagename, templatename, context, doctree):
    """On a page that asks for it (the article page: ``{claim-ledger}``), the contents list beside the text (in a
    dialog on a phone) shows its subsections too, not only once the reader has scrolled into their section: every
    paragraph of the article is a jump point. The theme reads this when it writes the page's contents list."""
    levels = app.env.metadata.get(pagename, {}).get("contents-levels")
    if levels:
        context["theme_show_toc_level"] = int(levels)
