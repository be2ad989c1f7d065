"""What the published site offers to take away and to trust, read from the site CI publishes: every slide deck and
PDF where the pages link to it, the handout and the typeset book as a reader prints them, and on every page the
licence, version, build date, "Cite this book" and "Report an error".

``make test`` builds the site with ``make materials``; the decks themselves are opened in a browser by
``tests/test_lecture_kit.py``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from bookkit import about, katex, materials
from bookkit.printing import words as print_words
from bookkit.translate import SITE_FOLDERS

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.build
LANGUAGES = ("en", "id")
BOOK = about.load()
REPOSITORY = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))["repository"]["url"].rstrip("/")


def page_files(site: Path, language: str) -> list[tuple[str, Path]]:
    """(name, built file) of every page of an edition's table of contents."""
    folder = site / SITE_FOLDERS[language] / materials.PAGES[language]
    return [(source.stem, folder / f"{source.stem}.html") for source in materials.pages(language)]


@functools.cache
def soup(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@functools.cache
def pdf_pages(path: Path) -> tuple[str, ...]:
    """The text of each page of a PDF, as poppler's pdftotext reads it (``make browser`` installs it)."""
    assert path.is_file(), f"{path} is missing: `make materials` prints it"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return tuple(text.stdout.split("\f")[:-1])  # every page ends with a form feed


def flat(text: str) -> str:
    """Text as a PDF's extraction gives it, for searching: ligatures undone, lines joined, hyphens at line ends
    kept (a line of the PDF may end at a hyphen of the text)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).replace("-\n", "-")).strip()


# ------------------------------------------------------------------ every material, where it is linked


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_deck_and_pdf_is_in_the_site(built_book, language):
    site, _ = built_book
    found = materials.all_materials(language)
    assert len([k for k in found if k.startswith("slides")]) >= 9, found  # every chapter with a model has a deck
    missing = [path for path in found.values() if not (site / path).is_file()]
    assert not missing, f"linked but not in the site (make materials): {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_links_its_materials_and_every_link_resolves_inside_the_site(built_book, language):
    site, _ = built_book
    for stem, path in page_files(site, language):
        menu = soup(path).select("a[href]")
        wanted = {materials.page_pdf(stem, language), materials.book_pdf(language), materials.handout(language)}
        if materials.has_deck(next(s for s in materials.pages(language) if s.stem == stem)):
            wanted.add(materials.deck(stem, language))
        targets = set()
        for link in menu:
            href = link["href"]
            if href.startswith(("http", "mailto:", "#")) or not re.search(r"(\.pdf|-slides\.html)(#|$)", href):
                continue
            target = (path.parent / href.split("#")[0]).resolve()
            assert target.is_file(), f"{path.relative_to(site)} links {href}, which is not in the site"
            targets.add(target)
        expected = {(site / materials.site_path(w, language)).resolve() for w in wanted}
        assert expected <= targets, f"{path.relative_to(site)} does not link {sorted(map(str, expected - targets))}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_instructor_guide_lists_every_deck_and_pdf_of_both_editions(built_book, language):
    site, _ = built_book
    guide = dict(page_files(site, language))["instructor"]
    linked = {
        (guide.parent / a["href"]).resolve() for a in soup(guide).select("table.mb-materials a.mb-material[href]")
    }
    for edition in LANGUAGES:
        for name, path in materials.all_materials(edition).items():
            assert (site / path).resolve() in linked, f"{guide.relative_to(site)}: no link to {name} ({path})"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_landing_pages_offer_the_whole_book_and_the_handout(built_book, language):
    site, _ = built_book
    intro = dict(page_files(site, language))["intro"]  # the book's first page: both editions' copies
    linked = {(intro.parent / a["href"]).resolve() for a in soup(intro).select("ul.mb-take-away a[href]")}
    for edition in LANGUAGES:
        for path in (materials.book_pdf(edition), materials.handout(edition)):
            target = (site / materials.site_path(path, edition)).resolve()
            assert target in linked and target.is_file(), f"{intro.relative_to(site)}: no working link to {path}"
    root = site / SITE_FOLDERS[language] / "index.html"  # the site's root: its own edition's copies
    linked = {(root.parent / a["href"]).resolve() for a in soup(root).select("a[href]")}
    for path in (materials.book_pdf(language), materials.handout(language)):
        target = (site / materials.site_path(path, language)).resolve()
        assert target in linked and target.is_file(), f"{root.relative_to(site)}: no working link to {path}"


# ------------------------------------------------------------------ trust: on every page of both editions


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_says_its_licence_version_date_and_how_to_cite_and_report(built_book, language):
    site, _ = built_book
    words = about.words(language)
    for stem, path in page_files(site, language):
        where = path.relative_to(site)
        footer = soup(path).select_one(".mb-about")
        assert footer is not None, f"{where}: no footer saying what the book is"
        licence = footer.select_one('a[rel="license"]')
        assert licence and licence.get_text() == "CC BY 4.0", where
        assert urlparse(licence["href"]).path.startswith("/licenses/by/4.0"), licence["href"]
        time = footer.select_one("time[datetime]")
        built = dt.date.fromisoformat(time["datetime"])
        assert time.get_text() == words["version"].format(
            version=BOOK.version, date=about.date_text(built, language)
        ), where
        cite = footer.select_one("a.mb-cite")
        target, _, anchor = cite["href"].partition("#")
        cited = (path.parent / target).resolve() if target else path
        assert soup(cited).find(id=anchor), f"{where}: 'Cite this book' leads nowhere"
        report = urlparse(footer.select_one("a.mb-report")["href"])
        assert f"{report.scheme}://{report.netloc}{report.path}" == REPOSITORY + "/issues/new", where
        body = parse_qs(report.query)["body"][0]
        published = about.edition_url(BOOK, language) + materials.PAGES[language] + f"{stem}.html"
        assert published in body and BOOK.version in body, (where, body)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_claim_card_reports_an_error_with_its_claim_id(built_book, language):
    site, _ = built_book
    article = dict(page_files(site, language))[materials.ARTICLE]
    cards = soup(article).select("div.claim-card")
    assert len(cards) == 34, len(cards)
    for card in cards:
        claim = re.search(r"K\d\d", card.get_text()).group()
        links = card.select("a.mb-report")
        assert len(links) == 1, f"{article.relative_to(site)}: claim {claim} has {len(links)} report links"
        report = urlparse(links[0]["href"])
        assert f"{report.scheme}://{report.netloc}{report.path}" == REPOSITORY + "/issues/new"
        query = parse_qs(report.query)
        assert claim in query["title"][0] and claim in query["body"][0], query
        assert claim in links[0]["aria-label"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_cite_this_book_comes_from_citation_cff(built_book, language):
    site, _ = built_book
    intro = soup(dict(page_files(site, language))["intro"])
    citation = intro.select_one("p.mb-citation").get_text(" ", strip=True)
    authors = about.load(language=language).authors  # the Indonesian edition's name for its authors
    for part in (BOOK.title, BOOK.version, *authors, str(BOOK.year), about.edition_url(BOOK, language)):
        assert part in citation, (part, citation)
    bibtex = intro.select_one("div.highlight-bibtex").get_text()
    assert f"version = {{{BOOK.version}}}" in bibtex and f"title = {{{BOOK.title}}}" in bibtex, bibtex


# ------------------------------------------------------------------ on paper


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_handout_is_the_claim_page_on_paper_with_its_references(built_book, language):
    site, _ = built_book
    pages = pdf_pages(site / materials.site_path(materials.handout(language), language))
    print(f"handout ({language}): {len(pages)} pages")
    assert 5 <= len(pages) <= 30, len(pages)  # 34 claim cards; the printed web page was 36 (EN) and 23 (ID)
    article_html = dict(page_files(site, language))[materials.ARTICLE]
    article = soup(article_html)
    title = article.select_one("article h1").get_text().rstrip("#").strip()
    url = about.edition_url(BOOK, language) + materials.PAGES[language] + "article.html"
    for number, text in enumerate(pages, start=1):
        foot = flat(text)
        assert flat(title)[:40] in foot, f"page {number}: no title in the footer"
        # (pdftotext drops the hyphen where the address wraps to a second line)
        assert url.replace("-", "") in re.sub(r"[\s-]+", "", text), f"page {number}: no address in the footer"
        assert BOOK.version in foot and "CC BY 4.0" in foot, f"page {number}: no version or licence"
        assert print_words(language)["page"].format(number=number, total=len(pages)) in foot, number
    whole = flat("\n".join(pages))
    assert "English Bahasa Indonesia" not in flat(pages[0]) and "Search" not in flat(pages[0])  # no web chrome
    # the article set as text: its first sentence and its last, as published
    published = (REPO / "book" / "article" / "kejang-otot.id.txt").read_text(encoding="utf-8")  # the pinned copy
    lines = [line.strip() for line in published.splitlines() if line.strip()]
    for line in (lines[1], lines[-1]):
        assert flat(line)[:60].replace(" ", "") in whole.replace(" ", ""), line[:60]
    # the references every card cites, in full, after the cards
    cited = {a["href"].split("#")[1] for a in article.select('a[href*="bibliography.html#"]')}
    bibliography = soup(dict(page_files(site, language))["bibliography"])
    tail = whole[whole.rindex(print_words(language)["references"]) :]
    assert len(cited) >= 30, len(cited)
    for key in cited:
        entry = flat(bibliography.find(id=key).p.get_text())
        assert entry[:50] in tail, f"the handout's references lack {entry[:50]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cards_of_the_handout_are_not_split_across_sheets(built_book, language):
    site, _ = built_book
    pages = pdf_pages(site / materials.site_path(materials.handout(language), language))
    card = r"\b(?:Claim|Klaim) (K\d\d)\n"  # a card's heading line
    end = "See it:" if language == "en" else "Lihat:"  # its last line
    seen = []
    for number, text in enumerate(pages, start=1):
        heads, ends = re.findall(card, text), text.count(end)
        assert len(heads) == ends, f"page {number}: {len(heads)} cards begin, {ends} end"
        seen += heads
    assert len(set(seen)) == 34, sorted(set(seen))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_typeset_book_has_contents_numbered_pages_figures_and_references(built_book, language):
    from pypdf import PdfReader

    site, _ = built_book
    path = site / materials.site_path(materials.book_pdf(language), language)  # pypdf: its destinations
    pages = pdf_pages(path)
    print(f"book ({language}): {len(pages)} pages")
    reader = PdfReader(path)
    destinations = reader.named_destinations
    contents = flat(pages[1])
    assert contents.startswith(print_words(language)["contents"]), contents[:80]
    for stem, page in page_files(site, language):
        title = flat(soup(page).select_one("article h1").get_text().rstrip("#"))
        destination = destinations[f"/chapter-{stem}"]
        number = reader.get_destination_page_number(destination) + 1
        # the contents give the page where the chapter begins, and the chapter begins there with its title
        assert re.search(re.escape(title[:30]) + r".*?" + rf"\b{number}\b", contents), (stem, number)
        assert title[:30] in flat(pages[number - 1]), (stem, number, flat(pages[number - 1])[:80])
    for number, text in enumerate(pages, start=1):
        assert print_words(language)["page"].format(number=number, total=len(pages)) in flat(text), number
    whole = flat("\n".join(pages))
    # every explorer at its start view, its text alternative beneath, and where to move it
    note = print_words(language)["explorer"].split("{url}")[0].strip()
    explorers = sum(len(soup(page).select(".mb-explorer")) for _, page in page_files(site, language))
    assert whole.count(flat(note)) == explorers >= 9, (whole.count(flat(note)), explorers)
    twitch = soup(dict(page_files(site, language))["twitch"]).select_one(".mb-explorer img.mb-fg")
    assert flat(twitch["alt"])[:50] in whole, twitch["alt"]
    # the bibliography at the end: every reference of the book, in full (its first words and its label)
    references = soup(dict(page_files(site, language))["bibliography"]).select("div.citation")
    tail = whole[whole.rindex(flat(soup(dict(page_files(site, language))["bibliography"]).h1.get_text().rstrip("#"))) :]
    assert len(references) >= 50
    for reference in references:
        assert flat(reference.p.get_text())[:40] in tail, reference.p.get_text()[:40]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_its_own_typeset_pdf(built_book, language):
    site, _ = built_book
    for stem, _ in page_files(site, language):
        path = site / materials.site_path(materials.page_pdf(stem, language), language)
        data = path.read_bytes() if path.is_file() else b""
        assert data.startswith(b"%PDF"), f"{path.relative_to(site)} is missing or not a PDF (make materials)"
    twitch = pdf_pages(site / materials.site_path(materials.page_pdf("twitch", language), language))
    assert print_words(language)["references"] in flat("\n".join(twitch[-3:]))  # the references it cites


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdfs_print_the_equations_typeset(built_book, language):
    """On paper the equations are KaTeX's, drawn in its own fonts (embedded in the PDF: poppler's pdffonts lists
    them), and no TeX is printed as text: in the whole book (assembled from pages that do not all link KaTeX's
    style sheet) and in the page of a chapter that states equations."""
    site, _ = built_book
    for pdf in (materials.book_pdf(language), materials.page_pdf("membrane", language)):
        path = site / materials.site_path(pdf, language)
        text = "\n".join(pdf_pages(path))
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        assert "KaTeX_Math" in fonts and "KaTeX_Main" in fonts, f"{pdf}: the equations are not in KaTeX's fonts"
        assert not katex.UNRENDERED.search(text), f"{pdf}: {katex.UNRENDERED.search(text).group(0)} printed as text"


# ------------------------------------------------------------------ the facts, and bad ones


def test_the_facts_come_from_citation_cff_and_config(tmp_path):
    assert BOOK.repository == REPOSITORY
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    assert config["author"] == ", ".join(BOOK.authors), "_config.yml's author is not CITATION.cff's"
    assert (BOOK.version, BOOK.title, str(BOOK.released)) == (cff["version"], cff["title"], cff["date-released"])
    assert about.load(environ={"SOURCE_DATE_EPOCH": "1796644800"}).built == dt.date(2026, 12, 7)
    url = about.report_url(BOOK, "id", "", "https://x/id/article.html#klaim-k40", claim=("K40", "Segera ke dokter"))
    query = parse_qs(urlparse(url).query)
    assert "K40" in query["title"][0] and "https://x/id/article.html#klaim-k40" in query["body"][0]


@pytest.mark.parametrize(
    "change, says",
    [
        (lambda d: d.pop("version"), "CITATION.cff: field 'version' is missing"),
        (lambda d: d.update(license=["MIT"]), "CITATION.cff: field 'license' should list CC-BY-4.0"),
        (lambda d: d.update({"date-released": "soon"}), "CITATION.cff: field 'date-released' should be a date"),
        (
            lambda d: d.update({"repository-code": "https://github.com/someone/else"}),
            "CITATION.cff: field 'repository-code' is https://github.com/someone/else",
        ),
        (lambda d: d.update(authors=[{"affiliation": "x"}]), "CITATION.cff: authors, entry 1"),
    ],
)
def test_a_bad_citation_file_is_refused_naming_the_field(tmp_path, change, says):
    data = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "CITATION.cff"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(about.AboutError) as refused:
        about.load(path, repository=REPOSITORY)
    assert says in str(refused.value)


def test_the_pdf_commands_refuse_a_site_that_was_not_built(tmp_path):
    for script in ("handout.py", "book_pdf.py"):
        made = subprocess.run(
            [sys.executable, str(REPO / "scripts" / script), str(tmp_path), "--edition", "en"],
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        assert made.returncode != 0 and "does not exist" in made.stderr and str(tmp_path) in made.stderr, made.stderr
