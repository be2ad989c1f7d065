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


def test_the_rate_defaults_are_fuglevand_s():
    """Provenance: rate at recruitment, peak rate and rate gain are the paper's defaults."""
    low, high = VALUES["pool_firing_rates_hz"].bounds
    assert (POOL.min_rate_hz, POOL.max_rate_hz) == (low, high)
    assert POOL.rate_gain_hz == VALUES["pool_rate_gain_hz"].value


def test_a_recruited_unit_s_rate_rises_by_the_published_gain():
    """Implementation: 8 Hz at recruitment, then 1 Hz more per unit of excitation above threshold, up to 35 Hz."""
    gain, (low, high) = VALUES["pool_rate_gain_hz"].value, VALUES["pool_firing_rates_hz"].bounds
    unit = 40
    threshold = POOL.thresholds[unit]
    per_unit = 1 / POOL.max_excitation_units  # one unit of excitation, as a fraction of the maximum
    assert POOL.firing_rates_hz(threshold)[unit] == pytest.approx(low, rel=1e-12)
    assert POOL.firing_rates_hz(threshold + 5 * per_unit)[unit] == pytest.approx(low + 5 * gain, rel=1e-12)
    assert POOL.firing_rates_hz(threshold - 1e-9)[unit] == 0
    assert POOL.firing_rates_hz(1.0)[unit] == high


@pytest.mark.parametrize("unit", [0, 60, 119])
def test_each_twitch_peaks_at_its_unit_s_contraction_time_with_its_force(unit):
    """Implementation of the twitch of Fuglevand et al.: P (t/T) e^(1 - t/T) peaks at T with force P (1 ms grid)."""
    spikes = [np.array([]) for _ in range(POOL.n_units)]
    spikes[unit] = np.array([0.0])
    force = mu._summed_twitches(POOL, spikes, 1000)
    assert int(np.argmax(force)) * mu.DT_MS == pytest.approx(POOL.contraction_times_ms[unit], abs=mu.DT_MS)
    assert force.max() == pytest.approx(POOL.twitch_forces[unit], rel=1e-3)  # sampled: (0.5 ms / T)² / 2 at most


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


def test_in_phase_units_fire_together_at_their_rate_from_the_start():
    result = mu.simulate(POOL.replace(in_phase=True), 0.3)
    period = 1000 / POOL.in_phase_rate_hz
    for times in result.spikes:
        if len(times):
            assert times == pytest.approx(np.arange(10) * period, abs=1e-9)


def test_without_jitter_each_unit_fires_at_exactly_its_rate():
    result = mu.simulate(POOL.replace(isi_cv=0.0), 0.5)
    for times, rate in zip(result.spikes, result.rates_hz):
        if rate > 0:
            assert np.diff(times) == pytest.approx(1000 / rate, rel=1e-9)
            assert 0 <= times[0] < 1000 / rate  # a random phase within the first interval


def test_jittered_intervals_keep_the_mean_rate_and_vary_by_isi_cv():
    # every recruited unit at full excitation, 1 s: about 4,000 intervals, so the mean interval is known to
    # 0.15 % (one standard error) and the spread to about 1 %; tolerances are three standard errors
    result = mu.simulate(POOL, 1.0)
    relative = np.concatenate([np.diff(t) * r / 1000 for t, r in zip(result.spikes, result.rates_hz) if r > 0])
    assert relative.mean() == pytest.approx(1.0, abs=0.005)
    assert relative.std() == pytest.approx(POOL.isi_cv, rel=0.05)


def test_force_is_zero_before_the_first_spike_and_without_excitation():
    result = mu.simulate(POOL, 0.3)
    first = min(t[0] for t in result.spikes if len(t))
    assert np.all(result.force[result.t_ms < first] == 0)
    silent = mu.simulate(POOL, 0.0)
    assert silent.force.max() == 0 and silent.steady() == mu.Steady(0.0, 0.0)


def test_the_pool_s_results_do_not_depend_on_the_time_step(at_two_time_steps):
    # the 1 ms step against 0.5 ms: mean force within 1 % and ripple within 10 % of itself (whole percentages and
    # one decimal in the chapter); the spikes are the same, only the twitches are sampled finer
    def results():
        return [mu.simulate(POOL.replace(in_phase=p), e).steady() for p in (False, True) for e in (0.1, 0.5)]

    coarse, fine = at_two_time_steps(mu, 0.5, (mu.simulate, mu._twitch_spectra), results)
    for c, f in zip(coarse, fine):
        assert c.mean == pytest.approx(f.mean, rel=0.01) and c.ripple == pytest.approx(f.ripple, rel=0.1)


def crowding(in_phase: bool, excitation: float) -> float:
    """The largest share of the recruited units with a spike in one 5 ms window of the first 200 ms."""
    result = mu.simulate(POOL.replace(in_phase=in_phase), excitation)
    active = [times for times in result.spikes if len(times)]
    return max(sum(np.any((s >= t) & (s < t + 5)) for s in active) for t in np.arange(0, 200, 1.0)) / len(active)


@pytest.mark.parametrize("excitation", [0.05, 0.3, 1.0])
def test_independent_units_fire_out_of_phase_from_the_start(excitation):
    # the explorer draws the first second: random phases must show at once, not only once jitter has scattered
    # the spikes (measured at most 0.31 of the units in a window, against all of them in phase)
    assert crowding(False, excitation) <= 0.5
    assert crowding(True, excitation) == 1.0


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
        (dict(isi_cv=-0.1), "Pool: isi_cv=-0.1"),
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
    with pytest.raises(ValueError, match="size_bias"):
        mu.electrical_thresholds_v(POOL, size_bias=-0.1)


