"""Plots and explorers of the membrane chapter.

``plot_potential_against`` draws the GHK resting potential against one plasma concentration on a
Matplotlib ``Axes``; ``MembraneView`` and ``PermeabilityView`` are the chapter's explorers
(``MEMBRANE`` and ``PERMEABILITY``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import membrane as mb
from . import style
from .explorer import WIDE, Control, Layout, Spec, View
from .i18n import N_, tr

VM = style.BLUE
POTASSIUM = style.PURPLE
SODIUM = style.ORANGE
THRESHOLD = style.VERMILION
MEASURED = "#000000"
MARGINS = dict(left=0.1, right=0.97, bottom=0.16, top=0.86, wspace=0.45, width_ratios=[1, 1.6])
# the membrane explorer's figure is 0.35 in higher, for the row of its legend under the right-hand panel
MEMBRANE_MARGINS = MARGINS | dict(bottom=0.23, top=0.873)
IONS = ("K", "Na", "Ca")
NAMES = {"K": N_("K⁺"), "Na": N_("Na⁺"), "Ca": N_("Ca²⁺")}  # symbols, the same in every language
LEVELS = {  # the explorer's plasma concentrations [mM]; index 3 is normal
    "K": (0.5, 1.5, 2.5, 4.0, 6.0, 8.0),
    "Na": (110.0, 120.0, 130.0, 145.0, 155.0, 165.0),
    "Ca": (0.4, 0.75, 1.1, 1.5, 2.0, 2.5),
}
LEVEL_NAMES = (
    N_("far below normal"),
    N_("below normal"),
    N_("a little low"),
    N_("normal"),
    N_("high"),
    N_("far above normal"),
)
NORMAL_LEVEL = 3


@dataclass(frozen=True)
class State:
    """Everything one frame shows, for one ion at one of its levels [mV, mM]."""

    outside_mm: float
    vm_mv: float
    valid: bool
    threshold_mv: float
    e_k_mv: float
    e_na_mv: float


def state(ion: str, level: int) -> State:
    outside = LEVELS[ion][level]
    m = mb.with_plasma(ion, outside)
    return State(
        outside,
        mb.ghk_mv(m),
        mb.ghk_valid(m),
        mb.threshold_mv(m.ca_out_mm),
        mb.nernst_mv("K", m.k_out_mm, m.k_in_mm),
        mb.nernst_mv("Na", m.na_out_mm, m.na_in_mm),
    )


def line_label(ax, y_mv: float, text: str, colour=style.INK, *, below: bool = False, line_pt: float = 1.0):
    """A label at the left of a horizontal line at ``y_mv``, above it (or ``below``); see ``move_line_label``."""
    label = ax.annotate(text, (0.02, y_mv), xytext=(0, 0), textcoords="offset points", color=colour)
    move_line_label(label, y_mv, below=below, line_pt=line_pt)
    return label


def move_line_label(label, y_mv: float, *, below: bool = False, line_pt: float = 1.0) -> None:
    """Put a line's label beside the line at ``y_mv``: its box 2 pt clear of the line's stroke (``line_pt``
    wide), at every size the figure is drawn (an offset in points: a fixed number of mV would touch the line
    on a phone and float off it on a wide page)."""
    gap_pt = line_pt / 2 + 2
    label.xy = (0.02, y_mv)
    label.set_position((0, -gap_pt if below else gap_pt))
    label.set_verticalalignment("top" if below else "bottom")


def plot_potential_against(ax, ion: str, low_mm: float, high_mm: float):
    """The GHK resting potential [mV] against the plasma concentration of ``ion`` [mM]."""
    x = np.linspace(low_mm, high_mm, 120)
    (line,) = ax.plot(
        x, [mb.ghk_mv(mb.with_plasma(ion, float(c))) for c in x], color=VM, label=tr("resting potential (GHK)")
    )
    ax.set_xlabel(tr("Plasma {ion} (mM)", ion=tr(NAMES[ion])))
    ax.set_ylabel("mV")
    return line


class MembraneView(View):
    """Explorer frame: a scale of membrane potential (left) and the resting potential against the plasma
    level of the chosen ion (right). The right-hand axes change with the ion (``layers_by``)."""

    figsize = (7.5, 3.85)
    phone_panel_in = 2.8  # and the legend under the lower panel

    def __init__(self, fig, layout: Layout = WIDE):
        super().__init__(fig, layout)
        self.left, self.right = self.panels(1, 2, margins=MEMBRANE_MARGINS)
        self.left.set_ylim(-110, -40)
        self.left.set_xlim(0, 1)
        self.left.set_xticks([])
        self.left.set_ylabel(tr("Membrane potential (mV)"))
        self.left.spines["bottom"].set_visible(False)
        self.right.set_ylim(-110, -40)
        self.title = self.dynamic(fig.suptitle(" ", fontsize=10.5))
        self.ion = None
        (self.mark,) = self.dynamic(self.right.plot([], [], "o", color=VM, ms=8))

    def _axes_for(self, ion: str):
        """Redraw the right-hand axes for ``ion`` (its background changes with the ion)."""
        ax = self.right
        for artist in [*ax.lines, *ax.patches, *ax.texts]:
            if artist is not self.mark:
                artist.remove()
        lo, hi = LEVELS[ion][0], LEVELS[ion][-1]
        plot_potential_against(ax, ion, lo, hi)
        x = np.linspace(lo, hi, 120)
        ax.plot(
            x,
            [mb.threshold_mv(float(c)) if ion == "Ca" else mb.THRESHOLD_MV for c in x],
            color=THRESHOLD,
            lw=1.5,
            ls="--",
            label=tr("threshold (qualitative)"),
        )
        if ion == "K":
            ax.axvspan(lo, mb.PARADOX_BELOW_K_MM, color="#EEEEEE", lw=0)
            ax.plot([lo, mb.PARADOX_BELOW_K_MM], [mb.PARADOX_MV] * 2, color=MEASURED, label=tr("measured (GHK fails)"))
        ax.axvline(mb.NORMAL[ion][0], color="#999999", lw=0.8, ls=":")
        ax.set_xlim(lo, hi)
        # the legend goes under the axes: inside, every place crosses a curve or the dotted line at normal
        for old in self.fig.legends:
            old.remove()
        handles, labels = ax.get_legend_handles_labels()
        if self.layout == WIDE:  # fixed margins: one row at the bottom, ending where the right-hand panel ends
            self.fig.legend(handles, labels, loc="lower right", ncols=3, bbox_to_anchor=(ax.get_position().x1, 0))
        else:  # constrained layout makes room: a column on a phone, a row on a slide
            self.fig.legend(handles, labels, loc="outside lower center", ncols=1 if self.layout.stack else 3)
        self.ion = ion

    def update(self, ion: str, level: int) -> str:
        self.clear_transient()
        if ion != self.ion:
            self._axes_for(ion)
        s, normal = state(ion, level), state(ion, NORMAL_LEVEL)
        ax, add = self.left, self.transient
        # each label beside its line: rest and threshold above theirs, E(K) below its own (the resting
        # potential lies above E(K), often close), and the measured potential below its line, 5 mV under the
        # threshold's
        add(ax.axhline(s.vm_mv, color=VM, lw=3))
        add(line_label(ax, s.vm_mv, tr("rest (GHK) {mv:.0f} mV", mv=s.vm_mv), VM, line_pt=3))
        add(ax.axhline(s.threshold_mv, color=THRESHOLD, lw=1.5, ls="--"))
        threshold = tr("threshold {mv:.0f} mV", mv=s.threshold_mv)
        add(line_label(ax, s.threshold_mv, threshold, THRESHOLD, line_pt=1.5))
        add(ax.axhline(s.e_k_mv, color=POTASSIUM, lw=1, ls=":"))
        bottom = ax.get_ylim()[0]
        if s.e_k_mv - 8 > bottom:
            add(line_label(ax, s.e_k_mv, tr("E(K) {mv:.0f} mV", mv=s.e_k_mv), POTASSIUM, below=True))
        else:  # below the scale: named under its foot (the scale has no ticks there), as E(Na) is over its top
            foot = tr("E(K) {mv:.0f} mV ↓", mv=s.e_k_mv)
            add(ax.text(0.5, bottom - 2, foot, ha="center", va="top", color=POTASSIUM, clip_on=False))
        # over the top of the scale, clear of the labels inside it (the threshold's reaches -47 mV on a slide)
        e_na = tr("E(Na) {mv:+.0f} mV ↑", mv=s.e_na_mv)
        add(
            ax.annotate(
                e_na,
                (0.5, 1),
                xycoords="axes fraction",
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
            )
        )
        if not s.valid:
            add(ax.axhline(mb.PARADOX_MV, color=MEASURED, lw=2))
            measured = tr("measured {mv:.0f} mV", mv=mb.PARADOX_MV)
            add(line_label(ax, mb.PARADOX_MV, measured, MEASURED, below=True, line_pt=2))
        self.mark.set_data([s.outside_mm], [s.vm_mv])
        ion_name, level_name = tr(NAMES[ion]), tr(LEVEL_NAMES[level])
        self.title.set_text(tr("Plasma {ion} {mm:g} mM ({level})", ion=ion_name, mm=s.outside_mm, level=level_name))
        text = tr(
            "With plasma {ion} at {mm:g} mM ({level}), the GHK equation puts the resting potential at {vm:.1f} mV "
            "(normal {normal:.1f} mV), {below:.0f} mV below the firing threshold of {threshold:.0f} mV.",
            ion=ion_name,
            mm=s.outside_mm,
            level=level_name,
            vm=s.vm_mv,
            normal=normal.vm_mv,
            below=s.threshold_mv - s.vm_mv,
            threshold=s.threshold_mv,
        )
        if not s.valid:
            text += " " + tr(
                "Here GHK is wrong: below {mm:g} mM K⁺ real fibres depolarise to about {mv:.0f} mV.",
                mm=mb.PARADOX_BELOW_K_MM,
                mv=mb.PARADOX_MV,
            )
        if ion == "Ca" and level != NORMAL_LEVEL:
            text += " " + tr(
                "Calcium hardly moves the resting potential; it moves the threshold (qualitatively shown)."
            )
        return text


# ---------------------------------------------------------------- permeability: from rest towards the action potential

NEAR_E_NA_MV = 25.0  # a membrane potential this close below E(Na) is named under its line [mV]
PERMEABILITY_RATIOS = (0.001, 0.005, round(mb.P_NA, 3), 0.05, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0)


class PermeabilityView(View):
    """Explorer frame: the membrane potential on a scale between E(K) and E(Na) (left), and against P_Na/P_K."""

    figsize = (7.5, 3.5)

    def __init__(self, fig, layout: Layout = WIDE):
        super().__init__(fig, layout)
        self.left, self.right = self.panels(1, 2, margins=MARGINS)
        e_k, e_na = mb.nernst_mv("K", *mb.NORMAL["K"]), mb.nernst_mv("Na", *mb.NORMAL["Na"])
        self.left.set_ylim(-110, 80)
        self.left.set_xlim(0, 1)
        # E(Na) named above its line, E(K) below its own: the membrane's line and label lie between them
        for value, colour, name, below in ((e_na, SODIUM, "E(Na)", False), (e_k, POTASSIUM, "E(K)", True)):
            self.left.axhline(value, color=colour, lw=1.2, ls=":")
            label = tr("{name} {mv:+.0f} mV", name=name, mv=value)
            line_label(self.left, value, label, colour, below=below, line_pt=1.2)
        self.e_na_mv = e_na
        self.vm = self.dynamic(self.left.axhline(0, color=VM, lw=3))
        self.vm_text = self.dynamic(line_label(self.left, 0, " ", VM, line_pt=3))
        self.left.set_xticks([])
        self.left.set_ylabel(tr("Membrane potential (mV)"))
        self.left.spines["bottom"].set_visible(False)
        ratios = np.geomspace(PERMEABILITY_RATIOS[0], PERMEABILITY_RATIOS[-1], 120)
        self.right.plot(ratios, [mb.ghk_mv(mb.REST.replace(p_na=float(r))) for r in ratios], color=VM)
        (self.mark,) = self.dynamic(self.right.plot([], [], "o", color=VM, ms=8))
        self.right.axvline(mb.P_NA, color="#999999", lw=0.8, ls=":")
        self.right.set_xscale("log")
        self.right.set_xticks([0.001, 0.01, 0.1, 1, 10], ["0.001", "0.01", "0.1", "1", "10"])  # i18n: 0,001
        self.right.minorticks_off()
        self.right.set_xlim(PERMEABILITY_RATIOS[0], PERMEABILITY_RATIOS[-1])
        self.right.set_ylim(-110, 80)
        self.right.set_xlabel(tr("P(Na) / P(K), log scale"))
        self.right.set_ylabel("mV")
        self.title = self.dynamic(fig.suptitle(" ", fontsize=10.5))

    def update(self, p_na: float) -> str:
        vm = mb.ghk_mv(mb.REST.replace(p_na=p_na))
        self.vm.set_ydata([vm, vm])
        # the label above the membrane's line, or below it near E(Na), whose line and label it would cover
        # (on a phone or a slide the scale has about 1 px per mV, a label is 13 px high)
        below = vm > self.e_na_mv - NEAR_E_NA_MV
        move_line_label(self.vm_text, vm, below=below, line_pt=3)
        self.vm_text.set_text(tr("membrane {mv:+.0f} mV", mv=vm))
        self.mark.set_data([p_na], [vm])
        self.title.set_text(tr("Sodium permeability {ratio:.3g} × potassium permeability", ratio=p_na))
        if vm < -75:
            where = tr("close to E(K), as at rest")
        elif vm > 30:
            where = tr("approaching E(Na), as at the peak of an action potential")
        else:
            where = tr("between E(K) and E(Na)")
        return tr(
            "With a sodium permeability {ratio:.3g} times the potassium permeability, the GHK equation puts the "
            "membrane at {mv:+.0f} mV, {where}.",
            ratio=p_na,
            mv=vm,
            where=where,
        )


MEMBRANE = Spec(
    key="membrane-ions",
    title=N_("Resting potential of a muscle fibre and the blood salts"),
    basis=N_("concentrations measured (Hille 2001); P(Na) fitted; calcium's effect on threshold qualitative"),
    view=MembraneView,
    controls=(
        Control("ion", N_("Ion in the blood"), IONS, tuple(NAMES[i] for i in IONS), buttons=True),
        Control("level", N_("Plasma level"), tuple(range(len(LEVEL_NAMES))), LEVEL_NAMES, start=NORMAL_LEVEL),
    ),
    layers_by=("ion",),
)

PERMEABILITY = Spec(
    key="membrane-permeability",
    title=N_("Membrane potential and the sodium permeability"),
    basis=N_("concentrations measured (Hille 2001); permeability ratios chosen to span rest to spike"),
    view=PermeabilityView,
    controls=(Control("p_na", N_("P(Na) / P(K)"), PERMEABILITY_RATIOS, start=2, live=(0.001, 30.0, 0.01), log=True),),
)
