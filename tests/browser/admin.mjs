// The web editor of `egiz serve` in headless Chromium, as a communicator uses it.
//
// Usage: node tests/browser/admin.mjs SERVED_SITE_URL SITE_DIR [SCREENSHOT_DIR]
//
// For the Russian and then the Kazakh interface: open SERVED_SITE_URL/admin/, log in to the
// local backend, see the stories collection with each story's titles in both languages, open
// balkhash-kids-sport, change its Russian title and save. Then the story's .ru.md on disk has
// the new title and no other change, and the served Russian page shows it. No request may
// leave the served site. With SCREENSHOT_DIR, the Kazakh collection list and editor are shot
// at 390 and 1280 px wide.
//
// Prints every failure and exits 1 if there is any. Uses the system Chromium, never downloads one.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.EGIZ_CHROMIUM || "/usr/bin/chromium";
const [base, site, shots] = process.argv.slice(2);
if (!base || !site) {
  console.error("usage: node admin.mjs SERVED_SITE_URL SITE_DIR [SCREENSHOT_DIR]");
  process.exit(2);
}
const STORY = "balkhash-kids-sport";
const RU_FILE = join(site, "content/projects", `${STORY}.ru.md`);
const KK_FILE = join(site, "content/projects", `${STORY}.kk.md`);
const WORDS = {
  ru: { login: "Войти", publish: "Опубликовать", publishNow: "Опубликовать сейчас", collection: "Проекты" },
  kk: { login: "Кіру", publish: "Жариялау", publishNow: "Қазір жариялау", collection: "Жобалар" },
};
const origin = new URL(base).origin;
const failures = [];
const fail = (msg) => { failures.push(msg); console.log(`FAIL ${msg}`); };
const ok = (msg) => console.log(`ok   ${msg}`);
const title = (text) => (text.match(/^title: (.*)$/m) || [])[1];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(what, check, ms = 15000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await sleep(100);
  }
  fail(`timed out: ${what}`);
  return false;
}

async function editor(browser, lang, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(origin + "/") && !url.startsWith("data:") && !url.startsWith("blob:")) fail(`${lang}: a request outside the served site: ${url}`);
  });
  page.on("pageerror", (e) => fail(`${lang}: script error: ${e.message}`));
  page.on("dialog", (d) => d.accept());
  await page.goto(new URL(`admin/?lang=${lang}`, base).href);
  await page.getByRole("button", { name: WORDS[lang].login }).click();
  await page.waitForSelector(`a[href*="/entries/${STORY}"]`, { timeout: 20000 });
  return { context, page };
}

async function shoot(page, name) {
  if (!shots) return;
  await sleep(500);
  await page.screenshot({ path: join(shots, `${name}.png`) });
  ok(`screenshot ${name}.png`);
}

async function editRussianTitle(browser, lang) {
  const before = readFileSync(RU_FILE, "utf8");
  const kkBefore = readFileSync(KK_FILE, "utf8");
  const { context, page } = await editor(browser, lang, 1280);
  try {
    // The list: the default language's title, the Russian one beside it (egiz-admin.js).
    const card = page.locator(`a[href*="/entries/${STORY}"]`).first();
    await until(`${lang}: the list shows the Russian title`, async () => (await card.innerText()).includes(`RU: ${title(before)}`));
    const text = await card.innerText();
    if (text.includes(title(kkBefore)) && text.includes(title(before))) ok(`${lang}: the list shows «${title(kkBefore)}» and «${title(before)}»`);
    else fail(`${lang}: the list entry reads ${JSON.stringify(text)}`);
    const heading = await page.locator("h1").first().innerText().catch(() => "");
    if (!heading.includes(WORDS[lang].collection)) fail(`${lang}: the collection is called ${JSON.stringify(heading)}`);
    if (lang === "kk") await shoot(page, "kk-list-1280");

    await card.click();
    const titles = page.locator('input[id^="title-field-"]');
    await until(`${lang}: the editor shows both titles`, async () => (await titles.count()) >= 2);
    if ((await titles.nth(0).inputValue()) !== title(kkBefore)) fail(`${lang}: the Kazakh title field holds ${await titles.nth(0).inputValue()}`);
    if ((await titles.nth(1).inputValue()) !== title(before)) fail(`${lang}: the Russian title field holds ${await titles.nth(1).inputValue()}`);
    if (lang === "kk") await shoot(page, "kk-editor-1280");
    const changed = `${title(before).replace(/ \(.*\)$/, "")} (${lang})`;
    await titles.nth(1).fill(changed);
    await page.getByRole("button", { name: WORDS[lang].publish, exact: true }).click();
    await page.getByText(WORDS[lang].publishNow, { exact: true }).click();

    // On disk: the new title, everything else as it was.
    await until(`${lang}: the new title is saved to ${RU_FILE}`, () => title(readFileSync(RU_FILE, "utf8")) === changed);
    const after = readFileSync(RU_FILE, "utf8");
    const expected = before.replace(/^title: .*$/m, `title: ${changed}`);
    if (after === expected) ok(`${lang}: ${STORY}.ru.md has the new title and nothing else changed`);
    else fail(`${lang}: ${STORY}.ru.md changed more than its title:\n--- expected\n${expected}\n--- on disk\n${after}`);
    if (readFileSync(KK_FILE, "utf8") !== kkBefore) fail(`${lang}: ${STORY}.kk.md changed although only the Russian title was edited`);

    // The served page is rebuilt with it.
    const url = new URL(`ru/projects/${STORY}/`, base).href;
    const shown = await until(`${lang}: the served page shows the new title`, async () => {
      const res = await fetch(url);
      return res.ok && (await res.text()).includes(changed);
    }, 60000); // a hang check: a debug build rebuilding booklets under the suite's load takes seconds
    if (shown) ok(`${lang}: ${url} shows «${changed}»`);
  } finally {
    await context.close();
  }
}

async function phoneShots(browser) {
  const { context, page } = await editor(browser, "kk", 390);
  try {
    await shoot(page, "kk-list-390");
    await page.locator(`a[href*="/entries/${STORY}"]`).first().click();
    await page.waitForSelector('input[id^="title-field-"]');
    await shoot(page, "kk-editor-390");
  } finally {
    await context.close();
  }
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-sync", "--disable-component-update"],
});
try {
  for (const lang of ["ru", "kk"]) await editRussianTitle(browser, lang);
  if (shots) await phoneShots(browser);
} catch (e) {
  fail(`stopped: ${e.stack || e}`);
} finally {
  await browser.close();
}
writeFileSync(1, failures.length ? `${failures.length} failed\n` : "all admin checks passed\n");
process.exit(failures.length ? 1 : 0);
