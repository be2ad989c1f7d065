"""Excitation-contraction coupling and relaxation: calcium in, calcium out, cross-bridges on and off.

Chapter: ``book/coupling.ipynb``.

A small kinetic model of one muscle fibre after an action potential (all rates per ms,
concentrations in µM or mM as named):

1. Release. After a short delay the sarcoplasmic reticulum (SR) releases calcium with a brief
   flux ``J_rel(t) = release_um_per_ms * (t/τ) e^(1 - t/τ)``.
2. Buffering. Calcium binds to troponin and other fast buffers (``B``, total ``buffer_um``).
3. Removal. SERCA pumps calcium back into the SR at ``J_up = serca * Ca² / (Ca² + K²)``,
   scaled by ``serca_scale`` (1 = normal) and by the ATP it needs (``ATP / (ATP + K_ATP)``);
   a leak balances the pump at the resting calcium level.
4. Force. Cross-bridges attach at a rate that rises steeply with the fraction of troponin that
   holds calcium, and detach only after binding ATP, at ``k_det * ATP / (ATP + K_det)``.

Which parameters are measured and which are fitted or illustrative is listed in
``PARAMETER_STATUS``. Release rate and pump rate of each fibre type are fitted (:func:`fit_rates`) so
that the peak and the half-duration of the free-calcium transient are those Baylor & Hollingworth
(2003) measured in mouse fibres at 16 °C; the buffer, cross-bridge and ATP constants are illustrative.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from .constants import DETACH_ATP_K_MM, NORMAL_ATP_MM, SERCA_ATP_K_MM, atp_saturation
from .i18n import N_, Msg
from .params import Params, fraction, positive
from .published import VALUES

DT_MS = 0.025  # integration step [ms]; results as with 0.005 ms (tested)
RESTING_CA_UM = 0.05  # resting free calcium [µM]
MAX_CALCIUM_UM = 1000.0  # free calcium beyond which a run is refused as diverged [µM]
TWITCH_TRACE_MS = 150.0  # how long a twitch is followed [ms]
# peak SR release flux and maximal SERCA uptake of each fibre type [µM/ms], fitted (fit_rates)
RELEASE_FAST, SERCA_FAST = 118.9, 20.05
RELEASE_SLOW, SERCA_SLOW = 87.89, 9.841


@dataclass(frozen=True)
class Fibre(Params):
    name: str
    release_um_per_ms: float = positive()  # peak SR calcium release flux [µM/ms], fitted
    serca_um_per_ms: float = positive()  # maximal SERCA uptake rate [µM/ms], fitted
    release_time_ms: float = positive(1.0)  # time to peak of the release flux [ms], illustrative
    delay_ms: float = positive(1.0)  # action potential to release [ms], illustrative
    serca_k_um: float = positive(1.0)  # calcium of half-maximal pumping [µM], illustrative
    serca_atp_k_mm: float = positive(SERCA_ATP_K_MM)  # ATP of half-maximal pumping [mM], illustrative
    buffer_um: float = positive(240.0)  # fast calcium buffers incl. troponin [µM], illustrative
    buffer_on_per_um_ms: float = positive(0.1)  # buffer binding rate [1/(µM ms)], illustrative
    buffer_off_per_ms: float = positive(0.3)  # buffer unbinding rate [1/ms], illustrative
    attach_per_ms: float = positive(0.5)  # cross-bridge attachment rate at full activation [1/ms], illustrative
    detach_per_ms: float = positive(0.08)  # cross-bridge detachment rate with plenty of ATP [1/ms], illustrative
    detach_atp_k_mm: float = positive(DETACH_ATP_K_MM)  # ATP of half-maximal detachment [mM], illustrative
    serca_scale: float = positive(1.0)  # pump capacity relative to normal [-]
    atp_mm: float = positive(NORMAL_ATP_MM)  # ATP concentration [mM]
    rlc_phosphorylated: float = fraction(0.0)  # fraction of myosin regulatory light chains phosphorylated [-]


#: release and pump rates: ``fit_rates`` to the mean peak rise and half-duration of Baylor & Hollingworth (2003)
FAST = Fibre("fast", release_um_per_ms=RELEASE_FAST, serca_um_per_ms=SERCA_FAST)
SLOW = Fibre("slow", release_um_per_ms=RELEASE_SLOW, serca_um_per_ms=SERCA_SLOW)

PARAMETER_STATUS = {  # shown by musclebook.parameter_table, in the reader's language
    N_("release and pump rates of each fibre type"): (
        N_("fitted: to the calcium transients of Baylor & Hollingworth 2003")
    ),
    Msg(N_("SERCA stoichiometry, {calcium:g} Ca²⁺ per ATP"), calcium=VALUES["serca_calcium_per_atp"].value): N_(
        "measured (used in the text, not in the equations)"
    ),
    N_("buffers, cross-bridge rates, ATP sensitivities"): N_("illustrative"),
    N_("the share of cross-bridges a twitch uses"): N_(
        "illustrative, and far larger than in real muscle, whose single twitch reaches only a fraction of tetanic force"
    ),
    N_("delay and duration of release"): N_("illustrative"),
    N_("staircase: phosphorylation per twitch, its decay, and its effect on cross-bridges"): N_("illustrative"),
}

# Treppe (staircase). Phosphorylation of the myosin regulatory light chain (RLC) by its calcium-calmodulin
# dependent kinase makes cross-bridges attach faster and at less calcium (Zhi et al. 2005). All illustrative:
RLC_ATTACH_GAIN = 1.0  # attachment rate is multiplied by 1 + gain * phosphorylated fraction [-], illustrative
RLC_SENSITISATION = 0.3  # troponin occupancy of half-maximal attachment falls by this fraction [-], illustrative
RLC_PER_TWITCH = 0.06  # fraction of the unphosphorylated RLC phosphorylated by one twitch [-], illustrative
RLC_DEPHOSPHORYLATION_S = 20.0  # time constant of dephosphorylation between twitches [s], illustrative
HALF_ATTACH_OCCUPANCY = 0.5  # troponin occupancy of half-maximal attachment, unphosphorylated [-], illustrative
ATTACH_STEEPNESS = 4  # Hill coefficient of attachment against troponin occupancy [-], illustrative


def attach_rate_per_ms(fibre: Fibre) -> float:
    """Cross-bridge attachment rate at full activation [1/ms]: phosphorylated light chains speed it up."""
    return fibre.attach_per_ms * (1 + RLC_ATTACH_GAIN * fibre.rlc_phosphorylated)


def half_attach_occupancy(fibre: Fibre) -> float:
    """Troponin occupancy at which attachment is half its maximum [-]: phosphorylation lowers it."""
    return HALF_ATTACH_OCCUPANCY * (1 - RLC_SENSITISATION * fibre.rlc_phosphorylated)


def attachment(occupancy, fibre: Fibre) -> np.ndarray:
    """Attachment rate [1/ms] at a troponin occupancy (0-1): the steep switch the simulation uses."""
    occupancy_n = np.asarray(occupancy, dtype=float) ** ATTACH_STEEPNESS
    return attach_rate_per_ms(fibre) * occupancy_n / (occupancy_n + half_attach_occupancy(fibre) ** ATTACH_STEEPNESS)


def pump_capacity_um_per_ms(fibre: Fibre) -> float:
    """Maximal SERCA uptake at the fibre's pump capacity and ATP [µM/ms]."""
    return fibre.serca_um_per_ms * fibre.serca_scale * atp_saturation(fibre.atp_mm, fibre.serca_atp_k_mm)


