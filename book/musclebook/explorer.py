"""The book's one explorer helper: each explorer is defined once and shown live or static.

An explorer is a :class:`Spec`: its controls (each with the grid of values the web page offers and,
for a quantity that varies continuously, the range a live slider covers), and a :class:`View`, a
small class that creates a figure's artists once and, for given parameter values, updates them and
returns the text alternative of what it now shows. The same definition serves

- a **live kernel** (Jupyter, Binder, Colab): :func:`Explorer` gives ipywidgets controls that
  redraw the one figure on demand, with continuous sliders inside the model's valid range;
- the **web book**: while the book's Sphinx extension builds the pages (it sets ``MUSCLEBOOK_STATIC``),
  :func:`Explorer` precomputes one frame per point of the grid, drawn wide and again for phones
  (``Layout``: panels stacked, the same text size), and writes plain HTML that the book's small
  ``explorer.js`` switches in the browser, with no kernel and no network; the lecture slides draw
  the same explorer for a projector;
- the tests and the benchmark, which render frames or drive the live widgets directly.

Every frame has a text alternative computed from the same numbers as the figure. Every text a reader
sees is marked for translation (:mod:`musclebook.i18n`), and a figure speaks the language it was
created in: English, or Indonesian with ``i18n.speaking("id")``/``i18n.set_language("id")``.
"""

from __future__ import annotations

import base64
import html
import io
import itertools
import json
import math
import os
import re
import textwrap
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine

from . import i18n
from .i18n import Msg, tr
from .style import MIN_FONT_PT, book_style

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


class View:
    """The drawing of one explorer or figure: artists created once, updated for new values.

    Subclasses set ``figsize`` (inches, the wide layout), create their axes with :meth:`panels` and
    their artists in ``__init__(fig, layout)`` with fixed limits and ticks. Artists that change from
    frame to frame are registered with :meth:`dynamic` (or created during ``update`` with
    :meth:`transient`); everything else is the background, drawn once per explorer.
    ``update(**params) -> str`` changes the dynamic artists and returns the text alternative of the
    figure it now shows. A static figure (one frame) may change anything.
    """

    figsize: ClassVar[tuple[float, float]] = (7.5, 3.2)
    phone_panel_in: ClassVar[float] = 2.5  # height of one panel in the phone layout [in]

    def __init__(self, fig: Figure, layout: Layout = WIDE):
        self.fig = fig
        self.layout = layout
        self._dynamic: list = []
        self._transient: list = []

    def panels(self, rows: int = 1, cols: int = 1, *, margins: dict | None = None, **subplots):
        """The view's axes, ``fig.subplots(rows, cols, **subplots)`` arranged for the layout.

        ``margins`` (left, right, bottom, top, wspace, hspace as figure fractions) place the axes in the
        wide layout; elsewhere constrained layout places them, and on a phone the panels become one column
        (in the order of the wide figure's rows) and the figure is sized for the rows.
        """
        margins = dict(margins or {})
        for ratios in ("width_ratios", "height_ratios"):
            if ratios in margins:
                subplots.setdefault(ratios, margins.pop(ratios))
        if self.layout == WIDE:
            return self.fig.subplots(rows, cols, gridspec_kw=margins, **subplots)
        if self.layout.stack and cols > 1:
            rows, cols = rows * cols, 1  # row by row, in the order of the wide figure's panels
            subplots.pop("width_ratios", None)
            subplots.pop("height_ratios", None)
        self.fig.set_layout_engine("constrained", h_pad=0.06, w_pad=0.06, hspace=0.08, wspace=0.06)
        width, height = self.figsize
        if self.layout.stack:
            height = self.phone_panel_in * rows + 0.35
        if self.layout.width_in:
            width = self.layout.width_in
        if self.layout.max_height_in:
            height = min(height, self.layout.max_height_in)
        self.fig.set_size_inches(width, height)
        return self.fig.subplots(rows, cols, **subplots)

    def update(self, **params) -> str:  # pragma: no cover - every subclass implements it
        raise NotImplementedError

    def dynamic(self, artist):
        """Register an artist (or the list ``ax.plot`` returns) that changes between frames."""
        self._dynamic.extend(artist if isinstance(artist, (list, tuple)) else [artist])
        return artist

    def transient(self, artist):
        """Register an artist (or a list) that the next update removes (annotations that move or change)."""
        self._transient.extend(artist if isinstance(artist, (list, tuple)) else [artist])
        return artist

    def clear_transient(self) -> None:
        for artist in self._transient:
            artist.remove()
        self._transient.clear()

    @property
    def changing(self) -> list:
        return [*self._dynamic, *self._transient]


