/* egiz filters: the district, topic and year chips (partials/filters.html) show and hide the
   items of the list they name, at once. Without JavaScript the chips stay links to the term
   pages. One value per group; groups combine. The choice is kept in the address
   (?district=KEY&topics=KEY&year=YYYY) so it can be shared. */
(function () {
  "use strict";
  var root = document.querySelector("[data-filters]");
  if (!root || !window.URLSearchParams) return;
  var box = document.getElementById(root.getAttribute("data-filters"));
  var status = root.querySelector("[data-filter-status]");
  var clear = root.querySelector("[data-filter-clear]");
  var params = new URLSearchParams(location.search);
  var state = {};

  // Each link becomes a toggle button with the same look and content.
  [].forEach.call(root.querySelectorAll("a[data-group]"), function (a) {
    var b = document.createElement("button"), group = a.getAttribute("data-group");
    b.type = "button";
    b.className = a.className;
    b.setAttribute("data-group", group);
    b.setAttribute("data-value", a.getAttribute("data-value"));
    while (a.firstChild) b.appendChild(a.firstChild);
    a.parentNode.replaceChild(b, a);
    if (params.get(group) === b.getAttribute("data-value")) state[group] = params.get(group);
  });

  function matches(item) {
    return Object.keys(state).every(function (group) {
      var values = " " + (item.getAttribute("data-" + group) || "") + " ";
      return values.indexOf(" " + state[group] + " ") >= 0;
    });
  }

  function apply(remember) {
    var items = box ? box.querySelectorAll("[data-topics]") : [], shown = 0, active = Object.keys(state).length;
    [].forEach.call(items, function (item) {
      var show = matches(item);
      (item.closest("li") || item).hidden = !show;
      if (show) shown++;
    });
    [].forEach.call(root.querySelectorAll("button[data-group]"), function (b) {
      b.setAttribute("aria-pressed", state[b.getAttribute("data-group")] === b.getAttribute("data-value"));
    });
    clear.hidden = !active;
    status.textContent = items.length && (active || remember)
      ? root.getAttribute("data-shown").replace("{shown}", shown).replace("{total}", items.length) : "";
    if (!remember) return;
    var p = new URLSearchParams(location.search);
    ["district", "topics", "year"].forEach(function (g) { if (state[g]) p.set(g, state[g]); else p.delete(g); });
    p = p.toString();
    history.replaceState(null, "", location.pathname + (p ? "?" + p : "") + location.hash);
  }

  root.addEventListener("click", function (e) {
    var b = e.target.closest("button[data-group]");
    if (!b) return;
    var group = b.getAttribute("data-group"), value = b.getAttribute("data-value");
    if (state[group] === value) delete state[group]; else state[group] = value;
    apply(true);
  });
  clear.addEventListener("click", function () {
    state = {};
    apply(true);
    var first = root.querySelector("button[data-group]");
    if (first) first.focus();
  });
  // The search page re-renders its results; filter them again.
  document.addEventListener("egiz:results", function () { apply(false); });
  apply(false);
})();
