"""The book's words: one term per concept in each language, and one red-flag list wherever red flags appear."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from bookkit import translate
from bookkit.ledger import load_ledger, markdown_sources
from bookkit.sphinxext.roles import TERM_TEXTS, term_text
from musclebook import i18n

REPO = Path(__file__).resolve().parent.parent
TERMS = yaml.safe_load((REPO / "book" / "musclebook" / "data" / "terms.yaml").read_text(encoding="utf-8"))
INDONESIAN = {"en": "id", "definition": "definition_id", "note": "note_id"}  # where the tests read a term's Indonesian
for _term in TERMS["terms"]:  # each term with its Indonesian, from the catalogue, as the glossary shows it
    for _fld in TERM_TEXTS:
        if _fld in _term:
            _term[INDONESIAN[_fld]] = term_text(_term, _fld, "id")
LEDGER = load_ledger()


def indonesian_texts():
    """The book's own Indonesian text (the article's quotes excepted), as its sources hold it: the ledger's
    corrections, notes and debated points, the glossary, every page's catalogue (prose, code texts, plots'
    text alternatives), the book's and the theme's words, and the figures', explorers' and self-checks' texts."""
    for entry in LEDGER.entries:  # with their published values written out
        for fld in ("correction", "note"):
            if getattr(entry, fld):
                yield f"claims.yaml {entry.id} {fld} (Indonesian)", entry.text(fld, "id")
    catalogues = [page.catalogue for page in translate.pages("id")]  # the Indonesian edition's pages
    catalogues += [translate.catalogues("id") / f"{name}.po" for name in (translate.BOOK_CATALOGUE, "_theme")]
    for path in catalogues:
        catalogue = translate.read_catalogue(path)
        yield path.name, "\n".join(m.string for m in catalogue if m.id)
    # the figures', explorers' and self-checks' texts, the build's words, the ledger's and the glossary's texts
    yield "musclebook/data/i18n/id", "\n".join(i18n.catalogue("id").values())


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
    assert len(words) == len(TERMS["terms"])  # no term twice (how many: policy, tests/test_policy.py)
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
    yield "K40 (Indonesian)", "id", LEDGER.get("K40").raw("correction", "id")
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


# ---------------------------------------------------------------- what a reader of the Indonesian edition reads
#
# The built Indonesian pages are where everything a reader reads comes together: the prose, the claim cards,
# the citations and reference list, the explorers (their controls, the text alternative of every frame) and
# the figures (the SVG files the pages show, whose texts matplotlib keeps as comments), the self-checks, the
# printed output of the code cells, the theme's words and the footer. The slides are made from these pages
# (``make slides``), and the handout is the article page printed. The tests below read all of it.

QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
URL_OR_DOI = re.compile(r"https?://\S+|\bdoi:\S+|\bURL:")
SVG_TEXT = re.compile(r"<!-- (.*?) -->", re.DOTALL)
SVG_FILE = re.compile(r"_(?:frames|images)/[^\"'\s]+\.svg")
READER_ATTRIBUTES = ("alt", "title", "aria-label", "aria-valuetext", "placeholder")
BLOCKS = [
    "p",
    "li",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "div",
    "figcaption",
    "caption",
    "pre",
    "label",
    "legend",
    "button",
    "nav",
    "section",
    "header",
    "footer",
    "aside",
    "br",
    "option",
    "span",
]


def _bib_names() -> list[str]:
    """The titles, journals, publishers and names of the references: they stay as published (longest first)."""
    from pybtex.database import parse_file
    from pybtex.richtext import Text

    names = set()
    for entry in parse_file(str(REPO / "book" / "musclebook" / "data" / "references.bib")).entries.values():
        fields = ["title", "journal", "booktitle", "publisher", "address", "note", "organization"]
        howpublished = entry.fields.get("howpublished")
        if i18n.catalogue("id").get(howpublished) == howpublished:  # a proper name (Federal Register ...)
            fields.append("howpublished")
        for name in fields:
            if name in entry.fields:
                names.add(str(Text.from_latex(entry.fields[name])))
        for person in entry.persons.get("author", []) + entry.persons.get("editor", []):
            names.add(str(Text.from_latex(str(person))))
    # a title as the reference list writes it: "Muscle cramps and contractures: causes and treatment"
    names |= {n[:1] + n[1:].lower() for n in names}
    return sorted(names, key=len, reverse=True)


BIB_NAMES = _bib_names()
ENGLISH_TERMS = {t["en"] for t in TERMS["terms"]}  # the glossary names each term in English too


