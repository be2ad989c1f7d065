"""Plots and explorers of the twitch-to-tetanus chapter.

``plot_*`` functions draw model output on a Matplotlib ``Axes`` (use them in your own cells);
the ``*View`` classes are the chapter's figures and explorers, drawn once and updated;
``TRAIN`` and ``RELAXATION`` define the chapter's two explorers.
"""

from __future__ import annotations

import textwrap
from functools import cache

import numpy as np
from matplotlib.lines import Line2D

from . import style
from . import twitch as tw
from .explorer import WIDE, Control, Layout, Spec, View
from .i18n import N_, Msg, tr
from .i18n import text as in_language

COLOURS = {"slow": style.BLUE, "fast": style.VERMILION}
UNIT_NAMES = {"slow": N_("slow"), "fast": N_("fast")}  # the model's units, as figures name them
FF_FREQUENCIES_HZ = (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 18, 20, 25, 30, 35, 40, 50, 60, 80, 100)
FREQUENCY_TICKS_HZ = (1, 2, 5, 10, 20, 50, 100)
#: on a panel about 2 in wide or less (the explorers' force-frequency panel, wide and on a slide) 2 and 50 sit
#: too close to their neighbours on the log axis ("50100" on a slide)
FEWER_FREQUENCY_TICKS_HZ = (1, 5, 10, 20, 100)
TRAIN_MS = 600.0  # stimulus train shown by the explorers [ms]
WINDOW_MS = 1800.0  # time shown: long enough for the slowest explorer unit to relax fully [ms]
TWITCH_WINDOW_MS = 450.0  # time shown for a single twitch [ms]
#: top of the explorers' force axis [% of max. tetanus]: room above 100% for the legend, more on a phone, whose
#: axes are lower (a tetanus's plateau and a slowed relaxation leave no other place for it at every frame)
TRAIN_TOP = 130.0
TRAIN_TOP_PHONE = 145.0


def colour(unit: tw.Unit) -> str:
    return COLOURS.get(unit.name, style.BLUE)


def unit_name(unit: tw.Unit) -> str:
    """The unit's name ("slow"), in the figures' language (a unit of your own keeps its name)."""
    return tr(UNIT_NAMES[unit.name]) if unit.name in UNIT_NAMES else unit.name


def unit_title(unit: tw.Unit) -> str:
    """How a unit is named in titles and captions, with its relaxation if changed."""
    if unit.relaxation_factor != 1.0:
        return tr("{name} unit, relaxation slowed ×{factor:g}", name=unit_name(unit), factor=unit.relaxation_factor)
    return tr("{name} unit", name=unit_name(unit))


@cache
def force_frequency_curve(unit: tw.Unit):
    """The force-frequency curve of a unit at ``FF_FREQUENCIES_HZ`` (cached)."""
    return np.array(FF_FREQUENCIES_HZ, dtype=float), tw.force_frequency(unit, FF_FREQUENCIES_HZ)


@cache
def _single_twitch(unit: tw.Unit) -> tw.Train:
    return tw.simulate(unit, 0.0, 1.0, record_ms=WINDOW_MS)


def plot_train(ax, run: tw.Train, colour_=style.BLUE, label=None):
    """Force during a stimulus train (% of maximal tetanus), with the stimuli as ticks below."""
    (line,) = ax.plot(run.t_ms, run.force * 100, color=colour_, label=label or tr("stimulus train"))
    style.ticks(ax, run.stimuli_ms, -9, -3, color=style.GREY, lw=0.8)
    ax.set_xlabel(tr("Time (ms); ticks = stimuli"))
    ax.set_ylabel(tr("Force (% of max. tetanus)"))
    ax.set_ylim(-10, 105)
    return line


def plot_force_frequency(ax, unit: tw.Unit, label=None):
    """Peak force against stimulation frequency (log axis)."""
    freqs, forces = force_frequency_curve(unit)
    (line,) = ax.plot(freqs, forces * 100, color=colour(unit), label=label)
    ax.set_xscale("log")
    ax.set_xticks(FREQUENCY_TICKS_HZ, [f"{f:g}" for f in FREQUENCY_TICKS_HZ])
    ax.minorticks_off()
    ax.set_xlabel(tr("Stimulation frequency (Hz)"))
    ax.set_ylabel(tr("Peak force (% of max)"))
    ax.set_ylim(0, 105)
    return line


