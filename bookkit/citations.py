"""Citations and the reference list in the Indonesian edition's language.

sphinxcontrib-bibtex writes its citations with the words of English ("Ross and Thomas, 1995", "Sale et al.")
and pybtex's ``plain`` style formats the reference list in English ("and", "editors", "14th edition",
"pages", "visited on", "n.d."). The Indonesian edition (``_config.yml`` made by ``bookkit.translate``)
names the two styles registered here instead, which write the same citations and references with the words
of Indonesian scholarly writing: "Ross dan Thomas, 1995", "Sale dkk., 1982", "t.t." (*tanpa tahun*) for a
source without a year, "editor", "edisi ke-14", "hlm.", "diakses pada". A web page's description is taken
from its ``howpublished_id`` field where it has one. Titles, journals and publishers stay as published.

The live kernel writes the same words (``musclebook.prose.CITATION_WORDS``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
from musclebook.prose import CITATION_WORDS

from .translate import CITATION_STYLES, LANGUAGE

#: The reference list's own words, in English (the catalogues translate them); ``{number}``: an edition's number
STYLE_WORDS = {
    "editor": N_("editor"),
    "edition": N_("edition"),
    "ordinal": N_("{number}th"),
    "chapter": N_("chapter"),
    "pages": N_("pp."),
    "visited": N_("visited on"),
}
WORDS = i18n.words(CITATION_WORDS, LANGUAGE) | i18n.words(STYLE_WORDS, LANGUAGE)


@node
def year(children, data):
    """The year of a source, or *t.t.* (tanpa tahun) when it has none."""
    assert not children
    text = first_of[optional[bib_field("year")], WORDS["no_date"]].format_data(data)
    return Text(WORDS["no_date"]) if str(text) == CITATION_WORDS["no_date"] else text


def _person() -> PersonStyle:
    return PersonStyle(sep2=f" {WORDS['and']} ", last_sep=f", {WORDS['and']} ", other=Text(" " + WORDS["et_al"]))


@dataclass
class _Parenthetical(BasicAuthorYearParentheticalReferenceStyle):
    def inner(self, role_name: str):
        return join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[
            pre_text,
            reference[
                join(sep=self.author_year_sep)[self.person.author_or_editor_or_title(full="s" in role_name), year]
            ],
            post_text,
        ]


@dataclass
class _Textual(BasicAuthorYearTextualReferenceStyle):
    def inner(self, role_name: str):
        return join(sep=self.text_reference_sep)[
            self.person.author_or_editor_or_title(full="s" in role_name),
            join[
                self.bracket.left,
                join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[pre_text, reference[year], post_text],
                self.bracket.right,
            ],
        ]


@dataclass
class IndonesianAuthorYear(AuthorYearReferenceStyle):
    """``author_year`` with "dan", "dkk." and "t.t."."""

    person: PersonStyle = field(default_factory=_person)

    def __post_init__(self):
        super().__post_init__()
        common = dict(person=self.person, pre_text_sep=self.pre_text_sep, post_text_sep=self.post_text_sep)
        self.styles[0] = _Parenthetical(
            bracket=self.bracket_parenthetical, author_year_sep=self.author_year_sep, **common
        )
        self.styles[1] = _Textual(bracket=self.bracket_textual, text_reference_sep=self.text_reference_sep, **common)
        self.role_style.update((role, style) for style in self.styles[:2] for role in style.role_names())


def _ordinal(edition: Text) -> Text:
    """ "14th" -> "ke-14" (*edisi ke-14*)."""
    number = re.sub(r"(?i)(st|nd|rd|th)$", "", str(edition).strip())
    return Text(WORDS["ordinal"].format(number=number)) if number.isdigit() else edition


pages = bib_field("pages", apply_func=dashify)
date = words[optional_field("month"), year]


class IndonesianStyle(PlainStyle):
    """pybtex's ``plain`` style in the words of Indonesian references (``STYLE_WORDS``, from the catalogue)."""

    def format_names(self, role, as_sentence=True):
        formatted = names(role, sep=", ", sep2=f" {WORDS['and']} ", last_sep=f", {WORDS['and']} ")
        return sentence[formatted] if as_sentence else formatted

    def format_editor(self, e, as_sentence=True):
        result = join(sep=", ")[self.format_names("editor", as_sentence=False), WORDS["editor"]]
        return sentence[result] if as_sentence else result

    def format_edition(self, e):
        return optional[words[WORDS["edition"], bib_field("edition", apply_func=_ordinal)]]

    def format_chapter_and_pages(self, e):
        return join(sep=", ")[
            optional[words[WORDS["chapter"], bib_field("chapter")]],
            optional[words[WORDS["pages"], pages]],
        ]

    def get_article_template(self, e):
        volume_and_pages = first_of[
            optional[join[bib_field("volume"), optional["(", bib_field("number"), ")"], ":", pages]],
            words[WORDS["pages"], pages],
        ]
        return toplevel[
            self.format_names("author"),
            self.format_title(e, "title"),
            sentence[tag("em")[bib_field("journal")], optional[volume_and_pages], date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_book_template(self, e):
        return toplevel[
            self.format_author_or_editor(e),
            self.format_btitle(e, "title"),
            self.format_volume_and_series(e),
            sentence[bib_field("publisher"), optional_field("address"), self.format_edition(e), date],
            optional[sentence[self.format_isbn(e)]],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_misc_template(self, e):
        return toplevel[
            optional[sentence[self.format_names("author")]],
            optional[self.format_title(e, "title")],
            sentence[first_of[optional_field("howpublished_id"), optional_field("howpublished")], optional[date]],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def format_web_refs(self, e):
        return sentence[
            optional[self.format_url(e), optional[f" ({WORDS['visited']} ", bib_field("urldate"), ")"]],
            optional[self.format_eprint(e)],
            optional[self.format_pubmed(e)],
            optional[self.format_doi(e)],
        ]

    def format_url(self, e):
        url = bib_field("url", raw=True)
        return words["URL:", href(url)[url]]


register_plugin(
    "sphinxcontrib.bibtex.style.referencing", CITATION_STYLES["bibtex_reference_style"], IndonesianAuthorYear
)
pybtex.plugin.register_plugin("pybtex.style.formatting", CITATION_STYLES["bibtex_default_style"], IndonesianStyle)
