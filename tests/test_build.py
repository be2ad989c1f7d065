"""The whole book, built strictly from scratch, is complete, offline and within its byte budgets."""

from __future__ import annotations

import base64
import html
import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from babel.messages.pofile import read_po

from bookkit import icons, katex
from bookkit.ledger import load_ledger, markdown_sources, placed_claims, toc_files
from bookkit.site import DECK_SUFFIX, site_pages
from bookkit.sphinxext import theme_catalogue
from musclebook.explorer import DEFAULT_BUDGET_BYTES

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.build
EXPLORER_DATA = re.compile(r'<script type="application/json" class="mb-frames">(.*?)</script>', re.DOTALL)


def pages(site: Path):
    """The reader-facing pages (not the theme's templates under _static)."""
    return [site / p for p in site_pages(site)]


def test_build_is_clean(built_book):
    site, log = built_book
    assert log.count("build succeeded") == 2  # the English and the Indonesian edition
    assert not re.search(r"^(?!\[IPKernelApp\]).*WARNING", log, re.MULTILINE), log[-3000:]


def test_every_page_of_the_toc_is_built(built_book):
    site, _ = built_book
    for source in toc_files():
        built = site / source.relative_to(REPO).with_suffix(".html")
        assert built.is_file(), built
        assert (site / "id" / built.name).is_file(), f"no Indonesian {built.name}"


def test_nothing_is_loaded_from_outside_the_site(built_book):
    site, _ = built_book
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        external = [
            url
            for tag, url in re.findall(r'(<(?:script|link|img|iframe)[^>]+(?:src|href)="((?:https?:)?//[^"]+)")', text)
            if 'rel="alternate"' not in tag  # names the page's other language; the browser does not fetch it
        ]
        assert not external, f"{page.relative_to(site)} loads {external[:3]}"


def test_explorers_need_no_library_and_no_widget_state(built_book):
    site, _ = built_book
    page = (site / "book" / "twitch.html").read_text(encoding="utf-8")
    assert (site / "_static" / "explorer.js").is_file()
    assert re.search(r'<script defer="defer" src="[./]*_static/explorer\.js', page)
    for heavy in ("embed-amd.js", "require.js", "widget-state+json", "THEBE_JS_URL"):
        assert heavy not in page, heavy


def explorers(site: Path):
    """(page, explorer id, its HTML, its frame data) for every explorer of the built book."""
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r'<div class="mb-explorer".*?</script></div>', text, re.DOTALL):
            ident = re.search(r'id="(explorer-[^"]+)"', block).group(1)
            data = json.loads(EXPLORER_DATA.search(block).group(1))
            yield page, ident, block, data


def test_every_explorer_has_its_frames_as_files_within_budget(built_book):
    site, _ = built_book
    found = list(explorers(site))
    assert len(found) >= 16
    for page, ident, block, data in found:
        frames, backgrounds, shape = data["frames"], data["backgrounds"], data["shape"]
        assert len(frames) == math.prod(shape) >= 8, ident
        alts = [alt for _, alt, _ in frames]
        assert all(len(a) > 40 for a in alts) and len(set(alts)) == len(alts), ident
        files = {(page.parent / src).resolve() for src, _, _ in frames} | {
            (page.parent / b).resolve() for b in backgrounds
        }
        assert all(f.is_file() and f.parent.name == "_frames" for f in files), ident  # files, not data URIs
        size = sum(f.stat().st_size for f in files)
        assert size <= DEFAULT_BUDGET_BYTES, f"{ident}: {size} bytes"
        assert 'class="mb-basis"' in block, f"{ident} does not say what it rests on"
        print(f"{ident}: {len(frames)} frames, {size / 1e6:.2f} MB")


def test_icons_are_drawn_without_the_font_awesome_script(built_book):
    """No page loads the 1.5 MB icon script; every icon a page uses has its outline in icons.css."""
    site, _ = built_book
    css = (site / "_static" / "icons.css").read_text(encoding="utf-8")
    used = set()
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        assert "fontawesome" not in text, f"{page.relative_to(site)} loads Font Awesome"
        if page not in (site / "index.html", site / "id" / "index.html"):  # the landing pages have no icons
            assert "_static/icons.css" in text, f"{page.relative_to(site)} does not link icons.css"
        for classes in re.findall(r'class="([^"]*)"', text):
            used |= {c for c in classes.split() if c.startswith("fa-") and c not in icons.NOT_ICONS}
    assert {"fa-rocket", "fa-magnifying-glass", "fa-github"} <= used  # the launch, search and repository buttons
    for icon in used:
        assert re.search(rf"\.{icon}::before {{ content: ''; .*mask: url\(\"data:image/svg\+xml,%3Csvg", css), icon


def test_every_image_has_a_text_alternative(built_book):
    site, _ = built_book
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<img\b[^>]*>", text):
            if 'class="mb-bg"' in tag:  # the background layer under an explorer frame: decorative
                assert 'alt=""' in tag, tag[:120]
                continue
            alt = re.search(r'\balt="([^"]*)"', tag)
            assert alt and len(alt.group(1).strip()) >= 3, f"{page.relative_to(site)}: {tag[:120]}"
            # a file name is not a description (myst-nb's default for a plot without `mystnb.image.alt`)
            assert not re.search(r"\.(png|svg|jpe?g)$", alt.group(1)), f"{page.relative_to(site)}: {tag[:120]}"


