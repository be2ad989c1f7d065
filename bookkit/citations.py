"""Citations and the reference list in the language of each translated edition.

sphinxcontrib-bibtex writes its citations with the words of English ("Ross and Thomas, 1995", "Sale et al.")
and pybtex's ``plain`` style formats the reference list in English ("and", "editors", "14th edition",
"pages", "visited on", "n.d."). A translated edition (its ``_config.yml`` made by ``bookkit.translate``)
names the two styles registered here for its language instead, which write the same citations and references
with the words its catalogue gives (``STYLE_WORDS``, ``CITATION_WORDS``). In Indonesian scholarly writing:
"Ross dan Thomas, 1995", "Sale dkk., 1982", "t.t." (*tanpa tahun*) for a source without a year, "editor",
"edisi ke-14", "hlm.", "diakses pada". What a web page or a notice is (its ``howpublished``) is a catalogue text
too (``howpublished_texts``). Titles, journals and publishers stay as published.

The live kernel writes the same words (``musclebook.prose.CITATION_WORDS``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pybtex.plugin
from pybtex.richtext import Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.formatting.unsrt import dashify
from pybtex.style.template import field as bib_field
from pybtex.style.template import (
    first_of,
    href,
    join,
    names,
    node,
    optional,
    optional_field,
    sentence,
    tag,
    words,
)
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
from sphinxcontrib.bibtex.style.referencing.basic_author_year import (
    BasicAuthorYearParentheticalReferenceStyle,
    BasicAuthorYearTextualReferenceStyle,
)
from sphinxcontrib.bibtex.style.template import join2, post_text, pre_text, reference

from musclebook import i18n
from musclebook.i18n import N_
from musclebook.language import SOURCE
from musclebook.prose import CITATION_WORDS

from .ledger import DEFAULT_BIB
from .translate import TRANSLATIONS, citation_styles

#: The reference list's own words, in English (the catalogues translate them); ``{number}``: an edition's number
STYLE_WORDS = {
    "editor": N_("editor"),
    "edition": N_("edition"),
    "ordinal": N_("{number}th"),
    "chapter": N_("chapter"),
    "pages": N_("pp."),
    "visited": N_("visited on"),
}


def howpublished_texts(bib: Path = DEFAULT_BIB) -> list[str]:
    """What each web page or notice of the bibliography is (``howpublished``, as written there): catalogue texts."""
    from pybtex.database import parse_file

    entries = parse_file(str(bib)).entries.values()
    return [entry.fields["howpublished"] for entry in entries if "howpublished" in entry.fields]


def words_of(language: str) -> dict[str, str]:
    """The citations' and the reference list's words in ``language`` (``CITATION_WORDS`` and ``STYLE_WORDS``)."""
    return i18n.words(CITATION_WORDS, language) | i18n.words(STYLE_WORDS, language)


@node
def year(children, data, no_date=CITATION_WORDS["no_date"]):
    """The year of a source, or the language's word for none (*t.t.*, tanpa tahun) when it has none."""
    assert not children
    text = first_of[optional[bib_field("year")], no_date].format_data(data)
    # a source whose year is written "n.d." in references.bib: the language's word
    return Text(no_date) if str(text) == CITATION_WORDS["no_date"] else text


def _person(words: dict[str, str]) -> PersonStyle:
    return PersonStyle(sep2=f" {words['and']} ", last_sep=f", {words['and']} ", other=Text(" " + words["et_al"]))


@dataclass
class _Parenthetical(BasicAuthorYearParentheticalReferenceStyle):
    no_date: str = CITATION_WORDS["no_date"]

    def inner(self, role_name: str):
        year_ = year(no_date=self.no_date)
        return join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[
            pre_text,
            reference[
                join(sep=self.author_year_sep)[self.person.author_or_editor_or_title(full="s" in role_name), year_]
            ],
            post_text,
        ]


@dataclass
class _Textual(BasicAuthorYearTextualReferenceStyle):
    no_date: str = CITATION_WORDS["no_date"]

    def inner(self, role_name: str):
        year_ = year(no_date=self.no_date)
        return join(sep=self.text_reference_sep)[
            self.person.author_or_editor_or_title(full="s" in role_name),
            join[
                self.bracket.left,
                join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[pre_text, reference[year_], post_text],
                self.bracket.right,
            ],
        ]


