"""The built book in headless Chromium, page by page: offline, error-free, accessible, responsive.

Chromium comes from the OS packages (``apt-get install chromium``), driven by playwright with
``executable_path``; no browser is downloaded. axe-core (fetched by ``scripts/fetch_js.py``)
is injected into each page. Every page of the built site is visited. Screenshots are written to
``_build/screenshots/`` for people to look at.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from bookkit.site import serve

REPO = Path(__file__).resolve().parent.parent
SHOTS = REPO / "_build" / "screenshots"
AXE = REPO / ".tools" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.browser

# Page errors known to come from upstream, each with its cause. Keep this list short.
ALLOWED_PAGE_ERRORS = (
    # Jupyter Book 1 / sphinx-thebe declares THEBE_JS_URL twice on every page.
    "Identifier 'THEBE_JS_URL' has already been declared",
)
ALLOWED_CONSOLE_ERRORS = (
    # pydata-sphinx-theme logs this on a first visit, before a colour mode is stored.
    "Got invalid theme mode",
)
NOT_PAGES = ("_static", "_sources", "_images", "@jupyter-widgets")

VISIBLE_FRAME_ALTS = """(root) => Array.from(root.querySelectorAll('.mb-frame img'))
    .filter(img => img.offsetParent !== null).map(img => img.alt)"""


def site_pages(html_dir: Path) -> list[str]:
    return sorted(
        p.relative_to(html_dir).as_posix()
        for p in html_dir.rglob("*.html")
        if not set(p.relative_to(html_dir).parts) & set(NOT_PAGES)
    )


@pytest.fixture(scope="module")
def site(built_book):
    html_dir, _ = built_book
    with serve(html_dir) as base:
        yield base, site_pages(html_dir)


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "Chromium is not installed: apt-get install chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


def open_page(browser, url, width=1280, scheme="light"):
    """Open a page, recording requests outside the site, failed requests and errors."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    problems = {"outside": [], "failed": [], "errors": []}
    host = url.split("/")[2]
    page.on(
        "request",
        lambda r: problems["outside"].append(r.url) if not r.url.startswith(("data:", f"http://{host}/")) else None,
    )
    page.on("response", lambda r: problems["failed"].append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: problems["failed"].append(f"failed {r.url}"))
    page.on(
        "pageerror",
        lambda e: problems["errors"].append(str(e)) if not any(a in str(e) for a in ALLOWED_PAGE_ERRORS) else None,
    )
    page.on(
        "console",
        lambda m: (
            problems["errors"].append(m.text)
            if m.type == "error" and not any(a in m.text for a in ALLOWED_CONSOLE_ERRORS)
            else None
        ),
    )
    page.goto(url, wait_until="networkidle")
    if page.locator(".mb-frame").count():
        page.wait_for_selector(".mb-frame img", state="visible", timeout=20_000)
    page.wait_for_timeout(300)  # let the page's own repairs (a11y.js) run
    return page, problems


def shot_name(path: str, suffix: str) -> str:
    return path.replace("/", "-").removesuffix(".html") + f"-{suffix}.png"


