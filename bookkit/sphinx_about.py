"""The book's pages say what the book is and where its materials are (part of ``bookkit.sphinxext``).

- **A footer on every page** (the theme's ``footer_content_items``, ``book/_templates/mb-footer.html``): the
  licence (CC BY 4.0 for text and figures, linked; MIT for the code), the version and build date, "Cite this
  book" and "Report an error" (a new issue in the repository of ``_config.yml``, prefilled with the page's
  address, edition and version). The facts come from ``CITATION.cff`` (``bookkit.about``).
- **The download menu** of every page of the table of contents: this page as a typeset PDF, the whole book as
  PDF, the claim-by-claim handout and, for a chapter with a deck, its slides (``bookkit.materials``).
- ``{cite-this-book}``: the book's reference, in text and as BibTeX, made from ``CITATION.cff``.
- ``{teaching-materials}``: every deck and PDF of both editions, one row per page of the book.
"""

from __future__ import annotations

import functools
import html
import re

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from musclebook.language import LANGUAGE_OF, LANGUAGES, SOURCE

from . import about, materials
from .ledger import claim_anchor


def book_language(app) -> str:
    from .sphinxext import book_language as language

    return language(app)


@functools.cache
def _book(repository: str, language: str) -> about.Book:
    try:
        return about.load(repository=repository, language=language)
    except about.AboutError as exc:
        raise ExtensionError(str(exc)) from exc


def book_facts(app) -> about.Book:
    """The book as ``CITATION.cff`` describes it, with the repository of ``_config.yml``."""
    repository = app.config.html_theme_options.get("repository_url", "").rstrip("/")
    if not repository:
        raise ExtensionError("_config.yml: repository.url is not set; the footer's 'Report an error' needs it")
    return _book(repository, book_language(app))


def page_url(app, pagename: str) -> str:
    """The published address of a page of the edition being built."""
    return about.edition_url(book_facts(app), book_language(app)) + app.builder.get_target_uri(pagename)


