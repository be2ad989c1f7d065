"""What the book says about itself on every page: its licence, version and build date, how to cite it, and
where to report an error.

One source for each: the version, release date, authors, title and licences come from ``CITATION.cff``; the
repository (where an error is reported) from ``_config.yml`` (``repository.url``), the one place the book sets
it; the build date from ``SOURCE_DATE_EPOCH`` when it is set (a reproducible build), otherwise today's date.
The footer of every page, the landing page, the claim cards, the "Cite this book" entry and the printed PDFs
all read them from here, in the page's language.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import yaml

from musclebook import i18n
from musclebook.i18n import N_
from musclebook.language import LANGUAGE_OF, SOURCE

REPO = Path(__file__).resolve().parent.parent
CITATION = REPO / "CITATION.cff"
CONFIG = REPO / "_config.yml"

#: The licences the book may carry (SPDX id -> the name a reader sees, and where its text is).
LICENCES = {
    "CC-BY-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "MIT": ("MIT", None),  # the code's licence: its text is the repository's LICENSE file
}
#: The Creative Commons deed in the reader's language, where Creative Commons publishes one (a translation
#: gives its own deed's address, or this one).
DEED = N_("https://creativecommons.org/licenses/by/4.0/")

#: The words around the facts, in English; the catalogues translate them (``musclebook.i18n``).
WORDS = {
    "licence": N_("Text and figures: {cc}; code: {mit}"),
    "version": N_("Version {version}, built {date}"),
    "cite": N_("Cite this book"),
    "report": N_("Report an error"),
    "report_claim": N_("Report an error in claim {id}"),
    "source": N_("Source"),
    "online_book": N_("Online book"),
    "version_in_citation": N_("Version {version}"),
    "issue_title": N_("Error on the page “{page}”"),
    "issue_title_claim": N_("Error in claim {id}: {quote}"),
    "issue_body": N_(
        "Page: {url}\nEdition: {edition}, version {version} (built {date})\n{claim}\n"
        "What is wrong?\n\n\nWhat should it say? (A source helps: a DOI, a textbook and page.)\n\n"
    ),
    "issue_claim": N_("Claim: {id} «{quote}»\n"),
}


class AboutError(ValueError):
    """``CITATION.cff`` or ``_config.yml`` cannot say what the book is; the message names the file and field."""


@dataclass(frozen=True)
class Book:
    title: str
    version: str
    released: dt.date
    authors: tuple[str, ...]
    licences: tuple[str, ...]  # SPDX ids, as CITATION.cff lists them
    repository: str  # https://github.com/owner/name, from _config.yml
    site: str  # the published site's root, https://owner.github.io/name/
    built: dt.date

    @property
    def year(self) -> int:
        return self.released.year


def _field(data: dict, name: str, path: Path, kind=str):
    value = data.get(name)
    if value is None or value == "" or value == []:
        raise AboutError(f"{path.name}: field '{name}' is missing or empty")
    if not isinstance(value, kind):
        raise AboutError(f"{path.name}: field '{name}' should be {kind.__name__}, not {type(value).__name__}")
    return value


def _authors(data: dict, path: Path) -> tuple[str, ...]:
    names = []
    for number, author in enumerate(_field(data, "authors", path, list), start=1):
        if not isinstance(author, dict):
            raise AboutError(f"{path.name}: authors, entry {number}: a mapping with 'name' or 'family-names'")
        name = author.get("name") or " ".join(
            part for part in (author.get("given-names"), author.get("family-names")) if part
        )
        if not str(name).strip():
            raise AboutError(f"{path.name}: authors, entry {number}: needs 'name' or 'family-names'")
        names.append(str(name).strip())
    return tuple(names)


def repository_url(config_path: Path = CONFIG) -> str:
    """The book's repository, as ``_config.yml`` sets it (``repository.url``)."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8")) or {}
    url = (config.get("repository") or {}).get("url")
    if not isinstance(url, str) or not re.fullmatch(r"https://github\.com/[\w.-]+/[\w.-]+", url.rstrip("/")):
        raise AboutError(f"{config_path.name}: field 'repository.url' should be https://github.com/<owner>/<name>")
    return url.rstrip("/")


def site_root(repository: str) -> str:
    """Where GitHub Pages publishes the repository's site."""
    owner, name = repository.removeprefix("https://github.com/").split("/")[:2]
    return f"https://{owner.lower()}.github.io/{name}/"


