"""No text of a figure collides with another text, a tick, an axis or a data line, or runs off the figure.

Every explorer of the book (``book_specs()``) is drawn in each layout a reader meets it in, the web page's
wide and phone drawings and the lecture slides' projector drawing (every explorer sits on a slide), and every
static figure the chapters draw (``StaticFigure`` in the notebooks of both editions) wide and for phones; each
in English and in Indonesian. The test reads the window extent of every text Matplotlib draws (titles, axis
labels, tick labels, legend texts, annotations, texts in the plot) and the path of every data line, axis line
and tick mark, in CSS px, and fails, naming the figure, layout, language, frame and the two things that meet,
when

- two texts overlap;
- a text, or a legend's entries, lie on a data line, an axis line or a tick mark (a legend's own handles are
  not data lines: they are drawn inside the legend);
- a text runs off the figure (the reader would see it cut), or into another panel (its background would hide
  the text, or its data run through it);
- two neighbouring tick labels of an x axis are closer than a space ("50100" on a crowded log axis).

What is measured is what the reader sees: the texts and lines are recorded while the figure is drawn (a tick
label outside its axis's limits, or a text that is hidden, is not drawn), and they are measured as the SVG
frames draw them (unhinted glyph outlines; Agg's hinted metrics put a long label's end up to 4 px elsewhere).

Speed: an explorer's background (axes, ticks, labels, legends: everything its view does not register as
changing) is the same under every frame of one layer (test_explorer checks this), so it is drawn and measured
once per layer, and each frame draws only the artists that change. ``make check`` checks, for each explorer,
the start frame and both ends of every control (the other controls at their start), where a moving label
meets the edges: 96 explorer drawings and 20 static ones, about 20 s on one core (most of it making the
renderers: Matplotlib's constrained layout places each phone and slide drawing once, as the book does).
``make test`` checks every frame of every explorer instead (``slow``, about 28 s more; the start-and-ends test is
marked ``subset`` and left out there, since every frame includes those).
"""

from __future__ import annotations

import ast
import functools
import io
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from unittest import mock

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import RendererSVG
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.path import Path as MplPath
from matplotlib.spines import Spine
from matplotlib.text import Text
from matplotlib.textpath import TextPath
from matplotlib.transforms import Affine2D, Bbox
from test_i18n import notebook_code, off_figure

from musclebook import i18n
from musclebook.explorer import DPI, PHONE, PROJECTOR, WIDE, Layout, Renderer, Spec, StaticFigure, book_specs
from musclebook.style import book_style

BOOK = Path(i18n.__file__).resolve().parent.parent
EDITIONS = {"en": BOOK, "id": BOOK / "id"}  # the notebooks of each edition, drawn in its language

# Tolerances [display px; 1 px = 1 CSS px at a figure's natural size]. A text's window extent spans the
# font's whole ascent and descent for every line, even for digits, which have no descender: the ink of a
# tick label "100" leaves about 3 px of its box empty below. Boxes that overlap by up to 1 px therefore do
# not put ink on ink; anything more is counted.
OVERLAP_PX = 1.0
# A line is counted when its stroke (its path widened by half its line width) enters a text's box shrunk by
# this much: the same allowance as between two texts.
LINE_CLEARANCE_PX = 1.0
# Neighbouring tick labels on an x axis keep at least the width of a space apart (DejaVu Sans: 0.32 em, at
# the 9.5 pt of tick labels 3 pt = 4 px): closer, "50" and "100" read as "50100".
TICK_GAP_PX = 4.0


# ---------------------------------------------------------------- what is drawn, measured


@dataclass(frozen=True)
class Label:
    """A text as drawn (or a legend's entries as one block): what it says, and its box in display px."""

    name: str  # for the failure message: where it is and what it says
    box: Bbox
    artist: object  # the Text, or the Legend for a legend's block
    owner: object = None  # a legend's text belongs to its legend: the two are not compared
    tick_axis: object = None  # a tick label: the Axis it labels


