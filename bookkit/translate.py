"""The Indonesian edition: made from the English pages and one gettext catalogue per page.

    python -m bookkit.translate            # update the catalogues and write the Indonesian pages
    python -m bookkit.translate --check    # change nothing; exit 1 on anything missing, fuzzy or stale

The English pages are the one source of the book's structure: the code cells, the explorers, the
labels and the directives. Each Markdown block of an English page (a paragraph, a list, a heading, a
whole fenced directive) is one gettext message of that page's catalogue,
``book/locale/id/LC_MESSAGES/<page>.po``; the translator writes its Indonesian as the message's
``msgstr`` (any PO editor can open the file). The Indonesian page, ``book/id/<page>``, is the English
page with every block replaced by its translation, and with one hidden first cell that sets the
notebook's language, so that its figures, explorers and numbers speak Indonesian in the build, in
Binder and in Colab alike.

When an English block changes, its old message is kept as obsolete (``#~``) and the new one gets the
old translation as a *fuzzy* suggestion (gettext's own matching), which a translator confirms by
removing the ``fuzzy`` flag. Until then the Indonesian page shows the English block, and ``--check``
(run by the tests) fails, naming the catalogue, the line and the message: an English sentence changed
without its Indonesian fails a test.

A translation must keep the block's structure: the same labels, directives and options, the same
cross-references, citations, computed values and published values, the same inline code, links and
equations (``structure_problems``). The words inside a ``{term}`` reference are translated; its target
is not. A block that is only an equation (``$$ … $$ (label)``) has no words to translate: it is not a
message, and the Indonesian page has it as the English page has it.

The texts a reader reads in the code cells they see and run (a figure's label, a printed line) are
messages too, with the context ``code``: the msgid and the msgstr are Python string literals, and a
translation must stay one, with the same placeholders (``code_problems``). So is the text alternative of a
plot a code cell draws (``metadata.mystnb.image.alt``, the words a screen reader speaks for it), with the
context ``alt``.
"""

from __future__ import annotations

import ast
import copy
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from .ledger import toc_files

REPO = Path(__file__).resolve().parent.parent
BOOK = REPO / "book"
LANGUAGE = "id"
EDITION = BOOK / LANGUAGE  # the Indonesian edition's pages, config and table of contents
# each edition: the folder of its _config.yml and _toc.yml, and where it sits in the published site
EDITION_ROOTS = {"en": REPO, LANGUAGE: EDITION}
SITE_FOLDERS = {"en": "", LANGUAGE: f"{LANGUAGE}/"}
CATALOGUES = BOOK / "locale" / LANGUAGE / "LC_MESSAGES"
BOOK_CATALOGUE = "_book"  # the book's title, its author and the parts of its table of contents
# the citation and reference-list styles of the Indonesian edition ("dan", "dkk.", "edisi", "hlm."): registered
# by bookkit.citations, named in the edition's _config.yml
CITATION_STYLES = {"bibtex_reference_style": f"author_year_{LANGUAGE}", "bibtex_default_style": f"plain_{LANGUAGE}"}

