/* egiz filters: the district, topic, year and other taxonomy chips (partials/filters.html) show and hide the
   items of the list they name, at once. Without JavaScript the chips stay links to the term
   pages. One value per group; groups combine. The choice is kept in the address
   (?district=KEY&topics=KEY&year=YYYY) so it can be shared. Each chip counts the items it would
   show with the other groups' choice; a chip that would show none is aria-disabled.
   A list of several pages names its filter-index.json (data-filter-index): the stories of every
   value, by their place in the list. Then a choice intersects those lists, and the chosen
   stories' cards are fetched from the list pages that hold them, a page's worth at a time.
   The search page hands its results over in the egiz:results event instead: `count(choice)`
   counts all of them (not only those shown) and `show(choice)` shows those that match. */
(function () {
  "use strict";
  var root = document.querySelector("[data-filters]");
  if (!root || !window.URLSearchParams) return;
  var box = document.getElementById(root.getAttribute("data-filters"));
  var status = root.querySelector("[data-filter-status]");
  var clear = root.querySelector("[data-filter-clear]");
  var badge = root.querySelector("[data-filter-badge]");
  var selected = (root.getAttribute("data-selected") || "").split("|");
  var params = new URLSearchParams(location.search);
  var state = {};

  // Each link becomes a toggle button with the same look and content.
  var buttons = [].map.call(root.querySelectorAll("a[data-group]"), function (a) {
    var b = document.createElement("button"), group = a.getAttribute("data-group");
    b.type = "button";
    b.className = a.className;
    b.setAttribute("data-group", group);
    b.setAttribute("data-value", a.getAttribute("data-value"));
    while (a.firstChild) b.appendChild(a.firstChild);
    a.parentNode.replaceChild(b, a);
    if (params.get(group) === b.getAttribute("data-value")) state[group] = params.get(group);
    return b;
  });

  var groups = buttons.map(function (b) { return b.getAttribute("data-group"); })
    .filter(function (g, i, all) { return all.indexOf(g) === i; });

  // Does `item` match `choice`, with `group` set to `value` instead when given?
  function matches(item, choice, group, value) {
    return Object.keys(choice).concat(group || []).every(function (g) {
      var v = g === group ? value : choice[g];
      return (" " + (item.getAttribute("data-" + g) || "") + " ").indexOf(" " + v + " ") >= 0;
    });
  }

  // The chips' look, counts and the status line, for `counts` (one per button) and `shown`
  // of `total` items; the choice is written into the address when `remember`.
  function show(counts, shown, total, remember) {
    var active = Object.keys(state).length;
    buttons.forEach(function (b, i) {
      var on = state[b.getAttribute("data-group")] === b.getAttribute("data-value"), n = counts[i];
      b.setAttribute("aria-pressed", on);
      b.querySelector(".chip__count").textContent = n;
      if (n || on) b.removeAttribute("aria-disabled"); else b.setAttribute("aria-disabled", "true");
    });
    clear.hidden = !active;
    if (badge) {
      badge.hidden = !active;
      badge.textContent = active ? selected[Math.min(active, selected.length) - 1] : "";
    }
    status.textContent = total && (active || remember)
      ? root.getAttribute("data-shown").replace("{shown}", shown).replace("{total}", total) : "";
    if (!remember) return;
    var p = new URLSearchParams(location.search);
    groups.forEach(function (g) { if (state[g]) p.set(g, state[g]); else p.delete(g); });
    p = p.toString();
    history.replaceState(null, "", location.pathname + (p ? "?" + p : "") + location.hash);
  }

  // The items on this page: show those that match, count per chip.
  function applyHere(remember) {
    var items = box ? [].slice.call(box.querySelectorAll("[data-topics]")) : [], shown = 0;
    items.forEach(function (item) {
      var match = matches(item, state);
      (item.closest("li") || item).hidden = !match;
      if (match) shown++;
    });
    var counts = buttons.map(function (b) {
      var group = b.getAttribute("data-group"), value = b.getAttribute("data-value"), n = 0;
      items.forEach(function (item) { if (matches(item, state, group, value)) n++; });
      return n;
    });
    show(counts, shown, items.length, remember);
  }

  var remote = root.getAttribute("data-filter-index"), index = null, loading = null, generation = 0;
  // The filtered list's cards asked for so far, and the end of their chain of appends.
  var asked = 0, appended = Promise.resolve();
  var original = box ? [].slice.call(box.children) : [];
  var pager = box && box.parentNode.querySelector(".pager");
  var initial = buttons.map(function (b) { return +b.querySelector(".chip__count").textContent; });
  var pages = {}, chosen = [], more = null;

  function load() {
    loading = loading || fetch(remote)
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (raw) {
        var sets = {};
        Object.keys(raw.groups).forEach(function (g) {
          sets[g] = {};
          Object.keys(raw.groups[g]).forEach(function (v) {
            var n = 0;
            sets[g][v] = raw.groups[g][v].map(function (gap) { n += gap; return n; });
          });
        });
        index = {total: raw.total, size: raw.size, sets: sets, cache: {}};
      });
    return loading;
  }
  function places(g, v) { return (index.sets[g] && index.sets[g][v]) || []; }
  function setOf(g, v) {
    var key = g + "=" + v;
    return index.cache[key] || (index.cache[key] = new Set(places(g, v)));
  }
  // The places of the stories matching the choice (with `group` set to `value` when given),
  // in list order.
  function select(group, value) {
    var choice = {};
    Object.keys(state).forEach(function (g) { choice[g] = state[g]; });
    if (group) choice[group] = value;
    var keys = Object.keys(choice).sort(function (a, b) { return places(a, choice[a]).length - places(b, choice[b]).length; });
    if (!keys.length) return null;
    var others = keys.slice(1).map(function (g) { return setOf(g, choice[g]); });
    return places(keys[0], choice[keys[0]]).filter(function (n) { return others.every(function (s) { return s.has(n); }); });
  }
  // The list page holding place `n`, fetched once.
  function page(n) {
    var number = Math.floor(n / index.size) + 1, base = root.getAttribute("data-filter-pages");
    var address = number === 1 ? base : base + "page/" + number + "/";
    pages[address] = pages[address] || fetch(address)
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) { return new DOMParser().parseFromString(html, "text/html"); });
    return pages[address];
  }
  // Adds the cards of the next page's worth of `chosen` stories to the list. The batch is
  // counted when asked for (`asked`), so a second click while one loads asks for the batch
  // after it; batches are appended in order.
  function showMore(run) {
    var from = asked, batch = chosen.slice(from, from + index.size);
    asked = Math.min(chosen.length, from + index.size);
    if (more) more.hidden = asked >= chosen.length;
    var cards = Promise.all(batch.map(function (n) {
      return page(n).then(function (doc) {
        var li = doc.querySelectorAll("#" + box.id + " > li")[n % index.size];
        return li ? document.importNode(li, true) : null;
      });
    }));
    appended = appended.then(function () { return cards; }).then(function (cards) {
      if (run !== generation) return;
      cards.forEach(function (li) { if (li) box.appendChild(li); });
    }).catch(function () {});
  }
  function applyRemote(remember) {
    var run = ++generation;
    if (!Object.keys(state).length) {
      box.replaceChildren.apply(box, original);
      if (pager) pager.hidden = false;
      if (more) more.hidden = true;
      show(initial, 0, 0, remember);
      return;
    }
    if (!index) {
      status.textContent = root.getAttribute("data-shown").replace("{shown}", "…").replace("{total}", "…");
      load().then(function () { if (run === generation) applyRemote(remember); })
        .catch(function () { status.textContent = ""; });
      return;
    }
    chosen = select() || [];
    var counts = buttons.map(function (b) {
      return select(b.getAttribute("data-group"), b.getAttribute("data-value")).length;
    });
    show(counts, chosen.length, index.total, remember);
    if (pager) pager.hidden = true;
    if (!more) {
      more = document.createElement("button");
      more.type = "button";
      more.className = "filters__more";
      more.textContent = root.getAttribute("data-more");
      more.addEventListener("click", function () { showMore(generation); });
      box.parentNode.insertBefore(more, box.nextSibling);
    }
    box.replaceChildren();
    asked = 0;
    appended = Promise.resolve();
    showMore(run);
  }

  // The search page's results (see js/search.js), when it has sent them.
  var source = null;
  function applySource(remember) {
    var counts = buttons.map(function (b) {
      var choice = {};
      Object.keys(state).forEach(function (g) { choice[g] = state[g]; });
      choice[b.getAttribute("data-group")] = b.getAttribute("data-value");
      return source.count(choice);
    });
    source.show(state);
    show(counts, source.count(state), source.total, remember);
  }

  function apply(remember) {
    if (source) applySource(remember);
    else if (remote && box) applyRemote(remember);
    else applyHere(remember);
  }

  root.addEventListener("click", function (e) {
    var b = e.target.closest("button[data-group]");
    if (!b || b.getAttribute("aria-disabled")) return;
    var group = b.getAttribute("data-group"), value = b.getAttribute("data-value");
    if (state[group] === value) delete state[group]; else state[group] = value;
    apply(true);
  });
  clear.addEventListener("click", function () {
    state = {};
    apply(true);
    // The clear button hides: focus the first chip, or the summary of a closed panel.
    var panel = root.querySelector("details");
    (panel && !panel.open ? panel.querySelector("summary") : buttons[0]).focus();
  });
  // The search page has new results: it leaves showing them to this script.
  document.addEventListener("egiz:results", function (e) {
    source = e.detail || null;
    if (source) e.preventDefault();
    apply(false);
  });
  apply(false);
})();
