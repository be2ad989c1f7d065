"""Constants shared by several chapters' models, defined once.

The calcium pump (SERCA) and cross-bridge detachment both need ATP; how much they slow when ATP
falls is set by the same two half-saturation constants in the coupling and fatigue models.
"""

NORMAL_ATP_MM = 5.0  # ATP in resting muscle [mM]: a round textbook value for "several millimolar", illustrative
SERCA_ATP_K_MM = 0.05  # ATP of half-maximal pumping [mM], illustrative
DETACH_ATP_K_MM = 0.2  # ATP of half-maximal cross-bridge detachment [mM], illustrative


def atp_saturation(atp_mm: float, k_mm: float) -> float:
    """Michaelis-Menten saturation of an ATP-using step at ``atp_mm`` [-]."""
    return atp_mm / (atp_mm + k_mm)