@dataclass(frozen=True)
class Stroke:
    """Something drawn as a line: a data line (its path, clipped to its axes), an axis line or a tick mark."""

    name: str
    path: MplPath | None  # the line's path [display px]; None for markers only
    clip: Bbox | None  # where the line is visible: its axes (None: anywhere on the figure)
    half_width_px: float
    marker_boxes: tuple[Bbox, ...] = ()  # one box per marker [display px]

    @functools.cached_property
    def extent(self) -> Bbox:
        """Where it can be drawn at all (the path's extent and the markers, within its axes): a quick test."""
        parts = [self.path.get_extents()] if self.path is not None else []
        box = Bbox.union([*parts, *self.marker_boxes]) if parts or self.marker_boxes else Bbox.null()
        return box.padded(self.half_width_px)


@dataclass
class Drawing:
    """The texts and lines of one drawing of a figure (its background, or a frame's changing artists)."""

    labels: list[Label]
    strokes: list[Stroke]
    size_px: tuple[float, float]
    panels: list[tuple[object, Bbox]]  # each axes and its area [display px]: another panel's texts stay out


@contextmanager
def _recording() -> Iterator[tuple[list, list]]:
    """Record every Text, Line2D and Spine (an axis line) that a figure draws (the draw itself then skips the
    hidden and the empty ones)."""
    texts, lines = [], []
    draw_text, draw_line, draw_spine = Text.draw, Line2D.draw, Spine.draw

    def text(self, renderer):
        texts.append(self)
        return draw_text(self, renderer)

    def line(self, renderer):
        lines.append(self)
        return draw_line(self, renderer)

    def spine(self, renderer):
        lines.append(self)
        return draw_spine(self, renderer)

    with (
        mock.patch.object(Text, "draw", text),
        mock.patch.object(Line2D, "draw", line),
        mock.patch.object(Spine, "draw", spine),
    ):
        yield texts, lines


def _names(fig) -> dict[int, tuple[str, object, object]]:
    """What each text of ``fig`` is, by id: (role, its legend or None, the Axis whose tick it labels or None)."""
    names: dict[int, tuple[str, object, object]] = {}
    for text in fig.texts:
        names[id(text)] = ("figure text", None, None)
    for ax in fig.axes:
        panel = _panel(ax)
        for which, axis in (("x", ax.xaxis), ("y", ax.yaxis)):
            names[id(axis.label)] = (f"{panel} {which} label", None, None)
            names[id(axis.get_offset_text())] = (f"{panel} {which} offset", None, None)
            for tick in [*axis.majorTicks, *axis.minorTicks]:
                for label in (tick.label1, tick.label2):
                    names[id(label)] = (f"{panel} {which} tick", None, axis)
        for title in (ax.title, ax._left_title, ax._right_title):
            names[id(title)] = (f"{panel} title", None, None)
        for text in ax.texts:
            names[id(text)] = (f"{panel} text", None, None)
    for legend in _legends(fig):
        where = "figure" if legend.axes is None else _panel(legend.axes)
        for text in legend.get_texts():
            names[id(text)] = (f"{where} legend", legend, None)
        names[id(legend.get_title())] = (f"{where} legend title", legend, None)
    return names


def _legends(fig) -> list[Legend]:
    return [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend() is not None)]


def _panel(ax) -> str:
    """How a failure names an axes: "panel 2" (in the order the view made them), or "axes" if alone."""
    axes = ax.figure.axes
    return f"panel {axes.index(ax) + 1}" if len(axes) > 1 else "axes"


def _line_name(line: Line2D) -> str:
    label = line.get_label()
    return f"{_panel(line.axes)} line" + ("" if label.startswith("_") else f" '{label}'") + f" ({line.get_color()})"


