"""Plots for the membrane chapter: they take model output and draw on Axes."""

from __future__ import annotations

import numpy as np

from . import membrane as mb

VM = "#0072B2"
POTASSIUM = "#CC79A7"
THRESHOLD = "#D55E00"
MEASURED = "#000000"
MARGINS = dict(left=0.1, right=0.97, bottom=0.16, top=0.87, wspace=0.45, width_ratios=[1, 1.6])
IONS = ("K", "Na", "Ca")
NAMES = {"K": "K⁺", "Na": "Na⁺", "Ca": "Ca²⁺"}
LEVELS = {  # the explorer's plasma concentrations [mM]; index 3 is normal
    "K": (0.5, 1.5, 2.5, 4.0, 6.0, 8.0),
    "Na": (110.0, 120.0, 130.0, 145.0, 155.0, 165.0),
    "Ca": (0.4, 0.75, 1.1, 1.5, 2.0, 2.5),
}
LEVEL_NAMES = ("far below normal", "below normal", "a little low", "normal", "high", "far above normal")
NORMAL_LEVEL = 3


def state(ion: str, level: int) -> dict:
    """Everything one frame shows, for one ion at one of its levels."""
    outside = LEVELS[ion][level]
    fibre = mb.with_plasma(ion, outside)
    return {
        "outside": outside,
        "vm": mb.ghk_mv(fibre),
        "valid": mb.ghk_valid(fibre),
        "threshold": mb.threshold_mv(fibre.ca_out),
        "e_k": mb.nernst_mv("K", fibre.k_out, fibre.k_in),
        "e_na": mb.nernst_mv("Na", fibre.na_out, fibre.na_in),
    }


def plot_potential_line(ax, s: dict):
    """A vertical scale of membrane potential with the resting potential, E_K and the threshold."""
    ax.set_ylim(-110, -40)
    ax.set_xlim(0, 1)
    ax.axhline(s["vm"], color=VM, lw=3)
    ax.text(0.02, s["vm"] + 1.5, f"rest (GHK) {s['vm']:.0f} mV", color=VM, fontsize=8)
    ax.axhline(s["threshold"], color=THRESHOLD, lw=1.5, ls="--")
    ax.text(0.02, s["threshold"] + 1.5, f"threshold {s['threshold']:.0f} mV", color=THRESHOLD, fontsize=8)
    ax.axhline(s["e_k"], color=POTASSIUM, lw=1, ls=":")
    ax.text(0.02, s["e_k"] - 4.5, f"E_K {s['e_k']:.0f} mV", color=POTASSIUM, fontsize=8)
    ax.text(0.5, -42, f"E_Na {s['e_na']:+.0f} mV ↑", ha="center", va="top", fontsize=8)
    if not s["valid"]:
        ax.axhline(mb.PARADOX_MV, color=MEASURED, lw=2)
        ax.text(0.02, mb.PARADOX_MV + 1.5, f"measured {mb.PARADOX_MV:.0f} mV", fontsize=8)
    ax.set_xticks([])
    ax.set_ylabel("Membrane potential (mV)")
    ax.spines[["top", "right", "bottom"]].set_visible(False)


def plot_against_concentration(ax, ion: str, s: dict):
    lo, hi = LEVELS[ion][0], LEVELS[ion][-1]
    x = np.linspace(lo, hi, 120)
    vm = [mb.ghk_mv(mb.with_plasma(ion, float(c))) for c in x]
    ax.plot(x, vm, color=VM, lw=2, label="resting potential (GHK)")
    ax.plot(
        x,
        [mb.threshold_mv(float(c)) if ion == "Ca" else mb.THRESHOLD_MV for c in x],
        color=THRESHOLD,
        lw=1.5,
        ls="--",
        label="threshold (qualitative)",
    )
    if ion == "K":
        ax.axvspan(lo, mb.PARADOX_BELOW_K_MM, color="#EEEEEE", lw=0)
        ax.plot([lo, mb.PARADOX_BELOW_K_MM], [mb.PARADOX_MV] * 2, color=MEASURED, lw=2, label="measured (GHK fails)")
    ax.plot([s["outside"]], [s["vm"]], "o", color=VM, ms=8)
    ax.axvline(mb.NORMAL[ion][0], color="#999999", lw=0.8, ls=":")
    ax.set_xlabel(f"Plasma {NAMES[ion]} (mM)")
    ax.set_ylabel("mV")
    ax.set_ylim(-110, -40)
    ax.legend(frameon=False, fontsize=7.5, loc="upper right" if ion != "K" else "lower right")
    ax.spines[["top", "right"]].set_visible(False)


