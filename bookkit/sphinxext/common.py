"""The edition a build makes: its language and its address (the one repository URL gives the site's)."""

from __future__ import annotations

from sphinx.errors import ExtensionError

from musclebook.i18n import CATALOGUE_DIR, N_, catalogue
from musclebook.language import ARTICLE, LANGUAGES, SOURCE, check_language

from ..translate import SITE_FOLDERS

# The visible language switch shows the other language's name, in that language (``musclebook.language``); its
# label (what a screen reader announces for it) is in the page's own
SWITCH_LABEL = N_("This page in another language")


def book_language(app) -> str:
    """The language of the edition being built: its ``_config.yml``'s (English, the source, by default)."""
    language = (app.config.language or SOURCE).split("_")[0]
    try:
        return check_language(language, "_config.yml, field 'language'")
    except ValueError as error:
        raise ExtensionError(str(error)) from None


def note_translations(env, texts, *extra: str) -> None:
    """A page that shows the ledger's or the glossary's ``texts`` depends on the catalogue files that translate them,
    in the edition's language and the article's (each claim card holds the correction in it), and on those
    languages' files named in ``extra`` (the ledger's ``_debated.yaml``)."""
    for language in {book_language(env.app), ARTICLE} - {SOURCE}:
        where = catalogue(language).where
        for path in sorted({where[text] for text in texts if text in where}):
            env.note_dependency(str(path))
        for name in extra:
            env.note_dependency(str(CATALOGUE_DIR / language / name))


def other_languages(app) -> tuple[str, ...]:
    """The languages of the other editions, in the order of ``languages.yaml``."""
    language = book_language(app)
    return tuple(other for other in LANGUAGES if other != language)


def site_root(app) -> str:
    """The published site's root (the English edition's), derived from the one repository URL (GitHub Pages)."""
    if app.config.html_baseurl:
        return app.config.html_baseurl.rstrip("/") + "/"
    repo = app.config.html_theme_options.get("repository_url", "").rstrip("/")
    owner, name = repo.removeprefix("https://github.com/").split("/")[:2]
    return f"https://{owner.lower()}.github.io/{name}/"


def site_url(app) -> str:
    """The address of this edition: the site's root, or its id/ folder."""
    return site_root(app) + SITE_FOLDERS[book_language(app)]


def other_editions(app) -> tuple[str, ...]:
    """The folders of this edition's site that hold another edition (the English site's ``id``), which that
    edition's own build writes: this build neither reads nor changes them."""
    return tuple(path.strip("/") for path in SITE_FOLDERS.values() if path and path != SITE_FOLDERS[book_language(app)])
