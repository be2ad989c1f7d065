"""Where a reader can run a chapter's code: said on the web page, where nothing runs, and in a live kernel.

The "Run the model yourself" section of each chapter calls :func:`run_here` in a cell the book shows by its
output only. In the web book (built by the book's Sphinx extension, which puts the launch addresses of the
edition being built in ``MUSCLEBOOK_LAUNCH``) it says that the page runs no code and links the chapter's own
notebook in Binder and in Colab; in a live kernel (Jupyter, Binder, Colab) it says how to run the cell.
"""

from __future__ import annotations

import json
import os

from .i18n import tr

ENV = "MUSCLEBOOK_LAUNCH"  # {"binder": "...{chapter}...", "colab": "...{chapter}..."}: set while the book is built


def launch_links(chapter: str) -> dict[str, str] | None:
    """The Binder and Colab addresses of ``chapter``'s notebook while the web book is built; None elsewhere."""
    addresses = os.environ.get(ENV)
    if not addresses:
        return None
    return {name: url.format(chapter=chapter) for name, url in json.loads(addresses).items()}


class RunHere:
    """The note, as Markdown (the web book parses it as MyST; Jupyter renders it)."""

    def __init__(self, chapter: str):
        links = launch_links(chapter)
        if links:
            self.text = tr(
                "**This page does not run code.** To change the code below and run it, open this chapter in "
                "[Binder]({binder}) (JupyterLab in your browser, nothing to install; the first start can take a "
                "few minutes) or in [Google Colab]({colab}).",
                **links,
            )
        else:
            self.text = tr("Change the code below and run it: **Shift+Enter** runs a cell.")

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def run_here(chapter: str) -> RunHere:
    """How to run the code of ``chapter`` (its notebook's name, ``"twitch"``) where the reader is."""
    return RunHere(chapter)