def _svg(fig: Figure, transparent: bool = False) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, format="svg", transparent=transparent, metadata={"Date": None, "Creator": None})
    return out.getvalue()


def data_uri(svg: bytes) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


@dataclass(frozen=True)
class Frame:
    svg: bytes  # the changing artists on a transparent layer, or the whole figure for a static figure
    description: str  # its text alternative

    @property
    def src(self) -> str:
        return data_uri(self.svg)


def _keep_units(text) -> None:
    """Keep each number of a wrapped text with its unit ("2,10 µm", not "2,10" and "µm" on two lines): a
    no-break space between them (Matplotlib wraps at spaces)."""
    if UNIT_AFTER_NUMBER.search(text.get_text()):
        text.set_text(UNIT_AFTER_NUMBER.sub("\u00a0", text.get_text()))


class Renderer:
    """One figure and one view, reused for every frame.

    The background (axes, ticks, labels, everything not registered as changing) is drawn once as
    SVG; each frame is an SVG layer of the changing artists only, shown on top of it. Both are
    vector graphics, sharp at any screen density, and a frame costs a few milliseconds.
    """

    def __init__(self, view: type[View], layout: Layout = WIDE):
        self.language = i18n.language()  # the figure speaks the language it was created in, frame after frame
        with book_style(), i18n.speaking(self.language):
            self.fig = Figure(figsize=view.figsize, dpi=DPI)
            FigureCanvasAgg(self.fig)
            self.view = view(self.fig, layout)
        self.layout = layout
        self.render_ms: list[float] = []
        self._broken: dict = {}  # axis label -> (its text, that text broken onto lines): see _break_long_axis_labels
        self._wrapping: list = []  # the texts that wrap as they are drawn (see _settle), and keep units on a line

    def _settle(self) -> None:
        """Place the axes once, for the first values drawn (with their titles), and keep them there:
        a layout engine would move them from frame to frame, and take tens of milliseconds a frame."""
        if not isinstance(self.fig.get_layout_engine(), ConstrainedLayoutEngine):
            return
        self.fig.draw_without_rendering()
        if self._break_long_axis_labels():
            self.fig.draw_without_rendering()
        # titles wider than the figure wrap onto more lines whenever they are drawn (``wrap``), and the layout
        # leaves room for the lines their first text needs; on a phone's narrow figure axis labels wrap too, and
        # a title that changes from frame to frame gets one line more (a later value may need it)
        titles = [self.fig._suptitle] if self.fig._suptitle is not None else []
        titles += [ax.title for ax in self.fig.axes]
        texts = titles + [label for ax in self.fig.axes for label in (ax.xaxis.label, ax.yaxis.label)]
        changing = {id(a) for a in self.view.changing}
        wrapped = {}
        for text in (t for t in texts if t.get_visible() and t.get_text().strip()):
            title = any(text is t for t in titles)
            if not (title or self.layout.stack):
                continue
            text.set_wrap(True)
            self._wrapping.append(text)
            _keep_units(text)
            lines = text._get_wrapped_text()
            if self.layout.stack and title and id(text) in changing:
                lines += "\n "
            if lines != text.get_text():
                wrapped[text] = text.get_text()
                text.set_text(lines)
                text.set_wrap(False)
        if wrapped:
            self.fig.draw_without_rendering()
        for text, original in wrapped.items():
            text.set_text(original)
            text.set_wrap(True)
        self.fig.set_layout_engine("none")

    def _break_long_axis_labels(self) -> bool:
        """Break an axis label longer than its axes onto more lines, at spaces; return whether any was.

        On a phone's stacked panels and a slide's low ones an upright y label can be longer than its panel is
        high ("Tegangan isometrik (% maks.)"): it would run into the panel above or off the figure; on a slide's
        narrow panels an x label can be wider than its panel. A label is kept within 97% of its axes, a margin
        for the SVG's unhinted glyphs, which are up to 2% wider. A unit in brackets gets a line of its own.
        """
        renderer = self.fig.canvas.get_renderer()
        broken = False
        for ax in self.fig.axes:
            axes_box = ax.get_window_extent(renderer)
            # on a phone an x label wraps to the figure's width as it is drawn (see _settle)
            labels = [(ax.yaxis.label, axes_box.height)] + (
                [] if self.layout.stack else [(ax.xaxis.label, axes_box.width)]
            )
            for label, room in labels:
                text = label.get_text()
                if not label.get_visible() or not text.strip():
                    continue
                box = label.get_window_extent(renderer)
                length = box.height if label is ax.yaxis.label else box.width
                if length > 0.97 * room:
                    longest = max(len(line) for line in text.splitlines())  # (a label may have lines already)
                    chars = max(8, int(longest * 0.97 * room / length))
                    fill = dict(width=chars, break_long_words=False, break_on_hyphens=False)
                    words, unit = " ".join(text.split()).rpartition(" (")[::2]  # the unit on a line of its own
                    if words and len(unit) + 1 <= chars:
                        lines = f"{textwrap.fill(words, **fill)}\n({unit}"
                    else:
                        lines = textwrap.fill(" ".join(text.split()), **fill)
                    label.set_text(lines)
                    self._broken[label] = (text, lines)
                    broken = True
        return broken

    @property
    def size_px(self) -> tuple[int, int]:
        """Natural size of the figure [CSS px]."""
        width, height = self.fig.get_size_inches()
        return round(width * DPI), round(height * DPI)

    def _everything(self) -> list:
        artists = [self.fig.patch, *self.fig.texts, *self.fig.legends]
        for ax in self.fig.axes:
            artists += [ax.patch, ax.xaxis, ax.yaxis, *ax.spines.values(), *ax.get_children()]
        return [a for a in dict.fromkeys(artists) if a.get_visible()]

    def background(self) -> bytes:
        """The figure without its changing artists (call after at least one frame)."""
        with book_style():
            hidden = [a for a in self.view.changing if a.get_visible()]
            for artist in hidden:
                artist.set_visible(False)
            try:
                return _svg(self.fig)
            finally:
                for artist in hidden:
                    artist.set_visible(True)

    def frame(self, **params) -> Frame:
        """The changing artists for ``params``, as a transparent SVG layer, and the text alternative."""
        started = time.perf_counter()
        with book_style():
            description = self._describe(params)
            keep = {id(a) for a in self.view.changing}
            hidden = [a for a in self._everything() if id(a) not in keep]
            for artist in hidden:
                artist.set_visible(False)
            try:
                svg = _svg(self.fig, transparent=True)
            finally:
                for artist in hidden:
                    artist.set_visible(True)
        self.render_ms.append((time.perf_counter() - started) * 1000)
        return Frame(svg, description)

    def snapshot(self, **params) -> Frame:
        """The whole figure for ``params`` (a static figure, one frame)."""
        with book_style():
            description = self._describe(params)
            return Frame(_svg(self.fig), description)

    def describe(self, **params) -> str:
        """Update the figure for ``params`` and return its text alternative, without drawing an image."""
        with book_style():
            return self._describe(params)

    def _describe(self, params) -> str:
        with i18n.speaking(self.language):
            description = self.view.update(**params)
            i18n.localise_axes(self.fig)
        for label, (text, broken) in self._broken.items():  # a view may set a label again, with the same text
            if label.get_text() == text:
                label.set_text(broken)
        texts_in_axes = [t for ax in self.fig.axes for t in ax.texts if t.get_wrap()]  # a view's own, wrapping
        for text in [*self._wrapping, *texts_in_axes]:
            _keep_units(text)
        if not description or not description.strip():
            raise ValueError(f"{type(self.view).__name__} {params}: the frame has no text alternative")
        self._settle()
        return description

    def smallest_font_px(self) -> float:
        """The smallest text in the figure, in CSS px at the figure's natural size."""
        sizes = [
            t.get_fontsize()
            for t in self.fig.findobj(lambda a: hasattr(a, "get_fontsize") and hasattr(a, "get_text"))
            if t.get_visible() and t.get_text().strip()
        ]
        return min(sizes, default=MIN_FONT_PT) * DPI / 72


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


