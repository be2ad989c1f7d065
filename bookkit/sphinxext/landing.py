"""The site's landing page, which offers both editions."""

from __future__ import annotations

import base64
import html
from pathlib import Path

from .. import materials, sphinx_about
from ..toc import read_toc
from ..translate import SITE_FOLDERS
from .common import book_language, other_language, site_root, site_url
from .editions import first_paragraph

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
    toc = read_toc(Path(app.confdir) / "_toc.yml")
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
