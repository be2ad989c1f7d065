"""The two editions: which language a build speaks, where each edition sits, and how a page finds its
counterpart in the other one (relative and absolute addresses)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sphinx.errors import ExtensionError

from bookkit.sphinxext import book_language, counterpart_uri, site_url


def fake_app(language: str | None, docs=("book/intro", "book/twitch")) -> SimpleNamespace:
    config = SimpleNamespace(
        language=language,
        html_baseurl="",
        html_theme_options={"repository_url": "https://github.com/Muscle-Explainer/muscle-cramps-book"},
    )
    return SimpleNamespace(config=config, env=SimpleNamespace(found_docs=set(docs)))


def test_the_english_edition_links_into_the_indonesian_one():
    app = fake_app("en")
    assert site_url(app) == "https://muscle-explainer.github.io/muscle-cramps-book/"
    assert counterpart_uri(app, "book/twitch", "id") == (
        "../id/twitch.html",
        "https://muscle-explainer.github.io/muscle-cramps-book/id/twitch.html",
    )
    assert counterpart_uri(app, "search", "id")[0] == "id/search.html"  # a page Sphinx makes, at the root


def test_the_indonesian_edition_links_back():
    app = fake_app("id", docs=("intro", "twitch"))
    assert site_url(app) == "https://muscle-explainer.github.io/muscle-cramps-book/id/"
    assert counterpart_uri(app, "twitch", "en") == (
        "../book/twitch.html",
        "https://muscle-explainer.github.io/muscle-cramps-book/book/twitch.html",
    )
    assert counterpart_uri(app, "genindex", "en")[0] == "../genindex.html"


def test_an_unknown_language_names_the_setting():
    with pytest.raises(ExtensionError, match="_config.yml, field 'language': unknown language 'fr'"):
        book_language(fake_app("fr"))
    assert book_language(fake_app(None)) == "en" and book_language(fake_app("id")) == "id"
