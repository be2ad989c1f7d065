"""The parts of a code exercise: its answer, its tolerance, its reasons and hints (``Exercise``, ``Mistake``),
and the models it reads, imported only when an exercise is checked."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass


class _Model:
    """A chapter's model module, imported when an exercise first uses it: a notebook that imports ``check`` then
    depends on its own model only, not on every chapter's (``bookkit.dependencies`` reruns what a change touches)."""

    def __init__(self, name: str):
        self.name = name

    def __getattr__(self, attribute: str):
        return getattr(importlib.import_module(f"musclebook.{self.name}"), attribute)


coupling, crossbridge, emg, fatigue, generator = map(_Model, ("coupling", "crossbridge", "emg", "fatigue", "generator"))
length_speed, membrane, motor_units, nerve, twitch = map(
    _Model, ("length_speed", "membrane", "motor_units", "nerve", "twitch")
)


@dataclass(frozen=True)
class Mistake:
    """An answer a known slip gives, and the hint for it."""

    gives: Callable[[], float | str]  # the answer the slip gives, from the model
    hint: str  # N_: what to look at again (never the right number)


@dataclass(frozen=True)
class Exercise:
    key: str  # what the reader passes to check(): "<chapter>-<topic>", the chapter as its notebook is named
    answer: Callable[[], float | str]  # the model's answer, computed when checked
    tolerance: float  # how far a number may be from the model's answer, in its unit (0 for a word)
    unit: str  # the answer's unit as the book writes it ("" for a fraction, a count or a word)
    shown: str  # how the right answer is written back: a format spec (".1f")
    why: str  # N_: why the answer is what it is, shown with a right answer
    hint: str  # N_: for any other wrong answer
    mistakes: tuple[Mistake, ...] = ()

    @property
    def chapter(self) -> str:
        """The notebook the exercise is in: "membrane" for "membrane-potassium"."""
        return self.key.split("-", 1)[0]

    def close(self, given: float | str, target: float | str) -> bool:
        if isinstance(target, str):
            return isinstance(given, str) and given.strip().lower() == target
        return abs(given - target) <= self.tolerance
