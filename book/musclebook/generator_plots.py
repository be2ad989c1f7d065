"""Plots and explorers of the cramp-generator chapter.

``plot_firing`` and ``plot_force`` draw a simulated run on a Matplotlib ``Axes``; ``CrampView`` and
``HysteresisView`` are the chapter's explorers (``CRAMP`` and ``HYSTERESIS``).
"""

from __future__ import annotations

import numpy as np

from . import generator as gn
from . import style
from .explorer import WIDE, Control, Layout, Spec, View
from .i18n import N_, Msg, tr

RATE = style.BLUE
FALLING = style.VERMILION
FORCE = style.GREEN
DRIVE = "#E8F0FA"
STRETCH = "#FBE3D6"
FATIGUE_LEVELS = (0.0, 0.25, 0.5, 0.75, 1.0)
# the model's own persistent current is one of the levels, and the explorer opens on it (the prose describes it)
PIC_LEVELS_MV = (0.0, 8.0, gn.NEURON.pic_mv, 24.0)
#: top of the hysteresis explorer's rate axis [Hz]: above the fastest firing (fatigued, largest PIC), with room
#: for the legend at the upper left, above the curves, on a phone
TOP_HZ = 140


def instantaneous_rate(spikes_ms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Times [ms] and rates [Hz] from interspike intervals (each rate placed at the later spike)."""
    if spikes_ms.size < 2:
        return np.array([]), np.array([])
    return spikes_ms[1:], 1000.0 / np.diff(spikes_ms)


def plot_firing(ax, run: gn.Run):
    """Spikes as ticks and the instantaneous firing rate [Hz] against time [s]."""
    t, rate = instantaneous_rate(run.spikes_ms)
    style.ticks(ax, run.spikes_ms / 1000, 0, 6, color="#333333", lw=0.5)
    (line,) = ax.plot(t / 1000, rate, ".", color=RATE, ms=3)
    ax.set_ylabel(tr("Firing (Hz)"))
    return line


def plot_force(ax, run: gn.Run):
    """The muscle's force [%] against time [s]."""
    (line,) = ax.plot(run.t_ms / 1000, run.force * 100, color=FORCE, lw=1.5)
    ax.set_ylabel(tr("Force (%)"))
    return line


def window_s(window_ms):
    return tuple(t / 1000 for t in window_ms)


def _band_label(ax, start_s: float, end_s: float, text: str):
    """A label at the top of a shaded time band, centred over it (in the force panel, above its 100 % mark, where
    no force reaches: in the firing panel the voluntary rate, up to 65 Hz, runs through it)."""
    return ax.text((start_s + end_s) / 2, 0.97, text, transform=ax.get_xaxis_transform(), ha="center", va="top")


class CrampView(View):
    """Explorer frame: the motor neuron's firing (top) and the muscle's force (bottom) through a voluntary
    contraction, the silence after it and, optionally, a stretch."""

    figsize = (7.5, 4.4)

    def __init__(self, fig, layout: Layout = WIDE):
        super().__init__(fig, layout)
        self.top, self.bottom = self.panels(
            2, 1, sharex=True, margins=dict(left=0.1, right=0.97, bottom=0.12, top=0.9, hspace=0.35)
        )
        d0, d1 = window_s(gn.WITH_STRETCH.drive_window_ms)
        for ax in (self.top, self.bottom):
            ax.axvspan(d0, d1, color=DRIVE, lw=0)
            ax.set_xlim(0, gn.WITH_STRETCH.duration_ms / 1000)
        _band_label(self.bottom, d0, d1, tr("voluntary\ncontraction"))
        (self.rate,) = self.dynamic(self.top.plot([], [], ".", color=RATE, ms=3))
        (self.force,) = self.dynamic(self.bottom.plot([], [], color=FORCE, lw=1.5))
        self.title = self.dynamic(self.top.set_title(" "))
        self.spikes = self.dynamic(style.ticks(self.top, [], 0, 6, color="#333333", lw=0.5))
        # the stretch's shading and label, drawn once and shown only with a stretch
        s0, s1 = window_s(gn.WITH_STRETCH.stretch_window_ms)
        self.stretch = [
            self.dynamic(ax.axvspan(s0, s1, color=STRETCH, lw=0, zorder=0)) for ax in (self.top, self.bottom)
        ]
        self.stretch.append(self.dynamic(_band_label(self.bottom, s0, s1, tr("stretch"))))
        self.top.set_ylim(0, 80)
        self.top.set_yticks([0, 20, 40, 60, 80])
        self.top.set_ylabel(tr("Firing (Hz)"))
        self.bottom.set_ylim(0, 135)  # force stays below 75 %; the band labels take the room above 100 %
        self.bottom.set_yticks([0, 50, 100])
        self.bottom.set_ylabel(tr("Force (%)"))
        self.bottom.set_xlabel(tr("Time (s)"))
        self.bottom.set_xticks(range(7))

    def update(self, stretch: bool, fatigue: float) -> str:
        protocol = gn.WITH_STRETCH if stretch else gn.NO_STRETCH
        run = gn.simulate(gn.NEURON.replace(fatigue=fatigue), protocol)
        for artist in self.stretch:
            artist.set_visible(stretch)
        self.spikes.set_data(*style.tick_data(run.spikes_ms / 1000, 0, 6))
        t, rate = instantaneous_rate(run.spikes_ms)
        self.rate.set_data(t / 1000, rate)
        self.force.set_data(run.t_ms / 1000, run.force * 100)
        start_s = gn.WITH_STRETCH.stretch_window_ms[0] / 1000
        when = tr("stretch from {start:g} s", start=start_s) if stretch else tr("no stretch")
        self.title.set_text(tr("Fatigue {fatigue:.0f}%, {when}", fatigue=fatigue * 100, when=when))
        return describe_cramp(stretch, fatigue)


def describe_cramp(stretch: bool, fatigue: float) -> str:
    s = gn.summary(gn.NEURON.replace(fatigue=fatigue), stretch=stretch)
    start = gn.WITH_STRETCH.stretch_window_ms[0] / 1000
    when = tr("with a stretch from {start:g} s", start=start) if stretch else tr("no stretch")
    text = tr(
        "Fatigue {fatigue:.0f}%, {when}: during the voluntary contraction the motor neuron fires at {rate:.0f} Hz.",
        fatigue=fatigue * 100,
        when=when,
        rate=s.voluntary_rate_hz,
    )
    rested = gn.summary(gn.NEURON, stretch=stretch).voluntary_rate_hz
    if fatigue > 0 and s.voluntary_rate_hz > rested:  # the model's artefact, said where it shows
        text += " " + tr(
            "In the model fatigue also speeds this voluntary firing (rested: {rested:.0f} Hz); real motor units "
            "usually fire more slowly as they tire.",
            rested=rested,
        )
    if not s.cramp:
        if stretch:
            return (
                text
                + " "
                + tr("When the voluntary drive ends it falls silent: no cramp, so the stretch has nothing to stop.")
            )
        return text + " " + tr("When the voluntary drive ends it falls silent: no cramp.")
    text += " " + tr(
        "When the voluntary drive ends it keeps firing on its own at {rate:.0f} Hz: a cramp.", rate=s.after_rate_hz
    )
    if not stretch:
        return text + " " + tr("Without a stretch it goes on firing to the end of the trace.")
    if s.stretch_rate_hz == 0 and s.after_stretch_rate_hz == 0:
        return text + " " + tr("Stretching the muscle silences it, and it stays quiet after the stretch.")
    return text + " " + tr("Under the stretch it still fires at {rate:.0f} Hz.", rate=s.stretch_rate_hz)


class HysteresisView(View):
    """Explorer frame: firing rate against a slowly rising, then falling, synaptic input."""

    figsize = (7.5, 3.4)

    def __init__(self, fig, layout: Layout = WIDE):
        super().__init__(fig, layout)
        self.ax = self.panels(margins=dict(left=0.1, right=0.97, bottom=0.16, top=0.88))
        # one point per spike, joined: a line draws a few hundred spikes far faster than markers
        (self.up,) = self.dynamic(self.ax.plot([], [], "-", color=RATE, lw=1.4, label=tr("input rising")))
        (self.down,) = self.dynamic(self.ax.plot([], [], "-", color=FALLING, lw=1.4, label=tr("input falling")))
        self.ax.legend(loc="upper left")
        self.title = self.dynamic(self.ax.set_title(" "))
        self.ax.set_xlim(0, gn.RAMP_PEAK_MV)
        self.ax.set_ylim(0, TOP_HZ)
        self.ax.set_xlabel(tr("Synaptic input (mV of depolarisation)"))
        self.ax.set_ylabel(tr("Firing (Hz)"))

    def update(self, fatigue: float, pic_mv: float) -> str:
        h = gn.hysteresis(gn.NEURON.replace(pic_mv=pic_mv, fatigue=fatigue))
        inputs = gn.ramp()
        t, rate = instantaneous_rate(h.run.spikes_ms)
        idx = np.minimum(np.round(t / gn.DT_MS).astype(int), len(inputs) - 1)
        rising = idx < len(inputs) // 2
        self.up.set_data(inputs[idx[rising]], rate[rising])
        self.down.set_data(inputs[idx[~rising]], rate[~rising])
        if fatigue == 0.0:
            state = tr("rested")
        elif fatigue == 1.0:
            state = tr("fatigued")
        else:
            state = tr("{fatigue:.0f}% fatigued", fatigue=fatigue * 100)
        stop = tr("stops at {mv:.1f} mV", mv=h.stop_mv) if h.stops else tr("never stops")
        self.title.set_text(
            tr(
                "PIC {pic:.3g} mV, {state}: starts at {start:.1f} mV, {stop}",
                pic=pic_mv,
                state=state,
                start=h.start_mv,
                stop=stop,
            )
        )
        text = tr(
            "With a persistent inward current of {pic:.3g} mV and the reflexes of a {state} muscle, a slowly rising "
            "input starts the motor neuron firing at {start:.1f} mV;",
            pic=pic_mv,
            state=state,
            start=h.start_mv,
        )
        if not h.stops:
            return text + " " + tr("as the input falls back to zero it keeps firing: once started, it sustains itself.")
        if h.shows_hysteresis:
            return (
                text
                + " "
                + tr(
                    "as the input falls again it stops only at {stop:.1f} mV (hysteresis {width:.1f} mV).",
                    stop=h.stop_mv,
                    width=h.width_mv,
                )
            )
        return (
            text
            + " "
            + tr(
                "as the input falls again it stops at {stop:.1f} mV, about where it started: no hysteresis.",
                stop=h.stop_mv,
            )
        )


CRAMP = Spec(
    key="generator-cramp",
    title=N_("One motor neuron under reflex control"),
    basis=N_("illustrative: a hypothesis made explicit, no parameter fitted to data"),
    view=CrampView,
    controls=(
        Control("stretch", N_("Stretch"), (True, False), (N_("stretch the muscle"), N_("no stretch")), buttons=True),
        Control(
            "fatigue",
            N_("Fatigue (%)"),
            FATIGUE_LEVELS,
            tuple(Msg(N_("{percent:.0f}"), percent=f * 100) for f in FATIGUE_LEVELS),
            unit="%",
            live=(0.0, 1.0, 0.01),
        ),
    ),
)

HYSTERESIS = Spec(
    key="generator-hysteresis",
    title=N_("A slow ramp of input, up and down"),
    basis=N_("illustrative"),
    view=HysteresisView,
    controls=(
        Control(
            "fatigue",
            N_("Muscle"),
            (0.0, 1.0),
            (N_("rested"), N_("fatigued")),
            unit="%",
            buttons=True,
            live=(0.0, 1.0, 0.01),
        ),
        Control(
            "pic_mv",
            N_("Persistent inward current (mV)"),
            PIC_LEVELS_MV,
            unit="mV",
            start=PIC_LEVELS_MV.index(gn.NEURON.pic_mv),
            live=(0.0, 24.0, 0.1),
        ),
    ),
)
