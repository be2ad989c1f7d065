"""The translated editions: each made from the English pages and one gettext catalogue per page.

    python -m bookkit.translate            # update the catalogues and write every translation's pages
    python -m bookkit.translate --check    # change nothing; exit 1 on anything missing, fuzzy or stale

Every language of ``musclebook/data/languages.yaml`` but English is a translated edition (today one,
Bahasa Indonesia, ``id``). The English pages are the one source of the book's structure: the code cells,
the explorers, the labels and the directives. Each Markdown block of an English page (a paragraph, a list,
a heading, a whole fenced directive) is one gettext message of that page's catalogue,
``book/locale/<language>/LC_MESSAGES/<page>.po``; the translator writes the translation as the message's
``msgstr`` (any PO editor can open the file). The translated page, ``book/<language>/<page>``, is the
English page with every block replaced by its translation, and with one hidden first cell that sets the
notebook's language, so that its figures, explorers and numbers speak it in the build, in Binder and in
Colab alike.

When an English block changes, its old message is kept as obsolete (``#~``) and the new one gets the
old translation as a *fuzzy* suggestion (gettext's own matching), which a translator confirms by
removing the ``fuzzy`` flag. Until then the translated page shows the English block, and ``--check``
(run by the tests) fails, naming the catalogue, the line and the message: an English sentence changed
without its translation fails a test.

A translation must keep the block's structure: the same labels, directives and options, the same
cross-references, citations, computed values and published values, the same inline code, links and
equations (``structure_problems``). The words inside a ``{term}`` reference are translated; its target
is not. A block that is only an equation (``$$ … $$ (label)``) has no words to translate: it is not a
message, and the translated page has it as the English page has it.

The texts a reader reads in the code cells they see and run (a figure's label, a printed line) are
messages too, with the context ``code``: the msgid and the msgstr are Python string literals, and a
translation must stay one, with the same placeholders (``code_problems``). So is the text alternative of a
plot a code cell draws (``metadata.mystnb.image.alt``, the words a screen reader speaks for it), with the
context ``alt``.
"""

from __future__ import annotations

from .catalogue import _named, catalogue_text, language_of, problems, read_catalogue, translation_of, updated_catalogue
from .code import (
    ALT_CONTEXT,
    CODE_CALLS,
    CODE_CONTEXT,
    CODE_KEYWORDS,
    MAGIC,
    READER_WORD,
    _alt,
    _python,
    _shown_cells,
    _without_fields,
    code_problems,
    code_texts,
)
from .common import (
    BOOK,
    BOOK_CATALOGUE,
    EDITION_ROOTS,
    GENERATED,
    REPO,
    SITE_FOLDERS,
    TRANSLATIONS,
    TranslationError,
    catalogues,
    citation_styles,
)
from .edition import (
    INCLUDE,
    SETUP_MARK,
    Result,
    _lines,
    _translate_text,
    edition_config,
    edition_files,
    edition_toc,
    language_lines,
    main,
    run,
    setup_cell,
    stale_files,
    translate_code,
    translated_page,
)
from .pages import (
    Page,
    _front_matter,
    _markdown_texts,
    book_messages,
    counterpart,
    english_toc,
    messages,
    page_alt_texts,
    page_code_texts,
    pages,
)
from .segment import (
    CODE,
    DIRECTIVE,
    FENCE,
    LABEL,
    MATH,
    OPTION,
    PROSE_ARGUMENT,
    PROSE_ROLES,
    REFERENCE_ROLES,
    ROLE,
    TRANSLATED_OPTIONS,
    URL,
    WORDS,
    _target,
    blocks,
    is_translatable,
    split_block,
    structure,
    structure_problems,
)

__all__ = [
    "ALT_CONTEXT",
    "BOOK",
    "BOOK_CATALOGUE",
    "CODE",
    "CODE_CALLS",
    "CODE_CONTEXT",
    "CODE_KEYWORDS",
    "DIRECTIVE",
    "EDITION_ROOTS",
    "FENCE",
    "GENERATED",
    "INCLUDE",
    "LABEL",
    "MAGIC",
    "MATH",
    "OPTION",
    "PROSE_ARGUMENT",
    "PROSE_ROLES",
    "Page",
    "READER_WORD",
    "REFERENCE_ROLES",
    "REPO",
    "ROLE",
    "Result",
    "SETUP_MARK",
    "SITE_FOLDERS",
    "TRANSLATED_OPTIONS",
    "TRANSLATIONS",
    "TranslationError",
    "catalogues",
    "citation_styles",
    "language_of",
    "URL",
    "WORDS",
    "_alt",
    "_front_matter",
    "_lines",
    "_markdown_texts",
    "_named",
    "_python",
    "_shown_cells",
    "_target",
    "_translate_text",
    "_without_fields",
    "blocks",
    "book_messages",
    "catalogue_text",
    "code_problems",
    "code_texts",
    "counterpart",
    "edition_config",
    "edition_toc",
    "english_toc",
    "edition_files",
    "language_lines",
    "translated_page",
    "is_translatable",
    "main",
    "messages",
    "page_alt_texts",
    "page_code_texts",
    "pages",
    "problems",
    "read_catalogue",
    "run",
    "setup_cell",
    "split_block",
    "stale_files",
    "structure",
    "structure_problems",
    "translate_code",
    "translation_of",
    "updated_catalogue",
]