def test_article_page_shows_every_entry_in_order(built_book):
    site, _ = built_book
    text = (site / "book" / "article.html").read_text(encoding="utf-8")
    ledger = load_ledger()
    positions = []
    for entry in ledger.entries:
        anchor = f'id="{entry.anchor}"'
        assert anchor in text, entry.id
        positions.append(text.index(anchor))
        assert html.escape(entry.quote, quote=False) in text, entry.id
    assert positions == sorted(positions)
    for claim in ledger.claims:
        assert f"Claim {claim.id}" in text


def test_every_placed_claim_card_is_rendered(built_book):
    """Every claim card a page places is rendered there (that the ledger links back to the page: test_ledger.py)."""
    site, _ = built_book
    placed = [(page, claim_id) for page in toc_files() for claim_id in placed_claims(page)]
    assert {p.stem for p, _ in placed} >= {
        "twitch",
        "coupling",
        "crossbridges",
        "length_speed",
        "motor_units",
        "fatigue",
    }
    for page, claim_id in placed:
        html_page = site / page.relative_to(REPO).with_suffix(".html")
        assert f"Claim {claim_id}" in html_page.read_text(encoding="utf-8"), (page.name, claim_id)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag in ("a", "link") and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if tag in ("script", "img") and attrs.get("src"):
            self.hrefs.append(attrs["src"])


def test_no_broken_internal_links_or_anchors(built_book):
    site, _ = built_book
    parsed = {}
    for page in pages(site):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        parsed[page] = parser
    broken = []
    checked = 0
    for page, parser in parsed.items():
        for href in parser.hrefs:
            url = urlsplit(href)
            if url.scheme or href.startswith(("//", "mailto:", "data:")):
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {href}")
            elif url.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _Links().ids
                if unquote(url.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)} -> {href} (no such anchor)")
    assert checked > 100 and not broken, broken[:20]


def test_article_page_carries_claimreview_data_for_every_claim(built_book):
    site, _ = built_book
    text = (site / "book" / "article.html").read_text(encoding="utf-8")
    [raw] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.DOTALL)
    reviews = json.loads(raw)
    claims = load_ledger().claims
    assert len(reviews) == len(claims)
    for review, claim in zip(reviews, claims):
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == claim.translation
        assert review["url"].endswith(f"/book/article.html#{claim.anchor}") and review["url"].startswith("https://")
        assert review["author"]["name"]
        assert review["itemReviewed"]["appearance"]["text"] == claim.quote
        rating = review["reviewRating"]
        assert rating["alternateName"] == claim.verdict_label
        # the same settled/debated label as the card, from the same ledger field
        assert ("debated point" in rating["ratingExplanation"]) == bool(claim.debated), claim.id
        assert "{pub}" not in review["reviewBody"]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]


def test_every_card_says_whether_its_correction_is_settled_or_debated(built_book):
    site, _ = built_book
    ledger = load_ledger()
    for page, settled, debated in (
        ("book/article", "Settled physiology", "Debated: "),
        ("id/article", "Fisiologi yang mapan", "Diperdebatkan: "),
    ):
        text = (site / f"{page}.html").read_text(encoding="utf-8")
        cards = re.split(r'<div class="sd-card[^"]*claim-card', text)[1:]
        assert len(cards) == len(ledger.claims), page
        for card, claim in zip(cards, ledger.claims):
            if claim.debated:
                assert (
                    debated
                    + html.escape(ledger.debated_label(claim, "en" if page == "book/article" else "id"), quote=False)
                    in card
                ), (page, claim.id)
            else:
                assert settled in card and debated not in card, (page, claim.id)


def test_content_pages_carry_a_description_and_open_graph_tags(built_book):
    site, _ = built_book
    for source in toc_files():
        page = site / source.relative_to(REPO).with_suffix(".html")
        text = page.read_text(encoding="utf-8")
        for tag in (
            'name="description"',
            'property="og:title"',
            'property="og:description"',
            'property="og:url"',
            'property="og:type"',
        ):
            match = re.search(rf'<meta {tag} content="([^"]+)"', text)
            assert match and len(match.group(1)) > 3, f"{page.relative_to(site)}: no {tag}"
            # link previews show text, not markup (the Indonesian page's paragraphs are <span lang="id">)
            assert "&lt;" not in match.group(1) and "<" not in html.unescape(match.group(1)), (page.name, tag)


