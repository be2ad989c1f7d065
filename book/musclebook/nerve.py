"""Nerves and myelin: conduction velocity against fibre diameter.

Chapter: ``book/nerves.ipynb``.

- **Myelinated fibres** conduct at about 6 m/s for every micrometre of outer fibre diameter
  (Hursh 1939, cat nerves): ``v = 6 D``. The law is used over the diameters of myelinated
  peripheral fibres, ``MYELINATED_RANGE_UM``.
- **Unmyelinated fibres**: cable theory, and Hodgkin & Huxley's (1952) computation for the squid
  giant axon, give a velocity that grows with the square root of the diameter, ``v = k √d``.
  ``k`` is fitted here (:func:`fit_unmyelinated_k`) so that mammalian C fibres (0.2-1.5 µm) span
  their textbook range of 0.5-2 m/s (Kandel et al. 2021). Real unmyelinated fibres are rarely thicker than
  ``UNMYELINATED_RANGE_UM``; beyond it the curve is an extrapolation (like the squid axon,
  which is cold and huge).

Diameters in µm, velocities in m/s, distances in m, times in ms.
"""

from __future__ import annotations

import numpy as np

from .i18n import N_, Msg

MYELINATED_M_S_PER_UM = 6.0  # Hursh 1939 [m/s per µm outer diameter], measured
UNMYELINATED_K = 1.35  # v = k sqrt(d) [m/s per sqrt(µm)], fitted to the C-fibre range (fit_unmyelinated_k)
MYELINATED_RANGE_UM = (1.0, 20.0)  # diameters of myelinated peripheral fibres the law is used over [µm]
UNMYELINATED_RANGE_UM = (0.2, 1.5)  # diameters of mammalian C fibres [µm]

PARAMETER_STATUS = {  # shown by musclebook.parameter_table, in the reader's language
    Msg(N_("{velocity:g} m/s per µm of diameter, myelinated fibres"), velocity=MYELINATED_M_S_PER_UM): N_(
        "measured: Hursh 1939"
    ),
    N_("velocity ∝ √diameter, unmyelinated fibres"): N_("theory: cable theory; Hodgkin & Huxley 1952"),
    Msg(N_("the constant of the √diameter law ({k:g})"), k=UNMYELINATED_K): N_(
        "fitted: to the C-fibre range in Kandel et al. 2021"
    ),
}


def fit_unmyelinated_k(diameters_um: tuple[float, float], velocities_m_s: tuple[float, float]) -> float:
    """The k of ``v = k √d`` that maps the ends of a diameter range onto the ends of a velocity range, by least
    squares on a log scale (the geometric mean of the two ends' k), to two decimals [m/s per √µm]."""
    ends = [v / np.sqrt(d) for d, v in zip(diameters_um, velocities_m_s)]
    return round(float(np.sqrt(ends[0] * ends[1])), 2)


def _diameters(diameter_um) -> np.ndarray:
    d = np.asarray(diameter_um, dtype=float)
    if np.any(~np.isfinite(d)) or np.any(d <= 0):
        raise ValueError(f"fibre diameters must be positive and finite, got {diameter_um!r}")
    return d


def myelinated_velocity(diameter_um) -> np.ndarray:
    """Conduction velocity of myelinated fibres [m/s] (Hursh 1939)."""
    return MYELINATED_M_S_PER_UM * _diameters(diameter_um)


def unmyelinated_velocity(diameter_um) -> np.ndarray:
    """Conduction velocity of unmyelinated fibres at body temperature [m/s] (√d law, fitted constant)."""
    return UNMYELINATED_K * np.sqrt(_diameters(diameter_um))


def travel_time_ms(distance_m: float, velocity_m_s) -> np.ndarray:
    """Time for an impulse to cover ``distance_m`` at ``velocity_m_s`` [ms]."""
    v = np.asarray(velocity_m_s, dtype=float)
    if not distance_m > 0 or np.any(v <= 0):
        raise ValueError(f"distance {distance_m!r} m and velocity {velocity_m_s!r} m/s must be positive")
    return 1000 * distance_m / v


SPINAL_CORD_TO_CALF_M = 1.0  # a round path length for the explorer's race [m], illustrative
