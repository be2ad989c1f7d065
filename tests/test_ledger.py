"""The claim ledger: the real one is complete and valid; every kind of bad input is refused clearly."""

from __future__ import annotations

import copy
import hashlib
import html
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bookkit.ledger import VERDICTS, LedgerError, bib_keys, book_labels, load_ledger, placed_claims, toc_files
from bookkit.sphinxext.claims import _escape, card_markup
from musclebook import i18n
from musclebook.claims import card, card_html
from musclebook.language import ARTICLE as ARTICLE_LANGUAGE
from musclebook.language import LANGUAGES
from musclebook.ledger import read_ledger

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "book" / "article" / "kejang-otot.id.txt"
# SHA-256 of the article exactly as published in shared/article (never edited).
ARTICLE_SHA256 = hashlib.sha256(ARTICLE.read_bytes()).hexdigest() if ARTICLE.exists() else None
PINNED_ARTICLE_SHA256 = "61510b955d56a9119e37c59705ad6a85c71cbe1a3d9adb719f1be7e845d91a04"


# ---------------------------------------------------------------- the real ledger


@pytest.fixture(scope="module")
def ledger():
    return load_ledger()


def test_article_copy_is_verbatim():
    # the SHA-256 of the original, shared/article/kejang-otot.id.txt (checked against it when it was pinned)
    assert ARTICLE_SHA256 == PINNED_ARTICLE_SHA256, "book/article/kejang-otot.id.txt was changed"


def test_ledger_covers_the_whole_article_in_order(ledger):
    # Independent of the loader's own check: the quotes, joined in order, give the article's text.
    def squash(text):
        return re.sub(r"\s+", "", text)

    assert squash("".join(e.quote for e in ledger.entries)) == squash(ledger.article_text)
    starts = [e.start for e in ledger.entries]
    assert starts == sorted(starts)


def test_ledger_splits_the_article_into_distinct_claims(ledger):
    assert 30 <= len(ledger.claims) <= 40
    assert len(ledger.entries) - len(ledger.claims) >= 1  # rhetorical sentences are marked
    # every line (paragraph) of the article is represented
    assert len(ledger.paragraphs()) == len(ledger.article_text.strip().splitlines())


def test_every_claim_is_complete(ledger):
    """A verdict of the scale, known references, real labels, a translation and an Indonesian correction of its
    own. How long the corrections are and in which words: policy, tests/test_policy.py."""
    keys = bib_keys()
    labels = book_labels()
    for claim in ledger.claims:
        assert claim.verdict in VERDICTS
        assert claim.references and set(claim.references) <= keys, claim.id
        assert claim.shown_in and set(claim.shown_in) <= set(labels), claim.id
        assert claim.translation != claim.quote, claim.id
        assert claim.text("correction", "id") != claim.text("correction"), claim.id


def test_a_placed_claim_card_is_linked_back_from_the_ledger(ledger):
    """The ledger's "shown in" links of a claim include every page that places its card."""
    labels = book_labels()
    placed = [(page, claim_id) for page in toc_files() for claim_id in placed_claims(page)]
    assert len(placed) >= 6, placed  # the reader finds the cards of the chapters
    for page, claim_id in placed:
        pages = {labels[label] for label in ledger.get(claim_id).shown_in}
        assert page in pages, (
            f"{page.name} places {claim_id}, but its shown_in points only to {sorted(p.name for p in pages)}"
        )


def test_verdicts_use_the_scale_and_flag_unsafe_advice(ledger):
    counts = Counter(c.verdict for c in ledger.claims)
    assert counts["unsafe-advice"] >= 1
    assert counts["incorrect"] >= 1
    # the supplement advice is flagged as unsafe
    supplement = [c for c in ledger.claims if "suplemen" in c.quote]
    assert supplement and all(c.verdict == "unsafe-advice" for c in supplement)