def draw_membrane_explorer(fig, ion: str, level: int):
    left, right = fig.subplots(1, 2, gridspec_kw=MARGINS)
    s = state(ion, level)
    plot_potential_line(left, s)
    plot_against_concentration(right, ion, s)
    fig.suptitle(f"Plasma {NAMES[ion]} {s['outside']:g} mM ({LEVEL_NAMES[level]})", fontsize=10)


def describe_membrane(ion: str, level: int) -> str:
    s, normal = state(ion, level), state(ion, NORMAL_LEVEL)
    text = (
        f"With plasma {NAMES[ion]} at {s['outside']:g} mM ({LEVEL_NAMES[level]}), the GHK equation puts the "
        f"resting potential at {s['vm']:.1f} mV (normal {normal['vm']:.1f} mV), "
        f"{s['threshold'] - s['vm']:.0f} mV below the firing threshold of {s['threshold']:.0f} mV."
    )
    if not s["valid"]:
        text += (
            f" Here GHK is wrong: below {mb.PARADOX_BELOW_K_MM:g} mM K⁺ real fibres depolarise to about "
            f"{mb.PARADOX_MV:.0f} mV."
        )
    if ion == "Ca" and level != NORMAL_LEVEL:
        text += " Calcium hardly moves the resting potential; it moves the threshold (qualitatively shown)."
    return text


# ---------------------------------------------------------------- permeability: from rest towards the action potential

PERMEABILITY_RATIOS = (0.001, 0.005, round(mb.P_NA, 3), 0.05, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0)


def draw_permeability_explorer(fig, p_na: float):
    left, right = fig.subplots(1, 2, gridspec_kw=MARGINS)
    fibre = mb.REST.with_(p_na=p_na)
    vm = mb.ghk_mv(fibre)
    e_k, e_na = mb.nernst_mv("K", *mb.NORMAL["K"]), mb.nernst_mv("Na", *mb.NORMAL["Na"])
    left.set_ylim(-110, 80)
    left.set_xlim(0, 1)
    for value, colour, text, style in (
        (e_na, "#E69F00", "E_Na", ":"),
        (e_k, POTASSIUM, "E_K", ":"),
        (vm, VM, "membrane", "-"),
    ):
        left.axhline(value, color=colour, lw=3 if style == "-" else 1.2, ls=style)
        left.text(0.02, value + 3, f"{text} {value:+.0f} mV", color=colour, fontsize=8)
    left.set_xticks([])
    left.set_ylabel("Membrane potential (mV)")
    left.spines[["top", "right", "bottom"]].set_visible(False)
    ratios = np.geomspace(PERMEABILITY_RATIOS[0], PERMEABILITY_RATIOS[-1], 120)
    right.plot(ratios, [mb.ghk_mv(mb.REST.with_(p_na=float(r))) for r in ratios], color=VM, lw=2)
    right.plot([p_na], [vm], "o", color=VM, ms=8)
    right.axvline(mb.P_NA, color="#999999", lw=0.8, ls=":")
    right.set_xscale("log")
    right.set_ylim(-110, 80)
    right.set_xlabel("P_Na / P_K (log scale)")
    right.set_ylabel("mV")
    right.spines[["top", "right"]].set_visible(False)
    fig.suptitle(f"Sodium permeability {p_na:g} × potassium permeability", fontsize=10)


def describe_permeability(p_na: float) -> str:
    vm = mb.ghk_mv(mb.REST.with_(p_na=p_na))
    where = (
        "close to E_K, as at rest"
        if vm < -75
        else "approaching E_Na, as at the peak of an action potential"
        if vm > 30
        else "between E_K and E_Na"
    )
    return (
        f"With a sodium permeability {p_na:g} times the potassium permeability, the GHK equation puts the "
        f"membrane at {vm:+.0f} mV, {where}."
    )
