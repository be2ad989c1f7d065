"""A third language made from catalogues alone: the pseudo-language ``qps`` (``scripts/pseudo_locale.py``).

The script does what CONTRIBUTING.md's "Add a language" asks of a translator, and nothing more: an entry in
``languages.yaml`` and the catalogues (the code's, the ledger's and the glossary's texts; the pages', the book's and
the theme's words), each English text with its Latin letters accented and a third longer. Two kinds of test read it:

- the figures, explorers, verdicts, exercises' feedback and the build's words, drawn by the book's unchanged code
  pointed at those files: every explorer and static figure at the ends of its controls, in both layouts. A text
  still in English fails, and so does a text that no longer fits its figure;
- a whole third edition: a copy of the repository given the pseudo-language by the script alone, its pages written
  by ``bookkit.translate`` and built by ``bookkit.build --edition qps``. Every text of every page a reader reads or
  hears (theme's labels, claim cards, self-checks, the search page's script, the explorers' captions, the figures'
  and the explorers' frames' texts) must be in the pseudo-language.

"English" is a run of three Latin letters without accents; what every language writes alike is left out (code,
TeX, the article's Indonesian quotes, authors and titles of the reference list, {placeholders}, names).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from bookkit import about, materials, printing
from bookkit.sphinxext import landing
from musclebook import emg, i18n, language
from musclebook.claims import VERDICTS, verdict_text
from musclebook.exercises import check
from musclebook.exercises.chapters import EXERCISES
from musclebook.explorer import PHONE, WIDE, Renderer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_i18n import STATIC_FIGURES, TRANSLATED_SPECS, shown_texts, texts_off  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PSEUDO = "qps"
ENGLISH = re.compile(r"[A-Za-z]{3,}")  # an English word: the pseudo-language accents every Latin letter
# Kept as written in every language: code (`emg.KEYS`), addresses, TeX, the article's Indonesian quotes and a
# template's {placeholders}
KEPT = re.compile(r"`[^`]*`|https?://\S+|\$[^$]*\$|«[^»]*»|\{[^{}]*\}")


@pytest.fixture(scope="module")
def pseudo(tmp_path_factory):
    """The book's code reading the pseudo-language's files, made by the script beside the book's own catalogues."""
    out = tmp_path_factory.mktemp("pseudo")
    data = out / "book" / "musclebook" / "data"
    shutil.copytree(i18n.CATALOGUE_DIR, data / "i18n")
    subprocess.run([sys.executable, str(REPO / "scripts" / "pseudo_locale.py"), "--out", str(out)], check=True)
    patch = pytest.MonkeyPatch()
    patch.setattr(language, "LANGUAGE_OF", language._read(data / "languages.yaml"))
    patch.setattr(i18n, "CATALOGUE_DIR", data / "i18n")
    i18n.catalogue.cache_clear()
    yield
    patch.undo()
    i18n.catalogue.cache_clear()


def english_in(texts) -> list[str]:
    return [text for text in texts if ENGLISH.search(KEPT.sub("", str(text)))]


@pytest.mark.slow  # every explorer at both ends of its controls, in both layouts
@pytest.mark.parametrize("layout", [WIDE, PHONE], ids=lambda layout: layout.name)
def test_every_explorer_speaks_the_pseudo_language_and_fits(pseudo, layout):
    english, overflow = {}, set()
    for spec in TRANSLATED_SPECS:
        with i18n.speaking(PSEUDO):
            renderer = Renderer(spec.view, layout)
            shown = [i18n.text(spec.title), i18n.text(spec.basis)]
            shown += [c.text for c in spec.controls] + [v for c in spec.controls for v in c.shown]
        ends = [spec.params([0] * len(spec.controls)), spec.params([len(c.values) - 1 for c in spec.controls])]
        for values in [spec.params(spec.start), *ends]:
            shown += [renderer.describe(**values), *shown_texts(renderer.fig)]
            if texts_off(renderer.fig):
                overflow.add((spec.key, layout.name))
        if english_in(shown):
            english[spec.key] = english_in(shown)[:3]
    assert not english, f"English left in the pseudo-language: {english}"
    assert not overflow, f"texts that run off their figure a third longer: {sorted(overflow)}"


