"""Fatigue: what slows down in a tired muscle fibre, and what does not run out.

Chapter: ``book/fatigue.ipynb``.

Two small models.

**Relaxation after a tetanus.** Westerblad & Lännergren (1991) stimulated single mouse fibres
with 350 ms tetani at 70 Hz. Relaxation began with a nearly linear decline of force, followed by
an exponential phase. When fatigue had brought tetanic force down to about 75 % of its starting
value, the decline rate of the linear phase had fallen to 55.2 ± 2.9 % of control and its
duration had grown to 151.3 ± 14.2 % (mean ± SEM, 25 fibres). The model reduces relaxation to
its two steps (time in ms, rates per ms, force as a fraction of control tetanic force):

- *activation* ``a`` (the fraction of troponin holding calcium) rises towards 1 during
  stimulation and falls as the calcium pumps clear calcium, ``da/dt = -a / tau_ca``;
- *cross-bridges* ``x`` attach where the thin filament is switched on and detach after binding
  ATP: ``dx/dt = k_att h(a) (1 - x) - k_det x``, with a steep switch ``h(a) = a⁴/(a⁴ + a50⁴)``;
- force is ``x`` relative to its tetanic level, times the tetanic force of the fibre, which
  fatigue lowers (phosphate and H⁺ reduce the force of each cross-bridge).

Fatigue (``level`` from 0, rested, to 1, the fatigued state of Westerblad & Lännergren) slows
calcium removal and cross-bridge detachment and lowers the force per cross-bridge. The two
slowing factors are fitted so that the model's linear phase reproduces the measured rate and
duration; the force factor is set to their 75 %. All other constants are illustrative.

The *linear phase* is defined operationally here: from the moment force has fallen 2 % below
its tetanic level to the moment force falls fastest (where the exponential phase takes over).
Its decline rate is the force lost over the phase per ms, as a fraction of tetanic force.

The same model can instead be starved of ATP, which the calcium pump and cross-bridge
detachment both need (half-saturation constants as in ``coupling``), to compare the article's
idea that a tired muscle has run out of something with what fatigue actually changes.

**Force-velocity and power.** Hill's equation (``length_speed``) with three fatigue effects
named by Jones (2010): lower isometric force, lower maximal shortening velocity, and a more
curved relation. The sizes of the velocity and curvature changes are illustrative.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import numpy as np

from . import coupling
from . import length_speed as ls

DT_MS = 0.02  # integration step [ms]
LINEAR_START_DROP = 0.02  # the linear phase starts once force is this fraction below its tetanic level [-], our choice
TETANUS_MS = 350.0  # stimulation of Westerblad & Lännergren (1991) [ms]
TETANUS_HZ = 70.0  # stimulation frequency, same source [Hz]; sets when the last stimulus falls
AFTER_MS = 250.0  # trace kept after stimulation ends [ms]
CALCIUM_SLOWING = 0.45  # fitted, see RESTED [-]
DETACH_SLOWING = 1.2  # fitted, see RESTED [-]
FATIGUED_FORCE = 0.75  # tetanic force in the fatigued state, fraction of control (same source)
NORMAL_ATP_MM = coupling.NORMAL_ATP_MM


@dataclass(frozen=True)
class Fibre:
    level: float = 0.0  # fatigue, 0 rested to 1 as fatigued as Westerblad & Lännergren's fibres [-]
    atp_mm: float = NORMAL_ATP_MM  # ATP [mM]
    calcium_removal_ms: float = 12.0  # time constant of calcium removal by the pumps, rested [ms], illustrative
    activation_on_ms: float = 3.0  # time constant of activation during stimulation [ms], illustrative
    half_activation: float = 0.35  # a50 of the thin-filament switch [-], illustrative
    attach_per_ms: float = 0.3  # cross-bridge attachment at full activation [1/ms], illustrative
    detach_per_ms: float = 0.06  # cross-bridge detachment with plenty of ATP, rested [1/ms], illustrative
    calcium_slowing: float = 0.0  # fatigued/rested calcium-removal time constant minus 1 [-]
    detach_slowing: float = 0.0  # rested/fatigued detachment rate minus 1 [-]

    def __post_init__(self):
        if not (0 <= self.level <= 1):
            raise ValueError(f"fatigue Fibre: level={self.level!r} must lie between 0 and 1")
        if not (np.isfinite(self.atp_mm) and self.atp_mm > 0):
            raise ValueError(f"fatigue Fibre: atp_mm={self.atp_mm!r} must be positive")
        for name in ("calcium_removal_ms", "activation_on_ms", "half_activation", "attach_per_ms", "detach_per_ms"):
            if not getattr(self, name) > 0:
                raise ValueError(f"fatigue Fibre: {name}={getattr(self, name)!r} must be positive")
        for name in ("calcium_slowing", "detach_slowing"):
            if not getattr(self, name) >= 0:
                raise ValueError(f"fatigue Fibre: {name}={getattr(self, name)!r} must be zero or positive")

    def with_(self, **changes) -> Fibre:
        return replace(self, **changes)

    @property
    def pump_atp_factor(self) -> float:
        k = coupling.FAST.serca_atp_k_mm
        return (self.atp_mm / (self.atp_mm + k)) / (NORMAL_ATP_MM / (NORMAL_ATP_MM + k))

    @property
    def detach_atp_factor(self) -> float:
        k = coupling.FAST.detach_atp_k_mm
        return (self.atp_mm / (self.atp_mm + k)) / (NORMAL_ATP_MM / (NORMAL_ATP_MM + k))

    @property
    def tau_ca_ms(self) -> float:
        return self.calcium_removal_ms * (1 + self.calcium_slowing * self.level) / self.pump_atp_factor

    @property
    def k_det_per_ms(self) -> float:
        return self.detach_per_ms / (1 + self.detach_slowing * self.level) * self.detach_atp_factor

    @property
    def force_per_bridge(self) -> float:
        """Tetanic force relative to rested: set from the measured fall to 75 % (Pi and H+ lower it)."""
        return 1 - (1 - FATIGUED_FORCE) * self.level


def fit_slowing(target_rate_pct: float, target_duration_pct: float, steps: int = 21) -> tuple[float, float]:
    """The calcium and detachment slowing (grid 0-2) whose fatigued linear phase best hits the targets."""
    best, best_error = (0.0, 0.0), float("inf")
    for c in np.linspace(0, 2, steps):
        for d in np.linspace(0, 2, steps):
            r = relaxation_vs_rested(Fibre(level=1.0, calcium_slowing=float(c), detach_slowing=float(d)))
            error = ((r["rate_pct"] - target_rate_pct) / target_rate_pct) ** 2 + (
                (r["duration_pct"] - target_duration_pct) / target_duration_pct
            ) ** 2
            if error < best_error:
                best, best_error = (round(float(c), 3), round(float(d), 3)), error
    return best


PARAMETER_STATUS = {
    "tetanus 350 ms at 70 Hz": "measured protocol: Westerblad & Lännergren 1991",
    "fatigued tetanic force 75 % of control": "measured: Westerblad & Lännergren 1991",
    "slowing of calcium removal and of cross-bridge detachment in fatigue": "fitted: to the linear phase of relaxation, same source",
    "time constants, rates and the thin-filament switch": "illustrative",
    "ATP dependence of pump and detachment": "illustrative (as in the coupling chapter)",
    "fatigue changes of Vmax and curvature": "illustrative; their direction from Jones 2010",
}


@dataclass(frozen=True)
class Tetanus:
    t_ms: np.ndarray
    activation: np.ndarray
    force: np.ndarray  # fraction of the rested tetanic force [-]
    end_ms: float  # when stimulation ended [ms]


def _steady_bridges(fibre: Fibre) -> float:
    return fibre.attach_per_ms / (fibre.attach_per_ms + fibre.k_det_per_ms)


@cache
def tetanus(fibre: Fibre) -> Tetanus:
    """Force during and after a tetanus; force is scaled to the rested fibre's tetanic force."""
    last_stimulus = np.floor(TETANUS_MS * TETANUS_HZ / 1000 - 1e-9) * 1000 / TETANUS_HZ
    end = last_stimulus + 1000 / TETANUS_HZ  # calcium removal starts one interval after the last stimulus
    n = int(round((end + AFTER_MS) / DT_MS))
    t = np.arange(n) * DT_MS
    a_trace = np.empty(n)
    x_trace = np.empty(n)
    a = x = 0.0
    a50 = fibre.half_activation**4
    k_att, k_det = fibre.attach_per_ms, fibre.k_det_per_ms
    on, off = DT_MS / fibre.activation_on_ms, DT_MS / fibre.tau_ca_ms
    for i in range(n):
        a_trace[i], x_trace[i] = a, x
        a += on * (1 - a) if t[i] < end else -off * a
        h = a**4 / (a**4 + a50)
        x += DT_MS * (k_att * h * (1 - x) - k_det * x)
    force = x_trace / _steady_bridges(fibre) * fibre.force_per_bridge
    return Tetanus(t, a_trace, force, float(end))


