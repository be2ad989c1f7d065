"""The one explorer helper: each explorer defined once, shown as static HTML in the web book or as live widgets.

Small toy views test the machinery (frames, text alternatives, layers, the byte budget, live redraws);
then every explorer of the book is rendered statically, once, and checked as a reader would meet it.
"""

from __future__ import annotations

import base64
import html
import json
import math
import re

import ipywidgets as widgets
import pytest

from musclebook import explorer as ex
from musclebook.explorer import (
    STATIC_ENV,
    Control,
    Explorer,
    LiveExplorer,
    Spec,
    StaticExplorer,
    StaticFigure,
    View,
)

# ---------------------------------------------------------------- toy views

BAR_COLOUR = "#d55e00"  # in no other artist of the toy figure


class BarView(View):
    """A bar whose height changes; its axes stay fixed."""

    figsize = (3.0, 2.0)

    def __init__(self, fig, layout=ex.WIDE):
        super().__init__(fig, layout)
        self.ax = self.panels()
        self.ax.set_xlim(-1, 1)
        self.ax.set_ylim(0, 4)
        self.ax.set_ylabel("Height (cm)")
        (self.bar,) = self.dynamic(self.ax.bar([0], [1], color=BAR_COLOUR))
        self.calls = []

    def update(self, height, shade="light"):
        self.calls.append((height, shade))
        self.bar.set_height(height)
        self.bar.set_alpha(0.5 if shade == "light" else 1.0)
        return f"A {shade} bar {height:g} cm high."


class SneakyView(BarView):
    """Changes the axis limits, which it did not register as dynamic."""

    def update(self, height, shade="light"):
        self.ax.set_ylim(0, 2 * height)
        return super().update(height, shade)


class ScaledView(BarView):
    """Changes its axis limits with ``top``: allowed if ``top`` is named in ``layers_by``."""

    def update(self, top, height):
        self.ax.set_ylim(0, top)
        return super().update(height) + f" Axis up to {top:g} cm."


class SilentView(BarView):
    def update(self, height, shade="light"):
        super().update(height, shade)
        return " "


HEIGHTS = Control("height", "Height (cm)", (1, 2, 3), unit="cm", start=1, live=(0.5, 3.5, 0.1))
SHADES = Control("shade", "Shade", ("light", "dark"), ("pale", "strong"), buttons=True)


def toy_spec(view=BarView, controls=(SHADES, HEIGHTS), **kw):
    return Spec(
        key=kw.pop("key", "toy-bar"),
        title="Bars",
        basis=kw.pop("basis", "illustrative"),
        view=view,
        controls=controls,
        **kw,
    )


def frames_json(page: str) -> dict:
    """The frame data a static explorer carries for ``explorer.js``."""
    raw = re.search(r'<script type="application/json" class="mb-frames">(.*?)</script>', page, re.S).group(1)
    return json.loads(raw)


# ---------------------------------------------------------------- the web book: static HTML


@pytest.fixture(scope="module")
def toy():
    return StaticExplorer(toy_spec())


def test_static_html_has_one_frame_per_grid_point_with_its_text_alternative(toy):
    data = frames_json(toy.html)
    spec = toy.spec
    assert data["shape"] == [2, 3]
    assert len(data["frames"]) == len(toy.frames) == 6
    # row-major, the last control fastest, as explorer.js indexes them
    expected = [f"A {shade} bar {height:g} cm high." for shade in ("light", "dark") for height in (1, 2, 3)]
    assert [description for _, description, _ in data["frames"]] == expected
    for (src, description, layer), frame in zip(data["frames"], toy.frames):
        assert description.strip() and src == frame.src and src.startswith("data:image/svg+xml;base64,")
        assert layer == 0
    assert [ex.flat_index(i, data["shape"]) for i in spec.indices()] == list(range(6))


def test_static_html_shows_the_start_frame_with_alt_text_and_caption(toy):
    start = ex.flat_index(toy.spec.start, [2, 3])  # light, 2 cm
    first = toy.frames[start].description
    assert first == "A light bar 2 cm high."
    assert f'class="mb-fg" src="{toy.frames[start].src}" alt="{first}"' in toy.html
    assert re.search(rf'<figcaption aria-live="polite">{re.escape(first)}</figcaption>', toy.html)
    assert 'class="mb-bg"' in toy.html and 'alt=""' in toy.html  # the background is decoration


