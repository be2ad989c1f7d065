"""The schematic EMG patterns show the features the words chapter describes, and its figure shows them."""

from __future__ import annotations

import numpy as np
import pytest

from musclebook import emg, emg_plots
from musclebook.explorer import Renderer


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


# ---------------------------------------------------------------- the figure of the words chapter


@pytest.fixture(scope="module")
def patterns_figure():
    renderer = Renderer(emg_plots.PatternsView)
    return renderer, renderer.snapshot()


def test_figure_draws_every_pattern_in_its_own_panel(patterns_figure):
    renderer, _ = patterns_figure
    axes = renderer.view.axes
    assert len(axes) == len(emg.PATTERNS)
    for ax, p in zip(axes, emg.PATTERNS):
        assert ax.get_title(loc="left") == f"{p.english} ({p.indonesian})"
        t, trace, force, stretch = emg.pattern(p.key)
        emg_line, force_line = ax.lines[:2]
        shown = trace * 0.45 + 0.5  # the panel shows the pattern's numbers, as their envelope (see below)
        assert np.allclose(emg_line.get_ydata(), emg_plots.envelope(t, shown)[1])
        assert emg_line.get_ydata().max() == shown.max() and emg_line.get_ydata().min() == shown.min()
        assert np.allclose(force_line.get_ydata(), force * 0.45 - 0.5)
        assert bool(ax.collections) == bool(stretch.any())  # a fast stretch is marked only where there is one


def test_the_envelope_keeps_the_lowest_and_the_highest_value_of_every_bin():
    t = np.arange(16.0)
    y = np.array([0, 5, -2, 1, 3, 3, 3, 3, 9, -9, 0, 0, 1, 2, 3, 4], dtype=float)
    times, values = emg_plots.envelope(t, y, per=4)
    assert list(values) == [-2, 5, 3, 3, -9, 9, 1, 4]
    assert list(times) == [0, 2, 4, 6, 8, 10, 12, 14]


def test_text_alternative_names_every_pattern_and_what_its_emg_shows(patterns_figure):
    _, frame = patterns_figure
    for p in emg.PATTERNS:
        assert f"{p.english} ({p.indonesian}): {p.what}" in frame.description
    assert "not recordings" in frame.description  # schematic, as the figure says


def test_figure_text_is_readable(patterns_figure):
    renderer, frame = patterns_figure
    assert renderer.smallest_font_px() >= 11
    assert frame.svg.startswith(b"<?xml") and b"<svg" in frame.svg
