/* egiz search: finds the stories of this language in its index under /LANG/search/ (written by
   src/web/search/) while the visitor types. Every query word, folded (lower case, Kazakh
   letters as a Russian keyboard types them) and cut to its stem, must start a word of the
   title, summary or text. Title matches come first, then summary, then text; newest first
   among equals.
   The index is cut in shards so that a query reads little: manifest.json first (the word
   shards' keys), then only the word shards w/N.json whose key the query word starts or that
   start it, then the documents d/N.json of the results shown, twenty at a time. A result whose
   title and summary lack a query word reads the story's plain text (search-text.txt beside its
   page) once it comes near the screen, to show an excerpt around the word. With filters on the
   page, facets.json (the stories of every filter value) lets js/filter.js count and filter all
   the results, not only those shown; it is read once the filter panel is open (on phones it
   starts closed) or the address holds a choice. */
(function () {
  "use strict";
  var root = document.querySelector("[data-search]");
  if (!root || !window.fetch || !window.URLSearchParams || !window.Map || !window.Set) return;
  // The same pairs as FOLDS in src/web/search/mod.rs; a Rust test compares the two tables.
  var FOLD = {"қ": "к", "ғ": "г", "ң": "н", "ә": "а", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и", "ё": "е"};
  var FOLDABLE = /[қғңәөұүһіё]/g;
  var SPLIT = /[^\p{Alphabetic}\p{N}]+/u;
  // Results added at a time; a query word shorter than PREFIX letters matches whole words only
  // (typing «ба» would otherwise read every shard of ба-).
  var PAGE = 20, PREFIX = 3, AROUND = [8, 18];
  // The plain text beside each story page (TEXT_FILE in src/web/search/mod.rs).
  var TEXT = "search-text.txt";
  var form = root.querySelector("form");
  var input = form.elements.q;
  var status = root.querySelector("[data-search-status]");
  var list = root.querySelector("[data-search-results]");
  var filters = root.querySelector("[data-filters]");
  var panel = filters && filters.querySelector("details");
  var base = new URL(root.getAttribute("data-search"), location.href);
  var manifest = null, facets = null, files = {};
  var found = [], shown = [], more = null, lastQuery = [];
  var timer = 0, generation = 0;
  // The list on screen: which one (`view`), how many of `shown` it has asked for (`next`),
  // the words it marks and the end of its chain of appends.
  var view = 0, next = 0, marks = [], tail = Promise.resolve();

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
  // The query as lookups: the stem, matched as the start of words, or a short word whole.
  function terms(s) {
    return words(s).filter(function (w) { return w.length > 1; }).map(function (w) {
      var st = stem(w);
      return st.length >= PREFIX ? {w: st, prefix: true} : {w: w, prefix: false};
    });
  }

  // A file of the index, fetched once (the manifest's version keeps builds apart).
  function get(path) {
    var url = new URL(path + (manifest ? "?v=" + manifest.v : ""), base).href;
    if (!files[url]) {
      files[url] = fetch(url).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
      files[url].catch(function () { delete files[url]; });
    }
    return files[url];
  }

  // The word shards that can hold words `t` matches: their key starts `t.w`, or (for a prefix)
  // `t.w` starts their key.
  function shardsOf(t) {
    var out = [];
    manifest.w.forEach(function (key, n) {
      if (t.w.lastIndexOf(key, 0) === 0 || (t.prefix && key.lastIndexOf(t.w, 0) === 0)) out.push(n);
    });
    return out;
  }

  // story → [title, summary, body]: 2 where a word of the field is `t.w`, 1 where one starts
  // with it. A shard's `h[k]` lists the stories of word k as gap * 4 + fields (2 title,
  // 1 summary, 0 the body only).
  function lookup(t) {
    return Promise.all(shardsOf(t).map(function (n) { return get("w/" + n + ".json"); })).then(function (shards) {
      var hits = new Map();
      shards.forEach(function (shard) {
        var list = shard.w, lo = 0, hi = list.length;
        while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid] < t.w) lo = mid + 1; else hi = mid; }
        for (var k = lo; k < list.length && list[k].lastIndexOf(t.w, 0) === 0; k++) {
          var whole = list[k] === t.w ? 2 : 1, story = 0;
          if (whole === 1 && !t.prefix) break;
          shard.h[k].forEach(function (v) {
            story += Math.floor(v / 4);
            var f = v % 4, h = hits.get(story);
            if (!h) hits.set(story, h = [0, 0, 0]);
            if (f & 2) h[0] = Math.max(h[0], whole);
            if (f & 1) h[1] = Math.max(h[1], whole);
            if (!f) h[2] = Math.max(h[2], whole);
          });
        }
      });
      return hits;
    });
  }

  // The stories holding every query word, best first.
  function search(q) {
    return Promise.all(q.map(lookup)).then(function (maps) {
      var smallest = maps.reduce(function (a, b) { return b.size < a.size ? b : a; }), ranked = [];
      smallest.forEach(function (_, story) {
        var inTitle = 0, score = 0;
        var all = maps.every(function (m) {
          var h = m.get(story);
          if (!h) return false;
          if (h[0]) inTitle++;
          score += h[0] * 4 + h[1] * 2 + (h[0] || h[1] ? 0 : h[2]);
          return true;
        });
        if (all) ranked.push({n: story, rank: [inTitle, score, -story]});
      });
      return ranked.sort(function (a, b) {
        for (var k = 0; k < 3; k++) if (a.rank[k] !== b.rank[k]) return b.rank[k] - a.rank[k];
        return 0;
      }).map(function (r) { return r.n; });
    });
  }

  // facets.json as group → value → the set of its stories.
  function loadFacets() {
    return facets ? Promise.resolve(facets) : get("facets.json").then(function (raw) {
      facets = {};
      Object.keys(raw.groups).forEach(function (g) {
        facets[g] = {};
        Object.keys(raw.groups[g]).forEach(function (v) {
          var n = 0;
          facets[g][v] = new Set(raw.groups[g][v].map(function (gap) { n += gap; return n; }));
        });
      });
      return facets;
    });
  }
  // The filters need facets.json when the reader can see them or the address holds a choice.
  function wantFacets() {
    if (!filters) return false;
    var choice = [].slice.call(new URLSearchParams(location.search).keys()).some(function (k) { return k !== "q"; });
    return !panel || panel.open || choice;
  }
  function chosen(story, choice) {
    return Object.keys(choice).every(function (g) { var s = facets[g] && facets[g][choice[g]]; return !!s && s.has(story); });
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
  function item(d, q) {
    var li = document.createElement("li"), district = (manifest.terms.district || {})[d.d] || "";
    var meta = [district, d.y].filter(Boolean);
    li.className = "result";
    li.setAttribute("data-district", d.d || "");
    li.setAttribute("data-topics", (d.k || []).join(" "));
    li.setAttribute("data-year", d.y || "");
    // The site's own taxonomies: `c` maps each to the story's term keys.
    Object.keys(d.c || {}).forEach(function (g) { li.setAttribute("data-" + g, d.c[g].join(" ")); });
    marked(add(add(li, "h2", "result__title"), "a"), d.t, q).href = new URL(d.u, new URL("../", base)).href;
    if (meta.length) add(li, "p", "result__meta").textContent = meta.join(" · ");
    if (d.s) marked(add(li, "p", "result__summary"), d.s, q);
    var missing = q.filter(function (w) { return !starts(d.t, w) && !starts(d.s || "", w); });
    if (missing.length) excerptLater(li, d, q, missing);
    return li;
  }

  // Whether a word of `text` starts with the folded `w`.
  function starts(text, w) { return words(text).some(function (x) { return x.lastIndexOf(w, 0) === 0; }); }

  // A result whose title and summary lack a query word shows where its text has it: the
  // story's plain text (search-text.txt beside its page) is read once the result comes near
  // the screen, so a query reads the texts of the results seen, not of all twenty.
  var watcher = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (!e.isIntersecting) return;
      watcher.unobserve(e.target);
      e.target.egizExcerpt();
    });
  }, {rootMargin: "200px"}) : null;

  function excerptLater(li, d, q, missing) {
    var current = view;
    li.egizExcerpt = function () {
      var url = new URL(d.u + TEXT + "?v=" + manifest.v, new URL("../", base));
      fetch(url.href).then(function (r) { return r.ok ? r.text() : ""; }).then(function (text) {
        var cut = excerpt(text, missing);
        if (current === view && cut) marked(add(li, "p", "result__excerpt"), cut, q);
      }).catch(function () {});
    };
    // Without an observer (old browsers), the first results only.
    if (watcher) watcher.observe(li); else if (list.children.length < 5) li.egizExcerpt();
  }

  // About AROUND[0] words before the first word of `text` that a word of `missing` starts and
  // AROUND[1] after it, with "…" where the text goes on; "" when no word matches.
  function excerpt(text, missing) {
    var parts = text.replace(/\s+/g, " ").split(new RegExp("(" + SPLIT.source + ")", "u"));
    // Even places hold words, odd places what lies between them.
    for (var at = 0; at < parts.length; at += 2) {
      var f = fold(parts[at]);
      if (f && missing.some(function (w) { return f.lastIndexOf(w, 0) === 0; })) break;
    }
    if (at >= parts.length) return "";
    var from = Math.max(0, at - 2 * AROUND[0]), to = Math.min(parts.length, at + 2 * AROUND[1] + 1);
    return (from > 0 ? "… " : "") + parts.slice(from, to).join("").trim() + (to < parts.length ? " …" : "");
  }

  // Adds the next PAGE of `shown` to the list, each result as soon as its document shard and
  // those of the results before it have come. Pages are counted when asked for, not when
  // shown, so a second click while one loads asks for the page after it; `view` changes with
  // every new list, and appends meant for an older one are dropped.
  function addPage() {
    var current = view, q = marks, from = next;
    next = Math.min(shown.length, from + PAGE);
    more.hidden = next >= shown.length;
    shown.slice(from, next).forEach(function (n) {
      var doc = get("d/" + Math.floor(n / manifest.per) + ".json").then(function (docs) { return docs[n % manifest.per]; });
      tail = tail.then(function () { return doc; }).then(function (d) {
        if (current === view && d) list.appendChild(item(d, q));
      }).catch(function () { if (current === view) failed(); });
    });
  }

  function failed() { status.textContent = root.getAttribute("data-failed"); }

  // Shows the results that `choice` (filter group → value) keeps.
  function showResults(run, q, choice) {
    if (run !== generation) return;
    shown = choice && Object.keys(choice).length ? found.filter(function (n) { return chosen(n, choice); }) : found;
    view++;
    next = 0;
    marks = q;
    tail = Promise.resolve();
    if (watcher) watcher.disconnect();
    list.textContent = "";
    addPage();
  }

  function run() {
    var text = input.value.trim();
    var params = new URLSearchParams(location.search);
    if (text) params.set("q", text); else params.delete("q");
    var p = params.toString();
    history.replaceState(null, "", location.pathname + (p ? "?" + p : "") + location.hash);
    if (!manifest) return;
    var q = terms(text), current = ++generation;
    if (!q.length) { found = []; done(current, q); return; }
    search(q).then(function (ranked) {
      if (current !== generation) return;
      found = ranked;
      return (found.length && wantFacets() ? loadFacets() : Promise.resolve()).then(function () { done(current, q); });
    }).catch(function () { if (current === generation) failed(); });
  }

  // Results found: say how many, then show them, through js/filter.js when the page has
  // filters (it calls `show` with the reader's choice and counts with `count`).
  function done(current, q) {
    if (current !== generation) return;
    lastQuery = q;
    var marks = q.map(function (t) { return t.w; });
    status.textContent = !q.length ? "" : found.length
      ? root.getAttribute("data-found").replace("{count}", found.length) : root.getAttribute("data-none");
    if (filters) filters.hidden = !found.length;
    var source = {
      total: found.length,
      count: function (choice) {
        if (!Object.keys(choice).length) return found.length;
        var n = 0;
        found.forEach(function (story) { if (chosen(story, choice)) n++; });
        return n;
      },
      show: function (choice) { showResults(current, marks, choice); }
    };
    var event = new CustomEvent("egiz:results", {detail: found.length && facets ? source : null, cancelable: true});
    if (document.dispatchEvent(event)) showResults(current, marks, null);
  }

  more = document.createElement("button");
  more.type = "button";
  more.className = "filters__more";
  more.hidden = true;
  more.textContent = root.getAttribute("data-more");
  more.addEventListener("click", addPage);
  list.parentNode.insertBefore(more, list.nextSibling);
  // Opening the filter panel on results: read the facets, then hand the results to filter.js.
  if (panel) panel.addEventListener("toggle", function () {
    if (!panel.open || facets || !found.length) return;
    var current = generation;
    loadFacets().then(function () { done(current, lastQuery); }, failed);
  });
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
  get("")
    .then(function (m) { manifest = m; if (STEM[m.lang]) stem = STEM[m.lang]; run(); })
    .catch(failed);
})();