def test_a_slider_is_a_range_input_whose_spoken_value_carries_the_unit(toy):
    slider = re.search(r'<input type="range"[^>]*>', toy.html).group(0)
    assert 'min="0"' in slider and 'max="2"' in slider and 'value="1"' in slider
    assert 'aria-valuetext="2 cm"' in slider  # read out as "2 cm", not "1" (the index) or "2"
    spoken = json.loads(html.unescape(re.search(r"data-spoken='([^']*)'", slider).group(1)))
    assert spoken == ["1 cm", "2 cm", "3 cm"]
    assert re.search(r'<label for="mb-toy-bar-height">Height \(cm\)</label>', toy.html)


def test_a_choice_is_a_group_of_radio_buttons_with_the_start_checked(toy):
    radios = re.findall(r'<input type="radio" name="mb-toy-bar-shade" value="(\d)"( checked)?>', toy.html)
    assert radios == [("0", " checked"), ("1", "")]
    assert "<legend>Shade</legend>" in toy.html and "<span>pale</span>" in toy.html


def test_explorer_says_what_its_model_rests_on(toy):
    assert '<p class="mb-basis">illustrative</p>' in toy.html and '<p class="mb-title">Bars</p>' in toy.html
    with pytest.raises(ValueError, match="basis"):
        toy_spec(basis=" ")


def test_frames_are_layers_over_one_background(toy):
    # the bar (dynamic) is in every frame and not in the background; the axes are in the background only
    [background] = toy.backgrounds
    assert BAR_COLOUR.encode() not in background
    assert all(BAR_COLOUR.encode() in frame.svg for frame in toy.frames)
    assert all(len(frame.svg) < len(background) for frame in toy.frames)


def test_a_view_that_changes_an_unregistered_artist_is_refused():
    with pytest.raises(ValueError, match="did not register as dynamic"):
        StaticExplorer(toy_spec(SneakyView))


def test_layers_by_gives_one_background_per_value():
    tops = Control("top", "Axis (cm)", (4, 6, 8), unit="cm")
    heights = Control("height", "Height (cm)", (1, 2, 3), unit="cm")
    with pytest.raises(ValueError, match="layers_by"):
        StaticExplorer(toy_spec(ScaledView, (tops, heights)))  # the axes change: it must say so
    layered = StaticExplorer(toy_spec(ScaledView, (tops, heights), layers_by=("top",)))
    assert len(layered.backgrounds) == 3 and len(set(layered.backgrounds)) == 3
    data = frames_json(layered.html)
    assert [layer for _, _, layer in data["frames"]] == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    assert len(data["backgrounds"]) == 3


def test_layers_by_must_name_a_control():
    with pytest.raises(ValueError, match=r"layers_by names no control: \['colour'\]"):
        toy_spec(layers_by=("colour",))


def test_the_byte_budget_is_enforced_for_each_layout(toy):
    # a reader loads one layout's frames: each layout must fit the budget
    used = {
        name: sum(len(b) for b in d.backgrounds) + sum(len(f.svg) for f in d.frames) for name, d in toy.drawn.items()
    }
    assert set(used) == {"wide", "phone"} and min(used.values()) > 6 * 1000
    largest = max(used, key=used.get)
    assert StaticExplorer(toy_spec(budget_bytes=used[largest])).frames  # exactly at the budget: accepted
    with pytest.raises(ValueError, match=rf"{used[largest]} bytes of frames \({largest} layout\), over its budget"):
        StaticExplorer(toy_spec(budget_bytes=used[largest] - 1))


def test_missing_text_alternative_is_refused():
    with pytest.raises(ValueError, match="no text alternative"):
        StaticExplorer(toy_spec(SilentView))


# ---------------------------------------------------------------- a live kernel: ipywidgets


def test_live_explorer_has_a_widget_per_control_and_shows_the_start_frame():
    live = LiveExplorer(toy_spec())
    shade, height = live.controls
    assert isinstance(shade, widgets.ToggleButtons) and shade.value == "light"
    assert isinstance(height, widgets.FloatSlider) and (height.min, height.max) == (0.5, 3.5)
    assert height.value == 2 and height.description == "Height (cm)"
    assert live.description == "A light bar 2 cm high."
    assert 'alt="A light bar 2 cm high."' in live.frame_image.value
    assert live.caption.value.count("A light bar 2 cm high.") == 1  # the text alternative, also visible
    assert 'alt=""' in live.background_image.value  # the axes are decoration: their words are in the caption
    header = live.box.children[0].value
    assert "mb-basis" in header and "illustrative" in header


