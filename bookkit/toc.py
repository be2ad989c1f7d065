"""The table of contents of an edition (``_toc.yml``, Jupyter Book's format): the one reader of it.

The English edition's is at the repository's root, the Indonesian one's in ``book/id`` (written by
``bookkit.translate``). Everything that needs the book's pages, parts or titles reads them here: the ledger and
the tests (:func:`toc_files`), the Indonesian edition (:func:`read_toc`), the landing page and the PDFs. A file
that is not a table of contents, a part without a caption or chapters, a chapter without a file, and a page
the table lists but the repository lacks are refused, naming the file and the entry.
"""

from __future__ import annotations

from pathlib import Path

import yaml


class TocError(ValueError):
    """A table of contents that cannot be used; the message names the file and the entry."""


def read_toc(path: Path | str) -> dict:
    """The table of contents at ``path``: ``root`` (the first page) and ``parts``, each with its ``caption`` and
    ``chapters`` (each a ``file`` and, if the table gives one, a shorter ``title``)."""
    path = Path(path)
    try:
        toc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TocError(f"{path}: cannot read the table of contents: {exc}") from exc
    if not isinstance(toc, dict) or not isinstance(toc.get("root"), str):
        raise TocError(f"{path}: a table of contents needs a 'root' page")
    for n, part in enumerate(toc.get("parts", []), start=1):
        if not isinstance(part, dict) or not isinstance(part.get("caption"), str):
            raise TocError(f"{path}: part {n} has no 'caption'")
        if not isinstance(part.get("chapters"), list):
            raise TocError(f"{path}: part {n} ({part['caption']}) has no 'chapters'")
        for chapter in part["chapters"]:
            if not isinstance(chapter, dict) or not isinstance(chapter.get("file"), str):
                raise TocError(f"{path}: part {n} ({part['caption']}) lists a chapter without a 'file'")
    return toc


def page_names(toc: dict) -> list[str]:
    """Every page the table lists, in order (as written: without a suffix)."""
    names: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            if "file" in node:
                names.append(node["file"])
            if "root" in node:
                names.append(node["root"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc)
    return names


def toc_files(path: Path | str) -> list[Path]:
    """Every source file the table of contents at ``path`` lists, resolved to an existing path."""
    path = Path(path)
    files = []
    for name in page_names(read_toc(path)):
        base = path.parent / name
        for candidate in (base, base.with_suffix(".md"), base.with_suffix(".ipynb")):
            if candidate.is_file():
                files.append(candidate)
                break
        else:
            raise TocError(f"{path}: the table of contents lists '{name}', which does not exist")
    return files


def part_of_pages(path: Path | str) -> dict[str, str]:
    """The part (its caption) of every page of the table at ``path``, by the page's name; the first page has none."""
    toc = read_toc(path)
    parts = {Path(toc["root"]).stem: ""}
    for part in toc.get("parts", []):
        for chapter in part["chapters"]:
            parts[Path(chapter["file"]).stem] = part["caption"]
    return parts
