"""A pseudo-language, for testing that every text the code shows goes through the catalogues and still fits.

``python scripts/pseudo_locale.py OUT`` writes ``OUT/languages.yaml`` (the book's languages and ``qps``, a
pseudo-language in the code range ISO 639 reserves for local use) and ``OUT/i18n/qps.yaml``: every English text
the Indonesian catalogues translate, each Latin letter accented (``Force`` -> ``Ƒöŕçé``) and padded by about a
third (``·`` at the end), as Android's and Mozilla's pseudo-locales do; ``{placeholders}`` and Markdown code stay
as they are. Its numbers are written with a decimal comma and a point between thousands, as Indonesian does.
``tests/test_pseudo_locale.py`` shows the figures, explorers, exercises and the build's words in it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "book"))

from musclebook import i18n  # noqa: E402
from musclebook.language import LANGUAGES_FILE  # noqa: E402

CODE = "qps"
ACCENTED = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "ÅƁÇÐÉƑĜĤÎĴĶĹḾÑÖÞǪŔŠŢÛṼŴẊÝŽåƀçðéƒĝĥîĵķĺḿñöþǫŕšţûṽŵẋýž",
)
PADDING = 0.35  # the share of its length a text grows by (German and Finnish run about a third longer)
KEPT = re.compile(r"(\{[^{}]*\}|`[^`]*`|https?://\S+|\$[^$]*\$)")  # placeholders, code, addresses, TeX


def pseudo(text: str) -> str:
    """``text`` with its Latin letters accented and padded, what must stay as it is kept."""
    parts = KEPT.split(text)
    shown = "".join(part if KEPT.fullmatch(part) else part.translate(ACCENTED) for part in parts)
    if not text.strip() or text.startswith("http"):
        return shown
    return shown + "·" * max(1, round(len(KEPT.sub("", text)) * PADDING))


def main(out: Path) -> None:
    languages = yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))
    languages[CODE] = {
        "name": pseudo("Pseudo"),
        "locale": "qps_ZZ",
        "decimal": ",",
        "thousands": ".",
        "percent_apart": False,
    }
    (out / "i18n").mkdir(parents=True, exist_ok=True)
    (out / "languages.yaml").write_text(yaml.safe_dump(languages, allow_unicode=True), encoding="utf-8")
    messages = {msgid: pseudo(msgid) for msgid in i18n.catalogue("id")}
    (out / "i18n" / f"{CODE}.yaml").write_text(
        yaml.safe_dump(messages, allow_unicode=True, width=1000), encoding="utf-8"
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python scripts/pseudo_locale.py OUT_FOLDER")
    main(Path(sys.argv[1]))