def _marker_boxes(line: Line2D, points) -> tuple[Bbox, ...]:
    """The box of each marker of ``line`` at ``points`` [display units], as Line2D.draw places them."""
    marker = line._marker  # the MarkerStyle that Line2D.draw uses
    if marker.get_marker() in (None, "None", " ", ""):  # (a tick's marker is 0, TICKLEFT)
        return ()
    points_to_display = line.get_figure(root=True).dpi / 72
    size = line.get_markersize() * points_to_display
    shape = marker.get_path().get_extents(marker.get_transform() + Affine2D().scale(size))
    edge = line.get_markeredgewidth() * points_to_display / 2
    return tuple(
        Bbox.from_extents(x + shape.x0 - edge, y + shape.y0 - edge, x + shape.x1 + edge, y + shape.y1 + edge)
        for x, y in points
        if x == x and y == y  # not NaN
    )


def _stroke(line: Line2D, ticks: dict[int, str], data_lines: set[int]) -> Stroke | None:
    """A drawn line as the test sees it, in display units: a data line, an axis line or a tick mark; None for
    anything else (a legend's handle)."""
    transform = line.get_transform()
    half_width_px = line.get_linewidth() * DPI / 72 / 2
    if isinstance(line, Spine):  # an axis line
        return Stroke(
            f"{_panel(line.axes)} {line.spine_type} axis line",
            line.get_path().transformed(transform),
            None,
            half_width_px,
        )
    if id(line) in ticks:  # a tick mark: a marker at the tick's place
        return Stroke(ticks[id(line)], None, None, 0.0, _marker_boxes(line, transform.transform(line.get_xydata())))
    if id(line) not in data_lines:
        return None
    path = transform.transform_path(line.get_path())
    has_line = line.get_linestyle() not in ("None", " ", "") and len(path.vertices) > 1
    return Stroke(
        _line_name(line),
        path if has_line else None,
        Bbox(line.get_clip_box().get_points()) if line.get_clip_on() else None,  # its axes, now (the dpi changes)
        half_width_px,
        _marker_boxes(line, path.vertices),
    )


@contextmanager
def _drawn_as_svg(fig) -> Iterator:
    """A renderer of ``fig`` as its frames are written: SVG, whose units are points (the figure at 72 dpi) and
    whose texts are the fonts' glyph outlines without hinting. Agg's hinted metrics at 96 dpi put a long label's
    end up to 2 % (4 px) away from where the browser draws it."""
    dpi = fig.dpi
    fig.dpi = 72  # as FigureCanvasSVG.print_svg does
    try:
        renderer = _svg_renderer(*(fig.get_size_inches() * 72))
        with renderer._draw_disabled():  # as Figure.draw_without_rendering: the layout, no output
            yield renderer
    finally:
        fig.dpi = dpi


@functools.cache
def _svg_renderer(width_pt: float, height_pt: float) -> RendererSVG:
    """One SVG renderer per figure size: Matplotlib caches text metrics per renderer."""
    return RendererSVG(width_pt, height_pt, io.StringIO())


def _to_px(box: Bbox) -> Bbox:
    """A box in the SVG's points as CSS px (a figure's natural size: 1 in = 96 px)."""
    return Bbox(box.get_points() * DPI / 72)


def measure(fig, show: list | None = None, hide: list | None = None) -> Drawing:
    """Draw ``fig`` and measure what it draws [CSS px]: only the artists ``show`` (every other artist of the
    figure hidden, as ``Renderer.frame`` draws a frame's layer), or everything but ``hide``."""
    everything = _everything(fig)
    if show is not None:
        keep = {id(a) for a in show}
        hidden = [a for a in everything if id(a) not in keep and a.get_visible()]
    else:
        hidden = [a for a in hide or () if a.get_visible()]
    for artist in hidden:
        artist.set_visible(False)
    try:
        with _drawn_as_svg(fig) as renderer:
            with _recording() as (texts, lines):
                fig.draw(renderer)
            labels = _labels(fig, renderer, texts)
            drawn = [line for line in dict.fromkeys(lines) if line.get_visible()]  # Line2D.draw skips the hidden
            ticks, data_lines = _tick_marks(fig), {id(line) for ax in fig.axes for line in ax.lines}
            strokes = [s for s in (_stroke(line, ticks, data_lines) for line in drawn) if s is not None]
        to_px = Affine2D().scale(DPI / 72)
        labels = [replace(label, box=_to_px(label.box)) for label in labels]
        strokes = [
            replace(
                s,
                path=s.path and s.path.transformed(to_px),
                clip=s.clip and _to_px(s.clip),
                marker_boxes=tuple(_to_px(box) for box in s.marker_boxes),
            )
            for s in strokes
        ]
        width_in, height_in = fig.get_size_inches()
        panels = [(ax, Bbox(ax.bbox.get_points() * DPI / fig.dpi)) for ax in fig.axes if ax.get_visible()]
        return Drawing(labels, strokes, (width_in * DPI, height_in * DPI), panels)
    finally:
        for artist in hidden:
            artist.set_visible(True)