@pytest.mark.parametrize("layout", [WIDE, PHONE], ids=lambda layout: layout.name)
def test_the_static_figures_speak_the_pseudo_language(pseudo, layout):
    english, overflow = {}, set()
    for view, params in STATIC_FIGURES:
        with i18n.speaking(PSEUDO):
            renderer = Renderer(view, layout)
        shown = [renderer.describe(**params), *shown_texts(renderer.fig)]
        if english_in(shown):
            english[view.__name__] = english_in(shown)[:3]
        if texts_off(renderer.fig):
            overflow.add((view.__name__, layout.name))
    assert not english, f"English left in the pseudo-language: {english}"
    assert not overflow, f"texts that run off their figure a third longer: {sorted(overflow)}"


def test_the_verdicts_speak_the_pseudo_language(pseudo):
    shown = [verdict_text(key, PSEUDO) for key in VERDICTS]
    assert not english_in(shown) and len(set(shown)) == len(VERDICTS), shown


def test_the_exercises_answer_in_the_pseudo_language(pseudo, monkeypatch):
    monkeypatch.delenv("MUSCLEBOOK_LAUNCH", raising=False)  # in a kernel: the cell answers
    with i18n.speaking(PSEUDO):
        said = [check(key, -1.0).text for key in EXERCISES] + [check(next(iter(EXERCISES)), ...).text]
        said += [check(key, "nonsense").text for key in EXERCISES if key.startswith("emg")]
    assert not english_in(said), english_in(said)[:3]
    assert emg.KEYS  # the code names the patterns; the feedback quotes them as code


def test_the_build_s_words_speak_the_pseudo_language(pseudo):
    tables = {
        "about": about.words(PSEUDO),
        "printing": printing.words(PSEUDO),
        "materials": materials.labels(PSEUDO),
        "landing": i18n.words(landing.WORDS, PSEUDO),
    }
    english = {name: english_in(table.values()) for name, table in tables.items() if english_in(table.values())}
    assert not english, english
    assert language.number(-2438.46, 1, PSEUDO) == "\u22122.438,5"


# ---------------------------------------------------------------- a whole edition in the pseudo-language

