"""The figures' and explorers' texts in Indonesian (musclebook/i18n.py, data/i18n/id.yaml).

Every English text the code marks (``tr("...")``, ``N_("...")``) has an Indonesian entry with the same
placeholders, and every entry still has its English in the code: an English text changed without its
Indonesian fails here, listing the texts, as a gettext catalogue's missing and fuzzy entries would.
"""

from __future__ import annotations

import ast
import contextvars
import functools
import json
import re
import string
from pathlib import Path

import pytest
from matplotlib.figure import Figure

from bookkit import translate
from bookkit.citations import howpublished_texts
from bookkit.sphinxext.roles import TERM_TEXTS, load_terms
from musclebook import (
    coupling_plots,
    crossbridge_plots,
    emg_plots,
    fatigue_plots,
    generator_plots,
    i18n,
    language,
    length_speed_plots,
    membrane_plots,
    motor_units_plots,
    nerve_plots,
    twitch,
    twitch_plots,
)
from musclebook.explorer import PHONE, WIDE, Renderer, Spec
from musclebook.ledger import read_ledger

PACKAGE = Path(i18n.__file__).parent
BASE_LANGUAGES = "en: {name: English, locale: en_GB, decimal: '.', thousands: ',', percent_apart: true}\n"


BOOK = PACKAGE.parent
# the build's own words (claim cards, landing page, footers, printed pages) and the commands' (slides)
BUILD = (BOOK.parent / "bookkit", BOOK.parent / "scripts")
# the calls whose literal texts are shown in the reader's language: tr/N_ in the package; in a chapter's
# notebook, the self-check questions (Question, Choice: quiz.py translates them) and Msg texts
PACKAGE_CALLS = ("tr", "N_")
NOTEBOOK_CALLS = ("Question", "Choice", "Msg")


def _literal_texts(tree, calls) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in calls:
            arguments = node.args[:1] if calls == PACKAGE_CALLS else node.args
            for argument in arguments:
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    found.append((argument.value, node.lineno))
    return found


