"""An explorer's figure drawn by Matplotlib: a ``View`` (artists made once, updated per frame) and the ``Renderer``
that lays it out for a layout and writes each frame as SVG with its text alternative."""

from __future__ import annotations

import base64
import io
import textwrap
import time
from dataclasses import dataclass
from typing import ClassVar

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine

from .. import i18n
from ..style import MIN_FONT_PT, book_style
from .mpl_private import suptitle, wrapped_lines
from .spec import DPI, UNIT_AFTER_NUMBER, WIDE, Layout


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

    def room_for_labels(self, *axes) -> None:
        """In the wide layout, whose margins are fixed, move ``axes`` right as far as their labels run off the
        figure's left edge (a language whose words are longer than English's): once, when the labels are set, so
        that every frame keeps the same layout."""
        if self.layout != WIDE:
            return  # constrained layout makes the room
        renderer = self.fig.canvas.get_renderer()
        overflow = -min(ax.get_tightbbox(renderer).x0 for ax in axes)
        if overflow <= 0:
            return
        shift = (overflow + 2) / self.fig.bbox.width
        for ax in axes:
            box = ax.get_position()
            ax.set_position([box.x0 + shift, box.y0, box.width - shift, box.height])

    def foot_note(self, text: str, axes) -> None:
        """A note on one line at the foot of the wide figure; a language longer than English wraps it onto more, and
        ``axes`` are raised above them."""
        note = self.fig.text(0.5, 0.005, text, ha="center", wrap=self.layout == WIDE)
        if self.layout != WIDE:
            return  # (on a slide it stays one line)
        self.fig.draw_without_rendering()  # (where Matplotlib learns how wide the text is)
        lines = wrapped_lines(note)
        if "\n" not in lines:
            return
        note.set(text=lines, wrap=False, va="bottom")
        top = note.get_window_extent(self.fig.canvas.get_renderer()).y1 / self.fig.bbox.height + 0.02
        lowest, highest = min(ax.get_position().y0 for ax in axes), max(ax.get_position().y1 for ax in axes)
        if top > lowest:
            scale = (highest - top) / (highest - lowest)
            for ax in axes:
                box = ax.get_position()
                ax.set_position([box.x0, highest - (highest - box.y0) * scale, box.width, box.height * scale])

    def keep_on_figure(self, title) -> None:
        """An axes' one-line title centred over its axes, or over the figure where, in a language longer than
        English, it would run off the figure over its axes (a dynamic title: each frame asks again)."""
        if self.layout != WIDE or getattr(title, "axes", None) is None:
            return  # constrained layout wraps it; a figure's own title is centred on it already
        title.set_x(0.5)
        box, width = title.get_window_extent(self.fig.canvas.get_renderer()), self.fig.bbox.width
        if box.x0 < 0 or box.x1 > width:
            axes = title.axes.get_position()  # figure fractions
            title.set_x((0.5 - axes.x0) / axes.width)

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
        titles = [suptitle(self.fig)] if suptitle(self.fig) is not None else []
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
            lines = wrapped_lines(text)
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
