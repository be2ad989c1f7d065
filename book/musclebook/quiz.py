"""Self-check questions that give feedback in the static web page as well as in Jupyter.

A question is a row of choice buttons above a Stack of feedback panels, one per choice. The
buttons' ``index`` is linked in JavaScript (``jslink``) to the Stack's ``selected_index``, the
same approach the explorers use, so choosing an answer shows its feedback without any kernel.
Nothing is selected at first, so no feedback shows until the reader answers.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool
    why: str  # the feedback: why this choice is right or wrong

    def __post_init__(self):
        if not self.text.strip() or not self.why.strip():
            raise ValueError(f"choice {self.text!r}: needs a text and the reason why it is right or wrong")


def feedback_html(choice: Choice) -> str:
    verdict = "Right." if choice.correct else "Not quite."
    colour, mark = ("#1b5e20", "✓") if choice.correct else ("#8a1c1c", "✗")
    return (
        f'<div class="mb-feedback" role="status" style="border-left:4px solid {colour};padding:0.3em 0.6em;'
        f'margin:0.3em 0;color:#222;background:#f7f7f7"><strong style="color:{colour}">{mark} {verdict}</strong> '
        f"{html.escape(choice.why)}</div>"
    )


class Question(widgets.VBox):
    """One multiple-choice question with feedback for every choice."""

    def __init__(self, prompt: str, choices: Sequence[Choice]):
        if not prompt.strip():
            raise ValueError("a question needs a prompt")
        if len(choices) < 2:
            raise ValueError(f"question {prompt!r}: needs at least two choices, got {len(choices)}")
        if not any(c.correct for c in choices):
            raise ValueError(f"question {prompt!r}: no choice is marked correct")
        self.prompt, self.choices = prompt, tuple(choices)
        self.buttons = widgets.ToggleButtons(
            options=[(c.text, i) for i, c in enumerate(choices)],
            index=None,
            style={"button_width": "auto"},
            tooltips=[c.text for c in choices],
        )
        self.feedback = widgets.Stack(children=[widgets.HTML(feedback_html(c)) for c in choices], selected_index=None)
        self.link = widgets.jslink((self.buttons, "index"), (self.feedback, "selected_index"))
        widgets.dlink((self.buttons, "index"), (self.feedback, "selected_index"))
        header = widgets.HTML(f'<p class="mb-question"><strong>Check yourself.</strong> {html.escape(prompt)}</p>')
        super().__init__(children=[header, self.buttons, self.feedback], layout=widgets.Layout(max_width="680px"))

    def answer(self, index: int) -> str:
        """Choose an answer from code (as a reader would by clicking) and return the feedback shown."""
        self.buttons.index = index
        return self.feedback.children[self.feedback.selected_index].value
