"""Self-check questions that give feedback in the web book as well as in Jupyter.

A question is a prompt, its choices and, for each choice, why it is right or wrong. In a live
kernel the choices are ipywidgets buttons; in the web book (see :func:`musclebook.explorer.static_build`)
they are radio buttons that the book's ``explorer.js`` answers, with no kernel. Nothing is selected
at first, so no feedback shows until the reader answers.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from .explorer import static_build
from .i18n import Msg, text, tr

_ids = itertools.count(1)


@dataclass(frozen=True)
class Choice:
    text: str | Msg
    correct: bool
    why: str | Msg  # the feedback: why this choice is right or wrong (a Msg when it carries values)

    def __post_init__(self):
        if not str(self.text).strip() or not str(self.why).strip():
            raise ValueError(f"choice {self.text!r}: needs a text and the reason why it is right or wrong")


def feedback_html(choice: Choice) -> str:
    verdict, mark = (tr("Right."), "✓") if choice.correct else (tr("Not quite."), "✗")
    kind = "right" if choice.correct else "wrong"
    return f'<div class="mb-feedback mb-{kind}"><strong>{mark} {verdict}</strong> {html.escape(text(choice.why))}</div>'


class Question:
    """One multiple-choice question with feedback for every choice."""

    def __init__(self, prompt: str, choices: Sequence[Choice]):
        if not prompt.strip():
            raise ValueError("a question needs a prompt")
        if len(choices) < 2:
            raise ValueError(f"question {prompt!r}: needs at least two choices, got {len(choices)}")
        if not any(c.correct for c in choices):
            raise ValueError(f"question {prompt!r}: no choice is marked correct")
        self.prompt, self.choices = prompt, tuple(choices)
        self._widget = None

    def static_html(self) -> str:
        name = f"mb-question-{next(_ids)}"
        options = "".join(
            f'<label class="mb-option"><input type="radio" name="{name}" value="{i}">'
            f"<span>{html.escape(text(c.text))}</span></label>"
            for i, c in enumerate(self.choices)
        )
        panels = "".join(
            f'<div class="mb-answer" data-choice="{i}" hidden>{feedback_html(c)}</div>'
            for i, c in enumerate(self.choices)
        )
        return (
            f'<div class="mb-question"><fieldset class="mb-choice"><legend><strong>{tr("Check yourself.")}</strong> '
            f"{html.escape(tr(self.prompt))}</legend>{options}</fieldset>"
            f'<div class="mb-feedback-area" aria-live="polite">{panels}</div></div>'
        )

    @property
    def widget(self):
        """The live version: buttons above the feedback of the chosen answer."""
        if self._widget is None:
            import ipywidgets as widgets

            buttons = widgets.ToggleButtons(
                options=[(text(c.text), i) for i, c in enumerate(self.choices)],
                index=None,
                style={"button_width": "auto"},
            )
            feedback = widgets.HTML()

            def show(change):
                if change["new"] is not None:
                    feedback.value = feedback_html(self.choices[change["new"]])

            buttons.observe(show, names="value")
            header = widgets.HTML(
                f'<p class="mb-question"><strong>{tr("Check yourself.")}</strong> {html.escape(tr(self.prompt))}</p>'
            )
            self._widget = widgets.VBox([header, buttons, feedback])
            self._buttons, self._feedback = buttons, feedback
        return self._widget

    def answer(self, index: int) -> str:
        """Choose an answer from code (as a reader would by clicking) and return the feedback shown."""
        _ = self.widget
        self._buttons.value = index
        return self._feedback.value

    def _repr_html_(self) -> str | None:
        return self.static_html() if static_build() else None

    def _repr_mimebundle_(self, **kwargs):
        if static_build():
            return {"text/html": self.static_html(), "text/plain": tr(self.prompt)}
        return self.widget._repr_mimebundle_(**kwargs)
