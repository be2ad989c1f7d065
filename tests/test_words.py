"""The book's words: one term per concept in each language, and one red-flag list wherever red flags appear."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bookkit import translate
from bookkit.ledger import load_ledger, markdown_sources
from musclebook import i18n

REPO = Path(__file__).resolve().parent.parent
TERMS = yaml.safe_load((REPO / "book" / "musclebook" / "data" / "terms.yaml").read_text(encoding="utf-8"))
LEDGER = load_ledger()


def indonesian_texts():
    """The book's own Indonesian text (the article's quotes excepted)."""
    for entry in LEDGER.entries:
        for fld in ("correction_id", "note_id"):
            if getattr(entry, fld):
                yield f"claims.yaml {entry.id} {fld}", entry.text(fld)
    for term in TERMS["terms"]:
        yield f"terms.yaml {term['en']} definition_id", term["definition_id"]
    for page in translate.pages():  # the Indonesian edition's pages
        catalogue = translate.read_catalogue(page.catalogue)
        yield page.catalogue.name, " ".join(m.string for m in catalogue if m.id)
    yield "figures, explorers and self-checks (musclebook/data/i18n)", " ".join(i18n.catalogue("id").values())


@pytest.mark.parametrize("rule", TERMS["usage_id"], ids=lambda r: r["use"][:30])
def test_indonesian_text_uses_the_book_s_terms(rule):
    pattern = re.compile(rule["avoid"], re.IGNORECASE)
    found = [(name, m.group(0)) for name, text in indonesian_texts() for m in pattern.finditer(text)]
    assert not found, f"use '{rule['use']}' instead: {found}"


def test_usage_rules_can_fail():
    rules = {r["use"]: re.compile(r["avoid"], re.IGNORECASE) for r in TERMS["usage_id"]}
    assert rules["kram otot"].search("Kejang otot terjadi")
    twitch = next(p for use, p in rules.items() if use.startswith("kontraksi tunggal"))
    assert twitch.search("setiap kedutan memiliki fase kontraksi")
    assert not twitch.search("tampak sebagai kedutan halus di bawah kulit")


def test_every_term_has_both_languages_and_the_key_words_are_fixed():
    words = {t["en"]: t["id"] for t in TERMS["terms"]}
    assert len(words) == len(TERMS["terms"]) >= 35
    assert words["Cramp"] == "kram otot" and words["Seizure"].startswith("kejang")
    assert words["Fasciculation"] == "fasikulasi" and words["Tetany"] == "tetani"
    assert words["Tetanus (contraction)"] == "tetanus" and words["Tetanus (disease)"] == "penyakit tetanus"
    assert "kedutan" not in words["Twitch"]


def test_the_indonesian_article_page_explains_kram_rather_than_kejang():
    page = (REPO / "book" / "id" / "article.md").read_text(encoding="utf-8")
    assert re.search(r"\*kejang\*[^.]*bangkitan", page) and "*kram otot*" in page


# ---------------------------------------------------------------- red flags (finding F05)

RED_FLAGS = {
    "en": [r"\{pub\}`red_flag_cramp_duration_min`", r"wound", r"swollen", r"confusion"],
    "id": [r"\{pub\}`red_flag_cramp_duration_min`", r"luka", r"bengkak", r"kebingungan"],
}


def red_flag_places():
    cramps = (REPO / "book" / "cramps.md").read_text(encoding="utf-8")
    section = cramps[cramps.index("(cramp-red-flags)=") : cramps.index("Do **not** follow")]
    yield "cramps.md red flags", "en", section
    cramps_id = (REPO / "book" / "id" / "cramps.md").read_text(encoding="utf-8")
    start = cramps_id.index("(cramp-red-flags)=")
    yield "id/cramps.md red flags", "id", cramps_id[start : cramps_id.index("\n## ", start + 30)]
    yield "K40", "en", LEDGER.get("K40").correction
    yield "K40 (Indonesian)", "id", LEDGER.get("K40").correction_id
    for page in ("article", "intro"):
        yield f"{page}.md", "en", (REPO / "book" / f"{page}.md").read_text(encoding="utf-8")
        yield f"id/{page}.md", "id", (REPO / "book" / "id" / f"{page}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name, language, text", list(red_flag_places()), ids=lambda v: v if len(v) < 30 else "")
def test_every_red_flag_list_is_complete(name, language, text):
    missing = [p for p in RED_FLAGS[language] if not re.search(p, text)]
    assert not missing, f"{name} lacks the red flag(s) {missing}"
    # cramps at rest are what ordinary night cramps are: not a red flag by themselves
    assert not re.search(r"at rest without exercise|saat istirahat tanpa olahraga", text), name


# ---------------------------------------------------------------- urgent in any weather (finding M-01)

# Confusion, vomiting, fainting or collapse during or after exercise are urgent whatever the weather:
# exercise-associated hyponatraemia from drinking beyond thirst strikes in the cool too (Hew-Butler et al.
# 2015). Every page that lists the urgent signs says so, names the toxic-substance trigger (NHS inform),
# and warns against treating cramps with large amounts of plain water (the physiology review of
# 2026-12-07, M-01 and m-24). The claim ledger's K40 is checked with the pages' common list above.
URGENT_IN_ANY_WEATHER = {
    "en": [r"vomiting", r"in any weather", r"poison|toxic", r"[Dd]rink to thirst|let thirst tell you"],
    "id": [r"muntah", r"cuaca apa pun", r"beracun|toksik", r"sesuai rasa haus|rasa haus sebagai patokan"],
}
# "in the heat" after confusion or collapse, unless it says "not only in the heat"
ONLY_IN_THE_HEAT = {
    "en": r"(confusion|fainting|collapse)[^.;]*(?<!not only )\bin the heat\b",
    "id": r"(kebingungan|pingsan|ambruk|kolaps)[^.;]*(?<!tidak hanya saat )\budara panas\b",
}


@pytest.mark.parametrize("name, language, text", red_flag_places(), ids=lambda v: v if len(v) < 30 else "")
def test_confusion_or_collapse_is_urgent_in_any_weather(name, language, text):
    tied = re.search(ONLY_IN_THE_HEAT[language], text)
    assert not tied, f"{name} makes confusion or collapse urgent only in the heat: '{tied.group(0)}'"
    missing = [p for p in URGENT_IN_ANY_WEATHER[language] if not re.search(p, text)]
    assert not missing, f"{name} lacks {missing}"


def test_the_heat_rule_catches_the_old_wording():
    old = "cramps spread to many muscles, or come with confusion, fainting or collapse during exercise in the heat"
    old_id = (
        "kram menyebar ke banyak otot, atau disertai kebingungan, pingsan, atau ambruk saat berolahraga di udara panas"
    )
    assert re.search(ONLY_IN_THE_HEAT["en"], old) and re.search(ONLY_IN_THE_HEAT["id"], old_id)
    new = "come with confusion, vomiting, fainting or collapse, during or after exercise, in any weather. Heat illness"
    assert not re.search(ONLY_IN_THE_HEAT["en"], new)
    assert not re.search(ONLY_IN_THE_HEAT["en"], "confusion or collapse, in any weather and not only in the heat")


def test_the_cramps_chapter_warns_against_self_treatment_in_both_languages():
    # quinine and tonic water only with a doctor (m-04); the potassium danger has a clinical source (m-24)
    for page, quinine in (
        ("cramps.md", r"Do not take quinine tablets,\s+or large amounts\s+of tonic water"),
        ("id/cramps.md", r"Jangan minum\s+tablet kina,\s+atau minuman tonik"),
    ):
        text = (REPO / "book" / page).read_text(encoding="utf-8")
        assert re.search(quinine, text), page
        assert "montford2017" in text and "hewbutler2015" in text, page


# ---------------------------------------------------------------- glossary (physiology review of 2026-12-07)


def test_glossary_definitions_keep_the_physiology_review_fixes():
    terms = {t["en"]: t for t in TERMS["terms"]}
    hypokalaemia = terms["Hypokalaemia"]  # m-05: the main danger of low potassium is the heart
    assert "heart" in hypokalaemia["definition"] and "irama jantung" in hypokalaemia["definition_id"]
    seizure = terms["Seizure"]  # m-21: a tonic-clonic seizure always takes consciousness
    assert "loses consciousness" in seizure["definition"] and "kehilangan kesadaran" in seizure["definition_id"]
    fasciculation = terms["Fasciculation"]  # s-02: many fasciculations are seen only on EMG
    assert "often visible" in fasciculation["definition"] and "EMG" in fasciculation["definition"]
    assert "sering tampak" in fasciculation["definition_id"] and "EMG" in fasciculation["definition_id"]
    tetanus = terms["Tetanus (contraction)"]  # s-01: tetanus is summed, and only fused at high rates
    assert not re.search(r"\b(smooth|fused)\b[^:]*:", tetanus["definition"]), tetanus["definition"]
    assert re.search(r"\bunfused\b.*\bfused\b", tetanus["definition"])
    assert re.search(r"tidak lengkap.*tetanus lengkap", tetanus["definition_id"])


def test_the_words_chapter_says_a_tonic_clonic_seizure_takes_consciousness():
    def page(path):
        return " ".join(markdown_sources(REPO / "book" / path).split())

    english, indonesian = page("words.ipynb"), page("id/words.ipynb")
    assert "often with loss" not in english and "always loses consciousness" in english  # m-21
    assert "sering disertai hilangnya" not in indonesian and "selalu kehilangan kesadaran" in indonesian
    assert "A brief, visible twitch" not in english and "It is often visible" in english  # s-02
    assert "sering tampak" in indonesian
