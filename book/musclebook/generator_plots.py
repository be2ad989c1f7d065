"""Plots for the cramp-generator chapter: they take model output and draw on Axes."""

from __future__ import annotations

import numpy as np

from . import generator as gn

RATE = "#0072B2"
FORCE = "#009E73"
DRIVE = "#E8F0FA"
STRETCH = "#FBE3D6"
MARGINS = dict(left=0.1, right=0.97, bottom=0.13, top=0.9, hspace=0.35)
FATIGUE_LEVELS = (0.0, 0.25, 0.5, 0.75, 1.0)
PIC_LEVELS_MV = (0.0, 6.0, 12.0, 18.0, 24.0)


def instantaneous_rate(spikes_ms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Times [ms] and rates [Hz] from interspike intervals (each rate placed at the later spike)."""
    if spikes_ms.size < 2:
        return np.array([]), np.array([])
    return spikes_ms[1:], 1000.0 / np.diff(spikes_ms)


def shade_protocol(ax, protocol: gn.Protocol, stretch: bool, label: bool = False):
    """Shade the voluntary contraction and the stretch (time axis in s)."""
    d0, d1 = (t / 1000 for t in protocol.drive_ms)
    ax.axvspan(d0, d1, color=DRIVE, lw=0)
    if stretch and protocol.stretch_ms:
        ax.axvspan(*(t / 1000 for t in protocol.stretch_ms), color=STRETCH, lw=0)
    if label:
        ax.text(
            (d0 + d1) / 2,
            0.97,
            "voluntary\ncontraction",
            transform=ax.get_xaxis_transform(),
            ha="center",
            va="top",
            fontsize=7.5,
        )
        if stretch and protocol.stretch_ms:
            s0, s1 = (t / 1000 for t in protocol.stretch_ms)
            ax.text(
                (s0 + s1) / 2, 0.97, "stretch", transform=ax.get_xaxis_transform(), ha="center", va="top", fontsize=7.5
            )


def draw_cramp_explorer(fig, fatigue: float, stretch: bool):
    top, bottom = fig.subplots(2, 1, gridspec_kw=MARGINS, sharex=True)
    protocol = gn.Protocol() if stretch else gn.Protocol(stretch_ms=None)
    run = gn.simulate(gn.NEURON.with_(fatigue=fatigue), protocol)
    t, rate = instantaneous_rate(run.spikes_ms)
    shade_protocol(top, protocol, stretch, label=True)
    top.vlines(run.spikes_ms / 1000, 0, 6, color="#333333", lw=0.5)
    top.plot(t / 1000, rate, ".", color=RATE, ms=3)
    top.set_ylim(0, 80)
    top.set_ylabel("Firing (Hz)")
    shade_protocol(bottom, protocol, stretch)
    bottom.plot(run.t_ms / 1000, run.force * 100, color=FORCE, lw=1.5)
    bottom.set_ylim(0, 100)
    bottom.set_ylabel("Force (%)")
    bottom.set_xlabel("Time (s)")
    for ax in (top, bottom):
        ax.set_xlim(0, protocol.duration_ms / 1000)
        ax.spines[["top", "right"]].set_visible(False)
    when = f"stretch from {protocol.stretch_ms[0] / 1000:g} s" if stretch else "no stretch"
    top.set_title(f"Fatigue {fatigue * 100:.0f}%, {when}", fontsize=10)


def describe_cramp(fatigue: float, stretch: bool) -> str:
    s = gn.summary(gn.NEURON.with_(fatigue=fatigue), stretch=stretch)
    start = gn.Protocol().stretch_ms[0] / 1000
    text = (
        f"Fatigue {fatigue * 100:.0f}%, {'with a stretch from ' + format(start, 'g') + ' s' if stretch else 'no stretch'}: "
        f"during the voluntary contraction the motor neuron fires at {s['voluntary_rate_hz']:.0f} Hz. "
    )
    if not s["cramp"]:
        return (
            text
            + "When the voluntary drive ends it falls silent: no cramp"
            + (", so the stretch has nothing to stop." if stretch else ".")
        )
    text += f"When the voluntary drive ends it keeps firing on its own at {s['after_rate_hz']:.0f} Hz: a cramp. "
    if not stretch:
        return text + "Without a stretch it goes on firing to the end of the trace."
    if s["stretch_rate_hz"] == 0 and s["after_stretch_rate_hz"] == 0:
        return text + "Stretching the muscle silences it, and it stays quiet after the stretch."
    return text + f"Under the stretch it still fires at {s['stretch_rate_hz']:.0f} Hz."


def draw_hysteresis_explorer(fig, pic_mv: float, fatigue: float):
    ax = fig.subplots(1, 1, gridspec_kw=dict(left=0.1, right=0.97, bottom=0.15, top=0.88))
    h = gn.hysteresis(gn.NEURON.with_(pic_mv=pic_mv, fatigue=fatigue))
    run, inputs = h["run"], gn.ramp()
    t, rate = instantaneous_rate(run.spikes_ms)
    if t.size:
        idx = np.minimum((t / gn.DT_MS).astype(int), len(inputs) - 1)
        up = idx < len(inputs) // 2
        ax.plot(inputs[idx[up]], rate[up], ".", color=RATE, ms=3, label="input rising")
        ax.plot(inputs[idx[~up]], rate[~up], ".", color="#D55E00", ms=3, label="input falling")
        ax.legend(frameon=False, fontsize=8, loc="upper left", markerscale=3)
    ax.set_xlim(0, gn.RAMP_PEAK_MV)
    ax.set_ylim(0, 130)
    ax.set_xlabel("Synaptic input (mV of depolarisation)")
    ax.set_ylabel("Firing (Hz)")
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(
        f"PIC {pic_mv:g} mV, {'fatigued' if fatigue else 'rested'}: starts at {h['start_mv']:.1f} mV, "
        f"stops at {h['stop_mv']:.1f} mV",
        fontsize=10,
    )


def describe_hysteresis(pic_mv: float, fatigue: float) -> str:
    h = gn.hysteresis(gn.NEURON.with_(pic_mv=pic_mv, fatigue=fatigue))
    return (
        f"With a persistent inward current of {pic_mv:g} mV and the reflexes of a "
        f"{'fatigued' if fatigue else 'rested'} muscle, a slowly rising input starts the motor neuron firing at "
        f"{h['start_mv']:.1f} mV; as the input falls again it stops only at {h['stop_mv']:.1f} mV "
        f"(hysteresis {max(h['width_mv'], 0):.1f} mV)."
    )
