// The filters of a project list that spans pages, in headless Chromium, on a fixture built by
// tests/suite/pagination.rs (60 stories, 8 a page).
//
// Usage: node tests/browser/pagination.mjs http://127.0.0.1:PORT/
//
// On page 1 and on page 3 of /kk/projects/: a district chip, a topic chip and the two together
// show exactly the stories of the term pages (walked page by page, their intersection for two
// chips), loaded a page's worth at a time with the "show more" button; the chips count what they
// would show; clearing the choice brings back the page as it was. Exits 1 on any failure.
import { baseUrl, fail, inChromium, ok } from "./harness.mjs";

const base = baseUrl("pagination.mjs");
const at = (path) => new URL(path, base).href;
// Stories a list page holds, from the filter index.
let size = 0;
const same = (a, b) => a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

// The story links of a term page and all the pages after it.
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

const shownCards = (page) => page.$$eval("#project-cards .card__title a", (as) => as.map((a) => new URL(a.href).pathname));
const chip = (page, group, value) => page.locator(`button[data-group="${group}"][data-value="${value}"]`);

// Presses "show more" until it hides, twice each time as an impatient reader does (each
// click asks for the next batch: no card may come twice); the cards shown then.
async function allShown(page) {
  for (let i = 0; i < 20; i++) {
    const more = page.locator(".filters__more");
    if (!(await more.count()) || !(await more.isVisible())) break;
    const before = (await shownCards(page)).length;
    await page.evaluate(() => { const b = document.querySelector(".filters__more"); b.click(); b.click(); });
    await page.waitForFunction((n) => document.querySelectorAll("#project-cards > li").length > n, before, { timeout: 5000 }).catch(() => {});
  }
  return shownCards(page);
}

async function choose(page, picks, expected, where) {
  for (const [group, value] of picks) await chip(page, group, value).click();
  const want = Math.min(size, expected.length);
  // The page's own cards are there before the filter index comes: wait for the count first.
  await page.waitForFunction((text) => document.querySelector("[data-filter-status]").textContent.includes(text), `${expected.length} / 60`, { timeout: 10000 }).catch(() => {});
  await page.waitForFunction((n) => document.querySelectorAll("#project-cards > li").length === n, want, { timeout: 10000 })
    .catch(() => fail(`${where}: ${picks.map((p) => p.join("=")).join("&")}: the first ${want} cards did not come`));
  const status = await page.locator("[data-filter-status]").textContent();
  if (!status.includes(`${expected.length} / 60`)) fail(`${where}: status says «${status}», expected ${expected.length} of 60`);
  const shown = await allShown(page);
  if (same(shown, expected)) ok(`${where}: ${picks.map((p) => p.join("=")).join(" & ")} shows the ${expected.length} stories of the term pages`);
  else fail(`${where}: ${picks.map((p) => p.join("=")).join(" & ")} shows ${shown.length} cards, the term pages ${expected.length}`);
  if (await page.locator(".pager").isVisible()) fail(`${where}: the page links still show while filtering`);
}

await inChromium(async (page) => {
  size = (await (await fetch(at("kk/projects/filter-index.json"))).json()).size;
  const balkhash = await termStories(page, "kk/district/balkhash/");
  const sport = await termStories(page, "kk/topics/sport/");
  const both = balkhash.filter((s) => sport.includes(s));
  if (!balkhash.length || !both.length || both.length === balkhash.length) fail(`the fixture does not test much: ${balkhash.length}, ${sport.length}, ${both.length}`);
  for (const list of ["kk/projects/", "kk/projects/page/3/"]) {
    await page.goto(at(list));
    const before = await shownCards(page);
    const count = await chip(page, "district", "balkhash").locator(".chip__count").textContent();
    if (+count !== balkhash.length) fail(`${list}: the Balkhash chip counts ${count}, its term pages ${balkhash.length}`);
    await choose(page, [["district", "balkhash"]], balkhash, list);
    const sportCount = await chip(page, "topics", "sport").locator(".chip__count").textContent();
    if (+sportCount === both.length) ok(`${list}: with Balkhash chosen, the sport chip counts ${sportCount}`);
    else fail(`${list}: with Balkhash chosen, the sport chip counts ${sportCount}, expected ${both.length}`);
    await choose(page, [["topics", "sport"]], both, list);
    if (!new URL(page.url()).search.includes("district=balkhash")) fail(`${list}: the choice is not in the address`);
    await page.locator("[data-filter-clear]").click();
    if (same(await shownCards(page), before) && await page.locator(".pager").isVisible()) ok(`${list}: clearing brings the page back`);
    else fail(`${list}: clearing did not bring the page back`);
  }
  // A shared address starts with its choice.
  await page.goto(at("kk/projects/page/2/?topics=sport"));
  await page.waitForFunction((n) => document.querySelectorAll("#project-cards > li").length === n, Math.min(size, sport.length), { timeout: 10000 }).catch(() => {});
  const deep = await allShown(page);
  if (same(deep, sport)) ok(`?topics=sport on page 2 shows the ${sport.length} sport stories`);
  else fail(`?topics=sport on page 2 shows ${deep.length} cards, expected ${sport.length}`);
});
