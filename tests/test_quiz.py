"""Self-check questions: static radio buttons with a hidden feedback panel per choice for the web book, live
buttons in a kernel, the right feedback for every choice; bad input refused."""

from __future__ import annotations

import re

import ipywidgets as widgets
import pytest

from musclebook.explorer import STATIC_ENV
from musclebook.quiz import Choice, Question

CHOICES = [
    Choice("Attachment", False, "Attachment needs calcium."),
    Choice("Detachment", True, "ATP binding releases the head."),
    Choice("The power stroke", False, "The stroke releases ADP & phosphate; it binds no ATP."),
]


def question():
    return Question("Which step needs ATP <to let go>?", CHOICES)


# ---------------------------------------------------------------- the web book: static HTML


def test_static_html_has_one_radio_per_choice_in_one_group_with_nothing_selected():
    page = question().static_html()
    radios = re.findall(r'<input type="radio" name="([^"]+)" value="(\d+)"([^>]*)>', page)
    assert [int(value) for _, value, _ in radios] == list(range(len(CHOICES)))
    assert len({name for name, _, _ in radios}) == 1  # one group: choosing one unchooses the others
    assert all("checked" not in rest for _, _, rest in radios)  # no feedback shows before an answer
    for choice in CHOICES:
        assert f"<span>{choice.text}</span>" in page.replace("&amp;", "&")


def test_static_html_has_one_hidden_feedback_panel_per_choice():
    page = question().static_html()
    panels = re.findall(r'<div class="mb-answer" data-choice="(\d+)" hidden>(.*?)</div></div>', page)
    assert [int(i) for i, _ in panels] == list(range(len(CHOICES)))
    for (_, panel), choice in zip(panels, CHOICES):
        verdict = "Right." if choice.correct else "Not quite."
        assert verdict in panel and choice.why.replace("&", "&amp;") in panel
    assert page.count('class="mb-feedback mb-right"') == sum(c.correct for c in CHOICES)
    assert '<div class="mb-feedback-area" aria-live="polite">' in page  # the answer is read out when it appears


def test_static_html_escapes_the_text_and_gives_each_question_its_own_group():
    first, second = question().static_html(), question().static_html()
    assert "Which step needs ATP &lt;to let go&gt;?" in first and "<to let go>" not in first
    name = re.compile(r'name="([^"]+)"')
    assert set(name.findall(first)).isdisjoint(name.findall(second))


def test_static_build_shows_the_static_html(monkeypatch):
    monkeypatch.setenv(STATIC_ENV, "1")
    q = question()
    bundle = q._repr_mimebundle_()
    assert bundle["text/plain"] == q.prompt
    assert bundle["text/html"].count('type="radio"') == len(CHOICES)
    assert q._repr_html_().count('class="mb-answer"') == len(CHOICES)


# ---------------------------------------------------------------- a live kernel: ipywidgets


def test_live_widget_has_a_button_per_choice_and_no_feedback_before_an_answer(monkeypatch):
    monkeypatch.delenv(STATIC_ENV, raising=False)
    q = question()
    box = q.widget
    assert isinstance(box, widgets.VBox)
    header, buttons, feedback = box.children
    assert isinstance(buttons, widgets.ToggleButtons)
    assert [label for label, _ in buttons.options] == [c.text for c in CHOICES]
    assert buttons.index is None and feedback.value == ""
    assert "Which step needs ATP &lt;to let go&gt;?" in header.value
    assert q._repr_html_() is None  # in a kernel the widget is shown, not the static HTML
    assert "application/vnd.jupyter.widget-view+json" in q._repr_mimebundle_()


@pytest.mark.parametrize("index", range(len(CHOICES)))
def test_each_answer_shows_its_own_feedback(index):
    q = question()
    shown = q.answer(index)
    choice = CHOICES[index]
    assert ("Right." in shown) == choice.correct and ("Not quite." in shown) != choice.correct
    assert choice.why.replace("&", "&amp;") in shown
    assert all(other.why.replace("&", "&amp;") not in shown for other in CHOICES if other is not choice)


def test_clicking_a_button_changes_the_feedback():
    q = question()
    _, buttons, feedback = q.widget.children
    buttons.value = 0
    assert "calcium" in feedback.value and "Not quite." in feedback.value
    buttons.value = 1  # the reader changes their mind
    assert "releases the head" in feedback.value and "Right." in feedback.value


# ---------------------------------------------------------------- bad questions


@pytest.mark.parametrize(
    "prompt, choices, message",
    [
        ("", [Choice("a", True, "b"), Choice("c", False, "d")], "prompt"),
        (" ", [Choice("a", True, "b"), Choice("c", False, "d")], "prompt"),
        ("Q?", [Choice("a", True, "b")], "at least two choices"),
        ("Q?", [Choice("a", False, "b"), Choice("c", False, "d")], "no choice is marked correct"),
    ],
)
def test_bad_questions_are_refused(prompt, choices, message):
    with pytest.raises(ValueError, match=message):
        Question(prompt, choices)


@pytest.mark.parametrize("text, why", [("Detachment", " "), (" ", "ATP binding releases the head.")])
def test_a_choice_without_a_text_or_a_reason_is_refused(text, why):
    with pytest.raises(ValueError, match="reason"):
        Choice(text, True, why)