def test_every_debated_topic_labels_a_claim_in_both_languages(ledger):
    """Every debated topic labels at least one claim, and the labels are readable in both languages (that the
    corrections name the contested question and both hypotheses: policy, tests/test_policy.py)."""
    marked = {key for c in ledger.claims for key in c.debated}
    assert marked == set(ledger.topics)
    for claim in ledger.claims:
        if claim.debated:
            assert ledger.debated_label(claim, "en") and ledger.debated_label(claim, "id")


def test_how_stretch_stops_a_cramp_is_not_stated_as_a_reflex_fact(ledger):
    # Bertolasi et al. 1993: stretch stopped cramps even after a nerve block; the ledger must not say
    # "reflexly inhibits" without a hedge (finding F02 of the December 2026 physiology review).
    k30 = ledger.get("K30")
    assert "stretch-relief" in k30.debated
    assert "reflexly inhibits its motor neurons" not in k30.correction


def test_published_values_are_written_out_in_each_language(ledger):
    k05 = ledger.get("K05")
    assert "{pub}" in k05.correction
    assert "112.4 ms" in k05.text("correction") and "112,4 ms" in k05.text("correction", "id")
    assert "{pub}" not in k05.text("correction")


# ---------------------------------------------------------------- bad input

ARTICLE_TEXT = "Kram itu sakit. Otot butuh kontraksi untuk rileks.\nApa penyebabnya? Saraf rusak."


# the mini ledger's Indonesian, as its catalogue gives it (musclebook/data/i18n/id/claims.yaml for the book's)
MINI_INDONESIAN = {
    "why it stops": "mengapa berhenti",
    "One. Two.": "Satu. Dua.",
    "It stops because of X. Two.": "Berhenti karena X. Dua.",
    "It is thought to stop because of X. Two.": "Diduga berhenti karena X. Dua.",
}
MINI_DEBATED = {"hedges": ["diduga"], "signals": {"why": [r"berhenti karena"]}}


