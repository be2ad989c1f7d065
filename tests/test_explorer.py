"""The one widget helper: precomputed frames, JavaScript links, text alternatives and the byte budget."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from musclebook.explorer import Control, Explorer, grid


def draw(fig, height, colour="C0"):
    ax = fig.subplots()
    ax.bar([0], [height], color=colour)
    ax.set_ylim(0, 3)


def describe(height, colour="C0"):
    return f"A {colour} bar of height {height}."


def frame_alts(explorer):
    """The alt text of every frame, walking the nested Stacks as the page would."""
    out = []

    def walk(w):
        if isinstance(w, widgets.Stack):
            for child in w.children:
                walk(child)
        else:
            out.append(w.value.split('alt="', 1)[1].split('"', 1)[0])

    walk(explorer.figure)
    return out


def test_one_control_links_slider_to_stack_in_javascript():
    ex = Explorer(draw, [Control("height", "Height (cm)", [1, 2, 3], start=1)], describe)
    slider = ex.controls[0]
    assert isinstance(slider, widgets.SelectionSlider) and slider.description == "Height (cm)"
    assert isinstance(ex.figure, widgets.Stack) and len(ex.figure.children) == 3
    assert ex.figure.selected_index == 1
    [link] = ex.links
    assert isinstance(link, widgets.widget_link.Link)  # jslink: runs in the static page
    assert link.source == (slider, "index") and link.target == (ex.figure, "selected_index")
    assert frame_alts(ex) == ["A C0 bar of height 1.", "A C0 bar of height 2.", "A C0 bar of height 3."]


def test_two_controls_drive_nested_stacks():
    colour = Control("colour", "Colour", ["C0", "C1"], buttons=True)
    height = Control("height", "Height (cm)", [1, 2, 3])
    ex = Explorer(draw, [colour, height], describe)
    assert isinstance(ex.controls[0], widgets.ToggleButtons)
    assert ex.n_frames == 6 and len(ex.figure.children) == 2
    # the second control is linked to every inner stack
    inner_links = [link for link in ex.links if link.source[0] is ex.controls[1]]
    assert len(inner_links) == 2
    assert sorted(frame_alts(ex)) == sorted(describe(**p) for p in grid([colour, height]))


def test_setting_a_control_from_code_switches_the_frame_in_the_kernel():
    ex = Explorer(
        draw, [Control("colour", "Colour", ["C0", "C1"]), Control("height", "Height (cm)", [1, 2, 3])], describe
    )
    ex.controls[0].index, ex.controls[1].index = 1, 2
    assert ex.visible_description() == "A C1 bar of height 3."
    inner = ex.figure.children[ex.figure.selected_index]
    assert "height 3" in inner.children[inner.selected_index].value


def test_frames_are_images_with_text_alternatives_and_captions():
    ex = Explorer(draw, [Control("height", "Height (cm)", [1, 2])], describe)
    html = ex.figure.children[0].value
    assert html.count("<img") == 1 and 'src="data:image/png;base64,' in html
    assert 'alt="A C0 bar of height 1."' in html and "<figcaption" in html


def test_frame_bytes_are_counted_and_the_budget_is_enforced():
    ex = Explorer(draw, [Control("height", "Height (cm)", [1, 2, 3])], describe)
    assert ex.frame_bytes > 3 * 1000
    with pytest.raises(ValueError, match="over its budget"):
        Explorer(draw, [Control("height", "Height (cm)", [1, 2, 3])], describe, budget_bytes=ex.frame_bytes - 1)


def test_missing_text_alternative_is_refused():
    with pytest.raises(ValueError, match="no text alternative"):
        Explorer(draw, [Control("height", "Height (cm)", [1])], lambda height: " ")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(name="h", label="H", values=[]), "no values"),
        (dict(name="h", label="H", values=[1, 2], value_labels=["one"]), "1 labels for 2 values"),
        (dict(name="h", label="H", values=[1, 2], start=5), "start index 5"),
    ],
)
def test_bad_controls_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Control(**kwargs)


def test_explorer_says_what_its_model_rests_on():
    ex = Explorer(draw, [Control("height", "Height (cm)", [1, 2])], describe, title="Bars", basis="illustrative")
    header = [w.value for w in ex.children if isinstance(w, widgets.HTML)]
    assert any("mb-basis" in h and "illustrative" in h for h in header)
