/* The book's explorers and self-check questions in the static web page: no kernel, no network.
 * An explorer (.mb-explorer) carries its frames as JSON; its sliders and choices pick one frame,
 * whose image, text alternative and caption replace the shown ones (the caption is a polite live
 * region, so screen readers announce the new figure). Narrow screens get every frame drawn for
 * phones (panels stacked, text as large as on a desktop) through <picture> sources. A question
 * (.mb-question) shows the feedback of the chosen answer. */
(function () {
  "use strict";

  function flatIndex(state, shape) {
    var flat = 0;
    for (var k = 0; k < shape.length; k++) flat = flat * shape[k] + state[k];
    return flat;
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
    var loaded = {};

    function sources(flat) {  // [frame, background] as this screen shows them
      var frame = data.frames[flat];
      if (phone && phone.matches) return [data.phone.frames[flat], data.phone.backgrounds[frame[2]]];
      return [frame[0], data.backgrounds[frame[2]]];
    }
    function load(flat) {
      var key = flat + (phone && phone.matches ? "p" : "w");
      if (!loaded[key]) {
        loaded[key] = true;
        sources(flat).forEach(function (src) { (new Image()).src = src; });
      }
    }
    function preloadNeighbours() {
      for (var k = 0; k < state.length; k++) {
        [-1, 1].forEach(function (step) {
          var next = state.slice();
          next[k] += step;
          if (next[k] >= 0 && next[k] < data.shape[k]) load(flatIndex(next, data.shape));
        });
      }
    }
    function show() {
      var flat = flatIndex(state, data.shape);
      var frame = data.frames[flat];
      var bgSrc = data.backgrounds[frame[2]];
      if (backgroundSource) backgroundSource.srcset = data.phone.backgrounds[frame[2]];
      if (imgSource) imgSource.srcset = data.phone.frames[flat];
      if (background.getAttribute("src") !== bgSrc) background.src = bgSrc;
      img.src = frame[0];
      img.alt = frame[1];
      caption.textContent = frame[1];
      preloadNeighbours();
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
    box.addEventListener("focusin", preloadNeighbours, { once: true });
    box.addEventListener("pointerenter", preloadNeighbours, { once: true });
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

  function setup() {
    document.querySelectorAll(".mb-explorer").forEach(setupExplorer);
    document.querySelectorAll(".mb-question").forEach(setupQuestion);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
