"""The article's claims, as a chapter shows them: ``claim_cards("K05")``.

The claims live in one ledger, ``musclebook/data/claims.yaml`` (read and checked by ``musclebook.ledger``): each
piece of the article quoted in Indonesian, translated, given a verdict and corrected, with its sources. A claim
card is one model, :class:`Card`, made by :func:`card` in the reader's language and shown two ways: in the web
book the build writes it as MyST (the ``{claim-card}`` directive, with linked citations:
``bookkit.sphinxext.claims``); in Jupyter this module writes it as HTML.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from . import i18n
from .explorer import static_build
from .i18n import speaking, tr
from .language import ARTICLE, LANGUAGE_OF, SOURCE
from .ledger import LEDGER, VERDICTS, Entry, Ledger, read_ledger

__all__ = ["LEDGER", "VERDICTS", "Card", "ClaimCards", "card", "claim", "claim_cards", "verdict_text"]

#: A verdict that colour alone must not carry: unsafe advice shares red with "incorrect", so its label
#: carries a warning sign too, wherever a verdict is shown.
MARKERS: dict[str, str] = {"unsafe-advice": "⚠ "}

#: The title of the card's dropdown that holds the correction in the article's own language (written in it)
ARTICLE_CORRECTION = "Koreksi dalam Bahasa Indonesia"


def verdict_text(verdict: str, language: str = SOURCE) -> str:
    """The label a reader of ``language`` sees for a verdict (``"⚠ Unsafe advice"``)."""
    with speaking(language):
        return MARKERS.get(verdict, "") + tr(VERDICTS[verdict][0])


# colours of the verdict labels in Jupyter (white text on each passes WCAG AA contrast)
BADGE = {"success": "#1a6b32", "info": "#0b5a80", "warning": "#8a4b00", "danger": "#a4262c", "dark": "#333333"}


def claim(claim_id: str) -> Entry:
    """The ledger entry of one claim."""
    entry = read_ledger().get(claim_id)  # an unknown id is refused, naming the ledger
    if not entry.is_claim:
        raise ValueError(f"{LEDGER.name}: {claim_id} is a rhetorical entry, not a claim: it has no card")
    return entry


@dataclass(frozen=True)
class Card:
    """What a claim card says, in one language: the ledger's texts and the catalogue's labels around them."""

    entry: Entry
    language: str
    verdict: str  # the verdict's label ("⚠ Unsafe advice")
    colour: str  # the verdict's colour, a name of the book's theme
    claim: str  # "Claim K05"
    evidence: str  # "Settled physiology", or "Debated: ..."
    says: str  # "The article says"
    translation: tuple[str, str] | None  # ("In English:", the quote in the reader's language) for other readers
    physiology: str  # "Physiology says:"
    correction: str  # in the reader's language, its published values written out
    article_correction: tuple[str, str] | None  # (title, correction) in the article's language, for other readers
    see: str  # "See it:"
    in_article: str  # "in the article"


def card(entry: Entry, language: str = SOURCE, ledger: Ledger | None = None) -> Card:
    """The card of one claim for readers of ``language`` (``ledger``: where its debated points are named)."""
    ledger = ledger or read_ledger()
    other = language != ARTICLE  # a reader of another language than the article's
    with speaking(language):
        debated = ledger.debated_label(entry, language)
        return Card(
            entry=entry,
            language=language,
            verdict=verdict_text(entry.verdict, language),
            colour=VERDICTS[entry.verdict][1],
            claim=f"{tr('Claim')} {entry.id}",
            evidence=tr("Debated: {points}", points=debated) if entry.debated else tr("Settled physiology"),
            says=tr("The article says"),
            translation=(tr("In {language}:", language=LANGUAGE_OF[language].name), entry.text("translation", language))
            if other
            else None,
            physiology=tr("Physiology says:"),
            correction=entry.text("correction", language),
            article_correction=(ARTICLE_CORRECTION, entry.text("correction", ARTICLE)) if other else None,
            see=tr("See it:"),
            in_article=tr("in the article"),
        )


def card_html(shown: Card) -> str:
    """A card as HTML, for Jupyter (inline styles: a notebook has no style sheet of the book's)."""
    from .prose import Citation

    e = html.escape
    sources = Citation(shown.entry.references).__repr__()
    translation = ""
    if shown.translation:
        label, text = shown.translation
        translation = f'<p style="margin:0.3em 0"><em>{e(label)}</em> “{e(text)}”</p>'
    return (
        '<div class="mb-claim-card" style="border:1px solid #8a8a8a;border-radius:6px;padding:0.6em 0.9em;'
        'margin:0.6em 0;max-width:48em">'
        f'<p style="margin:0 0 0.4em"><span style="background:{BADGE[shown.colour]};color:#fff;border-radius:4px;'
        f'padding:0.1em 0.45em">{e(shown.verdict)}</span> <strong>{e(shown.claim)}</strong> · '
        f"<em>{e(shown.evidence)}</em></p>"
        f'<p style="margin:0.3em 0"><strong>{e(shown.says)}</strong> <span lang="{ARTICLE}">«{e(shown.entry.quote)}»'
        "</span></p>"
        f"{translation}"
        f'<p style="margin:0.3em 0"><strong>{e(shown.physiology)}</strong> {e(shown.correction)} {e(sources)}</p>'
        "</div>"
    )


class ClaimCards:
    """The cards of one or more claims of the article (``claim_cards("K11", "K26")``)."""

    def __init__(self, *claim_ids: str):
        if not claim_ids:
            raise ValueError("name at least one claim, e.g. claim_cards('K05')")
        self.entries = [claim(i) for i in claim_ids]  # an unknown id fails here, naming it

    def _repr_markdown_(self) -> str | None:
        if not static_build():
            return None
        ids = " ".join(e.id for e in self.entries)
        return f"```{{claim-card}} {ids}\n```\n"

    def _repr_html_(self) -> str | None:
        if static_build():
            return None
        language = i18n.language()
        return "".join(card_html(card(e, language)) for e in self.entries)

    def __repr__(self) -> str:
        lines = []
        for e in self.entries:
            lines += [
                f"Claim {e.id} ({VERDICTS[e.verdict][0]}): «{e.quote}»",
                f"  {e.translation}",
                f"  Physiology says: {e.text('correction')}",
            ]
        return "\n".join(lines)


def claim_cards(*claim_ids: str) -> ClaimCards:
    return ClaimCards(*claim_ids)
