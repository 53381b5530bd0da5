// What the browser checks share: the address of the served site from the command line, ok and
// FAIL lines, and the system Chromium started with the flags this closed network needs (no
// background connections), closed and turned into an exit code at the end.
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.EGIZ_CHROMIUM || "/usr/bin/chromium";
export const failures = [];
export const fail = (msg) => { failures.push(msg); console.log(`FAIL ${msg}`); };
export const ok = (msg) => console.log(`ok   ${msg}`);

// The site's base address, the script's one argument.
export function baseUrl(script) {
  const base = process.argv[2];
  if (!base) {
    console.error(`usage: node ${script} BASE_URL`);
    process.exit(2);
  }
  return base;
}

// Runs `checks(page)` on a 1280 × 900 page, then exits 1 if any check failed.
export async function inChromium(checks) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-sync", "--disable-component-update"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => fail(`script error on ${page.url()}: ${e.message}`));
    await checks(page);
  } catch (e) {
    fail(`error: ${e && e.stack ? e.stack : e}`);
  } finally {
    await browser.close();
  }
  console.log(`${failures.length} failure(s)`);
  process.exit(failures.length ? 1 : 0);
}
