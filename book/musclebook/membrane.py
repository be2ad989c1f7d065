"""Membrane potential of a skeletal muscle fibre: Nernst and Goldman-Hodgkin-Katz.

Chapter: ``book/membrane.ipynb``.

Concentrations (mM, outside / inside) are those tabulated for mammalian skeletal muscle by Hille
(2001). The Goldman-Hodgkin-Katz (GHK) voltage equation gives the resting potential from the
concentrations and the relative permeabilities of the membrane to K⁺, Na⁺ and Cl⁻::

    V = (RT/F) ln[(P_K K_o + P_Na Na_o + P_Cl Cl_i) / (P_K K_i + P_Na Na_i + P_Cl Cl_o)]

The permeabilities are relative to P_K. Muscle membrane is very permeable to chloride, but hardly
pumps it: in a steady state chloride settles where its Nernst potential equals the membrane
potential, carries no net current and drops out of the sum. (Right after a sudden change, before
chloride has redistributed, it would damp the change; the model leaves that out.) P_Na is fitted so that
the fibre rests at -85 mV with 4 mM external K⁺, as measured by Jurkat-Rott et al. (2009).
What is measured, fitted or illustrative is listed in ``PARAMETER_STATUS``.

What GHK cannot do: with fixed permeabilities it predicts that a fibre hyperpolarises further and
further as external K⁺ falls, but real fibres below 1 mM K⁺ depolarise to a second stable potential
near -60 mV (Jurkat-Rott et al. 2009), because their K⁺ channels close. ``ghk_valid`` flags the
region. Calcium barely enters the GHK sum at rest; low calcium acts by moving the firing threshold
towards the resting potential (surface-charge screening), which ``threshold_mv`` shows qualitatively
with an illustrative size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .i18n import N_, Msg
from .params import Params, nonnegative, positive

GAS_CONSTANT = 8.314462618  # J/(mol K)
FARADAY = 96485.33212  # C/mol
BODY_TEMPERATURE_C = 37.0

# Hille 2001, mammalian skeletal muscle: (outside, inside) [mM]
NORMAL = {"K": (4.0, 155.0), "Na": (145.0, 12.0), "Cl": (123.0, 4.2), "Ca": (1.5, 1e-4)}
VALENCE = {"K": 1, "Na": 1, "Cl": -1, "Ca": 2}

RESTING_MV_AT_4MM = -85.0  # Jurkat-Rott et al. 2009 [mV]
PARADOX_BELOW_K_MM = 1.0  # below this external K⁺ fibres depolarise paradoxically (same source) [mM]
PARADOX_MV = -60.0  # the second stable potential (same source) [mV]
THRESHOLD_MV = -55.0  # firing threshold at normal calcium [mV], illustrative
THRESHOLD_SHIFT_PER_HALVING_MV = 5.0  # threshold moves towards rest by this per halving of Ca²⁺ [mV], illustrative


def rt_over_f_mv(temperature_c: float = BODY_TEMPERATURE_C) -> float:
    """RT/F [mV]."""
    if not temperature_c > -273.15:
        raise ValueError(f"temperature {temperature_c!r} °C is below absolute zero")
    return 1000 * GAS_CONSTANT * (temperature_c + 273.15) / FARADAY


def nernst_mv(ion: str, outside_mm: float, inside_mm: float, temperature_c: float = BODY_TEMPERATURE_C) -> float:
    """Equilibrium potential of ``ion`` [mV]."""
    if ion not in VALENCE:
        raise ValueError(f"unknown ion {ion!r}: expected one of {sorted(VALENCE)}")
    if not (outside_mm > 0 and inside_mm > 0):
        raise ValueError(f"{ion}: concentrations must be positive, got outside={outside_mm!r}, inside={inside_mm!r}")
    return rt_over_f_mv(temperature_c) / VALENCE[ion] * math.log(outside_mm / inside_mm)


@dataclass(frozen=True)
class Membrane(Params):
    """The concentrations on both sides of a fibre's membrane and its relative sodium permeability."""

    k_out_mm: float = positive(NORMAL["K"][0])  # K⁺ outside (plasma) [mM]
    k_in_mm: float = positive(NORMAL["K"][1])  # K⁺ inside [mM]
    na_out_mm: float = positive(NORMAL["Na"][0])  # Na⁺ outside [mM]
    na_in_mm: float = positive(NORMAL["Na"][1])  # Na⁺ inside [mM]
    ca_out_mm: float = positive(NORMAL["Ca"][0])  # free Ca²⁺ outside [mM]
    p_na: float = nonnegative(0.0)  # P_Na / P_K [-], fitted (see P_NA)
    temperature_c: float = BODY_TEMPERATURE_C