def _tick_marks(fig) -> dict[int, str]:
    """The name of each tick mark of ``fig`` (a Line2D drawing one marker), by id."""
    return {
        id(mark): f"{_panel(ax)} {axis.axis_name} tick mark at {tick.get_loc():g}"
        for ax in fig.axes
        for axis in (ax.xaxis, ax.yaxis)
        for tick in [*axis.majorTicks, *axis.minorTicks]
        for mark in (tick.tick1line, tick.tick2line)
    }


def _labels(fig, renderer, texts: list[Text]) -> list[Label]:
    """The drawn texts that show something, and each legend's entries as one block [display units]."""
    names = _names(fig)
    labels = []
    for text in dict.fromkeys(texts):
        if text.get_visible() and text.get_text().strip():
            role, owner, axis = names.get(id(text), ("text", None, None))
            # the text's own box (an Annotation's window extent would add its arrow, which is no text)
            box = Text.get_window_extent(text, renderer)
            labels.append(Label(f"{role} '{text.get_text()}'", box, text, owner, axis))
    for legend in _legends(fig):
        if legend.get_visible() and any(label.owner is legend for label in labels):
            # the handles and texts: the legend's box without its padding (an empty margin: no frame is drawn)
            pad = legend.borderpad * legend.prop.get_size_in_points() * fig.dpi / 72
            entries = ", ".join(f"'{t.get_text()}'" for t in legend.get_texts())
            labels.append(Label(f"legend of {entries}", legend.get_window_extent(renderer).padded(-pad), legend))
    return labels


def _everything(fig) -> list:
    """Every artist of ``fig`` that a frame's layer hides (as ``Renderer._everything``, for any figure)."""
    artists = [fig.patch, *fig.texts, *fig.legends]
    for ax in fig.axes:
        artists += [ax.patch, ax.xaxis, ax.yaxis, *ax.spines.values(), *ax.get_children()]
    return list(dict.fromkeys(artists))


# ---------------------------------------------------------------- collisions


def _overlap(a: Bbox, b: Bbox) -> float:
    """How far two boxes overlap, the smaller of the two directions [px] (<= 0: apart)."""
    return min(min(a.x1, b.x1) - max(a.x0, b.x0), min(a.y1, b.y1) - max(a.y0, b.y0))


def _same_legend(a: Label, b: Label) -> bool:
    return a.owner is not None and (a.owner is b.owner or a.owner is b.artist) or b.owner is a.artist


def _crosses(label: Label, stroke: Stroke) -> bool:
    """Whether a stroke (a line's path widened by half its width, or a marker) enters a text's box."""
    box = label.box.padded(stroke.half_width_px - LINE_CLEARANCE_PX)
    if box.width <= 0 or box.height <= 0 or _overlap(box, stroke.extent) <= 0:
        return False
    if stroke.clip is not None:
        box = Bbox.intersection(box, stroke.clip)
        if box is None:
            return False
    if stroke.path is not None and stroke.path.intersects_bbox(box, filled=False):
        return True
    inner = label.box.padded(-LINE_CLEARANCE_PX)
    return any(_overlap(inner, marker) > 0 for marker in stroke.marker_boxes)


