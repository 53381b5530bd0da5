//! Parsing and querying the generated HTML pages (scraper): texts and attributes by CSS
//! selector, the language, canonical and hreflang alternates, every address a page references.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use scraper::{Html, Selector};

/// A generated HTML page, parsed.
pub(crate) struct Page {
    pub file: PathBuf,
    pub html: Html,
}

impl Page {
    pub(crate) fn open(out: &Path, relative: &str) -> Page {
        let file = out.join(relative);
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        Page {
            file,
            html: Html::parse_document(&text),
        }
    }

    pub(crate) fn select_attr(&self, selector: &str, attr: &str) -> Vec<String> {
        let selector = Selector::parse(selector).expect("a valid CSS selector");
        self.html
            .select(&selector)
            .filter_map(|e| e.value().attr(attr).map(str::to_string))
            .collect()
    }

    /// The text of every element matching `selector`, whitespace collapsed.
    pub(crate) fn texts(&self, selector: &str) -> Vec<String> {
        let selector = Selector::parse(selector).expect("a valid CSS selector");
        self.html
            .select(&selector)
            .map(|e| e.text().collect::<Vec<_>>().join(" "))
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    pub(crate) fn text(&self) -> String {
        self.texts("body").join(" ")
    }

    pub(crate) fn count(&self, selector: &str) -> usize {
        let selector = Selector::parse(selector).expect("a valid CSS selector");
        self.html.select(&selector).count()
    }

    /// `<html lang>`.
    pub(crate) fn lang(&self) -> Option<String> {
        self.select_attr("html", "lang").into_iter().next()
    }

    pub(crate) fn canonical(&self) -> Option<String> {
        self.select_attr("link[rel=canonical]", "href")
            .into_iter()
            .next()
    }

    /// `hreflang` → `href` of every `<link rel="alternate" hreflang>` in the head.
    pub(crate) fn alternates(&self) -> BTreeMap<String, String> {
        let selector = Selector::parse("link[rel=alternate][hreflang]").expect("valid selector");
        let mut map = BTreeMap::new();
        for link in self.html.select(&selector) {
            let lang = link.value().attr("hreflang").unwrap_or_default();
            let href = link.value().attr("href").unwrap_or_default();
            let previous = map.insert(lang.to_string(), href.to_string());
            assert!(
                previous.is_none(),
                "{} has two alternates for {lang}",
                self.file.display()
            );
        }
        map
    }

    /// Every `href`, `src` and `srcset` address in the document.
    pub(crate) fn references(&self) -> Vec<String> {
        let mut refs = self.select_attr("[href]", "href");
        refs.extend(self.select_attr("[src]", "src"));
        for srcset in self.select_attr("[srcset]", "srcset") {
            refs.extend(srcset_entries(&srcset).into_iter().map(|(url, _)| url));
        }
        refs
    }
}

/// `url 480w, url 800w` → [(url, 480), (url, 800)]; panics on an entry without a `w` width.
pub(crate) fn srcset_entries(srcset: &str) -> Vec<(String, u32)> {
    srcset
        .split(", ")
        .map(|entry| {
            let (url, width) = entry
                .trim()
                .rsplit_once(' ')
                .unwrap_or_else(|| panic!("no width in the srcset entry {entry:?}"));
            let width = width
                .strip_suffix('w')
                .and_then(|w| w.parse().ok())
                .unwrap_or_else(|| panic!("not a width descriptor in {entry:?}"));
            (url.to_string(), width)
        })
        .collect()
}
