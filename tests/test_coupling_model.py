"""Excitation-contraction coupling and relaxation against Baylor & Hollingworth (2003), and its invariants."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from musclebook import coupling as cp
from musclebook import coupling_plots as pl
from musclebook.published import VALUES


def within(key, value):
    low, high = VALUES[key].bounds
    return low <= value <= high


# ---------------------------------------------------------------- Baylor & Hollingworth 2003 (J Physiol 551:125)
# Mouse fibres at 16 °C; the release and pump rates of each fibre type are fitted to these values.


def test_fast_fibre_calcium_transient_matches_mouse_fast_twitch_fibres():
    s = cp.summary(cp.FAST)
    assert within("fast_fibre_peak_calcium_um", s["peak_calcium_rise_um"])  # 18.5 ± 0.5 µM
    assert within("fast_fibre_calcium_half_duration_ms", s["calcium_half_duration_ms"])  # 4.9 ± 0.3 ms


def test_slow_fibre_calcium_transient_matches_mouse_slow_twitch_fibres():
    s = cp.summary(cp.SLOW)
    assert within("slow_fibre_peak_calcium_um", s["peak_calcium_rise_um"])  # 9.4 ± 1.0 µM
    assert within("slow_fibre_calcium_half_duration_ms", s["calcium_half_duration_ms"])  # 7.7 ± 0.6 ms


# ---------------------------------------------------------------- physiology the chapter teaches


def test_calcium_rests_low_and_returns_to_rest():
    tr = cp.simulate(cp.FAST)
    assert tr.calcium_um[0] == pytest.approx(cp.RESTING_CA_UM)
    assert tr.calcium_um[-1] == pytest.approx(cp.RESTING_CA_UM, abs=0.05)
    assert tr.force[0] == 0 and tr.force[-1] < 0.01 * tr.force.max()


def test_force_starts_after_a_latent_period():
    tr = cp.simulate(cp.FAST)
    onset = tr.t_ms[np.argmax(tr.force > 0.01 * tr.force.max())]
    assert cp.FAST.delay_ms < onset < 10


def test_weaker_pump_gives_a_larger_slower_twitch_that_still_relaxes():
    normal, weak = cp.summary(cp.FAST), cp.summary(cp.FAST.with_(serca_scale=0.5))
    assert weak["peak_calcium_rise_um"] > normal["peak_calcium_rise_um"]
    assert weak["peak_force"] >= normal["peak_force"]
    assert weak["force_half_relaxation_ms"] > normal["force_half_relaxation_ms"]
    assert weak["final_force_fraction"] < 0.01


def test_without_atp_cross_bridges_stay_attached():
    rigor = cp.summary(cp.FAST.with_(atp_mm=0.02))
    assert rigor["final_force_fraction"] > 0.2


def test_pump_splits_one_atp_per_two_calcium_ions():
    tr = cp.simulate(cp.FAST)
    assert VALUES["serca_calcium_per_atp"].value == 2
    assert tr.atp_used_by_serca_um == pytest.approx(tr.pumped_um / 2)
    assert 0 < tr.atp_used_by_serca_um < 1000 * cp.NORMAL_ATP_MM


# ---------------------------------------------------------------- invariants over the explorer's box

SCALES = [0.25, 0.5, 0.75, 1.0, 1.5]
ATPS = [5.0, 0.5, 0.1, 0.02]


@pytest.mark.parametrize("scale, atp", itertools.product(SCALES, ATPS))
def test_states_are_finite_and_bounded(scale, atp):
    tr = cp.simulate(cp.FAST.with_(serca_scale=scale, atp_mm=atp))
    for y in (tr.calcium_um, tr.troponin, tr.force):
        assert np.all(np.isfinite(y))
    assert tr.calcium_um.min() >= 0
    assert tr.troponin.min() >= 0 and tr.troponin.max() <= 1
    assert tr.force.min() >= 0 and tr.force.max() <= 1
    assert pl.describe_pump(scale, atp)


@pytest.mark.parametrize("atp", ATPS)
def test_relaxation_slows_monotonically_as_pump_capacity_falls(atp):
    relax = [cp.summary(cp.FAST.with_(serca_scale=s, atp_mm=atp))["force_half_relaxation_ms"] for s in SCALES]
    assert all(a >= b for a, b in zip(relax, relax[1:]))


@pytest.mark.parametrize("field, value", [("serca_scale", 0), ("atp_mm", -1), ("release_um_per_ms", float("nan"))])
def test_bad_parameters_are_refused_by_name(field, value):
    with pytest.raises(ValueError, match=field):
        cp.FAST.with_(**{field: value})


# ---------------------------------------------------------------- treppe (Zhi et al. 2005, PNAS 102:17519)
# Repetitive low-frequency stimulation potentiates twitches of fast-twitch muscle (staircase); in mice lacking
# the skeletal-muscle light-chain kinase the staircase was attenuated.


@pytest.mark.parametrize("hz", pl.STAIRCASE_HZ)
def test_staircase_rises_and_levels_off(hz):
    peaks = cp.staircase(cp.FAST, hz, pl.STAIRCASE_TWITCHES)
    steps = np.diff(peaks)
    assert peaks[0] == 1 and peaks[-1] > 1
    assert np.all(steps >= 0) and steps[-1] < steps[0]  # rising, by ever smaller steps
    assert pl.describe_staircase(hz, True) and pl.describe_staircase(hz, False)


def test_staircase_is_steeper_at_higher_rates_and_needs_the_kinase():
    last = [cp.staircase(cp.FAST, hz, pl.STAIRCASE_TWITCHES)[-1] for hz in pl.STAIRCASE_HZ]
    assert all(a < b for a, b in zip(last, last[1:]))
    for hz in pl.STAIRCASE_HZ:
        assert np.allclose(cp.staircase(cp.FAST, hz, pl.STAIRCASE_TWITCHES, kinase=False), 1)


def test_phosphorylated_twitch_still_relaxes_completely():
    s = cp.summary(cp.FAST.with_(rlc_phosphorylated=1.0))
    assert s["final_force_fraction"] < 0.01 and s["peak_force"] > cp.summary(cp.FAST)["peak_force"]


@pytest.mark.parametrize("hz", [0, 6, -1])
def test_staircase_refuses_overlapping_or_meaningless_rates(hz):
    with pytest.raises(ValueError, match="frequency"):
        cp.staircase(cp.FAST, hz)


def test_out_of_range_phosphorylation_is_refused():
    with pytest.raises(ValueError, match="rlc_phosphorylated"):
        cp.FAST.with_(rlc_phosphorylated=1.5)


def test_a_diverging_train_is_refused_with_a_clear_error():
    with pytest.raises(ValueError, match="calcium diverged"):
        cp.simulate(cp.FAST.with_(serca_scale=0.5), stimuli_ms=tuple(range(0, 400, 10)), duration_ms=450)