def collisions(
    texts: list[Label], strokes: list[Stroke], size_px, others: list[Label] = (), panels: list = ()
) -> list[str]:
    """Every collision of ``texts`` with one another, with ``others`` (texts measured before), with
    ``strokes``, with the figure's edges, and with ``panels`` they do not belong to (the axes' background
    would hide them, or their data run through them)."""
    found = []
    for label in texts:
        for ax, area in panels:
            if ax is not getattr(label.artist, "axes", None) and _overlap(label.box, area) > OVERLAP_PX:
                found.append(f"{label.name} runs into {_panel(ax)}")
    width, height = size_px
    for a, b in itertools.chain(itertools.combinations(texts, 2), itertools.product(texts, others)):
        if _same_legend(a, b) or _overlap(a.box, b.box) <= OVERLAP_PX:
            continue
        found.append(f"{a.name} overlaps {b.name} by {_overlap(a.box, b.box):.1f} px")
    for label in texts:
        for stroke in strokes:
            if _crosses(label, stroke):
                found.append(f"{label.name} lies on the {stroke.name}")
        if off_figure(label.box, width, height):  # the rule of test_i18n's check of the Indonesian texts
            found.append(f"{label.name} runs off the {width:.0f} x {height:.0f} px figure")
    return found


def tick_crowding(labels: list[Label]) -> list[str]:
    """Neighbouring tick labels of one x axis closer than a space."""
    found = []
    by_axis: dict[int, list[Label]] = {}
    for label in labels:
        if label.tick_axis is not None and label.tick_axis.axis_name == "x":
            by_axis.setdefault(id(label.tick_axis), []).append(label)
    for row in by_axis.values():
        row.sort(key=lambda label: label.box.x0)
        for left, right in itertools.pairwise(row):
            gap = right.box.x0 - left.box.x1
            if gap < TICK_GAP_PX:
                found.append(f"{left.name} and {right.name} are {gap:.1f} px apart (at least {TICK_GAP_PX:g})")
    return found


def check_drawing(drawing: Drawing) -> list[str]:
    """Every collision inside one whole drawing (a background, or a static figure)."""
    found = collisions(drawing.labels, drawing.strokes, drawing.size_px, panels=drawing.panels)
    return found + tick_crowding(drawing.labels)


def check_frame(background: Drawing, frame: Drawing) -> list[str]:
    """Every collision a frame's changing artists make, with one another and with the background."""
    strokes = [*frame.strokes, *background.strokes]
    found = collisions(frame.labels, strokes, frame.size_px, background.labels, background.panels)
    # the background's texts against the frame's lines
    found += [
        f"{label.name} lies on the {stroke.name}"
        for label in background.labels
        for stroke in frame.strokes
        if _crosses(label, stroke)
    ]
    return found


# ---------------------------------------------------------------- what is checked


def frames_to_check(spec: Spec, every: bool = False) -> list[tuple[int, ...]]:
    """The grid points checked: all of them, or the start and both ends of every control (the others at
    their start), grouped by background layer."""
    if every:
        chosen = list(spec.indices())
    else:
        chosen = [spec.start]
        for k, control in enumerate(spec.controls):
            for end in (0, len(control.values) - 1):
                chosen.append(spec.start[:k] + (end,) + spec.start[k + 1 :])
        chosen = list(dict.fromkeys(chosen))
    return sorted(chosen, key=spec.layer)


def explorer_collisions(spec: Spec, layout: Layout, language: str, every: bool = False) -> list[str]:
    """Every collision in the explorer's frames (``frames_to_check``) drawn for ``layout`` in ``language``."""
    with i18n.speaking(language):
        renderer = Renderer(spec.view, layout)
    found: dict[str, None] = {}
    backgrounds: dict[tuple[int, ...], Drawing] = {}
    for index in frames_to_check(spec, every):
        params = spec.params(index)
        renderer.describe(**params)
        fig, changing = renderer.fig, renderer.view.changing
        layer = spec.layer(index)
        if layer not in backgrounds:
            backgrounds[layer] = measure(fig, hide=changing)
            for problem in check_drawing(backgrounds[layer]):
                found.setdefault(f"background of {_frame_name(spec, index, layer=True)}: {problem}")
        for problem in check_frame(backgrounds[layer], measure(fig, show=changing)):
            found.setdefault(f"{_frame_name(spec, index)}: {problem}")
    return list(found)


