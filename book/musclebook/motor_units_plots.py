"""Plots for the motor-unit chapter: they take model output and draw on Axes."""

from __future__ import annotations

import numpy as np

from . import motor_units as mu

SPIKES = "#333333"
FORCE = "#0072B2"
MARGINS = dict(left=0.13, right=0.97, bottom=0.13, top=0.93, hspace=0.45)
SHOWN_EVERY = 4  # raster shows every 4th unit of the pool


def plot_raster(ax, result: mu.PoolForce, every: int = SHOWN_EVERY):
    """Spike times of every ``every``-th unit, smallest at the bottom."""
    rows = range(0, len(result.spikes), every)
    for row, i in enumerate(rows):
        ax.vlines(result.spikes[i], row + 0.1, row + 0.9, color=SPIKES, lw=0.8)
    ax.set_ylim(0, len(rows))
    ax.set_xlim(0, result.t_ms[-1])
    ax.set_yticks([0.5, len(rows) - 0.5], ["smallest", "largest"])
    ax.set_ylabel("Motor units")
    ax.spines[["top", "right"]].set_visible(False)


def plot_pool_force(ax, result: mu.PoolForce, full_force: float):
    ax.plot(result.t_ms, result.force / full_force * 100, color=FORCE, lw=1.8)
    ax.axvspan(*mu.WINDOW_MS, color="0.93", lw=0)
    ax.set_xlim(0, result.t_ms[-1])
    ax.set_ylim(0, 110)
    ax.set_xlabel("Time (ms); shaded: where mean force and ripple are measured")
    ax.set_ylabel("Force (% of maximum)")
    ax.spines[["top", "right"]].set_visible(False)


def draw_pool_explorer(fig, excitation: float, in_phase: bool, pool: mu.Pool = mu.Pool()):
    """Explorer frame: which units fire (top) and the force they make together (bottom)."""
    top, bottom = fig.subplots(2, 1, height_ratios=[1.2, 1], gridspec_kw=MARGINS)
    result = mu.simulate(pool.with_(in_phase=in_phase), excitation)
    plot_raster(top, result)
    plot_pool_force(bottom, result, mu.max_force(pool))
    mode = f"all units in phase at {pool.in_phase_rate_hz:g} Hz" if in_phase else "units firing independently"
    top.set_title(
        f"Excitation {excitation * 100:.0f}% of maximum, {mode} (every {SHOWN_EVERY}th unit shown)", fontsize=10
    )


def describe_pool(excitation: float, in_phase: bool, pool: mu.Pool = mu.Pool()) -> str:
    result = mu.simulate(pool.with_(in_phase=in_phase), excitation)
    mean, ripple = result.steady()
    rates = result.rates_hz[result.rates_hz > 0]
    firing = (
        f"all at {rates[0]:.0f} Hz, in phase"
        if in_phase
        else f"at {rates.min():.0f} to {rates.max():.0f} Hz, independently"
    )
    return (
        f"Excitation {excitation * 100:.0f}% of maximum recruits the {len(rates)} smallest of "
        f"{pool.n_units} motor units, firing {firing}. Together they make "
        f"{mean / mu.max_force(pool) * 100:.0f}% of maximal force, which ripples by "
        f"{ripple * 100:.1f}% around its mean."
    )


# ---------------------------------------------------------------- stimulus voltage (lab practical)

STIMULUS_V = (0.8, 1.1, 1.3, 1.5, 1.8, 2.1, 2.4, 2.7, 3.0, 3.5)  # the explorer's voltages [V]
CURVE_V = np.linspace(0.5, 3.8, 120)


def draw_stimulus_explorer(fig, volts: float, pool: mu.Pool = mu.Pool()):
    """Explorer frame: the twitch one shock evokes (left) and the stimulus-response curve (right)."""
    left, right = fig.subplots(1, 2, gridspec_kw=dict(left=0.09, right=0.98, bottom=0.16, top=0.87, wspace=0.3))
    maximal = mu.shock_twitch(pool, mu.STIMULUS_RANGE_V[1])
    t, force = mu.shock_twitch(pool, volts)
    left.plot(maximal[0], maximal[1] / maximal[1].max() * 100, color="#999999", ls="--", lw=1.5, label="maximal")
    left.plot(t, force / maximal[1].max() * 100, color=FORCE, lw=2, label=f"{volts:g} V")
    left.set_xlabel("Time after the shock (ms)")
    left.set_ylabel("Force (% of maximal twitch)")
    left.set_ylim(0, 110)
    left.legend(frameon=False, fontsize=8, loc="upper right")
    curve = mu.stimulus_response(pool, CURVE_V) * 100
    right.plot(CURVE_V, curve, color=FORCE, lw=1.5)
    right.plot([volts], mu.stimulus_response(pool, volts) * 100, "o", color=SPIKES, ms=8)
    low, high = mu.STIMULUS_RANGE_V
    right.axvline(low, color="#999999", lw=0.8, ls=":")
    right.axvline(high, color="#999999", lw=0.8, ls=":")
    right.text(low, 104, "threshold", ha="center", fontsize=7.5)
    right.text(high, 104, "maximal", ha="center", fontsize=7.5)
    right.set_xlabel("Stimulus (V)")
    right.set_ylabel("Twitch peak (% of maximal)")
    right.set_ylim(0, 112)
    for ax in (left, right):
        ax.spines[["top", "right"]].set_visible(False)
    left.set_title(f"{mu.units_excited(pool, volts)} of {pool.n_units} axons excited", fontsize=10)


def describe_stimulus(volts: float, pool: mu.Pool = mu.Pool()) -> str:
    n = mu.units_excited(pool, volts)
    peak = float(mu.stimulus_response(pool, volts)[0]) * 100
    low, high = mu.STIMULUS_RANGE_V
    if volts < low:
        stage = "below threshold: no axon is excited and the muscle does not twitch"
    elif volts < high:
        stage = "between threshold and maximal: a stronger shock excites more axons and the twitch grows"
    elif volts == high:
        stage = "maximal: this is the weakest shock that excites every axon"
    else:
        stage = "supramaximal: every axon is already excited, so the stronger shock adds nothing"
    return (
        f"A single {volts:g} V shock to the nerve excites {n} of {pool.n_units} motor axons and evokes a "
        f"twitch of {peak:.0f}% of the maximal twitch; {stage}."
    )