@pytest.fixture
def mini(tmp_path, monkeypatch):
    """A tiny book: an article, a bibliography, a table of contents with one labelled page, and the book's
    catalogues with the mini ledger's Indonesian (``translated(texts)`` changes it)."""
    catalogues = tmp_path / "i18n"
    shutil.copytree(i18n.CATALOGUE_DIR, catalogues)
    monkeypatch.setattr(i18n, "CATALOGUE_DIR", catalogues)
    i18n.catalogue.cache_clear()
    (catalogues / "id" / "_debated.yaml").write_text(yaml.safe_dump(MINI_DEBATED), encoding="utf-8")

    def translated(texts: dict[str, str]) -> None:
        (catalogues / "id" / "claims.yaml").write_text(yaml.safe_dump(texts, allow_unicode=True), encoding="utf-8")
        i18n.catalogue.cache_clear()

    translated(MINI_INDONESIAN)
    (tmp_path / "article.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@article{known2020,\n  title={T},\n  doi={10.1/x}\n}\n", encoding="utf-8")
    (tmp_path / "page.md").write_text("# Page\n\n(real-section)=\n## Section\n", encoding="utf-8")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: page\n", encoding="utf-8")
    claim = dict(
        kind="claim",
        verdict="incorrect",
        correction="One. Two.",
        references=["known2020"],
        shown_in=["real-section"],
    )
    data = {
        "article": "article.txt",
        "debated": {
            "why": {"label": "why it stops", "signals": [r"stops? because"]},
        },
        "hedges": ["thought"],
        "entries": [
            dict(id="K01", quote="Kram itu sakit.", translation="Cramps hurt.", **claim),
            dict(
                id="K02",
                quote="Otot butuh kontraksi untuk rileks.",
                translation="Muscle needs contraction to relax.",
                **claim,
            ),
            dict(id="K03", kind="rhetoric", quote="Apa penyebabnya?", translation="What causes it?"),
            dict(id="K04", quote="Saraf rusak.", translation="Nerves are damaged.", **claim),
        ],
    }

    def write(d):
        path = tmp_path / "claims.yaml"
        path.write_text(yaml.safe_dump(d, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    def load(d):
        return load_ledger(write(d), bib_path=tmp_path / "refs.bib", toc_path=tmp_path / "_toc.yml")

    yield data, load, translated
    i18n.catalogue.cache_clear()


def test_valid_mini_ledger_loads(mini):
    data, load, _ = mini
    ledger = load(data)
    assert [e.id for e in ledger.entries] == ["K01", "K02", "K03", "K04"]
    assert [e.paragraph for e in ledger.entries] == [1, 1, 2, 2]


def broken(data, index, **changes):
    d = copy.deepcopy(data)
    for key, value in changes.items():
        if value is None:
            d["entries"][index].pop(key)
        else:
            d["entries"][index][key] = value
    return d


@pytest.mark.parametrize(
    "index, changes, entry, field, message",
    [
        (1, {"verdict": None}, "K02", "verdict", "missing required field"),
        (0, {"translation": None}, "K01", "translation", "missing required field"),
        (1, {"verdict": "mostly-true"}, "K02", "verdict", "unknown verdict 'mostly-true'"),
        (1, {"quote": "Otot butuh kontraksi agar rileks."}, "K02", "quote", "not found verbatim"),
        (3, {"references": ["invented1999"]}, "K04", "references", "unknown reference key 'invented1999'"),
        (3, {"shown_in": ["no-such-section"]}, "K04", "shown_in", "no page of the book defines"),
        (1, {"id": "K01"}, "K01", "id", "duplicate id 'K01'"),
        (2, {"kind": "opinion"}, "K03", "kind", "unknown kind 'opinion'"),
        (0, {"sources": ["known2020"]}, "K01", "sources", "unexpected field"),
        (0, {"references": []}, "K01", "references", "non-empty list"),
        (0, {"correction": "  "}, "K01", "correction", "non-empty string"),
        (3, {"correction": "Three. Four."}, "K04", "correction", "no Bahasa Indonesia ('id') in the catalogue"),
        (0, {"correction": "It stops because of X. Two."}, "K01", "correction", "which is debated: list 'why'"),
        (
            0,
            {"correction": "It stops because of X. Two.", "debated": ["why"]},
            "K01",
            "correction",
            "states the debated point 'why it stops' as fact",
        ),
        (0, {"debated": ["why"]}, "K01", "correction", "never speaks of it"),
        (0, {"debated": ["unknown-topic"]}, "K01", "debated", "unknown debated topic 'unknown-topic'"),
        (2, {"debated": ["why"]}, "K03", "debated", "only a claim can rest on a debated point"),
        (2, {"note": "A note."}, "K03", "note", "no Bahasa Indonesia ('id') in the catalogue"),
        (
            1,
            {"correction": "It took {pub}`no_such_value`. Two."},
            "K02",
            "correction",
            "unknown published value 'no_such_value'",
        ),
    ],
)
def test_bad_field_is_named(mini, index, changes, entry, field, message):
    data, load, _ = mini
    with pytest.raises(LedgerError) as err:
        load(broken(data, index, **changes))
    text = str(err.value)
    assert "claims.yaml" in text and f"({entry})" in text and f"field '{field}'" in text and message in text, text


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"verdict": "mostly-true"}, "verdict", "unknown verdict 'mostly-true'"),
        ({"correction": "Three. Four."}, "correction", "no Bahasa Indonesia ('id') in the catalogue"),
        ({"debated": ["why"]}, "correction", "never speaks of it"),
    ],
)
def test_a_kernel_reads_the_ledger_checked_as_the_build_does(mini, tmp_path, changes, field, message):
    """The claim cards of a live kernel read the ledger through ``musclebook.ledger`` (the build adds the article,
    the bibliography and the pages): a bad entry is refused there too, naming the file, the entry and the field."""
    data, load, _ = mini
    path = tmp_path / "claims.yaml"
    path.write_text(yaml.safe_dump(broken(data, 1, **changes), allow_unicode=True), encoding="utf-8")
    with pytest.raises(LedgerError, match=rf"claims\.yaml: entry #2 \(K02\), field '{field}': .*{re.escape(message)}"):
        read_ledger(path)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert [e.id for e in read_ledger(path).claims] == ["K01", "K02", "K04"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_claim_card_is_one_model_shown_as_html_and_as_myst(ledger, language):
    """Jupyter's card (HTML) and the web book's (MyST) show the same texts: the one model ``card`` makes them."""
    entry = ledger.get("K40")
    shown = card(entry, language, ledger)
    web = "\n".join(card_markup(entry, language=language))
    kernel = html.unescape(card_html(shown))
    texts = [shown.verdict, shown.claim, shown.evidence, shown.says, shown.physiology]
    texts += [shown.correction[:60], *(shown.translation or ())]
    assert all(t in kernel for t in texts), [t for t in texts if t not in kernel]
    assert all(t in web or _escape(t) in web for t in texts), [t for t in texts if t not in web]
    assert (shown.translation is None) == (language == ARTICLE_LANGUAGE)
    assert shown.article_correction is None or shown.article_correction[1][:60] in web


def test_uncovered_article_text_is_refused(mini):
    data, load, _ = mini
    d = copy.deepcopy(data)
    del d["entries"][1]  # the sentence between K01 and K03 is no longer accounted for
    with pytest.raises(LedgerError, match=r"\(K03\), field 'quote'.*left uncovered.*Otot butuh"):
        load(d)


def test_uncovered_tail_is_refused(mini):
    data, load, _ = mini
    d = copy.deepcopy(data)
    del d["entries"][3]
    with pytest.raises(LedgerError, match=r"left uncovered after entry K03.*Saraf rusak"):
        load(d)


def test_overlapping_quotes_are_refused(mini):
    data, load, _ = mini
    d = broken(data, 1, quote="sakit. Otot butuh kontraksi untuk rileks.")
    with pytest.raises(LedgerError, match=r"\(K02\), field 'quote'.*overlaps"):
        load(d)


def test_quote_across_paragraphs_is_refused(mini):
    data, load, _ = mini
    d = copy.deepcopy(data)
    d["entries"][1]["quote"] = "Otot butuh kontraksi untuk rileks.\nApa penyebabnya?"
    del d["entries"][2]
    with pytest.raises(LedgerError, match=r"\(K02\), field 'quote'.*two paragraphs"):
        load(d)


def test_missing_article_file_is_named(mini):
    data, load, _ = mini
    d = copy.deepcopy(data)
    d["article"] = "gone.txt"
    with pytest.raises(LedgerError, match=r"claims.yaml, field 'article'.*gone.txt"):
        load(d)


def test_toc_listing_a_missing_page_is_refused(mini, tmp_path):
    data, load, _ = mini
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: page\nchapters:\n  - file: ghost\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=r"_toc.yml: the table of contents lists 'ghost'"):
        load(data)