def describe_pattern(state: tw.Steady) -> str:
    if state.ripple > 0.95:
        return tr("separate twitches: force falls back to rest between stimuli")
    if state.ripple > 0.5:
        return tr("summation: each twitch starts before the last has relaxed (unfused tetanus)")
    if state.ripple > 0.02:
        return tr("partly fused tetanus: force ripples around a plateau and never falls below half of its peak")
    return tr("fused tetanus: a smooth plateau")


class TrainView(View):
    """Explorer frame: the force of a train (left) and where it sits on the force-frequency curve (right)."""

    figsize = (7.5, 3.3)

    def __init__(self, fig, layout: Layout = WIDE):
        super().__init__(fig, layout)
        self.ax, self.ff = self.panels(
            1, 2, width_ratios=[2.2, 1], margins=dict(left=0.09, right=0.98, bottom=0.17, top=0.9, wspace=0.32)
        )
        (self.single,) = self.dynamic(self.ax.plot([], [], lw=1, ls="--"))
        (self.train,) = self.dynamic(self.ax.plot([], []))
        self.title = self.dynamic(self.ax.set_title(" "))
        self.ax.set_xlim(0, WINDOW_MS)
        self.ax.set_ylim(-10, TRAIN_TOP_PHONE if layout.stack else TRAIN_TOP)
        self.ax.spines["left"].set_bounds(-10, 105)  # the axis line ends where the force scale does
        self.ax.set_xticks([0, 500, 1000, 1500])
        self.ax.set_yticks([0, 25, 50, 75, 100])
        self.ax.set_xlabel(tr("Time (ms); ticks = stimuli"))
        self.ax.set_ylabel(tr("Force (% of max. tetanus)"))
        self.ax.legend(
            handles=[
                Line2D([], [], color=style.INK, lw=1, ls="--", label=tr("single twitch")),
                Line2D([], [], color=style.INK, label=tr("stimulus train")),
            ],
            loc="upper right",  # above 100%: a tetanus's plateau and a slowed relaxation fill the rest
        )
        (self.curve,) = self.dynamic(self.ff.plot([], []))
        (self.mark,) = self.dynamic(self.ff.plot([], [], "o", ms=8))
        self.ff.set_xscale("log")
        self.ff.set_xlim(0.9, 110)
        ticks = FREQUENCY_TICKS_HZ if layout.stack else FEWER_FREQUENCY_TICKS_HZ  # full width only on a phone
        self.ff.set_xticks(ticks, [f"{f:g}" for f in ticks])
        self.ff.minorticks_off()
        self.ff.set_ylim(0, 105)
        self.ff.set_yticks([0, 50, 100])
        self.ff.set_xlabel(tr("Stimulation (Hz)"))
        self.ff.set_ylabel(tr("Peak force (% of max)"))

    def update(self, unit: tw.Unit, frequency_hz: float, duration_ms: float = TRAIN_MS) -> str:
        self.clear_transient()
        c = colour(unit)
        run = tw.simulate(unit, frequency_hz, duration_ms, record_ms=WINDOW_MS)
        single = _single_twitch(unit)
        self.train.set_data(run.t_ms, run.force * 100)
        self.single.set_data(single.t_ms, single.force * 100)
        for line in (self.train, self.single, self.curve, self.mark):
            line.set_color(c)
        self.transient(style.ticks(self.ax, run.stimuli_ms, -9, -3, color=style.GREY, lw=0.8))
        self.title.set_text(tr("{unit}, {frequency:.3g} Hz", unit=unit_title(unit), frequency=frequency_hz))
        freqs, forces = force_frequency_curve(unit)
        self.curve.set_data(freqs, forces * 100)
        self.mark.set_data([frequency_hz], [np.interp(np.log(frequency_hz), np.log(freqs), forces) * 100])
        return describe_train(unit, frequency_hz, duration_ms)


def describe_train(unit: tw.Unit, frequency_hz: float, duration_ms: float = TRAIN_MS) -> str:
    """Text alternative of a train frame, with the numbers a reader would read off the figure."""
    state = tw.steady_state(unit, float(frequency_hz), duration_ms)
    return tr(
        "{unit}, stimulated at {frequency:.3g} Hz for {duration:.0f} ms: peak force {peak:.0f}% of maximal "
        "tetanic force, {pattern}. When the stimuli stop, force falls back to rest.",
        unit=unit_title(unit).capitalize(),
        frequency=frequency_hz,
        duration=duration_ms,
        peak=state.peak * 100,
        pattern=describe_pattern(state),
    )