def notebook_code(path: Path) -> list[str]:
    """The code cells of a notebook, without IPython's magics (``%config``), as Python."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [translate._python("".join(c["source"])) for c in cells if c["cell_type"] == "code"]


@functools.cache
def marked_texts() -> dict[str, str]:
    """Every literal text passed to ``tr`` or ``N_`` in the package and in the build (``bookkit``, ``scripts``),
    every self-check text of the chapters' notebooks, and the texts of the claim ledger, the glossary and the
    reference list:
    {text: where}."""
    found = {}
    for path in [*sorted(PACKAGE.rglob("*.py")), *(p for folder in BUILD for p in sorted(folder.rglob("*.py")))]:
        for text, line in _literal_texts(ast.parse(path.read_text(encoding="utf-8")), PACKAGE_CALLS):
            found.setdefault(text, f"{path.relative_to(BOOK.parent).as_posix()}:{line}")
    for path in sorted(BOOK.glob("*.ipynb")):
        for number, code in enumerate(notebook_code(path), start=1):
            for text, line in _literal_texts(ast.parse(code), NOTEBOOK_CALLS):
                found.setdefault(text, f"{path.name}, code cell {number}, line {line}")
    # the data's texts for readers: the claim ledger's (corrections, notes, debated points) and the glossary's
    for text in read_ledger().texts("id"):
        found.setdefault(text, "data/claims.yaml")
    for text in howpublished_texts():  # what a web page of the reference list is
        found.setdefault(text, "data/references.bib")
    for term in load_terms()["terms"]:
        for fld in TERM_TEXTS:
            if term.get(fld):
                found.setdefault(" ".join(term[fld].split()), f"data/terms.yaml, {term['en']}")
    return found


def fields(template: str) -> set[tuple[str, str]]:
    return {(name, spec) for _, name, spec, _ in string.Formatter().parse(template) if name is not None}


def test_the_code_marks_texts_to_translate():
    texts = marked_texts()
    assert "Fibre type" in texts and "Force (% of max. tetanus)" in texts  # the extraction sees the code
    assert "What turns separate twitches into a smooth tetanus?" in texts  # and the notebooks' self-checks
    assert "Start reading" in texts and "Page {number} of {total}" in texts  # and the build's own words


def test_every_marked_text_has_an_indonesian_entry():
    catalogue = i18n.catalogue("id")
    missing = [f"{where}: {text!r}" for text, where in marked_texts().items() if text not in catalogue]
    assert not missing, f"{i18n.catalogue_path('id')} lacks:\n" + "\n".join(missing)


def test_no_entry_is_left_from_an_english_text_that_changed():
    stale = sorted(set(i18n.catalogue("id")) - set(marked_texts()))
    assert not stale, f"{i18n.catalogue_path('id')}: no longer in the code (update or delete): {stale}"


def test_each_translation_keeps_the_placeholders_of_its_english():
    wrong = [text for text, translated in i18n.catalogue("id").items() if fields(text) != fields(translated)]
    assert not wrong, wrong


def test_each_translation_keeps_the_numbers_and_years_of_its_english():
    """A number written into a text (a year of a source, 150 ms, a/F0 = 0.25) says the same in Indonesian."""

    def numbers(text: str) -> list[str]:
        text = re.sub(r"\{[^}]*\}", "", text)  # placeholders are checked above
        return sorted(n.replace(",", ".") for n in re.findall(r"\d+(?:[.,]\d+)?", text))

    wrong = {m: t for m, t in i18n.catalogue("id").items() if numbers(m) != numbers(t)}
    assert not wrong, wrong


def test_numbers_in_indonesian_take_a_decimal_comma():
    with i18n.speaking("id"):
        assert i18n.number(1.25) == "1,25"
        assert i18n.number(12345.5, ",.1f") == "12.345,5"
        assert i18n.tr("slowed ×{factor:g}", factor=1.5) == "diperlambat ×1,5"
    assert i18n.number(1.25) == "1.25"  # English outside the block


def test_one_formatter_writes_the_numbers_of_the_prose_of_the_figures_and_of_the_feedback():
    """``language.number`` (the prose, the published values) and ``i18n`` (figures, explorers, exercise feedback) write
    a number the same way: each language's marks, and a typographic minus in English as in Indonesian."""
    assert language.number(-85.04, 1) == i18n.number(-85.04, ".1f") == "\u221285.0"
    assert i18n.tr("{v:,.1f} mV", v=-2438.46) == "\u22122,438.5 mV"
    with i18n.speaking("id"):
        assert language.number(-2438.46, 1, "id") == i18n.number(-2438.46, ",.1f") == "\u22122.438,5"


def test_each_language_sets_its_percent_sign_as_its_entry_says():
    """English sets the sign apart as the text does (a space or a no-break space); Indonesian writes it against the
    number, as PUEBI asks (``percent_apart`` in languages.yaml)."""
    assert language.percent_sign("55.2 % and 3\u00a0%", "en") == "55.2 % and 3\u00a0%"
    assert language.percent_sign("55,2 % dan 3\u00a0%", "id") == "55,2% dan 3%"
    assert [language.LANGUAGE_OF[code].percent_apart for code in ("en", "id")] == [True, False]


@pytest.mark.parametrize(
    "text, said",
    [
        ("id: {name: Indonesia, locale: id_ID, decimal: ',', thousands: '.', percent_apart: false}", "English ('en')"),
        (BASE_LANGUAGES + "xx: {name: X, decimal: ',', thousands: '.'}", "entry 'xx': give exactly the fields"),
        (
            BASE_LANGUAGES + "xx: {name: X, locale: x, decimal: ',', thousands: ',', percent_apart: true}",
            "entry 'xx', field 'decimal'",
        ),
        (
            BASE_LANGUAGES + "xx: {name: X, locale: x, decimal: ',', thousands: '.', percent_apart: no-space}",
            "field 'percent_apart'",
        ),
        (
            BASE_LANGUAGES + "Malay: {name: X, locale: x, decimal: ',', thousands: '.', percent_apart: true}",
            "entry 'Malay': a language code",
        ),
    ],
)
def test_a_bad_language_entry_is_refused_naming_the_file_the_entry_and_the_field(tmp_path, text, said):
    path = tmp_path / "languages.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(f"{path}: ") + ".*" + re.escape(said)):
        language._read(path)


