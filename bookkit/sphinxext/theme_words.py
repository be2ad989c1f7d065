"""The theme's own words in the edition's language, and the environment the notebooks of a build read."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import sphinx
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx import locale as sphinx_locale

from musclebook import i18n
from musclebook.i18n import ENV as I18N_ENV
from musclebook.i18n import N_
from musclebook.language import SOURCE
from musclebook.launch import ENV as LAUNCH_ENV

from ..translate import EDITION_ROOTS, REPO, catalogues
from .common import book_language
from .sphinx_private import set_templates_translator

SEARCH_BAR_TEXT = N_("Search this book...")


# the gettext domains of the theme's and the extensions' words (pydata-sphinx-theme's are in Sphinx's)
THEME_DOMAINS = ("sphinx", "booktheme", "exercise", "togglebutton")


def theme_messages() -> list[str]:
    """Every word the installed theme and extensions may show a reader (their catalogues' templates, or a catalogue
    of theirs where they ship no template): what ``_theme.po`` gives a language they do not know."""
    import pydata_sphinx_theme
    import sphinx_book_theme
    import sphinx_exercise
    import sphinx_togglebutton

    templates = [
        Path(sphinx.__file__).parent / "locale" / "sphinx.pot",
        Path(pydata_sphinx_theme.__file__).parent / "locale" / "sphinx.pot",
        *sorted(Path(sphinx_book_theme.__file__).parent.glob("theme/*/static/locales/*/LC_MESSAGES/booktheme.po")),
        *sorted(Path(sphinx_exercise.__file__).parent.glob("translations/locales/*/LC_MESSAGES/exercise.po")),
        *sorted(Path(sphinx_togglebutton.__file__).parent.glob("translations/locales/*/LC_MESSAGES/togglebutton.po")),
    ]
    found: dict[str, None] = {}
    for path in templates:
        with path.open("rb") as handle:
            found |= {m.id: None for m in read_po(handle) if m.id and isinstance(m.id, str)}
    return list(found)


def theme_catalogue(language: str) -> Path:
    """The theme's words that no installed catalogue translates into ``language``, in gettext's format."""
    return catalogues(language) / "_theme.po"


def theme_words_translated(app, config):
    """Give the theme's words that no installed catalogue translates (``_theme.po``) their translation: compiled
    into the build's folder and added behind Sphinx's and the themes' own catalogues, which keep priority."""
    language = book_language(app)
    if language == SOURCE:
        return
    with theme_catalogue(language).open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    folder = Path(app.doctreedir).parent / "locale"
    (folder / language / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    for domain in THEME_DOMAINS:
        with (folder / language / "LC_MESSAGES" / f"{domain}.mo").open("wb") as handle:
            write_mo(handle, catalogue)
        translator, _ = sphinx_locale.init([str(folder)], language, domain)
        if domain == "sphinx":  # the templates' translator: for a language Sphinx knows, the same one, ours behind
            set_templates_translator(app, translator)  # its own; for one it does not, ours instead of an empty one
    sphinx_js = Path(sphinx.__file__).parent / "locale" / language / "LC_MESSAGES" / "sphinx.js"
    if not sphinx_js.is_file():  # the search page's words, which its script writes: Sphinx has none for the language
        messages = {m.id: m.string for m in catalogue if m.id and isinstance(m.id, str) and m.string}
        script = {"locale": language, "messages": messages, "plural_expr": "(n != 1)"}
        text = f"Documentation.addTranslations({json.dumps(script, ensure_ascii=False, indent=1)});\n"
        (folder / language / "LC_MESSAGES" / "sphinx.js").write_text(text, encoding="utf-8")
        config.locale_dirs = [str(folder), *config.locale_dirs]  # where Sphinx looks for it


FIXED_LABEL = re.compile(r'\b(title|aria-label)="([^"]+)"')


def translate_fixed_labels(app, exception):
    """The theme's labels that its templates write without ``_()`` (so no catalogue reaches them: the sidebar
    buttons' titles, the navigation's names), in the edition's language on its pages."""
    language = book_language(app)
    if exception is not None or app.builder.format != "html" or language == SOURCE:
        return
    with theme_catalogue(language).open("rb") as handle:
        words = {m.id: m.string for m in read_po(handle, locale=language) if m.id and m.string}
    for page in Path(app.outdir).glob("*.html"):
        text = page.read_text(encoding="utf-8")
        translated = FIXED_LABEL.sub(lambda m: f'{m.group(1)}="{words.get(m.group(2), m.group(2))}"', text)
        if translated != text:
            page.write_text(translated, encoding="utf-8")


def speak_the_book_language(app, config):
    """The kernels of a translated edition's notebooks speak its language (``musclebook.i18n``), and so do
    the figures this process draws; each of its notebooks also says so in its first, hidden cell. The
    search field's text (set by Jupyter Book, not translated by the theme) is in the edition's language."""
    os.environ[I18N_ENV] = book_language(app)
    config.html_theme_options["search_bar_text"] = i18n.template(SEARCH_BAR_TEXT, book_language(app))


def launch_addresses(app, config):
    """Where the notebooks of the edition being built open live, for ``musclebook.launch`` in their kernels: the
    addresses of the theme's launch buttons (from ``_config.yml``), with ``{chapter}`` for the notebook's name."""
    options = config.html_theme_options
    repository = options["repository_url"].removeprefix("https://github.com/")
    branch, buttons = options.get("repository_branch", "main"), options.get("launch_buttons", {})
    language = book_language(app)
    folder = "book" if language == SOURCE else EDITION_ROOTS[language].relative_to(REPO).as_posix()
    notebook = f"{folder}/{{chapter}}.ipynb"
    os.environ[LAUNCH_ENV] = json.dumps(
        {
            "binder": f"{buttons['binderhub_url']}/v2/gh/{repository}/{branch}?urlpath=lab/tree/{notebook}",
            "colab": f"{buttons['colab_url']}/github/{repository}/blob/{branch}/{notebook}",
        }
    )
