"""Plots for the twitch-to-tetanus chapter: they take model output and draw on Axes."""

from __future__ import annotations

from functools import cache

import numpy as np

from . import twitch as tw

COLOURS = {"slow": "#0072B2", "fast": "#D55E00"}  # colour-blind-safe (Okabe-Ito)
STIMULUS_COLOUR = "#555555"
MARGINS = dict(left=0.1, right=0.97, bottom=0.17, top=0.9)  # fixed figure margins (fractions)
FF_FREQUENCIES_HZ = (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 18, 20, 25, 30, 35, 40, 50, 60, 80, 100)


def plot_twitch(ax, t_ms, force, timing: tw.TwitchTiming, colour="#0072B2", label=None):
    """A single twitch with its latent period, contraction time and half-relaxation time marked."""
    ax.plot(t_ms, force * 100, color=colour, lw=2, label=label)
    onset = timing.latent_period_ms
    peak_t = onset + timing.contraction_time_ms
    peak = timing.peak_force * 100
    ax.axvline(0, color=STIMULUS_COLOUR, lw=1, ls=":")
    ax.text(-3, peak * 0.3, "stimulus", fontsize=8, color=STIMULUS_COLOUR, rotation=90, ha="right")
    ax.annotate(
        "", xy=(peak_t, peak * 1.02), xytext=(onset, peak * 1.02), arrowprops=dict(arrowstyle="<->", color=colour)
    )
    ax.text(
        peak_t + 8,
        peak * 1.02,
        f"contraction time {timing.contraction_time_ms:.0f} ms",
        va="center",
        fontsize=8,
        color=colour,
    )
    half_t = peak_t + timing.half_relaxation_ms
    ax.annotate("", xy=(half_t, peak / 2), xytext=(peak_t, peak / 2), arrowprops=dict(arrowstyle="<->", color=colour))
    ax.text(
        half_t + 5,
        peak / 2,
        f"half-relaxation {timing.half_relaxation_ms:.0f} ms",
        va="center",
        fontsize=8,
        color=colour,
    )
    ax.set_xlabel("Time after the stimulus (ms)")
    ax.set_ylabel("Force (% of maximal tetanus)")
    ax.set_ylim(0, peak * 1.25)
    ax.spines[["top", "right"]].set_visible(False)


def plot_train(ax, t_ms, force, stimuli_ms, colour="#0072B2", twitch=None):
    """Force during a stimulus train, the stimuli as ticks, optionally the single twitch dashed."""
    if twitch is not None:
        ax.plot(twitch[0], twitch[1] * 100, color=colour, lw=1, ls="--", label="single twitch")
    ax.plot(t_ms, force * 100, color=colour, lw=2, label="stimulus train")
    ax.vlines(stimuli_ms, -9, -3, color=STIMULUS_COLOUR, lw=0.8)
    ax.set_ylim(-10, 105)
    ax.set_xlim(0, t_ms[-1])
    ax.set_xlabel("Time (ms); ticks = stimuli")
    ax.set_ylabel("Force (% of maximal tetanus)")
    ax.legend(loc="upper right", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)


def plot_force_frequency(ax, frequencies_hz, forces, colour="#0072B2", label=None, mark_hz=None):
    """Peak force against stimulation frequency, optionally with one frequency marked."""
    frequencies_hz = np.asarray(frequencies_hz, dtype=float)
    forces = np.asarray(forces, dtype=float)
    ax.plot(frequencies_hz, forces * 100, color=colour, lw=2, label=label)
    if mark_hz is not None:
        ax.plot([mark_hz], [np.interp(mark_hz, frequencies_hz, forces) * 100], "o", color=colour, ms=8)
    ax.set_xscale("log")
    ax.set_xticks([1, 2, 5, 10, 20, 50, 100], ["1", "2", "5", "10", "20", "50", "100"])
    ax.set_xlabel("Stimulation frequency (Hz)")
    ax.set_ylabel("Peak force (% of max)")
    ax.set_ylim(0, 105)
    ax.spines[["top", "right"]].set_visible(False)


@cache
def force_frequency_curve(unit: tw.Unit):
    """The force-frequency curve of a unit at ``FF_FREQUENCIES_HZ`` (cached)."""
    return np.array(FF_FREQUENCIES_HZ, dtype=float), tw.force_frequency(FF_FREQUENCIES_HZ, unit)


TRAIN_MS = 600.0  # stimulus train shown by the explorers [ms]
WINDOW_MS = 1800.0  # time shown: long enough for the slowest explorer unit to relax fully [ms]


