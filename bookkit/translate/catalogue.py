"""One gettext catalogue per page: read, updated from the English, written, and checked."""

from __future__ import annotations

import io
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from musclebook.language import LANGUAGE_OF, SOURCE

from .code import ALT_CONTEXT, CODE_CONTEXT, code_problems
from .common import REPO, TranslationError
from .segment import structure_problems


def _named(path: Path) -> str:
    """A file as an error message names it: relative to the repository when it is in it."""
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def language_of(path: Path) -> str | None:
    """The language of a catalogue: its folder's (``book/locale/<language>/LC_MESSAGES/<name>.po``); None for a
    catalogue elsewhere (a test's)."""
    language = path.parent.parent.name
    return language if path.parent.name == "LC_MESSAGES" and language in LANGUAGE_OF else None


def read_catalogue(path: Path) -> Catalog:
    if not path.exists():
        return Catalog(locale=language_of(path), project="muscle-cramps-book", fuzzy=False)
    try:
        with path.open("rb") as handle:
            return read_po(handle, locale=language_of(path), abort_invalid=True)
    except Exception as exc:  # babel's PoFileError and friends
        raise TranslationError(f"{_named(path)}: not a readable PO catalogue: {exc}") from exc


def updated_catalogue(path: Path, ids: list[str], code: list[str] = (), alts: list[str] = ()) -> Catalog:
    """The catalogue at ``path`` updated to the English ``ids`` (and the page's ``code`` texts and plots'
    ``alts``): new ones added (with a fuzzy suggestion when an old message is close), ones whose English is
    gone kept as obsolete."""
    old = read_catalogue(path)
    template = Catalog(locale=language_of(path), project="muscle-cramps-book", fuzzy=False)
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
        f"# {LANGUAGE_OF[language_of(path) or SOURCE].name} for the page '{path.stem}' of the muscle-cramps book.\n"
        "# Each message is one block of the English page; write its msgstr in this language, keeping every\n"
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


# ---------------------------------------------------------------- the translated pages
