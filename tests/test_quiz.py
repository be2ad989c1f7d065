"""Self-check questions: linked in JavaScript like the explorers, with feedback for every choice; bad input refused."""

from __future__ import annotations

import pytest

from musclebook.quiz import Choice, Question


def question():
    return Question(
        "Which step needs ATP?",
        [
            Choice("Attachment", False, "Attachment needs calcium."),
            Choice("Detachment", True, "ATP binding releases the head."),
        ],
    )


def test_no_feedback_before_an_answer():
    q = question()
    assert q.buttons.index is None and q.feedback.selected_index is None


def test_each_answer_shows_its_own_feedback():
    q = question()
    assert "Not quite." in q.answer(0) and "calcium" in q.answer(0)
    assert "Right." in q.answer(1) and "releases the head" in q.answer(1)


def test_choices_are_linked_to_feedback_in_javascript():
    q = question()
    assert (q.link.source[0], q.link.source[1]) == (q.buttons, "index")
    assert (q.link.target[0], q.link.target[1]) == (q.feedback, "selected_index")


@pytest.mark.parametrize(
    "prompt, choices, message",
    [
        ("", [Choice("a", True, "b"), Choice("c", False, "d")], "prompt"),
        ("Q?", [Choice("a", True, "b")], "at least two choices"),
        ("Q?", [Choice("a", False, "b"), Choice("c", False, "d")], "no choice is marked correct"),
    ],
)
def test_bad_questions_are_refused(prompt, choices, message):
    with pytest.raises(ValueError, match=message):
        Question(prompt, choices)


def test_a_choice_without_a_reason_is_refused():
    with pytest.raises(ValueError, match="reason"):
        Choice("Detachment", True, " ")
