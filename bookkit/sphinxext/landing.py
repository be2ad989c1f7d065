"""The site's landing page, which offers both editions."""

from __future__ import annotations

import base64
import html
from pathlib import Path

from musclebook import i18n
from musclebook.i18n import N_
from musclebook.language import ARTICLE

from .. import materials, sphinx_about
from ..toc import read_toc
from ..translate import SITE_FOLDERS
from .common import book_language, other_languages, site_root, site_url
from .editions import first_paragraph

TEMPLATE = "landing.html"  # book/_templates/landing.html, in the templates path of both editions

WORDS = {
    "start": N_("Start reading"),
    "take_away": N_("To print, to read offline, to teach with"),
    "teaching": N_("Teaching materials: slides, the handout and every page as PDF"),
    "other_edition": N_("English: this book in English"),  # in the other edition's language
}
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
    toc = read_toc(Path(app.confdir) / "_toc.yml")
    parts = [
        {
            "caption": part["caption"],
            "links": [
                # the table of contents' own title of a chapter, if it gives one
                (app.builder.get_target_uri(c["file"]), c.get("title") or app.env.titles[c["file"]].astext())
                for c in part["chapters"]
            ],
        }
        for part in toc.get("parts", [])
    ]
    language, others = book_language(app), other_languages(app)
    title = app.config.html_title or app.config.project
    up = "../" * SITE_FOLDERS[language].count("/")
    versions = {language: site_url(app)} | {other: site_root(app) + SITE_FOLDERS[other] for other in others}
    opening = html.escape(opening)
    if language != ARTICLE:  # the article's Indonesian words, marked as such (WCAG 3.1.2)
        opening = opening.replace(ARTICLE_TOPIC, f'<i lang="{ARTICLE}">{ARTICLE_TOPIC}</i>')
    words = materials.labels(language) | i18n.words(WORDS, language)
    guide = next((d for d in app.env.found_docs if d.rsplit("/", 1)[-1] == "instructor"), None)
    downloads = [(materials.handout(language), words["handout"])]
    if guide:
        downloads.append((app.builder.get_target_uri(guide) + "#teaching-materials", words["teaching"]))
    text = app.builder.templates.render(
        TEMPLATE,
        {
            "lang": language,
            "title": title,
            "description": description,
            "icon": icon,
            "alternates": sorted(versions.items()),
            "opening": opening,  # HTML
            "first": first,
            "start": words["start"],
            "book_pdf": materials.book_pdf(language),
            "book_pdf_text": words["book_pdf"],
            "others": [
                (other, up + SITE_FOLDERS[other] or "./", i18n.template(WORDS["other_edition"], other))
                for other in others
            ],
            "parts": parts,
            "take_away": words["take_away"],
            "downloads": downloads,
            "footer": sphinx_about.footer_html(app, "index", title, first),  # HTML
        },
    )
    (Path(app.outdir) / "index.html").write_text(text + "\n", encoding="utf-8")  # Jinja drops the last newline
    (Path(app.outdir) / ".nojekyll").touch()  # GitHub Pages deployed from a branch would drop _static/