def test_unknown_claim_id_in_a_card_is_refused(ledger):
    with pytest.raises(LedgerError, match="no entry with id 'K99'"):
        ledger.get("K99")


def test_hedged_debated_point_is_accepted(mini):
    data, load, _ = mini
    d = broken(
        data,
        0,
        correction="It is thought to stop because of X. Two.",
        debated=["why"],
    )
    assert load(d).get("K01").debated == ("why",)


@pytest.mark.parametrize(
    "indonesian, changes, field, message",
    [
        # a translation that names another published value than its English
        ({"One. Two.": "Satu {pub}`twitch_contraction_time_ms`. Dua."}, {}, "correction", "other published values"),
        # a translation that states a debated point as fact, where its English hedges it
        (
            {"It is thought to stop because of X. Two.": "Berhenti karena X. Dua."},
            {"correction": "It is thought to stop because of X. Two.", "debated": ["why"]},
            "correction (id)",
            "states the debated point 'why it stops' as fact",
        ),
    ],
)
def test_a_bad_translation_in_the_catalogue_is_named(mini, indonesian, changes, field, message):
    data, load, translated = mini
    translated(MINI_INDONESIAN | indonesian)
    with pytest.raises(LedgerError) as err:
        load(broken(data, 0, **changes))
    text = str(err.value)
    assert "(K01)" in text and f"field '{field}'" in text and message in text, text


