"""The lecture kit's slides (reveal.js, offline, with their explorers), as `make materials` puts them in the site."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from test_build import EQUATIONS

from bookkit.katex import UNRENDERED
from bookkit.site import FIGURE_TEXT_PX, serve
from musclebook import i18n

REPO = Path(__file__).resolve().parent.parent
SHOTS = REPO / "_build" / "screenshots"
pytestmark = [pytest.mark.build, pytest.mark.browser]
CHAPTERS = (
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


# KaTeX's fonts loaded so far (an equation's slide asks for them)
KATEX_FONTS_LOADED = """async () => { await document.fonts.ready;
    return [...document.fonts].filter(f => f.family.includes('KaTeX') && f.status === 'loaded').map(f => f.family); }"""


def served(built_book, edition: str):
    # the decks `make materials` wrote next to the chapter pages, in the tree CI publishes
    site = built_book[0]
    missing = [c for c in CHAPTERS if not (site / edition / f"{c}-slides.html").is_file()]
    assert not missing, f"{site / edition}: no slides for {missing} (make materials writes them)"
    with serve(site) as base:
        yield site, base + "/"


@pytest.fixture(scope="module")
def served_en(built_book):
    yield from served(built_book, "book")


@pytest.fixture(scope="module")
def served_id(built_book):
    yield from served(built_book, "id")


# That the README documents these commands: policy, tests/test_policy.py (make lint).


# each edition's decks are made once, by one worker (make test: --dist loadgroup); the two editions in parallel
@pytest.mark.xdist_group("slides-en")
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_slides_work_offline_with_their_explorers(served_en, browser, chapter):
    check_deck(served_en, browser, chapter, "book")


@pytest.mark.xdist_group("slides-id")
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_indonesian_slides_work_offline_in_indonesian(served_id, browser, chapter):
    check_deck(served_id, browser, chapter, "id")


def check_deck(served, browser, chapter, edition):
    """A chapter's deck, English (``book/``) or Indonesian (``id/``), on a projector's slide."""
    site, base = served
    deck = site / edition / f"{chapter}-slides.html"
    text = deck.read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="https?://', text), "the slides load something from the web"
    page = browser.new_page(viewport={"width": 1280, "height": 720})  # a projector's slide
    outside, errors = [], []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((base, "data:")) else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{base}{edition}/{chapter}-slides.html", wait_until="networkidle")
    assert page.evaluate("document.documentElement.lang") == ("id" if edition == "id" else "en")
    total = page.evaluate("Reveal.getTotalSlides()")
    assert total >= 4, total  # title, explorer(s), a self-check, summary; and a slide of a section's equations
    # the chapter's equations, typeset as in the book, each once, with KaTeX's fonts from the site
    assert page.locator(".reveal div.math .katex-display .katex-html").count() == len(EQUATIONS.get(chapter, ()))
    assert not UNRENDERED.search(page.evaluate("document.querySelector('.reveal').innerText"))
    explorer = page.locator(".reveal .present .mb-explorer")
    # the checks read slides at rest: no sliding between them, so a slide is in place once it is the current one
    page.evaluate("Reveal.configure({transition: 'none', backgroundTransition: 'none'})")
    for step in range(1, total):  # on to the first explorer; a slide of equations may come before it
        page.keyboard.press("ArrowRight")
        page.wait_for_function(f"Reveal.getState().indexh === {step}")
        if page.locator(".reveal .present .katex").count():
            fonts = page.evaluate(KATEX_FONTS_LOADED)
            assert fonts, "the equations' slide loaded no KaTeX font"
        if explorer.count():
            break
    assert explorer.count() >= 1, "no slide shows an explorer"
    image = explorer.first.locator(".mb-frame img.mb-fg")
    assert image.is_visible(), "the explorer slide shows no figure"
    # readable from the back of a lecture hall: the figure fills the slide, its text at least 20 px, all of it
    # on the slide, and controls large enough to use from a lectern
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"slides-{edition}-{chapter}-explorer.png"))
    box = image.bounding_box()
    assert box["width"] >= 900 and box["y"] >= 0 and box["y"] + box["height"] <= 720, box
    sizes = page.evaluate(FIGURE_TEXT_PX, ".reveal .present .mb-image img")
    assert sizes and all(f["px"] >= 20 for f in sizes), sizes
    for control in explorer.first.locator("input[type=range], .mb-option").all():
        size = control.bounding_box()
        assert size["height"] >= 36 and size["width"] >= 36, size
    if edition == "id":  # the explorer speaks Indonesian on the Indonesian slide: its first control's label
        label = explorer.first.locator("label, legend").first.inner_text().strip()
        assert label in set(i18n.catalogue("id").values()), label
    before = image.get_attribute("alt")
    control = explorer.first.locator("input").first
    control.focus()
    page.keyboard.press("End" if control.get_attribute("type") == "range" else "ArrowRight")
    # explorer.js shows the new frame, and its text alternative, once the frame has loaded; the assertion below
    # says what went wrong if it never does
    with contextlib.suppress(PlaywrightTimeout):
        changed = "([img, before]) => img.alt !== before"
        page.wait_for_function(changed, arg=[image.element_handle(), before], timeout=10_000)
    assert image.get_attribute("alt") != before, "moving the explorer's first control on the slide changed nothing"
    page.close()
    assert outside == [] and errors == [], (outside, errors)


# The handout and the typeset PDFs: tests/test_materials.py.
