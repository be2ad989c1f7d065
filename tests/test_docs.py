"""The README and the contributing guide describe the code as it is: every file, folder and module they name exists."""

from __future__ import annotations

import functools
import importlib
import os
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCUMENTS = ("README.md", "CONTRIBUTING.md")
# made by a command, not tracked: named by the guides as where output lands
MADE = ("_build/", ".venv/", ".tools/", "book/vendor/")
FILE = re.compile(r"^[\w.<>*-]+(/[\w.<>*-]*)*\.(py|ipynb|md|ya?ml|txt|in|po|bib|js|css|toml|cff|html|json)$")
FOLDER = re.compile(r"^[\w.<>*-]+(/[\w.<>*-]+)*/$")
MODULE = re.compile(r"^(musclebook|bookkit)(\.\w+)+$")
SKIP = {".git", ".venv", "_build", "node_modules", ".tools", "__pycache__"}


def spans(name: str) -> list[str]:
    return re.findall(r"`([^`\s]+)`", (REPO / name).read_text(encoding="utf-8"))


@functools.cache
def repository_files() -> tuple[Path, ...]:
    found = []
    for folder, subfolders, files in os.walk(REPO):
        subfolders[:] = [s for s in subfolders if s not in SKIP]  # not into environments and builds
        found += [Path(folder) / f for f in files]
    return tuple(found)


def tracked(pattern: str) -> list[Path]:
    """Files of the repository matching a glob anywhere (a bare file name may sit in any folder)."""
    return [p for p in repository_files() if p.match(pattern)]


def exists(path: str) -> bool:
    pattern = re.sub(r"<[^>]+>", "*", path).rstrip("/")
    if path.endswith("/"):
        return any(p.is_dir() for base in (REPO, REPO / "book") for p in base.glob(pattern))
    if "/" not in pattern:
        return bool(tracked(pattern))
    return any(list(base.glob(pattern)) for base in (REPO, REPO / "book"))  # `musclebook/...` is in book/


def named_paths(name: str) -> list[str]:
    return [s for s in spans(name) if (FILE.match(s) or FOLDER.match(s)) and not s.startswith(MADE)]


@pytest.mark.lint
@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_path_a_guide_names_exists(document):
    """Policy: every file and folder the README and the contributing guide name exists."""
    names = named_paths(document)
    assert len(names) > 10, f"{document}: the path reader found almost nothing ({names})"
    missing = sorted({n for n in names if not exists(n)})
    assert not missing, f"policy: {document} names what the repository does not have: {missing}"


@pytest.mark.lint
@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_module_a_guide_names_imports(document):
    """Policy: every module and attribute the README and the contributing guide name imports."""
    for dotted in {s for s in spans(document) if MODULE.match(s)}:
        parts = dotted.split(".")
        for split in range(len(parts), 0, -1):  # the longest importable prefix, then attributes
            try:
                found = importlib.import_module(".".join(parts[:split]))
                break
            except ModuleNotFoundError:
                continue
        for attribute in parts[split:]:
            assert hasattr(found, attribute), f"policy: {document} names {dotted}, which does not exist"
            found = getattr(found, attribute)


@pytest.mark.lint
def test_the_path_reader_finds_a_missing_path():
    """Policy (of the path reader): the check can fail: a path to a module the package does not have."""
    assert FILE.match("musclebook/verdicts.py") and not exists("musclebook/verdicts.py")
    assert exists("musclebook/claims.py") and exists("book/<chapter>.ipynb") and exists("explorer.js")
