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
    top.set_title(f"Excitation {excitation * 100:.0f}% of maximum, {mode} (every {SHOWN_EVERY}th unit shown)",
                  fontsize=10)


def describe_pool(excitation: float, in_phase: bool, pool: mu.Pool = mu.Pool()) -> str:
    result = mu.simulate(pool.with_(in_phase=in_phase), excitation)
    mean, ripple = result.steady()
    rates = result.rates_hz[result.rates_hz > 0]
    firing = (f"all at {rates[0]:.0f} Hz, in phase" if in_phase
              else f"at {rates.min():.0f} to {rates.max():.0f} Hz, independently")
    return (f"Excitation {excitation * 100:.0f}% of maximum recruits the {len(rates)} smallest of "
            f"{pool.n_units} motor units, firing {firing}. Together they make "
            f"{mean / mu.max_force(pool) * 100:.0f}% of maximal force, which ripples by "
            f"{ripple * 100:.1f}% around its mean.")
