"""Pages in two languages: which page is whose translation (front matter), and the errors a wrong one gets."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sphinx.errors import ExtensionError

from bookkit.sphinxext import translations


def fake_app(metadata: dict) -> SimpleNamespace:
    env = SimpleNamespace(metadata=metadata, found_docs=set(metadata), doc2path=lambda doc: f"{doc}.md")
    return SimpleNamespace(env=env, config=SimpleNamespace(language="en"))


def test_a_translation_and_its_original_point_at_each_other():
    app = fake_app(
        {
            "book/article": {},
            "book/article_id": {"page-language": "id", "translation-of": "book/article"},
            "book/twitch": {},
        }
    )
    assert translations(app) == {"book/article_id": ("book/article", "en"), "book/article": ("book/article_id", "id")}


@pytest.mark.parametrize(
    "meta, message",
    [
        ({"page-language": "id", "translation-of": "book/artikel"}, "book/x_id.md: front matter 'translation-of'"),
        ({"translation-of": "book/article"}, "book/x_id.md: a translation needs its 'page-language'"),
    ],
)
def test_a_wrong_translation_names_the_file_and_the_field(meta, message):
    app = fake_app({"book/article": {}, "book/x_id": meta})
    with pytest.raises(ExtensionError, match=message):
        translations(app)