def test_a_translation_needs_its_words_for_the_debated_points(mini):
    data, load, _ = mini
    (i18n.CATALOGUE_DIR / "id" / "_debated.yaml").unlink()
    with pytest.raises(LedgerError, match=r"id/_debated.yaml: missing: Bahasa Indonesia needs its hedges"):
        load(data)


def test_debated_topics_and_hedges_are_required(mini):
    data, load, _ = mini
    d = copy.deepcopy(data)
    del d["hedges"]
    with pytest.raises(LedgerError, match=r"claims.yaml, field 'hedges'"):
        load(d)
    d = copy.deepcopy(data)
    d["debated"]["why"]["signals"] = ["(unclosed"]
    with pytest.raises(LedgerError, match=r"field 'debated.why': a signal is not a valid pattern"):
        load(d)


# ---------------------------------------------------------------- safety wording (physiology review of 2026-12-07)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s]


URGENT_TIER = {"en": r"\bGet help (just as )?urgently\b", "id": r"\bpertolongan medis darurat\b"}
SOON_TIER = {"en": r"\bSee a doctor soon\b", "id": r"\bke dokter dalam waktu dekat\b"}
URGENCY = r"urgent|emergency|immediate|\bsegera\b|darurat|gawat"


@pytest.mark.parametrize("language", ["en", "id"])
def test_k40_keeps_the_urgent_tier_apart_from_the_see_a_doctor_tier(ledger, language):
    # The Indonesian review of 2026-12-07 (MEANING #2): "Segera periksakan diri" merged "see a doctor soon"
    # into "get help urgently".
    text = ledger.get("K40").text("correction", language)
    urgent = [s for s in sentences(text) if re.search(URGENT_TIER[language], s, re.IGNORECASE)]
    soon = [s for s in sentences(text) if re.search(SOON_TIER[language], s, re.IGNORECASE)]
    assert urgent and soon, f"K40 ({language}) names both tiers"
    assert not set(urgent) & set(soon)
    assert not [s for s in soon if re.search(URGENCY, s, re.IGNORECASE)], soon


def test_no_correction_makes_seeing_a_doctor_urgent(ledger):
    for claim in ledger.claims:
        assert not re.search(
            r"\bsegera\s+(periksakan|memeriksakan)\b", claim.text("correction", "id"), re.IGNORECASE
        ), claim.id


ALARM = {"en": r"confusion|collapse|faint", "id": r"kebingungan|kolaps|pingsan|ambruk"}
HEAT = {"en": r"\bheat\b|\bhot\b", "id": r"\bpanas\b"}
ANY_WEATHER = {
    "en": r"any weather|whatever the weather|not only in the heat",
    "id": r"cuaca apa pun|tidak hanya (saat|di|pada) (udara |cuaca )?panas",
}


def test_no_correction_ties_confusion_or_collapse_to_heat_alone(ledger):
    # M-01: exercise-associated hyponatraemia brings confusion and collapse in any weather (hewbutler2015).
    for claim in ledger.claims:
        for language in ("en", "id"):
            for s in sentences(claim.text("correction", language)):
                if re.search(ALARM[language], s, re.IGNORECASE) and re.search(HEAT[language], s, re.IGNORECASE):
                    assert re.search(ANY_WEATHER[language], s, re.IGNORECASE), (claim.id, language, s)