# ---------------------------------------------------------------- the web book: precomputed, static HTML


def _control_html(spec: Spec, k: int, control: Control) -> str:
    ident = f"mb-{_slug(spec.key)}-{_slug(control.name)}"
    label = html.escape(control.text)
    if control.buttons:
        options = "".join(
            f'<label class="mb-option"><input type="radio" name="{ident}" value="{i}"'
            f"{' checked' if i == control.start else ''}><span>{html.escape(text)}</span></label>"
            for i, text in enumerate(control.shown)
        )
        return f'<fieldset class="mb-choice" data-control="{k}"><legend>{label}</legend>{options}</fieldset>'
    spoken = json.dumps([control.spoken(i) for i in range(len(control.values))], ensure_ascii=False)
    shown = json.dumps(control.shown, ensure_ascii=False)
    return (
        f'<div class="mb-slider" data-control="{k}"><label for="{ident}">{label}</label>'
        f'<input type="range" id="{ident}" min="0" max="{len(control.values) - 1}" step="1" value="{control.start}"'
        f' aria-valuetext="{html.escape(control.spoken(control.start))}"'
        f" data-spoken='{html.escape(spoken, quote=True)}' data-shown='{html.escape(shown, quote=True)}'>"
        f'<output for="{ident}" aria-hidden="true">{html.escape(control.shown[control.start])}</output></div>'
    )


