"""``jupyter-book build``, with Sphinx reading documents in parallel, so that notebooks execute side by side.

    python -m bookkit.build [jupyter-book build options] PATH

Jupyter Book 1's command line has no option for Sphinx's parallel jobs; its ``build_sphinx`` takes
one. Reading a notebook executes it (``execute_notebooks: force``), so with two processes (the
default, or ``BOOK_JOBS``) two notebooks run at once and a cold build on two cores takes about two
thirds of the time. Two kernels never start at the same moment: a kernel manager picks free TCP ports
and the kernel binds them a moment later, so two starting at once could pick the same port (the second
kernel then died with "Address already in use"); a file lock makes each start, until its kernel answers,
wait for the other. Everything else is ``jupyter-book build`` unchanged.
"""

from __future__ import annotations

import fcntl
import functools
import os
import sys
import tempfile
from pathlib import Path

import jupyter_book.sphinx
from jupyter_book.cli.main import main
from nbclient import NotebookClient

JOBS = int(os.environ.get("BOOK_JOBS", "2"))


LOCK = Path(tempfile.gettempdir()) / "musclebook-kernel-start.lock"
_start_kernel, _start_client = NotebookClient.start_new_kernel, NotebookClient.start_new_kernel_client


def _start_new_kernel(self, **kwargs):
    """Start a kernel holding the lock (released once the kernel answers, in ``_start_new_kernel_client``)."""
    self._musclebook_lock = LOCK.open("w")
    fcntl.flock(self._musclebook_lock, fcntl.LOCK_EX)
    try:
        return _start_kernel(self, **kwargs)
    except BaseException:
        self._musclebook_lock.close()
        raise


def _start_new_kernel_client(self):
    try:
        return _start_client(self)  # returns once the kernel has bound its ports and answered
    finally:
        lock = getattr(self, "_musclebook_lock", None)
        if lock is not None:
            lock.close()  # closing the file releases the lock


def run(argv: list[str]) -> None:
    # the command looks build_sphinx up in its module when it runs, so the jobs set here reach Sphinx
    jupyter_book.sphinx.build_sphinx = functools.partial(jupyter_book.sphinx.build_sphinx, jobs=JOBS)
    NotebookClient.start_new_kernel = _start_new_kernel
    NotebookClient.start_new_kernel_client = _start_new_kernel_client
    sys.argv = ["jupyter-book", "build", *argv]
    main()


if __name__ == "__main__":
    run(sys.argv[1:])
