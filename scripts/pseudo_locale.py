"""A pseudo-language: a third edition made from catalogues alone, to test that every text goes through them and fits.

    python scripts/pseudo_locale.py --out FOLDER     # its files under FOLDER (FOLDER/book/...): a copy of the
                                                     # repository, or a folder beside its catalogues (the tests)
    python scripts/pseudo_locale.py --edition FOLDER # a copy of the repository in FOLDER/repository given the
                                                     # pseudo-language, and its edition built in FOLDER/site/qps

It adds ``qps`` (a code ISO 639 reserves for local use) to ``book/musclebook/data/languages.yaml`` and writes the
catalogues a new language needs, exactly where a translator would put them (CONTRIBUTING.md, "Add a language"):

- ``book/musclebook/data/i18n/qps.yaml``: every English text of the code, the ledger, the glossary and the
  reference list;
- ``book/musclebook/data/i18n/qps/_debated.yaml``: the hedges and signals of the ledger's debated points;
- ``book/locale/qps/LC_MESSAGES/<page>.po``: every page's blocks, code texts and text alternatives, the book's
  titles (``_book.po``) and the theme's words (``_theme.po``).

Every Latin letter is accented (``Force`` -> ``Ƒöŕçé``) and each text padded by about a third (``·``), as Android's
and Mozilla's pseudo-locales do. What a translation must keep stays as it is: ``{placeholders}``, code, addresses,
TeX, labels, directives and their options, the targets of references, a Python literal's quotes and escapes, a
regular expression's escapes. Numbers are written with a decimal comma and a point between thousands.
``bookkit.translate`` then writes the edition's pages and ``bookkit.build --edition qps`` builds it, with no change
to the code (``--edition``; ``make test`` runs it before the tests, ``tests/test_pseudo_locale.py`` reads what a
reader would see).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from babel.messages.catalog import Catalog

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "book")]

from bookkit import translate  # noqa: E402
from bookkit.citations import howpublished_texts  # noqa: E402
from bookkit.sphinxext.theme_words import theme_messages  # noqa: E402
from bookkit.translate import code as code_texts  # noqa: E402
from bookkit.translate.segment import (  # noqa: E402
    DIRECTIVE,
    FENCE,
    LABEL,
    OPTION,
    PROSE_ARGUMENT,
    PROSE_ROLES,
    REFERENCE_ROLES,
    TRANSLATED_OPTIONS,
)
from musclebook import i18n  # noqa: E402
from musclebook.language import ARTICLE, LANGUAGES_FILE  # noqa: E402
from musclebook.ledger import LEDGER, read_data, read_ledger  # noqa: E402

CODE = "qps"
ACCENTED = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "ÅƁÇÐÉƑĜĤÎĴĶĹḾÑÖÞǪŔŠŢÛṼŴẊÝŽåƀçðéƒĝĥîĵķĺḿñöþǫŕšţûṽŵẋýž",
)
PADDING = 0.35  # the share of its length a text grows by (German and Finnish run about a third longer)
PAD = "·"
# kept in a text: placeholders, inline code, addresses, TeX, Python's %-formats, HTML tags and entities, escapes
KEPT = re.compile(
    r"(\{[^{}]*\}`[^`]*`|\{\{.*?\}\}|\{[^{}]*\}|`[^`]*`|https?://[^\s)>\]\"']+|\$\$.+?\$\$|\$[^$]*\$"
    r"|%\([^)]*\)[sd]|%[sd]|<[^<>]+>|&#?\w+;|\\.|\]\([^)]*\))",
    re.DOTALL,
)
# a fenced block whose body is not prose: code, TeX, raw HTML, a file's path
CODE_FENCES = {"code-block", "code", "code-cell", "math", "raw", "literalinclude", "include", "glue:figure"}


def _accent(part: str) -> str:
    return part.translate(ACCENTED)


def padding(text: str) -> str:
    letters = len(re.findall(r"[A-Za-z]", text))
    return PAD * max(1, round(letters * PADDING)) if letters else ""


def pseudo(text: str, pad: bool = True) -> str:
    """``text`` with its Latin letters accented and padded, what must stay as it is kept."""
    shown = "".join(part if KEPT.fullmatch(part) else _accent(part) for part in KEPT.split(text))
    return shown + padding(KEPT.sub("", text)) if pad else shown


def _role(match: re.Match) -> str:
    """A MyST role with its words in the pseudo-language and its target kept."""
    role, body = match.group(1), match.group(2)
    if role in PROSE_ROLES:
        return f"{{{role}}}`{pseudo(body, pad=False)}`"
    if role in REFERENCE_ROLES and role != "eq":
        explicit = re.fullmatch(r"(.*?)\s*<([^<>]+)>\s*", body, re.DOTALL)
        if explicit:
            return f"{{{role}}}`{pseudo(explicit.group(1), pad=False)} <{explicit.group(2)}>`"
        if role == "term":  # the term's words shown, the English term as its target
            return f"{{{role}}}`{pseudo(body, pad=False)} <{body}>`"
    return match.group(0)


ROLE = re.compile(r"\{([\w:-]+)\}`([^`]*)`")


def pseudo_prose(text: str) -> str:
    """A line or lines of Markdown prose: the roles' words and every other word, padded once at the end."""
    out, last = [], 0
    for match in ROLE.finditer(text):
        out += [pseudo(text[last : match.start()], pad=False), _role(match)]
        last = match.end()
    out.append(pseudo(text[last:], pad=False))
    shown = "".join(out)
    tail = re.search(r"\s*$", shown).start()
    return shown[:tail] + padding(KEPT.sub("", ROLE.sub("", text))) + shown[tail:]