def page_reading(page_html: str, read_svg) -> list[tuple[str, str]]:
    """(where, text) for every text a reader reads on a built page, ``read_svg(path)`` giving a figure's SVG.

    Left out: code (a cell's source, inline code), elements marked ``lang="en"`` (the switch to the English
    edition), quotations, and the references' titles, journals, publishers and authors' names, URLs and DOIs."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page_html, "html.parser")
    found: list[tuple[str, str]] = []
    svgs = set(SVG_FILE.findall(page_html))
    for script in soup.select("script.mb-frames"):  # an explorer: the text alternative of every frame
        data = json.loads(script.string)
        found += [("explorer frame", frame[1]) for frame in data["frames"]] + [("explorer", data["unavailable"])]
    for meta in soup.select('meta[name="description"], meta[property^="og:"]'):
        if meta.get("content") and not meta["content"].startswith("http"):
            found.append(("page description", meta["content"]))
    for element in soup(["script", "style", "math", "svg"]):
        element.decompose()
    for element in soup.select('[lang="en"], .cell_input, code, kbd, samp, pre'):
        if not element.find_parent(class_="cell_output"):  # a cell's printed output is read; code is not
            element.decompose()
    for element in soup.select("a.headerlink"):  # the "#" of a heading's link (its title is read, above)
        element.string = ""
    for element in soup(["em", "i"]):  # an italic mention (*kejang otot*, *twitch*) keeps its asterisks
        element.insert(0, "*")
        element.append("*")
    for element in soup(BLOCKS):  # one line of text per block (a paragraph, an item, a cell, a label)
        element.insert(0, "\n")
        element.append("\n")
    for element in soup.find_all(True):
        for name in READER_ATTRIBUTES:
            if element.get(name):
                found.append((f"{element.name} {name}", str(element[name])))
        for name in ("data-shown", "data-spoken"):  # a slider's values, shown and spoken
            if element.get(name):
                found += [(f"{element.name} {name}", value) for value in json.loads(element[name])]
    body = soup.body or soup
    found += [("text", line) for line in body.get_text("").splitlines()]
    for path in sorted(svgs):
        found += [(f"figure {path}", text) for text in SVG_TEXT.findall(read_svg(path))]
    cleaned = []
    for where, text in found:
        text = " ".join(text.split())
        if text.strip("*") in ENGLISH_TERMS:
            continue
        for name in BIB_NAMES:
            if name in text:
                text = text.replace(name, " ")
        text = URL_OR_DOI.sub(" ", QUOTED.sub(" ", text))
        if text.strip(" *.,;:()[]"):
            cleaned.append((where, text))
    return cleaned


# English words that Indonesian does not have: one of them outside a quotation, a reference or code is English
# left on an Indonesian page (a word written all in capitals, an abbreviation such as AS, is not counted)
ENGLISH_WORDS = frozenset(
    re.findall(
        r"\w+",
        "the and of with which that this these those is are was were from to by for on at its "
        "their be been or as an not than into has have when what how why you your it we our",
    )
)


# and the English of the figures' and explorers' texts (musclebook/data/i18n): a phrase of it left in a page
# ("frog fibre" printed by a code cell) is English too
ENGLISH_PHRASES = re.compile(
    "|".join(
        rf"\b{re.escape(english)}\b"
        for english, indonesian in sorted(i18n.catalogue("id").items(), key=lambda item: -len(item[0]))
        if english != indonesian and " " in english and "{" not in english and english.lower() != indonesian.lower()
    )
)


def english_words(text: str) -> list[str]:
    """The English words and phrases of ``text``."""
    words = [w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in ENGLISH_WORDS and not w.isupper()]
    return words + ENGLISH_PHRASES.findall(text)


# a decimal point, where Indonesian writes a comma (a point before three digits is a thousands separator; a
# number with two points, 0.5.0, is a version, and so is the 4.0 of the licence's name, CC BY 4.0)
DECIMAL_POINT = re.compile(r"(?<![\w.])(?<!CC BY )\d+\.\d(?!\d\d\b)(?!\d*\.\d)")


def indonesian_edition_reading(site: Path) -> dict[str, list[tuple[str, str]]]:
    """What a reader reads on each page of the built Indonesian edition (and on its slides, if made)."""
    edition = site / "id"
    cache: dict[str, str] = {}

    def read_svg(path: str) -> str:
        if path not in cache:
            cache[path] = (edition / path).read_text(encoding="utf-8")
        return cache[path]

    pages = sorted(edition.glob("*.html"))
    assert len(pages) >= len(translate.pages("id")), "the Indonesian edition is not built"
    return {page.name: page_reading(page.read_text(encoding="utf-8"), read_svg) for page in pages}


@pytest.fixture(scope="module")
def indonesian_reading(built_book):
    site, _ = built_book
    return indonesian_edition_reading(site)


@pytest.mark.build
def test_no_english_is_left_on_the_indonesian_pages(indonesian_reading):
    """Citations ("dan", "dkk."), the reference list's words, figures and their text alternatives, explorers,
    printed model output, equations' labels, the theme's words and the footer are Indonesian."""
    left = [
        f"{page} ({where}): {text[:160]}"
        for page, texts in indonesian_reading.items()
        for where, text in texts
        if english_words(text)
    ]
    assert not left, "English on Indonesian pages:\n" + "\n".join(left[:40])


@pytest.mark.build
def test_numbers_on_the_indonesian_pages_take_a_decimal_comma(indonesian_reading):
    """Prose, figures, explorers and the printed output of the code cells alike write 2,5, not 2.5."""
    left = [
        f"{page} ({where}): {text[:160]}"
        for page, texts in indonesian_reading.items()
        for where, text in texts
        if DECIMAL_POINT.search(text)
    ]
    assert not left, "decimal points on Indonesian pages:\n" + "\n".join(left[:40])


@pytest.mark.build
@pytest.mark.parametrize("rule", TERMS["usage_id"], ids=lambda r: r["use"][:30])
def test_the_built_indonesian_pages_use_the_book_s_terms(indonesian_reading, rule):
    """Every rule of ``usage_id`` holds wherever a reader of the Indonesian edition reads."""
    pattern = re.compile(rule["avoid"], re.IGNORECASE)
    found = [
        f"{page} ({where}): …{text[max(0, m.start() - 40) : m.end() + 40]}…"
        for page, texts in indonesian_reading.items()
        for where, text in texts
        for m in pattern.finditer(text)
    ]
    assert not found, f"use '{rule['use']}' for '{rule['en']}' instead:\n" + "\n".join(found[:20])


# The checks can fail: a page of the old edition's kinds of English, and one that is all Indonesian.
OLD_PAGE = """<html><head><meta name="description" content="Kram otot dan relaksasi."></head><body>
<p>Otot berelaksasi ketika pompa mengambil kembali kalsium.</p>
<p>Menurut <a class="reference internal" title="B. H. Ross dan C. K. Thomas.">Ross and Thomas, 1995</a>.</p>
<p>The muscle relaxes when the pump removes calcium.</p>
<img alt="Force of the slow model unit during 600 ms trains" src="_images/a.svg">
<div class="cell_output"><pre>frog fibre: tegangan pada 2.4 µm adalah 89% dari nilai plato</pre></div>
<p class="component-author">Oleh The muscle-cramps book contributors</p>
<p>Buat prediksi dulu: di dataran, gaya paling besar.</p>
</body></html>"""
OLD_FIGURE = "<svg><!-- Waktu (ms) --><!-- the measured half-maximal frequency of human thumb motor units --></svg>"
GOOD_PAGE = """<html><body>
<p>Otot berelaksasi ketika pompa mengambil kembali kalsium ({cite}) dan kalium plasma 2,5 mM.</p>
<p lang="en"><a href="../book/x.html">English: this book in English</a></p>
<p>Artikel menyatakan «Tetapi yang menyebabkan kejang otot adalah perbedaan»; judulnya “Leg cramps”.</p>
<div class="cell_input"><pre>print(f"plasma K+ {{number(2.5)}} mM")</pre></div><code>twitch.SLOW</code>
<img alt="Gaya unit lambat model selama rangkaian stimulus 600 ms" src="_images/b.svg">
<p>B. H. Ross dan C. K. Thomas. Human motor unit activity during induced muscle cramp. <em>Brain</em>, 1995.
URL: https://www.nhsinform.scot/illnesses-and-conditions/leg-cramps (diakses pada 2026-12-01). Ada 2.438 serabut.</p>
</body></html>""".replace("{cite}", '<a class="reference internal">Ross dan Thomas, 1995</a>')


def test_the_reader_checks_can_fail():
    svgs = {"_images/a.svg": OLD_FIGURE, "_images/b.svg": "<svg><!-- Waktu (ms) --><!-- 0,5 --></svg>"}
    old = page_reading(OLD_PAGE, svgs.__getitem__)
    english = {text for _, text in old if english_words(text)}
    for sentence in (
        "Ross and Thomas, 1995",  # a citation in English
        "The muscle relaxes when the pump removes calcium.",  # an English sentence put back
        "Force of the slow model unit during 600 ms trains",  # an English text alternative
        "the measured half-maximal frequency of human thumb motor units",  # an English legend in a figure
        "Oleh The muscle-cramps book contributors",  # the footer
        "frog fibre: tegangan pada 2.4 µm",  # a figure's English printed by a code cell
    ):
        assert any(sentence in text for text in english), sentence
    assert any(DECIMAL_POINT.search(text) for where, text in old if "2.4" in text)  # printed model output
    rules = [re.compile(r["avoid"], re.IGNORECASE) for r in TERMS["usage_id"]]
    assert sum(bool(p.search(text)) for p in rules for _, text in old) == 2  # "dulu" and "dataran"
    good = page_reading(GOOD_PAGE, svgs.__getitem__)
    assert not [text for _, text in good if english_words(text)], good
    assert not [text for _, text in good if DECIMAL_POINT.search(text)], good
    assert any("2,5 mM" in text for _, text in good) and any("0,5" in text for _, text in good)


@pytest.mark.build
def test_the_indonesian_glossary_says_why_it_chooses_its_words(indonesian_reading):
    """Each term's Indonesian note (why "kontraksi tunggal" and not "kedutan", "kram" and not "kejang") is on the
    Indonesian glossary, after the definition (finding 26 of the review of 2026-12-07)."""
    glossary = " ".join(text for _, text in indonesian_reading["glossary.html"])
    notes = [" ".join(t["note_id"].replace("*", "").split()) for t in TERMS["terms"] if t.get("note_id")]
    assert len(notes) >= 4
    missing = [note for note in notes if note not in glossary.replace("*", "")]
    assert not missing, missing
