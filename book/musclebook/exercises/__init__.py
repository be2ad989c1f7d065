"""Code exercises: the reader calls a chapter's model, and :func:`check` says whether the answer is right, and why.

Each chapter's "Run the model yourself" section ends with a cell the reader completes::

    answer = ...  # your code
    check("membrane-potassium", answer)

``check`` compares the answer with the model's own (computed when checked, never typed in) within the
exercise's tolerance. A wrong answer gets a hint: the one for a known mistake when the answer is what that
mistake gives (the normal value instead of the changed one, seconds instead of milliseconds, ...), a general
one otherwise, and never the number itself; the number and the reason come with a right answer. In the web
book, where nothing runs (the build sets ``musclebook.launch.ENV``), the cell links the chapter in Binder
and Colab instead. The solutions are in the chapters; ``tests/test_exercises.py`` runs every one of them
through its check, and every known mistake, in both languages.
"""

from __future__ import annotations

import math
from numbers import Real

import numpy as np

from ..i18n import number, tr
from ..launch import launch_links
from .base import Exercise, Mistake
from .chapters import (
    AFTER_CALCIUM_MS,
    C_FIBRE_UM,
    CONTRACTION_MS,
    EXCITATION,
    EXERCISES,
    FATIGUE_STEP,
    HIGH_POTASSIUM_MM,
    LONG_SARCOMERE_UM,
    LOW_ATP_MM,
    PUMP_SCALE,
)

__all__ = [
    "AFTER_CALCIUM_MS",
    "C_FIBRE_UM",
    "CONTRACTION_MS",
    "EXCITATION",
    "EXERCISES",
    "FATIGUE_STEP",
    "HIGH_POTASSIUM_MM",
    "LONG_SARCOMERE_UM",
    "LOW_ATP_MM",
    "PUMP_SCALE",
    "Exercise",
    "Feedback",
    "Mistake",
    "check",
    "exercise",
]


class Feedback:
    """What :func:`check` says: Markdown, which Jupyter renders and the web book's build parses."""

    def __init__(self, text: str, correct: bool | None):
        self.text, self.correct = text, correct  # correct: None when nothing was checked

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def exercise(key: str) -> Exercise:
    try:
        return EXERCISES[key]
    except KeyError:
        raise ValueError(f"check: no exercise {key!r}; the book has {', '.join(EXERCISES)}") from None


def _given(target: float | str, answer) -> float | str | Feedback:
    """The answer as a number (or a word, as ``target`` is), or the feedback saying why it is not one."""
    if isinstance(target, str):
        if isinstance(answer, str):
            return answer
        return Feedback(tr("Give the answer as text, in quotes: one of `emg.KEYS`."), False)
    if isinstance(answer, np.ndarray) and answer.size == 1:
        answer = answer.item()
    if isinstance(answer, Real) and not isinstance(answer, bool) and math.isfinite(answer):
        return float(answer)
    return Feedback(tr("Give the answer as one number; `answer` is {kind}.", kind=type(answer).__name__), False)


def check(key: str, answer) -> Feedback:
    """Whether ``answer`` is the model's answer to exercise ``key``, and why; a hint if it is not."""
    ex = exercise(key)
    links = launch_links(ex.chapter)
    if links:  # the web book: nothing runs here
        return Feedback(
            tr(
                "**Try it in a live notebook:** open this chapter in [Binder]({binder}) or in [Google Colab]({colab}), "
                "replace `...` with your code and run the cell; `check` tells you whether your answer is right.",
                **links,
            ),
            None,
        )
    if answer is Ellipsis:
        return Feedback(tr("Replace `...` with your code, then run the cell again."), None)
    target = ex.answer()
    given = _given(target, answer)
    if isinstance(given, Feedback):
        return given
    if ex.close(given, target):
        written = target if isinstance(target, str) else number(target, ex.shown)
        if ex.unit:
            written = f"{written} {ex.unit}"
        return Feedback(tr("✓ **Right**: the model gives {answer}. {why}", answer=written, why=tr(ex.why)), True)
    for mistake in ex.mistakes:
        if ex.close(given, mistake.gives()):
            return Feedback(tr("✗ **Not yet.** {hint}", hint=tr(mistake.hint)), False)
    return Feedback(tr("✗ **Not yet.** {hint}", hint=tr(ex.hint)), False)
