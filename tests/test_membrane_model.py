"""Nernst and GHK for mammalian skeletal muscle (Hille 2001) against Jurkat-Rott et al. (2009), and invariants."""

from __future__ import annotations

import math

import pytest

from musclebook import membrane as mb
from musclebook import membrane_plots as pl
from musclebook.explorer import Renderer
from musclebook.language import localise
from musclebook.published import VALUES

MEMBRANE_FRAMES = list(pl.MEMBRANE.grid())
PERMEABILITY_FRAMES = list(pl.PERMEABILITY.grid())
P_NA_CONTROL = pl.PERMEABILITY.controls[0]


def test_rt_over_f_at_body_temperature():
    assert mb.rt_over_f_mv() == pytest.approx(26.73, abs=0.01)  # the textbook's 26.73 mV at 37 °C, to its digits


def test_concentrations_are_the_published_ones():
    for ion, name in [("K", "potassium"), ("Na", "sodium"), ("Cl", "chloride")]:
        assert mb.NORMAL[ion] == (VALUES[f"muscle_{name}_out_mm"].value, VALUES[f"muscle_{name}_in_mm"].value)
    assert mb.NORMAL["Ca"] == (VALUES["muscle_calcium_out_mm"].value, VALUES["muscle_calcium_in_mm"].value)


def test_equilibrium_potentials_have_the_textbook_signs_and_sizes():
    assert -100 < mb.nernst_mv("K", *mb.NORMAL["K"]) < -95
    assert 60 < mb.nernst_mv("Na", *mb.NORMAL["Na"]) < 70
    assert -95 < mb.nernst_mv("Cl", *mb.NORMAL["Cl"]) < -85


def test_fibre_rests_where_jurkat_rott_measured_it():
    # PNAS 106:4036: about -85 mV at 4 mM external K+ (P_Na is fitted to this)
    assert mb.ghk_mv(mb.REST) == pytest.approx(VALUES["resting_potential_4mm_k_mv"].value, abs=1e-9)  # bisection
    assert mb.REST.k_out_mm == VALUES["muscle_potassium_out_mm"].value
    assert 0.005 < mb.P_NA < 0.05  # a small sodium permeability, as in every textbook account


def test_the_measured_inputs_are_the_registered_ones():
    """Provenance of the resting potential the sodium permeability is fitted to, and of the paradox."""
    assert VALUES["resting_potential_4mm_k_mv"].value == mb.RESTING_MV_AT_4MM
    assert VALUES["paradox_below_k_mm"].value == mb.PARADOX_BELOW_K_MM
    assert VALUES["paradox_potential_mv"].value == mb.PARADOX_MV


def test_the_fitted_sodium_permeability_solves_ghk_in_closed_form():
    """Fitted: GHK solved for P_Na/P_K by hand, r = exp(V F/RT), P = (r K_i - K_o) / (Na_o - r Na_i), at the
    measured -85 mV: the bisection agrees to 1e-9."""
    k_out, k_in = (VALUES[f"muscle_potassium_{side}_mm"].value for side in ("out", "in"))
    na_out, na_in = (VALUES[f"muscle_sodium_{side}_mm"].value for side in ("out", "in"))
    r = math.exp(VALUES["resting_potential_4mm_k_mv"].value / mb.rt_over_f_mv())
    assert pytest.approx((r * k_in - k_out) / (na_out - r * na_in), rel=1e-9) == mb.P_NA


def test_ghk_becomes_the_potassium_or_the_sodium_nernst_potential_at_the_extremes():
    # one permeant ion: GHK is that ion's Nernst potential
    assert mb.ghk_mv(mb.REST.replace(p_na=0.0)) == pytest.approx(mb.nernst_mv("K", *mb.NORMAL["K"]), rel=1e-12)
    assert mb.ghk_mv(mb.REST.replace(p_na=1e9)) == pytest.approx(mb.nernst_mv("Na", *mb.NORMAL["Na"]), rel=1e-6)
    assert mb.ghk_mv(mb.REST.replace(p_na=mb.p_na_for_zero_mv())) == pytest.approx(0.0, abs=1e-9)


def test_nernst_scales_with_the_ion_s_charge():
    # RT/(zF) ln(out/in): a tenfold gradient is 61.5 mV for K+, half that for Ca2+, the opposite sign for Cl-
    ten = mb.rt_over_f_mv() * math.log(10)
    assert mb.nernst_mv("K", 10.0, 1.0) == pytest.approx(ten, rel=1e-12)
    assert mb.nernst_mv("Ca", 10.0, 1.0) == pytest.approx(ten / 2, rel=1e-12)
    assert mb.nernst_mv("Cl", 10.0, 1.0) == pytest.approx(-ten, rel=1e-12)
    assert mb.rt_over_f_mv(20.0) < mb.rt_over_f_mv()  # colder, smaller


