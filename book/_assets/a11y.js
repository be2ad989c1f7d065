// Accessibility repairs for markup that the theme and the widget library generate.
// Checked by axe-core in tests/test_browser.py; each line names what it repairs.
(function () {
  "use strict";
  function repair(root) {
    // Theme search fields: aria-label "Search" hid their visible text "Search Ctrl+K". The icon-only
    // search button of the phone header keeps its label: it has no visible text.
    root.querySelectorAll(".search-button-field.search-button__button[aria-label]").forEach(function (b) {
      b.removeAttribute("aria-label");
    });
    // Theme colour-mode button: icon titles ("Light", "Dark", ...) did not match its label.
    root.querySelectorAll(".theme-switch-button i[title]").forEach(function (i) {
      i.removeAttribute("title");
      i.setAttribute("aria-hidden", "true");
    });
    // Bibliography: docutils marks entries role=doc-biblioentry, deprecated in DPUB-ARIA 1.1, so
    // the list's items were not recognised as list items.
    root.querySelectorAll(".citation-list > .citation[role=doc-biblioentry]").forEach(function (c) {
      c.setAttribute("role", "listitem");
    });
    // Collapsed code cells: the summary's aria-label "Toggle hidden content" hid its visible text.
    root.querySelectorAll("details > summary[aria-label]").forEach(function (s) {
      s.removeAttribute("aria-label");
    });
    // Widget sliders: the handle (role=slider) has no accessible name; give it the visible label.
    root.querySelectorAll(".widget-slider").forEach(function (w) {
      var label = w.querySelector(".widget-label");
      var handle = w.querySelector("[role=slider]");
      if (label && handle && !handle.getAttribute("aria-label")) {
        handle.setAttribute("aria-label", label.textContent.trim());
      }
    });
  }
  // Skip link: it led to <main>, which opens with the article's toolbar (six buttons before the text); it
  // now leads to the article itself, so that the next Tab reaches the page's content.
  document.addEventListener("DOMContentLoaded", function () {
    var article = document.querySelector("article.bd-article");
    var skip = document.querySelector("#pst-skip-link a");
    if (article && skip) {
      if (!article.id) article.id = "mb-article";
      article.setAttribute("tabindex", "-1");
      skip.setAttribute("href", "#" + article.id);
    }
  });
  // Sidebar buttons: each theme script wires only the first .primary-toggle / .secondary-toggle of the
  // page, the navbar's, which this book's header hides; the article header's visible buttons did nothing,
  // so a phone could not open the chapter list. A click on any other one is passed to the wired one.
  document.addEventListener("DOMContentLoaded", function () {
    [".primary-toggle", ".secondary-toggle"].forEach(function (selector) {
      var buttons = document.querySelectorAll(selector);
      Array.prototype.slice.call(buttons, 1).forEach(function (button) {
        button.addEventListener("click", function (event) {
          event.preventDefault();
          event.stopPropagation();
          buttons[0].click();
        });
      });
    });
  });
  // Displayed equations (typeset by KaTeX, bookkit/katex.py): one wider than the screen scrolls sideways, and
  // then takes the keyboard's focus, so that it can be scrolled without a mouse; as the theme does for code.
  function focusableEquations() {
    document.querySelectorAll(".katex-display").forEach(function (e) {
      e.tabIndex = e.scrollWidth > e.clientWidth ? 0 : -1;
    });
  }
  var resized = null;
  window.addEventListener("resize", function () {
    clearTimeout(resized);
    resized = setTimeout(focusableEquations, 200);
  });
  document.addEventListener("DOMContentLoaded", focusableEquations);
  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; repair(document); });
  }
  document.addEventListener("DOMContentLoaded", schedule);
  new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true });
})();
