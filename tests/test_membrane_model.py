"""Nernst and GHK for mammalian skeletal muscle (Hille 2001) against Jurkat-Rott et al. (2009), and invariants."""

from __future__ import annotations

import itertools
import math

import pytest

from musclebook import membrane as mb
from musclebook import membrane_plots as pl
from musclebook.published import VALUES


def test_rt_over_f_at_body_temperature():
    assert mb.rt_over_f_mv() == pytest.approx(26.73, abs=0.01)


def test_concentrations_are_the_published_ones():
    for ion, name in [("K", "potassium"), ("Na", "sodium"), ("Cl", "chloride")]:
        assert mb.NORMAL[ion] == (VALUES[f"muscle_{name}_out_mm"].value, VALUES[f"muscle_{name}_in_mm"].value)
    assert mb.NORMAL["Ca"][0] == VALUES["muscle_calcium_out_mm"].value


def test_equilibrium_potentials_have_the_textbook_signs_and_sizes():
    assert -100 < mb.nernst_mv("K", *mb.NORMAL["K"]) < -95
    assert 60 < mb.nernst_mv("Na", *mb.NORMAL["Na"]) < 70
    assert -95 < mb.nernst_mv("Cl", *mb.NORMAL["Cl"]) < -85


def test_fibre_rests_where_jurkat_rott_measured_it():
    # PNAS 106:4036: about -85 mV at 4 mM external K+ (P_Na is fitted to this)
    assert mb.ghk_mv(mb.REST) == pytest.approx(VALUES["resting_potential_4mm_k_mv"].value, abs=0.01)
    assert mb.REST.k_out == VALUES["muscle_potassium_out_mm"].value
    assert 0.005 < mb.P_NA < 0.05  # a small sodium permeability, as in every textbook account


def test_ghk_lies_between_the_equilibrium_potentials():
    for k in pl.LEVELS["K"]:
        f = mb.with_plasma("K", k)
        assert mb.nernst_mv("K", f.k_out, f.k_in) < mb.ghk_mv(f) < mb.nernst_mv("Na", f.na_out, f.na_in)


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


@pytest.mark.parametrize("ion, level", itertools.product(pl.IONS, range(len(pl.LEVEL_NAMES))))
def test_explorer_box_is_finite_monotone_and_described(ion, level):
    s = pl.state(ion, level)
    assert all(math.isfinite(v) for v in (s["vm"], s["threshold"], s["e_k"], s["e_na"]))
    assert pl.describe_membrane(ion, level)


@pytest.mark.parametrize("ion", ["K", "Na"])
def test_more_of_a_cation_outside_depolarises(ion):
    vm = [mb.ghk_mv(mb.with_plasma(ion, c)) for c in pl.LEVELS[ion]]
    assert all(a < b for a, b in zip(vm, vm[1:]))


@pytest.mark.parametrize("change", [dict(k_out=0.0), dict(na_in=-1.0), dict(p_na=-0.1)])
def test_bad_fibres_are_refused_by_field(change):
    field = next(iter(change))
    with pytest.raises(ValueError, match=field):
        mb.REST.with_(**change)


def test_unknown_ion_is_refused():
    with pytest.raises(ValueError, match="unknown ion"):
        mb.nernst_mv("Mg", 1.0, 0.5)
    with pytest.raises(ValueError, match="unknown ion"):
        mb.with_plasma("Li", 1.0)


def test_more_sodium_permeability_moves_the_membrane_from_e_k_towards_e_na():
    vm = [mb.ghk_mv(mb.REST.with_(p_na=r)) for r in pl.PERMEABILITY_RATIOS]
    e_k, e_na = mb.nernst_mv("K", *mb.NORMAL["K"]), mb.nernst_mv("Na", *mb.NORMAL["Na"])
    assert all(a < b for a, b in zip(vm, vm[1:]))
    assert e_k < vm[0] and vm[-1] < e_na and vm[-1] > 0
    assert all(pl.describe_permeability(r) for r in pl.PERMEABILITY_RATIOS)
