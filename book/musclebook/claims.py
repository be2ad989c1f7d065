"""The article's claims, as a chapter shows them: ``claim_cards("K05")``.

The claims live in one ledger, ``musclebook/data/claims.yaml``: each piece of the article quoted in
Indonesian, translated, given a verdict and corrected, with its sources. In the web book a chapter's
card is drawn by the build (the ``{claim-card}`` directive, with linked citations); in Jupyter the
same call shows the card from the ledger, as HTML. The ledger is checked when the book is built and
tested (``bookkit.ledger``); this module only reads it.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path

import yaml

from .explorer import static_build
from .i18n import N_, language, speaking, tr
from .language import ARTICLE, SOURCE, field, percent_sign
from .published import expand

LEDGER = Path(__file__).resolve().parent / "data" / "claims.yaml"

#: The fixed verdict scale: key -> (label shown to readers, in English; colour name of the book's theme).
VERDICTS: dict[str, tuple[str, str]] = {
    "correct": (N_("Correct"), "success"),
    "partly-correct": (N_("Partly correct"), "info"),
    "misleading": (N_("Misleading"), "warning"),
    "incorrect": (N_("Incorrect"), "danger"),
    "unfalsifiable": (N_("Unfalsifiable"), "dark"),
    "unsafe-advice": (N_("Unsafe advice"), "danger"),
}

#: A verdict that colour alone must not carry: unsafe advice shares red with "incorrect", so its label
#: carries a warning sign too, wherever a verdict is shown.
MARKERS: dict[str, str] = {"unsafe-advice": "⚠ "}


def verdict_text(verdict: str, language: str = SOURCE) -> str:
    """The label a reader of ``language`` sees for a verdict (``"⚠ Unsafe advice"``)."""
    with speaking(language):
        return MARKERS.get(verdict, "") + tr(VERDICTS[verdict][0])


# colours of the verdict labels in Jupyter (white text on each passes WCAG AA contrast)
BADGE = {"success": "#1a6b32", "info": "#0b5a80", "warning": "#8a4b00", "danger": "#a4262c", "dark": "#333333"}


@cache
def _ledger() -> dict:
    data = yaml.safe_load(LEDGER.read_text(encoding="utf-8"))
    return data


def claim(claim_id: str) -> dict:
    """The ledger entry of one claim (a mapping of its fields)."""
    for entry in _ledger()["entries"]:
        if entry["id"] == claim_id:
            if entry.get("kind") != "claim":
                raise ValueError(f"{LEDGER.name}: {claim_id} is a rhetorical entry, not a claim: it has no card")
            return entry
    raise ValueError(f"{LEDGER.name}: no claim with id '{claim_id}'")


def _card_html(entry: dict) -> str:
    from .prose import Citation

    lang = language()
    label, colour = verdict_text(entry["verdict"], lang), VERDICTS[entry["verdict"]][1]
    debated = entry.get("debated") or []
    points = "; ".join(_ledger()["debated"][key][field("label", lang)] for key in debated)
    evidence = tr("Debated: {points}", points=points) if debated else tr("Settled physiology")
    sources = Citation(tuple(entry["references"])).__repr__()
    correction = percent_sign(expand(entry[field("correction", lang)], lang), lang)
    e = html.escape
    translation = ""
    if lang != ARTICLE:  # the quote's translation, for readers of another language than the article's
        translation = f'<p style="margin:0.3em 0"><em>{e(tr("In English:"))}</em> “{e(entry["translation"])}”</p>'
    return (
        '<div class="mb-claim-card" style="border:1px solid #8a8a8a;border-radius:6px;padding:0.6em 0.9em;'
        'margin:0.6em 0;max-width:48em">'
        f'<p style="margin:0 0 0.4em"><span style="background:{BADGE[colour]};color:#fff;border-radius:4px;'
        f'padding:0.1em 0.45em">{e(label)}</span> <strong>{e(tr("Claim"))} {e(entry["id"])}</strong> · '
        f"<em>{e(evidence)}</em></p>"
        f'<p style="margin:0.3em 0"><strong>{e(tr("The article says"))}</strong> <span lang="id">«{e(entry["quote"])}»'
        "</span></p>"
        f"{translation}"
        f'<p style="margin:0.3em 0"><strong>{e(tr("Physiology says:"))}</strong> {e(correction)} {e(sources)}</p>'
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
        ids = " ".join(e["id"] for e in self.entries)
        return f"```{{claim-card}} {ids}\n```\n"

    def _repr_html_(self) -> str | None:
        if static_build():
            return None
        return "".join(_card_html(e) for e in self.entries)

    def __repr__(self) -> str:
        lines = []
        for e in self.entries:
            lines += [
                f"Claim {e['id']} ({VERDICTS[e['verdict']][0]}): «{e['quote']}»",
                f"  {e['translation']}",
                f"  Physiology says: {expand(e['correction'], 'en')}",
            ]
        return "\n".join(lines)


def claim_cards(*claim_ids: str) -> ClaimCards:
    return ClaimCards(*claim_ids)