def test_live_explorer_redraws_when_a_control_changes():
    live = LiveExplorer(toy_spec())
    view = live.renderer.view
    calls = len(view.calls)
    live.controls[1].value = 3.3  # off the grid: a live slider is continuous
    assert len(view.calls) == calls + 1
    assert live.description == "A light bar 3.3 cm high."
    assert 'alt="A light bar 3.3 cm high."' in live.frame_image.value
    assert view.bar.get_height() == pytest.approx(3.3)
    live.controls[0].value = "dark"
    assert live.description == "A dark bar 3.3 cm high." and len(view.calls) == calls + 2


def test_live_values_are_kept_inside_the_live_range():
    live = LiveExplorer(toy_spec())
    slider = live.controls[1]
    slider.value = 10.0  # the slider itself stops at its end
    assert live.params["height"] == 3.5 and live.description == "A light bar 3.5 cm high."
    slider.max = 100.0  # even a slider pushed past the model's box ...
    slider.value = 50.0
    assert slider.value == 50.0
    assert live.params == {"shade": "light", "height": 3.5}  # ... gives the view only values inside it
    assert live.description == "A light bar 3.5 cm high."
    slider.min = -5.0
    slider.value = -1.0
    assert live.params["height"] == 0.5 and live.description == "A light bar 0.5 cm high."


def test_live_explorer_changes_the_background_only_with_a_control_named_in_layers_by():
    tops = Control("top", "Axis (cm)", (4, 6, 8), unit="cm", buttons=True)
    heights = Control("height", "Height (cm)", (1, 2, 3), unit="cm", live=(1, 3, 0.5))
    live = LiveExplorer(toy_spec(ScaledView, (tops, heights), layers_by=("top",)))

    def background():
        return re.search(r'<img src="([^"]+)"', live.background_image.value).group(1)

    first = background()
    sent = []
    live.background_image.observe(lambda change: sent.append(change), names="value")
    live.controls[1].value = 2.5
    assert background() == first and not sent  # same axes: the background is not sent again
    live.controls[0].value = 8
    assert background() != first and live.description.endswith("Axis up to 8 cm.")
    live.controls[0].value = 4
    assert background() == first  # back to the first axes


def test_explorer_is_static_html_while_the_book_is_built(monkeypatch):
    monkeypatch.setenv(STATIC_ENV, "1")
    assert ex.static_build()
    shown = Explorer(toy_spec())
    assert isinstance(shown, StaticExplorer)
    page = shown._repr_html_()
    assert page.startswith('<div class="mb-explorer" id="explorer-toy-bar" data-explorer="toy-bar">')
    assert len(frames_json(page)["frames"]) == 6


@pytest.mark.parametrize("value", [None, "0"])
def test_explorer_is_a_live_widget_otherwise(monkeypatch, value):
    if value is None:
        monkeypatch.delenv(STATIC_ENV, raising=False)
    else:
        monkeypatch.setenv(STATIC_ENV, value)
    assert not ex.static_build()
    shown = Explorer(toy_spec())
    assert isinstance(shown, LiveExplorer)
    assert "application/vnd.jupyter.widget-view+json" in shown._repr_mimebundle_()


def test_a_static_figure_is_one_whole_frame_with_its_text_alternative(monkeypatch):
    monkeypatch.setenv(STATIC_ENV, "1")  # as the book is built (a kernel draws it wide only)
    figure = StaticFigure(BarView, height=2.5, shade="dark")
    assert figure.description == "A dark bar 2.5 cm high."
    assert figure.html.count("<img") == 1 and 'alt="A dark bar 2.5 cm high."' in figure.html
    assert "<figcaption>A dark bar 2.5 cm high.</figcaption>" in figure.html
    assert BAR_COLOUR.encode() in figure.frame.svg and b"<svg" in figure.frame.svg  # bar and axes together
    assert repr(figure) == "Figure: A dark bar 2.5 cm high."
    # narrow screens get the figure drawn for phones: the same picture, the width of a phone
    source = re.search(r'<picture><source media="([^"]+)" srcset="([^"]+)" width="(\d+)"', figure.html)
    assert source and source.group(1) == ex.PHONE_MEDIA and source.group(2) != figure.frame.src
    assert BAR_COLOUR in base64.b64decode(source.group(2).split(",", 1)[1]).decode()
    assert int(source.group(3)) == round(ex.PHONE.width_in * ex.DPI)
    monkeypatch.delenv(STATIC_ENV)
    assert "<picture>" not in StaticFigure(BarView, height=2.5, shade="dark").html


