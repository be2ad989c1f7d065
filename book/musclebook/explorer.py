"""The book's one widget helper: explorers that also work in the static web page.

A static page runs no Python, so an explorer precomputes one figure per
combination of control values and switches between them in the browser:
each control's ``index`` is linked in JavaScript (``jslink``) to the
``selected_index`` of a ``Stack`` of frames. With two controls the Stacks are
nested: the first control picks an inner Stack, the second picks the frame in
it. The same widget works live in Jupyter and Binder, where a kernel-side link
also keeps the figure in step when a control is set from code.

Every frame is an ``<img>`` with a text alternative (and a visible caption), and
the bytes of all frames together must stay within ``budget_bytes``.
"""

from __future__ import annotations

import base64
import html
import io
import itertools
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import ipywidgets as widgets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

DEFAULT_BUDGET_BYTES = 1_500_000  # all frames of one explorer, as embedded in the page [bytes]


@dataclass(frozen=True)
class Control:
    """One control of an explorer.

    ``name`` is the keyword passed to the drawing function, ``label`` the
    reader's words with units (e.g. "Stimulation (Hz)"), ``values`` the grid,
    ``value_labels`` how each value is shown (default: ``str(value)``),
    ``buttons`` shows toggle buttons instead of a slider, ``start`` the index
    shown first.
    """

    name: str
    label: str
    values: Sequence
    value_labels: Sequence[str] | None = None
    buttons: bool = False
    start: int = 0

    def __post_init__(self):
        if not self.values:
            raise ValueError(f"control '{self.name}' has no values")
        if self.value_labels is not None and len(self.value_labels) != len(self.values):
            raise ValueError(f"control '{self.name}': {len(self.value_labels)} labels for {len(self.values)} values")
        if not 0 <= self.start < len(self.values):
            raise ValueError(f"control '{self.name}': start index {self.start} is out of range")

    @property
    def shown(self) -> list[str]:
        return list(self.value_labels) if self.value_labels is not None else [str(v) for v in self.values]

    def widget(self) -> widgets.DOMWidget:
        options = [(text, i) for i, text in enumerate(self.shown)]
        common = dict(options=options, index=self.start, description=self.label, style={"description_width": "initial"})
        if self.buttons:
            common["style"] = {"description_width": "initial", "button_width": "auto"}
            return widgets.ToggleButtons(**common, tooltips=[f"{self.label}: {t}" for t in self.shown])
        return widgets.SelectionSlider(
            **common, continuous_update=True, layout=widgets.Layout(width="100%", max_width="560px")
        )


def render_png(draw: Callable[..., None], params: dict, figsize=(7.5, 3.2), dpi: int = 80, colors: int = 64) -> bytes:
    """Draw one figure with ``draw(fig, **params)`` and return it as a palette PNG.

    The figure has no automatic layout (constrained layout would cost most of the time of a
    frame): ``draw`` sets its own margins, e.g. ``fig.subplots(gridspec_kw=MARGINS)``.
    """
    fig = Figure(figsize=figsize, dpi=dpi)
    FigureCanvasAgg(fig)
    draw(fig, **params)
    raw = io.BytesIO()
    fig.savefig(raw, format="png", dpi=dpi, facecolor="white")
    image = Image.open(raw).convert("RGB").quantize(colors=colors, method=Image.Quantize.MEDIANCUT)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def frame_html(png: bytes, description: str) -> str:
    """One frame: the figure with its text alternative, and the same text as a caption."""
    text = html.escape(description, quote=True)
    data = base64.b64encode(png).decode("ascii")
    return (
        '<figure class="mb-frame" style="margin:0;background:#fff;color:#222">'
        f'<img class="dark-light" src="data:image/png;base64,{data}" alt="{text}" '
        'style="width:100%;max-width:640px;height:auto;background:white">'
        f'<figcaption aria-hidden="true" style="font-size:0.9em;color:#222;padding:0 0.4em">{text}</figcaption></figure>'
    )