def draw_train_explorer(fig, frequency_hz: float, unit: tw.Unit, duration_ms: float = TRAIN_MS):
    """Explorer frame: the force trace of a train (left) and where it sits on the force-frequency curve."""
    left, right = fig.subplots(1, 2, width_ratios=[2.2, 1], gridspec_kw=dict(MARGINS, left=0.08, wspace=0.28))
    colour = COLOURS.get(unit.name, "#0072B2")
    t, force, stimuli = tw.simulate(frequency_hz, unit, duration_ms, record_ms=WINDOW_MS)
    single_t, single_f, _ = tw.simulate(0.0, unit, 1.0, record_ms=WINDOW_MS)
    plot_train(left, t, force, stimuli, colour, twitch=(single_t, single_f))
    left.set_title(f"{unit_title(unit)}, {frequency_hz:g} Hz", fontsize=10)
    freqs, forces = force_frequency_curve(unit)
    plot_force_frequency(right, freqs, forces, colour, mark_hz=frequency_hz)


def unit_title(unit: tw.Unit) -> str:
    """How a unit is named in titles and captions, with its relaxation if changed."""
    title = f"{unit.name} unit"
    if unit.relaxation_factor != 1.0:
        title += f", relaxation slowed ×{unit.relaxation_factor:g}"
    return title


def describe_train(frequency_hz: float, unit: tw.Unit, duration_ms: float = TRAIN_MS) -> str:
    """Text alternative for a train frame, with the numbers a reader would read off the figure."""
    state = tw.steady_state(frequency_hz, unit, duration_ms)
    if state.ripple > 0.95:
        pattern = "separate twitches: force falls back to rest between stimuli"
    elif state.ripple > 0.5:
        pattern = "summation: each twitch starts before the last has relaxed (unfused tetanus)"
    elif state.ripple > 0.02:
        pattern = "partly fused tetanus: force ripples around a plateau and never falls below half of its peak"
    else:
        pattern = "fused tetanus: a smooth plateau"
    return (
        f"{unit_title(unit).capitalize()}, stimulated at {frequency_hz:g} Hz for {duration_ms:.0f} ms: "
        f"peak force {state.peak * 100:.0f}% of maximal tetanic force, {pattern}. "
        "When the stimuli stop, force falls back to rest."
    )


def draw_twitch(fig, unit: tw.Unit):
    """Figure: one twitch of ``unit`` with its timing marked."""
    ax = fig.subplots(gridspec_kw=MARGINS)
    t_ms, force, _ = tw.simulate(0.0, unit, duration_ms=1.0, record_ms=450.0)
    plot_twitch(ax, t_ms, force, tw.twitch_timing(unit), colour=COLOURS.get(unit.name, "#0072B2"))


def describe_twitch(unit: tw.Unit) -> str:
    timing = tw.twitch_timing(unit)
    return (
        f"A single twitch of the {unit.name} model unit: after a latent period of {timing.latent_period_ms:.0f} ms "
        f"force rises for {timing.contraction_time_ms:.0f} ms to a peak of {timing.peak_force * 100:.0f}% of maximal "
        f"tetanic force, falls to half of the peak {timing.half_relaxation_ms:.0f} ms later and returns to rest."
    )


def draw_force_frequency(fig, units, band_hz=None, band_label=None):
    """Figure: force-frequency curves of several units, optionally with a measured band shaded."""
    ax = fig.subplots(gridspec_kw=MARGINS)
    if band_hz is not None:
        ax.axvspan(*band_hz, color="0.9", label=band_label)
    for unit in units:
        freqs, forces = force_frequency_curve(unit)
        plot_force_frequency(ax, freqs, forces, colour=COLOURS.get(unit.name), label=f"{unit.name} unit (model)")
    ax.legend(fontsize=8, frameon=False, loc="upper left")


def describe_force_frequency(units, band_hz=None, band_label=None) -> str:
    parts = [
        f"the {u.name} unit's curve reaches half of its maximal force at {tw.half_max_frequency_hz(u):.1f} Hz"
        for u in units
    ]
    text = (
        f"S-shaped force-frequency curves of the model, rising from the single-twitch force of "
        f"{units[0].twitch_tetanus_ratio * 100:.0f}% towards 100% of maximal force: " + "; ".join(parts) + "."
    )
    if band_hz is not None:
        text += f" A shaded band from {band_hz[0]:g} to {band_hz[1]:g} Hz marks {band_label}."
    return text


def draw_twitch_comparison(fig, units):
    """Figure: single twitches of several units on one time axis."""
    ax = fig.subplots(gridspec_kw=MARGINS)
    for unit in units:
        t_ms, force, _ = tw.simulate(0.0, unit, duration_ms=1.0, record_ms=450.0)
        ax.plot(t_ms, force * 100, color=COLOURS.get(unit.name), lw=2, label=f"{unit.name} unit")
    ax.set_xlabel("Time after the stimulus (ms)")
    ax.set_ylabel("Force (% of maximal tetanus)")
    ax.legend(frameon=False)
    ax.spines[["top", "right"]].set_visible(False)


def describe_twitch_comparison(units) -> str:
    parts = []
    for unit in units:
        timing = tw.twitch_timing(unit)
        parts.append(
            f"the {unit.name} unit peaks {timing.contraction_time_ms:.0f} ms after force onset and falls "
            f"to half {timing.half_relaxation_ms:.0f} ms after its peak"
        )
    return "Single twitches of the model units, drawn on one time axis: " + "; ".join(parts) + "."