# ---------------------------------------------------------------- definitions refused


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(name="h", label="H", values=()), "no values"),
        (dict(name="h", label="H", values=(1, 2), value_labels=("one",)), "1 labels for 2 values"),
        (dict(name="h", label="H", values=(1, 2), start=5), "start index 5"),
        (dict(name="h", label="H", values=(1, 2), live=(2, 1, 0.1)), "live range"),
        (dict(name="h", label="H", values=(1, 2), live=(0, 2, 0.0)), "live range"),
        (dict(name="h", label="H", values=(1, 2), live=(0, 2, 0.1), log=True), "live range"),
        (dict(name="h", label="H", values=(1, 5), live=(0, 2, 0.1)), r"grid values \[5\] lie outside"),
    ],
)
def test_bad_controls_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Control(**kwargs)


def test_a_control_clamps_only_a_continuous_value():
    assert HEIGHTS.clamp(9) == 3.5 and HEIGHTS.clamp(0) == 0.5 and HEIGHTS.clamp(2.25) == 2.25
    assert SHADES.clamp("dark") == "dark"


@pytest.mark.parametrize(
    "controls, message",
    [
        ((), "takes 1 to 3 controls, got 0"),
        ((HEIGHTS, SHADES, Control("a", "A", (1,)), Control("b", "B", (1,))), "takes 1 to 3 controls, got 4"),
        ((HEIGHTS, HEIGHTS), "control names repeat"),
    ],
)
def test_bad_explorers_are_refused(controls, message):
    with pytest.raises(ValueError, match=message):
        toy_spec(controls=controls)


# ---------------------------------------------------------------- every explorer of the book


BOOK_SPECS = ex.book_specs()


def test_the_book_s_explorers_are_found_and_their_keys_are_unique():
    assert len(BOOK_SPECS) >= 16
    keys = [spec.key for spec in BOOK_SPECS]
    assert len(set(keys)) == len(keys)
    from musclebook import coupling_plots, twitch_plots

    assert {twitch_plots.TRAIN, twitch_plots.RELAXATION, coupling_plots.PUMP} <= set(BOOK_SPECS)


@pytest.fixture(scope="module", params=BOOK_SPECS, ids=lambda spec: spec.key)
def rendered(request):
    """Each explorer of the book rendered statically, once, wide (every frame drawn for phones too is made,
    and checked against the wide one, by the build: see test_every_explorer_s_phone_drawing_...)."""
    return StaticExplorer(request.param, layouts=(ex.WIDE,))


def test_every_explorer_has_at_least_eight_frames_each_described_differently(rendered):
    spec = rendered.spec
    n = math.prod(len(c.values) for c in spec.controls)
    assert len(rendered.frames) == n >= 8
    descriptions = [frame.description for frame in rendered.frames]
    assert all(d.strip() for d in descriptions)
    assert len(set(descriptions)) == n  # a reader who cannot see the figure hears that it changed
    assert [d for _, d, _ in frames_json(rendered.html)["frames"]] == descriptions


def test_every_explorer_s_text_is_large_enough(rendered):
    smallest = rendered.renderer.smallest_font_px()
    assert smallest >= 12.6  # CSS px at the figure's natural width (9.5 pt): >= 11 px where a page shrinks it
    assert f'data-font-px="{smallest:.2f}"' in rendered.html


@pytest.mark.parametrize("spec", BOOK_SPECS, ids=lambda spec: spec.key)
def test_every_explorer_s_phone_drawing_is_as_wide_as_a_phone_and_says_what_the_wide_one_says(spec):
    # on a 375 px phone an explorer is about 306-327 CSS px wide: the phone drawing is shown at about its
    # natural size, so its text stays >= 11 px (the browser suite measures it on the built pages). Drawn here at
    # the grid's first, start and last points; the build draws every point and refuses any difference.
    wide, phone = ex.Renderer(spec.view, ex.WIDE), ex.Renderer(spec.view, ex.PHONE)
    indices = list(spec.indices())
    backgrounds = {}
    for index in dict.fromkeys((indices[0], spec.start, indices[-1])):
        params = spec.params(index)
        assert phone.frame(**params).description == wide.frame(**params).description, params
        # on a phone too, update() changes only the artists it registered: one background per layer
        background = backgrounds.setdefault(spec.layer(index), phone.background())
        assert phone.background() == background, f"{spec.key} at {params}: the phone background changed"
    width, height = phone.size_px
    assert width <= 330 and height <= 900, (width, height)
    assert phone.smallest_font_px() >= 12.6