# added to the notebook's one set-up cell (the hidden cell that sets up Colab and imports): its figures,
# explorers and numbers then speak the edition's language in the build, in Binder and in Colab alike
LANGUAGE_LINES = (
    "\n\n# Bahasa Indonesia: the figures, explorers and numbers of this notebook speak Indonesian\n"
    f'from musclebook import i18n  # noqa: E402\n\ni18n.set_language("{LANGUAGE}")'
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


class TranslationError(Exception):
    """A catalogue or a page that cannot be used; the message names the file, the entry and the field."""


# ---------------------------------------------------------------- blocks

FENCE = re.compile(r"^\s*(`{3,}|:{3,})(.*)$")


def blocks(text: str) -> list[tuple[str, str]]:
    """``text`` as (block, the blank lines after it): blocks split at blank lines outside fenced blocks.

    ``"".join(b + sep for b, sep in blocks(text)) == text``."""
    lines = text.splitlines(keepends=True)
    out: list[tuple[str, str]] = []
    current: list[str] = []
    gap: list[str] = []
    fences: list[tuple[str, int]] = []
    for line in lines:
        if not fences and not line.strip():
            gap.append(line)
            continue
        if gap:
            if current:
                out.append(("".join(current), "".join(gap)))
                current = []
            else:  # blank lines before the first block
                out.append(("", "".join(gap)))
            gap = []
        current.append(line)
        fence = FENCE.match(line)
        if fence:
            marker, rest = fence.group(1), fence.group(2).strip()
            char, size = marker[0], len(marker)
            if fences and not rest and fences[-1][0] == char and size >= fences[-1][1]:
                fences.pop()
            else:
                fences.append((char, size))
    if current:
        out.append(("".join(current), "".join(gap)))
    elif gap:
        out.append(("", "".join(gap)))
    return out


def split_block(block: str) -> tuple[str, str]:
    """A block's text (the message) and the line ending it keeps outside the message."""
    stripped = block.rstrip("\n")
    return stripped, block[len(stripped) :]


ROLE = re.compile(r"\{([\w:-]+)\}`([^`]*)`")
LABEL = re.compile(r"^\(([\w.:-]+)\)=\s*$", re.MULTILINE)
DIRECTIVE = re.compile(r"^\s*(?:`{3,}|:{3,})\{([\w:-]+)\}(.*)$", re.MULTILINE)
OPTION = re.compile(r"^\s*:([\w-]+):(.*)$", re.MULTILINE)
CODE = re.compile(r"(?<!`)(?<!\})`([^`{}]+)`(?!`)")
URL = re.compile(r"https?://[^\s)>\]\"']+")
# dollar math: a displayed equation with its label, ``$$ … $$ (eq-nernst)``, or ``$…$`` in a sentence
MATH = re.compile(r"\$\$.+?\$\$(?:[ \t]*\([\w.:-]+\))?|(?<![\\$])\$[^$\s](?:[^$\n]*?[^$\s\\])?\$", re.DOTALL)
WORDS = re.compile(r"[A-Za-z]{2,}")
TRANSLATED_OPTIONS = {"name", "alt", "caption"}  # directive options whose value is prose; others must match
REFERENCE_ROLES = {"ref", "numref", "doc", "term", "download", "eq"}
PROSE_ROLES = {"sub", "sup", "abbr"}  # their text is prose: translated
PROSE_ARGUMENT = {"admonition", "dropdown", "exercise", "topic", "sidebar", "card", "tab-item"}  # a title


def is_translatable(text: str) -> bool:
    """Whether a block has words a reader reads (a label, or a directive with no content or title, has none)."""
    text = DIRECTIVE.sub(lambda m: m.group(2) if m.group(1) in PROSE_ARGUMENT else " ", text)
    for pattern in (MATH, ROLE, LABEL, OPTION, CODE, URL, re.compile(r"^\s*(`{3,}|:{3,})\s*$", re.M)):
        text = pattern.sub(" ", text)
    return bool(WORDS.search(text))


def _target(role: str, body: str) -> str:
    """What a role points at: ``{ref}`text <target>``` -> target; ``{eval}`name``` -> name."""
    explicit = re.search(r"<([^<>]+)>\s*$", body)
    if role in PROSE_ROLES:
        return ""
    if role in REFERENCE_ROLES:
        target = explicit.group(1) if explicit else body
        return target.strip().lower() if role == "term" else target.strip()
    return body.strip()


def structure(text: str) -> dict[str, list[str]]:
    """What a translation must keep of a block, each as a sorted list."""
    options = []
    math = MATH.findall(text)
    text = MATH.sub(" ", text)
    for name, value in OPTION.findall(text):
        options.append(name if name in TRANSLATED_OPTIONS else f"{name}:{value.strip()}")
    return {
        "labels": sorted(LABEL.findall(text)),
        "directives": sorted(
            name if name in PROSE_ARGUMENT else f"{name} {arg.strip()}" for name, arg in DIRECTIVE.findall(text)
        ),
        "directive options": sorted(options),
        "references, citations and values": sorted(
            f"{{{role}}}{_target(role, body)}" for role, body in ROLE.findall(text)
        ),
        "inline code": sorted(CODE.findall(ROLE.sub(" ", text))),
        "links": sorted(URL.findall(text)),
        "headings": sorted(re.findall(r"^(#+) ", text, re.MULTILINE)),
        "equations": sorted(math),  # the same TeX, character for character
    }


def structure_problems(english: str, translation: str) -> list[str]:
    """What the translation lost or added of the English block's structure (empty when it kept it)."""
    problems = []
    mine, theirs = structure(english), structure(translation)
    for what, expected in mine.items():
        got = theirs[what]
        if got != expected:
            missing = sorted(set(expected) - set(got)) or expected
            extra = sorted(set(got) - set(expected))
            problems.append(
                f"{what}: the English has {expected}, the translation {got}"
                + (f" (missing {missing})" if set(expected) - set(got) else "")
                + (f" (not in the English: {extra})" if extra else "")
            )
    return problems


# ---------------------------------------------------------------- pages


@dataclass(frozen=True)
class Page:
    """One page of the English edition: its source and where its catalogue and Indonesian page go."""

    source: Path  # book/twitch.ipynb

    @property
    def docname(self) -> str:
        return self.source.relative_to(REPO).with_suffix("").as_posix()

    @property
    def name(self) -> str:
        return self.source.stem

    @property
    def catalogue(self) -> Path:
        return CATALOGUES / f"{self.name}.po"

    @property
    def target(self) -> Path:
        return EDITION / self.source.name


def english_toc() -> dict:
    return yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))