def test_k40_warns_against_drinking_plain_water_for_cramps(ledger):
    # M-01: drinking beyond thirst causes dilutional hyponatraemia; the consensus advice is to drink to thirst.
    k40 = ledger.get("K40")
    assert "hewbutler2015" in k40.references
    english, indonesian = k40.text("correction"), k40.text("correction", "id")
    assert re.search(r"plain water[^.]*\bthirst", english) and re.search(r"air putih[^.]*\bhaus", indonesian)
    assert "vomiting" in english and "muntah" in indonesian
    assert "during or after exercise" in english and "selama atau setelah berolahraga" in indonesian


@pytest.mark.parametrize("claim_id", ["K33", "K40"])
def test_quinine_is_not_for_self_medication(ledger, claim_id):
    # m-04: quinine and tonic water are familiar remedies; the harms include fatal ones (eltawil2015).
    claim = ledger.get(claim_id)
    for language, pattern in (
        ("en", r"\b(do not|never)\b[^.]*quinine[^.]*tonic water[^.]*doctor"),
        ("id", r"\bjangan\b[^.]*kina[^.]*air tonik[^.]*dokter"),
    ):
        assert re.search(pattern, claim.text("correction", language), re.IGNORECASE), (claim_id, language)


def test_the_potassium_warning_rests_on_a_clinical_source(ledger):
    # m-24: hyperkalaemia's clinical risk needs a clinical source, not only a physiology textbook.
    k33 = ledger.get("K33")
    assert {"montford2017", "hall2021"} <= set(k33.references)
    assert re.search(r"heart failure", k33.correction) and re.search(r"gagal jantung", k33.text("correction", "id"))


@pytest.mark.parametrize(
    "claim_id, gone, present, source",
    [
        # m-07: human fibres too, not only frog values (gollapudi2009)
        ("K13", r"in frog fibres\.$", r"\{pub\}`human_plateau_um`", "gollapudi2009"),
        # m-08: induced-cramp EMG was 55-68 % of maximal, not "well below"; no study tied strength to the trigger
        ("K16", r"well below|does not depend on whether", r"not far below", "miller2010pickle"),
        # m-10: cramps can start in the muscle in myopathy (katzberg2015)
        ("K19", r"final common pathway of true cramps", r"almost all true cramps", "katzberg2015"),
        # m-06: tetany does not paralyse; severe potassium disorders do (jurkatrott2009)
        ("K23", r"or to tetany", r"potassium", "jurkatrott2009"),
        # m-01: two studies by one group; Lau 2019 gave the water after sweating
        ("K28", r"in one study", r"two studies by one group", "lau2019"),
        # m-11: no timescale argument against inflammation, but no evidence for it (dijkstra2023)
        ("K36", r"far faster than inflammation", r"no evidence", "dijkstra2023"),
        # m-12: one brief induced cramp of a small foot muscle
        ("K22", r"returns within minutes after a cramp,", r"brief induced cramp", "miller2012"),
        ("K17", r"back to baseline", r"says nothing about the rare severe", "hoffman2015"),
        # m-09: no uncited claim that smoothness comes only from asynchrony; how stretch stops a cramp is debated
        ("K14", r"not because each of them is fused", r"debated", "bertolasi1993"),
        # s-04: cirrhosis is a liver disease, not an endocrine one
        ("K15", r"metabolic and endocrine", r"endocrine and liver", "swash2019"),
    ],
)
def test_corrections_keep_the_physiology_review_fixes(ledger, claim_id, gone, present, source):
    claim = ledger.get(claim_id)
    assert not re.search(gone, claim.correction), claim_id
    assert re.search(present, claim.correction), claim_id
    assert source in claim.references, claim_id


def test_mouse_studies_are_mencit_in_indonesian(ledger):
    # Indonesian review of 2026-12-07 (MEANING #3): "tikus" is the rat; the mouse is "mencit".
    for claim in ledger.claims:
        if re.search(r"\bmouse\b|\bmice\b", claim.correction):
            indonesian = claim.text("correction", "id")
            assert "mencit" in indonesian and "tikus" not in indonesian, claim.id
