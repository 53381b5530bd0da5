//! An Atom 1.0 feed per language, `/{lang}/atom.xml`: the newest stories of that language
//! (`feed_limit` in site.yaml, 20 by default), newest first, with absolute addresses under `base_url` (so a sub-path site works), the summary and
//! the full text as HTML. Relative links and images inside the text resolve against the story's
//! address through `xml:base`.

use std::fmt::Write as _;

use crate::content::{Page, Site};
use crate::diagnostics::Diagnostic;
use crate::i18n::{Date, rfc3339};
use crate::output::Sink;

use crate::markup::escape;

/// `/{lang}/atom.xml`, as a site path.
pub(crate) fn path(lang: &str) -> String {
    format!("{lang}/atom.xml")
}

/// Write the feed of every language.
pub(crate) fn write_all(site: &Site, staging: &dyn Sink) -> Result<(), Diagnostic> {
    for lang in site.config.language_codes() {
        staging.write(&path(lang), render(site, lang).as_bytes())?;
    }
    Ok(())
}

/// The feed of `lang` as XML text.
pub(crate) fn render(site: &Site, lang: &str) -> String {
    let config = &site.config;
    let base = &config.base;
    let title = config.title(lang);
    let self_url = base.permalink(&path(lang));
    let pages: Vec<&Page> = site
        .stories_in(lang)
        .map(|(_, page)| page)
        .take(config.raw.feed_limit)
        .collect();
    // The newest story's date; a site without stories has changed, at the latest, today.
    let updated = pages
        .iter()
        .filter_map(|p| p.date())
        .max()
        .unwrap_or_else(Date::today);

    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        escape(lang)
    );
    let _ = writeln!(xml, "  <title>{}</title>", escape(title));
    let description = config.description(lang);
    if !description.is_empty() {
        let _ = writeln!(xml, "  <subtitle>{}</subtitle>", escape(description));
    }
    let _ = writeln!(xml, "  <id>{}</id>", escape(&self_url));
    let _ = writeln!(
        xml,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&self_url)
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{}\"/>",
        escape(lang),
        escape(&base.permalink(&format!("{lang}/")))
    );
    let _ = writeln!(xml, "  <updated>{}</updated>", rfc3339(updated));
    let _ = writeln!(xml, "  <author><name>{}</name></author>", escape(title));
    let _ = writeln!(
        xml,
        "  <generator version=\"{}\">egiz</generator>",
        env!("CARGO_PKG_VERSION")
    );
    for page in pages {
        entry(&mut xml, site, page, title);
    }
    xml.push_str("</feed>\n");
    xml
}

fn entry(xml: &mut String, site: &Site, page: &Page, author: &str) {
    let config = &site.config;
    let url = config.base.permalink(&page.path);
    let lang = page.lang.as_str();
    // A page borrowed from another language (missing_translation: fallback) says so.
    let text_lang = page.text_lang();
    if text_lang == lang {
        xml.push_str("  <entry>\n");
    } else {
        let _ = writeln!(xml, "  <entry xml:lang=\"{}\">", escape(text_lang));
    }
    let _ = writeln!(xml, "    <title>{}</title>", escape(&page.title));
    let _ = writeln!(
        xml,
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&url)
    );
    let _ = writeln!(xml, "    <id>{}</id>", escape(&url));
    if let Some(date) = page.date() {
        let _ = writeln!(xml, "    <published>{}</published>", rfc3339(date));
        let _ = writeln!(xml, "    <updated>{}</updated>", rfc3339(date));
    }
    let _ = writeln!(xml, "    <author><name>{}</name></author>", escape(author));
    if let Some(meta) = page.story() {
        for taxonomy in config.taxonomies() {
            for key in meta.terms(&taxonomy) {
                // The taxonomy's index page; the term's own page is this address + key + "/".
                let scheme = config.base.permalink(&format!("{lang}/{taxonomy}/"));
                let _ = writeln!(
                    xml,
                    "    <category term=\"{}\" scheme=\"{}\" label=\"{}\"/>",
                    escape(key),
                    escape(&scheme),
                    escape(config.term_label(&taxonomy, key, lang))
                );
            }
        }
    }
    let summary = page.summary();
    if !summary.is_empty() {
        let _ = writeln!(xml, "    <summary>{}</summary>", escape(summary));
    }
    let _ = writeln!(
        xml,
        "    <content type=\"html\" xml:base=\"{}\">{}</content>",
        escape(&url),
        escape(&page.html(&config.base.path))
    );
    xml.push_str("  </entry>\n");
}
