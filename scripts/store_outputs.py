"""Run every notebook of the book and store its outputs in place, for nbval to compare against.

    python scripts/store_outputs.py [book/twitch.ipynb ...]

Widget state is not stored (the built pages embed it; in Jupyter the cells are
re-run), and the outputs of widget cells are dropped: they are tagged
``nbval-ignore-output`` because their model ids change on every run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

BOOK = Path(__file__).resolve().parent.parent / "book"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def store(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
    ).execute()
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)  # timestamps would make every run a diff
        if cell.cell_type == "code" and any(WIDGET_VIEW in o.get("data", {}) for o in cell.outputs):
            cell.outputs = []
    nbformat.write(nb, path)
    print(f"stored outputs of {path.relative_to(BOOK.parent)}")


if __name__ == "__main__":
    paths = [Path(p).resolve() for p in sys.argv[1:]] or sorted(BOOK.glob("*.ipynb"))
    for p in paths:
        store(p)
