// Accessibility, keyboard and search checks of a built and served egiz site in headless Chromium.
//
// Usage: node tests/browser/a11y.mjs http://127.0.0.1:PORT/
//
// 1. axe-core (WCAG 2.0/2.1 A and AA, best practices) on the home, project list, one story, one
//    district term page, the impact dashboard and the search page (empty and with results), in
//    Kazakh and Russian, at a phone and a desktop width.
// 2. Keyboard: Tab from the top reaches the skip link first, then (before the main menu) the
//    language switcher link to the other language, and Enter on it opens the same page in that
//    language; on the list page the filter chips are reachable by Tab and Enter/Space toggles
//    them (the number of visible cards changes).
// 3. Phone: compact header, filter panel closed with the first card in view, no sideways scroll,
//    chips that count what they would show (see phoneFilters).
// 4. Search: «казак» finds a story titled with «Қазақ», «балкаш» a result that says «Балқаш».
//
// Prints every failure and exits 1 if there is any. Uses the system Chromium, never downloads one.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const CHROMIUM = process.env.EGIZ_CHROMIUM || "/usr/bin/chromium";
const LANGS = ["kk", "ru"];
// The search page twice: empty, and with results (marks, result list, filters on them).
const QUERY = { kk: "балкаш", ru: "балхаш" };
const pages = (lang) =>
  ["", "projects/", "projects/balkhash-appeals/", "district/balkhash/", "impact/", "search/", `search/?q=${QUERY[lang]}`, "booklets/", "booklets/appeals-guide/"];
const RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

const base = process.argv[2];
if (!base) {
  console.error("usage: node a11y.mjs BASE_URL");
  process.exit(2);
}
const failures = [];
function fail(msg) {
  failures.push(msg);
  console.log(`FAIL ${msg}`);
}
function ok(msg) {
  console.log(`ok   ${msg}`);
}
const at = (path) => new URL(path, base).href;

async function open(page, path) {
  const res = await page.goto(at(path), { waitUntil: "load" });
  if (!res || !res.ok()) throw new Error(`${path}: HTTP ${res ? res.status() : "no response"}`);
}

async function axe(page, path, width) {
  await open(page, path);
  // The search page fetches its index and renders the results after load: check them too.
  if (path.includes("?q=")) {
    await page.waitForFunction(() => document.querySelectorAll("[data-search-results] li").length > 0, null, { timeout: 5000 })
      .catch(async () => fail(`${path}: no search results rendered: ${await page.evaluate(() => document.querySelector("[data-search-status]").textContent)}`));
  }
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(
    (rules) => window.axe.run(document, { runOnly: rules }).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
      }))),
    RULES,
  );
  if (!violations.length) return ok(`axe ${path} at ${width}: 0 violations`);
  for (const v of violations) {
    fail(`axe ${path} at ${width}: ${v.id} (${v.impact}) ${v.help}`);
    for (const n of v.nodes) console.log(`       ${n.target}\n         ${(n.summary || "").replace(/\n/g, "\n         ")}`);
  }
}

// What has focus, described for matching and messages.
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return {
      tag: el.tagName.toLowerCase(),
      cls: el.className || "",
      href: el.getAttribute("href") || "",
      hreflang: el.getAttribute("hreflang") || "",
      text: (el.textContent || "").trim().replace(/\s+/g, " "),
      inSwitch: !!el.closest(".lang-switch"),
      inFilters: !!el.closest("[data-filters]"),
      group: el.dataset ? el.dataset.group || "" : "",
      disabled: el.getAttribute("aria-disabled") === "true",
    };
  });

async function tabUntil(page, want, limit) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (f && want(f)) return f;
  }
  return null;
}