def flat_index(index: Sequence[int], shape: Sequence[int]) -> int:
    """Position of a grid point in the list of frames (row-major, the last control fastest)."""
    flat = 0
    for i, n in zip(index, shape):
        flat = flat * n + i
    return flat


@dataclass(frozen=True)
class Shown:
    """A figure as one layout draws it: its frame, background (for an explorer), size and smallest text."""

    frame: Frame
    size_px: tuple[int, int]
    font_px: float
    background: bytes | None = None


def _image(cls: str, wide_src: str, phone_src: str | None, alt: str, wide: Shown, phone: Shown | None) -> str:
    """One image of a figure: the wide drawing, and the phone drawing on narrow screens (``PHONE_MEDIA``)."""
    css_class = f'class="{cls}" ' if cls else ""
    img = f'<img {css_class}src="{wide_src}" alt="{alt}" width="{wide.size_px[0]}" height="{wide.size_px[1]}">'
    if phone is None:
        return img
    width, height = phone.size_px
    return (
        f'<picture><source media="{PHONE_MEDIA}" srcset="{phone_src}" width="{width}" height="{height}">{img}</picture>'
    )


def figure_html(wide: Shown, phone: Shown | None = None, live_caption: bool = False) -> str:
    """A figure: its image(s) with the text alternative, and the same text as a visible caption.

    With a background, the frame is a transparent layer drawn over it. With a ``phone`` drawing, narrow
    screens get that one (``<picture>``). ``data-font-px`` (and ``data-phone-font-px``) is the smallest
    text of the drawing at its natural width, so that a page can check what a reader sees.
    """
    text = html.escape(wide.frame.description, quote=True)
    if phone is not None and phone.frame.description != wide.frame.description:
        raise ValueError(f"the phone drawing says something else: {phone.frame.description!r}")
    if wide.background is not None:
        images = _image(
            "mb-bg", data_uri(wide.background), phone and data_uri(phone.background), "", wide, phone
        ) + _image("mb-fg", wide.frame.src, phone and phone.frame.src, text, wide, phone)
    else:
        images = _image("", wide.frame.src, phone and phone.frame.src, text, wide, phone)
    polite = ' aria-live="polite"' if live_caption else ""
    phone_font = f' data-phone-font-px="{phone.font_px:.2f}"' if phone is not None else ""
    return (
        f'<figure class="mb-frame"><div class="mb-image" data-font-px="{wide.font_px:.2f}"{phone_font}>{images}</div>'
        f"<figcaption{polite}>{text}</figcaption></figure>"
    )


