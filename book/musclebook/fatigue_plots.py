"""Plots for the fatigue chapter: they take model output and draw on Axes."""

from __future__ import annotations

import numpy as np

from . import fatigue as fa

FORCE = "#0072B2"
POWER = "#D55E00"
RESTED = "#999999"
MARGINS = dict(left=0.08, right=0.98, bottom=0.16, top=0.87, wspace=0.3)
CAUSES = ("fatigue", "atp")
RELAXATION_LEVELS = (0.0, 0.25, 0.5, 0.75, 1.0)  # the relaxation explorer's slider [-]
POWER_LEVELS = tuple(i / 10 for i in range(11))  # the power explorer's slider [-]
LOWEST_ATP_MM = 0.01  # ATP at full "level" of the hypothetical ATP-depletion scenario [mM]


def fibre_for(cause: str, level: float) -> fa.Fibre:
    """The fibre of the relaxation explorer: fatigued as measured, or (hypothetically) short of ATP."""
    if cause == "fatigue":
        return fa.RESTED.with_(level=level)
    if cause == "atp":
        return fa.RESTED.with_(atp_mm=fa.NORMAL_ATP_MM * (LOWEST_ATP_MM / fa.NORMAL_ATP_MM) ** level)
    raise ValueError(f"unknown cause {cause!r}: expected one of {CAUSES}")


def setting_text(cause: str, level: float) -> str:
    fibre = fibre_for(cause, level)
    if cause == "fatigue":
        return f"fatigue {level * 100:.0f}% of the way to the measured fatigued state"
    return f"ATP {fibre.atp_mm:.2g} mM instead of {fa.NORMAL_ATP_MM:g} mM"


def plot_tetanus(ax, tet: fa.Tetanus, colour=FORCE, label=None, **style):
    ax.plot(tet.t_ms, tet.force * 100, color=colour, label=label, **style)
    ax.set_xlabel("Time (ms)")
    ax.set_ylabel("Force (% of rested tetanus)")
    ax.set_xlim(0, tet.t_ms[-1])
    ax.set_ylim(0, 110)
    ax.spines[["top", "right"]].set_visible(False)


def plot_relaxation(ax, tet: fa.Tetanus, colour=FORCE, label=None, until_ms: float = 150.0, mark=False, **style):
    """Force after stimulation ends, as % of this tetanus's own force, with its linear phase marked."""
    i_end = int(np.searchsorted(tet.t_ms, tet.end_ms))
    keep = slice(i_end, i_end + int(until_ms / fa.DT_MS))
    tetanic = tet.force[i_end]
    ax.plot(tet.t_ms[keep] - tet.end_ms, tet.force[keep] / tetanic * 100, color=colour, label=label, **style)
    if mark:
        phase = fa.linear_phase(tet)
        start = np.nonzero(tet.force[i_end:] < 0.98 * tetanic)[0]
        if start.size and np.isfinite(phase["duration_ms"]):
            t0 = tet.t_ms[i_end + start[0]] - tet.end_ms
            t1 = t0 + phase["duration_ms"]
            ax.axvspan(t0, t1, color="#FFF1C9", lw=0, zorder=0)
            ax.text((t0 + t1) / 2, 8, "linear\nphase", ha="center", fontsize=7.5)
    ax.set_xlabel("Time after stimulation ends (ms)")
    ax.set_ylabel("Force (% of its tetanus)")
    ax.set_xlim(0, until_ms)
    ax.set_ylim(0, 105)
    ax.spines[["top", "right"]].set_visible(False)


def draw_relaxation_explorer(fig, cause: str, level: float):
    left, right = fig.subplots(1, 2, gridspec_kw=MARGINS)
    rested = fa.tetanus(fa.RESTED)
    this = fa.tetanus(fibre_for(cause, level))
    plot_tetanus(left, rested, RESTED, "rested", ls="--", lw=1.5)
    plot_tetanus(left, this, FORCE, "this setting", lw=2)
    left.legend(frameon=False, fontsize=8, loc="upper right")
    plot_relaxation(right, rested, RESTED, "rested", ls="--", lw=1.5)
    plot_relaxation(right, this, FORCE, "this setting", lw=2, mark=True)
    right.legend(frameon=False, fontsize=8, loc="upper right")
    title = setting_text(cause, level)
    fig.suptitle(title[0].upper() + title[1:], fontsize=10)


def describe_relaxation(cause: str, level: float) -> str:
    r = fa.relaxation_vs_rested(fibre_for(cause, level))
    end = (
        f"{r['force_left_pct']:.0f}% of the force is still there {fa.AFTER_MS:.0f} ms after stimulation: "
        "cross-bridges without ATP cannot let go (rigor)"
        if r["force_left_pct"] > 5
        else "force returns to rest"
    )
    return (
        f"A {fa.TETANUS_MS:.0f} ms tetanus at {fa.TETANUS_HZ:.0f} Hz with {setting_text(cause, level)}: tetanic force "
        f"{r['tetanic_force_pct']:.0f}% of rested; in the linear phase of relaxation force falls at "
        f"{r['rate_pct']:.0f}% of the rested rate, for {r['duration_pct']:.0f}% of the rested time; {end}."
    )


def draw_power_explorer(fig, level: float):
    left, right = fig.subplots(1, 2, gridspec_kw=MARGINS)
    rested, this = fa.force_velocity(0.0), fa.force_velocity(level)
    for curve, colour, label, style in (
        (rested, RESTED, "rested", dict(ls="--", lw=1.5)),
        (this, None, "this level", dict(lw=2)),
    ):
        left.plot(curve["force"] * 100, curve["velocity"] * 100, color=colour or FORCE, label=label, **style)
        right.plot(curve["force"] * 100, curve["power"] * 100, color=colour or POWER, label=label, **style)
    left.set_xlabel("Load (% of rested isometric force)")
    left.set_ylabel("Shortening speed (% of rested max)")
    right.set_xlabel("Load (% of rested isometric force)")
    right.set_ylabel("Power (% of rested peak)")
    for ax in (left, right):
        ax.set_xlim(0, 105)
        ax.set_ylim(0, 105)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(frameon=False, fontsize=8, loc="upper right")
    fig.suptitle(f"Fatigue {level * 100:.0f}% of the way to the fatigued state", fontsize=10)


def describe_power(level: float) -> str:
    p = fa.hill_fatigued(level)
    return (
        f"At fatigue {level * 100:.0f}% of the way to the fatigued state: isometric force {p['f0'] * 100:.0f}%, "
        f"maximal shortening speed {p['vmax'] * 100:.0f}% and curvature a/F0 {p['curvature']:.2f} "
        f"(rested 0.25); peak power is {fa.peak_power(level) * 100:.0f}% of rested."
    )
