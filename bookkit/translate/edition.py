"""Each translated edition written from the English pages and its catalogues; the command line."""

from __future__ import annotations

import copy
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog

from musclebook import i18n
from musclebook.i18n import N_
from musclebook.language import LANGUAGE_OF

from .catalogue import catalogue_text, problems, translation_of, updated_catalogue
from .code import ALT_CONTEXT, CODE_CONTEXT, _alt, _shown_cells, code_texts
from .common import (
    BOOK_CATALOGUE,
    EDITION_ROOTS,
    GENERATED,
    REPO,
    TRANSLATIONS,
    TranslationError,
    catalogues,
    citation_styles,
)
from .pages import (
    Page,
    _front_matter,
    book_messages,
    counterpart,
    english_toc,
    messages,
    page_alt_texts,
    page_code_texts,
    pages,
)
from .segment import blocks, split_block


# added to the notebook's one set-up cell (the hidden cell that sets up Colab and imports): its figures,
# explorers and numbers then speak the edition's language in the build, in Binder and in Colab alike
def language_lines(language: str) -> str:
    """The lines added to a notebook's set-up cell in ``language``'s edition."""
    return (
        f"\n\n# {LANGUAGE_OF[language].name}: the figures, explorers and numbers of this notebook speak this edition's"
        f' language\nfrom musclebook import i18n  # noqa: E402\n\ni18n.set_language("{language}")'
    )


SETUP_MARK = "google.colab"  # the set-up cell is the one code cell that sets up Colab


def setup_cell(cells: list[dict]) -> dict:
    """A notebook's one set-up cell; an error naming the notebook's first cells if there is none."""
    found = [c for c in cells if c["cell_type"] == "code" and SETUP_MARK in "".join(c["source"])]
    if len(found) != 1:
        raise TranslationError(
            f"expected one set-up cell (the code cell that sets up {SETUP_MARK}); found {len(found)}"
        )
    return found[0]


INCLUDE = re.compile(r"^(\s*(?:`{3,}|:{3,})\{(?:literalinclude|include|image|figure)\}\s+)(\S+)", re.MULTILINE)


def _translate_text(text: str, catalogue: Catalog) -> str:
    front, body = _front_matter(text)
    out = [front]
    for block, gap in blocks(body):
        message, ending = split_block(block)
        translated = translation_of(catalogue, message) if message else None
        out.append((translated if translated is not None else message) + ending + gap)
    # a translation's pages sit one folder below the English ones: files they include are one level up
    return INCLUDE.sub(lambda m: m.group(1) + "../" + m.group(2), "".join(out))


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def translated_page(page: Page, catalogue: Catalog) -> str:
    raw = page.source.read_text(encoding="utf-8")
    if page.source.suffix == ".md":
        return _translate_text(raw, catalogue)
    nb = json.loads(raw)
    cells = []
    shown = {id(c) for c in _shown_cells(nb["cells"])}
    for original in nb["cells"]:
        cell = copy.deepcopy(original)
        if cell["cell_type"] == "markdown":
            cell["source"] = _lines(_translate_text("".join(cell["source"]), catalogue))
        elif id(original) in shown:
            cell["source"] = _lines(translate_code("".join(cell["source"]), catalogue))
        if cell["cell_type"] == "code" and _alt(cell):
            translated = translation_of(catalogue, _alt(cell), ALT_CONTEXT)
            if translated is not None:
                cell["metadata"]["mystnb"]["image"]["alt"] = translated
        cells.append(cell)
    try:
        setup = setup_cell(cells)
    except TranslationError as exc:
        raise TranslationError(f"{page.source}: {exc}") from None
    setup["source"] = _lines("".join(setup["source"]) + language_lines(page.language))
    nb["cells"] = cells
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def translate_code(source: str, catalogue: Catalog) -> str:
    """A code cell with the texts its reader reads translated (the code itself unchanged)."""
    for text in code_texts(source):
        translated = translation_of(catalogue, text, CODE_CONTEXT)
        if translated is not None:
            source = source.replace(text, translated)
    return source