def test_tick_labels_in_indonesian_take_a_decimal_comma():
    fig = Figure()
    ax = fig.subplots()
    ax.set_xlim(0, 1)
    ax.set_xticks([0, 0.5, 1])
    with i18n.speaking("id"):
        i18n.localise_axes(fig)
    fig.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0,0", "0,5", "1,0"]


def test_a_missing_translation_and_an_unknown_language_say_where():
    with i18n.speaking("id"), pytest.raises(KeyError, match=r"data/i18n/id\.yaml: no translation of 'Not a text'"):
        i18n.tr("Not a text")
    with pytest.raises(ValueError, match="language 'fr'"), i18n.speaking("fr"):
        pass


def test_a_notebook_chooses_its_language_once_for_every_later_cell():
    """ipykernel runs each cell in a copy of the context: the choice holds outside the cell that made it."""
    try:
        contextvars.copy_context().run(i18n.set_language, "id")
        assert i18n.language() == "id" and i18n.tr("Relaxation") == "Relaksasi"
        with i18n.speaking("en"):
            assert i18n.language() == "en"
    finally:
        i18n.set_language(None)
    assert i18n.language() == "en"


def test_a_bad_language_in_the_environment_names_the_variable(monkeypatch):
    monkeypatch.setenv(i18n.ENV, "xx")
    with pytest.raises(ValueError, match=f"environment variable {i18n.ENV}"):
        i18n.language()


# the modules whose figures and explorers speak Indonesian so far (issue 14: every module)
TRANSLATED = (
    twitch_plots,
    coupling_plots,
    crossbridge_plots,
    length_speed_plots,
    motor_units_plots,
    fatigue_plots,
    nerve_plots,
    membrane_plots,
    generator_plots,
    emg_plots,
)
TRANSLATED_SPECS = [v for m in TRANSLATED for v in vars(m).values() if isinstance(v, Spec)]


def texts_off(fig) -> list[str]:
    """The texts of ``fig`` that run off it (tick labels aside: numbers, and culled when off their axes)."""
    fig.draw_without_rendering()
    width, height = fig.canvas.get_width_height()
    ticks = {id(t) for ax in fig.axes for axis in (ax.xaxis, ax.yaxis) for t in axis.get_ticklabels(which="both")}
    off = []
    for t in fig.findobj(lambda a: hasattr(a, "get_window_extent") and hasattr(a, "get_text")):
        if not t.get_visible() or not t.get_text().strip() or id(t) in ticks:
            continue
        text = t.get_text()
        if getattr(t, "get_wrap", lambda: False)():  # drawn wrapped (phone titles): measure what is drawn
            t.set_text(t._get_wrapped_text())
        box = t.get_window_extent()
        t.set_text(text)
        if off_figure(box, width, height):
            off.append(text)
    return off


def off_figure(box, width: float, height: float) -> bool:
    """Whether a text's box [display px] runs off a figure ``width`` x ``height`` px: by more than 1 px, the
    rounding of the canvas size."""
    return box.x0 < -1 or box.x1 > width + 1 or box.y0 < -1 or box.y1 > height + 1


@functools.cache
def glossary_terms() -> frozenset[str]:
    return frozenset(term["en"] for term in load_terms()["terms"])


def english_left(texts: list[str]) -> list[tuple[str, str]]:
    """(English, text) for every English text with a different Indonesian that is still in ``texts``."""
    # (a term written the same in both but for its capital, "Rigor" and "rigor", is not English left; nor is a
    # glossary term Indonesian uses as a loanword beside its own: "Treppe", "treppe (efek tangga)")
    terms = glossary_terms()
    english = [
        m
        for m, t in i18n.catalogue("id").items()
        if m.lower() != t.lower() and "{" not in m and len(m) > 4 and not (m in terms and m.lower() in t.lower())
    ]
    return [(m, text) for m in english for text in texts if m in text]


def shown_texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")) if t.get_text().strip()]