class TwitchView(View):
    """Figure: one twitch with its latent period, contraction time and half-relaxation time marked."""

    figsize = (7.0, 3.2)

    def __init__(self, fig, layout: Layout = WIDE):
        super().__init__(fig, layout)
        self.ax = self.panels(margins=dict(left=0.09, right=0.97, bottom=0.17, top=0.95))
        (self.line,) = self.ax.plot([], [])
        self.ax.axvline(0, color=style.GREY, lw=1, ls=":")
        self.ax.set_xlim(-20, TWITCH_WINDOW_MS)
        self.ax.set_xlabel(tr("Time after the stimulus (ms)"))
        self.ax.set_ylabel(tr("Force (% of max. tetanus)"))

    def update(self, unit: tw.Unit) -> str:
        self.clear_transient()
        c = colour(unit)
        run = tw.simulate(unit, 0.0, 1.0, record_ms=TWITCH_WINDOW_MS)
        timing = tw.twitch_timing(unit)
        self.line.set_data(run.t_ms, run.force * 100)
        self.line.set_color(c)
        peak = timing.peak_force * 100
        self.ax.set_ylim(0, peak * 1.3)
        onset = timing.latent_period_ms
        peak_t = onset + timing.contraction_time_ms
        half_t = peak_t + timing.half_relaxation_ms
        ax, add = self.ax, self.transient
        if self.layout.stack:
            # a phone's axes leave the 20 ms before the stimulus about 10 px wide: no room for an upright word
            # between the axis and the dotted line, so the label lies level just right of the line's top
            add(
                ax.annotate(
                    tr("stimulus"),
                    (0, peak * 1.22),
                    xytext=(3, 0),
                    textcoords="offset points",
                    va="center",
                    color=style.GREY,
                )
            )
        else:
            add(ax.text(-4, peak * 0.3, tr("stimulus"), color=style.GREY, rotation=90, ha="right"))
        add(
            ax.annotate(
                "", xy=(peak_t, peak * 1.04), xytext=(onset, peak * 1.04), arrowprops=dict(arrowstyle="<->", color=c)
            )
        )
        contraction = tr("contraction time {ms:.0f} ms", ms=timing.contraction_time_ms)
        add(ax.text(peak_t + 8, peak * 1.04, contraction, va="center", color=c))
        add(
            ax.annotate(
                "", xy=(half_t, peak / 2), xytext=(peak_t, peak / 2), arrowprops=dict(arrowstyle="<->", color=c)
            )
        )
        half = tr("half-relaxation {ms:.0f} ms", ms=timing.half_relaxation_ms)
        # above and right of the arrow's end: the falling curve runs through the point below and right of it
        # wrapped where a longer language would run off a phone's figure
        add(
            ax.annotate(
                half, (half_t, peak / 2), xytext=(4, 2), textcoords="offset points", va="bottom", color=c, wrap=True
            )
        )
        return tr(
            "A single twitch of the {name} model unit: after a latent period of {latent:.0f} ms force rises for "
            "{contraction:.0f} ms to a peak of {peak:.0f}% of maximal tetanic force, falls to half of the peak "
            "{half:.0f} ms later and returns to rest.",
            name=unit_name(unit),
            latent=timing.latent_period_ms,
            contraction=timing.contraction_time_ms,
            peak=peak,
            half=timing.half_relaxation_ms,
        )


