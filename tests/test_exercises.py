"""The code exercises: every chapter with a model asks the reader to call it, and `check` answers honestly.

Each chapter's solution, as the chapter prints it (both editions), is run through its check and must be right;
every known mistake, a far-off number, an answer of the wrong kind and the untouched ``...`` get their own
feedback, in both languages, without the model's number; in the web book the cell links Binder and Colab.
The notebooks read like a textbook: title first, one collapsed set-up cell, "Run the model yourself" right
after the chapter's first explorer, one import for the self-checks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from bookkit import translate
from musclebook import i18n, launch
from musclebook.exercises import EXERCISES, check

REPO = Path(__file__).resolve().parent.parent
BOOK = REPO / "book"
MODEL_CHAPTERS = sorted(
    p.stem for p in BOOK.glob("*.ipynb") if "## Run the model yourself" in p.read_text(encoding="utf-8")
)
EDITIONS = {"en": BOOK, "id": BOOK / "id"}
CALL = re.compile(r'^check\("([\w-]+)", answer\)$', re.M)
SOLUTION = re.compile(r"````\{solution\} (\S+)\n.*?```python\n(.*?)```\n````", re.S)


def cells(chapter: str, edition: str = "en") -> list[dict]:
    return json.loads((EDITIONS[edition] / f"{chapter}.ipynb").read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    return "".join(cell["source"])


def hidden(cell: dict) -> bool:
    return "remove-input" in cell["metadata"].get("tags", [])


def solutions(chapter: str, edition: str) -> list[tuple[str, str]]:
    """(exercise label, code) of every solution the chapter shows."""
    return [
        m.groups()
        for c in cells(chapter, edition)
        if c["cell_type"] == "markdown"
        for m in SOLUTION.finditer(source(c))
    ]


def namespace(chapter: str, edition: str) -> dict:
    """What a reader's kernel holds when they reach the exercise: the set-up cell (without its IPython magics
    and its Colab install) and the cells they have run before it."""
    found = {}
    for cell in cells(chapter, edition):
        if cell["cell_type"] != "code":
            continue
        code = source(cell).removesuffix(
            translate.language_lines("id")
        )  # the test speaks the edition's language itself
        if CALL.search(code):
            return found
        if hidden(cell) and "google.colab" not in code:
            continue  # prose values and explorers: not needed to call a model
        lines = [line for line in code.splitlines() if not line.lstrip().startswith(("%", "plt.show"))]
        code = "\n".join(lines).replace('if "google.colab" in sys.modules:\n', "if False:\n    pass\n")
        exec(compile(code, f"{chapter}.ipynb", "exec"), found)
    raise AssertionError(f"{chapter}: no exercise cell calls check")


def test_every_chapter_with_a_model_has_a_code_exercise_and_every_exercise_a_chapter():
    assert len(MODEL_CHAPTERS) == 10, MODEL_CHAPTERS
    asked = {}
    for chapter in MODEL_CHAPTERS:
        keys = [k for c in cells(chapter) if c["cell_type"] == "code" for k in CALL.findall(source(c))]
        assert keys, f"{chapter}: no cell asks the reader to call the model and check the answer"
        for key in keys:
            assert EXERCISES[key].chapter == chapter, (key, chapter)
            asked[key] = chapter
    assert set(asked) == set(EXERCISES), set(EXERCISES) ^ set(asked)


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("chapter", MODEL_CHAPTERS)
def test_the_chapters_solution_passes_its_check(chapter, edition):
    shown = solutions(chapter, edition)
    keys = [k for c in cells(chapter, edition) if c["cell_type"] == "code" for k in CALL.findall(source(c))]
    assert [label for label, _ in shown if label == f"{chapter}-ex-code"], f"{chapter}: the exercise has no solution"
    code = dict(shown)[f"{chapter}-ex-code"]
    said = []
    space = namespace(chapter, edition)
    space["check"] = lambda key, answer: said.append(check(key, answer))
    with i18n.speaking(edition):
        exec(compile(code, f"{chapter} solution", "exec"), space)
    assert [f.correct for f in said] == [True] * len(keys) and len(said) == 1, [f.text for f in said]
    assert said[0].text.startswith("✓"), said[0].text


def right_number(key: str) -> str:
    ex = EXERCISES[key]
    target = ex.answer()
    return target if isinstance(target, str) else i18n.number(target, ex.shown)


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("key", sorted(EXERCISES))
def test_a_wrong_answer_gets_a_hint_and_never_the_number(key, lang):
    ex = EXERCISES[key]
    target = ex.answer()
    with i18n.speaking(lang):
        number = right_number(key)
        replies = {"untouched": check(key, ...)}
        for k, mistake in enumerate(ex.mistakes):
            replies[f"mistake {k}"] = check(key, mistake.gives())
            assert i18n.tr(mistake.hint) in replies[f"mistake {k}"].text, (key, k)
            assert not ex.close(mistake.gives(), target), f"{key}: mistake {k} gives the right answer"
        replies["far off"] = check(key, "seizure" if isinstance(target, str) else target * 3 + 7)
        assert i18n.tr(ex.hint) in replies["far off"].text
        replies["wrong kind"] = check(key, 1.0 if isinstance(target, str) else "a number")
        right = check(key, target)
    assert ex.mistakes, f"{key}: no known mistake is recognised"
    assert right.correct and number in right.text, right.text
    for what, reply in replies.items():
        assert reply.correct is not True, (what, reply.text)
        assert number not in reply.text, f"{key}, {what}: the reply gives the answer away: {reply.text}"
        assert reply.text != right.text


def test_an_answer_within_the_tolerance_is_right_and_just_outside_it_is_not():
    ex = EXERCISES["membrane-potassium"]
    target = ex.answer()
    assert check(ex.key, target + 0.9 * ex.tolerance).correct
    assert not check(ex.key, target + 1.1 * ex.tolerance).correct
    assert check(ex.key, np.float64(target)).correct and check(ex.key, np.array(target)).correct
    assert not check(ex.key, True).correct and not check(ex.key, float("nan")).correct


def test_an_unknown_exercise_is_refused_by_name():
    with pytest.raises(ValueError, match="no exercise 'membrane-sodium'; the book has .*membrane-potassium"):
        check("membrane-sodium", 1.0)


def test_in_the_web_book_the_exercise_links_binder_and_colab(monkeypatch):
    monkeypatch.setenv(
        launch.ENV, json.dumps({"binder": "https://b.example/{chapter}", "colab": "https://c.example/{chapter}"})
    )
    reply = check("twitch-fusion", ...)
    assert reply.correct is None
    assert "(https://b.example/twitch)" in reply.text and "(https://c.example/twitch)" in reply.text


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("chapter", MODEL_CHAPTERS)
def test_the_notebook_reads_like_a_textbook_chapter(chapter, edition):
    nb = cells(chapter, edition)
    # the title and what you'll learn first; then one collapsed set-up cell; then the physiology
    assert nb[0]["cell_type"] == "markdown" and source(nb[0]).startswith("# "), f"{chapter}: the title first"
    learn = {"en": "**What you'll learn**", "id": "**Yang akan Anda pelajari**"}[edition]
    assert learn in source(nb[0]), f"{chapter}: what you'll learn, under the title"
    setup = translate.setup_cell(nb)
    assert nb.index(setup) == 1 and hidden(setup) and setup["metadata"]["jupyter"]["source_hidden"]
    assert nb[2]["cell_type"] == "markdown", f"{chapter}: the physiology should follow the set-up cell"
    # the self-checks' imports once, in the set-up cell
    for cell in nb:
        if cell is not setup and cell["cell_type"] == "code":
            assert not re.search(r"^from musclebook\.(quiz|exercises) import", source(cell), re.M), chapter
    if "Question(" in "".join(source(c) for c in nb):
        assert "from musclebook.quiz import Choice, Question" in source(setup)
    assert "from musclebook.exercises import check" in source(setup)
    # "Run the model yourself" right after the section of the first explorer, before the next section
    yourself = next(i for i, c in enumerate(nb) if f"({chapter}-yourself)=" in source(c))
    explorers = [i for i, c in enumerate(nb) if c["cell_type"] == "code" and "Explorer(" in source(c)]
    if explorers:
        between = nb[explorers[0] + 1 : yourself]
        assert explorers[0] < yourself and not any(
            c["cell_type"] == "markdown" and re.search(r"^## ", source(c), re.M) for c in between
        ), f"{chapter}: 'Run the model yourself' should come right after the first explorer's section"
    # every code cell a reader sees before the exercise: visible; every hidden cell collapsed in JupyterLab
    for cell in nb:
        if cell["cell_type"] == "code" and hidden(cell):
            assert cell["metadata"].get("jupyter", {}).get("source_hidden"), (chapter, source(cell)[:60])