def pages() -> list[Page]:
    """The English edition's pages, in the order of its table of contents (a missing one is an error)."""
    return [Page(path) for path in toc_files(REPO / "_toc.yml")]


def counterpart(docname: str, language: str) -> str:
    """The same page in the other edition: ``book/twitch`` (English) <-> ``twitch`` (Indonesian)."""
    if language == "en":
        return docname.removeprefix("book/")
    return "book/" + docname


def _markdown_texts(page: Page) -> list[str]:
    """The page's Markdown, one text per notebook cell (a Markdown page is one text)."""
    raw = page.source.read_text(encoding="utf-8")
    if page.source.suffix == ".md":
        return [raw]
    nb = json.loads(raw)
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


def _front_matter(text: str) -> tuple[str, str]:
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4) + 5
        return text[:end], text[end:]
    return "", text


def messages(page: Page) -> list[str]:
    """The page's translatable blocks, in order, each once."""
    seen: dict[str, None] = {}
    for text in _markdown_texts(page):
        for block, _ in blocks(_front_matter(text)[1]):
            message = split_block(block)[0]
            if message and is_translatable(message):
                seen.setdefault(message, None)
    return list(seen)


def page_code_texts(page: Page) -> list[str]:
    """The texts of the code a reader sees on the page (notebooks only), in order, each once."""
    if page.source.suffix != ".ipynb":
        return []
    cells = json.loads(page.source.read_text(encoding="utf-8"))["cells"]
    seen: dict[str, None] = {}
    for cell in _shown_cells(cells):
        for text in code_texts("".join(cell["source"])):
            seen.setdefault(text, None)
    return list(seen)


# Texts in the code a reader sees and runs ("run the model yourself"): the labels, titles and printed lines
# of its figures and outputs. Each is a message with the context "code"; its msgid and msgstr are Python
# string literals (f-strings keep their {placeholders}).
CODE_CONTEXT = "code"
CODE_CALLS = {"set_title", "set_xlabel", "set_ylabel", "set_label", "print", "text", "legend"}
CODE_KEYWORDS = {"label", "title"}
MAGIC = re.compile(r"^(\s*)[%!].*$", re.MULTILINE)
READER_WORD = re.compile(r"[a-z]{3,}")


def _python(source: str) -> str:
    """A notebook cell as Python: each line of an IPython magic (``%config``) becomes ``pass``, so that the
    other lines keep their offsets."""
    return MAGIC.sub(r"\1pass", source)


def _shown_cells(cells: list[dict]) -> list[dict]:
    """The code cells a reader sees as code (not hidden by a tag)."""
    hidden = {"remove-cell", "remove-input", "hide-input", "hide-cell"}
    return [c for c in cells if c["cell_type"] == "code" and not hidden & set(c.get("metadata", {}).get("tags", []))]


def _without_fields(node) -> str:
    if isinstance(node, ast.Constant):
        return node.value
    return "".join(v.value for v in node.values if isinstance(v, ast.Constant))


def code_texts(source: str) -> list[str]:
    """The string literals of a cell that a reader reads in its output, as written in the code."""
    code = _python(source)
    found = []
    for node in ast.walk(ast.parse(code)):
        if not isinstance(node, ast.Call):
            continue
        candidates = []
        if getattr(node.func, "attr", getattr(node.func, "id", None)) in CODE_CALLS:
            candidates += node.args
        candidates += [k.value for k in node.keywords if k.arg in CODE_KEYWORDS]
        for value in candidates:
            text = isinstance(value, ast.Constant) and isinstance(value.value, str) or isinstance(value, ast.JoinedStr)
            if text and READER_WORD.search(_without_fields(value)):
                found.append(ast.get_source_segment(code, value))
    return found


