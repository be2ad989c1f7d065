"""The cramp generator: the behaviours the chapter claims, against the qualitative findings it cites, and invariants.

The model is illustrative (no parameter is fitted); what it must reproduce are the qualitative findings:
- fatigue raises Ia excitation and lowers Ib inhibition (Schwellnus 2009), and can then sustain firing;
- stretch and tendon stimulation stop cramp activity (Khan & Burne 2007);
- a persistent inward current gives hysteresis between starting and stopping.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from musclebook import generator as gn
from musclebook import generator_plots as pl


def test_rested_neuron_stops_when_the_command_stops():
    s = gn.summary(gn.NEURON)
    assert s["voluntary_rate_hz"] > 5 and not s["cramp"]


def test_fatigued_neuron_keeps_firing_without_a_command():
    s = gn.summary(gn.NEURON.with_(fatigue=1.0), stretch=False)
    assert s["cramp"] and s["after_rate_hz"] > 5


def test_stretch_stops_the_cramp_and_it_does_not_return():
    s = gn.summary(gn.NEURON.with_(fatigue=1.0))
    assert s["stretch_rate_hz"] == 0 and s["after_stretch_rate_hz"] == 0


def test_without_the_persistent_current_there_is_no_cramp_and_no_hysteresis():
    flat = gn.NEURON.with_(pic_mv=0.0, fatigue=1.0)
    assert not gn.summary(flat)["cramp"]
    assert abs(gn.hysteresis(flat)["width_mv"]) < 1


def test_persistent_current_gives_hysteresis():
    h = gn.hysteresis(gn.NEURON)
    assert h["width_mv"] > 3 and h["stop_mv"] < h["start_mv"]


def test_cramps_need_enough_fatigue_and_more_fatigue_never_ends_one():
    cramp = [gn.summary(gn.NEURON.with_(fatigue=f), stretch=False)["cramp"] for f in np.linspace(0, 1, 11)]
    first = cramp.index(True)
    assert first > 0 and all(cramp[first:])


@pytest.mark.parametrize("fatigue, stretch", itertools.product(pl.FATIGUE_LEVELS, [True, False]))
def test_cramp_explorer_box_is_finite_and_bounded(fatigue, stretch):
    run = gn.simulate(gn.NEURON.with_(fatigue=fatigue), gn.Protocol() if stretch else gn.Protocol(stretch_ms=None))
    assert np.all(np.isfinite(run.v_mv)) and run.v_mv.max() < gn.NEURON.threshold_mv + 1
    assert run.force.min() >= 0 and run.force.max() <= 1
    assert np.all(np.diff(run.spikes_ms) >= gn.NEURON.refractory_ms)
    assert pl.describe_cramp(fatigue, stretch)


@pytest.mark.parametrize("pic, fatigue", itertools.product(pl.PIC_LEVELS_MV, [0.0, 1.0]))
def test_hysteresis_explorer_box_is_finite(pic, fatigue):
    h = gn.hysteresis(gn.NEURON.with_(pic_mv=pic, fatigue=fatigue))
    assert np.isfinite(h["start_mv"]) and np.isfinite(h["stop_mv"])
    assert pl.describe_hysteresis(pic, fatigue)


@pytest.mark.parametrize(
    "change, field", [(dict(fatigue=2.0), "fatigue"), (dict(pic_mv=-1.0), "pic_mv"), (dict(tau_m_ms=0.0), "tau_m_ms")]
)
def test_bad_parameters_are_refused_by_name(change, field):
    with pytest.raises(ValueError, match=field):
        gn.NEURON.with_(**change)


def test_voltages_out_of_order_are_refused():
    with pytest.raises(ValueError, match="rest_mv < reset_mv < threshold_mv"):
        gn.NEURON.with_(reset_mv=-40.0)
