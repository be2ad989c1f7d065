"""Plots for the length-and-speed chapter: they take model output and draw on Axes."""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Rectangle

from . import length_speed as ls

ACTIN = "#D55E00"
MYOSIN = "#0072B2"
CURVE = "#333333"
MARGINS = dict(left=0.1, right=0.97, bottom=0.14, top=0.93)
SPAN_UM = 4.4  # width of the sarcomere drawing [µm]
LENGTHS_UM = np.linspace(1.2, 4.4, 321)
EXPLORER_LENGTHS_UM = [1.3, 1.5, 1.67, 1.8, 2.0, 2.1, 2.25, 2.4, 2.55, 2.64, 2.8, 3.0, 3.2, 3.4, 3.65, 3.9, 4.24]


def plot_sarcomere(ax, sarcomere_length_um: float, filaments: ls.Filaments = ls.FROG, span_um: float = SPAN_UM):
    """One sarcomere drawn to scale: Z-lines, thin filaments, the thick filament and their overlap."""
    half, centre = sarcomere_length_um / 2, span_um / 2
    left_z, right_z = centre - half, centre + half
    thin = filaments.thin_across_z_um / 2
    for z in (left_z, right_z):
        ax.add_patch(Rectangle((z - 0.02, 0.05), 0.04, 0.9, color="0.3"))
    for y in (0.2, 0.5, 0.8):  # thin filaments from each Z-line
        ax.plot([left_z, left_z + thin], [y, y], color=ACTIN, lw=2.5)
        ax.plot([right_z - thin, right_z], [y, y], color=ACTIN, lw=2.5)
    for y in (0.35, 0.65):  # thick filaments, bare zone in the middle
        ax.add_patch(Rectangle((centre - ls.THICK_FILAMENT_UM / 2, y - 0.05), ls.THICK_FILAMENT_UM, 0.1, color=MYOSIN))
        ax.add_patch(
            Rectangle((centre - filaments.bare_zone_um / 2, y - 0.05), filaments.bare_zone_um, 0.1, color="#9ecae1")
        )
    overlap = ls.filament_overlap_um(sarcomere_length_um, filaments)
    if overlap > 0:  # left half: from where myosin heads begin to where the thin filament ends
        start = max(left_z, centre - ls.THICK_FILAMENT_UM / 2)
        for x in (start, 2 * centre - start - overlap):
            ax.add_patch(Rectangle((x, 0.02), overlap, 0.96, color="#009E73", alpha=0.18, lw=0))
    ax.set_xlim(0, span_um)
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    ax.set_xlabel("Position along the fibre (µm); green = thin filaments beside myosin heads")
    ax.set_title(f"{filaments.name.capitalize()}: sarcomere length {sarcomere_length_um:.2f} µm", fontsize=10)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


def plot_length_tension(
    ax,
    mark_um: float | None = None,
    filaments: ls.Filaments = ls.FROG,
    compare: ls.Filaments | None = None,
    calf: bool = False,
):
    """The length-tension curve, optionally with one sarcomere length marked, a second curve for
    comparison (dashed) and the calf's positions (foot pointed, foot pulled up) marked on it."""
    if compare is not None:
        ax.plot(
            LENGTHS_UM,
            ls.isometric_tension(LENGTHS_UM, compare) * 100,
            color="0.6",
            lw=1.5,
            ls="--",
            label=compare.name,
        )
    ax.plot(LENGTHS_UM, ls.isometric_tension(LENGTHS_UM, filaments) * 100, color=CURVE, lw=2, label=filaments.name)
    if calf:
        for length, text, offset, align in (
            (ls.CALF_POINTED_UM, "calf, foot pointed", (6, -14), "left"),
            (ls.CALF_STRETCHED_UM, "calf stretched", (-8, 6), "right"),
        ):
            tension = float(ls.isometric_tension(length, filaments)) * 100
            ax.plot([length], [tension], "s", color=ACTIN, ms=6)
            ax.annotate(
                text, (length, tension), xytext=offset, textcoords="offset points", ha=align, fontsize=8, color=ACTIN
            )
    if mark_um is not None:
        ax.plot([mark_um], [float(ls.isometric_tension(mark_um, filaments)) * 100], "o", color="#009E73", ms=9)
    ax.set_xlabel("Sarcomere length (µm)")
    ax.set_ylabel("Isometric tension (% of max)")
    ax.set_xlim(LENGTHS_UM[0], LENGTHS_UM[-1])
    ax.set_ylim(0, 110)
    if compare is not None:
        ax.legend(loc="upper right", frameon=False, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)