def test_each_page_declares_the_language_it_is_written_in(built_book):
    """English pages are ``lang="en"``, the Indonesian edition's ``lang="id"``, with the theme's own words
    (search, contents, navigation) in Indonesian there; Indonesian quotes on English pages are marked."""
    site, _ = built_book
    for source in toc_files():
        english = site / source.relative_to(REPO).with_suffix(".html")
        for page, language in ((english, "en"), (site / "id" / english.name, "id")):
            text = page.read_text(encoding="utf-8")
            assert re.search(r'<html lang="([a-z]+)"', text).group(1) == language, page
    indonesian = (site / "id" / "twitch.html").read_text(encoding="utf-8")
    for theme_word in ("Cari di buku ini", "<h2> Isi </h2>", "Langsung ke konten utama", 'aria-label="Navigasi situs"'):
        assert theme_word in indonesian, theme_word
    # no word of the theme left in English on any Indonesian page (those no installed catalogue translates)
    with theme_catalogue("id").open("rb") as handle:
        english = [m.id for m in read_po(handle) if m.id]
    for page in (site / "id").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        left = [w for w in english if re.search(rf'(>\s*|="){re.escape(w)}(\s*<|")', text)]
        assert not left, f"{page.relative_to(site)} shows the theme's {left} in English"
    article = (site / "book" / "article.html").read_text(encoding="utf-8")
    assert article.count('<span lang="id">«') >= len(load_ledger().claims)  # every quote of the article


def test_every_notebook_page_has_binder_and_colab_links_to_a_real_notebook(built_book):
    site, _ = built_book
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    owner_repo = config["repository"]["url"].removeprefix("https://github.com/")
    branch = config["repository"]["branch"]
    english = [p for p in toc_files() if p.suffix == ".ipynb"]
    notebooks = english + [REPO / "book" / "id" / p.name for p in english]
    assert english
    for notebook in notebooks:
        rel = notebook.relative_to(REPO).as_posix()
        built = rel.removeprefix("book/").removesuffix(".ipynb") if "/id/" in rel else rel.removesuffix(".ipynb")
        text = (site / f"{built}.html").read_text(encoding="utf-8")
        binder = re.findall(
            r'href="https://mybinder\.org/v2/gh/([^/]+/[^/]+)/([^?"]+)\?urlpath=lab/tree/([^"]+)"', text
        )
        colab = re.findall(
            r'href="https://colab\.research\.google\.com/github/([^/]+/[^/]+)/blob/([^/]+)/([^"]+)"', text
        )
        assert binder and colab, rel
        for repo, ref, path in binder + colab:
            assert (repo, ref) == (owner_repo, branch), (repo, ref)
            assert path == rel, f"{built}.html launches {path}, not its own notebook {rel}"
            assert (REPO / path).is_file(), f"launch link to {path}, which is not in the repository"


WIDGET_CHAPTERS = (
    "coupling",
    "crossbridges",
    "twitch",
    "length_speed",
    "motor_units",
    "fatigue",
    "nerves",
    "membrane",
    "generator",
)


EXERCISE_LABEL = re.compile(r"^```\{exercise\} (.+)\n:label: (\S+)", re.M)


@pytest.mark.parametrize("chapter", WIDGET_CHAPTERS)
def test_every_exercise_is_built_with_its_solution_hidden_and_the_self_checks_show(built_book, chapter):
    """Build, not policy: each exercise of the chapter's source is on the page under its own label and title,
    followed by its solution in a dropdown (the class the source asks for), and the self-check questions are in
    the static page. Which sections and exercises a chapter has is policy: tests/test_policy.py (make lint)."""
    site, _ = built_book
    text = (site / "book" / f"{chapter}.html").read_text(encoding="utf-8")
    found = EXERCISE_LABEL.findall(markdown_sources(REPO / "book" / f"{chapter}.ipynb"))
    assert len(found) >= 2, f"{chapter}: the source's exercises were not found: {found}"
    starts = []
    for title, label in found:
        match = re.search(rf'<[^>]+\bid="{re.escape(label)}"', text)
        assert match, f"{chapter}: exercise {label} is not on the page"
        assert html.escape(title, quote=False) in text[match.end() : match.end() + 2000], (chapter, label, title)
        starts.append(match.start())
    for start, following in zip(starts, [*starts[1:], len(text)]):
        end = min(following, text.find("<h2", start) % (len(text) + 1))  # before the chapter's next section
        assert re.search(r'<[^>]+class="[^"]*\bdropdown\b', text[start:end]), f"{chapter}: a solution is not hidden"
    assert 'class="mb-question"' in text  # self-check questions, in the static page


def test_indonesian_article_page_shows_every_claim_in_indonesian(built_book):
    site, _ = built_book
    text = (site / "id" / "article.html").read_text(encoding="utf-8")
    for fancy, plain in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):  # Sphinx's smart quotes
        text = text.replace(fancy, plain)
    ledger = load_ledger()
    for claim in ledger.claims:
        assert f'id="klaim-{claim.id.lower()}"' in text, claim.id
        assert claim.text("correction", "id")[:40] in html.unescape(text), claim.id
    assert '<html lang="id"' in text
    # every card of the English page carries its Indonesian correction, marked as Indonesian: found between the
    # card's own anchor and the next entry's, whatever markup the dropdown around it has
    english = straight_quotes(html.unescape(article_text(site, "en")))
    anchors = [english.index(f'id="{entry.anchor}"') for entry in ledger.entries]
    for entry, start, end in zip(ledger.entries, anchors, [*anchors[1:], len(english)]):
        if entry.kind == "claim":
            correction = straight_quotes(entry.text("correction", "id"))[:40]
            assert re.search(r'<span lang="id">' + re.escape(correction), english[start:end]), entry.id


