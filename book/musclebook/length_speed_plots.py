"""Plots and explorers of the length-and-speed chapter.

``plot_sarcomere``, ``plot_length_tension`` and ``plot_force_velocity`` draw on a Matplotlib ``Axes``;
``LengthView`` and ``SpeedView`` are the chapter's explorers (``LENGTH`` and ``SPEED``).
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Rectangle

from . import length_speed as ls
from . import style
from .explorer import PROJECTOR, WIDE, Control, Layout, Spec, View
from .i18n import N_, Msg, tr

ACTIN = style.VERMILION
MYOSIN = style.BLUE
CURVE = "#333333"
SPAN_UM = 4.4  # width of the sarcomere drawing [µm]
LENGTHS_UM = np.linspace(1.2, 4.4, 321)
EXPLORER_LENGTHS_UM = [1.3, 1.5, 1.67, 1.8, 2.0, 2.1, 2.25, 2.4, 2.55, 2.64, 2.8, 3.0, 3.2, 3.4, 3.65, 3.9, 4.24]


def plot_sarcomere(ax, sarcomere_length_um: float, filaments: ls.Filaments = ls.FROG, span_um: float = SPAN_UM):
    """One sarcomere drawn to scale: Z-lines, thin filaments, the thick filament and their overlap.

    Returns the artists it drew (an explorer redraws them for every length).
    """
    half, centre = sarcomere_length_um / 2, span_um / 2
    left_z, right_z = centre - half, centre + half
    thin = filaments.thin_across_z_um / 2
    artists = []
    for z in (left_z, right_z):
        artists.append(ax.add_patch(Rectangle((z - 0.02, 0.05), 0.04, 0.9, color="0.3")))
    for y in (0.2, 0.5, 0.8):  # thin filaments from each Z-line
        artists += ax.plot([left_z, left_z + thin], [y, y], color=ACTIN, lw=2.5)
        artists += ax.plot([right_z - thin, right_z], [y, y], color=ACTIN, lw=2.5)
    for y in (0.35, 0.65):  # thick filaments, bare zone in the middle
        artists.append(
            ax.add_patch(
                Rectangle((centre - ls.THICK_FILAMENT_UM / 2, y - 0.05), ls.THICK_FILAMENT_UM, 0.1, color=MYOSIN)
            )
        )
        artists.append(
            ax.add_patch(
                Rectangle((centre - filaments.bare_zone_um / 2, y - 0.05), filaments.bare_zone_um, 0.1, color="#9ecae1")
            )
        )
    overlap = ls.filament_overlap_um(sarcomere_length_um, filaments)
    if overlap > 0:  # left half: from where myosin heads begin to where the thin filament ends
        start = max(left_z, centre - ls.THICK_FILAMENT_UM / 2)
        for x in (start, 2 * centre - start - overlap):
            artists.append(ax.add_patch(Rectangle((x, 0.02), overlap, 0.96, color=style.GREEN, alpha=0.18, lw=0)))
    ax.set_xlim(0, span_um)
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    ax.set_xlabel(tr("Position along the fibre (µm); green = thin filaments beside myosin heads"))
    return artists


MUSCLE_NAMES = {
    "frog fibre": N_("frog fibre"),
    "human fibre": N_("human fibre"),
}  # the model's filament sets, as figures name them


def muscle_name(filaments: ls.Filaments) -> str:
    return tr(MUSCLE_NAMES[filaments.name]) if filaments.name in MUSCLE_NAMES else filaments.name


def plot_length_tension(
    ax, filaments: ls.Filaments = ls.FROG, compare: ls.Filaments | None = None, calf: bool = False, legend=True
):
    """The length-tension curve, optionally with a second curve for comparison (dashed) and the calf's
    positions (foot pointed, foot pulled up) marked on it, named in a legend (``legend=False``: none drawn;
    the artists carry their labels for a legend placed elsewhere)."""
    if compare is not None:
        ax.plot(
            LENGTHS_UM,
            ls.isometric_tension(LENGTHS_UM, compare) * 100,
            color="0.6",
            lw=1.5,
            ls="--",
            label=muscle_name(compare),
        )
    ax.plot(LENGTHS_UM, ls.isometric_tension(LENGTHS_UM, filaments) * 100, color=CURVE, label=muscle_name(filaments))
    if calf:  # named in the legend by their marks: between the two curves no label fits at every size
        for length, text, marker in (
            (ls.CALF_POINTED_UM, tr("calf, foot pointed"), "v"),
            (ls.CALF_STRETCHED_UM, tr("calf stretched"), "s"),
        ):
            tension = float(ls.isometric_tension(length, filaments)) * 100
            ax.plot([length], [tension], marker, color=ACTIN, ms=7, ls="none", label=text)
    ax.set_xlabel(tr("Sarcomere length (µm)"))
    ax.set_ylabel(tr("Isometric tension (% of max)"))
    ax.set_xlim(LENGTHS_UM[0], LENGTHS_UM[-1])
    ax.set_ylim(0, 110)
    if compare is not None and legend:
        ax.legend(loc="upper right", fontsize=9.5)


class LengthView(View):
    """Explorer frame: the sarcomere (top) and where it sits on the length-tension curve (bottom). The curve
    changes with the muscle (``layers_by``)."""

    figsize = (7.5, 4.9)
    phone_panel_in = 2.7  # and the legend under the lower panel

    def __init__(self, fig, layout: Layout = WIDE):
        super().__init__(fig, layout)
        if layout == PROJECTOR:  # side by side: stacked in a slide's 2.7 in, the curve's panel was 0.5 in high
            self.top, self.bottom = self.panels(1, 2, width_ratios=[1, 1.1])
        else:
            margins = dict(left=0.1, right=0.97, bottom=0.175, top=0.935, hspace=0.75)
            self.top, self.bottom = self.panels(2, 1, height_ratios=[1, 1.3], margins=margins)
        self.top.set_xlim(0, SPAN_UM)
        self.top.set_ylim(0, 1)
        self.top.set_yticks([])
        self.top.spines["left"].set_visible(False)
        self.top.set_xlabel(tr("Position along the fibre (µm); green = thin filaments beside myosin heads"))
        # side by side, the title spans the figure: over the sarcomere's panel alone it ran into the curve's
        title = fig.suptitle(" ", fontsize=10.5) if layout == PROJECTOR else self.top.set_title(" ")
        self.title = self.dynamic(title)
        (self.mark,) = self.dynamic(self.bottom.plot([], [], "o", color=style.GREEN, ms=9))
        self.muscle = None

    def _legend(self) -> None:
        """The curves' (and the calf's) legend under the panels: inside the curve's, the two curves leave it no
        room at a phone's width. Two rows for either muscle (the human's four entries in two columns), so that the
        room the layout makes for the first muscle's legend fits the other's."""
        for old in self.fig.legends:
            old.remove()
        handles, labels = self.bottom.get_legend_handles_labels()
        compact = dict(handlelength=1.5, handletextpad=0.5, columnspacing=1.0)
        if self.layout == WIDE:  # fixed margins: one row, under the panel's centre
            box = self.bottom.get_position()
            where = dict(loc="lower center", bbox_to_anchor=((box.x0 + box.x1) / 2, 0), ncols=len(handles))
        else:  # under the panels, where constrained layout makes the room
            where = dict(loc="outside lower center", ncols=(len(handles) + 1) // 2)
        self.fig.legend(handles, labels, **where, **compact)

    def update(self, muscle: str, sarcomere_length_um: float) -> str:
        self.clear_transient()
        filaments = ls.MUSCLES[muscle]
        if muscle != self.muscle:
            for artist in [a for a in [*self.bottom.lines, *self.bottom.texts] if a is not self.mark]:
                artist.remove()
            other = ls.HUMAN if filaments is ls.FROG else ls.FROG
            plot_length_tension(self.bottom, filaments, compare=other, calf=filaments is ls.HUMAN, legend=False)
            self._legend()
            self.muscle = muscle
        self.transient(plot_sarcomere(self.top, sarcomere_length_um, filaments))
        self.title.set_text(
            tr(
                "{muscle}: sarcomere length {length:.2f} µm",
                muscle=muscle_name(filaments).capitalize(),
                length=sarcomere_length_um,
            )
        )
        self.mark.set_data([sarcomere_length_um], [float(ls.isometric_tension(sarcomere_length_um, filaments)) * 100])
        return describe_length(muscle, sarcomere_length_um)


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
    explain = tr(
        {
            "beyond overlap": N_("the thin filaments no longer reach the myosin heads, so no cross-bridge can form"),
            "descending limb": N_(
                "on the descending limb: fewer myosin heads face a thin filament, so tension falls with length"
            ),
            "plateau": N_("on the plateau: every myosin head faces a thin filament"),
            "ascending limb": N_(
                "on the ascending limb: thin filaments overlap each other and, at the shortest lengths, thick "
                "filaments press on the Z-lines"
            ),
        }[where_on_curve(sarcomere_length_um, filaments)]
    )
    text = tr(
        "{muscle}, sarcomere at {length:.2f} µm with {overlap:.2f} µm of overlap in each half: {explain}; isometric "
        "tension {tension:.0f}% of maximum.",
        muscle=muscle_name(filaments).capitalize(),
        length=sarcomere_length_um,
        overlap=overlap,
        explain=explain,
        tension=tension,
    )
    if filaments is ls.HUMAN:
        low, high = filaments.plateau_um
        text += " " + tr(
            "The human plateau lies at {low:.2f}–{high:.2f} µm. A calf with the foot pointed, as in a cramp, sits "
            "lower on the ascending limb; stretching it moves its sarcomeres up towards the plateau.",
            low=low,
            high=high,
        )
    return text


def plot_force_velocity(ax_v, ax_p, curvature: float, colour=MYOSIN):
    """Velocity (left axes) and power (right axes) against load, for one curvature a/F0."""
    loads = np.linspace(0, 1, 201)
    ax_v.plot(loads * 100, ls.hill_velocity(loads, curvature) * 100, color=colour)
    ax_p.plot(loads * 100, ls.hill_power(loads, curvature) * 100, color=colour)
    ax_v.set_ylabel(tr("Shortening velocity (% of vmax)"))
    ax_p.set_ylabel(tr("Power (% of F0 × vmax)"))
    ax_v.set_ylim(0, 105)
    ax_p.set_ylim(0, 30)
    for ax in (ax_v, ax_p):
        ax.set_xlabel(tr("Load (% of maximal isometric force)"))
        ax.set_xlim(0, 100)


class SpeedView(View):
    """Explorer frame: Hill's force-velocity curve (left) and the power curve (right), for a curvature."""

    figsize = (7.5, 3.4)

    def __init__(self, fig, layout: Layout = WIDE):
        super().__init__(fig, layout)
        self.ax_v, self.ax_p = self.panels(1, 2, margins=dict(left=0.1, right=0.97, bottom=0.16, top=0.88, wspace=0.35))
        plot_force_velocity(self.ax_v, self.ax_p, 0.25)  # axes, labels and limits; the curves move below
        self.curve_v, self.curve_p = (self.dynamic(ax.lines[0]) for ax in (self.ax_v, self.ax_p))
        (self.mark_v,) = self.dynamic(self.ax_v.plot([], [], "o", color=MYOSIN, ms=8))
        (self.mark_p,) = self.dynamic(self.ax_p.plot([], [], "o", color=MYOSIN, ms=8))
        self.title_v = self.dynamic(self.ax_v.set_title(" "))
        self.title_p = self.dynamic(self.ax_p.set_title(" "))

    def update(self, curvature: float, load: float) -> str:
        loads = np.linspace(0, 1, 201)
        self.curve_v.set_data(loads * 100, ls.hill_velocity(loads, curvature) * 100)
        self.curve_p.set_data(loads * 100, ls.hill_power(loads, curvature) * 100)
        velocity = float(ls.hill_velocity(load, curvature)) * 100
        power = float(ls.hill_power(load, curvature)) * 100
        self.mark_v.set_data([load * 100], [velocity])
        self.mark_p.set_data([load * 100], [power])
        self.title_v.set_text(tr("curvature a/F0 = {curvature:.3g}", curvature=curvature))
        self.title_p.set_text(tr("load {load:.0f}% of F0", load=load * 100))
        best = ls.optimal_load(curvature)
        return tr(
            "Hill's force-velocity curve with curvature a/F0 = {curvature:.3g}: lifting a load of {load:.0f}% of "
            "maximal force, the muscle shortens at {velocity:.0f}% of its maximal velocity and delivers {power:.1f}% "
            "of F0 × vmax as power. Power is greatest, {best_power:.1f}%, at a load of {best_load:.0f}%.",
            curvature=curvature,
            load=load * 100,
            velocity=velocity,
            power=power,
            best_power=float(ls.hill_power(best, curvature)) * 100,
            best_load=best * 100,
        )


