"""The built book on paper: its pages, the claim handout and the whole book as typeset PDFs, printed offline by
headless Chromium with the book's print styles (``book/_assets/print.css``).

A page is printed as the web page a reader sees, made ready for paper in the browser (``PREPARE``): the
dropdowns opened (the Indonesian corrections, the article as published), every explorer at its start view with
its text alternative beneath and a line saying where it can be moved, the references the page cites appended in
full (from the book's reference page), and the page's footer left to the running footer that Chromium prints
on every sheet: the book's title, the page's address, the version, build date and licence, and the page number.

The whole book is one document assembled in the browser from every page of the edition, in the order of its
table of contents, with every style sheet they link (KaTeX's, for the equations) (``ASSEMBLE``): a title page
(title, authors, version, licence, how to cite), the contents with page numbers, then every page, each from a
new sheet, its links turned into links inside the PDF, its citations into links to the book's references at the
end. The contents' page numbers are found by printing once and reading where each page begins from the PDF's
outline (Chromium makes it from the headings), then printing again with the numbers in place (the contents keep
their size, so nothing moves).

Nothing is fetched from outside the site: any such request is blocked and reported, and so is an error that a
page reports. Errors name the page.
"""

from __future__ import annotations

import html
import io
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from musclebook import i18n
from musclebook.i18n import N_

from . import about, materials, toc
from .site import launch_chromium, serve
from .translate import SITE_FOLDERS

#: A4 with room at the foot for the running footer (two lines and the page number).
PAPER = {"format": "A4", "margin": {"top": "15mm", "bottom": "20mm", "left": "15mm", "right": "15mm"}}

#: The words of the printed pages, in English; the catalogues translate them (``musclebook.i18n``).
WORDS = {
    "page": N_("Page {number} of {total}"),
    "references": N_("References"),
    "explorer": N_("In the web book this figure is an explorer: move its controls at {url}"),
    "contents": N_("Contents"),
    "typeset": N_(
        "This is the typeset copy of the web book at {url}. There, every figure with controls is an explorer "
        "you can move; here each is shown at its starting view, with the sentence that describes it beneath."
    ),
    "cite_as": N_("Cite as:"),
    "licence": N_(
        "Text and figures: CC BY 4.0 ({cc}); code: MIT. The Indonesian article the book checks is its "
        "authors' work, not covered by this licence: it is quoted in order to check it."
    ),
    "not_advice": N_("Education, not medical advice."),
}


def words(language: str) -> dict[str, str]:
    """The words of the printed pages in ``language``."""
    return i18n.words(WORDS, language)


class PrintError(RuntimeError):
    """A page could not be printed as it should; the message names the page."""


# ------------------------------------------------------------------ in the browser

PRINT_DIR = Path(__file__).resolve().parent / "print"  # what runs in the page, as files: JavaScript and CSS

#: Makes a loaded page ready for paper. Argument: {explorer, references, cite, base}: the explorer line (with
#: {url}), the heading of the references, whether to append them, the page's published address.
PREPARE = (PRINT_DIR / "prepare.js").read_text(encoding="utf-8")

#: Builds the whole book in the first page's place. Argument: {pages: [{path, stem, part}], front, base}.
ASSEMBLE = (PRINT_DIR / "assemble.js").read_text(encoding="utf-8")

#: Styles of the whole book's own parts (title page, contents, one chapter per sheet).
BOOK_STYLE = (PRINT_DIR / "book.css").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Footer:
    """What the running footer of every sheet says: the title, an address, and the page number."""

    title: str
    url: str
    language: str

    def template(self, book: about.Book) -> str:
        w = about.words(self.language)
        version = w["version"].format(version=book.version, date=about.date_text(book.built, self.language))
        page = words(self.language)["page"].format(
            number='<span class="pageNumber"></span>', total='<span class="totalPages"></span>'
        )
        e = html.escape
        return (
            "<div style=\"font: 7.5pt/1.35 'Noto Sans', 'DejaVu Sans', sans-serif; color: #444; width: 100%;"
            ' margin: 0 15mm; display: flex; justify-content: space-between; align-items: flex-end; gap: 6mm;">'
            f"<div>{e(self.title)} · {e(self.url)}<br>{e(version)} · {e(about.licence_names(book))}</div>"
            f'<div style="white-space: nowrap;">{page}</div></div>'
        )