def straight_quotes(text: str) -> str:
    """The text with Sphinx's smart quotes made straight again."""
    for fancy, straight in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):
        text = text.replace(fancy, straight)
    return text


def test_the_glossary_shows_every_term_and_every_widget_chapter_links_to_it(built_book):
    """Build, not policy: every term of terms.yaml is an entry of the built glossary (how many terms it has is
    policy: tests/test_policy.py)."""
    site, _ = built_book
    glossary = (site / "book" / "glossary.html").read_text(encoding="utf-8")
    entries = {" ".join(plain(dt).split()) for dt in re.findall(r"<dt\b[^>]*>(.*?)</dt>", glossary, re.S)}
    terms = yaml.safe_load((REPO / "book" / "musclebook" / "data" / "terms.yaml").read_text(encoding="utf-8"))
    missing = [t["en"] for t in terms["terms"] if t["en"] not in entries]
    assert not missing, f"the glossary page lacks {missing}"
    for chapter in WIDGET_CHAPTERS:
        text = (site / "book" / f"{chapter}.html").read_text(encoding="utf-8")
        assert re.search(r'href="glossary\.html#term-', text), f"{chapter} links no glossary term"


def test_instructor_guide_has_a_misconception_for_every_claim(built_book):
    """Build, not policy: the misconception bank asks "Fact or myth?" of every claim and answers it (the lesson
    plan the guide must have: policy, tests/test_policy.py)."""
    site, _ = built_book
    text = (site / "book" / "instructor.html").read_text(encoding="utf-8")
    claims = load_ledger().claims
    assert text.count("Fact or myth?") == len(claims)
    for claim in claims:
        assert f"Answer to {claim.id}" in text


