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

from .live import LiveExplorer
from .render import Frame, Renderer, View, data_uri
from .spec import (
    DEFAULT_BUDGET_BYTES,
    DPI,
    PHONE,
    PHONE_MEDIA,
    PROJECTOR,
    STATIC_ENV,
    WIDE,
    Control,
    Layout,
    Spec,
    static_build,
)
from .static import Drawn, Shown, StaticExplorer, figure_html, flat_index, static_html

__all__ = [
    "DEFAULT_BUDGET_BYTES",
    "DPI",
    "PHONE",
    "PHONE_MEDIA",
    "PROJECTOR",
    "STATIC_ENV",
    "WIDE",
    "Control",
    "Drawn",
    "Explorer",
    "Frame",
    "Layout",
    "LiveExplorer",
    "Renderer",
    "Shown",
    "Spec",
    "StaticExplorer",
    "StaticFigure",
    "View",
    "book_specs",
    "data_uri",
    "figure_html",
    "flat_index",
    "static_build",
    "static_html",
]


def book_specs() -> list[Spec]:
    """Every explorer the book defines (the ``Spec`` objects of ``musclebook/*_plots.py``), ordered by key."""
    import importlib
    import pkgutil

    from .. import __path__ as package

    specs = []
    for module in pkgutil.iter_modules(package):
        if module.name.endswith("_plots"):
            loaded = importlib.import_module(f"musclebook.{module.name}")
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