class Drawn:
    """Every frame of an explorer in one layout, each a layer over one background per ``layers_by`` value.

    ``verify`` draws each background again after the last frame of its layer, to check that ``update``
    changed only the artists it registered as changing."""

    def __init__(self, spec: Spec, layout: Layout, verify: bool = True):
        self.renderer = Renderer(spec.view, layout)
        self.frames: list[Frame] = []
        layers: list[tuple[int, ...]] = []
        backgrounds: dict[tuple[int, ...], bytes] = {}
        last: dict[tuple[int, ...], tuple[int, ...]] = {}
        for index in spec.indices():
            self.frames.append(self.renderer.frame(**spec.params(index)))
            key = spec.layer(index)
            layers.append(key)
            last[key] = index
            if key not in backgrounds:
                backgrounds[key] = self.renderer.background()
        for key, index in last.items() if verify else ():
            # one background per layer is shown under every frame of that layer: it must not have changed
            self.renderer.frame(**spec.params(index))
            if self.renderer.background() != backgrounds[key]:
                raise ValueError(
                    f"explorer '{spec.key}': {spec.view.__name__}.update changed artists it did not register as "
                    f"dynamic, at {spec.params(index)} (limits, ticks or labels must stay fixed, or name the control "
                    "that changes them in layers_by)"
                )
        order = list(backgrounds)
        self.backgrounds = [backgrounds[key] for key in order]
        self.layers = [order.index(key) for key in layers]  # the background of each frame
        size = sum(len(b) for b in self.backgrounds) + sum(len(f.svg) for f in self.frames)
        if size > spec.budget_bytes:
            raise ValueError(
                f"explorer '{spec.key}' has {size} bytes of frames ({layout.name} layout), over its budget of "
                f"{spec.budget_bytes}: use fewer values or a simpler figure"
            )

    def shown(self, flat: int) -> Shown:
        return Shown(
            self.frames[flat],
            self.renderer.size_px,
            self.renderer.smallest_font_px(),
            self.backgrounds[self.layers[flat]],
        )


def static_html(spec: Spec, wide: Drawn, phone: Drawn | None = None) -> str:
    """The explorer as plain HTML with its frames (switched by the book's ``explorer.js``).

    ``frames`` lists, for each point of the grid, the wide layer, its text alternative and the index of
    its background in ``backgrounds``; ``phone`` the same layers and backgrounds drawn for narrow screens.
    """
    shape = [len(c.values) for c in spec.controls]
    data: dict[str, Any] = {
        "shape": shape,
        # the caption when a frame cannot load (explorer.js keeps the figure it shows)
        "unavailable": tr(
            "The figure for this setting could not be loaded (is the connection down?); "
            "the figure above still shows the previous setting."
        ),
        "backgrounds": [data_uri(b) for b in wide.backgrounds],
        "frames": [[f.src, f.description, layer] for f, layer in zip(wide.frames, wide.layers)],
    }
    if phone is not None:
        if [f.description for f in phone.frames] != [f.description for f in wide.frames]:
            raise ValueError(f"explorer '{spec.key}': the phone frames say something else than the wide ones")
        data["phone"] = {
            "media": PHONE_MEDIA,
            "backgrounds": [data_uri(b) for b in phone.backgrounds],
            "frames": [f.src for f in phone.frames],
        }
    raw = json.dumps(data, ensure_ascii=False)
    controls = "".join(_control_html(spec, k, c) for k, c in enumerate(spec.controls))
    first = flat_index(spec.start, shape)
    figure = figure_html(wide.shown(first), phone.shown(first) if phone else None, live_caption=True)
    return (
        f'<div class="mb-explorer" id="explorer-{_slug(spec.key)}" data-explorer="{html.escape(spec.key)}">'
        f'<p class="mb-title">{html.escape(i18n.text(spec.title))}</p>'
        f'<p class="mb-basis">{html.escape(i18n.text(spec.basis))}</p>'
        f'<div class="mb-controls">{controls}</div>'
        f"{figure}"
        f'<script type="application/json" class="mb-frames">{raw.replace("</", "<" + chr(92) + "/")}</script></div>'
    )