@dataclass
class TranslatedAuthorYear(AuthorYearReferenceStyle):
    """``author_year`` in the words of a translation ("dan", "dkk.", "t.t."): a subclass per language sets
    ``words``."""

    words: ClassVar[dict[str, str]] = CITATION_WORDS

    def __post_init__(self):
        self.person = _person(self.words)
        super().__post_init__()
        common = dict(
            person=self.person,
            pre_text_sep=self.pre_text_sep,
            post_text_sep=self.post_text_sep,
            no_date=self.words["no_date"],
        )
        self.styles[0] = _Parenthetical(
            bracket=self.bracket_parenthetical, author_year_sep=self.author_year_sep, **common
        )
        self.styles[1] = _Textual(bracket=self.bracket_textual, text_reference_sep=self.text_reference_sep, **common)
        self.role_style.update((role, style) for style in self.styles[:2] for role in style.role_names())


def _ordinal(edition: Text, template: str) -> Text:
    """ "14th" -> "ke-14" (*edisi ke-14*), by the language's ``template``."""
    number = re.sub(r"(?i)(st|nd|rd|th)$", "", str(edition).strip())
    return Text(template.format(number=number)) if number.isdigit() else edition


pages = bib_field("pages", apply_func=dashify)


class TranslatedStyle(PlainStyle):
    """pybtex's ``plain`` style in the words of a translation's references (``STYLE_WORDS``, from the catalogue):
    a subclass per language sets ``words`` and ``language``."""

    words: ClassVar[dict[str, str]] = CITATION_WORDS | STYLE_WORDS
    language: ClassVar[str] = SOURCE

    def described(self, howpublished: str) -> Text:
        """What a web page or a notice is (``howpublished``), in the language's words (its catalogue)."""
        return Text.from_latex(i18n.template(howpublished, self.language))

    @property
    def date(self):
        return words[optional_field("month"), year(no_date=self.words["no_date"])]

    def format_names(self, role, as_sentence=True):
        formatted = names(role, sep=", ", sep2=f" {self.words['and']} ", last_sep=f", {self.words['and']} ")
        return sentence[formatted] if as_sentence else formatted

    def format_editor(self, e, as_sentence=True):
        result = join(sep=", ")[self.format_names("editor", as_sentence=False), self.words["editor"]]
        return sentence[result] if as_sentence else result

    def format_edition(self, e):
        return optional[
            words[self.words["edition"], bib_field("edition", apply_func=lambda e: _ordinal(e, self.words["ordinal"]))]
        ]

    def format_chapter_and_pages(self, e):
        return join(sep=", ")[
            optional[words[self.words["chapter"], bib_field("chapter")]],
            optional[words[self.words["pages"], pages]],
        ]

    def get_article_template(self, e):
        volume_and_pages = first_of[
            optional[join[bib_field("volume"), optional["(", bib_field("number"), ")"], ":", pages]],
            words[self.words["pages"], pages],
        ]
        return toplevel[
            self.format_names("author"),
            self.format_title(e, "title"),
            sentence[tag("em")[bib_field("journal")], optional[volume_and_pages], self.date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_book_template(self, e):
        return toplevel[
            self.format_author_or_editor(e),
            self.format_btitle(e, "title"),
            self.format_volume_and_series(e),
            sentence[bib_field("publisher"), optional_field("address"), self.format_edition(e), self.date],
            optional[sentence[self.format_isbn(e)]],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_misc_template(self, e):
        return toplevel[
            optional[sentence[self.format_names("author")]],
            optional[self.format_title(e, "title")],
            sentence[optional[bib_field("howpublished", raw=True, apply_func=self.described)], optional[self.date]],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def format_web_refs(self, e):
        return sentence[
            optional[self.format_url(e), optional[f" ({self.words['visited']} ", bib_field("urldate"), ")"]],
            optional[self.format_eprint(e)],
            optional[self.format_pubmed(e)],
            optional[self.format_doi(e)],
        ]

    def format_url(self, e):
        url = bib_field("url", raw=True)
        return words["URL:", href(url)[url]]


def register(language: str) -> None:
    """The two styles of ``language``'s edition, under the names its ``_config.yml`` gives them."""
    styles, said = citation_styles(language), words_of(language)
    reference = type(f"AuthorYear_{language}", (TranslatedAuthorYear,), {"words": said})
    formatting = type(f"Style_{language}", (TranslatedStyle,), {"words": said, "language": language})
    register_plugin("sphinxcontrib.bibtex.style.referencing", styles["bibtex_reference_style"], reference)
    pybtex.plugin.register_plugin("pybtex.style.formatting", styles["bibtex_default_style"], formatting)


for _language in TRANSLATIONS:
    register(_language)
