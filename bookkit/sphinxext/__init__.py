"""The book's Sphinx extension: the claim ledger, published values and terms rendered into pages.

``{claim-card} K05 K06``
    The "article says / physiology says" card of one or more claims, for any chapter.
``{claim-ledger}``
    The whole article, claim by claim, in order (the article page), in English or Indonesian: one section per
    paragraph of the article, headed so that the page's contents list jumps to it.
``{verdict-summary}``
    A count of the verdicts.
``{misconception-bank}``
    Every claim as a "fact or myth?" prompt with its answer hidden (the instructor guide).
``{glossary-terms}``
    The glossary, from ``book/musclebook/data/terms.yaml``.
``{pub}`key```
    A published value of ``musclebook.published``, written for the page's language.
``{claim-count}`all``` or ``{claim-count}`correct partly-correct```
    How many claims the ledger holds, or how many have these verdicts.

It also gives every page a description and Open Graph tags, and the article page its ClaimReview
data. All of it reads the one ledger through :func:`bookkit.ledger.load_ledger`; a ledger error
stops the build with the ledger's own message.
"""

from __future__ import annotations

import os

from musclebook.explorer import STATIC_ENV

from .. import citations, katex, sphinx_about  # noqa: F401 - citations registers each translation's citation styles
from .assets import (
    allow_parallel_read,
    default_colour_mode,
    defer_scripts,
    drop_unused_scripts,
    frames_to_files,
    note_notebook_dependencies,
    purge_styles,
    static_files_changed,
    write_icons,
)
from .claims import ClaimCard, ClaimLedger, MisconceptionBank, VerdictSummary, ledger
from .common import book_language, other_editions, other_languages, site_root, site_url
from .editions import contents_levels, counterpart_uri, first_paragraph, language_alternates, page_metadata
from .landing import landing_page
from .roles import GlossaryTerms, claim_count_role, pub_role
from .theme_words import (
    launch_addresses,
    speak_the_book_language,
    theme_catalogue,
    theme_words_translated,
    translate_fixed_labels,
)

__all__ = [  # what the book's other tools and tests read from here; the hooks are registered by setup()
    "theme_catalogue",
    "book_language",
    "counterpart_uri",
    "first_paragraph",
    "language_alternates",
    "other_editions",
    "other_languages",
    "setup",
    "site_root",
    "site_url",
]


def setup(app):
    app.connect("env-get-outdated", static_files_changed)
    app.connect("source-read", note_notebook_dependencies)
    app.connect("config-inited", default_colour_mode)
    app.connect("config-inited", allow_parallel_read)
    app.add_css_file("icons.css")
    app.connect("build-finished", write_icons)
    app.connect("config-inited", speak_the_book_language)
    app.connect("config-inited", launch_addresses)
    app.connect("config-inited", theme_words_translated, priority=100)  # before sphinx-exercise numbers its titles
    app.connect("build-finished", translate_fixed_labels)
    app.connect("build-finished", purge_styles, priority=600)  # after every page and the landing page
    app.connect("build-finished", landing_page, priority=400)  # before sphinx-external-toc's one-line redirect
    app.connect("html-page-context", drop_unused_scripts)
    app.connect("html-page-context", defer_scripts, priority=900)
    # Explorers and self-checks executed by this build precompute their frames and write static HTML
    # (musclebook.explorer.static_build); the notebooks' kernels inherit this environment.
    os.environ[STATIC_ENV] = "1"
    app.add_js_file("explorer.js", loading_method="defer")
    app.connect("html-page-context", frames_to_files)
    app.add_role("pub", pub_role)
    app.add_role("claim-count", claim_count_role)
    app.add_directive("glossary-terms", GlossaryTerms)
    app.add_directive("claim-card", ClaimCard)
    app.add_directive("claim-ledger", ClaimLedger)
    app.add_directive("verdict-summary", VerdictSummary)
    app.add_directive("misconception-bank", MisconceptionBank)
    app.connect("builder-inited", lambda app: ledger())
    app.connect("html-page-context", page_metadata)
    app.connect("html-page-context", contents_levels)
    katex.setup(app)  # the equations, typeset while the book is built
    sphinx_about.setup(app)  # footer, download menu, {cite-this-book}, {teaching-materials}
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
