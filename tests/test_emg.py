"""The schematic EMG patterns show the features the words chapter describes."""

from __future__ import annotations

import numpy as np
import pytest

from musclebook import emg


def activity(key):
    t, trace, force, _ = emg.pattern(key)
    return np.abs(trace).sum(), force.max()


def test_contracture_is_silent_but_forceful_and_cramp_is_loud():
    silent, force = activity("contracture")
    assert silent == 0 and force > 0.5
    loud, cramp_force = activity("cramp")
    assert loud > activity("voluntary")[0]
    # Induced cramps reach only part of the EMG of a maximal voluntary contraction (Miller et al. 2010,
    # 55-68 %): the schematic must not draw a cramp stronger than the voluntary contraction beside it.
    assert cramp_force <= activity("voluntary")[1]


def test_rest_is_silent_and_fasciculation_is_a_few_isolated_potentials():
    assert activity("rest") == (0, 0)
    t, trace, force, _ = emg.pattern("fasciculation")
    active = np.abs(trace) > 0
    assert active.mean() < 0.02 and force.max() == 0


def test_spasticity_bursts_only_during_stretch():
    t, trace, _, stretch = emg.pattern("spasticity")
    assert (
        np.abs(trace[stretch == 0]).max() < 0.05 * np.abs(trace).max()
        or np.abs(trace[stretch == 0]).sum() < 0.1 * np.abs(trace).sum()
    )


@pytest.mark.parametrize("key", emg.KEYS)
def test_every_pattern_is_finite_and_scaled(key):
    t, trace, force, stretch = emg.pattern(key)
    for y in (trace, force, stretch):
        assert np.all(np.isfinite(y))
    assert np.abs(trace).max() <= 1 and force.min() >= 0 and force.max() <= 1


def test_unknown_pattern_is_refused():
    with pytest.raises(ValueError, match="unknown pattern"):
        emg.pattern("hiccup")
