"""``jupyter-book build``, with Sphinx reading documents in parallel, so that notebooks execute side by side.

    python -m bookkit.build [jupyter-book build options] PATH

Jupyter Book 1's command line has no option for Sphinx's parallel jobs; its ``build_sphinx`` takes
one. Reading a notebook executes it (``execute_notebooks: force``), so with two processes (the
default, or ``BOOK_JOBS``) two notebooks run at once and a cold build on two cores takes about two
thirds of the time. Everything else is ``jupyter-book build`` unchanged.
"""

from __future__ import annotations

import functools
import os
import sys

import jupyter_book.sphinx
from jupyter_book.cli.main import main

JOBS = int(os.environ.get("BOOK_JOBS", "2"))


def run(argv: list[str]) -> None:
    # the command looks build_sphinx up in its module when it runs, so the jobs set here reach Sphinx
    jupyter_book.sphinx.build_sphinx = functools.partial(jupyter_book.sphinx.build_sphinx, jobs=JOBS)
    sys.argv = ["jupyter-book", "build", *argv]
    main()


if __name__ == "__main__":
    run(sys.argv[1:])
