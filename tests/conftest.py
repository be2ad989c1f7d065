"""Shared fixtures: the book's package on the path, and one strict build of the whole book."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BOOK = REPO / "book"
sys.path.insert(0, str(BOOK))


@pytest.fixture(scope="session")
def built_book(tmp_path_factory):
    """Build the book from scratch, strictly (-W -n --keep-going), into a fresh folder.

    Returns the path of the built HTML site and the build log.
    """
    out = tmp_path_factory.mktemp("book-build")
    fetch = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "fetch_js.py")], cwd=REPO, capture_output=True, text=True
    )
    assert fetch.returncode == 0, fetch.stdout + fetch.stderr
    jb = Path(sys.executable).parent / "jupyter-book"  # next to the interpreter, as `make` uses it
    assert jb.exists(), "jupyter-book is not installed: run `make setup` (pip install -r requirements.txt)"
    proc = subprocess.run(
        [str(jb), "build", "--all", "-W", "-n", "--keep-going", "--path-output", str(out), "."],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"strict build failed:\n{log[-6000:]}"
    return out / "_build" / "html", log
