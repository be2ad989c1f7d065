"""No stale page: a warm ``make book`` runs again every notebook whose modules (or their data) changed, and no other.

The dependencies a notebook gets (``bookkit.dependencies``) are checked here against what the chapters
import, written out by hand; the slow test rebuilds a copy of the book after changing a model constant
and reads the new number on the page.
"""

from __future__ import annotations

import os
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bookkit.dependencies import DependencyError, notebook_dependencies

REPO = Path(__file__).resolve().parent.parent
BOOK = REPO / "book"
PACKAGE = BOOK / "musclebook"


def names(found: set[Path]) -> set[str]:
    return {str(p.relative_to(PACKAGE)) for p in found}


def test_a_chapter_depends_on_its_model_the_modules_behind_it_and_their_data():
    found = names(notebook_dependencies(BOOK / "twitch.ipynb", "en"))
    # imported by the notebook, through twitch_plots (explorer, style), through every model (params, i18n)
    assert {
        "twitch.py",
        "twitch_plots.py",
        "explorer/__init__.py",
        "explorer/render.py",
        "style.py",
        "params.py",
        "i18n.py",
        "__init__.py",
    } <= found
    # read by claims.py (claim cards) and prose.py (citations in a live kernel)
    assert {"data/claims.yaml", "data/references.bib"} <= found
    # another chapter's model, and the build's own data (the glossary is declared by its directive)
    assert not {"membrane.py", "generator.py", "data/terms.yaml"} & found


def test_a_model_imported_through_another_model_is_a_dependency():
    """fatigue.py imports length_speed (``from . import length_speed as ls``): its chapter depends on both."""
    assert {"fatigue.py", "length_speed.py", "constants.py"} <= names(
        notebook_dependencies(BOOK / "fatigue.ipynb", "en")
    )


def test_the_language_catalogue_is_a_dependency_of_its_own_edition_only_but_the_ledger_s_of_every_edition():
    """A notebook depends on its edition's catalogue; one with claim cards also on the ledger's texts in the article's
    language, which every reader's card holds (an edit of an Indonesian correction rebuilds the English page)."""
    english = names(notebook_dependencies(BOOK / "twitch.ipynb", "en"))
    indonesian = names(notebook_dependencies(BOOK / "id" / "twitch.ipynb", "id"))
    assert {n for n in english if n.startswith("data/i18n/")} == {
        "data/i18n/id/claims.yaml",
        "data/i18n/id/_debated.yaml",
    }
    assert {"data/i18n/id.yaml", "data/i18n/id/quiz-twitch.yaml", "data/i18n/id/claims.yaml"} <= indonesian


def test_an_unreadable_cell_is_named(tmp_path):
    notebook = tmp_path / "broken.ipynb"
    notebook.write_text('{"cells": [{"cell_type": "code", "source": ["x = (1,"]}]}', encoding="utf-8")
    with pytest.raises(DependencyError, match=r"broken\.ipynb: cell 0, line 1"):
        notebook_dependencies(notebook, "en")


def copy_of_the_book(into: Path) -> Path:
    """The repository's sources (with the fetched reveal.js the build serves, and the KaTeX it typesets with, in
    .tools), without builds or environments."""
    ignored = shutil.ignore_patterns(".git", ".venv", "_build", "node_modules", "__pycache__", "*.egg-info")
    shutil.copytree(REPO, into, ignore=ignored)
    return into


def build(copy: Path) -> list[str]:
    """Build the copy's English edition (warm when its build folder exists); return the documents Sphinx read."""
    proc = subprocess.run(
        [sys.executable, "-m", "bookkit.build", "-n", "--keep-going", "."],  # into the copy's _build/html
        cwd=copy,
        capture_output=True,
        text=True,
        # the copy's own packages, for the build and for the kernels it starts (not the installed checkout)
        env=os.environ
        | {"PYTHONPATH": f"{copy}{os.pathsep}{copy / 'book'}", "BOOK_SITE": str(copy / "_build" / "html")},
    )
    log = re.sub(r"\x1b\[[0-9;]*m", "", proc.stdout + proc.stderr)
    assert proc.returncode == 0, log[-4000:]
    return re.findall(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)", log, re.MULTILINE)


@pytest.mark.slow
def test_a_warm_build_shows_a_changed_model_constant_and_reads_only_what_depends_on_it(tmp_path):
    copy = copy_of_the_book(tmp_path / "book")
    config_path = copy / "_config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    # run only the twitch chapter: the others are read but not executed, which keeps the cold build short
    others = [str(p.relative_to(copy)) for p in sorted((copy / "book").glob("*.ipynb")) if p.stem != "twitch"]
    config["execute"]["exclude_patterns"] = others
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    build(copy)
    page = copy / "_build" / "html" / "book" / "twitch.html"
    assert "force rises for 112 ms" in page.read_text(encoding="utf-8")

    model = copy / "book" / "musclebook" / "twitch.py"
    source = model.read_text(encoding="utf-8")
    slow = 'SLOW = Unit("slow", contraction_time_ms=112.4)'
    assert slow in source
    model.write_text(source.replace(slow, slow.replace("112.4", "118.0")), encoding="utf-8")
    read = build(copy)
    assert "book/twitch" in read
    assert "force rises for 118 ms" in page.read_text(encoding="utf-8")
    assert not {"book/membrane", "book/fatigue", "book/coupling"} & set(read), read  # they do not import twitch

    # the Indonesian catalogue: read by the Indonesian edition, so no English chapter runs again; of the English
    # pages only the glossary is read again, which names each term's Indonesian word (some are figures' words too)
    catalogue = copy / "book" / "musclebook" / "data" / "i18n" / "id.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not [doc for doc in build(copy) if doc.startswith("book/") and doc not in ("book/intro", "book/glossary")]
    # the Indonesian corrections: every reader's claim card holds them, so the English article depends on them (Sphinx
    # reads a page again when a file it depends on changes)
    with (copy / "_build" / ".doctrees" / "environment.pickle").open("rb") as handle:
        depends = pickle.load(handle).dependencies["book/article"]
    assert any(str(path).endswith("data/i18n/id/claims.yaml") for path in depends), sorted(map(str, depends))