def edition_toc(book: Catalog) -> str:
    toc = english_toc()
    toc["root"] = counterpart(toc["root"], "en")
    for part in toc.get("parts", []):
        part["caption"] = translation_of(book, part["caption"]) or part["caption"]
        for chapter in part["chapters"]:
            chapter["file"] = counterpart(chapter["file"], "en")
            if "title" in chapter:  # a shorter title for the table of contents than the page's own
                chapter["title"] = translation_of(book, chapter["title"]) or chapter["title"]
    return GENERATED + yaml.safe_dump(toc, allow_unicode=True, sort_keys=False)


# myst-nb's buttons on a hidden code cell
SHOW_CODE, HIDE_CODE = N_("Show code"), N_("Hide code")


def edition_config(book: Catalog, language: str) -> str:
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = translation_of(book, config["title"]) or config["title"]
    config["author"] = translation_of(book, config["author"]) or config["author"]  # the footer's "Oleh ..."
    config["exclude_patterns"] = ["_build", "**.ipynb_checkpoints"]
    config["bibtex_bibfiles"] = ["../" + p.removeprefix("book/") for p in config["bibtex_bibfiles"]]
    config["repository"]["path_to_book"] = EDITION_ROOTS[language].relative_to(REPO).as_posix()
    config["html"]["favicon"] = "../_assets/favicon.png"
    sphinx = config["sphinx"]
    sphinx["local_extensions"] = {"bookkit.sphinxext": "../.."}
    cfg = sphinx["config"]
    cfg["language"] = language
    cfg.update(citation_styles(language))
    try:
        cfg["nb_code_prompt_show"] = i18n.template(SHOW_CODE, language)
        cfg["nb_code_prompt_hide"] = i18n.template(HIDE_CODE, language)
    except KeyError as exc:  # a language whose catalogue is not there yet
        raise TranslationError(exc.args[0]) from None
    cfg["html_static_path"] = ["../" + p.removeprefix("book/") for p in cfg["html_static_path"]]
    cfg["templates_path"] = ["../" + p.removeprefix("book/") for p in cfg["templates_path"]]
    cfg.pop("html_extra_path", None)  # the site root's files belong to the English edition, at the root
    return GENERATED + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)


@dataclass
class Result:
    """What one run found and would write: {path: text}, and every problem, by catalogue."""

    files: dict[Path, str]
    problems: list[str]


def run(languages: tuple[str, ...] = TRANSLATIONS) -> Result:
    """Every translated edition: its catalogues updated from the English pages, its pages, table of contents and
    configuration written from them."""
    files: dict[Path, str] = {}
    found: list[str] = []
    for language in languages:
        edition = edition_files(language)
        files |= edition.files
        found += edition.problems
    return Result(files, found)


def edition_files(language: str) -> Result:
    files: dict[Path, str] = {}
    found: list[str] = []
    for page in pages(language):
        catalogue = updated_catalogue(page.catalogue, messages(page), page_code_texts(page), page_alt_texts(page))
        files[page.catalogue] = catalogue_text(catalogue)
        files[page.target] = translated_page(page, catalogue)
        found += problems(catalogue, page.catalogue)
    book_path = catalogues(language) / f"{BOOK_CATALOGUE}.po"
    book = updated_catalogue(book_path, book_messages())
    files[book_path] = catalogue_text(book)
    found += problems(book, book_path)
    files[EDITION_ROOTS[language] / "_toc.yml"] = edition_toc(book)
    files[EDITION_ROOTS[language] / "_config.yml"] = edition_config(book, language)
    return Result(files, found)


def stale_files(result: Result) -> list[Path]:
    return [
        path for path, text in result.files.items() if not path.exists() or path.read_text(encoding="utf-8") != text
    ]


def main(argv: list[str]) -> int:
    if "--editions" in argv:  # the translations' codes, for the Makefile to build each
        print(" ".join(TRANSLATIONS))
        return 0
    try:
        result = run()
    except TranslationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if "--check" in argv:
        stale = stale_files(result)
        for path in stale:
            print(f"{path.relative_to(REPO)}: not up to date (run: python -m bookkit.translate)", file=sys.stderr)
        for problem in result.problems:
            print(problem, file=sys.stderr)
        return 1 if stale or result.problems else 0
    for path, text in result.files.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    missing = sum("is missing" in p for p in result.problems)
    print(f"{len(result.files)} files up to date; {missing} messages to translate, {len(result.problems)} problems")
    return 0
