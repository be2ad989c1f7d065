"""``jupyter-book build``, with Sphinx reading documents in parallel, so that notebooks execute side by side.

    python -m bookkit.build [jupyter-book build options] PATH
    python -m bookkit.build --edition id [jupyter-book build options]

Jupyter Book 1's command line has no option for Sphinx's parallel jobs; its ``build_sphinx`` takes
one. Reading a notebook executes it (``execute_notebooks: force``), so with two processes (the
default, or ``BOOK_JOBS``) two notebooks run at once and a cold build on two cores takes about two
thirds of the time. Two kernels never start at the same moment: a kernel manager picks free TCP ports
and the kernel binds them a moment later, so two starting at once could pick the same port (the second
kernel then died with "Address already in use"); a file lock makes each start, until its kernel answers,
wait for the other. Everything else is ``jupyter-book build`` unchanged.

``--edition id`` builds a translated edition, here the Indonesian (``book/id``, made by ``bookkit.translate``), in
``_build/id`` (or ``--path-output``) and publishes it in the English site's ``id/`` folder,
``_build/html/id`` (or ``$BOOK_SITE/id``).
"""

from __future__ import annotations

import fcntl
import functools
import os
import shutil
import sys
import tempfile
from pathlib import Path

import jupyter_book.sphinx
from jupyter_book.cli.main import main
from nbclient import NotebookClient

from bookkit.ledger import toc_files
from bookkit.translate import EDITION_ROOTS
from musclebook.language import SOURCE

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


REPO = Path(__file__).resolve().parent.parent
EDITIONS = {language: root for language, root in EDITION_ROOTS.items() if language != SOURCE}  # the translations
SITE = Path(os.environ.get("BOOK_SITE", REPO / "_build" / "html"))


def run(argv: list[str]) -> int:
    # the command looks build_sphinx up in its module when it runs, so the jobs set here reach Sphinx
    jupyter_book.sphinx.build_sphinx = functools.partial(jupyter_book.sphinx.build_sphinx, jobs=JOBS)
    NotebookClient.start_new_kernel = _start_new_kernel
    NotebookClient.start_new_kernel_client = _start_new_kernel_client
    edition = None
    if "--edition" in argv:
        at = argv.index("--edition")
        edition, argv = argv[at + 1], argv[:at] + argv[at + 2 :]
        if edition not in EDITIONS:
            raise SystemExit(f"bookkit.build: no edition {edition!r}; the editions are {', '.join(EDITIONS)}")
        output = REPO / "_build" / edition
        if "--path-output" in argv:
            at = argv.index("--path-output")
            output, argv = Path(argv[at + 1]), argv[:at] + argv[at + 2 :]
        argv = [*argv, "--path-output", str(output), str(EDITIONS[edition])]
    try:
        main(["build", *argv], standalone_mode=False)
    except SystemExit as exc:  # jupyter-book exits on a failed build
        if exc.code:
            return int(exc.code) if isinstance(exc.code, int) else 1
    missing = missing_pages(Path(argv[-1]).resolve(), output if edition is not None else None, argv)
    if missing:  # Sphinx's parallel writer can lose a page whose template failed, and still say "succeeded"
        print(
            f"bookkit.build: the build wrote no page for {', '.join(missing)}: build again with BOOK_JOBS=1 to see why"
        )
        return 1
    if edition is not None:
        built, published = output / "_build" / "html", SITE / edition
        shutil.rmtree(published, ignore_errors=True)
        shutil.copytree(built, published)
        print(f"The {edition} edition is in {published}.")
    return 0


def missing_pages(root: Path, output: Path | None, argv: list[str]) -> list[str]:
    """The documents of the table of contents of the book in ``root`` without their HTML page (an HTML build only)."""
    if "--builder" in argv and argv[argv.index("--builder") + 1] != "html":
        return []
    if output is None:
        output = Path(argv[argv.index("--path-output") + 1]) if "--path-output" in argv else root
    html_dir = output / "_build" / "html"
    return [
        str(page.relative_to(root))
        for page in toc_files(root / "_toc.yml")
        if not (html_dir / page.relative_to(root)).with_suffix(".html").is_file()
    ]


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