async function keyboardSwitcher(page, lang, path) {
  const other = lang === "kk" ? "ru" : "kk";
  await open(page, `${lang}/${path}`);
  await page.keyboard.press("Tab");
  const first = await focused(page);
  if (!first || !/skip-link/.test(first.cls)) {
    return fail(`keyboard ${lang}/${path}: first Tab stop is ${JSON.stringify(first)}, not the skip link`);
  }
  ok(`keyboard ${lang}/${path}: first Tab stop is the skip link`);
  const sw = await tabUntil(page, (f) => f.inSwitch || f.tag !== "a" || /site-nav/.test(f.cls), 4);
  if (!sw || !sw.inSwitch || sw.hreflang !== other) {
    return fail(`keyboard ${lang}/${path}: Tab did not reach the ${other} switcher link (got ${JSON.stringify(sw)})`);
  }
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.keyboard.press("Enter")]);
  const want = at(`${other}/${path}`);
  const now = page.url();
  if (now !== want) return fail(`keyboard ${lang}/${path}: Enter on the switcher opened ${now}, expected ${want}`);
  const htmlLang = await page.evaluate(() => document.documentElement.lang);
  if (htmlLang !== other) return fail(`keyboard ${lang}/${path}: switched page has lang=${htmlLang}`);
  ok(`keyboard ${lang}/${path}: switcher link reached by Tab, Enter opens ${other}/${path}`);
}

const visibleCards = (page) =>
  page.evaluate(() => [...document.querySelectorAll("#project-cards [data-topics]")]
    .filter((el) => !(el.closest("li") || el).hidden).length);

async function keyboardFilters(page, lang) {
  const path = `${lang}/projects/`;
  await open(page, path);
  const total = await visibleCards(page);
  const chip = await tabUntil(page, (f) => f.inFilters && f.tag === "button", 60);
  if (!chip) return fail(`filters ${path}: no filter button reachable by Tab`);
  for (const key of ["Enter", " "]) {
    await page.keyboard.press(key);
    const shown = await visibleCards(page);
    const pressed = await page.evaluate(() => document.activeElement.getAttribute("aria-pressed"));
    if (shown === total || pressed !== "true") {
      fail(`filters ${path}: ${JSON.stringify(key)} on «${chip.text}» left ${shown}/${total} cards, aria-pressed=${pressed}`);
    } else {
      ok(`filters ${path}: ${JSON.stringify(key)} on «${chip.text}» shows ${shown}/${total} cards`);
    }
    await page.keyboard.press(key); // toggle back off
    const back = await visibleCards(page);
    if (back !== total) fail(`filters ${path}: pressing ${JSON.stringify(key)} again left ${back}/${total} cards`);
  }
}

// On a phone (390×844): the header is one compact row plus the menu row, the filter panel
// starts closed (also with a choice in the address) so the first card is on the first screen,
// nothing is wider than the screen; the summary opens the panel from the keyboard, and after a
// chip is chosen every chip counts exactly the cards it would show, a chip with none being
// aria-disabled.
async function phoneFilters(page, lang) {
  const path = `${lang}/projects/?district=balkhash`;
  await open(page, path);
  const layout = await page.evaluate(() => {
    const card = [...document.querySelectorAll("#project-cards [data-topics]")]
      .find((el) => !(el.closest("li") || el).hidden);
    return {
      header: document.querySelector(".site-header").getBoundingClientRect().height,
      open: document.querySelector("[data-filter-panel]").open,
      firstCard: card ? card.getBoundingClientRect().top : null,
      badge: document.querySelector("[data-filter-badge]").textContent,
      wide: document.documentElement.scrollWidth,
    };
  });
  const shape = JSON.stringify(layout);
  if (layout.header > 140) fail(`phone ${path}: header ${layout.header}px high (${shape})`);
  if (layout.open) fail(`phone ${path}: the filter panel starts open`);
  if (layout.firstCard === null || layout.firstCard > 844) fail(`phone ${path}: first card not on the first screen (${shape})`);
  if (!/1/.test(layout.badge)) fail(`phone ${path}: the badge does not count the chosen district (${shape})`);
  if (layout.wide > 390) fail(`phone ${path}: page ${layout.wide}px wide on a 390px screen`);
  if (!failures.some((f) => f.startsWith(`phone ${path}`))) ok(`phone ${path}: ${shape}`);

  const summary = await tabUntil(page, (f) => f.tag === "summary", 40);
  if (!summary) return fail(`phone ${path}: the filter summary is not reachable by Tab`);
  await page.keyboard.press("Enter");
  if (!(await page.evaluate(() => document.querySelector("[data-filter-panel]").open))) {
    return fail(`phone ${path}: Enter on the summary did not open the panel`);
  }
  const chip = await tabUntil(page, (f) => f.inFilters && f.group === "topics" && !f.disabled, 60);
  if (!chip) return fail(`phone ${path}: no topic chip reachable by Tab`);
  await page.keyboard.press("Enter");
  const wrong = await page.evaluate(() => {
    const items = [...document.querySelectorAll("#project-cards [data-topics]")];
    const chips = [...document.querySelectorAll("[data-filters] button[data-group]")];
    const choice = {};
    for (const b of chips) if (b.getAttribute("aria-pressed") === "true") choice[b.dataset.group] = b.dataset.value;
    const has = (item, g, v) => (item.getAttribute(`data-${g}`) || "").split(" ").includes(v);
    const out = [];
    for (const b of chips) {
      const want = { ...choice, [b.dataset.group]: b.dataset.value };
      const n = items.filter((it) => Object.entries(want).every(([g, v]) => has(it, g, v))).length;
      const shown = Number(b.querySelector(".chip__count").textContent);
      const disabled = b.getAttribute("aria-disabled") === "true";
      const on = choice[b.dataset.group] === b.dataset.value;
      if (shown !== n || disabled !== (n === 0 && !on)) out.push(`${b.dataset.group}=${b.dataset.value}: shows ${shown}, disabled ${disabled}; expected ${n}`);
    }
    return { out, choice, chips: chips.length };
  });
  if (wrong.out.length) fail(`phone ${path}: chip counts after choosing ${JSON.stringify(wrong.choice)}: ${wrong.out.join("; ")}`);
  else ok(`phone ${path}: all ${wrong.chips} chips count right after choosing ${JSON.stringify(wrong.choice)}`);
}

