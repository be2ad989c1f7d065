"""A live kernel's explorer: ipywidgets controls that redraw the one figure on demand."""

from __future__ import annotations

import html
import itertools
import math
from typing import Any

from .. import i18n
from .render import Frame, Renderer, data_uri
from .spec import Control, Spec

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