def build_date(environ=os.environ) -> dt.date:
    """``SOURCE_DATE_EPOCH`` (seconds since 1970, as reproducible builds set it), or today (UTC)."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return dt.datetime.now(dt.UTC).date()
    if not epoch.strip().isdigit():
        raise AboutError(f"SOURCE_DATE_EPOCH: '{epoch}' is not a number of seconds since 1970")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()


def edition_author(language: str) -> str:
    """The authors' name as an edition gives it (its ``_config.yml``'s ``author``; the Indonesian one is translated
    from the English, ``book/locale/id/LC_MESSAGES/_book.po``)."""
    from .translate import EDITION_ROOTS

    path = EDITION_ROOTS[language] / "_config.yml"
    author = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("author")
    if not isinstance(author, str) or not author.strip():
        raise AboutError(f"{path}: field 'author' is missing or empty")
    return author.strip()


def load(citation: Path = CITATION, repository: str | None = None, environ=os.environ, language: str = SOURCE) -> Book:
    """The book as ``citation`` (``CITATION.cff``) and the repository URL (``_config.yml``'s) describe it; for an
    edition in another language, its authors' name as that edition writes it."""
    try:
        data = yaml.safe_load(citation.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise AboutError(f"{citation.name}: cannot be read as YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise AboutError(f"{citation.name}: should be a mapping of CITATION.cff fields")
    version = str(_field(data, "version", citation, (str, int, float)))
    if not re.fullmatch(r"\d+(\.\d+)*([.-]?\w+)?", version):
        raise AboutError(f"{citation.name}: field 'version': '{version}' is not a version number such as 0.5.0")
    released = data.get("date-released")
    if isinstance(released, str):
        try:
            released = dt.date.fromisoformat(released)
        except ValueError:
            released = None
    if not isinstance(released, dt.date):
        raise AboutError(f"{citation.name}: field 'date-released' should be a date, YYYY-MM-DD")
    licences = data.get("license")
    licences = (licences,) if isinstance(licences, str) else tuple(licences or ())
    unknown = [licence for licence in licences if licence not in LICENCES]
    if "CC-BY-4.0" not in licences or unknown:
        raise AboutError(
            f"{citation.name}: field 'license' should list CC-BY-4.0 (the text and figures)"
            + (f"; unknown: {', '.join(map(str, unknown))} (known: {', '.join(LICENCES)})" if unknown else "")
        )
    repository = repository or repository_url()
    code = data.get("repository-code")
    if code is not None and str(code).rstrip("/") != repository:
        raise AboutError(
            f"{citation.name}: field 'repository-code' is {code}, but _config.yml's repository.url is {repository}"
        )
    return Book(
        title=" ".join(str(_field(data, "title", citation)).split()),
        version=version,
        released=released,
        authors=_authors(data, citation) if language == SOURCE else (edition_author(language),),
        licences=licences,
        repository=repository,
        site=site_root(repository),
        built=build_date(environ),
    )


MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
DATE = N_("{day} {month} {year}")  # the order a language writes a date in


def date_text(day: dt.date, language: str) -> str:
    """A date as a reader of ``language`` writes it, in the catalogue's words: 7 December 2026, 7 Desember 2026."""
    month = i18n.template(MONTHS[day.month - 1], language)
    return i18n.template(DATE, language).format(day=day.day, month=month, year=day.year)


def words(language: str) -> dict[str, str]:
    """The words around the facts in ``language`` (an unknown language is refused, naming it)."""
    try:
        return i18n.words(WORDS, language)
    except ValueError as error:
        raise AboutError(f"no words for the language {language!r}: {error}") from None


def deed(language: str) -> str:
    """The licence's Creative Commons deed for readers of ``language``."""
    return i18n.template(DEED, language)


def edition_url(book: Book, language: str) -> str:
    from .translate import SITE_FOLDERS

    return book.site + SITE_FOLDERS[language]


def citation_parts(book: Book, language: str = SOURCE) -> tuple[str, str, str, str]:
    """The book's reference in its four parts: authors and year, title, version and kind, address."""
    w = words(language)
    version = w["version_in_citation"].format(version=book.version)
    return (
        f"{', '.join(book.authors)} ({book.year}).",
        book.title,
        f"({version}) [{w['online_book']}].",
        edition_url(book, language),
    )


def bibtex(book: Book, language: str = SOURCE) -> str:
    """The same reference as a BibTeX entry."""
    key = re.sub(r"\W+", "", book.repository.rsplit("/", 1)[-1]) + str(book.year)
    authors = " and ".join("{" + name + "}" for name in book.authors)
    lines = [
        f"@misc{{{key},",
        f"  author = {{{authors}}},",
        f"  title = {{{book.title}}},",
        f"  year = {{{book.year}}},",
        f"  version = {{{book.version}}},",
        f"  url = {{{edition_url(book, language)}}},",
        f"  note = {{{words(language)['online_book']}, {licence_names(book)}}},",
    ]
    if language != SOURCE:
        lines.insert(-1, f"  language = {{{language}}},")
    return "\n".join(lines) + "\n}"


def licence_names(book: Book) -> str:
    return ", ".join(LICENCES[licence][0] for licence in book.licences)


def report_url(book: Book, language: str, page_title: str, page_url: str, claim: tuple[str, str] | None = None) -> str:
    """A new issue in the book's repository, its title and text filled in: which page (and claim), which edition
    and version, and two questions for the reader to answer."""
    w = words(language)
    if claim:
        claim_id, quote = claim
        short = quote if len(quote) <= 60 else quote[:57].rsplit(" ", 1)[0] + "…"
        title = w["issue_title_claim"].format(id=claim_id, quote=short)
        about = w["issue_claim"].format(id=claim_id, quote=quote)
    else:
        title, about = w["issue_title"].format(page=page_title), ""
    body = w["issue_body"].format(
        url=page_url,
        edition=LANGUAGE_OF[language].name,
        version=book.version,
        date=book.built.isoformat(),
        claim=about,
    )
    return f"{book.repository}/issues/new?" + urlencode({"title": title, "body": body})
