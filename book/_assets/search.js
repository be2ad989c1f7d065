/* The search page's result snippets: Sphinx cuts each from the text of the page's [role=main] element,
 * which in this theme also holds the page's buttons, breadcrumbs and "Contents" list, so a snippet could
 * read "From twitch to tetanus Contents ...". This makes the snippet come from the page's article, and
 * leaves out each equation's MathML (kept in the page for screen readers), whose TeX annotation
 * ("\frac{RT}{zF}") a snippet would otherwise show. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    if (typeof Search === "undefined" || !Search.htmlToText) return;  // a global const, not on window
    var fromMain = Search.htmlToText;
    Search.htmlToText = function (htmlString, anchor) {
      var page = new DOMParser().parseFromString(htmlString, "text/html");
      var article = page.querySelector("article.bd-article");
      if (!article) return fromMain(htmlString, anchor);
      page.querySelectorAll("[role=main]").forEach(function (el) { el.removeAttribute("role"); });
      page.querySelectorAll(".katex-mathml").forEach(function (el) { el.remove(); });
      article.setAttribute("role", "main");
      return fromMain(page.documentElement.outerHTML, anchor);
    };
  });
})();
