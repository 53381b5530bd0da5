/* egiz search: finds the stories of this language in its search-index.json (written by
   src/web/search.rs) while the visitor types. Every query word must start a word of the title,
   summary or text, after folding (lower case, Kazakh letters as a Russian keyboard types them).
   Title matches come first, then summary, then text; newest first among equals. */
(function () {
  "use strict";
  var root = document.querySelector("[data-search]");
  if (!root || !window.fetch || !window.URLSearchParams) return;
  // The same pairs as FOLDS in src/web/search.rs; a Rust test compares the two tables.
  var FOLD = {"қ": "к", "ғ": "г", "ң": "н", "ә": "а", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и", "ё": "е"};
  var FOLDABLE = /[қғңәөұүһіё]/g;
  var SPLIT = /[^\p{Alphabetic}\p{N}]+/u;
  var form = root.querySelector("form");
  var input = form.elements.q;
  var status = root.querySelector("[data-search-status]");
  var list = root.querySelector("[data-search-results]");
  var filters = root.querySelector("[data-filters]");
  var docs = null, body = null;
  var timer = 0;

  function fold(s) { return s.toLowerCase().replace(FOLDABLE, function (c) { return FOLD[c]; }); }
  function words(s) { return fold(s).split(SPLIT).filter(Boolean); }
  // 2: a whole word of the field, 1: the start of a word, 0: absent. Fields are " w1 w2 ... ".
  function hit(field, w) { return field.indexOf(" " + w + " ") >= 0 ? 2 : field.indexOf(" " + w) >= 0 ? 1 : 0; }

  function prepare(index) {
    var base = new URL(root.getAttribute("data-search"), location.href);
    docs = index.docs.map(function (d, i) {
      return {
        d: d, i: i, href: new URL(d.u, base).href, district: (index.terms.district || {})[d.d] || "",
        t: " " + words(d.t).join(" ") + " ", s: " " + words(d.s).join(" ") + " "
      };
    });
    body = {words: index.words || [], hits: index.hits || []};
    run();
  }

  // For each story, 2 if its body has the word `w`, 1 if a body word starts with `w`, else 0.
  // `body.words` is sorted, so the words `w` starts are one run found by binary search;
  // `body.hits[k]` lists the stories of word k as gaps from the previous story.
  function inBody(w) {
    var found = new Uint8Array(docs.length), list = body.words, lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid] < w) lo = mid + 1; else hi = mid; }
    for (var k = lo; k < list.length && list[k].lastIndexOf(w, 0) === 0; k++) {
      var score = list[k] === w ? 2 : 1, story = 0;
      body.hits[k].forEach(function (gap) { story += gap; if (found[story] < score) found[story] = score; });
    }
    return found;
  }

  function search(q) {
    var found = [], bodies = q.map(inBody);
    docs.forEach(function (doc) {
      var inTitle = 0, score = 0;
      var all = q.every(function (w, n) {
        var t = hit(doc.t, w), s = hit(doc.s, w), x = t || s ? 0 : bodies[n][doc.i];
        if (t) inTitle++;
        score += t * 4 + s * 2 + x;
        return t || s || x;
      });
      if (all) found.push({doc: doc, rank: [inTitle, score, -doc.i]});
    });
    return found.sort(function (a, b) {
      for (var k = 0; k < 3; k++) if (a.rank[k] !== b.rank[k]) return b.rank[k] - a.rank[k];
      return 0;
    }).map(function (f) { return f.doc; });
  }

  // `text` into `el`, with the start of every word that a query word starts marked.
  function marked(el, text, q) {
    text.split(new RegExp("(" + SPLIT.source + ")", "u")).forEach(function (part) {
      var f = fold(part), n = 0;
      q.forEach(function (w) { if (w.length > n && f.lastIndexOf(w, 0) === 0) n = w.length; });
      if (n) {
        var m = document.createElement("mark");
        m.textContent = part.slice(0, n);
        el.appendChild(m);
      }
      el.appendChild(document.createTextNode(part.slice(n)));
    });
    return el;
  }

  function add(parent, tag, cls) {
    var el = parent.appendChild(document.createElement(tag));
    if (cls) el.className = cls;
    return el;
  }

  // One result, with the keys js/filter.js filters by.
  function item(doc, q) {
    var li = document.createElement("li"), d = doc.d, meta = [doc.district, d.y].filter(Boolean);
    li.className = "result";
    li.setAttribute("data-district", d.d || "");
    li.setAttribute("data-topics", (d.k || []).join(" "));
    li.setAttribute("data-year", d.y || "");
    // The site's own taxonomies: `c` maps each to the story's term keys.
    Object.keys(d.c || {}).forEach(function (g) { li.setAttribute("data-" + g, d.c[g].join(" ")); });
    marked(add(add(li, "h2", "result__title"), "a"), d.t, q).href = doc.href;
    if (meta.length) add(li, "p", "result__meta").textContent = meta.join(" · ");
    if (d.s) marked(add(li, "p", "result__summary"), d.s, q);
    return li;
  }

  function run() {
    var text = input.value.trim();
    var params = new URLSearchParams(location.search);
    if (text) params.set("q", text); else params.delete("q");
    var p = params.toString();
    history.replaceState(null, "", location.pathname + (p ? "?" + p : "") + location.hash);
    if (!docs) return;
    var q = words(text), found = q.length ? search(q) : [], frag = document.createDocumentFragment();
    found.forEach(function (doc) { frag.appendChild(item(doc, q)); });
    list.textContent = "";
    list.appendChild(frag);
    status.textContent = !q.length ? "" : found.length
      ? root.getAttribute("data-found").replace("{count}", found.length) : root.getAttribute("data-none");
    if (filters) filters.hidden = !found.length;
    document.dispatchEvent(new Event("egiz:results"));
  }

  root.querySelector("[data-search-nojs]").hidden = true;
  input.value = new URLSearchParams(location.search).get("q") || "";
  if (filters) filters.hidden = true;
  status.textContent = input.value ? root.getAttribute("data-loading") : "";
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(); });
  // Arrow keys move between the box and the result links.
  root.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    var links = [input].concat([].slice.call(list.querySelectorAll("li:not([hidden]) a")));
    var at = links.indexOf(document.activeElement);
    if (at < 0 || (at === 0 && e.key === "ArrowUp")) return;
    e.preventDefault();
    links[Math.min(links.length - 1, at + (e.key === "ArrowDown" ? 1 : -1))].focus();
  });
  fetch(root.getAttribute("data-search"))
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(prepare)
    .catch(function () { status.textContent = root.getAttribute("data-failed"); });
})();