def uptake_um_per_ms(calcium_um, fibre: Fibre) -> np.ndarray:
    """SERCA uptake [µM/ms] at a free calcium: half its capacity at ``serca_k_um``, cooperative (Hill 2)."""
    ca2 = np.asarray(calcium_um, dtype=float) ** 2
    return pump_capacity_um_per_ms(fibre) * ca2 / (ca2 + fibre.serca_k_um**2)


def leak_um_per_ms(fibre: Fibre) -> float:
    """The SR's calcium leak [µM/ms]: what the pump takes up at the resting calcium, so that rest is steady."""
    return float(uptake_um_per_ms(RESTING_CA_UM, fibre))


def binding_um_per_ms(calcium_um, bound_um, fibre: Fibre) -> np.ndarray:
    """Net binding of calcium to the fast buffers (troponin among them) [µM/ms]."""
    free_sites = fibre.buffer_um - np.asarray(bound_um, dtype=float)
    return (
        fibre.buffer_on_per_um_ms * np.asarray(calcium_um, dtype=float) * free_sites
        - fibre.buffer_off_per_ms * bound_um
    )


def release_um_per_ms(t_ms, stimuli_ms, fibre: Fibre) -> np.ndarray:
    """SR calcium release [µM/ms] at times ``t_ms``: a brief flux (t/τ) e^(1 - t/τ) after each stimulus's delay."""
    t_ms = np.asarray(t_ms, dtype=float)
    release = np.zeros_like(t_ms)
    for s in stimuli_ms:
        x = np.clip(t_ms - s - fibre.delay_ms, 0, None) / fibre.release_time_ms
        release += fibre.release_um_per_ms * x * np.exp(1 - x)
    return release


