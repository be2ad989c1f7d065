"""Length and speed: sarcomere length-tension and Hill's force-velocity relation.

Chapter: ``book/length_speed.ipynb``.

Length-tension follows Gordon, Huxley & Julian (1966), frog single fibres: isometric
tension is proportional to the overlap of thick and thin filaments. The curve is drawn
through their break points (all measured or derived from measured filament lengths,
see ``LENGTH_TENSION_STATUS``), linear between them:

- no overlap, zero tension, at thick + thin filament length = 1.6 + 2.05 = 3.65 µm;
- full overlap, a plateau of maximal tension, from 2.0 to 2.25 µm (filament geometry;
  measured 2.05-2.2 µm);
- below the plateau tension falls slowly to a knee at 1.67 µm (thick filaments reach the
  Z-lines), then steeply, extrapolating to zero at 1.27 µm. The height of the knee is
  illustrative: it is read from the shape of the published curve, not from a table.

Force-velocity follows Hill (1938): ``(F + a)(v + b) = (F0 + a) b``, here in normalised
form with F' = F/F0 and v' = v/vmax::

    v' = (a/F0) (1 - F') / (F' + a/F0)

``a/F0`` (the curvature) is about 0.25 in frog sartorius (Hill 1938); smaller values make
the curve more curved, as in fatigue.

Lengths are in micrometres (``_um``); tension, force, velocity and power are fractions of
their maxima (unitless).
"""

from __future__ import annotations

import numpy as np

THICK_FILAMENT_UM = 1.6  # thick (myosin) filament length [µm], measured
THIN_ACROSS_Z_UM = 2.05  # two thin (actin) filaments plus the Z-line [µm], measured
BARE_ZONE_UM = 0.2  # central part of the thick filament without myosin heads [µm]
Z_LINE_UM = 0.07  # Z-line width used to place the knee (1.6 + 0.07 = 1.67) [µm]
KNEE_TENSION = 0.85  # tension at the knee of the ascending limb, illustrative [-]

#: (sarcomere length [µm], tension [-]) break points of the length-tension curve.
LENGTH_TENSION_POINTS = (
    (1.27, 0.0),
    (THICK_FILAMENT_UM + Z_LINE_UM, KNEE_TENSION),
    (2.0, 1.0),
    (THIN_ACROSS_Z_UM + BARE_ZONE_UM, 1.0),
    (THICK_FILAMENT_UM + THIN_ACROSS_Z_UM, 0.0),
)
LENGTH_TENSION_STATUS = {
    "zero tension at 3.65 µm (no overlap)": "measured: Gordon, Huxley & Julian 1966",
    "plateau 2.0–2.25 µm": "filament geometry; measured plateau 2.05–2.2 µm",
    "knee at 1.67 µm, zero extrapolated at 1.27 µm": "measured: Gordon, Huxley & Julian 1966",
    "tension at the knee (85 %)": "illustrative",
    "curvature a/F0 = 0.25": "measured: Hill 1938, frog sartorius",
}
HILL_CURVATURE = 0.25  # a/F0 of frog sartorius (Hill 1938) [-]


def isometric_tension(sarcomere_length_um) -> np.ndarray:
    """Isometric tension (fraction of maximum) at the given sarcomere lengths [µm]."""
    x = np.asarray(sarcomere_length_um, dtype=float)
    if np.any(~np.isfinite(x)) or np.any(x <= 0):
        raise ValueError(f"sarcomere lengths must be positive and finite, got {sarcomere_length_um!r}")
    lengths, tensions = zip(*LENGTH_TENSION_POINTS)
    return np.interp(x, lengths, tensions, left=0.0, right=0.0)


def filament_overlap_um(sarcomere_length_um: float) -> float:
    """Length of thin filament that lies alongside myosin heads in one half-sarcomere [µm]."""
    half = sarcomere_length_um / 2
    thin_end = THIN_ACROSS_Z_UM / 2  # from the Z-line towards the centre
    heads_from, heads_to = half - THICK_FILAMENT_UM / 2, half - BARE_ZONE_UM / 2  # from the Z-line
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
