"""The motor-unit pool against Fuglevand, Winter & Patla (1993) and Henneman (1957), and its invariants."""

from __future__ import annotations

import numpy as np
import pytest

from musclebook import motor_units as mu
from musclebook import motor_units_plots as pl
from musclebook.explorer import Renderer
from musclebook.published import VALUES

POOL = mu.POOL
POOL_FRAMES = list(pl.POOL_EXPLORER.grid())
STIMULUS_FRAMES = list(pl.STIMULUS.grid())


def pool_id(params):
    return f"{'in-phase' if params['in_phase'] else 'independent'}-{params['excitation']:g}"


# ----------------------------------------------------- Fuglevand et al. 1993 (J Neurophysiol 70:2470), default pool


def test_pool_spans_the_published_ranges():
    assert mu.Pool() == POOL  # the chapter's pool is the paper's default
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
    forces = [mu.simulate(POOL, e).steady().mean for e in (0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0)]
    assert all(a < b for a, b in zip(forces, forces[1:]))
    assert forces[-1] == pytest.approx(mu.max_force(POOL))


def test_independent_firing_is_smoother_than_firing_in_phase():
    for excitation in (0.05, 0.1, 0.3, 0.5, 1.0):
        independent = mu.simulate(POOL, excitation).steady().ripple
        in_phase = mu.simulate(POOL.replace(in_phase=True), excitation).steady().ripple
        assert in_phase > 2 * independent, excitation


# ---------------------------------------------------------------- invariants over the explorers' boxes


@pytest.fixture(scope="module")
def views():
    """One view per explorer, to read the text alternative of any frame without drawing it."""
    return {spec.key: Renderer(spec.view).view for spec in (pl.POOL_EXPLORER, pl.STIMULUS)}


@pytest.mark.parametrize("params", POOL_FRAMES, ids=pool_id)
def test_force_is_finite_non_negative_and_described(views, params):
    excitation, in_phase = params["excitation"], params["in_phase"]
    result = mu.simulate(POOL.replace(in_phase=in_phase), excitation)
    assert np.all(np.isfinite(result.force)) and result.force.min() >= 0
    full = mu.max_force(POOL)
    assert result.force.max() <= 1.2 * full
    text = views[pl.POOL_EXPLORER.key].update(**params)
    window = (result.t_ms >= mu.STEADY_WINDOW_MS[0]) & (result.t_ms < mu.STEADY_WINDOW_MS[1])
    mean = result.force[window].mean()
    recruited = np.count_nonzero(result.rates_hz)
    assert recruited > 0  # the explorer's lowest excitation recruits some units
    assert f"recruits the {recruited} smallest of {POOL.n_units} motor units" in text
    assert f"make {mean / full * 100:.0f}% of maximal force" in text
    assert f"ripples by {result.force[window].std() / mean * 100:.1f}% around its mean" in text


def test_pool_live_range_ends_are_inside_the_model_box():
    low, high, _ = pl.POOL_EXPLORER.controls[1].live
    for in_phase in (False, True):
        for excitation in (low, high):
            result = mu.simulate(POOL.replace(in_phase=in_phase), excitation)
            assert np.all(np.isfinite(result.force)) and result.force.min() >= 0
            assert result.force.max() <= 1.2 * mu.max_force(POOL)


@pytest.mark.parametrize(
    "bad, message",
    [
        (dict(n_units=1), "Pool: n_units=1"),
        (dict(force_range=0.5), "Pool: force_range=0.5"),
        (dict(min_rate_hz=40), "Pool: min_rate_hz=40 .*out of order"),
        (dict(isi_cv=0.9), "Pool: isi_cv=0.9"),
        (dict(slowest_ct_ms=float("inf")), "Pool: slowest_ct_ms=inf"),
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
    pool = POOL
    low, high = mu.STIMULUS_RANGE_V
    volts = np.linspace(0, high + 1, 200)
    response = mu.stimulus_response(pool, volts)
    assert np.all(response[volts < low] == 0)
    assert np.all(np.diff(response) >= 0)
    assert np.all(response[volts >= high] == pytest.approx(1.0))
    assert 0 < mu.stimulus_response(pool, (low + high) / 2)[0] < 1


def test_every_axon_has_its_own_threshold_within_the_range():
    pool = POOL
    thresholds = mu.electrical_thresholds_v(pool)
    assert len(set(thresholds)) == pool.n_units
    assert thresholds.min() == mu.STIMULUS_RANGE_V[0] and thresholds.max() == mu.STIMULUS_RANGE_V[1]


def test_electrical_order_favours_large_units_unlike_the_size_principle():
    pool = POOL
    thresholds = mu.electrical_thresholds_v(pool)
    first_half = thresholds <= np.median(thresholds)
    assert pool.twitch_forces[first_half].sum() > pool.twitch_forces[~first_half].sum()
    strict = mu.electrical_thresholds_v(pool, size_bias=1.0)
    assert list(np.argsort(strict)) == list(range(pool.n_units))[::-1]  # largest first


@pytest.mark.parametrize("params", STIMULUS_FRAMES, ids=lambda p: f"{p['volts']:g}V")
def test_stimulus_frames_are_finite_and_described(views, params):
    volts = params["volts"]
    twitch = mu.shock_twitch(POOL, volts)
    assert np.all(np.isfinite(twitch.force)) and twitch.force.min() >= 0
    maximal = mu.shock_twitch(POOL, mu.STIMULUS_RANGE_V[1]).force.max()
    assert twitch.force.max() <= maximal
    text = views[pl.STIMULUS.key].update(**params)
    excited = np.count_nonzero(mu.electrical_thresholds_v(POOL) <= volts)
    assert f"A single {volts:g} V shock to the nerve excites {excited} of {POOL.n_units} motor axons" in text
    assert f"evokes a twitch of {twitch.force.max() / maximal * 100:.0f}% of the maximal twitch" in text


def test_a_shock_to_half_the_axons_gives_more_than_the_smallest_half_of_the_units():
    # the chapter: electrical stimulation excites the large units early, voluntary recruitment the small ones
    half = POOL.n_units // 2
    half_axons = sorted(mu.electrical_thresholds_v(POOL))[half - 1]
    assert mu.units_excited(POOL, half_axons) == half
    assert mu.stimulus_response(POOL, half_axons)[0] > 0.5 > mu.smallest_units_twitch(POOL, half)


def test_the_smallest_units_twitch_grows_with_their_number_to_the_maximal_twitch():
    twitches = [mu.smallest_units_twitch(POOL, n) for n in (1, 10, 30, 60, 90, POOL.n_units)]
    assert all(0 < a < b for a, b in zip(twitches, twitches[1:]))
    assert twitches[-1] == pytest.approx(1.0)  # all units: the maximal twitch


@pytest.mark.parametrize("bad", [-1.0, float("nan")])
def test_bad_stimulus_is_refused(bad):
    with pytest.raises(ValueError, match="volts"):
        mu.shock_twitch(POOL, bad)


def test_bad_size_bias_is_refused():
    with pytest.raises(ValueError, match="size_bias"):
        mu.electrical_thresholds_v(POOL, size_bias=2)
