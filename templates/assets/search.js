// The search page: asks the Pagefind index (built beside the site, no other host) and lists results
// with the kind of each page. Russian word forms are found thanks to Pagefind's stemming (lang="ru").
(function () {
  "use strict";
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var input = document.getElementById("search-input");
  if (!list || !input) { return; }
  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  if (!query.trim()) { return; }
  status.textContent = "Ищем…";
  var base = new URL(list.getAttribute("data-base"), window.location.href).pathname;
  // import() resolves against this script's address, so pass the index's full URL.
  import(new URL(list.getAttribute("data-pagefind"), window.location.href).href).then(function (pagefind) {
    // A class's schedule is a long page that names its class only in the title: a weaker length penalty than
    // Pagefind's 0.75 lets a page rank first for its own name (tests/test_public_face_search.py).
    return pagefind.options({ baseUrl: base, ranking: { pageLength: 0.4 } }).then(function () {
      // Pagefind 1.4 picks the index chunks by the word as typed and stems it afterwards, so a word whose stem
      // falls in the chunk before it finds nothing («работа» → «работ»; Pagefind issue #478, fixed in 1.5, which
      // the site cannot use yet: requirements.txt). Loading the chunks of the shorter forms first covers the stem.
      var forms = [];
      query.toLowerCase().split(/\s+/).forEach(function (word) {
        for (var cut = 0; cut <= 3 && word.length - cut >= 3; cut++) { forms.push(word.slice(0, word.length - cut)); }
      });
      return Promise.all(forms.map(function (form) { return pagefind.preload(form); }));
    }).then(function () {
      return pagefind.search(query);
    });
  }).then(function (search) {
    return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
  }).then(function (results) {
    list.textContent = "";
    results.forEach(function (data) {
      var item = document.createElement("li");
      var type = document.createElement("span");
      type.className = "result-type";
      type.textContent = (data.meta && data.meta.type) || "Страница";
      var link = document.createElement("a");
      link.href = data.url;
      link.textContent = (data.meta && data.meta.title) || data.url;
      var excerpt = document.createElement("p");
      excerpt.className = "result-excerpt";
      excerpt.innerHTML = data.excerpt;  // Pagefind's excerpt: page text with <mark> around matches
      item.appendChild(type);
      item.appendChild(link);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    status.textContent = results.length ? "Найдено: " + results.length : "Ничего не найдено. Попробуйте другое слово.";
  }).catch(function () {
    status.textContent = "Поиск сейчас недоступен: откройте сайт через веб-сервер, а не как файл.";
  });
})();
