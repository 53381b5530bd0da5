#!/usr/bin/env node
// Checks a Decap CMS interface locale against the English one of the vendored package.
//
//   node scripts/check-decap-locale.mjs        checks vendor/decap-cms/locales/kk.js (ours)
//   node scripts/check-decap-locale.mjs ru     checks Russian: upstream ru with locales/ru.js
//   node scripts/check-decap-locale.mjs NAME   locales/NAME.js over upstream-locales/NAME.js,
//                                              whichever of the two exist
//
// English comes from vendor/decap-cms/upstream-locales/en.js (an ES module of
// decap-cms-locales). Our locales are browser scripts calling CMS.registerLocale(NAME, {...});
// they run here in a sandbox with a stand-in CMS whose getLocale(NAME) answers the upstream
// locale, as the real one does once decap-cms.js has loaded. Fails (exit 1) when a key of en
// is missing, a key is extra, a value is not a string where en has one (or the reverse), the
// set of %{placeholders} differs, a plural phrase (`||||`) has not as many forms as the
// language's Polyglot rule uses, leading or trailing spaces differ (the app glues some
// strings to others), or a value is still the English text (except the few that are the
// same in every language).
// Node 20, standard library only.

import { readFile, access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import vm from 'node:vm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vendor = path.join(root, 'vendor', 'decap-cms');
const name = process.argv[2] ?? 'kk';
if (!/^[a-zA-Z_-]+$/.test(name)) {
  console.error(`check-decap-locale: bad locale name ${JSON.stringify(name)}`);
  process.exit(2);
}

// Values that are rightly the same as in English.
const SAME_AS_ENGLISH = new Set([
  'collection.collectionTop.newButton',
  'editor.editorWidgets.markdown.markdown',
  'ui.toast.onFailToAuth',
  'workflow.workflowCard.lastChangeNoAuthor',
]);

async function importModule(file) {
  const source = await readFile(file, 'utf8');
  const url = 'data:text/javascript;base64,' + Buffer.from(source).toString('base64');
  return (await import(url)).default;
}

// Plural forms by Polyglot's rule for the language (node-polyglot's pluralTypeToLanguages);
// languages it does not list, Kazakh among them, count like English.
const PLURAL_FORMS = { ru: 3, uk: 3, ua: 3, pl: 3, cs: 3, sk: 3, lt: 3, hr: 3, ar: 6, ja: 1 };

async function runRegistration(file, locale, upstream) {
  const source = await readFile(file, 'utf8');
  const registered = upstream ? { [locale]: upstream } : {};
  const CMS = {
    registerLocale(key, phrases) {
      registered[key] = phrases;
    },
    getLocale(key) {
      return registered[key];
    },
  };
  vm.runInNewContext(source, { CMS, window: { CMS } }, { filename: file, timeout: 1000 });
  if (!registered[locale] || registered[locale] === upstream) {
    throw new Error(`${file} does not call CMS.registerLocale('${locale}', ...)`);
  }
  return registered[locale];
}

async function exists(file) {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function flatten(obj, prefix = '', out = new Map()) {
  for (const [key, value] of Object.entries(obj)) {
    const p = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      flatten(value, p, out);
    } else {
      out.set(p, value);
    }
  }
  return out;
}

const placeholders = s => [...new Set([...s.matchAll(/%\{([^}]*)\}/g)].map(m => m[1]))].sort();
const forms = s => s.split('||||').length;
const edges = s => [/^\s/.test(s), /\s$/.test(s)].join();

const enFile = path.join(vendor, 'upstream-locales', 'en.js');
const ownFile = path.join(vendor, 'locales', `${name}.js`);
const upstreamFile = path.join(vendor, 'upstream-locales', `${name}.js`);
const hasOwn = await exists(ownFile);
const hasUpstream = await exists(upstreamFile);
if (!hasOwn && !hasUpstream) {
  console.error(`check-decap-locale: neither ${ownFile} nor ${upstreamFile} exists`);
  process.exit(2);
}
const upstream = hasUpstream ? await importModule(upstreamFile) : undefined;
const en = flatten(await importModule(enFile));
const other = flatten(hasOwn ? await runRegistration(ownFile, name, upstream) : upstream);
const pluralForms = PLURAL_FORMS[name.split(/[-_]/)[0]] ?? 2;

const problems = [];
for (const [key, enValue] of en) {
  if (!other.has(key)) {
    problems.push(`missing: ${key}`);
    continue;
  }
  const value = other.get(key);
  if (typeof value !== typeof enValue) {
    problems.push(`${key}: a ${typeof value}, English has a ${typeof enValue}`);
    continue;
  }
  if (typeof value !== 'string') continue;
  const want = placeholders(enValue).join(', ');
  const got = placeholders(value).join(', ');
  if (want !== got) problems.push(`${key}: placeholders {${got}}, English has {${want}}`);
  const wantForms = forms(enValue) > 1 ? pluralForms : 1;
  if (forms(value) !== wantForms) {
    problems.push(`${key}: ${forms(value)} plural form(s), the language's rule uses ${wantForms}`);
  }
  if (edges(value) !== edges(enValue)) {
    problems.push(`${key}: leading/trailing spaces differ from English`);
  }
  if (value === enValue && !SAME_AS_ENGLISH.has(key)) {
    problems.push(`${key}: not translated (${JSON.stringify(value)})`);
  }
}
for (const key of other.keys()) {
  if (!en.has(key)) problems.push(`extra: ${key}`);
}

const rel = [hasUpstream && upstreamFile, hasOwn && ownFile]
  .filter(Boolean)
  .map(f => path.relative(root, f))
  .join(' + ');
if (problems.length) {
  for (const p of problems) console.error(`${rel}: ${p}`);
  console.error(`${rel}: ${problems.length} problem(s) against ${en.size} English strings`);
  process.exit(1);
}
console.log(`${rel}: all ${en.size} English strings present, placeholders match`);
