"""What a notebook's outputs depend on besides its own text: the book's modules it imports and the data they read.

A warm ``make book`` reads again (and so executes again) only the pages Sphinx finds outdated. Sphinx
knows a page's own file and what the page declares with ``env.note_dependency``. A notebook's figures
and numbers also come from the ``musclebook`` modules it imports, directly or through other modules,
and from the data files those modules read (the claim ledger, the bibliography, the catalogue of the
edition's language). :func:`notebook_dependencies` finds them by reading the code, without running it:

- the modules: every ``import musclebook.x`` / ``from musclebook import x`` in the notebook's code cells,
  then, module by module, their own imports of the package (``from .i18n import tr``), the package's
  ``__init__`` always;
- the data: a file of ``musclebook/data`` is read by a module whose code names it, by its file name
  (``"claims.yaml"``) or by a folder it sits in (``"i18n"``). A language catalogue
  (``data/i18n/<language>.yaml`` and ``data/i18n/<language>/``) is read only by the edition of that
  language: an English page does not depend on the Indonesian catalogue.

``sphinxext`` declares them for each notebook it reads, so a change to ``twitch.py`` makes the twitch
chapter, and every chapter importing it, run again in both editions, and no other.
"""

from __future__ import annotations

import ast
import functools
import json
import re
from pathlib import Path

from musclebook.language import ARTICLE

PACKAGE_NAME = "musclebook"
PACKAGE = Path(__file__).resolve().parent.parent / "book" / PACKAGE_NAME
DATA = PACKAGE / "data"
CATALOGUES = DATA / "i18n"
MAGIC = re.compile(r"^(\s*)[%!].*$", re.MULTILINE)  # IPython's magics and shell lines are not Python


class DependencyError(Exception):
    """A notebook or module whose code cannot be read; the message names the file (and the cell)."""


def _imports(tree: ast.AST, module: str | None) -> set[str]:
    """The package's modules a parsed module or cell imports (``module``: its own dotted name, for ``from .x``)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == PACKAGE_NAME}
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the package of ``module``
                if module is None:
                    continue
                base = ".".join(module.split(".")[: -node.level] + ([node.module] if node.module else []))
            elif node.module and node.module.split(".")[0] == PACKAGE_NAME:
                base = node.module
            else:
                continue
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}  # ``from musclebook import twitch`` names a module
    return {name for name in found if module_path(name) is not None}


def module_path(name: str) -> Path | None:
    """The file of one of the package's modules (``musclebook.twitch``), or None if it names no module."""
    parts = name.split(".")
    if parts[0] != PACKAGE_NAME:
        return None
    folder = PACKAGE.joinpath(*parts[1:])
    for path in (folder.with_suffix(".py"), folder / "__init__.py"):
        if path.is_file():
            return path
    return None


def _parsed(path: Path) -> ast.Module:
    return _parsed_version(path, path.stat().st_mtime_ns)  # a module edited while Sphinx runs is read again


@functools.cache
def _parsed_version(path: Path, mtime_ns: int) -> ast.Module:
    try:
        return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError as exc:
        raise DependencyError(f"{path}: line {exc.lineno}: {exc.msg}") from None


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    return ".".join(parts)


def imported_modules(roots: set[str]) -> set[Path]:
    """The files of the modules ``roots`` name and of every module of the package they import in turn."""
    seen: set[Path] = set()
    todo = [*roots, PACKAGE_NAME]
    while todo:
        path = module_path(todo.pop())
        if path is None or path in seen:
            continue
        seen.add(path)
        name = _module_name(path)
        todo += _imports(_parsed(path), name if path.name != "__init__.py" else f"{name}.__init__")
        todo += [".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)]  # parent packages
    return seen


def _named(tree: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def data_read(module: Path, language: str) -> set[Path]:
    """The data files a module reads: those it names, by file name or by a folder they sit in."""
    names = _named(_parsed(module))
    found = set()
    for path in DATA.rglob("*"):
        if not path.is_file() or path.name.startswith("."):
            continue
        folders = path.relative_to(DATA).parts[:-1]
        if not ({path.name, *folders} & names):
            continue
        if path.is_relative_to(CATALOGUES):
            # the edition's catalogue; and the article's language's files a module names itself (the ledger's
            # claims.yaml and _debated.yaml: every reader's claim card holds the correction in that language)
            catalogue_language = path.relative_to(CATALOGUES).parts[0].removesuffix(".yaml")
            named = catalogue_language == ARTICLE and path.name in names
            if catalogue_language != language and not named:
                continue
        found.add(path)
    return found


def notebook_code(notebook: Path) -> list[tuple[int, str]]:
    """The code cells of a notebook as Python (a magic's line becomes ``pass``), with their indices."""
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError) as exc:
        raise DependencyError(f"{notebook}: not a readable notebook ({exc})") from None
    return [
        (index, MAGIC.sub(r"\1pass", "".join(cell["source"])))
        for index, cell in enumerate(cells)
        if cell["cell_type"] == "code"
    ]


def notebook_dependencies(notebook: Path, language: str) -> set[Path]:
    """Every module file and data file of the package that the outputs of ``notebook`` depend on, read in the
    edition of ``language``."""
    roots = set()
    for index, source in notebook_code(notebook):
        try:
            tree = ast.parse(source)
        except SyntaxError as exc:
            raise DependencyError(f"{notebook}: cell {index}, line {exc.lineno}: {exc.msg}") from None
        roots |= _imports(tree, None)
    modules = imported_modules(roots)
    return modules | {data for module in modules for data in data_read(module, language)}
