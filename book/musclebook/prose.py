"""What a chapter's prose takes from the kernel: computed numbers, published values and citations.

The chapters write them as MyST inline expressions, ``{eval}`name```, a form that both the web book
(myst-nb, executing the notebook) and JupyterLab (jupyterlab-myst, after the cells have run) render::

    slow_hrt = shown(timing.half_relaxation_ms, ".0f")    # a code cell: "{eval}`slow_hrt` ms"
    {eval}`pub.twitch_contraction_time_ms`                 # a published value, as the source states it
    {eval}`pub.thenar_half_max_hz.low`                     # one form of it (see published.FORMS)
    {eval}`cite.sale1982`                                  # [Sale et al., 1982]
    {eval}`cite.ross1995.minetto2013`                      # [Ross and Thomas, 1995, Minetto et al., 2013]
    {eval}`cite_t.sale1982`                                # Sale et al. [1982]; in Indonesian Sale dkk. [1982]

A computed number stays a number (``shown`` returns a ``float``); only its printed form is fixed, in the
language the kernel speaks (``musclebook.i18n``: an Indonesian notebook writes ``112,4``).
In the web book's build a citation becomes Sphinx's own citation, linked to the bibliography; in
a live kernel it is the same author-year text, in the web book's brackets, linked to the source's DOI or address.
"""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path

from . import published
from .explorer import static_build
from .i18n import N_, language
from .i18n import words as words_in
from .language import number, percent_sign

DATA = Path(__file__).resolve().parent / "data"
BIB = DATA / "references.bib"
FIXED = re.compile(r"^(,)?\.(\d+)f$")


def _format(value: float, spec: str) -> str:
    fixed = FIXED.match(spec)
    if fixed:
        return number(float(value), int(fixed.group(2)), language())
    if spec in ("g", ""):
        digits = len(f"{float(value):g}".partition(".")[2]) if "e" not in f"{float(value):g}" else None
        if digits is None:
            raise ValueError(f"{value!r} is too large or small for the prose; give a fixed format such as '.2f'")
        return number(float(value), digits, language())
    raise ValueError(f"unknown number format {spec!r} for the prose; use '.Nf' (N decimals) or 'g'")


class Shown(float):
    """A number as the prose prints it: still a float for the code, written with fixed decimals."""

    spec: str

    def __new__(cls, value: float, spec: str = "g"):
        self = super().__new__(cls, value)
        self.spec = spec
        _format(self, spec)  # a bad format fails where the number is made, not where it is read
        return self

    def __repr__(self) -> str:
        return _format(float(self), self.spec)

    __str__ = __repr__


def shown(value: float, spec: str = "g") -> Shown:
    """``value`` for the prose: ``shown(112.43, ".1f")`` reads 112.4 in ``{eval}`` and is 112.43 in code."""
    return Shown(value, spec)


class PublishedText:
    """One published value, or one form of it, as the prose writes it."""

    def __init__(self, key: str, form: str = "full"):
        self.key, self.form = key, form
        self.value = published.VALUES[key]

    def __getattr__(self, form: str) -> PublishedText:
        if form.startswith("_") or self.form != "full":
            raise AttributeError(form)
        if form not in published.FORMS:
            raise AttributeError(f"published value '{self.key}' has no form '{form}' ({', '.join(published.FORMS)})")
        return PublishedText(self.key, form)

    def __repr__(self) -> str:
        return percent_sign(self.value.text(self.form, language()), language())


class _Published:
    """``pub.<key>``: the published values of ``musclebook.published``, by key."""

    def __getattr__(self, key: str) -> PublishedText:
        if key.startswith("_"):
            raise AttributeError(key)
        if key not in published.VALUES:
            raise AttributeError(f"no published value '{key}' in musclebook/published.py")
        return PublishedText(key)

    def __dir__(self):
        return sorted(published.VALUES)

    def __repr__(self) -> str:
        return "published values: write pub.<key>, e.g. pub.twitch_contraction_time_ms"


