// The school's month calendar: a «Показать класс» list narrows it to one class in place. The page works without
// it (each class has its own calendar page, linked above the months); this only saves a page load.
(function () {
  "use strict";
  var picker = document.querySelector(".calendar-classes");
  var items = document.querySelectorAll(".calendar li, .windows li");
  if (!picker || !items.length) { return; }
  var names = Array.prototype.map.call(picker.querySelectorAll("a.class-button"), function (a) {
    return a.textContent;
  });
  var label = document.createElement("label");
  label.className = "calendar-filter";
  label.textContent = "Показать класс: ";
  var select = document.createElement("select");
  select.appendChild(new Option("все классы", ""));
  names.forEach(function (name) { select.appendChild(new Option(name, name)); });
  label.appendChild(select);
  picker.parentNode.insertBefore(label, picker);
  select.addEventListener("change", function () {
    var wanted = select.value;
    Array.prototype.forEach.call(items, function (li) {
      li.hidden = wanted !== "" && li.querySelector("data.cal-for").value.split(" ").indexOf(wanted) < 0;
    });
    Array.prototype.forEach.call(document.querySelectorAll(".calendar td[data-day]"), function (td) {
      td.classList.toggle("has", td.querySelector("li:not([hidden])") !== null);
    });
  });
})();
