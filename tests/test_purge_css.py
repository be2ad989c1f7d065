"""bookkit.purge_css: the theme's style rules are kept exactly when a page can use them."""

from __future__ import annotations

from bookkit.purge_css import purge, used

WORDS = {"admonition", "note", "show", "bd-article"}


def test_a_selector_is_kept_only_if_every_class_and_id_it_names_is_used():
    assert used(".admonition.note > p", WORDS)
    assert used("html[data-theme=dark] .bd-article a:hover", WORDS)  # attributes, elements and states do not count
    assert not used(".admonition.warning", WORDS)
    assert not used("#sidebar .note", WORDS)


def test_classes_inside_functional_pseudo_classes_do_not_count():
    assert used(".note:not(.warning)", WORDS)
    assert used(".admonition:is(.tip, .hint) p", WORDS)
    assert used(".bd-article:has(:is(.missing, .other)) h1", WORDS)


def test_a_rule_keeps_its_used_selectors_and_grouping_rules_are_purged_inside():
    css = (
        ".note, .warning { color: red }"
        ".unused { color: blue }"
        "@media (max-width: 500px) { .unused { margin: 0 } .show { display: block } }"
        "@media print { .unused { margin: 0 } }"
        '@font-face { font-family: "X"; src: local("x") }'
        "@keyframes spin { from { opacity: 0 } to { opacity: 1 } }"
    )
    out = purge(css, WORDS)
    assert ".note{ color: red }" in out and ".warning" not in out and ".unused" not in out
    assert "@media (max-width: 500px) {.show{ display: block }}" in out.replace(
        "@media (max-width: 500px){", "@media (max-width: 500px) {"
    )
    assert "@media print" not in out  # nothing left inside
    assert "@font-face" in out and "@keyframes spin" in out  # kept whole


def test_attribute_values_name_no_class():
    assert used('a[href$=".pdf"].note', WORDS)
    assert not used('a[href$=".pdf"].pdf-link', WORDS)