def ghk_mv(membrane: Membrane) -> float:
    """Steady resting potential by the GHK voltage equation [mV], fixed permeabilities, chloride in equilibrium."""
    top = membrane.k_out_mm + membrane.p_na * membrane.na_out_mm
    bottom = membrane.k_in_mm + membrane.p_na * membrane.na_in_mm
    return rt_over_f_mv(membrane.temperature_c) * math.log(top / bottom)


def fit_p_na(target_mv: float = RESTING_MV_AT_4MM) -> float:
    """The P_Na / P_K that puts the normal fibre at ``target_mv`` (bisection)."""
    low, high = 0.0, 1.0
    for _ in range(60):
        mid = (low + high) / 2
        if ghk_mv(Membrane(p_na=mid)) < target_mv:
            low = mid
        else:
            high = mid
    return (low + high) / 2


P_NA = fit_p_na()
REST = Membrane(p_na=P_NA)

PARAMETER_STATUS = {  # shown by musclebook.parameter_table, in the reader's language
    N_("ion concentrations inside and outside"): N_("measured: mammalian skeletal muscle, Hille 2001"),
    Msg(N_("resting potential {mv:g} mV at {k_mm:g} mM K⁺"), mv=RESTING_MV_AT_4MM, k_mm=NORMAL["K"][0]): N_(
        "measured: Jurkat-Rott et al. 2009 (sets P_Na)"
    ),
    Msg(N_("P_Na / P_K = {ratio:.3f}"), ratio=P_NA): N_("fitted: to that resting potential"),
    N_("chloride in equilibrium in a steady state (drops out of GHK)"): N_("model assumption"),
    Msg(
        N_("paradoxical depolarisation below {k_mm:g} mM K⁺, to {mv:g} mV"), k_mm=PARADOX_BELOW_K_MM, mv=PARADOX_MV
    ): N_("measured: Jurkat-Rott et al. 2009 (outside GHK)"),
    Msg(N_("threshold {mv:g} mV and its shift with calcium"), mv=THRESHOLD_MV): N_(
        "qualitative: direction known, size illustrative"
    ),
    N_("inside concentrations held fixed when plasma changes"): N_("model assumption"),
}


def ghk_valid(membrane: Membrane) -> bool:
    """False where fixed-permeability GHK is known to fail: external K⁺ below the paradox threshold."""
    return membrane.k_out_mm >= PARADOX_BELOW_K_MM


def threshold_mv(ca_out_mm: float) -> float:
    """Firing threshold [mV]: closer to rest when external calcium is low (qualitative, illustrative size)."""
    if not ca_out_mm > 0:
        raise ValueError(f"external calcium {ca_out_mm!r} mM must be positive")
    return THRESHOLD_MV + THRESHOLD_SHIFT_PER_HALVING_MV * math.log2(ca_out_mm / NORMAL["Ca"][0])


def with_plasma(ion: str, outside_mm: float, membrane: Membrane = REST) -> Membrane:
    """The fibre with the external concentration of one ion changed (the inside is left as it is).

    Chloride is not offered: in a steady state it is in equilibrium and does not set the potential.
    """
    name = {"K": "k_out_mm", "Na": "na_out_mm", "Ca": "ca_out_mm"}.get(ion)
    if name is None:
        raise ValueError(f"unknown ion {ion!r}: expected K, Na or Ca")
    return membrane.replace(**{name: outside_mm})


def p_na_for_zero_mv(membrane: Membrane = REST) -> float:
    """The P_Na / P_K at which the GHK potential crosses 0 mV (the inside turns positive) [-]."""
    return (membrane.k_in_mm - membrane.k_out_mm) / (membrane.na_out_mm - membrane.na_in_mm)


def getting_started() -> float:
    """A first number to start from: the resting potential with plasma potassium raised to 6 mM [mV]."""
    return ghk_mv(with_plasma("K", 6.0))  # illustrative: a first number to change