LENGTH = Spec(
    key="length-tension",
    title=N_("Filament overlap and isometric tension"),
    basis=N_(
        "frog break points measured; human plateau from filament lengths; knee heights and calf positions illustrative"
    ),
    view=LengthView,
    controls=(
        Control(
            "muscle",
            N_("Muscle"),
            ("frog", "human"),
            (N_("frog fibre (measured)"), N_("human fibre (from filament lengths)")),
            buttons=True,
        ),
        Control(
            "sarcomere_length_um",
            N_("Sarcomere length (µm)"),
            tuple(EXPLORER_LENGTHS_UM),
            unit="µm",
            start=5,
            live=(1.3, 4.24, 0.01),
        ),
    ),
    layers_by=("muscle",),
)

LOADS = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)

SPEED = Spec(
    key="force-velocity",
    title=N_("Hill's force-velocity and power curves"),
    basis=Msg(
        N_("equation and a/F0 = {curvature:.3g} measured; other curvatures for comparison"),
        curvature=ls.HILL_CURVATURE,
    ),
    view=SpeedView,
    controls=(
        Control(
            "curvature",
            N_("Curvature a/F0"),
            (0.1, 0.25, 0.5, 1.0),
            (
                Msg(N_("{curvature:.1f} (more curved)"), curvature=0.1),
                Msg(N_("{curvature:.2f} (frog sartorius)"), curvature=0.25),
                Msg(N_("{curvature:.1f}"), curvature=0.5),
                Msg(N_("{curvature:.1f} (flatter)"), curvature=1.0),
            ),
            buttons=True,
            start=1,
            live=(0.1, 1.0, 0.01),
            log=True,
        ),
        Control(
            "load",
            N_("Load (% of F0)"),
            LOADS,
            tuple(Msg(N_("{percent:.0f}"), percent=x * 100) for x in LOADS),
            unit="%",
            start=3,
            live=(0.0, 1.0, 0.01),
        ),
    ),
)