def test_the_phone_drawing_is_a_picture_source_for_narrow_screens(toy):
    phone = toy.drawn["phone"]
    data = frames_json(toy.html)
    assert data["phone"]["media"] == ex.PHONE_MEDIA
    assert data["phone"]["frames"] == [f.src for f in phone.frames] and len(phone.frames) == len(toy.frames)
    assert [f.description for f in phone.frames] == [f.description for f in toy.frames]
    assert len(data["phone"]["backgrounds"]) == len(data["backgrounds"])
    start = ex.flat_index(toy.spec.start, data["shape"])
    width, height = phone.renderer.size_px
    assert f'<source media="{ex.PHONE_MEDIA}" srcset="{phone.frames[start].src}" width="{width}"' in toy.html
    assert f'data-phone-font-px="{phone.renderer.smallest_font_px():.2f}"' in toy.html


def test_every_explorer_fits_its_budget_with_one_background_per_layer(rendered):
    spec = rendered.spec
    layers = math.prod(len(c.values) for c in spec.controls if c.name in spec.layers_by)
    assert len(rendered.backgrounds) == layers
    used = sum(len(b) for b in rendered.backgrounds) + sum(len(f.svg) for f in rendered.frames)
    assert used <= spec.budget_bytes


def test_every_explorer_slider_speaks_its_unit(rendered):
    for k, control in enumerate(rendered.spec.controls):
        if control.buttons:
            assert f'<fieldset class="mb-choice" data-control="{k}">' in rendered.html
            continue
        assert f'<div class="mb-slider" data-control="{k}">' in rendered.html
        spoken = html.escape(control.spoken(control.start))
        assert f'aria-valuetext="{spoken}"' in rendered.html
        if control.unit:
            assert spoken.endswith(html.escape(control.unit))


@pytest.mark.parametrize("spec", [s for s in BOOK_SPECS if any(c.live for c in s.controls)], ids=lambda s: s.key)
def test_a_live_value_between_grid_points_is_written_with_three_significant_digits(spec):
    """A live slider stops anywhere (7.943282 Hz after a drag): the title and text alternative say 7.94."""
    renderer = ex.Renderer(spec.view)
    for control in (c for c in spec.controls if c.live):
        low, high, _ = control.live
        value = low * (high / low) ** 0.3 if control.log else low + 0.3 * (high - low)
        frame = renderer.frame(**(spec.params(spec.start) | {control.name: value}))
        if f"{value:g}" != f"{value:.3g}":
            assert f"{value:g}" not in frame.description, (control.name, frame.description)
        assert f"{value:.3g}" in frame.description or control.unit == "%", (control.name, frame.description)


def test_the_private_matplotlib_api_the_explorers_use_is_still_there():
    """musclebook/explorer/mpl_private.py holds the two private Matplotlib APIs the explorers need; an upgrade that
    removes or changes one fails here, by name, rather than somewhere inside a figure."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from musclebook.explorer import mpl_private

    where = f"Matplotlib {matplotlib.__version__}: musclebook/explorer/mpl_private.py"
    fig = Figure(figsize=(2.0, 1.0))
    try:
        nothing = mpl_private.suptitle(fig)
        title = fig.suptitle("a title long enough to need two lines or more in a small figure", wrap=True)
        found = mpl_private.suptitle(fig)
        FigureCanvasAgg(fig).figure.draw_without_rendering()  # as the renderer does before it wraps
        lines = mpl_private.wrapped_lines(title)
    except (AttributeError, TypeError) as exc:
        pytest.fail(f"{where}: a private API the explorers use has changed: {exc!r}")
    assert nothing is None, f"{where}: a figure without a suptitle should have none"
    assert found is title, f"{where}: Figure._suptitle is no longer the suptitle artist"
    assert isinstance(lines, str) and lines.count("\n") >= 1, f"{where}: Text._get_wrapped_text() wraps no more"
    assert lines.replace("\n", " ") == title.get_text(), f"{where}: the wrapped lines are not the text's words"