def detach_rate_per_ms(fibre: Fibre) -> float:
    """Cross-bridge detachment [1/ms]: it needs ATP."""
    return fibre.detach_per_ms * atp_saturation(fibre.atp_mm, fibre.detach_atp_k_mm)


@dataclass(frozen=True)
class Transient:
    t_ms: np.ndarray
    calcium_um: np.ndarray  # free calcium [µM]
    troponin: np.ndarray  # fraction of buffer (troponin) with calcium bound [-]
    force: np.ndarray  # fraction of cross-bridges attached [-]
    pumped_um: float  # calcium pumped back by SERCA over the run [µM]

    @property
    def atp_used_by_serca_um(self) -> float:
        """ATP split by the pump: one ATP for every 2 Ca²⁺ moved [µM]."""
        return self.pumped_um / 2


@cache
def simulate(fibre: Fibre, stimuli_ms: tuple = (0.0,), duration_ms: float = TWITCH_TRACE_MS) -> Transient:
    """Free calcium, troponin occupancy and force after action potentials at ``stimuli_ms``.

    Explicit Euler steps of the equations of ``release_um_per_ms``, ``uptake_um_per_ms``, ``leak_um_per_ms``,
    ``binding_um_per_ms``, ``attachment`` and ``detach_rate_per_ms``, written out on plain Python floats: several
    times faster than calling them, or indexing NumPy arrays, at every step (a test checks each step against them)."""
    n = int(round(duration_ms / DT_MS))
    t = np.arange(n) * DT_MS
    vmax = pump_capacity_um_per_ms(fibre)
    k2 = fibre.serca_k_um**2
    leak = leak_um_per_ms(fibre)
    k_on, k_off, b_tot = fibre.buffer_on_per_um_ms, fibre.buffer_off_per_ms, fibre.buffer_um
    release_list = release_um_per_ms(t, stimuli_ms, fibre).tolist()
    ca, b, f = [0.0] * n, [0.0] * n, [0.0] * n
    ca_i = RESTING_CA_UM
    b_i = b_tot * k_on * ca_i / (k_on * ca_i + k_off)  # troponin in equilibrium with resting calcium
    f_i = 0.0
    pumped = 0.0
    k_det = detach_rate_per_ms(fibre)
    k_att = attach_rate_per_ms(fibre)
    half_n = half_attach_occupancy(fibre) ** ATTACH_STEEPNESS
    dt = DT_MS
    for i in range(n):
        ca2 = ca_i * ca_i
        up = vmax * ca2 / (ca2 + k2)
        bind = k_on * ca_i * (b_tot - b_i) - k_off * b_i
        occupancy_n = (b_i / b_tot) ** ATTACH_STEEPNESS
        attach = k_att * occupancy_n / (occupancy_n + half_n)
        ca[i], b[i], f[i] = ca_i, b_i, f_i
        ca_i = ca_i + dt * (release_list[i] - up + leak - bind)
        if ca_i < 0.0:
            ca_i = 0.0
        b_i = b_i + dt * bind
        f_i = f_i + dt * (attach * (1 - f_i) - k_det * f_i)
        pumped += dt * (up - leak)
        if not ca_i < MAX_CALCIUM_UM:
            raise ValueError(
                f"calcium diverged for fibre '{fibre.name}' with stimuli {stimuli_ms}: the model has no "
                "store depletion and is meant for single twitches and slow trains"
            )
    ca, troponin, f = np.array(ca), np.array(b) / b_tot, np.array(f)
    for array in (t, ca, troponin, f):
        array.flags.writeable = False  # results are cached and shared: read-only
    return Transient(t, ca, troponin, f, float(pumped))


def _crossing_ms(t_ms, y, level: float, i: int) -> float:
    """Where ``y`` crosses ``level`` between samples ``i - 1`` and ``i`` (linear interpolation) [ms]."""
    y0, y1 = y[i - 1], y[i]
    return float(t_ms[i - 1] + (t_ms[i] - t_ms[i - 1]) * (level - y0) / (y1 - y0))


def half_duration_ms(t_ms, y) -> float:
    """Full width at half maximum of the rise above the starting value [ms], between samples."""
    y = np.asarray(y) - y[0]
    half = y.max() / 2
    if not half > 0:
        raise ValueError("the trace never rises above its starting value")
    above = np.nonzero(y >= half)[0]
    first, last = above[0], above[-1]
    if last + 1 == y.size:
        raise ValueError("the trace must fall back below half of its peak before it ends")
    return _crossing_ms(t_ms, y, half, last + 1) - _crossing_ms(t_ms, y, half, first)


def half_relaxation_ms(t_ms, y) -> float:
    """Time from the peak to half of the peak on the way down [ms]."""
    i = int(np.argmax(y))
    after = np.nonzero(y[i:] <= y[i] / 2)[0]
    if not after.size:
        return float("inf")
    return float(t_ms[i + after[0]] - t_ms[i])