def test_every_page_is_visited(site):
    _, pages = site
    assert {"index.html", "book/intro.html", "book/article.html", "book/twitch.html"} <= set(pages)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_loads_offline_without_errors(site, browser, scheme):
    base, pages = site
    SHOTS.mkdir(parents=True, exist_ok=True)
    for path in pages:
        page, problems = open_page(browser, f"{base}/{path}", scheme=scheme)
        page.screenshot(path=str(SHOTS / shot_name(path, f"desktop-{scheme}")))
        assert problems == {"outside": [], "failed": [], "errors": []}, path
        page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_serious_accessibility_violations(site, browser, scheme):
    base, pages = site
    assert AXE.is_file(), "axe-core is missing: run scripts/fetch_js.py (make setup)"
    report = {}
    for path in pages:
        page, _ = open_page(browser, f"{base}/{path}", scheme=scheme)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)"""
        )
        if violations:
            report[path] = violations
        page.context.close()
    assert not report, report


def test_every_page_fits_a_phone(site, browser):
    base, pages = site
    for path in pages:
        page, _ = open_page(browser, f"{base}/{path}", width=375)
        page.screenshot(path=str(SHOTS / shot_name(path, "phone")), full_page=True)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 376, f"{path} scrolls sideways on a 375 px screen ({width} px)"
        # explorers scale down with the screen
        for size in page.evaluate(
            "Array.from(document.querySelectorAll('.mb-frame img'))"
            ".filter(i => i.offsetParent).map(i => i.getBoundingClientRect().width)"
        ):
            assert size <= 375
        page.context.close()


def explorer_boxes(page):
    boxes = page.locator(".widget-vbox").filter(has=page.locator(".mb-frame"))
    return [boxes.nth(i) for i in range(boxes.count())]


def alts(box):
    return box.evaluate(VISIBLE_FRAME_ALTS)


def exercise_explorer(page, box, name):
    """Every control of one explorer changes the figure, by keyboard and by mouse."""
    box.scroll_into_view_if_needed()
    box.screenshot(path=str(SHOTS / f"{name}-0-start.png"))
    shown = alts(box)
    assert len(shown) == 1, shown
    sliders = box.locator(".noUi-handle")
    for i in range(sliders.count()):
        handle = sliders.nth(i)
        assert handle.get_attribute("aria-label"), "slider without an accessible name"
        handle.focus()
        handle.press("ArrowRight")
        page.wait_for_timeout(150)
        after_key = alts(box)
        assert len(after_key) == 1 and after_key != shown, (shown, after_key)
        track = box.locator(".noUi-target").nth(i).bounding_box()
        # the key moved the handle right, so a click near the left end always picks another value
        page.mouse.click(track["x"] + track["width"] * 0.03, track["y"] + track["height"] / 2)
        page.wait_for_timeout(150)
        shown = alts(box)
        assert len(shown) == 1 and shown != after_key, (after_key, shown)
    box.screenshot(path=str(SHOTS / f"{name}-1-sliders.png"))
    buttons = box.locator(".widget-toggle-button")
    seen = set(shown)
    for i in range(buttons.count()):
        buttons.nth(i).click()
        page.wait_for_timeout(150)
        current = alts(box)
        assert len(current) == 1
        seen.add(current[0])
    if buttons.count() > 1:
        assert len(seen) == buttons.count(), seen
        # keyboard on the buttons: focus the first (the last one is selected) and press Enter
        buttons.nth(0).focus()
        buttons.nth(0).press("Enter")
        page.wait_for_timeout(150)
        assert alts(box) != [current[0]]
    box.screenshot(path=str(SHOTS / f"{name}-2-buttons.png"))


def test_every_explorer_responds_to_mouse_and_keyboard(site, browser):
    base, pages = site
    SHOTS.mkdir(parents=True, exist_ok=True)
    explored = 0
    for path in pages:
        page, problems = open_page(browser, f"{base}/{path}")
        for n, box in enumerate(explorer_boxes(page), start=1):
            exercise_explorer(page, box, shot_name(path, f"explorer{n}").removesuffix(".png"))
            explored += 1
        assert problems == {"outside": [], "failed": [], "errors": []}, path
        page.context.close()
    assert explored >= 2


def question_boxes(page):
    boxes = page.locator(".widget-vbox").filter(has=page.locator(".mb-question"))
    return [boxes.nth(i) for i in range(boxes.count())]


def visible_feedback(box) -> list[str]:
    return box.evaluate(
        "b => [...b.querySelectorAll('.mb-feedback')].filter(e => e.offsetParent !== null).map(e => e.innerText)"
    )


def test_every_self_check_question_gives_feedback_in_the_static_page(site, browser):
    base, pages = site
    answered = 0
    for path in pages:
        page, problems = open_page(browser, f"{base}/{path}")
        for box in question_boxes(page):
            box.scroll_into_view_if_needed()
            assert visible_feedback(box) == [], "feedback shows before any answer"
            buttons = box.locator(".widget-toggle-button")
            verdicts = []
            for i in range(buttons.count()):
                buttons.nth(i).click()
                page.wait_for_timeout(100)
                shown = visible_feedback(box)
                assert len(shown) == 1, (path, i, shown)
                verdicts.append(shown[0].split(".")[0])
            assert any("Right" in v for v in verdicts) and any("Not quite" in v for v in verdicts), (path, verdicts)
            buttons.nth(0).focus()
            buttons.nth(0).press("Enter")  # by keyboard too
            page.wait_for_timeout(100)
            assert len(visible_feedback(box)) == 1
            answered += 1
        assert problems == {"outside": [], "failed": [], "errors": []}, path
        page.context.close()
    assert answered >= 9
