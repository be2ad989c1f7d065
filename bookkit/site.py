"""The built site for the tools that read it: its pages, a local server, and headless Chromium.

One place for what the browser tests, the lecture-kit tests, the handout and the site benchmark
all need: which files are reader-facing pages, how to serve the site like GitHub Pages does
(quietly, on 127.0.0.1), and how to start Debian's Chromium without downloading a browser.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: Folders of the built site that hold assets and templates, not pages.
NOT_PAGES = ("_static", "_sources", "_images", "_frames", "@jupyter-widgets")
#: Flags for headless Chromium on a machine with no network but the package registries.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def site_pages(html_dir: Path | str) -> list[str]:
    """The reader-facing pages of a built site, as paths relative to it (``book/twitch.html``)."""
    html_dir = Path(html_dir)
    return sorted(
        p.relative_to(html_dir).as_posix()
        for p in html_dir.rglob("*.html")
        if not set(p.relative_to(html_dir).parts) & set(NOT_PAGES)
    )


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


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(directory: Path | str) -> Iterator[str]:
    """Serve ``directory`` on a free port; yield its base URL (no trailing slash)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
