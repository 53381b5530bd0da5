//! The editor's files: the vendored Decap CMS (embedded by `build.rs` from
//! `vendor/decap-cms/`), the page that boots it, and `egiz-admin.js`, which registers our
//! interface strings, the theme's CSS for the preview and the slug rule of `egiz new story`.

use crate::markup::escape;
use std::fmt::Write as _;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/decap.rs"));
}

/// The vendored files, as named in `admin/`: the bundle, its chunks, `kk.js`, `ru.js`, the licence.
pub(crate) fn vendored() -> &'static [(&'static str, &'static [u8])] {
    embedded::FILES
}

/// `admin/index.html`: not indexed, loads only files beside it.
pub(crate) fn index_html(site_title: &str, lang: &str) -> String {
    let title = escape(site_title);
    let version = embedded::VERSION;
    format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <meta name="generator" content="egiz; Decap CMS {version}">
  <title>{title} · CMS</title>
  <link rel="icon" href="data:,">
  <script>window.CMS_MANUAL_INIT = true;</script>
</head>
<body>
  <noscript>This editor needs JavaScript. / Редакторға JavaScript керек. / Для редактора нужен JavaScript.</noscript>
  <script src="decap-cms.js"></script>
  <script src="kk.js"></script>
  <script src="ru.js"></script>
  <script src="egiz-admin.js"></script>
</body>
</html>
"#
    )
}

