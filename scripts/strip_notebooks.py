"""Store the book's notebooks without outputs: what a reader sees is computed when the book is built.

    python scripts/strip_notebooks.py [--check] [book/*.ipynb ...]

Removes outputs, execution counts and widget state, so that no stored result (a float, a figure)
depends on the machine that made it. With ``--check``, changes nothing and exits 1, naming the
notebooks that still carry outputs (the pre-commit hook and CI run it this way).
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

BOOK = Path(__file__).resolve().parent.parent / "book"


def strip(nb) -> bool:
    """Strip ``nb`` in place; return whether anything was removed."""
    changed = bool(nb.metadata.pop("widgets", None))
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if cell.outputs or cell.execution_count is not None:
            changed = True
        cell.outputs, cell.execution_count = [], None
        for key in ("execution", "collapsed", "scrolled"):
            changed |= cell.metadata.pop(key, None) is not None
    return changed


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [Path(a) for a in argv if a != "--check"] or sorted(BOOK.rglob("*.ipynb"))
    dirty = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if strip(nb):
            dirty.append(path)
            if not check:
                nbformat.write(nb, path)
    if check and dirty:
        print("notebooks stored with outputs (run: python scripts/strip_notebooks.py):", *map(str, dirty), sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