def test_ghk_holds_at_the_paradox_threshold_and_fails_below_it():
    at = mb.with_plasma("K", VALUES["paradox_below_k_mm"].value)
    assert mb.ghk_valid(at) and not mb.ghk_valid(mb.with_plasma("K", 0.99 * VALUES["paradox_below_k_mm"].value))


def test_each_halving_of_calcium_moves_the_threshold_by_the_same_step():
    # qualitative, with an illustrative size: a logarithmic dependence, towards rest as calcium falls
    normal = mb.NORMAL["Ca"][0]
    assert mb.threshold_mv(normal) == mb.THRESHOLD_MV
    for ca in (normal / 2, normal / 4, normal * 2):
        step = mb.threshold_mv(ca) - mb.threshold_mv(2 * ca)
        assert step == pytest.approx(-mb.THRESHOLD_SHIFT_PER_HALVING_MV, rel=1e-12)


def test_ghk_lies_between_the_equilibrium_potentials():
    for params in MEMBRANE_FRAMES:
        m = mb.with_plasma(params["ion"], pl.LEVELS[params["ion"]][params["level"]])
        assert mb.nernst_mv("K", m.k_out_mm, m.k_in_mm) < mb.ghk_mv(m) < mb.nernst_mv("Na", m.na_out_mm, m.na_in_mm)


def test_ghk_is_flagged_wrong_where_fibres_depolarise_paradoxically():
    # Jurkat-Rott et al. 2009: below 1.0 mM K+ fibres depolarise to about -60 mV; GHK predicts the opposite
    assert VALUES["paradox_below_k_mm"].value == mb.PARADOX_BELOW_K_MM
    assert VALUES["paradox_potential_mv"].value == mb.PARADOX_MV
    low = mb.with_plasma("K", 0.5)
    assert not mb.ghk_valid(low) and mb.ghk_mv(low) < mb.ghk_mv(mb.REST) < mb.PARADOX_MV
    assert mb.ghk_valid(mb.REST)


def test_potassium_moves_the_resting_potential_far_more_than_sodium():
    dk = mb.ghk_mv(mb.with_plasma("K", 6.0)) - mb.ghk_mv(mb.REST)
    dna = mb.ghk_mv(mb.with_plasma("Na", 130.0)) - mb.ghk_mv(mb.REST)
    assert dk > 5 and abs(dna) < 2


def test_low_calcium_moves_the_threshold_towards_rest_and_not_the_resting_potential():
    assert mb.ghk_mv(mb.with_plasma("Ca", 0.75)) == mb.ghk_mv(mb.REST)
    assert mb.threshold_mv(0.75) < mb.threshold_mv(1.5) < mb.threshold_mv(2.5)


@pytest.fixture(scope="module")
def views():
    """One view per explorer, to read the text alternative of any frame without drawing it."""
    return {spec.key: Renderer(spec.view).view for spec in (pl.MEMBRANE, pl.PERMEABILITY)}


@pytest.mark.parametrize("params", MEMBRANE_FRAMES, ids=lambda p: f"{p['ion']}-{p['level']}")
def test_explorer_box_is_finite_and_described(views, params):
    ion, level = params["ion"], params["level"]
    s = pl.state(ion, level)
    assert all(math.isfinite(v) for v in (s.vm_mv, s.threshold_mv, s.e_k_mv, s.e_na_mv))
    assert -110 < s.vm_mv < -40 and -110 < s.threshold_mv < -40  # inside the figure's fixed scale
    outside = pl.LEVELS[ion][level]
    vm = mb.ghk_mv(mb.with_plasma(ion, outside))
    assert s.vm_mv == vm and s.outside_mm == outside
    text = views[pl.MEMBRANE.key].update(**params)
    assert f"at {outside:g} mM ({pl.LEVEL_NAMES[level]})" in text
    now, normal = localise(f"{vm:.1f}", "en"), localise(f"{mb.ghk_mv(mb.REST):.1f}", "en")  # a typographic minus
    assert f"resting potential at {now} mV (normal {normal} mV)" in text
    threshold = mb.threshold_mv(mb.with_plasma(ion, outside).ca_out_mm)
    assert f"firing threshold of {localise(f'{threshold:.0f}', 'en')} mV" in text
    assert ("Here GHK is wrong" in text) == (ion == "K" and outside < mb.PARADOX_BELOW_K_MM)


def test_the_explorer_starts_at_normal_plasma():
    level = pl.MEMBRANE.controls[1]
    assert level.values[level.start] == pl.NORMAL_LEVEL
    for ion in pl.IONS:
        assert pl.LEVELS[ion][pl.NORMAL_LEVEL] == mb.NORMAL[ion][0]


@pytest.mark.parametrize("ion", ["K", "Na"])
def test_more_of_a_cation_outside_depolarises(ion):
    vm = [mb.ghk_mv(mb.with_plasma(ion, c)) for c in pl.LEVELS[ion]]
    assert all(a < b for a, b in zip(vm, vm[1:]))