class StaticExplorer:
    """An explorer precomputed for the web book (what :func:`Explorer` gives during the build): every
    frame drawn wide, and stacked for phones (``layouts``)."""

    def __init__(self, spec: Spec, layouts: tuple[Layout, ...] = (WIDE, PHONE), verify: bool = True):
        if not 1 <= len(layouts) <= 2:
            raise ValueError(f"explorer '{spec.key}': one layout, and one for narrow screens; got {layouts}")
        self.spec = spec
        self.drawn = {layout.name: Drawn(spec, layout, verify) for layout in layouts}
        first = self.drawn[layouts[0].name]
        self.renderer, self.frames, self.backgrounds = first.renderer, first.frames, first.backgrounds
        self.html = static_html(spec, first, *(self.drawn[layout.name] for layout in layouts[1:2]))

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"Explorer '{i18n.text(self.spec.title)}': {len(self.frames)} frames"


# ---------------------------------------------------------------- a live kernel: ipywidgets, drawn on demand


class LiveExplorer:
    """Controls that redraw one figure on demand (Jupyter, Binder, Colab).

    The figure is two images in one grid cell: the background (axes, labels), sent once per value of
    the controls that change it, and the transparent layer of what moves, sent at each change.
    Sliders are continuous where the quantity is (``Control.live``) and never leave the model's range.
    """

    def __init__(self, spec: Spec):
        import ipywidgets as widgets

        self.spec = spec
        self.renderer = Renderer(spec.view)
        self.controls = [self._widget(c) for c in spec.controls]
        width, height = self.renderer.size_px
        area = widgets.Layout(grid_area="figure", width="100%")
        self.background_image = widgets.HTML(layout=area)
        self.frame_image = widgets.HTML(layout=area)
        self.caption = widgets.HTML(layout=widgets.Layout(width="100%"))
        figure = widgets.GridBox(
            [self.background_image, self.frame_image],
            layout=widgets.Layout(grid_template_areas='"figure"', width="100%", max_width=f"{width}px"),
        )
        header = widgets.HTML(
            f'<p class="mb-title"><strong>{html.escape(i18n.text(spec.title))}</strong></p>'
            f'<p class="mb-basis">{html.escape(i18n.text(spec.basis))}</p>'
        )
        self.box = widgets.VBox(
            [header, *self.controls, figure, self.caption], layout=widgets.Layout(width="100%", max_width="780px")
        )
        self._backgrounds: dict[tuple[str, ...], str] = {}
        self._shown_background: tuple[str, ...] | None = None
        self._prepare_backgrounds()
        self.redraw()
        for w in self.controls:
            w.observe(lambda _change: self.redraw(), names="value")

    @staticmethod
    def _widget(control: Control):
        import ipywidgets as widgets

        style = {"description_width": "initial"}
        layout = widgets.Layout(width="95%")
        if control.buttons and control.live is None:
            return widgets.ToggleButtons(
                options=list(zip(control.shown, control.values)),
                value=control.values[control.start],
                description=control.text,
                style=style | {"button_width": "auto"},
            )
        if control.live is not None:
            low, high, step = control.live
            start = float(control.values[control.start])
            if control.log:
                return widgets.FloatLogSlider(
                    value=start,
                    base=10,
                    min=math.log10(low),
                    max=math.log10(high),
                    step=step,
                    description=control.text,
                    style=style,
                    layout=layout,
                    readout_format=".3g",
                )
            # a fraction shown as a percentage (the static page's value labels say 25, 50, ...)
            readout = ".0%" if control.unit == "%" else ".3g"
            return widgets.FloatSlider(
                value=start,
                min=low,
                max=high,
                step=step,
                description=control.text,
                style=style,
                layout=layout,
                readout_format=readout,
            )
        return widgets.SelectionSlider(
            options=list(zip(control.shown, control.values)),
            value=control.values[control.start],
            description=control.text,
            style=style,
            layout=layout,
        )

    def _prepare_backgrounds(self) -> None:
        """Warm up what a reader will switch to: each value of every discrete control (the other controls
        at their start), so that the models' caches hold it, and the background of every value of the
        discrete controls that change it (say, one per ion). Switching among them later costs no model run
        and no background drawing."""
        start = self.params
        for control in self.spec.controls:
            if control.live is None:
                for value in control.values:
                    self.renderer.frame(**(start | {control.name: value}))
        layered = [c for c in self.spec.controls if c.name in self.spec.layers_by]
        if not layered or any(c.live is not None for c in layered):
            return
        for index in itertools.product(*(range(len(c.values)) for c in layered)):
            params = start | {c.name: c.values[i] for c, i in zip(layered, index)}
            self.renderer.frame(**params)  # a frame sets the view up for these values
            layer = tuple(repr(params[c.name]) for c in layered)
            self._backgrounds[layer] = _img(self.renderer.background(), "")

    @property
    def params(self) -> dict[str, Any]:
        """The current control values, each kept inside the model's valid range."""
        return {c.name: c.clamp(w.value) for c, w in zip(self.spec.controls, self.controls)} | self.spec.extra

    def redraw(self) -> Frame:
        """Draw the figure for the current control values (what every control change does)."""
        params = self.params
        frame = self.renderer.frame(**params)
        layer = tuple(repr(params[c.name]) for c in self.spec.controls if c.name in self.spec.layers_by)
        if layer not in self._backgrounds:  # drawn once per value of the controls that change it
            self._backgrounds[layer] = _img(self.renderer.background(), "")
        if layer != self._shown_background:
            self.background_image.value = self._backgrounds[layer]
            self._shown_background = layer
        self.frame_image.value = _img(frame.svg, frame.description)
        self.caption.value = f'<p class="mb-caption">{html.escape(frame.description)}</p>'
        self.description = frame.description
        return frame

    def _repr_mimebundle_(self, **kwargs):
        return self.box._repr_mimebundle_(**kwargs)