def test_the_site_root_is_a_titled_landing_page(built_book):
    """The address a lecturer shares opens a page of its own (no redirect, which cost a phone a second page
    load): the book's title, language, description and icon, a link to start reading and every chapter."""
    site, _ = built_book
    text = (site / "index.html").read_text(encoding="utf-8")
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    assert text.startswith("<!DOCTYPE html>") and '<html lang="en">' in text
    assert f"<title>{html.escape(config['title'])}" in text and "http-equiv" not in text
    description = re.search(r'<meta name="description" content="([^"]+)"', text).group(1)
    assert len(description) > 60 and "<" not in html.unescape(description), description
    assert f'<meta property="og:description" content="{description}">' in text
    icon = re.search(r'<link rel="icon" href="data:image/png;base64,([^"]+)"', text).group(1)
    assert base64.b64decode(icon) == (REPO / config["html"]["favicon"]).read_bytes()
    first = re.search(r'<a class="start" href="([^"]+)">', text).group(1)
    assert first == "book/intro.html"
    links = [link for link in re.findall(r'<li><a href="([^"]+)"', text) if link.endswith(".html")]  # not the PDFs
    assert links == [p.relative_to(REPO).with_suffix(".html").as_posix() for p in toc_files()[1:]]
    assert '<p lang="id"><a href="id/" hreflang="id">Bahasa Indonesia' in text  # the other edition
    assert '<i lang="id">kejang otot</i>' in text  # the article's words, marked as Indonesian
    indonesian = (site / "id" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id">' in indonesian and '<a class="start" href="intro.html">Mulai membaca</a>' in indonesian
    assert [link for link in re.findall(r'<li><a href="([^"]+)"', indonesian) if link.endswith(".html")] == [
        Path(link).name for link in links
    ]
    assert '<p lang="en"><a href="../" hreflang="en">English' in indonesian
    assert (site / ".nojekyll").is_file(), "without .nojekyll a branch deploy would drop _static/"


@pytest.mark.parametrize("page, prefix", [("book/article.html", "claim"), ("id/article.html", "klaim")])
def test_the_verdict_summary_is_an_index_of_the_claims(built_book, page, prefix):
    """At the top of each article page, every verdict lists its claims, each a link to its card; unsafe
    advice carries a warning sign as well as its colour."""
    site, _ = built_book
    text = (site / page).read_text(encoding="utf-8")
    table = re.search(r"<table.*?</table>", text, re.S).group(0)  # the first table: the summary
    ledger = load_ledger()
    for claim in ledger.claims:
        link = re.search(
            rf'<a class="reference internal" href="#{prefix}-{claim.id.lower()}"[^>]*>.*?</a>', table, re.S
        )
        assert link and claim.id in link.group(0), f"{page}: the summary does not link {claim.id}"
        assert f'id="{prefix}-{claim.id.lower()}"' in text
    unsafe = [c for c in ledger.claims if c.verdict == "unsafe-advice"]
    assert unsafe and text.count("⚠ ") >= len(unsafe) + 1  # each unsafe card and the summary row


# The article page in each edition: its file, and what a reader who searched for cramps typed (issue 22)
ARTICLE_PAGES = {"en": "book/article.html", "id": "id/article.html"}
SEARCH_WORDS = {"en": ("muscle cramp", "kejang otot"), "id": ("kejang otot",)}


def article_text(site: Path, language: str) -> str:
    """The article page's text, from the start of its article (not the print-only contents above it)."""
    text = (site / ARTICLE_PAGES[language]).read_text(encoding="utf-8")
    return text[text.index('<article class="bd-article"') :]


def short_answer(text: str) -> str:
    """The short answer's section of an article page (its text up to the next section)."""
    assert 'id="article-short-answer"' in text, "the article page has no short answer"
    start = text.index('id="article-short-answer"')
    return text[start : text.index("<section", start)]


def plain(fragment: str) -> str:
    """A piece of HTML as a reader reads it: no tags, no headerlink sign, entities resolved, one space."""
    fragment = re.sub(r'<a class="headerlink".*?</a>', "", fragment, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.mark.parametrize("language", ARTICLE_PAGES)
def test_the_article_page_is_titled_and_described_with_the_words_readers_search(built_book, language):
    """A reader who searched "muscle cramp" or "kejang otot" finds those words in the page's title (what a
    search engine shows, and the heading the reader lands on) and in its description (the snippet under it)."""
    site, _ = built_book
    page = (site / ARTICLE_PAGES[language]).read_text(encoding="utf-8")
    places = {
        "<title>": re.search(r"<title>(.*?)</title>", page, re.S).group(1),
        "<h1>": re.search(r"<h1>(.*?)</h1>", article_text(site, language), re.S).group(1),
        "description": re.search(r'<meta name="description" content="([^"]*)"', page).group(1),
        "og:title": re.search(r'<meta property="og:title" content="([^"]*)"', page).group(1),
        "og:description": re.search(r'<meta property="og:description" content="([^"]*)"', page).group(1),
    }
    for where, value in places.items():
        for words in SEARCH_WORDS[language]:
            assert words in plain(value).lower(), f"{ARTICLE_PAGES[language]}: {where} {plain(value)!r} lacks {words!r}"


@pytest.mark.parametrize("language", ARTICLE_PAGES)
def test_the_article_page_answers_first_then_shows_its_verdicts_then_its_method(built_book, language):
    """Under the title, before the verdict table and the method, a short answer: what a cramp is, what is known
    and debated about its causes, what helps, the red flags and how the article fares, each point linked to the
    chapter or section that shows it."""
    site, _ = built_book
    text = article_text(site, language)
    headings = re.findall(r'<section[^>]*>\s*(?:<span id="([\w-]+)"></span>)?<h2>', text)
    assert headings[0] == "article-short-answer", f"{ARTICLE_PAGES[language]}: the first section is {headings[0]!r}"
    answer, table, method = (
        text.index('id="article-short-answer"'),
        text.index("<table"),
        text.index('id="article-method"'),
    )
    assert answer < table < method, ARTICLE_PAGES[language]
    assert text.index("<table") == text.index("<table", text.index('id="article-verdicts"'))  # the table is its own
    section = short_answer(text)
    links = {
        (Path(urlsplit(href).path).stem, urlsplit(href).fragment)
        for href in re.findall(r'<a class="reference internal" href="([^"]+)"', section)
    }
    for chapter, fragment in (
        ("words", "cramp-words"),  # what a cramp is
        ("cramps", "cramp-causes"),  # what cramps are linked to
        ("cramps", "cramp-hypotheses"),  # the debated causes
        ("generator", ""),  # the neuromuscular hypothesis as a model
        ("generator", "cramp-generator-evidence"),  # where a cramp starts, debated
        ("cramps", "cramp-relief"),  # what helps: stretching
        ("cramps", "cramp-red-flags"),  # when to see a doctor
        ("", "article-verdicts"),  # the verdicts of the article's claims, on the page itself
    ):
        assert (chapter, fragment) in links, (
            f"{ARTICLE_PAGES[language]}: the short answer does not link {chapter}#{fragment}"
        )
    # the red flags, as the chapter lists them: the duration (a published value), a wound, a swollen calf
    words = {"en": ("wound", "swollen"), "id": ("luka", "bengkak")}[language]
    assert 'class="published-value"' in section and all(w in plain(section) for w in words), ARTICLE_PAGES[language]


@pytest.mark.parametrize("language", ARTICLE_PAGES)
def test_the_short_answer_counts_the_claims_from_the_ledger(built_book, language):
    """How many of the article's claims hold is counted from the ledger when the page is built ({claim-count}),
    never typed: the whole, and parts that account for every claim."""
    site, _ = built_book
    section = short_answer(article_text(site, language))
    counts = {
        tuple(c.removeprefix("claims-") for c in classes.split()[1:]): int(number)
        for classes, number in re.findall(r'<span class="(claim-count[^"]*)">(\d+)</span>', section)
    }
    claims = load_ledger().claims
    assert counts.get(("all",)) == len(claims), f"{ARTICLE_PAGES[language]}: {counts}"
    parts = {verdicts: n for verdicts, n in counts.items() if verdicts != ("all",)}
    for verdicts, number in parts.items():
        assert number == sum(c.verdict in verdicts for c in claims), (ARTICLE_PAGES[language], verdicts)
    assert sorted(v for verdicts in parts for v in verdicts) == sorted({c.verdict for c in claims}), parts


@pytest.mark.parametrize("language", ARTICLE_PAGES)
def test_every_paragraph_of_the_article_is_a_heading_in_the_page_contents(built_book, language):
    """Each paragraph of the article is a section with its own heading and a stable anchor (paragraph-3,
    paragraf-3) holding its claims in order; the page's contents list (beside the text, or in a dialog on a
    phone) offers every paragraph without the reader first scrolling to it."""
    site, _ = built_book
    text = article_text(site, language)
    prefix, claim = {"en": ("paragraph", "claim"), "id": ("paragraf", "klaim")}[language]
    paragraphs = load_ledger().paragraphs()
    contents = re.search(r'<nav id="pst-page-toc-nav".*?</nav>', text, re.S).group(0)
    listed = re.findall(rf'<a class="reference internal nav-link" href="#{prefix}-(\d+)">', contents)
    assert listed == [str(n) for n in range(1, len(paragraphs) + 1)], f"{ARTICLE_PAGES[language]}: {listed}"
    nested = re.search(rf'<ul class="([^"]*)">\s*<li[^>]*><a [^>]*href="#{prefix}-1"', contents).group(1)
    assert "pst-show_toc_level" in nested.split(), "the paragraphs are hidden until the reader scrolls to them"
    starts = []
    for number in range(1, len(paragraphs) + 1):
        heading = re.search(rf'<section [^>]*id="{prefix}-{number}">\s*<h3>(.*?)</h3>', text, re.S)
        assert heading and str(number) in plain(heading.group(1)), f"{ARTICLE_PAGES[language]}: paragraph {number}"
        starts.append(heading.start())
    starts.append(len(text))
    for number, group in enumerate(paragraphs):
        for entry in group:  # each card keeps its anchor, under its paragraph's heading
            position = text.index(f'id="{claim}-{entry.id.lower()}"')
            assert starts[number] < position < starts[number + 1], (ARTICLE_PAGES[language], entry.id)


def test_pages_in_two_languages_link_to_each_other(built_book):
    """Every page of each edition declares both versions of itself with ``<link rel="alternate" hreflang>``
    (absolute addresses) and its language with ``<html lang>``; every page with text opens with a visible
    switch to the same page in the other language, named in that language."""
    site, _ = built_book
    checked = 0
    for page in pages(site):
        relative = page.relative_to(site).as_posix()
        if relative in ("index.html", "id/index.html"):
            continue  # the landing pages: test_the_site_root_is_a_titled_landing_page
        language, other = ("id", "en") if relative.startswith("id/") else ("en", "id")
        counterpart = f"book/{page.name}" if language == "id" and page.name not in GENERATED else f"id/{page.name}"
        if language == "id" and page.name in GENERATED:
            counterpart = page.name
        text = page.read_text(encoding="utf-8")
        assert f'<html lang="{language}"' in text, relative
        alternates = dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', text))
        base = "https://muscle-explainer.github.io/muscle-cramps-book/"
        assert alternates == {language: base + relative, other: base + counterpart}, relative
        assert (site / counterpart).is_file(), f"{relative}: its counterpart {counterpart} was not built"
        if page.name in GENERATED:
            continue
        switch = re.search(r'<nav class="mb-languages" aria-label="[^"]+"><a href="([^"]+)" ([^>]*)>', text)
        assert switch and (page.parent / switch.group(1)).resolve() == (site / counterpart).resolve(), relative
        assert switch.group(2) == f'lang="{other}" hreflang="{other}"', relative
        article = text.index('<article class="bd-article"')
        assert article < text.index('class="mb-languages"') < text.index("<h1", article), f"{relative}: not at the top"
        checked += 1
    assert checked >= 2 * 16


GENERATED = ("search.html", "genindex.html")  # pages Sphinx makes itself: no text, so no visible switch


PAGE_BUDGET_BYTES = 2_000_000  # what a page loads before the reader touches anything (issue 14's page budget)


def test_every_page_of_both_editions_loads_at_most_two_megabytes(built_book):
    """The page, and every style sheet, script, icon and image it names (an explorer's first frame and
    background; its other frames load only when the reader moves a control), uncompressed."""
    site, _ = built_book
    weights = {}
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        # what the browser loads with the page: sources, and the style sheets, icons and preloads a <link> names
        # (not the pages, PDFs and slides it links to, nor a <link> to the next or previous page)
        loaded = re.findall(r'\bsrc="([^"#?:]+)[^"]*"', text) + [
            href
            for tag in re.findall(r"<link\b[^>]*>", text)
            if not re.search(r'rel="(?:next|prev|index|search|alternate|canonical)"', tag)
            for href in re.findall(r'\bhref="([^"#?:]+)[^"]*"', tag)
        ]
        files = {(page.parent / ref).resolve() for ref in loaded if (page.parent / ref).is_file()}
        weights[page.relative_to(site).as_posix()] = page.stat().st_size + sum(f.stat().st_size for f in files)
    assert len([p for p in weights if p.startswith("id/")]) >= 19  # the Indonesian edition is weighed too
    heavy = {page: size for page, size in weights.items() if size > PAGE_BUDGET_BYTES}
    assert not heavy, heavy
    assert max(weights.values()) > 100_000  # the sum sees the style sheets and images, not only the HTML


# An explorer's first view and the prose right after it (its "What to notice") state the same numbers: for each
# explorer whose prose speaks about the view it opens on, the unit and which of the start caption's numbers in
# that unit (0 = the first) the prose repeats. The others' prose gives numbers of settings the reader moves to.
PROSE_ABOUT_THE_START_VIEW = {
    "coupling-pump": ("ms", [0]),  # half-relaxation at normal pump capacity ("instead of 14 ms")
    "generator-cramp": ("Hz", [0]),  # the rested neuron's firing under the command
    "generator-hysteresis": ("mV", [1, 2]),  # where firing starts and stops with the model's persistent current
    "nerves-conduction": ("ms", [0]),  # the 15 µm myelinated axon: time to cover a metre
}
NUMBER_WITH = r"(−?-?\d+(?:[.,]\d+)?)\s*{unit}\b"


@pytest.mark.parametrize("edition", ["book", "id"])
def test_the_prose_about_an_explorer_s_first_view_gives_that_view_s_numbers(built_book, edition):
    site, _ = built_book
    checked = set()
    for page in sorted(p for p in (site / edition).glob("*.html") if not p.name.endswith(DECK_SUFFIX)):
        text = page.read_text(encoding="utf-8")
        for key, (unit, which) in PROSE_ABOUT_THE_START_VIEW.items():
            box = re.search(rf'id="explorer-{key}".*?<figcaption[^>]*>(.*?)</figcaption>', text, re.DOTALL)
            if box is None:
                continue
            checked.add(key)
            caption = html.unescape(box.group(1))
            # the prose after the explorer, up to the next explorer or section
            after = re.sub(r"<script.*?</script>", "", text[box.end() :], flags=re.DOTALL)  # not the other frames
            after = re.split(r'<section|class="mb-explorer"', after)[0]
            prose = html.unescape(re.sub(r"<[^>]+>", " ", after))
            stated = re.findall(NUMBER_WITH.format(unit=re.escape(unit)), prose)
            numbers = re.findall(NUMBER_WITH.format(unit=re.escape(unit)), caption)
            for index in which:
                assert numbers[index] in stated, (
                    f"{page.name}: explorer {key} opens on {numbers[index]} {unit} ({caption!r}); the prose after it "
                    f"gives {stated}"
                )
    assert checked == set(PROSE_ABOUT_THE_START_VIEW), (
        f"{edition}: explorers not found: {set(PROSE_ABOUT_THE_START_VIEW) - checked}"
    )


def test_no_page_offers_code_a_reader_cannot_run_there(built_book):
    """The web page runs no code: explorers and figures show without their code ("Show code cell source"), and
    each chapter's "Run the model yourself" says where its code runs, with links to its own notebook."""
    site, _ = built_book
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        assert "above-input" not in text, f"{page.relative_to(site)}: a folded code cell"
    for notebook in (p for p in toc_files() if p.suffix == ".ipynb"):
        for built, words in (
            (f"book/{notebook.stem}", "does not run code"),
            (f"id/{notebook.stem}", "tidak menjalankan"),
        ):
            text = (site / f"{built}.html").read_text(encoding="utf-8")
            section = text[text.index(f'id="{notebook.stem.replace("_", "-")}-yourself"') :]
            assert words in section[:3000] and "mybinder.org" in section[:3000], f"{built}: no launch note"


# The equations the book states, by chapter: each written once in its notebook as ``$$ … $$ (label)`` and typeset
# by KaTeX while the book is built (bookkit/katex.py), in both editions.
EQUATIONS = {
    "membrane": ("eq-nernst", "eq-ghk"),
    "length_speed": ("eq-hill",),
    "twitch": ("eq-twitch-activation", "eq-twitch-force"),
    "generator": ("eq-lif",),
    "nerves": ("eq-velocity-myelinated", "eq-velocity-unmyelinated"),
}
DISPLAYED = re.compile(r"^\$\$\n(.+?)\n\$\$ \(([\w-]+)\)$", re.DOTALL | re.MULTILINE)
TYPESET = re.compile(
    r'<div class="math[^"]*" id="equation-([\w-]+)">.*?<span class="katex-display">.*?'
    r'<annotation encoding="application/x-tex">(.*?)</annotation>.*?<span class="katex-html"',
    re.DOTALL,
)
HIDDEN_FROM_READERS = re.compile(r"<(script|style|annotation|pre|code)\b.*?</\1>", re.DOTALL | re.IGNORECASE)


def stated_equations(chapter: str) -> dict[str, str]:
    """The TeX of each labelled equation of a chapter's notebook."""
    return {
        label: tex.strip() for tex, label in DISPLAYED.findall(markdown_sources(REPO / "book" / f"{chapter}.ipynb"))
    }


def visible_text(page_html: str) -> str:
    """A page's text as a reader sees it: without scripts, styles, code, and the TeX that KaTeX keeps in each
    formula's MathML annotation (for screen readers and copying), never shown."""
    return html.unescape(re.sub(r"<[^>]+>", " ", HIDDEN_FROM_READERS.sub(" ", page_html)))


def test_no_page_shows_tex_instead_of_an_equation(built_book):
    """Every page of both editions (the slide decks: tests/test_lecture_kit.py): no ``$$``, ``\\frac``, ``\\(`` or
    ``\\[`` and none of the commands the equations use left as text, as a page shows it when its math is not
    typeset."""
    site, _ = built_book
    left = {}
    for page in pages(site):
        text = visible_text(page.read_text(encoding="utf-8"))
        found = [text[max(m.start() - 30, 0) : m.end() + 30] for m in katex.UNRENDERED.finditer(text)]
        if found:
            left[page.relative_to(site).as_posix()] = found[:3]
    assert len([p for p in pages(site) if p.parts[-2] == "id"]) >= 19  # the Indonesian edition is read too
    assert not left, left


def test_the_tex_check_sees_an_equation_left_untypeset():
    typeset = '<div class="math"><span class="katex"><annotation encoding="application/x-tex">\\frac{a}{b}</annotation>'
    assert not katex.UNRENDERED.search(visible_text(typeset + "<p>a/b</p></span></div>"))
    for shown in ("$$\nE = \\frac{RT}{zF}\n$$", "\\(E_\\mathrm{K}\\)", "\\[ v = k \\sqrt{d} \\]"):
        assert katex.UNRENDERED.search(visible_text(f"<p>{html.escape(shown)}</p>")), shown


@pytest.mark.parametrize("chapter", sorted(EQUATIONS))
def test_every_stated_equation_is_typeset_on_its_page_in_both_editions(built_book, chapter):
    """Each listed equation is in its notebook once, with its label, and on the chapter's page of each edition
    it is KaTeX's HTML (with the same TeX in its annotation), under its label, with KaTeX's style sheet linked."""
    site, _ = built_book
    stated = stated_equations(chapter)
    assert set(EQUATIONS[chapter]) <= set(stated), (
        f"{chapter}.ipynb does not state {set(EQUATIONS[chapter]) - set(stated)}"
    )
    for edition in ("book", "id"):
        text = (site / edition / f"{chapter}.html").read_text(encoding="utf-8")
        typeset = {label: html.unescape(tex).strip() for label, tex in TYPESET.findall(text)}
        assert typeset == stated, f"{edition}/{chapter}.html: typeset {typeset}, the notebook states {stated}"
        assert f"_static/{katex.STYLE}?" in text, f"{edition}/{chapter}.html: no link to KaTeX's style sheet"


def test_katex_style_sheet_keeps_its_rules_and_names_only_fonts_the_site_serves(built_book):
    """Trimmed to the rules the equations use (like the theme's), the style sheet still lays out a fraction, and
    every font it names is served from the site, cut to the characters the equations draw (WOFF, a few kB)."""
    site, _ = built_book
    for edition in (site, site / "id"):
        sheet = edition / "_static" / katex.STYLE
        css = sheet.read_text(encoding="utf-8")
        assert ".katex .mfrac .frac-line" in css and ".katex-display" in css, f"{sheet}: KaTeX's rules are gone"
        fonts = re.findall(r"url\(([^)]+)\)", css)
        assert fonts and all(f.endswith(".woff") for f in fonts), fonts
        missing = [f for f in fonts if not (sheet.parent / f).is_file()]
        assert not missing, f"{sheet}: names fonts the site does not serve: {missing}"
        main = (sheet.parent / "fonts" / "KaTeX_Main-Regular.woff").stat().st_size
        assert main < 12_000, f"KaTeX_Main-Regular.woff is {main} bytes: not cut to the equations' characters"


def test_the_private_sphinx_api_the_book_uses_is_still_there():
    """bookkit/sphinxext/sphinx_private.py holds the private Sphinx APIs the book uses (a page's script objects,
    the templates' translator); an upgrade that moves or changes one fails here, by name, rather than in the pages."""
    import sphinx

    where = f"Sphinx {sphinx.__version__}: bookkit/sphinxext/sphinx_private.py"
    try:
        from bookkit.sphinxext.sphinx_private import JavaScript

        script = JavaScript("_static/x.js", priority=500, defer="defer")
    except (ImportError, TypeError) as exc:
        pytest.fail(f"{where}: the private API the book uses has changed: {exc!r}")
    assert script.filename == "_static/x.js" and script.priority == 500, where
    assert script.attributes == {"defer": "defer"}, where
    # the templates' translator: the application keeps it, and the templates read it there
    import inspect

    from sphinx import application, jinja2glue

    assert "self.translator" in inspect.getsource(application.Sphinx._init_i18n), where
    assert "app.translator" in inspect.getsource(jinja2glue.BuiltinTemplateLoader.init), where