@pytest.mark.parametrize("change", [dict(k_out_mm=0.0), dict(na_in_mm=-1.0), dict(p_na=-0.1)])
def test_bad_membranes_are_refused_by_field(change):
    field = next(iter(change))
    with pytest.raises(ValueError, match=f"Membrane: {field}="):
        mb.REST.replace(**change)


def test_unknown_ion_is_refused():
    with pytest.raises(ValueError, match="unknown ion"):
        mb.nernst_mv("Mg", 1.0, 0.5)
    with pytest.raises(ValueError, match="unknown ion"):
        mb.with_plasma("Li", 1.0)


def test_more_sodium_permeability_moves_the_membrane_from_e_k_towards_e_na():
    ratios = sorted(P_NA_CONTROL.values)
    vm = [mb.ghk_mv(mb.REST.replace(p_na=r)) for r in ratios]
    e_k, e_na = mb.nernst_mv("K", *mb.NORMAL["K"]), mb.nernst_mv("Na", *mb.NORMAL["Na"])
    assert all(a < b for a, b in zip(vm, vm[1:]))
    assert e_k < vm[0] and vm[-1] < e_na and vm[-1] > 0
    # starts at rest: the slider's value nearest the fitted ratio, its values given to three decimals
    assert P_NA_CONTROL.values[P_NA_CONTROL.start] == pytest.approx(mb.P_NA, abs=5e-4)


@pytest.mark.parametrize("params", PERMEABILITY_FRAMES, ids=lambda p: f"p_na{p['p_na']:g}")
def test_permeability_text_alternative_gives_the_frame_s_potential(views, params):
    vm = mb.ghk_mv(mb.REST.replace(p_na=params["p_na"]))
    assert -110 < vm < 80  # inside the figure's fixed scale
    text = views[pl.PERMEABILITY.key].update(**params)
    assert f"sodium permeability {params['p_na']:g} times the potassium permeability" in text
    assert f"puts the membrane at {localise(f'{vm:+.0f}', 'en')} mV" in text


def test_the_inside_turns_positive_where_p_na_for_zero_mv_says():
    ratio = mb.p_na_for_zero_mv()
    assert mb.ghk_mv(mb.REST.replace(p_na=ratio)) == pytest.approx(0, abs=1e-9)
    assert mb.ghk_mv(mb.REST.replace(p_na=ratio * 0.99)) < 0 < mb.ghk_mv(mb.REST.replace(p_na=ratio * 1.01))
    low, high = P_NA_CONTROL.live[:2]
    assert low < ratio < high  # the permeability explorer reaches it


def test_the_physical_constants_are_the_si_values():
    """Provenance: since the 2019 SI the elementary charge, Avogadro's and Boltzmann's constants are exact
    (BIPM, The International System of Units, 9th edition): F = e N_A and R = k_B N_A, to the digits given."""
    elementary_charge, avogadro, boltzmann = 1.602176634e-19, 6.02214076e23, 1.380649e-23
    assert elementary_charge * avogadro == pytest.approx(mb.FARADAY, rel=1e-10)  # 96485.33212(331)
    assert boltzmann * avogadro == pytest.approx(mb.GAS_CONSTANT, rel=1e-9)


def test_a_membrane_open_to_potassium_alone_sits_at_the_potassium_equilibrium():
    """Mechanism: with no sodium permeability (the default of a Membrane) the GHK potential is E(K)."""
    membrane = mb.Membrane()
    assert membrane.p_na == 0
    assert mb.ghk_mv(membrane) == pytest.approx(mb.nernst_mv("K", membrane.k_out_mm, membrane.k_in_mm), abs=1e-12)


@pytest.mark.parametrize("outside, inside", [(0.0, 155.0), (4.0, 0.0), (-0.5, 155.0), (4.0, -0.5)])
def test_a_concentration_that_is_not_positive_is_refused_by_name(outside, inside):
    with pytest.raises(ValueError, match="concentrations must be positive"):
        mb.nernst_mv("K", outside, inside)


def test_the_parameter_table_states_the_measured_resting_potential():
    """Implementation: the table gives the resting potential at the external potassium Jurkat-Rott et al. 2009
    measured it at, as published.py registers both."""
    rest, k_out = VALUES["resting_potential_4mm_k_mv"], VALUES["muscle_potassium_out_mm"]
    rows = {str(key) for key in mb.PARAMETER_STATUS}
    assert f"resting potential {localise(f'{rest.value:g}', 'en')} mV at {k_out.value:g} mM K⁺" in rows, rows


def test_temperatures_at_or_below_absolute_zero_are_refused():
    for cold in (-273.15, -273.5):
        with pytest.raises(ValueError, match="below absolute zero"):
            mb.rt_over_f_mv(cold)
    assert mb.rt_over_f_mv(-273.0) > 0  # 0.15 K: cold, but a temperature


@pytest.mark.parametrize("calcium", [0.0, -0.5])
def test_external_calcium_that_is_not_positive_has_no_threshold(calcium):
    with pytest.raises(ValueError, match="external calcium"):
        mb.threshold_mv(calcium)