def _frame_name(spec: Spec, index, layer: bool = False) -> str:
    controls = [(c, i) for c, i in zip(spec.controls, index) if not layer or c.name in spec.layers_by]
    shown = ", ".join(f"{c.name}={c.shown[i]}" for c, i in controls)
    return f"frame ({shown})" if shown else "every frame"


@dataclass(frozen=True)
class NotebookFigure:
    """A static figure as a notebook draws it: ``StaticFigure(view, **params)`` in an edition's language."""

    where: str  # notebook and code cell
    language: str
    view: type
    params: dict

    def __str__(self) -> str:
        return f"{self.where} {self.view.__name__}"


def static_figures() -> list[NotebookFigure]:
    """Every ``StaticFigure(...)`` call in the chapters' notebooks of both editions, with its arguments
    evaluated as the notebook would (in a namespace of the notebook's imports), in the edition's language."""
    figures = []
    for language, folder in EDITIONS.items():
        for path in sorted(folder.glob("*.ipynb")):
            trees = [ast.parse(code) for code in notebook_code(path)]
            namespace: dict = {}
            for tree in trees:  # the notebook's imports: what the figures' arguments name
                imports = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
                exec(compile(ast.Module(imports, []), str(path), "exec"), namespace)

            def value(node, path=path, namespace=namespace):
                return eval(compile(ast.Expression(node), str(path), "eval"), namespace)

            for number, tree in enumerate(trees, start=1):
                for call in ast.walk(tree):
                    if isinstance(call, ast.Call) and getattr(call.func, "id", None) == StaticFigure.__name__:
                        assert len(call.args) == 1, f"{path.name}, code cell {number}: StaticFigure(view, **params)"
                        with i18n.speaking(language):
                            params = {k.arg: value(k.value) for k in call.keywords}
                        where = f"{path.relative_to(BOOK)} code cell {number}"
                        figures.append(NotebookFigure(where, language, value(call.args[0]), params))
    return figures


def static_figure_collisions(figure: NotebookFigure, layout: Layout) -> list[str]:
    """Every collision in a notebook's static figure drawn for ``layout``."""
    with i18n.speaking(figure.language):
        renderer = Renderer(figure.view, layout)
    renderer.describe(**figure.params)
    return check_drawing(measure(renderer.fig))


# ---------------------------------------------------------------- the check itself, on small figures


def _toy(build) -> list[str]:
    """The collisions of a small figure of two panels that ``build(fig, left, right)`` fills."""
    fig = Figure(figsize=(4.0, 2.5), dpi=DPI)
    FigureCanvasAgg(fig)
    with book_style():
        left, right = fig.subplots(1, 2, gridspec_kw=dict(left=0.15, right=0.95, bottom=0.2, top=0.9, wspace=0.5))
        for ax in (left, right):
            ax.set_xlim(0, 1)
            ax.set_ylim(0, 1)
        build(fig, left, right)
        return check_drawing(measure(fig))


def _crowded_log_ticks(fig, left, right):
    right.set_xscale("log")
    right.set_xlim(0.9, 110)
    right.set_xticks([1, 10, 50, 100], ["1", "10", "50", "100"])
    right.minorticks_off()


TOY_COLLISIONS = {
    "overlaps": lambda fig, left, right: [left.text(0.1, 0.5, "first label"), left.text(0.2, 0.5, "second")],
    "lies on the panel 1 line": lambda fig, left, right: [left.plot([0, 1], [0.5, 0.5]), left.text(0.1, 0.48, "x")],
    "tick mark": lambda fig, left, right: left.text(-0.02, 0.6, "stimulus", rotation=90, va="center"),
    "left axis line": lambda fig, left, right: left.text(-0.05, 0.3, "across", ha="left"),
    "runs off": lambda fig, left, right: right.text(0.5, 0.5, "a label far too long for this panel"),
    "runs into panel 2": lambda fig, left, right: left.text(0.9, 0.5, "a long label"),
    "apart (at least 4)": _crowded_log_ticks,
    "legend of 'a line'": lambda fig, left, right: [
        left.plot([0, 1], [0.92, 0.92], label="a line"),
        left.legend(loc="upper right"),
    ],
}


