"""The motor-unit pool against Fuglevand, Winter & Patla (1993) and Henneman (1957), and its invariants."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from musclebook import motor_units as mu
from musclebook import motor_units_plots as pl
from musclebook.published import VALUES

POOL = mu.Pool()


# ---------------------------------------------------------------- Fuglevand et al. 1993 (J Neurophysiol 70:2470), default pool


def test_pool_spans_the_published_ranges():
    assert POOL.n_units == VALUES["pool_units"].value
    assert POOL.threshold_units[-1] / POOL.threshold_units[0] == pytest.approx(VALUES["pool_threshold_range"].value)
    assert POOL.twitch_forces[-1] / POOL.twitch_forces[0] == pytest.approx(VALUES["pool_force_range"].value)
    low, high = VALUES["pool_contraction_times_ms"].bounds  # 90 -> 30 ms
    assert POOL.contraction_times_ms[0] == pytest.approx(high) and POOL.contraction_times_ms[-1] == pytest.approx(low)


def test_firing_rates_run_from_8_to_35_hz():
    low, high = VALUES["pool_firing_rates_hz"].bounds
    for excitation in np.linspace(POOL.thresholds[0], 1, 30):
        rates = POOL.firing_rates_hz(excitation)
        active = rates[rates > 0]
        assert active.size and active.min() >= low - 1e-9 and active.max() <= high + 1e-9
    assert np.all(POOL.firing_rates_hz(1.0) == high)  # at full excitation every unit fires at its peak


# ---------------------------------------------------------------- Henneman 1957: the size principle


def test_units_are_recruited_smallest_first():
    previous = np.zeros(POOL.n_units, dtype=bool)
    for excitation in np.linspace(0, 1, 101):
        active = POOL.firing_rates_hz(excitation) > 0
        assert np.all(active[previous])  # once recruited, stays recruited
        if active.any():
            # the active units are always the smallest ones
            assert np.all(active[: np.count_nonzero(active)])
        previous = active


# ---------------------------------------------------------------- physiology the chapter teaches


def test_force_rises_with_excitation_and_reaches_its_maximum():
    forces = [mu.simulate(POOL, e).steady()[0] for e in (0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0)]
    assert all(a < b for a, b in zip(forces, forces[1:]))
    assert forces[-1] == pytest.approx(mu.max_force(POOL))


def test_independent_firing_is_smoother_than_firing_in_phase():
    for excitation in (0.05, 0.1, 0.3, 0.5, 1.0):
        independent = mu.simulate(POOL, excitation).steady()[1]
        in_phase = mu.simulate(POOL.with_(in_phase=True), excitation).steady()[1]
        assert in_phase > 2 * independent, excitation


# ---------------------------------------------------------------- invariants over the explorer's box

EXCITATIONS = [0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0]


@pytest.mark.parametrize("excitation, in_phase", itertools.product(EXCITATIONS, [False, True]))
def test_force_is_finite_non_negative_and_described(excitation, in_phase):
    result = mu.simulate(POOL.with_(in_phase=in_phase), excitation)
    assert np.all(np.isfinite(result.force)) and result.force.min() >= 0
    assert result.force.max() <= 1.2 * mu.max_force(POOL)
    assert "motor units" in pl.describe_pool(excitation, in_phase)


@pytest.mark.parametrize(
    "bad, message",
    [
        (dict(n_units=1), "n_units"),
        (dict(force_range=0.5), "force_range"),
        (dict(min_rate_hz=40), "out of order"),
        (dict(isi_cv=0.9), "isi_cv"),
    ],
)
def test_bad_pools_are_refused_by_name(bad, message):
    with pytest.raises(ValueError, match=message):
        mu.Pool(**bad)


def test_excitation_outside_zero_to_one_is_refused():
    with pytest.raises(ValueError, match="excitation"):
        POOL.firing_rates_hz(1.5)


# ---------------------------------------------------------------- one shock to the nerve (lab practical)
# Illustrative thresholds; what is tested is the shape every stimulus-response experiment shows: nothing below
# threshold, a graded rise, and no further growth beyond the maximal stimulus.


def test_stimulus_response_is_zero_below_threshold_graded_and_flat_beyond_maximal():
    pool = mu.Pool()
    low, high = mu.STIMULUS_RANGE_V
    volts = np.linspace(0, high + 1, 200)
    response = mu.stimulus_response(pool, volts)
    assert np.all(response[volts < low] == 0)
    assert np.all(np.diff(response) >= 0)
    assert np.all(response[volts >= high] == pytest.approx(1.0))
    assert 0 < mu.stimulus_response(pool, (low + high) / 2)[0] < 1


def test_every_axon_has_its_own_threshold_within_the_range():
    pool = mu.Pool()
    thresholds = mu.electrical_thresholds_v(pool)
    assert len(set(thresholds)) == pool.n_units
    assert thresholds.min() == mu.STIMULUS_RANGE_V[0] and thresholds.max() == mu.STIMULUS_RANGE_V[1]


def test_electrical_order_favours_large_units_unlike_the_size_principle():
    pool = mu.Pool()
    thresholds = mu.electrical_thresholds_v(pool)
    first_half = thresholds <= np.median(thresholds)
    assert pool.twitch_forces[first_half].sum() > pool.twitch_forces[~first_half].sum()
    strict = mu.electrical_thresholds_v(pool, size_bias=1.0)
    assert list(np.argsort(strict)) == list(range(pool.n_units))[::-1]  # largest first


@pytest.mark.parametrize("volts", pl.STIMULUS_V)
def test_stimulus_frames_are_finite_and_described(volts):
    t, force = mu.shock_twitch(mu.Pool(), volts)
    assert np.all(np.isfinite(force)) and force.min() >= 0
    assert pl.describe_stimulus(volts)


@pytest.mark.parametrize("bad", [-1.0, float("nan")])
def test_bad_stimulus_is_refused(bad):
    with pytest.raises(ValueError, match="volts"):
        mu.shock_twitch(mu.Pool(), bad)


def test_bad_size_bias_is_refused():
    with pytest.raises(ValueError, match="size_bias"):
        mu.electrical_thresholds_v(mu.Pool(), size_bias=2)