def draw_length_explorer(fig, muscle: str, sarcomere_length_um: float):
    """Explorer frame: the sarcomere (top) and where it sits on the length-tension curve (bottom)."""
    filaments = ls.MUSCLES[muscle]
    other = ls.HUMAN if filaments is ls.FROG else ls.FROG
    top, bottom = fig.subplots(2, 1, height_ratios=[1, 1.3], gridspec_kw=dict(MARGINS, hspace=0.75))
    plot_sarcomere(top, sarcomere_length_um, filaments)
    plot_length_tension(bottom, sarcomere_length_um, filaments, compare=other, calf=filaments is ls.HUMAN)


def where_on_curve(sarcomere_length_um: float, filaments: ls.Filaments = ls.FROG) -> str:
    """The region of the length-tension curve a sarcomere length lies in."""
    low, high = filaments.plateau_um
    if sarcomere_length_um >= filaments.zero_long_um:
        return "beyond overlap"
    if sarcomere_length_um > high:
        return "descending limb"
    if sarcomere_length_um >= low:
        return "plateau"
    return "ascending limb"


def describe_length(muscle: str, sarcomere_length_um: float) -> str:
    filaments = ls.MUSCLES[muscle]
    tension = float(ls.isometric_tension(sarcomere_length_um, filaments)) * 100
    overlap = ls.filament_overlap_um(sarcomere_length_um, filaments)
    explain = {
        "beyond overlap": "the thin filaments no longer reach the myosin heads, so no cross-bridge can form",
        "descending limb": "on the descending limb: fewer myosin heads face a thin filament, so tension falls "
        "with length",
        "plateau": "on the plateau: every myosin head faces a thin filament",
        "ascending limb": "on the ascending limb: thin filaments overlap each other and, at the shortest lengths, "
        "thick filaments press on the Z-lines",
    }[where_on_curve(sarcomere_length_um, filaments)]
    text = (
        f"{filaments.name.capitalize()}, sarcomere at {sarcomere_length_um:.2f} µm with {overlap:.2f} µm of "
        f"overlap in each half: {explain}; isometric tension {tension:.0f}% of maximum."
    )
    if filaments is ls.HUMAN:
        low, high = filaments.plateau_um
        text += (
            f" The human plateau lies at {low:.2f}–{high:.2f} µm. A calf with the foot pointed, as in a cramp, "
            "sits lower on the ascending limb; stretching it moves its sarcomeres up towards the plateau."
        )
    return text


def plot_force_velocity(ax_v, ax_p, curvature: float, load: float | None = None, colour=MYOSIN):
    """Velocity and power against load for one curvature, optionally with one load marked."""
    loads = np.linspace(0, 1, 201)
    ax_v.plot(loads * 100, ls.hill_velocity(loads, curvature) * 100, color=colour, lw=2)
    ax_p.plot(loads * 100, ls.hill_power(loads, curvature) * 100, color=colour, lw=2)
    if load is not None:
        ax_v.plot([load * 100], [float(ls.hill_velocity(load, curvature)) * 100], "o", color=colour, ms=8)
        ax_p.plot([load * 100], [float(ls.hill_power(load, curvature)) * 100], "o", color=colour, ms=8)
    ax_v.set_ylabel("Shortening velocity (% of vmax)")
    ax_p.set_ylabel("Power (% of F0 × vmax)")
    ax_v.set_ylim(0, 105)
    ax_p.set_ylim(0, 30)
    for ax in (ax_v, ax_p):
        ax.set_xlabel("Load (% of maximal isometric force)")
        ax.set_xlim(0, 100)
        ax.spines[["top", "right"]].set_visible(False)


def draw_speed_explorer(fig, curvature: float, load: float):
    """Explorer frame: Hill's force-velocity curve (left) and the power curve (right)."""
    ax_v, ax_p = fig.subplots(1, 2, gridspec_kw=dict(MARGINS, wspace=0.35))
    plot_force_velocity(ax_v, ax_p, curvature, load)
    ax_v.set_title(f"curvature a/F0 = {curvature:g}", fontsize=10)
    ax_p.set_title(f"load {load * 100:.0f}% of F0", fontsize=10)


def describe_speed(curvature: float, load: float) -> str:
    velocity = float(ls.hill_velocity(load, curvature)) * 100
    power = float(ls.hill_power(load, curvature)) * 100
    best = ls.optimal_load(curvature)
    return (
        f"Hill's force-velocity curve with curvature a/F0 = {curvature:g}: lifting a load of {load * 100:.0f}% "
        f"of maximal force, the muscle shortens at {velocity:.0f}% of its maximal velocity and delivers "
        f"{power:.1f}% of F0 × vmax as power. Power is greatest, "
        f"{float(ls.hill_power(best, curvature)) * 100:.1f}%, at a load of {best * 100:.0f}%."
    )
