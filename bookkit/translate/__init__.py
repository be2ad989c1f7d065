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

from .catalogue import _named, catalogue_text, problems, read_catalogue, translation_of, updated_catalogue
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
    CATALOGUES,
    CITATION_STYLES,
    EDITION,
    EDITION_ROOTS,
    GENERATED,
    LANGUAGE,
    REPO,
    SITE_FOLDERS,
    TranslationError,
)
from .edition import (
    INCLUDE,
    LANGUAGE_LINES,
    SETUP_MARK,
    Result,
    _lines,
    _translate_text,
    edition_config,
    edition_toc,
    indonesian_page,
    main,
    run,
    setup_cell,
    stale_files,
    translate_code,
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
    "CATALOGUES",
    "CITATION_STYLES",
    "CODE",
    "CODE_CALLS",
    "CODE_CONTEXT",
    "CODE_KEYWORDS",
    "DIRECTIVE",
    "EDITION",
    "EDITION_ROOTS",
    "FENCE",
    "GENERATED",
    "INCLUDE",
    "LABEL",
    "LANGUAGE",
    "LANGUAGE_LINES",
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
    "TranslationError",
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
    "indonesian_page",
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