class Printer:
    """Headless Chromium over the served site: opens a page of an edition, makes it ready, prints it."""

    def __init__(self, site: Path, playwright):
        self.site = Path(site)
        self.books = {}  # the book's facts, in each edition's words (bookkit.about.load)
        self._playwright = playwright
        self.outside: list[str] = []
        self.errors: list[str] = []

    @contextmanager
    def running(self):
        with serve(self.site) as root:
            self.root = root + "/"
            self.browser = launch_chromium(self._playwright)
            try:
                yield self
            finally:
                self.browser.close()

    def _page(self, path: str):
        if not (self.site / path).is_file():
            raise PrintError(f"{self.site / path} does not exist; build the book first (make book)")
        page = self.browser.new_page(viewport={"width": 1280, "height": 900})

        def route(r):
            if r.request.url.startswith((self.root, "data:")):
                r.continue_()
            else:
                self.outside.append(f"{path}: {r.request.url}")
                r.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda e: self.errors.append(f"{path}: {e}"))
        page.goto(self.root + path, wait_until="networkidle")
        page.emulate_media(media="print")
        return page

    def book(self, language: str) -> about.Book:
        if language not in self.books:
            self.books[language] = about.load(language=language)
        return self.books[language]

    def _pdf(self, page, footer: Footer, outline: bool = True) -> bytes:
        return page.pdf(
            **PAPER,
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=footer.template(self.book(footer.language)),
            outline=outline,
            tagged=True,
        )

    def _check(self):
        if self.outside:
            raise PrintError(f"pages tried to load from outside the site: {self.outside[:5]}")
        if self.errors:
            raise PrintError(f"pages reported errors: {self.errors[:5]}")

    def page(self, path: str, language: str, out: Path) -> int:
        """Print one page (``book/twitch.html``, ``id/twitch.html``) with the references it cites; return its sheets."""
        page = self._page(path)
        try:
            base = self.book(language).site + path
            printed = words(language)
            try:
                page.evaluate(
                    PREPARE,
                    {
                        "explorer": printed["explorer"],
                        "references": not path.endswith("bibliography.html"),
                        "heading": html.escape(printed["references"]),
                        "base": base,
                    },
                )
            except Exception as exc:  # an error thrown in the page: name the page
                raise PrintError(f"{path}: {exc}") from exc
            title = page.evaluate("(document.querySelector('article h1') || {textContent: ''}).textContent.trim()")
            data = self._pdf(page, Footer(title.rstrip("#").strip(), base, language))
        finally:
            page.close()
        self._check()
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        return sheets(data)

    def _assembled(self, language: str, starts: dict[str, int]):
        """A fresh page holding the whole edition, the contents numbered with ``starts``; (page, title, stems)."""
        sources = materials.pages(language)
        folder = SITE_FOLDERS[language] + materials.PAGES[language]
        parts = part_of_pages(language)
        page = self._page(folder + f"{sources[0].stem}.html")
        title = page.evaluate("document.title.split(' — ').pop().trim()")
        try:
            titles = page.evaluate(
                ASSEMBLE,
                {
                    "pages": [{"path": f"{s.stem}.html", "stem": s.stem, "part": parts[s.stem]} for s in sources],
                    "front": front_matter(self.book(language), language, title),
                    "base": self.book(language).site,
                    "folder": folder,
                    "explorer": words(language)["explorer"],
                    "starts": starts,
                },
            )
        except Exception as exc:
            page.close()
            raise PrintError(f"{folder}: the whole book could not be assembled: {exc}") from exc
        if len(titles) != len(sources):
            page.close()
            raise PrintError(f"{folder}: {len(titles)} pages assembled, {len(sources)} in the table of contents")
        page.add_style_tag(content=BOOK_STYLE)
        return page, title, [s.stem for s in sources]

    def whole_book(self, language: str, out: Path) -> tuple[int, dict[str, int]]:
        """Print the whole edition as one book; return its sheets and where each page begins (1-based).

        Each print is of a freshly assembled page: printing the same page a second time, Chromium 156 now and
        then left out the last page's destination and outline entry."""
        from pypdf import PdfReader

        starts: dict[str, int] = {}
        for _ in range(4):  # the contents keep their size, so the second print is normally the last
            page, title, stems = self._assembled(language, starts)
            try:
                data = self._pdf(page, Footer(title, about.edition_url(self.book(language), language), language))
            finally:
                page.close()
            found = chapter_starts(PdfReader(io.BytesIO(data)), stems)
            if found == starts:
                break
            starts = found
        else:
            raise PrintError(f"{language} edition: the contents' page numbers did not settle")
        self._check()
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        return sheets(data), starts