def pseudo_markdown(block: str) -> str:
    """A page's block (a message of its catalogue) in the pseudo-language, its structure kept line by line."""
    out, prose, fences = [], [], []

    def flush():
        if prose:
            out.append(pseudo_prose("".join(prose)))
            prose.clear()

    for line in block.splitlines(keepends=True):
        fence = FENCE.match(line)
        directive = DIRECTIVE.match(line)
        in_code = any(name in CODE_FENCES or name == "" for _, _, name in fences)
        if fence:
            flush()
            marker, rest = fence.group(1), fence.group(2).strip()
            if fences and not rest and fences[-1][0] == marker[0] and len(marker) >= fences[-1][1]:
                fences.pop()  # the innermost open fence closes
                out.append(line)
                continue
            name = directive.group(1) if directive else ""  # a fence that is not a directive holds code
            fences.append((marker[0], len(marker), name))
            if directive and name in PROSE_ARGUMENT and directive.group(2).strip():
                argument = directive.group(2)
                out.append(line[: directive.start(2)] + pseudo(argument.rstrip("\n"), pad=False) + "\n")
            else:
                out.append(line)
            continue
        if in_code or LABEL.match(line):
            flush()
            out.append(line)
            continue
        option = OPTION.match(line)
        if option and fences:
            flush()
            if option.group(1) in TRANSLATED_OPTIONS - {"name"} and option.group(2).strip():
                out.append(line[: option.start(2)] + " " + pseudo(option.group(2).strip()) + "\n")
            else:
                out.append(line)
            continue
        prose.append(line)
    flush()
    return "".join(out)


def pseudo_literal(literal: str) -> str:
    """A Python string literal (a code text of a page) in the pseudo-language, still one literal."""
    match = re.fullmatch(r"([rRbBuUfF]*)('''|\"\"\"|'|\")(.*)\2", literal, re.DOTALL)
    if not match:
        return literal
    prefix, quote, body = match.groups()
    return prefix + quote + pseudo(body) + quote


def pseudo_pattern(pattern: str) -> str:
    """A regular expression that finds in pseudo-language what ``pattern`` finds in English: its letters accented,
    its escapes (``\\w``, ``\\b``) and character classes kept."""
    parts = re.split(r"(\\.|\[[^\]]*\]|\{\d+(?:,\d*)?\})", pattern)
    return "".join(part if re.fullmatch(r"\\.|\[[^\]]*\]|\{\d+(?:,\d*)?\}", part) else _accent(part) for part in parts)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def po(path: Path, messages: list[tuple[str, str | None, str]]) -> str:
    """A catalogue of (msgid, context, msgstr), as bookkit.translate writes one."""
    catalogue = Catalog(locale=None, project="muscle-cramps-book", fuzzy=False)
    for msgid, context, msgstr in messages:
        catalogue.add(msgid, msgstr, context=context, locations=[(path.stem, 0)])
    return translate.catalogue_text(catalogue)