def code_problems(english: str, translation: str) -> list[str]:
    """A code text's translation must be one Python string literal with the same {placeholders}."""
    try:
        node = ast.parse(translation.strip(), mode="eval").body
    except SyntaxError as exc:
        return [f"not a Python string literal: {exc.msg}"]
    if (
        not isinstance(node, ast.Constant | ast.JoinedStr)
        or isinstance(node, ast.Constant)
        and not isinstance(node.value, str)
    ):
        return ["not a Python string literal"]

    def fields(literal: str) -> list[str]:
        tree = ast.parse(literal, mode="eval").body
        values = tree.values if isinstance(tree, ast.JoinedStr) else []
        return sorted(ast.unparse(v) for v in values if isinstance(v, ast.FormattedValue))

    if fields(english) != fields(translation):
        return [f"placeholders: the English has {fields(english)}, the translation {fields(translation)}"]
    return []


# The text alternative of a code cell's plot (myst-nb's ``mystnb.image.alt``), with the context "alt".
ALT_CONTEXT = "alt"


def _alt(cell: dict) -> str | None:
    return cell.get("metadata", {}).get("mystnb", {}).get("image", {}).get("alt")


def page_alt_texts(page: Page) -> list[str]:
    """The text alternatives of the plots of the page's code cells (notebooks only), in order, each once."""
    if page.source.suffix != ".ipynb":
        return []
    cells = json.loads(page.source.read_text(encoding="utf-8"))["cells"]
    return list(dict.fromkeys(alt for c in cells if c["cell_type"] == "code" and (alt := _alt(c))))


def book_messages() -> list[str]:
    toc = english_toc()
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    parts = toc.get("parts", [])
    titles = [chapter["title"] for part in parts for chapter in part["chapters"] if "title" in chapter]
    return [config["title"], config["author"]] + [part["caption"] for part in parts] + titles


# ---------------------------------------------------------------- catalogues


def _named(path: Path) -> str:
    """A file as an error message names it: relative to the repository when it is in it."""
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def read_catalogue(path: Path) -> Catalog:
    if not path.exists():
        return Catalog(locale=LANGUAGE, project="muscle-cramps-book", fuzzy=False)
    try:
        with path.open("rb") as handle:
            return read_po(handle, locale=LANGUAGE, abort_invalid=True)
    except Exception as exc:  # babel's PoFileError and friends
        raise TranslationError(f"{_named(path)}: not a readable PO catalogue: {exc}") from exc


def updated_catalogue(path: Path, ids: list[str], code: list[str] = (), alts: list[str] = ()) -> Catalog:
    """The catalogue at ``path`` updated to the English ``ids`` (and the page's ``code`` texts and plots'
    ``alts``): new ones added (with a fuzzy suggestion when an old message is close), ones whose English is
    gone kept as obsolete."""
    old = read_catalogue(path)
    template = Catalog(locale=LANGUAGE, project="muscle-cramps-book", fuzzy=False)
    for number, msgid in enumerate(ids, start=1):
        template.add(msgid, locations=[(path.stem, number)])
    for number, msgid in enumerate(code, start=len(ids) + 1):
        template.add(msgid, locations=[(path.stem, number)], context=CODE_CONTEXT)
    for number, msgid in enumerate(alts, start=len(ids) + len(code) + 1):
        template.add(msgid, locations=[(path.stem, number)], context=ALT_CONTEXT)
    old.update(template, no_fuzzy_matching=False, update_header_comment=False)
    old.fuzzy = False
    for message in old:
        message.flags.difference_update({"python-format", "python-brace-format"})  # Markdown, not Python
    old.header_comment = (
        f"# Bahasa Indonesia for the page '{path.stem}' of the muscle-cramps book.\n"
        "# Each message is one block of the English page; write its msgstr in Indonesian, keeping every\n"
        "# label, directive, reference ({term}, {ref}, {doc}, {cite}), value ({eval}, {pub}) and link.\n"
        "# Remove a 'fuzzy' flag only after checking the translation against the English.\n"
        "# Made and updated by: python -m bookkit.translate"
    )
    return old


def catalogue_text(catalogue: Catalog) -> str:
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=0, omit_header=False, include_previous=True, sort_output=False)
    text = buffer.getvalue().decode("utf-8")
    # the header's creation and revision dates would change on every run; the catalogue's history is git's
    return re.sub(r'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"\n', "", text, flags=re.MULTILINE)


def translation_of(catalogue: Catalog, msgid: str, context: str | None = None) -> str | None:
    message = catalogue.get(msgid, context=context)
    if message is None or message.fuzzy or not message.string:
        return None
    return message.string