// `where`: "title" (the result's heading) or "result" (its whole text: title, district, summary).
async function searchFinds(page, lang, query, want, where) {
  await open(page, `${lang}/search/`);
  await page.locator("#search-q").pressSequentially(query, { delay: 20 });
  const titles = () =>
    page.evaluate((where) => [...document.querySelectorAll("[data-search-results] li")]
      .filter((li) => !li.hidden)
      .map((li) => (where === "title" ? li.querySelector("h2, h3, a") || li : li).textContent.trim().replace(/\s+/g, " ")), where);
  let got = [];
  for (let i = 0; i < 50; i++) {
    got = await titles();
    if (got.some((t) => t.includes(want))) break;
    await page.waitForTimeout(100);
  }
  if (got.some((t) => t.includes(want))) ok(`search ${lang} «${query}»: ${got.length} results, one whose ${where} holds «${want}»`);
  else fail(`search ${lang} «${query}»: no result whose ${where} holds «${want}» (got ${JSON.stringify(got.slice(0, 5))})`);
}

const started = Date.now();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-sync", "--disable-component-update"],
});
try {
  // axe at a phone width too: the header and the chips wrap differently there.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  phone.on("pageerror", (e) => fail(`script error on ${phone.url()}: ${e.message}`));
  for (const lang of LANGS) for (const p of pages(lang)) await axe(phone, `${lang}/${p}`, "390px");
  for (const lang of LANGS) await phoneFilters(phone, lang);
  await phone.close();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (e) => fail(`script error on ${page.url()}: ${e.message}`));
  for (const lang of LANGS) for (const p of pages(lang)) await axe(page, `${lang}/${p}`, "1280px");
  for (const lang of LANGS) for (const p of ["", "projects/", "projects/balkhash-appeals/"]) await keyboardSwitcher(page, lang, p);
  for (const lang of LANGS) await keyboardFilters(page, lang);
  await searchFinds(page, "kk", "казак", "Қазақ", "title");
  await searchFinds(page, "kk", "балкаш", "Балқаш", "result");
  // Word forms: no kk story of this title says "балаларға", no ru one of this title "жителям".
  await searchFinds(page, "kk", "балаларға", "балалар спорты", "title");
  await searchFinds(page, "ru", "жителям", "о порядке обращения", "title");
} catch (e) {
  fail(`error: ${e && e.stack ? e.stack : e}`);
} finally {
  await browser.close();
}
console.log(`${failures.length} failure(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failures.length ? 1 : 0);