class StaticFigure:
    """One figure with a text alternative computed from the same numbers, for a chapter's static plots.

    Displays as an ``<img>`` with ``alt`` text and caption in Jupyter and in the book alike.
    """

    def __init__(self, draw, describe, *, figsize=(7.0, 3.2), dpi: int = 100, **params):
        self.description = describe(**params)
        if not self.description or not self.description.strip():
            raise ValueError(f"figure {params} has no text alternative")
        self.html = frame_html(render_png(draw, params, figsize=figsize, dpi=dpi), self.description)

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"Figure: {self.description}"


class Explorer(widgets.VBox):
    """Controls above a stack of precomputed frames (see the module docstring)."""

    def __init__(
        self,
        draw,
        controls: Sequence[Control],
        describe: Callable[..., str],
        *,
        figsize=(7.5, 3.2),
        dpi: int = 80,
        budget_bytes: int = DEFAULT_BUDGET_BYTES,
        title: str | None = None,
        basis: str | None = None,
    ):
        if not 1 <= len(controls) <= 3:
            raise ValueError(f"an explorer takes 1 to 3 controls, got {len(controls)}")
        names = [c.name for c in controls]
        if len(set(names)) != len(names):
            raise ValueError(f"control names repeat: {names}")
        self.control_specs = tuple(controls)
        self.controls = [c.widget() for c in controls]
        self.frame_bytes = 0
        self.render_ms: list[float] = []
        self.descriptions: dict[tuple[int, ...], str] = {}

        stacks_by_depth: list[list[widgets.Stack]] = [[] for _ in controls]

        def build(depth: int, chosen: tuple[int, ...]):
            spec = controls[depth]
            if depth == len(controls) - 1:
                children = [self._frame(draw, describe, chosen + (i,), figsize, dpi) for i in range(len(spec.values))]
            else:
                children = [build(depth + 1, chosen + (i,)) for i in range(len(spec.values))]
            stack = widgets.Stack(children=children, selected_index=spec.start)
            stacks_by_depth[depth].append(stack)
            return stack

        figure = build(0, ())
        if self.frame_bytes > budget_bytes:
            raise ValueError(
                f"explorer '{title or names}' embeds {self.frame_bytes} bytes of frames, over its budget of "
                f"{budget_bytes}: use fewer values or a smaller figure"
            )
        self.links = []
        for control, stacks in zip(self.controls, stacks_by_depth):
            for stack in stacks:
                self.links.append(widgets.jslink((control, "index"), (stack, "selected_index")))
                widgets.dlink((control, "index"), (stack, "selected_index"))
        self.figure = figure
        self.n_frames = len(self.descriptions)
        header = [widgets.HTML(f"<strong>{html.escape(title)}</strong>")] if title else []
        if basis:  # what the model behind the explorer rests on: measured, fitted or illustrative
            header.append(
                widgets.HTML(
                    '<span class="mb-basis" style="display:inline-block;font-size:0.8em;padding:0 0.5em;'
                    f'border:1px solid #555;border-radius:0.6em;color:#222;background:#f3f3f3">{html.escape(basis)}</span>'
                )
            )
        super().__init__(
            children=header + self.controls + [figure], layout=widgets.Layout(width="100%", max_width="680px")
        )

    def _frame(self, draw, describe, chosen, figsize, dpi) -> widgets.HTML:
        params = {spec.name: spec.values[i] for spec, i in zip(self.control_specs, chosen)}
        started = time.perf_counter()
        png = render_png(draw, params, figsize=figsize, dpi=dpi)
        self.render_ms.append((time.perf_counter() - started) * 1000)
        description = describe(**params)
        if not description or not description.strip():
            raise ValueError(f"frame {params} has no text alternative")
        self.descriptions[chosen] = description
        frame = frame_html(png, description)
        self.frame_bytes += len(frame.encode("utf-8"))
        return widgets.HTML(frame)

    def visible_description(self) -> str:
        """The text alternative of the frame the controls currently select."""
        return self.descriptions[tuple(c.index for c in self.controls)]


def grid(controls: Sequence[Control]):
    """Every combination of control values, as keyword dictionaries."""
    for combo in itertools.product(*(c.values for c in controls)):
        yield {c.name: v for c, v in zip(controls, combo)}
