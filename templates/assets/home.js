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
      item.appendChild(document.createTextNode(" — " + p.subject + ", " + p.kind_label + " (" + p.classes.join(", ") + ")"));
      list.appendChild(item);
    });
    list.hidden = false;
    var fallback = document.querySelector(".next-empty");
    if (fallback) { fallback.hidden = true; }
  }).catch(function () { /* the link to the schedule stays */ });
})();
