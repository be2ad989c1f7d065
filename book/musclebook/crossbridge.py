"""Cross-bridges and ATP: a three-state attach / stroke / ATP-detach cycle.

Chapter: ``book/crossbridges.ipynb``.

This is a teaching model, deliberately simpler than Huxley's (1957) model, which follows
attachment and detachment rates as functions of each head's position along the filament. Here
every myosin head is in one of three states, and only the fractions of heads in each state
are followed (fractions of all heads, unitless; time in ms; ATP in mM):

- ``detached``: the head holds ATP or its products (ADP and phosphate) and is off actin;
- ``cycling``: the head is bound to actin and still holds ADP (and phosphate): it has
  attached and is making, or has made, its power stroke;
- ``rigor``: the head is bound to actin with no nucleotide at all. It leaves actin only
  when a new ATP binds to it.

Transitions::

    detached --(attach x activation)--> cycling --(stroke, ADP release)--> rigor
       ^                                                                     |
       +---------------------(ATP binds: k_atp x [ATP])----------------------+

``activation`` is the fraction of actin sites uncovered by calcium (troponin-tropomyosin):
it rises when calcium arrives and falls after calcium is removed. Both attached states bear
force; one ATP is split per cycle. Every rate is illustrative (see ``PARAMETER_STATUS``): the
model shows which step needs ATP, not the measured speed of each step.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from . import require_positive

DT_MS = 0.01  # integration step [ms]
NORMAL_ATP_MM = 5.0  # ATP concentration in resting muscle [mM], a textbook value (as in ``coupling``)


@dataclass(frozen=True)
class Cycle:
    name: str = "illustrative fast fibre"
    attach_per_ms: float = 0.04  # attachment rate with every actin site uncovered [1/ms], illustrative
    stroke_per_ms: float = 0.02  # power stroke and ADP release [1/ms], illustrative
    atp_binding_per_mm_ms: float = 2.0  # ATP binding to a rigor head [1/(mM ms)], illustrative
    activation_tau_ms: float = 5.0  # time constant of switching actin sites on and off [ms], illustrative
    atp_mm: float = NORMAL_ATP_MM  # ATP concentration [mM]

    def __post_init__(self):
        require_positive(self, "attach_per_ms", "stroke_per_ms", "atp_binding_per_mm_ms", "activation_tau_ms")
        if not (isinstance(self.atp_mm, (int, float)) and np.isfinite(self.atp_mm) and self.atp_mm >= 0):
            raise ValueError(f"Cycle '{self.name}': atp_mm={self.atp_mm!r} must be zero or positive")

    def with_(self, **changes) -> Cycle:
        return replace(self, **changes)

    @property
    def detach_per_ms(self) -> float:
        """Rate at which a rigor head leaves actin at this ATP concentration [1/ms]."""
        return self.atp_binding_per_mm_ms * self.atp_mm


CYCLE = Cycle()

PARAMETER_STATUS = {
    "three states and their order (attach, stroke, ATP binding, detach)": "measured biochemistry, simplified",
    "one ATP split per cycle": "measured",
    "every rate constant and the activation time constant": "illustrative",
    "normal ATP 5 mM": "textbook value",
}


@dataclass(frozen=True)
class Run:
    t_ms: np.ndarray
    activation: np.ndarray  # fraction of actin sites uncovered [-]
    cycling: np.ndarray  # fraction of heads attached with ADP [-]
    rigor: np.ndarray  # fraction of heads attached with no nucleotide [-]
    atp_split: np.ndarray  # ATP split so far, per head [-]
    calcium_off_ms: float

    @property
    def attached(self) -> np.ndarray:
        return self.cycling + self.rigor

    @property
    def detached(self) -> np.ndarray:
        return 1 - self.attached


def simulate(cycle: Cycle = CYCLE, calcium_on_ms: float = 150.0, duration_ms: float = 400.0) -> Run:
    """Calcium present from 0 to ``calcium_on_ms``, then removed; heads start detached."""
    if not 0 < calcium_on_ms < duration_ms:
        raise ValueError(f"calcium_on_ms={calcium_on_ms} must lie between 0 and duration_ms={duration_ms}")
    n = int(round(duration_ms / DT_MS))
    t = np.arange(n) * DT_MS
    act = np.empty(n)
    cyc = np.empty(n)
    rig = np.empty(n)
    split = np.empty(n)
    a = c = r = used = 0.0
    k_att, k_s, k_d = cycle.attach_per_ms, cycle.stroke_per_ms, cycle.detach_per_ms
    relax = DT_MS / cycle.activation_tau_ms
    for i in range(n):
        act[i], cyc[i], rig[i], split[i] = a, c, r, used
        target = 1.0 if t[i] < calcium_on_ms else 0.0
        a += relax * (target - a)
        attach = DT_MS * k_att * a * (1 - c - r)
        stroke = DT_MS * k_s * c
        c += attach - stroke
        r_new = (r + stroke) / (1 + DT_MS * k_d)  # implicit in the fast ATP-binding step
        used += r + stroke - r_new  # each head that leaves rigor has bound (and will split) one ATP
        r = r_new
    return Run(t, act, cyc, rig, split, float(calcium_on_ms))


def steady_state(cycle: Cycle = CYCLE) -> dict:
    """Fractions of heads and ATP use with every actin site uncovered, solved exactly.

    In the steady state one flux runs round the cycle:
    ``J = k_att D = k_stroke C = k_atp [ATP] R`` with ``D + C + R = 1``.
    """
    k_att, k_s, k_d = cycle.attach_per_ms, cycle.stroke_per_ms, cycle.detach_per_ms
    if k_d == 0:
        return {"detached": 0.0, "cycling": 0.0, "rigor": 1.0, "atp_per_head_per_s": 0.0}
    d = 1 / (1 + k_att / k_s + k_att / k_d)
    return {"detached": d, "cycling": d * k_att / k_s, "rigor": d * k_att / k_d, "atp_per_head_per_s": 1000 * k_att * d}


def attached_at(run: Run, after_removal_ms: float) -> float:
    """Fraction of heads attached ``after_removal_ms`` after calcium was removed [-]."""
    i = int(np.searchsorted(run.t_ms, run.calcium_off_ms + after_removal_ms))
    if i >= len(run.t_ms):
        raise ValueError(f"the run ends before {after_removal_ms} ms after calcium removal")
    return float(run.attached[i])


def detachment_half_time_ms(run: Run) -> float:
    """Time after calcium removal for the attached fraction to fall to half [ms]; inf if it never does."""
    start = int(np.searchsorted(run.t_ms, run.calcium_off_ms))
    after = run.attached[start:]
    below = np.nonzero(after <= after[0] / 2)[0]
    return float(run.t_ms[start + below[0]] - run.calcium_off_ms) if below.size else float("inf")


EXPLORER_ATP_MM = (5.0, 2.0, 1.0, 0.3, 0.1, 0.03, 0.01, 0.005, 0.002, 0.001, 0.0003)  # the chapter's slider [mM]
LATE_MS = 200.0  # how long after calcium removal the chapter checks what is still attached [ms]


def summary(cycle: Cycle = CYCLE) -> dict:
    """The numbers the chapter and its tests read off one activation and relaxation."""
    run = simulate(cycle)
    on = run.t_ms < run.calcium_off_ms
    return {
        "attached_during": float(run.attached[on][-1]),
        "rigor_during": float(run.rigor[on][-1]),
        "attached_late": attached_at(run, LATE_MS),
        "detachment_half_time_ms": detachment_half_time_ms(run),
        "atp_per_head_per_s": steady_state(cycle)["atp_per_head_per_s"],
    }