def linear_phase(tet: Tetanus) -> dict:
    """Decline rate (fraction of tetanic force per ms) and duration (ms) of the initial phase of relaxation."""
    i_end = int(np.searchsorted(tet.t_ms, tet.end_ms))
    tetanic = tet.force[i_end]
    if not tetanic > 0:
        raise ValueError("no tetanic force to relax from")
    after = tet.force[i_end:]
    fallen = np.nonzero(after < (1 - LINEAR_START_DROP) * tetanic)[0]
    if not fallen.size:
        return {"tetanic_force": float(tetanic), "rate_per_ms": 0.0, "duration_ms": float("inf")}
    start = i_end + int(fallen[0])
    slope = -np.diff(tet.force[start:]) / DT_MS
    steepest = start + int(np.argmax(slope))
    duration = tet.t_ms[steepest] - tet.t_ms[start]
    rate = (tet.force[start] - tet.force[steepest]) / duration / tetanic if duration > 0 else 0.0
    return {"tetanic_force": float(tetanic), "rate_per_ms": float(rate), "duration_ms": float(duration)}


def relaxation_vs_rested(fibre: Fibre) -> dict:
    """Linear-phase rate and duration of ``fibre`` as % of the rested fibre, and its tetanic force."""
    rested = linear_phase(tetanus(fibre.with_(level=0.0, atp_mm=NORMAL_ATP_MM)))
    this = linear_phase(tetanus(fibre))
    return {
        "tetanic_force_pct": 100 * this["tetanic_force"],
        "rate_pct": 100 * this["rate_per_ms"] / rested["rate_per_ms"],
        "duration_pct": 100 * this["duration_ms"] / rested["duration_ms"],
        "force_left_pct": 100 * float(tetanus(fibre).force[-1] / this["tetanic_force"]),
    }


