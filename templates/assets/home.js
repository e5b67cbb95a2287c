// Home page: the next assessment procedures of the school, read from the schedule's JSON. The
// choice of "next" uses the visitor's date, so the built page stays the same whatever day it is built.
(function () {
  "use strict";
  var list = document.querySelector(".next-list");
  if (!list) { return; }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  var now = new Date();
  var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  var months = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
    "ноября", "декабря"];
  // Each class links to its page at the address without the year (/schedule/5a/), which class_slug
  // (oko/kinds/schedule/assemble.py) makes: the same letters, transliterated the same way.
  var base = list.getAttribute("data-class-base");
  var latin = {"А": "a", "Б": "b", "В": "v", "Г": "g", "Д": "d", "Е": "e", "Ё": "yo", "Ж": "zh", "З": "z", "И": "i",
    "Й": "y", "К": "k", "Л": "l", "М": "m", "Н": "n", "О": "o", "П": "p", "Р": "r", "С": "s", "Т": "t", "У": "u",
    "Ф": "f", "Х": "h", "Ц": "c", "Ч": "ch", "Ш": "sh", "Щ": "sch", "Ъ": "", "Ы": "y", "Ь": "", "Э": "e", "Ю": "yu",
    "Я": "ya"};
  function classLink(name) {
    if (!base) { return document.createTextNode(name); }
    var slug = name.split("").map(function (c) { return latin.hasOwnProperty(c) ? latin[c] : c.toLowerCase(); }).join("");
    var link = document.createElement("a");
    link.href = base + slug + "/";
    link.textContent = name;
    return link;
  }
  fetch(list.getAttribute("data-schedule")).then(function (r) { return r.json(); }).then(function (data) {
    var next = data.procedures.filter(function (p) { return p.date >= today; }).slice(0, 6);
    if (!next.length) { return; }
    next.forEach(function (p) {
      var parts = p.date.split("-");
      var item = document.createElement("li");
      var when = document.createElement("time");
      when.setAttribute("datetime", p.date);
      when.textContent = Number(parts[2]) + " " + months[Number(parts[1]) - 1];
      item.appendChild(when);
      item.appendChild(document.createTextNode(" — " + p.subject + ", " + p.kind_label + " ("));
      p.classes.forEach(function (name, i) {
        if (i) { item.appendChild(document.createTextNode(", ")); }
        item.appendChild(classLink(name));
      });
      item.appendChild(document.createTextNode(")"));
      list.appendChild(item);
    });
    list.hidden = false;
    var fallback = document.querySelector(".next-empty");
    if (fallback) { fallback.hidden = true; }
  }).catch(function () { /* the link to the schedule stays */ });
})();