/// `admin/egiz-admin.js`: picks the interface language (`?lang=ru`, remembered), registers the
/// theme's style sheets for the preview, gives new entries egiz's slug, labels the entry
/// list with every language's title, and starts Decap.
pub(crate) fn admin_js(default_lang: &str, languages: &[&str], styles: &[String]) -> String {
    let mut js =
        String::from("// Written by egiz: starts the editor. Edit site.yaml, not this file.\n");
    let _ = writeln!(js, "var EGIZ_DEFAULT_LANG = {};", json(default_lang));
    let _ = writeln!(js, "var EGIZ_LANGS = {};", json(languages));
    let _ = writeln!(js, "var EGIZ_STYLES = {};", json(styles));
    let _ = writeln!(js, "var EGIZ_SLUG_TABLE = {};", slug_table());
    js.push_str(ADMIN_JS);
    js
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

/// What each non-ASCII character becomes in a slug, taken from `i18n::slugify` itself so the
/// browser and `egiz new story` cannot disagree: `""` for characters that vanish (ъ, accents),
/// `null` for those that separate words, else their ASCII letters.
fn slug_table() -> String {
    let ranges = [
        '\u{00A0}'..='\u{024F}',
        '\u{0300}'..='\u{036F}',
        '\u{0400}'..='\u{052F}',
        '\u{2000}'..='\u{206F}',
        '\u{2116}'..='\u{2116}',
        '\u{FEFF}'..='\u{FEFF}',
    ];
    let mut table = serde_json::Map::new();
    for c in ranges.into_iter().flatten() {
        // Only lowercase forms: the script lowercases first, as slugify does.
        if c.to_lowercase().next() != Some(c) {
            continue;
        }
        let probe = crate::i18n::slugify(&format!("a{c}b"));
        let value = match probe.as_str() {
            "a-b" => serde_json::Value::Null,
            _ => serde_json::Value::String(probe[1..probe.len() - 1].to_string()),
        };
        table.insert(c.to_string(), value);
    }
    serde_json::Value::Object(table).to_string()
}

const ADMIN_JS: &str = r#"
(function () {
  'use strict';
  var KEY = 'egiz-admin-lang';
  var asked = new URLSearchParams(location.search).get('lang');
  if (asked && EGIZ_LANGS.indexOf(asked) >= 0) localStorage.setItem(KEY, asked);
  var lang = localStorage.getItem(KEY);
  if (EGIZ_LANGS.indexOf(lang) < 0) lang = EGIZ_DEFAULT_LANG;
  document.documentElement.lang = lang;
  var link = document.createElement('link');
  link.rel = 'cms-config-url';
  link.type = 'text/yaml';
  link.href = 'config.' + lang + '.yml';
  document.head.appendChild(link);

  // egiz's slug (src/i18n/slug.rs): ASCII letters and digits, words joined by single hyphens.
  function egizSlug(text) {
    var out = '', hyphen = false;
    function emit(part) {
      for (var i = 0; i < part.length; i++) {
        var c = part[i];
        if (/[a-z0-9]/.test(c)) {
          if (hyphen && out) out += '-';
          hyphen = false;
          out += c;
        } else if (c !== "'") {
          hyphen = true;
        }
      }
    }
    for (var ch of String(text).toLowerCase()) {
      if (ch.charCodeAt(0) < 128) emit(ch);
      else if (!(ch in EGIZ_SLUG_TABLE) || EGIZ_SLUG_TABLE[ch] === null) hyphen = true;
      else emit(EGIZ_SLUG_TABLE[ch]);
    }
    return out;
  }
  window.egizSlug = egizSlug;

  // Decap does not transliterate: a new entry gets its folder name from our slug of the title,
  // the name `egiz new story` gives. An existing entry keeps its folder when its title changes.
  CMS.registerEventListener({
    name: 'preSave',
    handler: function (args) {
      var entry = args.entry, data = entry.get('data');
      if (!entry.get('newRecord') || data.get('slug')) return;
      var slug = egizSlug(data.get('title') || '');
      return data.set('slug', slug || ('entry-' + Date.now()));
    },
  });
  EGIZ_STYLES.forEach(function (href) { CMS.registerPreviewStyle(href); });
  // Decap's preview lists the fields one after another: give them the theme's reading width.
  CMS.registerPreviewStyle('body{margin:0;padding:16px 24px;max-width:48rem}img{max-width:100%;height:auto}', { raw: true });
  CMS.init();

  // Switch the interface language; the choice is remembered in this browser.
  var names = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
  var nav = document.createElement('nav');
  nav.className = 'egiz-lang';
  nav.setAttribute('aria-label', 'Interface language');
  EGIZ_LANGS.forEach(function (code) {
    var a = document.createElement('a');
    a.href = '?lang=' + code;
    a.textContent = names[code] || code;
    a.hreflang = code;
    if (code === lang) a.setAttribute('aria-current', 'true');
    nav.appendChild(a);
  });
  var style = document.createElement('style');
  style.textContent = '.egiz-lang{position:fixed;right:8px;bottom:8px;z-index:1000;display:flex;gap:4px;' +
    'font:13px/1.2 system-ui,sans-serif}.egiz-lang a{padding:4px 8px;border-radius:4px;background:#fff;' +
    'color:#313d3e;text-decoration:none;box-shadow:0 1px 3px rgba(0,0,0,.2)}' +
    '.egiz-lang a[aria-current]{background:#3a69c7;color:#fff}.egiz-lang[hidden]{display:none}' +
    '.egiz-titles{display:block;font-size:13px;font-weight:normal;color:#5d626f;margin-top:2px}' +
    // Decap's editor toolbar is one fixed-height row that a phone cuts off (the delete button
    // disappears): let it wrap into two rows there. Decap's class names carry these labels.
    // Emotion adds its rules after this sheet, hence !important.
    '@media (max-width:640px){[class*="-ToolbarContainer"]{flex-wrap:wrap!important;height:auto!important;' +
    'min-height:66px;overflow:visible!important}[class*="-ToolbarSectionBackLink"]{flex:1 1 100%!important;' +
    'height:52px!important;border-right:0!important}[class*="-ToolbarSectionMain"]{padding:6px 10px!important;' +
    'flex-wrap:wrap!important}[class*="-ToolbarSectionMeta"]{display:none!important}' +
    '[class*="-EditorContainer"]{padding-top:104px!important}}';
  document.head.appendChild(style);
  document.body.appendChild(nav);
  // Only outside the editor, where it would cover the fields on a phone.
  function place() { nav.hidden = /\/entries\/|\/new/.test(location.hash); }
  window.addEventListener('hashchange', place);
  place();

  // The entry list shows the default language's title; add the others' beside it, so a
  // missing translation is seen at a glance.
  fetch('titles.json').then(function (r) { return r.ok ? r.json() : {}; }).then(function (titles) {
    function label(node) {
      var href = node.getAttribute('href') || '';
      var m = href.match(/collections\/([^/]+)\/entries\/(.+)$/);
      if (!m || node.querySelector('.egiz-titles')) return;
      var name = decodeURIComponent(m[2]).replace(/\/index$/, '');
      var entry = (titles[m[1]] || {})[name];
      if (!entry) return;
      var others = Object.keys(entry).filter(function (l) { return l !== titles._default; })
        .map(function (l) { return l.toUpperCase() + ': ' + entry[l]; });
      if (!others.length) return;
      var span = document.createElement('span');
      span.className = 'egiz-titles';
      span.textContent = others.join(' · ');
      var heading = node.querySelector('h2') || node;
      heading.appendChild(span);
    }
    new MutationObserver(function () {
      document.querySelectorAll('a[href*="/entries/"]').forEach(label);
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_slug_table_follows_slugify() {
        let table: serde_json::Value = serde_json::from_str(&slug_table()).expect("json");
        assert_eq!(table["қ"], "q");
        assert_eq!(table["ң"], "ng");
        assert_eq!(table["ъ"], "");
        assert_eq!(table["«"], serde_json::Value::Null);
        assert_eq!(table["é"], "e");
    }

    #[test]
    fn the_bundle_and_our_strings_are_embedded() {
        let names: Vec<&str> = vendored().iter().map(|(n, _)| *n).collect();
        for name in ["decap-cms.js", "kk.js", "ru.js", "LICENSE.txt"] {
            assert!(names.contains(&name), "{name} in {names:?}");
        }
        assert!(names.iter().any(|n| n.ends_with(".wasm")));
    }
}
