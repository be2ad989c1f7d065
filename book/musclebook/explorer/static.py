"""The web book's explorer: every frame precomputed, written as plain HTML that the book's ``explorer.js`` switches
in the browser, with no kernel and no network."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .. import i18n
from ..i18n import tr
from .render import Frame, Renderer, data_uri
from .spec import PHONE, PHONE_MEDIA, WIDE, Control, Layout, Spec, _slug

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
