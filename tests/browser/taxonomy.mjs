// The filters of a site's own taxonomy (`donor`) in headless Chromium, on the project list and
// the search page of a fixture built by tests/suite/custom_taxonomy.rs.
//
// Usage: node tests/browser/taxonomy.mjs http://127.0.0.1:PORT/
//
// On /kk/projects/: pressing the «Еуропалық Одақ» chip leaves only the EU-funded card, puts
// ?donor=eu in the address, and the other chips count what they would show with it; opening
// that address again starts with the same choice. On /kk/search/?q=қазақша the donor chip
// filters the search results too. Exits 1 on any failure.
import { baseUrl, fail, inChromium, ok } from "./harness.mjs";

const base = baseUrl("taxonomy.mjs");
const at = (path) => new URL(path, base).href;

// The titles of the visible items inside the filters' target.
const visible = (page) => page.evaluate(() => {
  const box = document.getElementById(document.querySelector("[data-filters]").dataset.filters);
  return [...box.querySelectorAll("[data-topics]")]
    .filter((it) => !(it.closest("li") || it).hidden)
    .map((it) => it.querySelector("a").textContent.trim());
});

async function listPage(page) {
  await page.goto(at("kk/projects/"), { waitUntil: "load" });
  const all = await visible(page);
  if (all.length !== 3) return fail(`list: ${all.length} cards before filtering`);
  await page.locator('[data-filters] details').evaluate((d) => { d.open = true; });
  await page.locator('button[data-group="donor"][data-value="eu"]').click();
  const shown = await visible(page);
  if (shown.length === 1 && shown[0].startsWith("sport")) ok(`list: the EU chip shows ${JSON.stringify(shown)}`);
  else fail(`list: the EU chip shows ${JSON.stringify(shown)}`);
  const url = new URL(page.url());
  if (url.searchParams.get("donor") === "eu") ok(`list: the choice is in the address (${url.search})`);
  else fail(`list: the address is ${page.url()}`);
  const usaid = await page.locator('button[data-group="donor"][data-value="usaid"] .chip__count').textContent();
  if (usaid.trim() === "2") ok("list: the USAID chip counts 2 with the EU chosen (in one group a chip replaces the choice)");
  else fail(`list: the USAID chip counts ${usaid} with the EU chosen`);
  await page.goto(url.href, { waitUntil: "load" });
  const again = await visible(page);
  if (again.length === 1) ok("list: the address restores the choice");
  else fail(`list: ${url.href} shows ${again.length} cards`);
}

async function searchPage(page) {
  await page.goto(at("kk/search/?q=%D2%9B%D0%B0%D0%B7%D0%B0%D2%9B%D1%88%D0%B0"), { waitUntil: "load" });
  await page.waitForFunction(() => document.querySelectorAll("[data-search-results] li").length >= 3, null, { timeout: 5000 })
    .catch(() => fail("search: fewer than 3 results for «қазақша»"));
  await page.locator('[data-filters] details').evaluate((d) => { d.open = true; });
  await page.locator('button[data-group="donor"][data-value="usaid"]').click();
  const shown = await page.evaluate(() => [...document.querySelectorAll("[data-search-results] li")]
    .filter((li) => !li.hidden).length);
  if (shown === 2) ok("search: the USAID chip leaves the 2 USAID stories");
  else fail(`search: the USAID chip leaves ${shown} results`);
}

await inChromium(async (page) => {
  await listPage(page);
  await searchPage(page);
});
