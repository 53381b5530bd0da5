/* egiz search: finds the stories of this language in its search-index.json (written by
   src/web/search.rs) while the visitor types. Every query word, folded (lower case, Kazakh
   letters as a Russian keyboard types them) and cut to its stem, must start a word of the
   title, summary or text.
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

  // Word forms: a query word is cut to its stem, which starts every form of the word, so
  // "балаларға" finds "балалар" and "жителей" finds "жители". Russian follows Snowball's
  // Russian algorithm; Kazakh takes off one case, one possessive and one plural ending. The
  // test suite runs this code beside its Rust copy (tests/suite/support/words.rs) on the
  // example site's words: both must cut alike.
  var STEM = (function () {
    function list(s) { return s.split(" "); }
    // The longest of `endings` that ends `w` and starts at or after `limit`, as its length.
    function longest(w, limit, endings) {
      var best = 0, found = false;
      endings.forEach(function (e) {
        if (e.length <= w.length && w.length - e.length >= limit && w.slice(w.length - e.length) === e && (!found || e.length > best)) { best = e.length; found = true; }
      });
      return found ? best : -1;
    }
    // Snowball's rule: the longest match of both groups; one of `afterA` needs а or я before it.
    function remove(s, limit, afterA, any) {
      var a = longest(s.w, limit, afterA), b = longest(s.w, limit, any), len, needsA;
      if (a >= 0 && a > b) { len = a; needsA = true; } else if (b >= 0) { len = b; needsA = false; } else return false;
      var start = s.w.length - len;
      if (needsA && !(start > limit && (s.w[start - 1] === "а" || s.w[start - 1] === "я"))) return false;
      s.w = s.w.slice(0, start);
      return true;
    }
    var VOWELS = "аеиоуыэюя";
    function vowel(c) { return VOWELS.indexOf(c) >= 0; }
    function regionAfter(w, from) {
      for (var i = from + 1; i < w.length; i++) if (!vowel(w[i]) && vowel(w[i - 1])) return i + 1;
      return w.length;
    }
    var GERUND1 = list("в вши вшись"), GERUND2 = list("ив ивши ившись ыв ывши ывшись");
    var ADJECTIVE = list("ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею");
    var PARTICIPLE1 = list("ем нн вш ющ щ"), PARTICIPLE2 = list("ивш ывш ующ");
    var REFLEXIVE = list("ся сь");
    var VERB1 = list("ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно");
    var VERB2 = list("ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю");
    var NOUN = list("а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я");
    function undoubleN(s, rv) { if (s.w.length >= rv + 2 && s.w.slice(-2) === "нн") s.w = s.w.slice(0, -1); }
    function russian(w) {
      var first = -1;
      for (var i = 0; i < w.length; i++) if (vowel(w[i])) { first = i; break; }
      if (first < 0) return w;
      var rv = first + 1, r1 = regionAfter(w, 0), r2 = regionAfter(w, r1), s = {w: w};
      if (!remove(s, rv, GERUND1, GERUND2)) {
        remove(s, rv, [], REFLEXIVE);
        if (remove(s, rv, [], ADJECTIVE)) remove(s, rv, PARTICIPLE1, PARTICIPLE2);
        else if (!remove(s, rv, VERB1, VERB2)) remove(s, rv, [], NOUN);
      }
      remove(s, rv, [], ["и"]);
      remove(s, Math.max(r2, rv), [], ["ост", "ость"]);
      var len = longest(s.w, rv, ["ейш", "ейше", "н", "ь"]);
      if (len === 1 && s.w[s.w.length - 1] === "ь") s.w = s.w.slice(0, -1);
      else if (len === 1) undoubleN(s, rv);
      else if (len > 1) { s.w = s.w.slice(0, s.w.length - len); undoubleN(s, rv); }
      return s.w;
    }
    // Folded (ғ → г, қ → к, ң → н, і → и), as the Rust copy's tables.
    var CASE = list("нын нин дын дин тын тин га ге ка ке на не ны ни ды ди ты ти да де та те нда нде дан ден тан тен нан нен мен бен пен менен бенен пенен");
    var POSSESSIVE = list("ым им м ын ин н ы и сы си мыз миз ымыз имиз ныз низ ыныз иниз");
    var PLURAL = list("лар лер дар дер тар тер");
    var ROOT = 2;
    function strip(s, endings) {
      var len = longest(s.w, ROOT, endings);
      if (len < 0) return false;
      s.w = s.w.slice(0, s.w.length - len);
      return true;
    }
    function kazakh(w) {
      var s = {w: w}, hadCase = strip(s, CASE), len = longest(s.w, ROOT, POSSESSIVE);
      if (len >= 0) {
        var rest = s.w.slice(0, s.w.length - len);
        if (len > 1 || hadCase || longest(rest, ROOT, PLURAL) >= 0) s.w = rest;
      }
      strip(s, PLURAL);
      return s.w;
    }
    return {ru: russian, kk: kazakh};
  })();
  var stem = function (w) { return w; };
  function terms(s) { return words(s).map(function (w) { return stem(w); }); }
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
    if (STEM[index.lang]) stem = STEM[index.lang];
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
    var q = terms(text), found = q.length ? search(q) : [], frag = document.createDocumentFragment();
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
