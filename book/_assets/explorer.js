/* The book's explorers and self-check questions in the static web page: no kernel, no network.
 * An explorer (.mb-explorer) carries its frames as JSON; its sliders and choices pick one frame,
 * whose image, text alternative and caption replace the shown ones once the frame has loaded (the
 * caption is a polite live region, so screen readers announce the new figure). Narrow screens get
 * every frame drawn for phones (panels stacked, text as large as on a desktop) through <picture>
 * sources. Once the page has loaded, an explorer that comes into view (or is touched) fetches every
 * frame of the drawing the screen shows, so that it keeps working when the connection drops. A
 * question (.mb-question) shows the feedback of the chosen answer. */
(function () {
  "use strict";

  function flatIndex(state, shape) {
    var flat = 0;
    for (var k = 0; k < shape.length; k++) flat = flat * shape[k] + state[k];
    return flat;
  }

  // Every image this page has asked for, by address: a promise of its load (a failed one is forgotten, so
  // that it is asked for again, e.g. once the connection is back).
  var images = {};
  function fetchImage(src) {
    if (!images[src]) {
      images[src] = new Promise(function (resolve, reject) {
        var image = new Image();
        image.onload = resolve;
        image.onerror = function () { delete images[src]; reject(src); };
        image.src = src;
      });
    }
    return images[src];
  }

  function setupExplorer(box) {
    var data = JSON.parse(box.querySelector("script.mb-frames").textContent);
    var img = box.querySelector(".mb-frame img.mb-fg");
    var background = box.querySelector(".mb-frame img.mb-bg");
    // on narrow screens the browser shows the phone drawing (<picture><source media>): set both sources
    var imgSource = img.parentNode.tagName === "PICTURE" ? img.previousElementSibling : null;
    var backgroundSource = background.parentNode.tagName === "PICTURE" ? background.previousElementSibling : null;
    var phone = data.phone && window.matchMedia ? window.matchMedia(data.phone.media) : null;
    var caption = box.querySelector(".mb-frame figcaption");
    var state = data.shape.map(function () { return 0; });
    var fetched = {};  // the drawings ("wide", "phone") whose every frame has been asked for
    var wanted = 0;  // the latest frame asked for: an older one that loads late is not shown

    function drawing() { return phone && phone.matches ? "phone" : "wide"; }
    function sources(flat) {  // [frame, background] as this screen shows them
      var frame = data.frames[flat];
      if (drawing() === "phone") return [data.phone.frames[flat], data.phone.backgrounds[frame[2]]];
      return [frame[0], data.backgrounds[frame[2]]];
    }
    // Every frame of the drawing this screen shows, asked for once the explorer is in view or touched, so
    // that it keeps working when the connection drops afterwards.
    function fetchAll() {
      var which = drawing();
      if (fetched[which]) return;
      var all = [];
      data.frames.forEach(function (_, flat) { all = all.concat(sources(flat).map(fetchImage)); });
      // settled when every frame has loaded; if one failed, the next sight or touch asks again for what is missing
      fetched[which] = Promise.all(all).catch(function () { fetched[which] = null; });
      box.mbFetched = fetched;  // for the tests: {drawing: settled}
    }
    function apply(flat) {
      var frame = data.frames[flat];
      var bgSrc = data.backgrounds[frame[2]];
      if (backgroundSource) backgroundSource.srcset = data.phone.backgrounds[frame[2]];
      if (imgSource) imgSource.srcset = data.phone.frames[flat];
      if (background.getAttribute("src") !== bgSrc) background.src = bgSrc;
      img.src = frame[0];
      img.alt = frame[1];
      caption.textContent = frame[1];
      caption.classList.remove("mb-unavailable");
    }
    // The chosen frame replaces the shown one once both its images have loaded; if one cannot load (no
    // connection), the figure stays as it was and the caption says so.
    function show() {
      var flat = flatIndex(state, data.shape);
      var asked = ++wanted;
      box.setAttribute("data-loading", "");
      Promise.all(sources(flat).map(fetchImage)).then(
        function () { if (asked === wanted) { apply(flat); box.removeAttribute("data-loading"); } },
        function () {
          if (asked !== wanted) return;
          caption.textContent = data.unavailable;
          caption.classList.add("mb-unavailable");
          box.removeAttribute("data-loading");
        }
      );
      fetchAll();
    }

    box.querySelectorAll("[data-control]").forEach(function (control) {
      var k = Number(control.getAttribute("data-control"));
      var range = control.querySelector("input[type=range]");
      if (range) {
        var spoken = JSON.parse(range.getAttribute("data-spoken"));
        var shown = JSON.parse(range.getAttribute("data-shown"));
        var output = control.querySelector("output");
        state[k] = Number(range.value);
        range.addEventListener("input", function () {
          state[k] = Number(range.value);
          range.setAttribute("aria-valuetext", spoken[state[k]]);
          output.textContent = shown[state[k]];
          show();
        });
      } else {
        control.querySelectorAll("input[type=radio]").forEach(function (radio) {
          if (radio.checked) state[k] = Number(radio.value);
          radio.addEventListener("change", function () {
            if (radio.checked) { state[k] = Number(radio.value); show(); }
          });
        });
      }
    });
    ["focusin", "pointerenter", "touchstart"].forEach(function (event) {
      box.addEventListener(event, fetchAll, { passive: true });
    });
    var seen = false;  // once seen, a turn of the phone (the other drawing) fetches that drawing too
    if (phone && phone.addEventListener) phone.addEventListener("change", function () { if (seen) fetchAll(); });
    return function () { seen = true; fetchAll(); };
  }

  function setupQuestion(question) {
    var answers = question.querySelectorAll(".mb-answer");
    question.querySelectorAll("input[type=radio]").forEach(function (radio) {
      radio.addEventListener("change", function () {
        answers.forEach(function (answer) {
          answer.hidden = answer.getAttribute("data-choice") !== radio.value;
        });
      });
    });
  }

  // After the page has loaded (so that nothing it needs first waits), an explorer that comes into view
  // fetches all its frames.
  function fetchWhenSeen(explorers) {
    if (!("IntersectionObserver" in window)) { explorers.forEach(function (e) { e.fetchAll(); }); return; }
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) { if (entry.isIntersecting) entry.target.mbFetchAll(); });
    });
    explorers.forEach(function (e) { e.box.mbFetchAll = e.fetchAll; seen.observe(e.box); });
  }

  function setup() {
    var explorers = [];
    document.querySelectorAll(".mb-explorer").forEach(function (box) {
      explorers.push({ box: box, fetchAll: setupExplorer(box) });
    });
    document.querySelectorAll(".mb-question").forEach(setupQuestion);
    var start = function () { fetchWhenSeen(explorers); };
    if (document.readyState === "complete") start();
    else window.addEventListener("load", start);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
