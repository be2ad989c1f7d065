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

from dataclasses import dataclass
from functools import cache

import numpy as np

from .constants import NORMAL_ATP_MM
from .i18n import N_, Msg
from .params import Params, nonnegative, positive

DT_MS = 0.05  # integration step [ms]: every explicit rate is below 0.25/ms; fast ATP binding is implicit


@dataclass(frozen=True)
class Cycle(Params):
    name: str = "illustrative fast fibre"
    attach_per_ms: float = positive(0.04)  # attachment rate with every actin site uncovered [1/ms], illustrative
    stroke_per_ms: float = positive(0.02)  # power stroke and ADP release [1/ms], illustrative
    atp_binding_per_mm_ms: float = positive(2.0)  # ATP binding to a rigor head [1/(mM ms)], illustrative
    activation_tau_ms: float = positive(5.0)  # time constant of switching actin sites on and off [ms], illustrative
    atp_mm: float = nonnegative(NORMAL_ATP_MM)  # ATP concentration [mM]

    @property
    def detach_per_ms(self) -> float:
        """Rate at which a rigor head leaves actin at this ATP concentration [1/ms]."""
        return self.atp_binding_per_mm_ms * self.atp_mm


CYCLE = Cycle()

PARAMETER_STATUS = {  # shown by musclebook.parameter_table, in the reader's language
    N_("three states and their order (attach, stroke, ATP binding, detach)"): N_("measured biochemistry, simplified"),
    N_("one ATP split per cycle"): N_("measured"),
    N_("every rate constant and the activation time constant"): N_("illustrative"),
    N_("the share of heads attached while calcium is present"): N_("illustrative, and larger than in real muscle"),
    Msg(N_("normal ATP {mm:g} mM"), mm=NORMAL_ATP_MM): N_("illustrative: a round textbook value"),
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


@cache
def simulate(cycle: Cycle = CYCLE, calcium_on_ms: float = 150.0, duration_ms: float = 400.0) -> Run:
    """Calcium present from 0 to ``calcium_on_ms``, then removed; heads start detached."""
    if not 0 < calcium_on_ms < duration_ms:
        raise ValueError(f"calcium_on_ms={calcium_on_ms} must lie between 0 and duration_ms={duration_ms}")
    n = int(round(duration_ms / DT_MS))
    t = np.arange(n) * DT_MS
    act, cyc, rig, split = [0.0] * n, [0.0] * n, [0.0] * n, [0.0] * n  # plain floats: fast per-step updates
    a = c = r = used = 0.0
    dt = DT_MS
    k_att, k_s, k_d = cycle.attach_per_ms, cycle.stroke_per_ms, cycle.detach_per_ms
    relax = dt / cycle.activation_tau_ms
    on_steps = int(round(calcium_on_ms / dt))
    for i in range(n):
        act[i], cyc[i], rig[i], split[i] = a, c, r, used
        target = 1.0 if i < on_steps else 0.0
        a += relax * (target - a)
        attach = dt * k_att * a * (1 - c - r)
        stroke = dt * k_s * c
        c += attach - stroke
        r_new = (r + stroke) / (1 + dt * k_d)  # implicit in the fast ATP-binding step
        used += r + stroke - r_new  # each head that leaves rigor has bound (and will split) one ATP
        r = r_new
    act, cyc, rig, split = (np.array(x) for x in (act, cyc, rig, split))
    return Run(t, act, cyc, rig, split, float(calcium_on_ms))


@dataclass(frozen=True)
class Steady:
    """Fractions of heads in each state, and ATP use, with every actin site uncovered."""

    detached: float  # [-]
    cycling: float  # attached, holding ADP [-]
    rigor: float  # attached, no nucleotide [-]
    atp_per_head_per_s: float  # ATP split per head per second [1/s]


def steady_state(cycle: Cycle = CYCLE) -> Steady:
    """The steady state with every actin site uncovered, solved exactly.

    One flux runs round the cycle: ``J = k_att D = k_stroke C = k_atp [ATP] R`` with ``D + C + R = 1``.
    """
    k_att, k_s, k_d = cycle.attach_per_ms, cycle.stroke_per_ms, cycle.detach_per_ms
    if k_d == 0:
        return Steady(0.0, 0.0, 1.0, 0.0)
    d = 1 / (1 + k_att / k_s + k_att / k_d)
    return Steady(d, d * k_att / k_s, d * k_att / k_d, 1000 * k_att * d)


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


LATE_MS = 200.0  # how long after calcium removal the chapter checks what is still attached [ms], illustrative


@dataclass(frozen=True)
class Summary:
    """The numbers the chapter and its tests read off one activation and relaxation."""

    attached_during: float  # heads attached while calcium is present [-]
    rigor_during: float  # of them, heads in rigor [-]
    attached_late: float  # heads still attached LATE_MS after calcium removal [-]
    detachment_half_time_ms: float  # calcium removal to half the heads let go [ms]; inf if never
    atp_per_head_per_s: float  # steady ATP use with calcium present [1/s]


@cache
def summary(cycle: Cycle = CYCLE) -> Summary:
    """The numbers the chapter and its tests read off one activation and relaxation."""
    run = simulate(cycle)
    on = run.t_ms < run.calcium_off_ms
    return Summary(
        attached_during=float(run.attached[on][-1]),
        rigor_during=float(run.rigor[on][-1]),
        attached_late=attached_at(run, LATE_MS),
        detachment_half_time_ms=detachment_half_time_ms(run),
        atp_per_head_per_s=steady_state(cycle).atp_per_head_per_s,
    )


def atp_leaving_attached(fraction: float = 0.1, cycle: Cycle = CYCLE) -> float:
    """The ATP [mM] below which more than ``fraction`` of the heads stay attached ``LATE_MS`` after calcium
    removal (bisection on a log scale; the attached fraction falls monotonically as ATP rises)."""
    low, high = 1e-5, NORMAL_ATP_MM
    for _ in range(30):
        mid = (low * high) ** 0.5
        low, high = (mid, high) if summary(cycle.replace(atp_mm=mid)).attached_late > fraction else (low, mid)
    return high


def getting_started() -> Run:
    """A first run to start from: the illustrative fibre at a tenth of normal ATP."""
    return simulate(CYCLE.replace(atp_mm=NORMAL_ATP_MM / 10))  # illustrative: a first run to change