def main(root: Path) -> None:
    data = root / "book" / "musclebook" / "data"
    languages = yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))
    languages[CODE] = {
        "name": pseudo("Pseudo", pad=False),
        "locale": "qps_ZZ",
        "decimal": ",",
        "thousands": ".",
        "percent_apart": False,
    }
    write(data / "languages.yaml", yaml.safe_dump(languages, allow_unicode=True, sort_keys=False))

    # the code's, the ledger's and the glossary's texts: every text the article's language has, and the quotes'
    # translations (a reader of the article's language reads the quote itself)
    ledger = read_ledger()
    english = [*i18n.catalogue(ARTICLE), *ledger.texts(CODE), *howpublished_texts()]
    texts = {msgid: pseudo(msgid) for msgid in dict.fromkeys(english)}
    write(data / "i18n" / f"{CODE}.yaml", yaml.safe_dump(texts, allow_unicode=True, width=1000))
    raw = read_data(LEDGER)
    debated = {
        "hedges": [_accent(word) for word in raw["hedges"]],
        "signals": {key: [pseudo_pattern(p) for p in point["signals"]] for key, point in raw["debated"].items()},
    }
    write(data / "i18n" / CODE / "_debated.yaml", yaml.safe_dump(debated, allow_unicode=True))

    folder = root / translate.catalogues(CODE).relative_to(REPO)
    for page in translate.pages(CODE):
        path = folder / f"{page.name}.po"
        messages = [(m, None, pseudo_markdown(m)) for m in translate.messages(page)]
        messages += [(t, code_texts.CODE_CONTEXT, pseudo_literal(t)) for t in translate.page_code_texts(page)]
        messages += [(t, code_texts.ALT_CONTEXT, pseudo(t)) for t in translate.page_alt_texts(page)]
        write(path, po(path, messages))
    book = folder / f"{translate.BOOK_CATALOGUE}.po"
    write(book, po(book, [(m, None, pseudo(m)) for m in translate.book_messages()]))
    # the theme's words: all it and the extensions may show (a language they know needs only those they lack)
    ours = [m.id for m in translate.read_catalogue(translate.catalogues(ARTICLE) / "_theme.po") if m.id]
    theme = list(dict.fromkeys([*theme_messages(), *ours]))
    write(folder / "_theme.po", po(folder / "_theme.po", [(m, None, pseudo(m)) for m in theme]))


def copy_of_the_repository(root: Path) -> None:
    """The repository's files (tracked, and new ones not yet committed) and the JavaScript ``make setup`` fetched."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (REPO / name).is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, root / name)
    for fetched in ("book/vendor", ".tools"):  # scripts/fetch_js.py's
        if not (REPO / fetched).is_dir():
            sys.exit(f"pseudo_locale: {REPO / fetched} is missing: run make setup")
        shutil.copytree(REPO / fetched, root / fetched)


def build_edition(folder: Path) -> Path:
    """A copy of the repository (``folder/repository``) given the pseudo-language by this script alone, its pages
    written by ``bookkit.translate`` (which must then find nothing missing) and its edition built: the edition's
    folder, ``folder/site/qps``. Exits naming the step that failed."""
    root = folder / "repository"
    for made in (root, folder / "site"):  # what an earlier run made here, and nothing else
        shutil.rmtree(made, ignore_errors=True)
    copy_of_the_repository(root)
    env = {**os.environ, "PYTHONPATH": f"{root}{os.pathsep}{root / 'book'}", "BOOK_SITE": str(folder / "site")}
    env.pop(i18n.ENV, None)
    for step in (
        ["scripts/pseudo_locale.py", "--out", "."],
        ["-m", "bookkit.translate"],
        ["-m", "bookkit.translate", "--check"],  # every message translated, each keeping its block's structure
        ["-m", "bookkit.build", "-W", "-n", "--keep-going", "--edition", CODE],
    ):
        done = subprocess.run([sys.executable, *step], cwd=root, env=env, capture_output=True, text=True)
        if done.returncode:
            sys.exit(f"pseudo_locale: {' '.join(step)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return folder / "site" / CODE


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    chosen = parser.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--out", type=Path, help="write the files under this folder (never the repository itself)")
    chosen.add_argument("--edition", type=Path, help="build the pseudo-language's edition in a copy, in this folder")
    arguments = parser.parse_args()
    if arguments.edition:
        print(f"The pseudo-language's edition is in {build_edition(arguments.edition.resolve())}.")
    elif arguments.out.resolve() == REPO and (REPO / ".git").exists():  # a copy has no .git
        sys.exit("pseudo_locale: not into the repository itself: use --edition, or --out in a copy")
    else:
        main(arguments.out.resolve())