# Written as they are in every language: names of products and licences, file types, a molecule's symbol
NAMES = {"Binder", "Colab", "MIT", "ipynb", "PDF", "ATP"}
SKIPPED_TAGS = {"script", "style", "pre", "code", "kbd", "samp", "svg", "math", "template", "noscript"}
# code cells, TeX, the reference list and the citations (authors' names, titles as published)
SKIPPED_CLASSES = {"katex", "katex-display", "highlight", "cell_input", "bibliography", "citation", "bibtex-citation"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
SHOWN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")  # what a reader sees or hears of an element


class ShownText(HTMLParser):
    """The texts of a page a reader of the pseudo-language reads or hears, but for what every language writes alike:
    code, TeX, the reference list and citations, and the parts marked as written in another language (the article's
    quotes, ``lang="id"``)."""

    def __init__(self):
        super().__init__()
        self.skipping: list[bool] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        citation = tag == "a" and "bibliography.html#" in (attrs.get("href") or "")
        skip = (
            tag in SKIPPED_TAGS
            or bool(classes & SKIPPED_CLASSES)
            or citation
            or attrs.get("lang", PSEUDO) != PSEUDO
            or any(self.skipping)
        )
        if not skip:
            self.texts += [attrs[name] for name in SHOWN_ATTRIBUTES if attrs.get(name)]
        if tag not in VOID:
            self.skipping.append(skip)

    def handle_endtag(self, tag):
        if tag not in VOID and self.skipping:
            self.skipping.pop()

    def handle_data(self, data):
        if not any(self.skipping) and data.strip():
            self.texts.append(data)


def english_words(texts, allowed=()) -> list[str]:
    """The texts with a word of three Latin letters or more that is not a name every language writes alike."""
    allowed = NAMES | set(allowed)
    return [t.strip()[:90] for t in texts if any(w not in allowed for w in ENGLISH.findall(KEPT.sub("", t)))]


@pytest.fixture(scope="module")
def pseudo_edition(request, tmp_path_factory):
    """The pseudo-language's edition, built from catalogues alone in a copy of the repository
    (``scripts/pseudo_locale.py --edition``): the one ``make test`` built (``--pseudo-edition``), or one built now."""
    folder = request.config.getoption("--pseudo-edition")
    if folder is None:
        folder = tmp_path_factory.mktemp("pseudo-edition")
        command = [sys.executable, str(REPO / "scripts" / "pseudo_locale.py"), "--edition", str(folder)]
        done = subprocess.run(command, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-3000:]
    folder = Path(folder)
    site = folder / "site" / PSEUDO
    assert (site / "index.html").is_file(), f"--pseudo-edition {folder}: no built edition (scripts/pseudo_locale.py)"
    return folder / "repository", site


@pytest.mark.slow  # without --pseudo-edition, copies the repository and builds a third edition (about 35 s)
def test_a_third_edition_is_built_from_catalogues_alone_and_speaks_only_its_language(pseudo_edition):
    root, site = pseudo_edition
    pages = sorted(site.glob("*.html"))
    assert {"index.html", "search.html", "genindex.html", "article.html", "glossary.html"} <= {p.name for p in pages}
    # the English terms a translated glossary (and so its index) lists after its own, as the targets of the pages'
    # {term} references
    terms = [t["en"] for t in yaml.safe_load((root / "book/musclebook/data/terms.yaml").read_text())["terms"]]
    # (the index lists "Tetanus (disease)" as "Tetanus" and "(disease)")
    terms += [piece for t in terms if (m := re.fullmatch(r"(.*) (\(.*\))", t)) for piece in m.groups()]
    english: dict[str, list[str]] = {}
    captions = images = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        reader = ShownText()
        reader.feed(text)
        glossary = page.name in ("glossary.html", "genindex.html")
        texts = [t for t in reader.texts if not (glossary and t.strip() in terms)]
        # the explorers' captions and messages, which their script shows
        frames = re.findall(r'<script type="application/json" class="mb-frames">(.*?)</script>', text, re.DOTALL)
        # (each frame: its image, its caption, its layer)
        shown = [s for f in map(json.loads, frames) for s in [f["unavailable"], *(frame[1] for frame in f["frames"])]]
        captions += len(shown)
        texts += shown
        if english_words(texts):
            english[page.name] = english_words(texts)[:4]
    # the figures' and the explorers' frames' texts (Matplotlib writes each text as a comment of its SVG)
    for image in [*site.glob("_images/*.svg"), *site.glob("_frames/*.svg")]:
        said = re.findall(r"<!-- (.*?) -->", image.read_text(encoding="utf-8"))
        images += bool(said)
        if english_words(said):
            english[image.name] = english_words(said)[:4]
    # the search page's words, which its script writes (Sphinx's catalogue for it, or the book's)
    searchtools = (site / "_static" / "searchtools.js").read_text(encoding="utf-8")
    translations = (site / "_static" / "translations.js").read_text(encoding="utf-8")
    messages = json.loads(translations[translations.index("(") + 1 : translations.rindex(")")])["messages"]
    shown = [messages.get(m, m) for m in re.findall(r'_\(\s*"([^"]+)"\s*\)', searchtools)]
    assert len(shown) >= 5 and captions >= 100 and images >= 100, (len(shown), captions, images)  # all were read
    if english_words(shown):
        english["search (translations.js)"] = english_words(shown)[:4]
    assert not english, f"English left in the pseudo-language edition: {english}"