def _img(svg: bytes, alt: str) -> str:
    return (
        f'<img src="{data_uri(svg)}" alt="{html.escape(alt, quote=True)}" '
        'style="display:block;width:100%;height:auto;margin:0">'
    )


def book_specs() -> list[Spec]:
    """Every explorer the book defines (the ``Spec`` objects of ``musclebook/*_plots.py``), ordered by key."""
    import importlib
    import pkgutil

    from . import __path__ as package

    specs = []
    for module in pkgutil.iter_modules(package):
        if module.name.endswith("_plots"):
            loaded = importlib.import_module(f"{__package__}.{module.name}")
            specs += [value for value in vars(loaded).values() if isinstance(value, Spec)]
    return sorted(dict.fromkeys(specs), key=lambda spec: spec.key)


def Explorer(spec: Spec):  # noqa: N802 - reads as a class in the notebooks
    """The explorer ``spec``: precomputed HTML while the book is built, live widgets in a kernel."""
    # the build does not draw each background twice to check it: the tests check every explorer of the book
    # (wide at every point of its grid, for phones at its first, start and last points)
    return StaticExplorer(spec, verify=False) if static_build() else LiveExplorer(spec)


class StaticFigure:
    """One figure with its text alternative, from a view and fixed parameters; the same in Jupyter and the book
    (where narrow screens get it drawn for phones as well)."""

    def __init__(self, view: type[View], **params):
        shown = []
        for layout in (WIDE, PHONE) if static_build() else (WIDE,):  # a kernel's output is not a phone page
            renderer = Renderer(view, layout)
            frame = renderer.snapshot(**params)
            shown.append(Shown(frame, renderer.size_px, renderer.smallest_font_px()))
        self.frame = shown[0].frame
        self.description = self.frame.description
        self.html = figure_html(*shown)

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"Figure: {self.description}"
