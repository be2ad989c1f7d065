"""Plots for the cross-bridge chapter: they take model output and draw on Axes."""

from __future__ import annotations

from functools import cache

import numpy as np
from matplotlib.patches import FancyArrowPatch

from . import crossbridge as cb

CYCLING = "#0072B2"
RIGOR = "#D55E00"
ATTACHED = "#333333"
CALCIUM = "#E8F4EE"
MARGINS = dict(left=0.08, right=0.98, bottom=0.17, top=0.87, wspace=0.32)
ATP_GRID_MM = np.geomspace(0.0003, 10, 25)  # the curve of the right-hand panel [mM]


def plot_run(ax, run: cb.Run):
    """Fractions of heads attached, in each attached state, against time; calcium shaded."""
    ax.axvspan(0, run.calcium_off_ms, color=CALCIUM, lw=0)
    ax.text(run.calcium_off_ms / 2, 3, "calcium present", ha="center", va="bottom", fontsize=8, color="#1b6e4a")
    ax.plot(run.t_ms, run.attached * 100, color=ATTACHED, lw=2, label="attached (force)")
    ax.plot(run.t_ms, run.cycling * 100, color=CYCLING, lw=1.5, ls="--", label="attached, holding ADP")
    ax.plot(run.t_ms, run.rigor * 100, color=RIGOR, lw=1.5, ls=":", label="rigor: no nucleotide")
    ax.set_xlim(0, run.t_ms[-1])
    ax.set_ylim(0, 100)
    ax.set_xlabel("Time (ms)")
    ax.set_ylabel("Myosin heads (%)")
    ax.spines[["top", "right"]].set_visible(False)


@cache
def late_attached_curve(cycle: cb.Cycle = cb.CYCLE) -> tuple[np.ndarray, np.ndarray]:
    """Heads still attached ``LATE_MS`` after calcium removal, over ``ATP_GRID_MM`` [%]."""
    late = [cb.summary(cycle.with_(atp_mm=float(atp)))["attached_late"] * 100 for atp in ATP_GRID_MM]
    return ATP_GRID_MM, np.array(late)


def plot_late_attached(ax, atp_mm: float, cycle: cb.Cycle = cb.CYCLE):
    atp, late = late_attached_curve(cycle)
    ax.axvspan(1, ATP_GRID_MM[-1], color="#EEEEEE", lw=0)
    ax.text(2.6, 50, "rest and\nfatigue:\nmillimolar", ha="center", va="center", fontsize=8)
    ax.plot(atp, late, color=RIGOR, lw=2)
    ax.plot([atp_mm], [cb.summary(cycle.with_(atp_mm=atp_mm))["attached_late"] * 100], "o", color=ATTACHED, ms=8)
    ax.set_xscale("log")
    ax.set_xlim(ATP_GRID_MM[0], ATP_GRID_MM[-1])
    ax.set_ylim(0, 105)
    ax.set_xlabel("ATP (mM, log scale)")
    ax.set_ylabel(f"Still attached {cb.LATE_MS:.0f} ms\nafter calcium removal (%)")
    ax.spines[["top", "right"]].set_visible(False)


def draw_atp_explorer(fig, atp_mm: float, cycle: cb.Cycle = cb.CYCLE):
    left, right = fig.subplots(1, 2, gridspec_kw=dict(MARGINS, width_ratios=[1.4, 1]))
    plot_run(left, cb.simulate(cycle.with_(atp_mm=atp_mm)))
    left.legend(
        frameon=False,
        fontsize=7.5,
        ncol=3,
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        borderaxespad=0.2,
        handlelength=1.8,
        columnspacing=1.0,
    )
    plot_late_attached(right, atp_mm, cycle)
    right.set_title(f"ATP {atp_mm:g} mM", fontsize=10)


def _time_text(ms: float) -> str:
    return f"{ms:.0f} ms" if np.isfinite(ms) else "longer than the trace"


def describe_atp(atp_mm: float, cycle: cb.Cycle = cb.CYCLE) -> str:
    s = cb.summary(cycle.with_(atp_mm=atp_mm))
    n = cb.summary(cycle)
    return (
        f"With {atp_mm:g} mM ATP, while calcium is present {s['attached_during'] * 100:.0f}% of the myosin heads are "
        f"attached, {s['rigor_during'] * 100:.0f}% of them in rigor with no nucleotide. After calcium is removed, "
        f"half of the attached heads let go within {_time_text(s['detachment_half_time_ms'])} "
        f"(at normal ATP {_time_text(n['detachment_half_time_ms'])}); {cb.LATE_MS:.0f} ms later "
        f"{s['attached_late'] * 100:.0f}% are still attached (at normal ATP {n['attached_late'] * 100:.0f}%)."
    )


# ---------------------------------------------------------------- the cycle as a diagram

STATES = {  # name: (x, y, colour, text)
    "detached": (0.2, 0.5, "#FFFFFF", "Detached\nhead holds\nADP + Pi"),
    "cycling": (0.62, 0.8, "#DCEBF7", "Attached,\nholds ADP:\npower stroke"),
    "rigor": (0.62, 0.2, "#FBE3D6", "Rigor:\nattached,\nno nucleotide"),
}


def draw_cycle(fig):
    """The three states and the steps between them, with what each step needs."""
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.axis("off")
    for x, y, colour, text in STATES.values():
        ax.text(
            x,
            y,
            text,
            ha="center",
            va="center",
            fontsize=10,
            bbox=dict(boxstyle="round,pad=0.5", fc=colour, ec="#333333"),
        )
    arrows = [  # (from, to, bend, label, label position)
        ((0.26, 0.64), (0.52, 0.84), -0.25, "binds actin\n(needs calcium:\nsites uncovered)", (0.3, 0.88)),
        ((0.72, 0.66), (0.72, 0.34), -0.5, "stroke,\nADP released", (0.86, 0.5)),
        ((0.52, 0.16), (0.22, 0.36), -0.25, "ATP binds:\nhead lets go,\nATP split", (0.3, 0.1)),
    ]
    for start, end, bend, label, where in arrows:
        ax.add_patch(
            FancyArrowPatch(
                start,
                end,
                connectionstyle=f"arc3,rad={bend}",
                arrowstyle="-|>",
                mutation_scale=16,
                color="#333333",
                lw=1.5,
            )
        )
        ax.text(*where, label, ha="center", va="center", fontsize=8.5, color="#222222")
    ax.text(0.86, 0.13, "no ATP:\nthe cycle\nstops here", ha="center", va="center", fontsize=8.5, color=RIGOR)


def describe_cycle() -> str:
    return (
        "The cross-bridge cycle as three states: a detached myosin head holding ADP and phosphate binds actin "
        "where calcium has uncovered the sites; the attached head makes its power stroke and releases ADP, "
        "leaving it in rigor, bound with no nucleotide; only when a new ATP binds does the head let go, and "
        "splitting that ATP re-cocks it. Without ATP the cycle stops in rigor."
    )