def plain_title(title: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", title or "")).strip()


def footer_html(app, pagename: str, title: str, introduction: str) -> str:
    """The footer's lines, in the edition's language; ``introduction``: the link from the page to the book's
    introduction, which holds "Cite this book"."""
    book, language = book_facts(app), book_language(app)
    w = about.words(language)
    branch = app.config.html_theme_options.get("repository_branch") or "main"
    cc = f'<a rel="license" href="{about.deed(language)}">CC BY 4.0</a>'
    mit = f'<a href="{book.repository}/blob/{branch}/LICENSE">MIT</a>'
    cite = introduction + "#cite-this-book"
    report = about.report_url(book, language, title, page_url(app, pagename))
    version = w["version"].format(version=html.escape(book.version), date=about.date_text(book.built, language))
    return (
        f'<div class="mb-about" lang="{language}">'
        f'<p class="mb-licence">{html.escape(", ".join(book.authors))} · '
        f"{w['licence'].format(cc=cc, mit=mit)}</p>"
        f'<p class="mb-version"><time datetime="{book.built.isoformat()}">{version}</time></p>'
        f'<p class="mb-actions"><a class="mb-cite" href="{html.escape(cite)}">{w["cite"]}</a> · '
        f'<a class="mb-report" href="{html.escape(report)}">{w["report"]}</a></p>'
        "</div>"
    )


def claim_report_link(app, claim_id: str, quote: str, language: str) -> str:
    """The "Report an error" link of a claim card: a new issue about this claim, on the article page's address."""
    book = book_facts(app)
    w = about.words(language)
    url = about.edition_url(book, language) + f"{materials.PAGES[language]}{materials.ARTICLE}.html#"
    url += claim_anchor(claim_id, language)
    href = about.report_url(book, language, "", url, claim=(claim_id, quote))
    label = w["report_claim"].format(id=claim_id)
    return f'<a class="mb-report" href="{html.escape(href)}" aria-label="{html.escape(label)}">{w["report"]}</a>'


def add_footer(app, pagename, templatename, context, doctree):
    title = plain_title(context.get("title", ""))
    introduction = context["pathto"](app.config.root_doc)
    context["mb_footer"] = footer_html(app, pagename, title, "" if introduction == "#" else introduction)


def _stem(app, pagename: str) -> str | None:
    """The page's name in the book (``twitch``), or None for a page that is not the book's (search, index)."""
    if pagename not in app.env.found_docs:
        return None
    return pagename.rsplit("/", 1)[-1]


@functools.cache
def _deck(source: str) -> bool:
    from pathlib import Path

    return materials.has_deck(Path(source))


def download_menu(app, pagename, templatename, context, doctree):
    """The download menu of a page of the book: this page as typeset PDF (instead of the browser's print
    dialog), the whole book as PDF, the claim handout and, where the chapter has one, its slide deck."""
    stem = _stem(app, pagename)
    if stem is None:
        return
    groups = [b for b in context.get("header_buttons", []) if b.get("label") == "download-buttons"]
    if not groups:
        return
    language, pathto = book_language(app), context["pathto"]
    words = materials.labels(language)

    def link(label, path, icon, text, tip):
        return {"type": "link", "url": pathto(path, 1), "text": text, "tooltip": tip, "icon": icon, "label": label}

    buttons = [b for b in groups[0]["buttons"] if b.get("label") != "download-pdf-button"]
    buttons.append(
        link(
            "download-page-pdf",
            materials.page_pdf(stem, language),
            "fas fa-file-pdf",
            words["page_pdf"],
            words["page_pdf_tip"],
        )
    )
    buttons.append(
        link("download-book-pdf", materials.book_pdf(language), "fas fa-book", words["book_pdf"], words["book_pdf_tip"])
    )
    if _deck(str(app.env.doc2path(pagename))):
        buttons.append(
            link(
                "download-slides",
                materials.deck(stem, language),
                "fas fa-person-chalkboard",
                words["slides"],
                words["slides_tip"],
            )
        )
    if stem != materials.ARTICLE:
        buttons.append(
            link(
                "download-handout",
                materials.handout(language),
                "fas fa-file-lines",
                words["handout"],
                words["handout_tip"],
            )
        )
    groups[0]["buttons"] = buttons


def footer_template(app, config):
    """The theme's footer (author, "© Copyright") gives way to the book's (``mb-footer.html``)."""
    config.html_theme_options["footer_content_items"] = ["mb-footer.html"]
    config.html_show_copyright = False


class CiteThisBook(SphinxDirective):
    """The book's reference, from ``CITATION.cff``: as text, and as BibTeX to copy."""

    has_content = False

    def run(self):
        app = self.env.app
        self.env.note_dependency(str(about.CITATION))
        book, language = book_facts(app), book_language(app)
        authors, title, kind, url = (html.escape(part) for part in about.citation_parts(book, language))
        # the title is the book's own, in English (CITATION.cff): marked as English on the Indonesian page
        paragraph = nodes.raw(
            "",
            f'<p class="mb-citation">{authors} <cite lang="{SOURCE}">{title}</cite> {kind} '
            f'<a href="{url}">{url}</a></p>',
            format="html",
        )
        block = nodes.literal_block(about.bibtex(book, language), about.bibtex(book, language), language="bibtex")
        return [paragraph, block]


class teaching_materials(nodes.General, nodes.Element):
    """Where the table of every deck and PDF goes, once every page's title is known."""


class TeachingMaterials(SphinxDirective):
    """``{teaching-materials}``: the table of every deck and PDF; with ``:take-away:``, only the whole book and the
    handout, as a list (the landing page)."""

    has_content = False
    option_spec = {"take-away": directives.flag}

    def run(self):
        return [teaching_materials(take_away="take-away" in self.options)]


def _links(app, fromdoc: str, path_of, language: str, *, exists: bool = True):
    """The links to one material in every edition, from the page ``fromdoc`` (the page's own edition first), each
    named in its own language."""
    found = []
    for edition in (language, *[e for e in LANGUAGES if e != language]):
        path = path_of(edition)
        if path is None:
            continue
        href = materials.from_page(path, edition, language)
        depth = fromdoc.count("/") - materials.PAGES[language].count("/")
        href = "../" * depth + href
        name = LANGUAGE_OF[edition].name
        found.append(
            nodes.raw(
                "",
                f'<a class="mb-material" href="{html.escape(href)}" hreflang="{edition}" lang="{edition}">{name}</a>',
                format="html",
            )
        )
    return found


def _cell(*children) -> nodes.entry:
    entry = nodes.entry()
    paragraph = nodes.paragraph()
    for n, child in enumerate(children):
        if n:
            paragraph += nodes.Text(" · ")
        paragraph += child
    entry += paragraph
    return entry


def _table(header: list[str], rows: list[list[nodes.entry]]) -> nodes.table:
    table = nodes.table(classes=["mb-materials"])
    group = nodes.tgroup(cols=len(header))
    table += group
    for _ in header:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    row = nodes.row()
    for text in header:
        row += _cell(nodes.Text(text))
    head += row
    group += head
    body = nodes.tbody()
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            row += cell
        body += row
    group += body
    return table


def fill_teaching_materials(app, doctree, fromdoc):
    """Every page of the book with its slide deck (where it has one) and its PDF, in every edition; then the
    handout and the whole book."""
    placeholders = list(doctree.findall(teaching_materials))
    if not placeholders:
        return
    language = book_language(app)
    words = materials.labels(language)
    for placeholder in [p for p in placeholders if p.get("take_away")]:
        listing = nodes.bullet_list(classes=["mb-take-away"])
        for label, path_of in (("book_pdf", materials.book_pdf), ("handout", materials.handout)):
            item = nodes.list_item()
            item += _cell(nodes.strong(text=words[label]), *_links(app, fromdoc, path_of, language)).children
            listing += item
        placeholder.replace_self(listing)
        placeholders.remove(placeholder)
    if not placeholders:
        return
    sources = materials.pages(language)
    # the other editions' pages, by name: a page has a deck in an edition whose page has one
    editions = {e: {s.stem: s for s in materials.pages(e)} for e in LANGUAGES if e != language}
    rows = []
    for source in sources:
        stem = source.stem
        docname = next((d for d in app.env.found_docs if d.rsplit("/", 1)[-1] == stem), None)
        if docname is None:
            raise ExtensionError(f"{{teaching-materials}}: the page {source} is not in the book being built")
        title = app.env.titles[docname].astext()
        page = nodes.reference(title, title, refuri=app.builder.get_relative_uri(fromdoc, docname))
        decks = {language: materials.has_deck(source)}
        decks |= {e: stem in pages and materials.has_deck(pages[stem]) for e, pages in editions.items()}
        slides = _links(app, fromdoc, lambda e, s=stem, d=decks: materials.deck(s, e) if d[e] else None, language)
        pdfs = _links(app, fromdoc, lambda e, s=stem: materials.page_pdf(s, e), language)
        rows.append([_cell(page), _cell(*slides) if slides else _cell(nodes.Text(words["no_deck"])), _cell(*pdfs)])
    rows.append(
        [
            _cell(nodes.strong(text=words["handout"])),
            _cell(nodes.Text(words["no_deck"])),
            _cell(*_links(app, fromdoc, materials.handout, language)),
        ]
    )
    rows.append(
        [
            _cell(nodes.strong(text=words["book_pdf"])),
            _cell(nodes.Text(words["no_deck"])),
            _cell(*_links(app, fromdoc, materials.book_pdf, language)),
        ]
    )
    table = _table([words["chapter"], words["slides"], "PDF"], rows)
    for placeholder in placeholders:
        placeholder.replace_self(table.deepcopy())


def skip_node(self, node):
    raise nodes.SkipNode


def footer_depends_on_citation(app, doctree):
    """Every page's footer says the version of ``CITATION.cff``: a change there rewrites every page."""
    app.env.note_dependency(str(about.CITATION))


def setup(app):
    app.add_css_file("print.css", media="print")  # the book on paper: book/_assets/print.css
    app.connect("doctree-read", footer_depends_on_citation)
    app.connect("config-inited", footer_template)
    app.connect("html-page-context", add_footer)
    app.connect("html-page-context", download_menu, priority=600)  # after the theme's buttons (501)
    app.add_directive("cite-this-book", CiteThisBook)
    app.add_directive("teaching-materials", TeachingMaterials)
    app.add_node(teaching_materials, html=(skip_node, None), latex=(skip_node, None), text=(skip_node, None))
    app.connect("doctree-resolved", fill_teaching_materials)
