// The sharded search index in headless Chromium, on the 1,000-story fixture of
// tests/suite/pagination.rs.
//
// Usage: node tests/browser/search.mjs http://127.0.0.1:PORT/ [QUERY...]
//
// A query reads the manifest, the word shards its words need (by the manifest's keys: a key
// that starts the stem, or that the stem starts) and the document shards of the twenty results
// shown, plus facets.json for the filters, and nothing else; "show more" reads the next
// documents only. A district chip on the results shows and counts exactly the stories of the
// district's term pages (every story of the fixture holds the query's word). Word forms:
// «балаларға» finds «балаларына», «детей» finds «детей» through the stem. With QUERY words it
// only prints what each query transfers (compressed as a static host would), for bench/.
// Results whose title and summary lack the query word show an excerpt of the story's text,
// read from search-text.txt beside its page only for the results near the screen.
// Exits 1 on any failure.
import { gzipSync } from "node:zlib";
import { baseUrl, fail, inChromium, ok } from "./harness.mjs";

const base = baseUrl("search.mjs");
const at = (path) => new URL(path, base).href;
const measureOnly = process.argv.slice(3);

// Opens the search page of `lang` with `query`, waits for `want` results and returns the index
// files it fetched (paths under /LANG/search/) with their compressed sizes.
async function query(page, lang, q, want) {
  const fetched = [];
  // Leave the page before: what it still reads (the excerpts of its results) is not this query's.
  await page.goto("about:blank");
  const listener = async (response) => {
    const url = new URL(response.url());
    const text = url.pathname.endsWith("/search-text.txt");
    if (!text && (!url.pathname.startsWith(new URL(at(`${lang}/search/`)).pathname) || url.pathname.endsWith("/"))) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    // A story's text for an excerpt is named by its page: `text:/kk/projects/x/`.
    const path = text ? `text:${url.pathname.replace(/search-text\.txt$/, "")}` : url.pathname.slice(url.pathname.indexOf("/search/") + 8);
    fetched.push({ path, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length });
  };
  page.on("response", listener);
  await page.goto(at(`${lang}/search/?q=${encodeURIComponent(q)}`), { waitUntil: "load" });
  await page.waitForFunction((n) => document.querySelectorAll("[data-search-results] li").length >= n, want, { timeout: 15000 })
    .catch(() => fail(`${lang} «${q}»: fewer than ${want} results shown`));
  await page.waitForLoadState("networkidle");
  page.off("response", listener);
  return fetched;
}

const shownLinks = (page) => page.$$eval("[data-search-results] li a", (as) => as.map((a) => new URL(a.href).pathname));
const same = (a, b) => a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

async function termStories(page, path) {
  const found = [];
  let next = at(path);
  while (next) {
    await page.goto(next);
    found.push(...await page.$$eval(".cards .card__title a", (as) => as.map((a) => new URL(a.href).pathname)));
    next = await page.$eval("a[rel=next]", (a) => a.href).catch(() => null);
  }
  return found;
}

// The word shards a lookup of `w` (prefix or whole) needs, by the manifest's rule.
function needed(manifest, w, prefix) {
  return manifest.w.flatMap((key, n) => (w.startsWith(key) || (prefix && key.startsWith(w)) ? [`w/${n}.json`] : []));
}

async function moreUntil(page, count) {
  for (let i = 0; i < 100; i++) {
    const n = await page.locator("[data-search-results] li").count();
    if (n >= count) break;
    const more = page.locator(".search .filters__more");
    if (!(await more.isVisible())) break;
    await more.click();
    await page.waitForFunction((k) => document.querySelectorAll("[data-search-results] li").length >= k, Math.min(n + 20, count), { timeout: 15000 }).catch(() => {});
  }
  return shownLinks(page);
}

