"""Plots for the nerve chapter: they take model output and draw on Axes."""

from __future__ import annotations

import numpy as np

from . import nerve as nv

MYELINATED = "#0072B2"
UNMYELINATED = "#D55E00"
MARGINS = dict(left=0.1, right=0.97, bottom=0.16, top=0.87, wspace=0.35)
EXPLORER_DIAMETERS_UM = (0.2, 0.5, 1.0, 1.5, 2.0, 4.0, 6.0, 10.0, 15.0, 20.0)


def plot_velocity_curves(ax, diameter_um: float | None = None):
    lo, hi = nv.MYELINATED_RANGE_UM
    d = np.geomspace(lo, hi, 100)
    ax.plot(d, nv.myelinated_velocity(d), color=MYELINATED, lw=2, label="myelinated (Hursh)")
    lo_u, hi_u = nv.UNMYELINATED_RANGE_UM
    d_u = np.geomspace(lo_u, hi_u, 50)
    ax.plot(d_u, nv.unmyelinated_velocity(d_u), color=UNMYELINATED, lw=2, label="unmyelinated (√d)")
    d_x = np.geomspace(hi_u, 20, 50)
    ax.plot(d_x, nv.unmyelinated_velocity(d_x), color=UNMYELINATED, lw=1.2, ls=":", label="√d, extrapolated")
    if diameter_um is not None:
        if lo <= diameter_um <= hi:
            ax.plot([diameter_um], nv.myelinated_velocity(diameter_um), "o", color=MYELINATED, ms=8)
        ax.plot([diameter_um], nv.unmyelinated_velocity(diameter_um), "o", color=UNMYELINATED, ms=8)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(0.15, 25)
    ax.set_ylim(0.3, 200)
    ax.set_xlabel("Fibre diameter (µm, log scale)")
    ax.set_ylabel("Conduction velocity (m/s, log scale)")
    ax.legend(frameon=False, fontsize=7.5, loc="upper left")
    ax.spines[["top", "right"]].set_visible(False)


def fibres_at(diameter_um: float) -> list[tuple[str, float, str]]:
    """(label, velocity, colour) of the fibres that exist at this diameter."""
    fibres = []
    lo, hi = nv.MYELINATED_RANGE_UM
    if lo <= diameter_um <= hi:
        fibres.append(("myelinated", float(nv.myelinated_velocity(diameter_um)), MYELINATED))
    lo_u, hi_u = nv.UNMYELINATED_RANGE_UM
    label = "unmyelinated" if lo_u <= diameter_um <= hi_u else "unmyelinated (hypothetical)"
    fibres.append((label, float(nv.unmyelinated_velocity(diameter_um)), UNMYELINATED))
    return fibres


def draw_conduction_explorer(fig, diameter_um: float):
    left, right = fig.subplots(1, 2, gridspec_kw=MARGINS)
    plot_velocity_curves(left, diameter_um)
    fibres = fibres_at(diameter_um)
    times = [float(nv.travel_time_ms(nv.SPINAL_CORD_TO_CALF_M, v)) for _, v, _ in fibres]
    y = np.arange(len(fibres))
    right.barh(y, times, color=[c for *_, c in fibres], height=0.5)
    right.set_yticks(y, [f"{name}\n{v:.1f} m/s" for name, v, _ in fibres], fontsize=8)
    right.set_xscale("log")
    right.set_xlim(5, 3000)
    right.set_xlabel(f"Time to travel {nv.SPINAL_CORD_TO_CALF_M:g} m (ms, log scale)")
    for yi, t in zip(y, times):
        right.text(t * 1.1, yi, f"{t:.0f} ms", va="center", fontsize=8)
    right.spines[["top", "right"]].set_visible(False)
    fig.suptitle(f"A fibre {diameter_um:g} µm thick", fontsize=10)


def describe_conduction(diameter_um: float) -> str:
    parts = [
        f"{name} {v:.1f} m/s, {float(nv.travel_time_ms(nv.SPINAL_CORD_TO_CALF_M, v)):.0f} ms to cover "
        f"{nv.SPINAL_CORD_TO_CALF_M:g} m"
        for name, v, _ in fibres_at(diameter_um)
    ]
    return f"A nerve fibre {diameter_um:g} µm thick conducts: " + "; ".join(parts) + "."
