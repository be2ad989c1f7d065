"""The built site for the tools that read it: its pages, a local server, and headless Chromium.

One place for what the browser tests, the lecture-kit tests, the handout and the site benchmark
all need: which files are reader-facing pages, how to serve the site like GitHub Pages does
(quietly, on 127.0.0.1), and how to start Debian's Chromium without downloading a browser.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import re
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

#: Folders of the built site that hold assets and templates, not pages.
NOT_PAGES = ("_static", "_sources", "_images", "_frames", "@jupyter-widgets")
DECK_SUFFIX = "-slides.html"  # a chapter's slide deck (bookkit.materials.deck)
#: Flags for headless Chromium on a machine with no network but the package registries.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


#: JavaScript for a page: the smallest text of every figure matched by a selector (the argument) that the
#: page shows now, as rendered, read from the image itself: Matplotlib writes each text as glyph outlines
#: scaled by its size in pt ("scale(0.095 -0.095)" is 9.5 pt), shown at the image's width over its natural
#: width. Returns {name, px} for each figure with text; px is 0 for an image that is not vector graphics.
FIGURE_TEXT_PX = """async (selector) => {
    const images = [...document.querySelectorAll(selector)].filter(i => i.offsetParent !== null);
    await Promise.all(images.map(i => i.complete ? 0 : new Promise(r => {
        i.addEventListener('load', r); i.addEventListener('error', r); })));
    const found = [];
    for (const i of images) {
        const name = i.currentSrc.split('/').pop();
        if (!/[.]svg$/.test(i.currentSrc)) { found.push({name, px: 0}); continue; }
        const svg = await (await fetch(i.currentSrc)).text();
        const sizes = [...svg.matchAll(/scale[(]([0-9.]+) -\\1[)]/g)].map(m => 100 * Number(m[1]));
        if (sizes.length) found.push({name, px: Math.min(...sizes) * 4 / 3 * i.clientWidth / i.naturalWidth});
    }
    return found;
}"""
DATA_URI = re.compile(r"data:image/(png|svg\+xml);base64,([A-Za-z0-9+/=]+)")


def data_uris_to_files(text: str, folder: Path, href: Callable[[str], str]) -> str:
    """``text`` with every image it carries as a base64 data URI written to a file of ``folder`` (named by
    its content, so each is written once and cached by browsers) and replaced by ``href(file name)``."""

    def to_file(match):
        data = base64.b64decode(match.group(2))
        name = hashlib.sha256(data).hexdigest()[:20] + (".png" if match.group(1) == "png" else ".svg")
        path = folder / name
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return href(name)

    return DATA_URI.sub(to_file, text)


def site_pages(html_dir: Path | str) -> list[str]:
    """The reader-facing pages of a built site, as paths relative to it (``book/twitch.html``); not the slide decks
    that ``make materials`` writes beside the chapters (``tests/test_lecture_kit.py`` opens those)."""
    html_dir = Path(html_dir)
    return sorted(
        p.relative_to(html_dir).as_posix()
        for p in html_dir.rglob("*.html")
        if not set(p.relative_to(html_dir).parts) & set(NOT_PAGES)
        and not p.name.endswith(DECK_SUFFIX)
        and not is_redirect(p)
    )


def is_redirect(page: Path) -> bool:
    """A page that only sends the reader on to where its content moved (``book/article_id.html``)."""
    return 'http-equiv="refresh"' in page.read_text(encoding="utf-8")[:2000]


def chromium_path() -> str:
    """Debian's Chromium (``apt-get install chromium``); a clear error if it is missing."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    raise FileNotFoundError("Chromium is not installed: apt-get install chromium (or `make browser`)")


def launch_chromium(playwright):
    """A headless Chromium from the OS packages, driven by playwright (never a downloaded browser)."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=list(CHROMIUM_ARGS))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request."""

    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return  # the browser left the page, or dropped a frame, while a file was being sent
        super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path | str, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve ``directory`` on a free port with ``handler``; yield its base URL (no trailing slash)."""
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
