"""Make reveal.js slides for every chapter from the built book, with the cells chosen by slide metadata.

    python scripts/slides.py [SITE_DIR] [--edition id]

Run after ``make book`` (``make slides`` does both). For each chapter notebook, the cells whose
metadata says ``"slideshow": {"slide_type": "slide"}`` become slides, in order:

- a Markdown cell gives the slide its heading and, for the chapter's title cell, the list of
  objectives; for the summary cell, the summary list; for a section that states equations, its equations
  (typeset by KaTeX in the book, ``bookkit/katex.py``: the deck links KaTeX's style sheet and fonts from the
  book's ``_static``);
- a code cell gives its output as rendered in the book, or a self-check question. An explorer is drawn
  again for the projector (``PROJECTOR`` layout: the same panels in a smaller figure, so that shown
  across a 1280 x 720 slide its text is at least 20 px) with all its frames, its controls in a row
  above the figure. Its slide is titled with the heading of the section it sits in.

With ``--edition id`` the Indonesian edition's chapters (``book/id``, built into ``SITE_DIR/id``) get
their decks, in Indonesian (the explorers drawn again for the projector speak Indonesian too).

The slides are written next to the chapter pages (``book/<chapter>-slides.html``), so they use the
book's own copies of reveal.js and of its explorer script: they work offline, and the explorers
respond to the keyboard and mouse there as in the book. Press F for full screen, Esc for
an overview.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

import matplotlib
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
matplotlib.use("Agg")
from bookkit.materials import PAGES, deck, decks, slide_cells  # noqa: E402
from bookkit.site import data_uris_to_files  # noqa: E402
from bookkit.translate import EDITION_ROOTS, SITE_FOLDERS  # noqa: E402
from musclebook import i18n  # noqa: E402
from musclebook.explorer import PROJECTOR, StaticExplorer, book_specs  # noqa: E402
from musclebook.i18n import N_  # noqa: E402
from musclebook.language import SOURCE  # noqa: E402

STYLE = """
.reveal { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; font-size: 34px; }
.reveal .slides section { text-align: left; padding: 10px 28px; box-sizing: border-box; }
.reveal h1, .reveal h2 { font-weight: 600; color: #1a3c6e; margin-bottom: 0.4em; }
.reveal h1 { font-size: 1.9em; } .reveal h2 { font-size: 1.3em; }
.reveal ul, .reveal p { font-size: 0.8em; line-height: 1.35; }
.reveal li { margin-bottom: 0.3em; }
/* a section's equations, each with its number on the right, as in the book */
.reveal div.math { display: flex; flex-direction: row-reverse; align-items: center; gap: 0.5em; margin: 0.6em 0; }
.reveal div.math .eqno { font-size: 0.6em; color: #555; }
.reveal .mb-slide-output { font-size: 0.5em; max-width: 760px; margin: 0 auto; }
.reveal .mb-slide-output p, .reveal .mb-slide-output ul { font-size: 1em; }
.reveal .mb-slide-output img { max-height: 62vh; width: auto; }
/* an explorer fills the slide: controls in a row, large enough to use from a lectern, the figure below */
.reveal section:has(.mb-slide-explorer) h2 { font-size: 1.15em; margin-bottom: 0.15em; }
.reveal .mb-slide-output.mb-slide-explorer { max-width: none; font-size: 22px; }
.reveal .mb-slide-explorer .mb-explorer { border: 0; padding: 0; margin: 0; max-width: none; background: none; }
.reveal .mb-slide-explorer .mb-title { display: none; }
.reveal .mb-slide-explorer .mb-basis { font-size: 17px; margin: 0 0 0.3em; }
.reveal .mb-slide-explorer .mb-controls { display: flex; flex-direction: row; flex-wrap: wrap; gap: 0.2em 1.4em;
  align-items: center; justify-content: flex-start; margin: 0; }
.reveal .mb-slide-explorer .mb-controls > * { margin: 0; }
.reveal .mb-slide-explorer .mb-choice { flex-wrap: nowrap; }
.reveal .mb-slide-explorer .mb-choice legend { float: left; width: auto; margin: 0 0.5em 0 0; font-size: 22px; }
.reveal .mb-slide-explorer .mb-slider { grid-template-columns: max-content 280px 4.5rem; }
.reveal .mb-slide-explorer input[type=range] { width: 280px; height: 40px; }
.reveal .mb-slide-explorer .mb-option span { padding: 0.3em 0.7em; font-size: 22px; }
.reveal .mb-slide-explorer .mb-frame { margin: 0.2em 0 0; }
.reveal .mb-slide-explorer .mb-image, .reveal .mb-slide-explorer .mb-image img { width: 1000px; max-width: 100%;
  max-height: none; margin: 0 auto; }
.reveal .mb-slide-explorer figcaption { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
"""


def heading_of(cell: dict) -> str:
    for line in "".join(cell["source"]).splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip()
    raise ValueError(f"a Markdown slide cell has no heading: {''.join(cell['source'])[:60]!r}")


def plain(text: str) -> str:
    """Undo the typographic quotes Sphinx adds, so headings compare equal to their source."""
    for fancy, simple in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-")):
        text = text.replace(fancy, simple)
    return " ".join(text.replace("#", "").split())


def section_for(soup, heading: str):
    for h in soup.find_all(["h1", "h2", "h3"]):
        if plain(h.get_text(" ", strip=True)) == plain(heading):
            return h.find_parent("section")
    raise ValueError(f"heading {heading!r} not found in the built page")


def projector_explorers(output, specs: dict, frames: Path, up: str) -> bool:
    """Replace each explorer in ``output`` (a parsed cell output) by the same explorer drawn for the
    projector, its frames written to ``frames`` (``up``: the way from the deck to the site's root); whether
    there was one."""
    found = False
    for box in output.select(".mb-explorer[data-explorer]"):
        explorer = StaticExplorer(specs[box["data-explorer"]], layouts=(PROJECTOR,), verify=False)
        markup = data_uris_to_files(explorer.html, frames, lambda name: f"{up}_frames/{name}")
        box.replace_with(BeautifulSoup(markup, "html.parser"))
        found = True
    return found


def build_deck(notebook: Path, page: Path, site: Path, language: str = SOURCE) -> str:
    """The deck of one chapter, in ``language``, from its notebook and its built page in ``site``."""
    up = "../" * (len(page.relative_to(site).parts) - 1)  # from the page to the edition's root
    specs = {spec.key: spec for spec in book_specs()}
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    main = soup.find("article") or soup
    for link in main.select("a.headerlink"):
        link.decompose()
    code_cells = main.select("div.cell")
    slides = []
    for code_index, cell in slide_cells(notebook):
        if code_index < 0:
            heading = heading_of(cell)
            section = section_for(main, heading)
            lists = section.find_all("ul", recursive=False) or section.find_all("ul")
            equations = section.find_all("div", class_="math", recursive=False)
            body = "".join(map(str, equations)) if equations else str(lists[0]) if lists else ""
            tag = "h1" if "".join(cell["source"]).lstrip().startswith("# ") else "h2"
            slides.append(f"<section><{tag}>{html.escape(heading)}</{tag}>{body}</section>")
        else:
            if code_index >= len(code_cells):
                raise ValueError(f"{notebook.name}: code cell {code_index} is not in the built page")
            out = code_cells[code_index].select_one(".cell_output") or code_cells[code_index]
            kind = "mb-slide-output"
            if projector_explorers(out, specs, site / "_frames", up):
                kind += " mb-slide-explorer"
            section = code_cells[code_index].find_parent("section")
            title = section.find(["h2", "h3"]).get_text(" ", strip=True) if section else notebook.stem
            slides.append(f'<section><h2>{html.escape(title)}</h2><div class="{kind}">{out}</div></section>')
    if not slides:
        raise ValueError(f"{notebook.name}: no cell is marked as a slide")
    title = soup.title.get_text() if soup.title else notebook.stem
    typeset = 'class="katex' in "".join(slides)  # equations: KaTeX's style sheet (and through it its fonts)
    katex = f'<link rel="stylesheet" href="{up}_static/katex/katex.min.css">\n' if typeset else ""
    return f"""<!doctype html>
<html lang="{language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} ({i18n.template(SLIDES, language)})</title>
<link rel="icon" href="{up}_static/favicon.png">
<link rel="stylesheet" href="{up}_static/reveal/reveal.css">
<link rel="stylesheet" href="{up}_static/book.css">
{katex}<style>{STYLE}</style>
<script src="{up}_static/reveal/reveal.js"></script>
<script src="{up}_static/explorer.js" defer></script>
</head><body>
<div class="reveal"><div class="slides">
{"".join(slides)}
</div></div>
<script>Reveal.initialize({{hash: true, width: 1280, height: 720, margin: 0, center: false}});</script>
</body></html>
"""


SLIDES = N_("slides")  # after the chapter's title, in the deck's title


def main(argv: list[str]) -> None:
    language = SOURCE
    if "--edition" in argv:
        at = argv.index("--edition")
        language, argv = argv[at + 1], argv[:at] + argv[at + 2 :]
        if language not in EDITION_ROOTS:
            sys.exit(f"slides: no edition {language!r}; the editions are {', '.join(EDITION_ROOTS)}")
    folder = SITE_FOLDERS[language]
    site = (Path(argv[1]) if len(argv) > 1 else REPO / "_build" / "html") / folder
    if not (site / "_static" / "reveal" / "reveal.js").is_file():
        sys.exit(f"slides: {site}/_static/reveal/reveal.js is missing; build the book first (make book)")
    notebooks = decks(language)
    if not notebooks:
        sys.exit("slides: no chapter has cells marked as slides")
    for notebook in notebooks:
        page = site / f"{PAGES[language]}{notebook.stem}.html"
        out = site / deck(notebook.stem, language)
        with i18n.speaking(language):
            out.write_text(build_deck(notebook, page, site, language), encoding="utf-8")
        print(f"slides: {out.relative_to(site)}")


if __name__ == "__main__":
    main(sys.argv)
