"""The built book in headless Chromium: explorers respond with no kernel and no network.

Chromium comes from the OS packages (``apt-get install chromium``), driven by playwright
with ``executable_path``; no browser is downloaded. Screenshots of each step are written
to ``_build/screenshots/`` for people to look at.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
SHOTS = REPO / "_build" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.browser

# Page errors known to come from upstream, each with its cause. Keep this list short.
ALLOWED_PAGE_ERRORS = (
    # Jupyter Book 1 / sphinx-thebe declares THEBE_JS_URL twice on every page.
    "Identifier 'THEBE_JS_URL' has already been declared",
)
ALLOWED_CONSOLE_ERRORS = (
    # pydata-sphinx-theme logs this on a first visit, before a theme mode is stored.
    "Got invalid theme mode",
)

VISIBLE_FRAME_ALTS = """(root) => Array.from(root.querySelectorAll('.mb-frame img'))
    .filter(img => img.offsetParent !== null).map(img => img.alt)"""


@pytest.fixture(scope="module")
def site(built_book):
    html_dir, _ = built_book

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=html_dir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "Chromium is not installed: apt-get install chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield b
        b.close()


def open_page(browser, url, width=1280, wait_for=".mb-frame img"):
    """Open a page, recording requests outside the site, failed requests and errors."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems = {"outside": [], "failed": [], "errors": []}
    host = url.split("/")[2]
    page.on("request", lambda r: problems["outside"].append(r.url)
            if not r.url.startswith(("data:", f"http://{host}/")) else None)
    page.on("response", lambda r: problems["failed"].append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: problems["failed"].append(f"failed {r.url}"))
    page.on("pageerror", lambda e: problems["errors"].append(str(e))
            if not any(a in str(e) for a in ALLOWED_PAGE_ERRORS) else None)
    page.on("console", lambda m: problems["errors"].append(m.text)
            if m.type == "error" and not any(a in m.text for a in ALLOWED_CONSOLE_ERRORS) else None)
    page.goto(url, wait_until="networkidle")
    if wait_for:
        page.wait_for_selector(wait_for, state="visible", timeout=20_000)
    return page, problems


def explorer_boxes(page):
    boxes = page.locator(".widget-vbox").filter(has=page.locator(".mb-frame"))
    return [boxes.nth(i) for i in range(boxes.count())]


def alts(box):
    return box.evaluate(VISIBLE_FRAME_ALTS)


def test_twitch_explorers_respond_to_mouse_and_keyboard(site, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page, problems = open_page(browser, f"{site}/book/twitch.html")
    boxes = explorer_boxes(page)
    assert len(boxes) == 2
    for n, box in enumerate(boxes, start=1):
        box.scroll_into_view_if_needed()
        box.screenshot(path=str(SHOTS / f"twitch-explorer{n}-0-start.png"))
        before = alts(box)
        assert len(before) == 1, before

        # keyboard: the slider handle takes arrow keys
        handle = box.locator(".noUi-handle").first
        handle.focus()
        handle.press("ArrowRight")
        page.wait_for_timeout(200)
        after_key = alts(box)
        assert len(after_key) == 1 and after_key != before, (before, after_key)
        box.screenshot(path=str(SHOTS / f"twitch-explorer{n}-1-key.png"))

        # mouse: click near the right end of the slider track
        track = box.locator(".noUi-target").first.bounding_box()
        page.mouse.click(track["x"] + track["width"] * 0.95, track["y"] + track["height"] / 2)
        page.wait_for_timeout(200)
        after_mouse = alts(box)
        assert len(after_mouse) == 1 and after_mouse != after_key, (after_key, after_mouse)

        # buttons: every other option shows another frame
        buttons = box.locator(".widget-toggle-button")
        seen = {after_mouse[0]}
        for i in range(buttons.count()):
            buttons.nth(i).click()
            page.wait_for_timeout(150)
            current = alts(box)
            assert len(current) == 1
            seen.add(current[0])
        assert len(seen) == buttons.count(), seen
        box.screenshot(path=str(SHOTS / f"twitch-explorer{n}-2-buttons.png"))
    assert problems == {"outside": [], "failed": [], "errors": []}


@pytest.mark.parametrize("path", ["book/intro.html", "book/article.html", "book/cramps.html",
                                  "book/bibliography.html"])
def test_text_pages_load_cleanly_offline(site, browser, path):
    page, problems = open_page(browser, f"{site}/{path}", width=375, wait_for="main")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"phone-{Path(path).stem}.png"), full_page=True)
    assert problems == {"outside": [], "failed": [], "errors": []}
    # readable on a phone: no horizontal scrolling of the page
    assert page.evaluate("document.documentElement.scrollWidth") <= 375 + 1
