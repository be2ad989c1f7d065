"""Fatigue: relaxation against Westerblad & Lännergren (1991), ATP, power (Jones 2010), and invariants."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from musclebook import fatigue as fa
from musclebook import fatigue_plots as pl
from musclebook.published import VALUES


def within(key, value):
    low, high = VALUES[key].bounds
    return low <= value <= high


# ---------------------------------------------------------------- Westerblad & Lännergren 1991 (J Physiol 434:323)
# Single mouse fibres, 350 ms tetani at 70 Hz. With tetanic force down to about 75 %, the linear phase of
# relaxation fell at 55.2 ± 2.9 % of the control rate and lasted 151.3 ± 14.2 % as long (mean ± SEM, n = 25).


def test_protocol_is_the_published_one():
    assert VALUES["fatigue_tetanus_duration_ms"].value == fa.TETANUS_MS
    assert VALUES["fatigue_tetanus_frequency_hz"].value == fa.TETANUS_HZ
    assert VALUES["fatigue_tetanic_force_pct"].value == fa.FATIGUED_FORCE * 100


def test_fatigued_relaxation_matches_single_mouse_fibres():
    r = fa.relaxation_vs_rested(fa.RESTED.with_(level=1.0))
    assert within("fatigue_relaxation_rate_pct", r["rate_pct"])
    assert within("fatigue_relaxation_duration_pct", r["duration_pct"])
    assert r["tetanic_force_pct"] == pytest.approx(VALUES["fatigue_tetanic_force_pct"].value, abs=1)


def test_fitted_constants_are_the_fit():
    # the constants in the module are what fit_slowing finds (on a coarser grid: within one grid step)
    c, d = fa.fit_slowing(
        VALUES["fatigue_relaxation_rate_pct"].value, VALUES["fatigue_relaxation_duration_pct"].value, steps=9
    )
    assert abs(c - fa.CALCIUM_SLOWING) <= 0.25 and abs(d - fa.DETACH_SLOWING) <= 0.25


def test_without_the_fitted_slowing_the_fatigued_fibre_misses_the_measurement():
    plain = fa.relaxation_vs_rested(fa.Fibre(level=1.0))
    assert not within("fatigue_relaxation_rate_pct", plain["rate_pct"])


def test_fatigued_fibre_relaxes_completely():
    assert fa.relaxation_vs_rested(fa.RESTED.with_(level=1.0))["force_left_pct"] < 1


# ---------------------------------------------------------------- ATP (Allen, Lamb & Westerblad 2008)


def test_slowing_as_much_as_fatigue_by_lack_of_atp_needs_submillimolar_atp():
    # fatigued fibres keep ATP millimolar; at 1 mM the model's relaxation is far faster than fatigued
    assert fa.relaxation_vs_rested(fa.RESTED.with_(atp_mm=1.0))["rate_pct"] > 80


def test_very_low_atp_leaves_force_behind():
    r = fa.relaxation_vs_rested(pl.fibre_for("atp", 1.0))
    assert r["force_left_pct"] > 20


# ---------------------------------------------------------------- force-velocity in fatigue (Jones 2010)


def test_fatigue_lowers_force_speed_and_curvature_and_power_falls_most():
    rested, tired = fa.hill_fatigued(0.0), fa.hill_fatigued(1.0)
    assert rested["curvature"] == VALUES["hill_curvature"].value
    assert tired["f0"] < 1 and tired["vmax"] < 1 and tired["curvature"] < rested["curvature"]
    assert fa.peak_power(0.0) == pytest.approx(1.0, abs=1e-3)
    assert fa.peak_power(1.0) < tired["f0"]


# ---------------------------------------------------------------- invariants over the explorers' boxes


@pytest.mark.parametrize("cause, level", itertools.product(pl.CAUSES, pl.RELAXATION_LEVELS))
def test_relaxation_states_are_finite_and_bounded(cause, level):
    tet = fa.tetanus(pl.fibre_for(cause, level))
    assert np.all(np.isfinite(tet.force)) and tet.force.min() >= 0 and tet.force.max() <= 1.001
    assert tet.activation.min() >= 0 and tet.activation.max() <= 1
    assert pl.describe_relaxation(cause, level)


@pytest.mark.parametrize("cause", pl.CAUSES)
def test_relaxation_slows_monotonically_along_the_slider(cause):
    r = [fa.relaxation_vs_rested(pl.fibre_for(cause, level)) for level in pl.RELAXATION_LEVELS]
    assert all(a["rate_pct"] >= b["rate_pct"] for a, b in zip(r, r[1:]))
    assert all(a["duration_pct"] <= b["duration_pct"] for a, b in zip(r, r[1:]))


@pytest.mark.parametrize("level", pl.POWER_LEVELS)
def test_force_velocity_is_finite_monotone_and_non_negative(level):
    fv = fa.force_velocity(level)
    assert np.all(np.isfinite(fv["velocity"])) and fv["velocity"].min() >= 0 and fv["power"].min() >= 0
    assert np.all(np.diff(fv["velocity"]) <= 0)
    assert pl.describe_power(level)


def test_power_falls_monotonically_with_fatigue():
    p = [fa.peak_power(level) for level in pl.POWER_LEVELS]
    assert all(a > b for a, b in zip(p, p[1:]))


@pytest.mark.parametrize(
    "change, field",
    [
        (dict(level=1.5), "level"),
        (dict(atp_mm=0.0), "atp_mm"),
        (dict(detach_per_ms=-1.0), "detach_per_ms"),
        (dict(calcium_slowing=-0.1), "calcium_slowing"),
    ],
)
def test_bad_parameters_are_refused_by_name(change, field):
    with pytest.raises(ValueError, match=field):
        fa.RESTED.with_(**change)


def test_unknown_cause_is_refused():
    with pytest.raises(ValueError, match="unknown cause"):
        pl.fibre_for("lactic acid", 0.5)
