"""An explorer's definition: its controls, the layouts it is drawn in, and the grid of values a reader can choose."""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import i18n
from ..i18n import Msg

if TYPE_CHECKING:  # a Spec names its view's class; the renderer imports this module
    from .render import View


#: the space between a number and its unit, which a wrapped text must not break at (Matplotlib wraps at spaces)
UNIT_AFTER_NUMBER = re.compile(r"(?<=\d) (?=(?:mM|µM|µm|mV|ms|m/s|Hz|s|V|mm|N|°C)\b|%)")
STATIC_ENV = "MUSCLEBOOK_STATIC"  # "1" while the book's pages are built: explorers precompute their frames
DEFAULT_BUDGET_BYTES = 1_500_000  # all frames of one explorer [bytes]
DPI = 96  # pixels per inch of the frames (1 px of the image = 1 CSS px at natural size)


def static_build() -> bool:
    """Whether the code runs while the book's web pages are built (no reader, no kernel later)."""
    return os.environ.get(STATIC_ENV) == "1"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class Control:
    """One control of an explorer.

    ``name`` is the keyword of the view's ``update``; ``label`` the reader's words with units
    ("Stimulation (Hz)"); ``values`` the grid the web page offers (one frame per combination);
    ``value_labels`` how each value is shown (default ``f"{value:g}"``); ``unit`` is read out
    after the shown value by screen readers ("10 Hz"); ``buttons`` shows a choice instead of a
    slider; ``start`` is the index shown first. ``live`` is ``(low, high, step)`` for a quantity
    that varies continuously: a live kernel then offers a float slider over that range (within the
    model's valid box), while the web page keeps the grid. ``log`` makes that slider logarithmic.
    """

    name: str
    label: str | Msg  # texts a reader sees are marked for translation (musclebook.i18n: N_ or Msg)
    values: Sequence
    value_labels: Sequence[str | Msg] | None = None
    unit: str = ""
    buttons: bool = False
    start: int = 0
    live: tuple[float, float, float] | None = None
    log: bool = False

    def __post_init__(self):
        if not self.values:
            raise ValueError(f"control '{self.name}' has no values")
        if self.value_labels is not None and len(self.value_labels) != len(self.values):
            raise ValueError(f"control '{self.name}': {len(self.value_labels)} labels for {len(self.values)} values")
        if not 0 <= self.start < len(self.values):
            raise ValueError(f"control '{self.name}': start index {self.start} is out of range")
        if self.live is not None:
            low, high, step = self.live
            if not (low < high and step > 0 and (not self.log or low > 0)):
                raise ValueError(f"control '{self.name}': live range {self.live} is not (low < high, step > 0)")
            outside = [v for v in self.values if not low <= v <= high]
            if outside:
                raise ValueError(f"control '{self.name}': grid values {outside} lie outside its live range {self.live}")

    @property
    def shown(self) -> list[str]:
        """How each grid value is written next to the control."""
        if self.value_labels is not None:
            return [i18n.text(label) for label in self.value_labels]
        return [i18n.number(v) if isinstance(v, (int, float)) else str(v) for v in self.values]

    def spoken(self, index: int) -> str:
        """What a screen reader announces for grid value ``index`` ("10 Hz")."""
        return f"{self.shown[index]} {self.unit}".strip()

    @property
    def text(self) -> str:
        """The label, in the language of the book's figures now."""
        return i18n.text(self.label)

    def clamp(self, value):
        """A live value kept inside the control's valid range (never outside the model's box)."""
        if self.live is None:
            return value
        low, high, _ = self.live
        return min(max(float(value), low), high)


@dataclass(frozen=True)
class Layout:
    """Where a figure is shown: its size, and how its panels are arranged.

    - ``WIDE``: a page on a desktop or tablet, and a live kernel: the view's own ``figsize`` and margins.
    - ``PHONE``: the web page on a narrow screen (``PHONE_MEDIA``): panels side by side are stacked in a
      figure ``width_in`` wide, so that at a 375 px viewport it is shown at about its natural size and
      its text keeps its size (9.5 pt and more: at least 12.6 CSS px).
    - ``PROJECTOR``: a lecture slide: the view's own arrangement in a smaller figure, so that shown across
      a 1280 x 720 slide its text is at least 20 px.

    Outside ``WIDE`` the axes are placed by Matplotlib's constrained layout, once (see ``Renderer``).
    """

    name: str
    width_in: float | None = None  # figure width [in]; None: the view's own
    stack: bool = False  # panels side by side become a column
    max_height_in: float | None = None  # figure height at most [in]


WIDE = Layout("wide")
PHONE = Layout("phone", width_in=3.4, stack=True)
PROJECTOR = Layout("projector", width_in=6.4, max_height_in=2.7)
#: the screens that get the phone layout: below this width a wide figure's text would shrink under 11 px
PHONE_MEDIA = "(max-width: 760px)"


@dataclass(frozen=True)
class Spec:
    """One explorer, defined once (see the module docstring)."""

    key: str  # unique on its page and in the book ("twitch-train")
    title: str | Msg  # texts a reader sees are marked for translation (musclebook.i18n: N_ or Msg)
    basis: str | Msg  # what the model behind it rests on: measured, fitted or illustrative
    view: type[View]
    controls: tuple[Control, ...]
    budget_bytes: int = DEFAULT_BUDGET_BYTES
    extra: dict = field(default_factory=dict, compare=False)  # fixed keyword arguments of update()
    #: controls whose value changes the background too (e.g. a choice that changes the axes): one background
    #: is drawn for each of their combinations
    layers_by: tuple[str, ...] = ()

    def __post_init__(self):
        if not 1 <= len(self.controls) <= 3:
            raise ValueError(f"explorer '{self.key}': takes 1 to 3 controls, got {len(self.controls)}")
        names = [c.name for c in self.controls]
        if len(set(names)) != len(names):
            raise ValueError(f"explorer '{self.key}': control names repeat: {names}")
        basis = self.basis.msgid if isinstance(self.basis, Msg) else self.basis
        if not basis.strip():
            raise ValueError(f"explorer '{self.key}': say what it rests on (basis)")
        unknown = set(self.layers_by) - set(names)
        if unknown:
            raise ValueError(f"explorer '{self.key}': layers_by names no control: {sorted(unknown)}")

    def layer(self, index: Sequence[int]) -> tuple[int, ...]:
        """Which background a grid point shows: the indices of its ``layers_by`` controls."""
        return tuple(i for c, i in zip(self.controls, index) if c.name in self.layers_by)

    def params(self, index: Sequence[int]) -> dict[str, Any]:
        """Keyword arguments of the view for one point of the grid."""
        return {c.name: c.values[i] for c, i in zip(self.controls, index)} | self.extra

    def indices(self) -> Iterator[tuple[int, ...]]:
        """Every point of the grid, the last control varying fastest."""
        return itertools.product(*(range(len(c.values)) for c in self.controls))

    def grid(self) -> Iterator[dict[str, Any]]:
        """Every combination of control values, as keyword dictionaries."""
        for index in self.indices():
            yield self.params(index)

    @property
    def start(self) -> tuple[int, ...]:
        return tuple(c.start for c in self.controls)

    @property
    def start_params(self) -> dict[str, Any]:
        """The view's keyword arguments of the first frame a reader sees: prose about that view computes from them."""
        return self.params(self.start)