@pytest.mark.slow  # every explorer at every end of every control, twice: make test runs it, make check does not
@pytest.mark.parametrize("spec", TRANSLATED_SPECS, ids=lambda s: s.key)
@pytest.mark.parametrize("layout", [WIDE, PHONE], ids=lambda layout: layout.name)
def test_the_explorers_speak_indonesian(spec, layout):
    """Title, basis, controls, every text of the figure and the text alternative are Indonesian (no English
    text that has a different Indonesian is left), with the numbers of the English frame; the English
    frame stays English. In both languages, with every control at its first, its starting and its last
    value, no text runs off the figure (longer Indonesian words must still fit)."""
    start = spec.params(spec.start)
    ends = [spec.params([0] * len(spec.controls)), spec.params([len(c.values) - 1 for c in spec.controls])]
    english = Renderer(spec.view, layout)
    english_text = english.describe(**start)
    with i18n.speaking("id"):
        renderer = Renderer(spec.view, layout)
        header = [i18n.text(spec.title), i18n.text(spec.basis)]
        controls = [c.text for c in spec.controls] + [v for c in spec.controls for v in c.shown]
    description = renderer.describe(**start)  # the renderer keeps the language it was made in
    texts = [description, *header, *controls, *shown_texts(renderer.fig)]
    assert not english_left(texts), english_left(texts)
    assert description != english_text
    numbers = [w.strip(":,.;()") for w in english_text.replace("%", " ").split() if w[0].isdigit()]
    assert all(n.replace(".", ",") in description for n in numbers), (numbers, description)
    assert i18n.text(spec.title) == (spec.title if isinstance(spec.title, str) else str(spec.title))  # English
    for params in [start, *ends]:
        for fig, draw in ((renderer.fig, renderer), (english.fig, english)):
            draw.describe(**params)
            assert not texts_off(fig), (fig is english.fig, params, texts_off(fig))


# the book's static figures (StaticFigure in the notebooks), with the values the chapters draw them for
STATIC_FIGURES = [
    (twitch_plots.TwitchView, {"unit": twitch.SLOW}),
    (twitch_plots.TwitchComparisonView, {"units": (twitch.FAST, twitch.SLOW)}),
    (twitch_plots.ForceFrequencyView, {"units": (twitch.SLOW, twitch.FAST)}),
    (crossbridge_plots.CycleView, {}),
    (emg_plots.PatternsView, {}),
]


@pytest.mark.parametrize("view, params", STATIC_FIGURES, ids=lambda x: getattr(x, "__name__", ""))
@pytest.mark.parametrize("layout", [WIDE, PHONE], ids=lambda layout: layout.name)
def test_the_static_figures_speak_indonesian(view, params, layout):
    with i18n.speaking("id"):
        renderer = Renderer(view, layout)
    description = renderer.describe(**params)
    english = Renderer(view, layout).describe(**params)
    texts = [description, *shown_texts(renderer.fig)]
    assert not english_left(texts), english_left(texts)
    assert description != english and not texts_off(renderer.fig), texts_off(renderer.fig)


def test_the_twitch_explorer_in_indonesian_reads_as_indonesian():
    with i18n.speaking("id"):
        renderer = Renderer(twitch_plots.TRAIN.view, WIDE)
    description = renderer.describe(**twitch_plots.TRAIN.params(twitch_plots.TRAIN.start))
    assert description.startswith("Unit lambat, dirangsang 10 Hz selama 600 ms: gaya puncak")
    assert "Gaya (% tetanus maks.)" in shown_texts(renderer.fig)


def test_relaxation_choices_in_indonesian():
    with i18n.speaking("id"):
        assert twitch_plots.RELAXATION.controls[0].shown == [
            "normal",
            "diperlambat ×1,25",
            "diperlambat ×1,5 (seperti saat lelah)",
            "diperlambat ×2",
        ]
        assert (
            twitch_plots.unit_title(twitch.SLOW.replace(relaxation_factor=1.5))
            == "unit lambat, relaksasi diperlambat ×1,5"
        )


def test_an_english_text_entered_twice_is_refused(tmp_path, monkeypatch):
    (tmp_path / "id.yaml").write_text("normal: normal\nslow: lambat\nnormal: biasa\n", encoding="utf-8")
    monkeypatch.setattr(i18n, "CATALOGUE_DIR", tmp_path)
    i18n.catalogue.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"id\.yaml: entry 'normal' appears twice \(line 3\)"):
            i18n.catalogue("id")
    finally:
        i18n.catalogue.cache_clear()
