//! Addresses the web renderer makes itself in every language — taxonomy pages, the impact
//! dashboard and the search page — so that no content file may claim them (one would silently replace the other).

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};

use super::model::{Entry, Kind};

/// The dashboard's folder in each language: `/kk/impact/`.
pub(crate) const DASHBOARD: &str = "impact";

/// The search page's folder in each language: `/kk/search/` (made by `web`, with its index
/// files under it: `manifest.json`, `w/`, `d/`, `facets.json`).
pub(crate) const SEARCH: &str = "search";

/// What owns `path` (`kk/district/balkhash/`) when egiz generates it, if anything.
fn generated_owner(path: &str, config: &Config) -> Option<String> {
    let (lang, rest) = path.split_once('/')?;
    if !config.has_language(lang) {
        return None;
    }
    let first = rest.split('/').next().unwrap_or("");
    if rest == format!("{DASHBOARD}/") {
        return Some("the impact dashboard".to_string());
    }
    if rest.starts_with(&format!("{SEARCH}/")) {
        return Some("the search page".to_string());
    }
    config
        .taxonomy_pages()
        .into_iter()
        .find(|t| t.key() == first)
        .map(|t| format!("the {t} pages (taxonomy_pages in site.yaml)"))
}

/// An error for every page whose address is one egiz generates.
pub(crate) fn check(entries: &[Entry], config: &Config, problems: &mut Diagnostics) {
    for entry in entries.iter().filter(|e| e.kind != Kind::ProjectsIndex) {
        for page in &entry.pages {
            if let Some(owner) = generated_owner(&page.path, config) {
                problems.push(
                    Diagnostic::error(format!("the address /{} belongs to {owner}", page.path))
                        .in_file(&page.source)
                        .at(1, 1)
                        .with_hint("rename the file or give it another `slug:`"),
                );
            }
        }
    }
}
