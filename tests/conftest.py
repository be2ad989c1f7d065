"""Shared fixtures: the one built book that every build-dependent test reads.

``make test`` builds the book once, strictly and from scratch, into ``_build/html`` (its log in
``_build/book.log``), adds its slides and PDFs (``make materials``) and runs the tests with
``--site _build/html``: the strict-build checks, the browser suite, the lecture kit and the PDFs all
read that one tree, the tree CI then publishes. Without ``--site``, the first test that needs the book
builds it (and its materials) once into a temporary folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption("--site", default=None, help="a built site (_build/html) to test instead of building one")
    parser.addoption(
        "--review-shots",
        action="store_true",
        help="browser tests: screenshot whole phone pages and every explorer's states, for review",
    )
    parser.addoption("--build-log", default=None, help="the log of that build (default: _build/book.log beside it)")
    parser.addoption(
        "--pseudo-edition",
        default=None,
        help="the pseudo-language's edition (scripts/pseudo_locale.py --edition) to test instead of building one",
    )


def build_into(out: Path) -> tuple[Path, str]:
    """Build both editions strictly (-W -n --keep-going) from scratch into ``out``, the Indonesian one into
    the English site's ``id/``, with their slides and PDFs (as ``make materials``); return (html dir, both logs)."""
    site, logs = out / "_build" / "html", []
    command = [sys.executable, "-m", "bookkit.build", "--all", "-W", "-n", "--keep-going", "--path-output"]
    for edition in ([str(out), "."], [str(out / "id"), "--edition", "id"]):
        proc = subprocess.run(  # as `make book` builds them (bookkit.build: notebooks in parallel)
            [*command, *edition], cwd=REPO, capture_output=True, text=True, env=os.environ | {"BOOK_SITE": str(site)}
        )
        logs.append(proc.stdout + proc.stderr)
        assert proc.returncode == 0, f"strict build failed:\n{logs[-1][-6000:]}"
    for script in ("slides.py", "book_pdf.py"):  # what `make materials` adds to the site
        for edition in ("en", "id"):
            proc = subprocess.run(
                [sys.executable, str(REPO / "scripts" / script), str(site), "--edition", edition],
                cwd=REPO,
                capture_output=True,
                text=True,
            )
            assert proc.returncode == 0, f"{script} --edition {edition} failed:\n{(proc.stdout + proc.stderr)[-6000:]}"
    return site, "\n".join(logs)


def pytest_collection_modifyitems(config, items):
    """A ``lint`` test checks a policy of the repository (tests/test_policy.py) and says so: its docstring names
    it "policy", so that its failure is not read as a broken model."""
    unsaid = [item.nodeid for item in items if item.get_closest_marker("lint") and not _says_policy(item)]
    if unsaid:
        raise pytest.UsageError(f"`lint` tests whose docstring does not say 'policy': {sorted(set(unsaid))}")


def _says_policy(item) -> bool:
    return "policy" in (getattr(getattr(item, "function", None), "__doc__", None) or "").lower()


@pytest.fixture(scope="session")
def built_book(request, tmp_path_factory):
    """The built site and its build log: the one given with ``--site``, or one built now."""
    site = request.config.getoption("--site")
    if site:
        site = Path(site).resolve()
        assert (site / "index.html").is_file(), f"--site {site}: no built book there (run `make book`)"
        log_path = Path(request.config.getoption("--build-log") or site.parent / "book.log")
        logs = [log_path, log_path.with_name(log_path.stem + "-id.log")]  # the two editions' logs
        for path in logs:
            assert path.is_file(), f"no build log at {path}: build with `make book`, which writes it"
        return site, "\n".join(path.read_text(encoding="utf-8") for path in logs)
    return build_into(tmp_path_factory.mktemp("book-build"))


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by playwright, shared by every browser test of a worker."""
    from playwright.sync_api import sync_playwright

    from bookkit.site import launch_chromium

    with sync_playwright() as p:
        chromium = launch_chromium(p)
        yield chromium
        chromium.close()


@pytest.fixture
def at_two_time_steps(monkeypatch):
    """Compute ``results()`` at a model module's time step and again at a finer ``DT_MS``; return both.

    The module's memoised functions (``cached``) are cleared before the finer run and after it, so no
    result of the finer step stays behind for the other tests."""

    def run(module, finer_dt_ms, cached, results):
        coarse = results()
        try:
            for f in cached:
                f.cache_clear()
            monkeypatch.setattr(module, "DT_MS", finer_dt_ms)
            fine = results()
        finally:
            for f in cached:
                f.cache_clear()
        return coarse, fine

    return run
