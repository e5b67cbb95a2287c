// Highlights the next assessment procedure on a class page. The page is complete without it;
// "today" is the visitor's own date, so the built site stays the same whatever day it is built.
(function () {
  "use strict";
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  var now = new Date();
  var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  var rows = document.querySelectorAll("tr[data-date]");
  var next = null;
  for (var i = 0; i < rows.length; i++) {
    var row = rows[i];
    if (row.getAttribute("data-date") < today) {
      row.classList.add("past");
    } else if (!next) {
      next = row;
      row.classList.add("next");
    }
  }
  var box = document.querySelector("[data-next]");
  if (!box) { return; }
  if (rows.length === 0) {
    box.textContent = "В графике пока нет работ этого класса.";
  } else if (next) {
    var cells = next.querySelectorAll("td");
    box.textContent = "Ближайшая работа: " + cells[0].textContent + " — " + cells[1].textContent + ", " + cells[2].textContent;
  } else {
    box.textContent = "Все работы этого учебного года уже прошли.";
  }
  box.hidden = false;
})();
