"""Length and speed: sarcomere length-tension and Hill's force-velocity relation.

Chapter: ``book/length_speed.ipynb``.

Length-tension follows Gordon, Huxley & Julian (1966), frog single fibres: isometric
tension is proportional to the overlap of thick and thin filaments. The curve is drawn
through break points (see ``PARAMETER_STATUS``), linear between them:

- no overlap, zero tension, at thick + thin filament length = 1.6 + 2.05 = 3.65 µm;
- full overlap, a plateau of maximal tension, from 2.0 to 2.25 µm (filament geometry;
  measured 2.05-2.2 µm);
- below the plateau tension falls slowly to a knee at 1.67 µm (thick filaments reach the
  Z-lines), then steeply, extrapolating to zero at 1.27 µm. The height of the knee is
  illustrative: it is read from the shape of the published curve, not from a table.

Human fibres have longer thin filaments, so their curve sits at longer lengths. ``HUMAN``
takes its plateau, 2.64-2.81 µm, from the prediction of human filament lengths that Gollapudi &
Lin (2009) compared with their measurements on human type I fibres, and the slope of its
ascending limb from those measurements; the thick filament, the Z-line and the steep fall below
the knee are assumed to be the frog's.

Force-velocity follows Hill (1938): ``(F + a)(v + b) = (F0 + a) b``, here in normalised
form with F' = F/F0 and v' = v/vmax::

    v' = (a/F0) (1 - F') / (F' + a/F0)

``a/F0`` (the curvature) is about 0.25 in frog sartorius (Hill 1938); smaller values make
the curve more curved, as in fatigue.

Lengths are in micrometres (``_um``); tension, force, velocity and power are fractions of
their maxima (unitless).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .i18n import N_, Msg
from .published import VALUES

THICK_FILAMENT_UM = 1.6  # thick (myosin) filament length [µm], measured (frog)
Z_LINE_UM = 0.07  # Z-line width used to place the knee (1.6 + 0.07 = 1.67) [µm]
ZERO_SHORT_UM = 1.27  # length to which the steep fall below the knee extrapolates [µm], measured (frog)
HUMAN_ASCENDING_SLOPE_PER_UM = 0.42  # measured slope of the ascending limb, human type I fibres [F0/µm]


@dataclass(frozen=True)
class Filaments:
    """The filament lengths that place a length-tension curve."""

    name: str
    thin_across_z_um: float  # two thin (actin) filaments plus the Z-line [µm]: where the plateau begins
    bare_zone_um: float  # central part of the thick filament without myosin heads [µm]
    knee_tension: float  # tension at the knee of the ascending limb [-]
    plateau_start_um: float | None = None  # where the plateau begins, if not at thin_across_z_um [µm]

    @property
    def plateau_um(self) -> tuple[float, float]:
        start = self.plateau_start_um if self.plateau_start_um is not None else self.thin_across_z_um
        return start, self.thin_across_z_um + self.bare_zone_um

    @property
    def zero_long_um(self) -> float:
        """No overlap left: the thin filaments end where the myosin heads begin."""
        return THICK_FILAMENT_UM + self.thin_across_z_um

    @property
    def break_points(self) -> tuple[tuple[float, float], ...]:
        """(sarcomere length [µm], tension [-]) of the corners of the curve."""
        low, high = self.plateau_um
        return (
            (ZERO_SHORT_UM, 0.0),
            (THICK_FILAMENT_UM + Z_LINE_UM, self.knee_tension),
            (low, 1.0),
            (high, 1.0),
            (self.zero_long_um, 0.0),
        )


#: Frog single fibres (Gordon, Huxley & Julian 1966): plateau 2.0-2.25 µm from the filament
#: geometry (measured 2.05-2.2), thin filaments 2.05 µm across the Z-line, knee height illustrative.
FROG = Filaments("frog fibre", thin_across_z_um=2.05, bare_zone_um=0.2, knee_tension=0.85, plateau_start_um=2.0)
#: Human fibres: plateau 2.64-2.81 µm predicted from human filament lengths; knee height from the
#: measured ascending slope (Gollapudi & Lin 2009). Thick filament and Z-line as in the frog (assumed).
HUMAN = Filaments(
    "human fibre",
    thin_across_z_um=2.64,
    bare_zone_um=0.17,
    knee_tension=round(1 - HUMAN_ASCENDING_SLOPE_PER_UM * (2.64 - THICK_FILAMENT_UM - Z_LINE_UM), 3),
)
MUSCLES = {"frog": FROG, "human": HUMAN}

#: Where a calf's sarcomeres might sit with the foot pointed (the posture of a calf cramp) and with the
#: foot pulled up (a stretch). The lengths are illustrative; their order is not: the calf's torque is
#: greatest near full dorsiflexion (Sale et al. 1982), so it works on the ascending limb, and a
#: stretch moves its sarcomeres towards the plateau.
CALF_POINTED_UM = 2.15  # illustrative
CALF_STRETCHED_UM = 2.55  # illustrative

HILL_CURVATURE = 0.25  # a/F0 of frog sartorius (Hill 1938) [-]
_MEASURED_PLATEAU_UM = VALUES["length_tension_plateau_um"]  # Gordon, Huxley & Julian 1966, not a model input

PARAMETER_STATUS = {  # shown by musclebook.parameter_table, in the reader's language; numbers from the constants
    Msg(N_("frog: zero tension at {um:g} µm (no overlap)"), um=FROG.zero_long_um): N_(
        "measured: Gordon, Huxley & Julian 1966"
    ),
    Msg(N_("frog: plateau {low:g}–{high:g} µm"), low=FROG.plateau_um[0], high=FROG.plateau_um[1]): Msg(
        N_("filament geometry; measured plateau {low:g}–{high:g} µm"),
        low=_MEASURED_PLATEAU_UM.low,
        high=_MEASURED_PLATEAU_UM.high,
    ),
    Msg(
        N_("knee at {knee:g} µm, zero extrapolated at {zero:g} µm"),
        knee=THICK_FILAMENT_UM + Z_LINE_UM,
        zero=ZERO_SHORT_UM,
    ): N_("measured in frog fibres (Gordon, Huxley & Julian 1966); assumed for human fibres"),
    Msg(N_("frog: tension at the knee ({percent:g} %)"), percent=FROG.knee_tension * 100): N_("illustrative"),
    Msg(N_("human: plateau {low:g}–{high:g} µm"), low=HUMAN.plateau_um[0], high=HUMAN.plateau_um[1]): N_(
        "predicted from human filament lengths (as compared by Gollapudi & Lin 2009)"
    ),
    Msg(N_("human: ascending limb {slope:g} F0 per µm"), slope=HUMAN_ASCENDING_SLOPE_PER_UM): N_(
        "measured: human type I fibres (Gollapudi & Lin 2009)"
    ),
    N_("calf positions (foot pointed, foot pulled up)"): (
        N_("illustrative lengths; their order follows Sale et al. 1982")
    ),
    Msg(N_("curvature a/F0 = {curvature:.3g}"), curvature=HILL_CURVATURE): N_("measured: Hill 1938, frog sartorius"),
}


def isometric_tension(sarcomere_length_um, filaments: Filaments = FROG) -> np.ndarray:
    """Isometric tension (fraction of maximum) at the given sarcomere lengths [µm]."""
    x = np.asarray(sarcomere_length_um, dtype=float)
    if np.any(~np.isfinite(x)) or np.any(x <= 0):
        raise ValueError(f"sarcomere lengths must be positive and finite, got {sarcomere_length_um!r}")
    lengths, tensions = zip(*filaments.break_points)
    return np.interp(x, lengths, tensions, left=0.0, right=0.0)


def filament_overlap_um(sarcomere_length_um: float, filaments: Filaments = FROG) -> float:
    """Length of thin filament that lies alongside myosin heads in one half-sarcomere [µm]."""
    half = sarcomere_length_um / 2
    thin_end = filaments.thin_across_z_um / 2  # from the Z-line towards the centre
    heads_from, heads_to = half - THICK_FILAMENT_UM / 2, half - filaments.bare_zone_um / 2  # from the Z-line
    return float(max(0.0, min(thin_end, heads_to) - max(0.0, heads_from)))


def hill_velocity(force, curvature: float = HILL_CURVATURE) -> np.ndarray:
    """Shortening velocity (fraction of vmax) at a load ``force`` (fraction of F0), Hill's equation."""
    f = np.asarray(force, dtype=float)
    if curvature <= 0:
        raise ValueError(f"curvature a/F0 must be positive, got {curvature}")
    if np.any(f < 0) or np.any(f > 1):
        raise ValueError(f"load must be between 0 and F0 (0-1), got {force!r}")
    return curvature * (1.0 - f) / (f + curvature)


def hill_power(force, curvature: float = HILL_CURVATURE) -> np.ndarray:
    """Mechanical power (fraction of F0 * vmax) at a load ``force``."""
    return np.asarray(force, dtype=float) * hill_velocity(force, curvature)


def optimal_load(curvature: float = HILL_CURVATURE) -> float:
    """The load (fraction of F0) at which power is greatest: sqrt(a^2 + a) - a, with a = a/F0."""
    return float(np.sqrt(curvature**2 + curvature) - curvature)
