// Version for the visually impaired: font size, colours, spacing, images. The choice is kept in
// localStorage and applied to <html> before the page is drawn (this script is not deferred),
// so it persists across pages without a flash. Without JavaScript the site is the usual one.
(function () {
  "use strict";
  var KEY = "oko-a11y";
  var DEFAULTS = { font: "1", scheme: "default", spacing: "normal", images: "on" };
  var root = document.documentElement;

  function load() {
    var state = {};
    try { state = JSON.parse(window.localStorage.getItem(KEY) || "{}") || {}; } catch (e) { state = {}; }
    var result = {};
    for (var key in DEFAULTS) { result[key] = typeof state[key] === "string" ? state[key] : DEFAULTS[key]; }
    return result;
  }
  function save(state) {
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: this page only */ }
  }
  function apply(state) {
    for (var key in state) { root.setAttribute("data-a11y-" + key, state[key]); }
  }
  var state = load();
  apply(state);
  // The toggle is drawn from the first paint (style.css), not inserted when the page has loaded: no layout shift.
  root.setAttribute("data-a11y-js", "");

  function mark(panel) {
    var buttons = panel.querySelectorAll("button[data-a11y-font], button[data-a11y-scheme], " +
      "button[data-a11y-spacing], button[data-a11y-images]");
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      for (var key in DEFAULTS) {
        var value = b.getAttribute("data-a11y-" + key);
        if (value !== null) { b.setAttribute("aria-pressed", String(state[key] === value)); }
      }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.getElementById("a11y-toggle");
    var panel = document.getElementById("a11y-panel");
    if (!toggle || !panel) { return; }
    toggle.hidden = false;
    mark(panel);
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      panel.hidden = !open;
    });
    panel.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button") : null;
      if (!button) { return; }
      if (button.hasAttribute("data-a11y-reset")) {
        state = load();
        for (var k in DEFAULTS) { state[k] = DEFAULTS[k]; }
      } else {
        for (var key in DEFAULTS) {
          var value = button.getAttribute("data-a11y-" + key);
          if (value !== null) { state[key] = value; }
        }
      }
      apply(state);
      save(state);
      mark(panel);
    });
  });
})();