@dataclass(frozen=True)
class TwitchSummary:
    """The numbers the chapter and its tests read off one twitch."""

    peak_calcium_rise_um: float  # rise of free calcium above rest [µM]
    calcium_half_duration_ms: float  # full width at half maximum of the calcium transient [ms]
    peak_force: float  # fraction of cross-bridges attached at the peak [-]
    force_half_relaxation_ms: float  # peak to half of peak force [ms]; inf if force never falls to half
    final_force_fraction: float  # force left at the end of the trace, fraction of the peak [-]
    atp_used_by_serca_um: float  # ATP split by the pump during the twitch [µM]


@cache
def summary(fibre: Fibre) -> TwitchSummary:
    """The numbers the chapter and its tests read off one twitch."""
    tr = simulate(fibre)
    return TwitchSummary(
        peak_calcium_rise_um=float(tr.calcium_um.max() - RESTING_CA_UM),
        calcium_half_duration_ms=half_duration_ms(tr.t_ms, tr.calcium_um),
        peak_force=float(tr.force.max()),
        force_half_relaxation_ms=half_relaxation_ms(tr.t_ms, tr.force),
        final_force_fraction=float(tr.force[-1] / tr.force.max()),
        atp_used_by_serca_um=float(tr.atp_used_by_serca_um),
    )


def fit_rates(fibre: Fibre, peak_rise_um: float, half_duration_ms: float) -> tuple[float, float]:
    """Release and pump rates [µM/ms] that give ``fibre`` a calcium transient with this peak rise above
    rest [µM] and this full width at half maximum [ms], to four significant figures.

    More release raises the peak; a faster pump shortens the transient (and lowers the peak). Newton's
    method on the logarithms of the two rates, from ``fibre``'s own rates, with differences of 0.1 %."""

    def read(log_rates: np.ndarray) -> np.ndarray:
        release, serca = np.exp(log_rates)
        s = summary(fibre.replace(release_um_per_ms=float(release), serca_um_per_ms=float(serca)))
        return np.log([s.peak_calcium_rise_um / peak_rise_um, s.calcium_half_duration_ms / half_duration_ms])

    x = np.log([fibre.release_um_per_ms, fibre.serca_um_per_ms])
    for _ in range(20):
        miss = read(x)
        if np.max(np.abs(miss)) < 1e-7:
            break
        step = 1e-3
        jacobian = np.column_stack([(read(x + step * e) - miss) / step for e in np.eye(2)])
        x = x - np.linalg.solve(jacobian, miss)
    else:
        raise ValueError(
            f"fit_rates: no rates give fibre '{fibre.name}' a {peak_rise_um} µM, {half_duration_ms} ms transient"
        )
    return tuple(float(f"{rate:.4g}") for rate in np.exp(x))


def rlc_before_each_twitch(
    frequency_hz: float, twitches: int = 20, kinase: bool = True, start: float = 0.0
) -> np.ndarray:
    """Phosphorylated fraction of the regulatory light chains just before each twitch of a train.

    Each twitch phosphorylates a fraction ``RLC_PER_TWITCH`` of the remaining light chains (none if
    ``kinase`` is False, as in mice lacking the kinase), which decays between twitches.
    """
    if not 0 < frequency_hz <= 5:
        raise ValueError(f"staircase frequency {frequency_hz!r} Hz must lie in (0, 5] so that twitches do not overlap")
    if twitches < 1:
        raise ValueError(f"staircase needs at least one twitch, got {twitches}")
    decay = np.exp(-1 / frequency_hz / RLC_DEPHOSPHORYLATION_S)
    p, out = start, []
    for _ in range(twitches):
        out.append(p)
        if kinase:
            p += RLC_PER_TWITCH * (1 - p)
        p *= decay
    return np.array(out)


def staircase(fibre: Fibre, frequency_hz: float, twitches: int = 20, kinase: bool = True) -> np.ndarray:
    """Peak force of each twitch in a train at ``frequency_hz``, relative to the first (treppe).

    Twitches at 5 Hz or less do not overlap, so each is simulated from rest with the phosphorylation it
    finds (interpolated between 11 precomputed levels).
    """
    rlc = rlc_before_each_twitch(frequency_hz, twitches, kinase, fibre.rlc_phosphorylated)
    grid = np.linspace(0, 1, 11)
    peaks = np.array([_peak_force(fibre.replace(rlc_phosphorylated=float(p))) for p in grid])
    out = np.interp(rlc, grid, peaks)
    return out / out[0]


@cache
def _peak_force(fibre: Fibre) -> float:
    return float(simulate(fibre).force.max())