pub = _Published()


# ---------------------------------------------------------------- citations

BIB_KEY = re.compile(r"^@\w+\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


@cache
def bib_keys() -> frozenset[str]:
    return frozenset(BIB_KEY.findall(BIB.read_text(encoding="utf-8")))


@cache
def _sources() -> dict:
    """The bibliography, parsed (only in a live kernel: the web book lets Sphinx do it)."""
    from pybtex.database import parse_file

    return parse_file(str(BIB)).entries


def _surname(person) -> str:
    from pybtex.richtext import Text

    return str(Text.from_latex(" ".join(person.prelast_names + person.last_names)))


#: The words of an author-year citation, in English (the catalogues translate them), as the web book's citation
#: styles write them (``bookkit.citations``): two authors, three or more, and a source without a year.
CITATION_WORDS = {"and": N_("and"), "et_al": N_("et al."), "no_date": N_("n.d.")}


def _who_when(key: str) -> tuple[str, str, str | None]:
    """(authors as cited, year, link) of one source, as the web book cites it (author-year), in the language
    the kernel speaks ("Ross and Thomas", "Sale et al."; in Indonesian "Ross dan Thomas", "Sale dkk.")."""
    words = words_in(CITATION_WORDS, language())
    entry = _sources()[key]
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    if not people:
        from pybtex.richtext import Text

        who = str(Text.from_latex(entry.fields.get("organization") or entry.fields.get("title", key)))
    elif len(people) == 1:
        who = _surname(people[0])
    elif len(people) == 2:
        who = f"{_surname(people[0])} {words['and']} {_surname(people[1])}"
    else:
        who = f"{_surname(people[0])} {words['et_al']}"
    doi = entry.fields.get("doi")
    link = f"https://doi.org/{doi}" if doi else entry.fields.get("url")
    year = entry.fields.get("year", "n.d.")
    return who, words["no_date"] if year == "n.d." else year, link


class Citation:
    """``cite.<key>[.<key>...]`` (parenthetical) or ``cite_t.<key>`` (textual), as in ``{cite:p}``/``{cite:t}``."""

    def __init__(self, keys: tuple[str, ...] = (), textual: bool = False):
        self.keys, self.textual = keys, textual

    def __getattr__(self, key: str) -> Citation:
        if key.startswith("_"):
            raise AttributeError(key)
        if key not in bib_keys():
            raise AttributeError(f"no source '{key}' in {BIB.name}")
        if self.textual and self.keys:
            raise AttributeError("a textual citation (cite_t) names one source")
        return Citation(self.keys + (key,), self.textual)

    def _check(self) -> None:
        if not self.keys:
            raise ValueError(f"name a source: {'cite_t' if self.textual else 'cite'}.<key>, a key of {BIB.name}")

    def _repr_markdown_(self) -> str | None:
        if not static_build():
            return None  # in a live kernel, the HTML and plain forms below
        self._check()
        return f"{{cite:{'t' if self.textual else 'p'}}}`{','.join(self.keys)}`"

    def _parts(self, link) -> list[str]:
        parts = []
        for key in self.keys:
            who, year, url = _who_when(key)
            text = f"{who} [{year}]" if self.textual else f"{who}, {year}"
            parts.append(link(text, url))
        return parts

    def _repr_html_(self) -> str | None:
        if static_build():
            return None
        self._check()

        def link(text, url):
            text = html.escape(text)
            return f'<a href="{html.escape(url)}" target="_blank" rel="noopener">{text}</a>' if url else text

        joined = ", ".join(self._parts(link))
        return joined if self.textual else f"[{joined}]"

    def __repr__(self) -> str:
        if not self.keys:
            return f"citations: write {'cite_t' if self.textual else 'cite'}.<key>, a key of {BIB.name}"
        joined = ", ".join(self._parts(lambda text, url: text))
        return joined if self.textual else f"[{joined}]"


cite = Citation()
cite_t = Citation(textual=True)
