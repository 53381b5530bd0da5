/* egiz filters: the district, topic, year and other taxonomy chips (partials/filters.html) show and hide the
   items of the list they name, at once. Without JavaScript the chips stay links to the term
   pages. One value per group; groups combine. The choice is kept in the address
   (?district=KEY&topics=KEY&year=YYYY) so it can be shared. Each chip counts the items it would
   show with the other groups' choice; a chip that would show none is aria-disabled. */
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

  function apply(remember) {
    var items = box ? [].slice.call(box.querySelectorAll("[data-topics]")) : [], shown = 0;
    var active = Object.keys(state).length;
    items.forEach(function (item) {
      var show = matches(item, state);
      (item.closest("li") || item).hidden = !show;
      if (show) shown++;
    });
    buttons.forEach(function (b) {
      var group = b.getAttribute("data-group"), value = b.getAttribute("data-value");
      var on = state[group] === value, n = 0;
      items.forEach(function (item) { if (matches(item, state, group, value)) n++; });
      b.setAttribute("aria-pressed", on);
      b.querySelector(".chip__count").textContent = n;
      if (n || on) b.removeAttribute("aria-disabled"); else b.setAttribute("aria-disabled", "true");
    });
    clear.hidden = !active;
    if (badge) {
      badge.hidden = !active;
      badge.textContent = active ? selected[Math.min(active, selected.length) - 1] : "";
    }
    status.textContent = items.length && (active || remember)
      ? root.getAttribute("data-shown").replace("{shown}", shown).replace("{total}", items.length) : "";
    if (!remember) return;
    var p = new URLSearchParams(location.search);
    groups.forEach(function (g) { if (state[g]) p.set(g, state[g]); else p.delete(g); });
    p = p.toString();
    history.replaceState(null, "", location.pathname + (p ? "?" + p : "") + location.hash);
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
  // The search page re-renders its results; filter them again.
  document.addEventListener("egiz:results", function () { apply(false); });
  apply(false);
})();
