// Runs the stemmer of themes/default/static/js/search.js outside a browser: reads
// [[lang, folded word], ...] as JSON on stdin, prints the stems as a JSON array. The suite
// (tests/suite/search_index.rs) compares them with its Rust copy.
import { readFileSync } from "node:fs";

const source = readFileSync(new URL("../../themes/default/static/js/search.js", import.meta.url), "utf8");
const block = source.match(/var STEM = \(function \(\) \{[\s\S]*?\n {2}\}\)\(\);/);
if (!block) throw new Error("no `var STEM = (function () { ... })();` block in search.js");
const STEM = new Function(block[0] + "\nreturn STEM;")();
const words = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(words.map(([lang, word]) => (STEM[lang] ? STEM[lang](word) : word))));