# Fitted with ``fit_slowing(55.2, 151.3)`` so that level 1 reproduces Westerblad & Lännergren (1991).
RESTED = Fibre(calcium_slowing=CALCIUM_SLOWING, detach_slowing=DETACH_SLOWING)


# ---------------------------------------------------------------- force-velocity and power in fatigue

VMAX_FATIGUED = 0.8  # maximal shortening velocity in the fatigued state, fraction of rested [-], illustrative
CURVATURE_FATIGUED = 0.15  # a/F0 in the fatigued state (rested 0.25, Hill 1938) [-], illustrative


def hill_fatigued(level: float) -> dict:
    """Isometric force, vmax and a/F0 at a fatigue level (fractions of rested values, except a/F0)."""
    if not 0 <= level <= 1:
        raise ValueError(f"fatigue level {level!r} must lie between 0 and 1")
    return {
        "f0": 1 - (1 - FATIGUED_FORCE) * level,
        "vmax": 1 - (1 - VMAX_FATIGUED) * level,
        "curvature": ls.HILL_CURVATURE + (CURVATURE_FATIGUED - ls.HILL_CURVATURE) * level,
    }


def force_velocity(level: float, n: int = 101) -> dict:
    """Load, velocity and power as fractions of the rested F0, vmax and F0*vmax."""
    p = hill_fatigued(level)
    rel = np.linspace(0, 1, n)
    velocity = ls.hill_velocity(rel, p["curvature"]) / ls.hill_velocity(0.0, p["curvature"]) * p["vmax"]
    force = rel * p["f0"]
    rested_peak = float(np.max(ls.hill_power(np.linspace(0, 1, 2001)) / ls.hill_velocity(0.0)))
    return {"force": force, "velocity": velocity, "power": force * velocity / rested_peak}


def peak_power(level: float) -> float:
    """Greatest power at this fatigue level, as a fraction of the rested peak power."""
    return float(force_velocity(level, n=2001)["power"].max())