@pytest.mark.parametrize("expected", TOY_COLLISIONS)
def test_the_check_finds_each_kind_of_collision(expected):
    """Each rule fires on a small figure made to break it, and only there: the same figure without the
    offending text is clean."""
    problems = _toy(TOY_COLLISIONS[expected])
    assert any(expected in problem for problem in problems), problems
    assert not _toy(lambda fig, left, right: left.plot([0, 1], [0.2, 0.8], label="a line")), "a clean figure"


def test_a_figure_is_measured_as_its_svg_draws_it():
    """Texts are measured with the SVG's metrics (unhinted glyph outlines at 72 dpi, in CSS px): Agg's hinted
    96 dpi metrics differ by up to 2% of a long label's width, and the frames are SVG."""
    fig = Figure(figsize=(4.0, 1.0), dpi=DPI)
    FigureCanvasAgg(fig)
    text = fig.text(0, 0.5, "Tegangan isometrik (% maks.)", fontsize=10)
    (label,) = measure(fig).labels
    outline = TextPath((0, 0), text.get_text(), size=10, prop=text.get_fontproperties()).get_extents()
    assert label.box.width == pytest.approx(outline.x1 * DPI / 72, abs=1.5)  # its advance, less the last bearing
    assert fig.dpi == DPI  # the figure is drawn at its own dpi again


# ---------------------------------------------------------------- the tests

SPECS = book_specs()
#: the layouts each explorer is drawn in: the web page's (wide, and for phones) and the slides' (projector);
#: every explorer of the book sits on a slide
EXPLORER_LAYOUTS = (WIDE, PHONE, PROJECTOR)
LANGUAGES = tuple(EDITIONS)
STATIC_FIGURES = static_figures()


def _report(what: str, problems: list[str]) -> str:
    return f"{what}: {len(problems)} collision(s)\n  " + "\n  ".join(problems)


@pytest.mark.subset  # of test_no_explorer_text_collides_in_any_frame, which make test runs instead
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("layout", EXPLORER_LAYOUTS, ids=lambda layout: layout.name)
@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.key)
def test_no_explorer_text_collides(spec, layout, language):
    """At its start and at both ends of every control, no text of the explorer meets another text, a tick
    or a data line, or runs off the figure."""
    problems = explorer_collisions(spec, layout, language)
    assert not problems, _report(f"explorer '{spec.key}', {layout.name} layout, {language}", problems)


@pytest.mark.slow  # every frame of every explorer, 3 layouts, 2 languages: make test runs it, make check does not
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("layout", EXPLORER_LAYOUTS, ids=lambda layout: layout.name)
@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.key)
def test_no_explorer_text_collides_in_any_frame(spec, layout, language):
    """Every frame of the explorer: a label that moves with the data meets a curve somewhere inside the grid."""
    problems = explorer_collisions(spec, layout, language, every=True)
    assert not problems, _report(f"explorer '{spec.key}', {layout.name} layout, {language}", problems)


@pytest.mark.parametrize("layout", [WIDE, PHONE], ids=lambda layout: layout.name)
@pytest.mark.parametrize("figure", STATIC_FIGURES, ids=str)
def test_no_static_figure_text_collides(figure, layout):
    """A notebook's static figure, as the book draws it (wide, and for phones) in its edition's language."""
    problems = static_figure_collisions(figure, layout)
    assert not problems, _report(f"{figure}, {layout.name} layout, {figure.language}", problems)


def test_every_static_figure_of_both_editions_is_checked():
    """The notebooks' figures are found: each edition draws the same ones (the Indonesian pages are the
    English ones translated), and the chapters' known figures are among them."""
    views = {
        language: sorted(f.view.__name__ for f in STATIC_FIGURES if f.language == language) for language in LANGUAGES
    }
    assert views["en"] == views["id"]
    assert {"TwitchView", "ForceFrequencyView", "TwitchComparisonView", "CycleView", "PatternsView"} <= set(views["en"])