def problems(catalogue: Catalog, path: Path) -> list[str]:
    """Every message that is missing, fuzzy, obsolete or that breaks its block's structure."""
    where = _named(path)
    found = []
    for message in catalogue:
        if not message.id:
            continue
        first = message.id.splitlines()[0][:70]
        line = f"{where}:{message.lineno}" if message.lineno else str(where)
        if message.fuzzy:
            found.append(f"{line}: msgstr of '{first}…' is fuzzy (its English changed): check it, remove 'fuzzy'")
        elif not message.string:
            found.append(f"{line}: msgstr of '{first}…' is missing: translate it")
        else:
            check = code_problems if message.context == CODE_CONTEXT else structure_problems
            for problem in check(message.id, message.string):
                found.append(f"{line}: msgstr of '{first}…': {problem}")
    for msgid in catalogue.obsolete:
        found.append(f"{where}: obsolete message '{msgid.splitlines()[0][:70]}…' (its English is gone): delete it")
    return found


# ---------------------------------------------------------------- the Indonesian pages

INCLUDE = re.compile(r"^(\s*(?:`{3,}|:{3,})\{(?:literalinclude|include|image|figure)\}\s+)(\S+)", re.MULTILINE)


def _translate_text(text: str, catalogue: Catalog) -> str:
    front, body = _front_matter(text)
    out = [front]
    for block, gap in blocks(body):
        message, ending = split_block(block)
        translated = translation_of(catalogue, message) if message else None
        out.append((translated if translated is not None else message) + ending + gap)
    # the Indonesian pages sit one folder below the English ones: files they include are one level up
    return INCLUDE.sub(lambda m: m.group(1) + "../" + m.group(2), "".join(out))


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def indonesian_page(page: Page, catalogue: Catalog) -> str:
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
    setup["source"] = _lines("".join(setup["source"]) + LANGUAGE_LINES)
    nb["cells"] = cells
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def translate_code(source: str, catalogue: Catalog) -> str:
    """A code cell with the texts its reader reads in Indonesian (the code itself unchanged)."""
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


def edition_config(book: Catalog) -> str:
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = translation_of(book, config["title"]) or config["title"]
    config["author"] = translation_of(book, config["author"]) or config["author"]  # the footer's "Oleh ..."
    config["exclude_patterns"] = ["_build", "**.ipynb_checkpoints"]
    config["bibtex_bibfiles"] = ["../" + p.removeprefix("book/") for p in config["bibtex_bibfiles"]]
    config["repository"]["path_to_book"] = f"book/{LANGUAGE}"
    config["html"]["favicon"] = "../_assets/favicon.png"
    sphinx = config["sphinx"]
    sphinx["local_extensions"] = {"bookkit.sphinxext": "../.."}
    cfg = sphinx["config"]
    cfg["language"] = LANGUAGE
    cfg.update(CITATION_STYLES)
    cfg["nb_code_prompt_show"] = "Tampilkan kode"  # myst-nb's button on a hidden code cell
    cfg["nb_code_prompt_hide"] = "Sembunyikan kode"
    cfg["html_static_path"] = ["../" + p.removeprefix("book/") for p in cfg["html_static_path"]]
    cfg["templates_path"] = ["../" + p.removeprefix("book/") for p in cfg["templates_path"]]
    cfg.pop("html_extra_path", None)  # the site root's files belong to the English edition, at the root
    return GENERATED + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)


GENERATED = "# Made by `python -m bookkit.translate` from the English edition's file of the same name: edit that one.\n"


@dataclass
class Result:
    """What one run found and would write: {path: text}, and every problem, by catalogue."""

    files: dict[Path, str]
    problems: list[str]


def run() -> Result:
    files: dict[Path, str] = {}
    found: list[str] = []
    for page in pages():
        catalogue = updated_catalogue(page.catalogue, messages(page), page_code_texts(page), page_alt_texts(page))
        files[page.catalogue] = catalogue_text(catalogue)
        files[page.target] = indonesian_page(page, catalogue)
        found += problems(catalogue, page.catalogue)
    book_path = CATALOGUES / f"{BOOK_CATALOGUE}.po"
    book = updated_catalogue(book_path, book_messages())
    files[book_path] = catalogue_text(book)
    found += problems(book, book_path)
    files[EDITION / "_toc.yml"] = edition_toc(book)
    files[EDITION / "_config.yml"] = edition_config(book)
    return Result(files, found)


def stale_files(result: Result) -> list[Path]:
    return [
        path for path, text in result.files.items() if not path.exists() or path.read_text(encoding="utf-8") != text
    ]


def main(argv: list[str]) -> int:
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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