def test_the_smallest_pool_and_the_ends_of_the_size_bias_are_allowed():
    assert mu.Pool(n_units=2).n_units == 2
    random_order = mu.electrical_thresholds_v(POOL, size_bias=0.0)
    assert abs(np.corrcoef(random_order, np.arange(POOL.n_units))[0, 1]) < 0.3  # position alone: no size order
    assert len(set(mu.electrical_thresholds_v(POOL, size_bias=1.0))) == POOL.n_units


def test_a_shock_s_twitch_starts_at_the_shock_and_each_unit_peaks_at_its_contraction_time():
    one_unit = sorted(mu.electrical_thresholds_v(POOL))[0]  # just enough for the first axon
    twitch = mu.shock_twitch(POOL, one_unit)
    unit = int(np.argmin(mu.electrical_thresholds_v(POOL)))
    assert twitch.t_ms[0] == 0 and twitch.force[0] == 0
    assert twitch.t_ms[np.argmax(twitch.force)] == pytest.approx(POOL.contraction_times_ms[unit], abs=mu.DT_MS)
    assert twitch.force.max() == pytest.approx(POOL.twitch_forces[unit], rel=1e-3)  # sampled: (0.5 ms / T)² / 2


def test_the_edges_of_the_valid_ranges():
    """Implementation: one firing rate for every unit is a valid pool; interval variability must stay below a
    half; excitation is a fraction, 0 and 1 included."""
    assert mu.Pool(min_rate_hz=20.0, max_rate_hz=20.0).firing_rates_hz(1.0).max() == 20.0
    with pytest.raises(ValueError, match="isi_cv=0.5"):
        mu.Pool(isi_cv=0.5)
    for outside in (-0.5, 1.01):
        with pytest.raises(ValueError, match="excitation"):
            POOL.firing_rates_hz(outside)
    assert POOL.recruited(0.0) == 0 and POOL.recruited(1.0) == POOL.n_units


@pytest.mark.parametrize("gain", [1.0, 2.0])  # Fuglevand et al. 1993's 1 Hz per unit, and a steeper one
def test_the_largest_unit_reaches_its_peak_rate_exactly_at_full_excitation(gain):
    """Implementation: full excitation is defined as the drive at which the last-recruited unit, too, fires at its
    peak rate (Fuglevand et al. 1993): just below it, that unit fires more slowly."""
    pool = POOL.replace(rate_gain_hz=gain)
    assert pool.firing_rates_hz(1.0)[-1] == pytest.approx(pool.max_rate_hz, rel=1e-12)  # rounding only
    assert pool.firing_rates_hz(0.999)[-1] < pool.max_rate_hz
    # at full excitation the largest unit is (peak - recruitment rate) / gain units of excitation above threshold
    drive_above = (pool.max_rate_hz - pool.min_rate_hz) / gain
    assert pool.max_excitation_units == pytest.approx(pool.threshold_range + drive_above, rel=1e-12)


def test_the_summed_force_is_every_twitch_added_up_at_its_spike():
    """Implementation: the frequency-domain sum equals the direct sum of each unit's twitch,
    f (t/T) exp(1 - t/T), over after eight contraction times, started at each of its spikes (in phase at 10 Hz,
    1 s: the slowest unit's twitch reaches its end, 8 x 90 ms, inside the record)."""
    pool = POOL.replace(in_phase=True)
    run = mu.simulate(pool, 0.5, 1000.0)
    reference = np.zeros_like(run.t_ms)
    for spikes, force, ct in zip(run.spikes, pool.twitch_forces, pool.contraction_times_ms):
        for spike in spikes:
            since = run.t_ms - spike
            on = (since >= 0) & (since < 8 * ct)
            reference[on] += force * (since[on] / ct) * np.exp(1 - since[on] / ct)
    assert run.force == pytest.approx(reference, rel=1e-9, abs=1e-9 * reference.max())


def test_a_unit_firing_alone_at_its_recruitment_rate_ripples():
    """Mechanism: one small, fast unit at 8 Hz gives separate twitches; its force is far from smooth (a fast
    smallest unit, 30 ms, so that the mean force is under one smallest twitch)."""
    pool = POOL.replace(slowest_ct_ms=30.0)
    steady = mu.simulate(pool, pool.thresholds[0]).steady()
    assert 0 < steady.mean < 1 and steady.ripple > 0.3, steady  # 0.46: the force swings by about half its mean


def test_larger_axons_are_likely_but_not_certainly_excited_first():
    """Mechanism (illustrative mix): with the chapter's size bias, an outside shock excites larger units at lower
    voltages on the whole (rank correlation between size and threshold clearly negative), but not in strict
    order of size, as the chapter says (position to the electrode matters too)."""
    thresholds = mu.electrical_thresholds_v(POOL)
    size = np.arange(POOL.n_units)  # the units are ordered from the smallest
    rho = np.corrcoef(size, np.argsort(np.argsort(thresholds)))[0, 1]
    assert -0.95 < rho < -0.5, rho
    assert np.all(np.diff(mu.electrical_thresholds_v(POOL, size_bias=1.0)) < 0)  # size alone: strictly largest first


def test_the_parameter_table_states_fuglevand_s_pool():
    """Implementation: the chapter's parameter table gives the pool of Fuglevand et al. 1993 as published.py
    registers it, and the illustrative stimulus range of the lab practical."""
    rows = {str(key) for key in mu.PARAMETER_STATUS}
    ct, rates = VALUES["pool_contraction_times_ms"], VALUES["pool_firing_rates_hz"]
    assert f"contraction times {ct.high:g} → {ct.low:g} ms; firing rates {rates.low:g} → {rates.high:g} Hz" in rows, (
        rows
    )
    assert "electrical thresholds of the axons (1–3 V) and how far axon size sets their order" in rows, rows