await inChromium(async (page) => {
  if (measureOnly.length) {
    // As a phone: 390 px wide (the filter panel starts closed) and the CPU slowed 4 times.
    await page.setViewportSize({ width: 390, height: 844 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const list = document.querySelector("[data-search-results]");
        if (list && list.children.length) { window.firstResult = performance.now(); observer.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    });
    for (const q of measureOnly) {
      const files = await query(page, "kk", q, 1);
      const total = files.reduce((s, f) => s + f.gzip, 0);
      const [first, ready] = await page.evaluate(() => [window.firstResult, performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd]);
      console.log(`«${q}»: first result ${Math.round(first)} ms after navigation, ${Math.round(first - ready)} ms after the page was ready; ${files.length} files, ${total} bytes compressed (${files.reduce((s, f) => s + f.bytes, 0)} raw): ${files.map((f) => `${f.path} ${f.gzip}`).join(", ")}`);
    }
    return;
  }
  const manifest = await (await fetch(at("kk/search/manifest.json"))).json();
  const files = await query(page, "kk", "балаларға", 20);
  const status = await page.locator("[data-search-status]").textContent();
  if (status.includes("1000")) ok(`«балаларға» finds all 1000 stories (their text says «балаларына»): ${status}`);
  else fail(`«балаларға»: the status says «${status}», expected 1000 stories`);
  const docShards = (from, to) => [...new Set([...Array(to - from).keys()].map((i) => `d/${Math.floor((from + i) / manifest.per)}.json`))];
  const want = ["manifest.json", ...needed(manifest, "бала", true), ...docShards(0, 20), "facets.json"];
  const got = files.map((f) => f.path.replace(/\?.*/, "")).filter((f) => !f.startsWith("text:"));
  if (same(got, want)) ok(`«балаларға» read only ${got.join(", ")} (${files.reduce((s, f) => s + f.gzip, 0)} bytes compressed) of ${manifest.w.length} word shards and ${Math.ceil(manifest.count / manifest.per)} document shards`);
  else fail(`«балаларға» read ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  // The fixture's summaries lack «бала-»; its texts say «балаларына»: the results near the
  // screen show it in an excerpt, and only their texts are read.
  const texts = files.filter((f) => f.path.startsWith("text:")).map((f) => f.path.slice(5));
  const shownNow = await shownLinks(page);
  const excerpt = await page.locator("[data-search-results] li").first().locator(".result__excerpt").textContent({ timeout: 5000 }).catch(() => "");
  const excerptMarks = await page.$$eval("[data-search-results] li:first-child .result__excerpt mark", (m) => m.map((e) => e.textContent));
  if (excerpt.includes("балаларына") && same(excerptMarks, ["бала"])) ok(`the first result shows an excerpt with «бала» marked: «${excerpt}»`);
  else fail(`the first result's excerpt is «${excerpt}», marks ${JSON.stringify(excerptMarks)}`);
  if (texts.length >= 1 && texts.length < 20 && texts.every((t) => shownNow.includes(t))) ok(`the texts of ${texts.length} results near the screen were read, not of all 20`);
  else fail(`texts read: ${JSON.stringify(texts)}`);
  if ((await page.locator("[data-search-results] li").count()) === 20) ok("twenty results shown first");
  else fail(`${await page.locator("[data-search-results] li").count()} results shown first, not 20`);

  // Two quick clicks on «show more» (a reader who double-clicks, or one on a slow phone)
  // ask for two pages: 60 results, none twice, in the order found.
  const later = [];
  const listener = (r) => { if (r.url().includes("/kk/search/")) later.push(new URL(r.url()).pathname.replace(/.*\/search\//, "")); };
  page.on("response", listener);
  const before = await shownLinks(page);
  await page.evaluate(() => { const b = document.querySelector(".search .filters__more"); b.click(); b.click(); });
  await page.waitForFunction(() => document.querySelectorAll("[data-search-results] li").length >= 60, null, { timeout: 15000 }).catch(() => {});
  await page.waitForLoadState("networkidle");
  page.off("response", listener);
  const after = await shownLinks(page);
  const next = docShards(20, 60).filter((f) => !want.includes(f));
  if (same(later, next) && after.length === 60 && new Set(after).size === 60 && after.slice(0, 20).join() === before.join()) ok(`two clicks on «show more» add 40 results, none twice, and read only ${next.join(", ")}`);
  else fail(`two clicks on «show more» read ${JSON.stringify(later)} and show ${after.length} results (${new Set(after).size} different)`);

  const balkhash = await termStories(page, "kk/district/balkhash/");
  await query(page, "kk", "балаларға", 20);
  const chip = page.locator('button[data-group="district"][data-value="balkhash"]');
  const count = await chip.locator(".chip__count").textContent();
  if (+count === balkhash.length) ok(`the Balkhash chip counts ${count} results, as its term pages hold`);
  else fail(`the Balkhash chip counts ${count}, its term pages ${balkhash.length}`);
  await chip.click();
  await page.waitForFunction(() => /\d+ \/ \d+/.test(document.querySelector("[data-filter-status]").textContent), null, { timeout: 5000 }).catch(() => {});
  const line = await page.locator("[data-filter-status]").textContent();
  if (line.includes(`${balkhash.length} / 1000`)) ok(`with the chip: «${line}»`);
  else fail(`with the chip the status says «${line}», expected ${balkhash.length} / 1000`);
  const shown = await moreUntil(page, balkhash.length);
  if (same(shown, balkhash)) ok(`the chip shows exactly the ${balkhash.length} stories of the Balkhash term pages`);
  else fail(`the chip shows ${shown.length} results, the term pages ${balkhash.length}`);

  // On a phone the panel starts closed: no facets until it opens, then exact counts.
  await page.setViewportSize({ width: 390, height: 844 });
  const phone = await query(page, "kk", "балаларға", 20);
  if (!phone.some((f) => f.path.startsWith("facets.json"))) ok("on a phone (panel closed) the query does not read facets.json");
  else fail("on a phone the query read facets.json with the panel closed");
  await page.locator(".filters__summary").click();
  await page.waitForFunction((n) => {
    const c = document.querySelector('button[data-group="district"][data-value="balkhash"] .chip__count');
    return c && +c.textContent === n;
  }, balkhash.length, { timeout: 5000 }).catch(() => {});
  const phoneCount = await chip.locator(".chip__count").textContent();
  if (+phoneCount === balkhash.length) ok(`opening the panel reads the facets: the Balkhash chip counts ${phoneCount}`);
  else fail(`after opening the panel the Balkhash chip counts ${phoneCount}, expected ${balkhash.length}`);
  await page.setViewportSize({ width: 1280, height: 900 });

  const one = await query(page, "kk", "77", 1);
  const titles = await page.$$eval("[data-search-results] li h2", (h) => h.map((e) => e.textContent));
  if (same(titles, ["Жоба 77"])) ok("«77» finds the one story with the word 77 (a short word matches whole)");
  else fail(`«77» finds ${JSON.stringify(titles)}`);
  const marks = await page.$$eval("[data-search-results] mark", (m) => m.map((e) => e.textContent));
  if (marks.length >= 2 && marks.every((m) => m === "77")) ok(`«77» is marked in the title and the summary (${marks.length} marks)`);
  else fail(`«77» marks: ${JSON.stringify(marks)}`);
  if (!one.some((f) => f.path.startsWith("text:")) && !(await page.locator(".result__excerpt").count())) ok("«77» is in the title and summary: no excerpt, no text read");
  else fail(`«77» read texts or shows an excerpt: ${JSON.stringify(one.map((f) => f.path))}`);
  if (one.every((f) => !f.path.startsWith("w/") || needed(manifest, "77", false).includes(f.path.replace(/\?.*/, "")))) ok("«77» read only the shard that holds the word");
  else fail(`«77» read ${JSON.stringify(one.map((f) => f.path))}`);

  await query(page, "ru", "детей", 20);
  const ru = await page.locator("[data-search-status]").textContent();
  if (ru.includes("1000")) ok(`ru «детей»: ${ru}`);
  else fail(`ru «детей»: the status says «${ru}»`);
});