class ForceFrequencyView(View):
    """Figure: force-frequency curves of several units, optionally with a measured band shaded."""

    figsize = (7.0, 3.2)
    phone_panel_in = 3.8  # room for the legend under the axes

    def __init__(self, fig, layout: Layout = WIDE):
        super().__init__(fig, layout)
        self.ax = self.panels(margins=dict(left=0.09, right=0.97, bottom=0.17, top=0.95))

    def update(self, units, band_hz=None, band_label: str | Msg | None = None) -> str:
        self.ax.clear()
        if band_label is not None:
            band_label = in_language(band_label)  # a Msg: in the figure's language
        if band_hz is not None:
            # the label wraps (above the curves, left of the band), and on a phone the legend goes under the axes
            label = textwrap.fill(band_label, 26 if self.layout.stack else 30)  # wide: left of the slow curve
            self.ax.axvspan(*band_hz, color="0.9", label=label)
        for unit in units:
            plot_force_frequency(self.ax, unit, label=tr("{name} unit (model)", name=unit_name(unit)))
        if self.layout.stack:
            for old in self.fig.legends:
                old.remove()
            self.fig.legend(loc="outside lower center")
        else:
            self.ax.legend(loc="upper left")
        parts = [
            tr(
                "the {name} unit's curve reaches half of its maximal force at {frequency:.1f} Hz",
                name=unit_name(u),
                frequency=tw.half_max_frequency_hz(u),
            )
            for u in units
        ]
        text = tr(
            "S-shaped force-frequency curves of the model, rising from the single-twitch force ({ratio:.0f}% of "
            "maximal) towards maximal force: {parts}.",
            ratio=units[0].twitch_tetanus_ratio * 100,
            parts="; ".join(parts),
        )
        if band_hz is not None:
            low, high = band_hz
            text += " " + tr(
                "A shaded band from {low:g} to {high:g} Hz marks {band}.", low=low, high=high, band=band_label
            )
        return text


class TwitchComparisonView(View):
    """Figure: single twitches of several units on one time axis."""

    figsize = (7.0, 3.2)

    def __init__(self, fig, layout: Layout = WIDE):
        super().__init__(fig, layout)
        self.ax = self.panels(margins=dict(left=0.09, right=0.97, bottom=0.17, top=0.95))

    def update(self, units) -> str:
        self.ax.clear()
        parts = []
        for unit in units:
            run = tw.simulate(unit, 0.0, 1.0, record_ms=TWITCH_WINDOW_MS)
            self.ax.plot(run.t_ms, run.force * 100, color=colour(unit), label=unit_title(unit))
            timing = tw.twitch_timing(unit)
            parts.append(
                tr(
                    "the {name} unit peaks {contraction:.0f} ms after force onset and falls to half {half:.0f} ms "
                    "after its peak",
                    name=unit_name(unit),
                    contraction=timing.contraction_time_ms,
                    half=timing.half_relaxation_ms,
                )
            )
        self.ax.set_xlabel(tr("Time after the stimulus (ms)"))
        self.ax.set_ylabel(tr("Force (% of max. tetanus)"))
        self.ax.legend()
        return tr("Single twitches of the model units, drawn on one time axis: {parts}.", parts="; ".join(parts))


EXPLORER_FREQUENCIES_HZ = (1, 2, 5, 8, 10, 12, 15, 20, 30, 50, 100)
RELAXATION_FACTORS = (1.0, 1.25, 1.5, 2.0)

TRAIN = Spec(
    key="twitch-train",
    title=Msg(N_("Force during a {duration:.0f} ms train of stimuli"), duration=TRAIN_MS),
    basis=N_("twitch timing of the slow unit measured; other parameters illustrative"),
    view=TrainView,
    controls=(
        Control(
            "unit",
            N_("Fibre type"),
            (tw.SLOW, tw.FAST),
            tuple(
                Msg(N_("{name} (contraction time {ms:.0f} ms)"), name=Msg(UNIT_NAMES[u.name]), ms=u.contraction_time_ms)
                for u in (tw.SLOW, tw.FAST)
            ),
            buttons=True,
        ),
        Control(
            "frequency_hz",
            N_("Stimulation (Hz)"),
            EXPLORER_FREQUENCIES_HZ,
            unit="Hz",
            start=4,
            live=(1.0, 100.0, 0.01),
            log=True,
        ),
    ),
)

RELAXATION = Spec(
    key="twitch-relaxation",
    title=N_("Slow unit with slower relaxation"),
    basis=N_("twitch timing measured; the slowing of relaxation is illustrative"),
    view=TrainView,
    controls=(
        Control(
            "unit",
            N_("Relaxation"),
            tuple(tw.SLOW.replace(relaxation_factor=f) for f in RELAXATION_FACTORS),
            (
                N_("normal"),
                Msg(N_("slowed ×{factor:g}"), factor=1.25),
                Msg(N_("slowed ×{factor:g} (like fatigue)"), factor=1.5),
                Msg(N_("slowed ×{factor:g}"), factor=2.0),
            ),
            buttons=True,
        ),
        Control(
            "frequency_hz",
            N_("Stimulation (Hz)"),
            (1, 2, 5, 8, 10, 15, 20, 50),
            unit="Hz",
            start=3,
            live=(1.0, 50.0, 0.01),
            log=True,
        ),
    ),
)