def sheets(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def chapter_starts(reader, stems: list[str]) -> dict[str, int]:
    """Where each page of the book begins (1-based): the sheet of its named destination, ``chapter-<stem>``, which
    Chromium writes for the target of each link of the contents."""
    destinations = reader.named_destinations
    missing = [stem for stem in stems if f"/chapter-{stem}" not in destinations]
    if missing:
        raise PrintError(f"the printed book has no destination for the pages {', '.join(missing)}")
    return {stem: reader.get_destination_page_number(destinations[f"/chapter-{stem}"]) + 1 for stem in stems}


def part_of_pages(language: str) -> dict[str, str]:
    """The part (its caption in the edition's table of contents) of every page; the first page has none."""
    from .translate import EDITION_ROOTS

    return toc.part_of_pages(EDITION_ROOTS[language] / "_toc.yml")


def front_matter(book: about.Book, language: str, title: str) -> str:
    """The title page and the (empty) contents of the whole book, in the edition's language."""
    printed, w = words(language), about.words(language)
    e = html.escape
    url = about.edition_url(book, language)
    version = w["version"].format(version=book.version, date=about.date_text(book.built, language))
    authors, cited_title, kind, address = about.citation_parts(book, language)
    return (
        '<section class="mb-print-title">'
        f'<p class="mb-book-title">{e(title)}</p>'
        f'<p class="mb-book-subtitle">{e(", ".join(book.authors))}</p>'
        f"<p>{e(version)}</p>"
        f'<p class="mb-small">{e(printed["typeset"].format(url=url))}</p>'
        f'<p class="mb-small">{e(printed["licence"].format(cc=about.deed(language)))}</p>'
        f'<p class="mb-small"><strong>{e(printed["cite_as"])}</strong> {e(authors)} <cite lang="en">{e(cited_title)}'
        f"</cite> {e(kind)} {e(address)}</p>"
        f'<p class="mb-small"><strong>{e(printed["not_advice"])}</strong></p>'
        "</section>"
        f'<nav class="mb-print-contents"><h2>{e(printed["contents"])}</h2><ol></ol></nav>'
    )


@contextmanager
def printer(site: Path):
    """A ``Printer`` over ``site``, with Chromium running (a clear error if it is not installed)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        try:
            chromium = Printer(site, p)
            with chromium.running():
                yield chromium
        except FileNotFoundError as exc:
            raise PrintError(str(exc)) from exc


def timed(label: str, action, *args):
    start = time.perf_counter()
    result = action(*args)
    print(f"{label} ({time.perf_counter() - start:.1f} s)", flush=True)
    return result


def command_line(argv: list[str], command: str, default_site: Path) -> tuple[Path, list[str]]:
    """The site and the editions a printing command is asked for: ``command [SITE_DIR] [--edition CODE]``
    (every edition unless one is named); exits naming the command for an unknown edition."""
    from .translate import EDITION_ROOTS

    languages = list(EDITION_ROOTS)
    if "--edition" in argv:
        at = argv.index("--edition")
        languages, argv = [argv[at + 1]], argv[:at] + argv[at + 2 :]
        if languages[0] not in EDITION_ROOTS:
            raise SystemExit(f"{command}: no edition {languages[0]!r}; the editions are {', '.join(EDITION_ROOTS)}")
    return (Path(argv[1]) if len(argv) > 1 else default_site), languages
