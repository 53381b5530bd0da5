//! The trail from a language's home page down to a page, as a `BreadcrumbList`: each folder of
//! the page's address that is a page of its own (the home page, the project list, a taxonomy's
//! index), named as the menu names it, then the page itself.

use serde_json::{Value, json};

use crate::config::NameForm;
use crate::theme;

use super::super::context::Builder;
use super::super::dashboard;

/// The breadcrumbs of the page at `path` (`kk/projects/x/`) titled `title`; None for a page
/// outside the language's folders (the chooser, 404).
pub(crate) fn list(builder: &Builder, lang: &str, path: &str, title: &str) -> Option<Value> {
    let home = format!("{lang}/");
    if !path.starts_with(&home) {
        return None;
    }
    let base = &builder.site.config.base;
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    let mut crumbs: Vec<(String, String)> = Vec::new();
    let mut prefix = String::new();
    for (index, segment) in segments.iter().enumerate() {
        prefix.push_str(segment);
        prefix.push('/');
        let name = if index + 1 == segments.len() {
            Some(title.to_string())
        } else {
            folder_name(builder, lang, &prefix)
        };
        if let Some(name) = name.filter(|n| !n.is_empty()) {
            crumbs.push((name, prefix.clone()));
        }
    }
    let items: Vec<Value> = crumbs
        .iter()
        .enumerate()
        .map(|(index, (name, path))| {
            json!({
                "@type": "ListItem",
                "position": index + 1,
                "name": name,
                "item": base.permalink(path),
            })
        })
        .collect();
    Some(json!({
        "@type": "BreadcrumbList",
        "itemListElement": items,
    }))
}

/// What a folder above a page is called, if it is a page the site makes. Compared by parts,
/// not through the pages' formatted paths: this runs for each folder of every page.
fn folder_name(builder: &Builder, lang: &str, folder: &str) -> Option<String> {
    let strings = builder.strings;
    let config = &builder.site.config;
    let rest = folder.strip_prefix(lang)?.strip_prefix('/')?;
    let fixed = [
        ("", "home"),
        ("projects/", "projects"),
        ("booklets/", "booklets"),
        ("search/", "search"),
    ];
    if let Some((_, key)) = fixed.iter().find(|(path, _)| *path == rest) {
        return Some(strings.get(lang, key, None));
    }
    if folder == dashboard::path(lang) {
        return Some(strings.get(lang, "impact", None));
    }
    let key = rest.strip_suffix('/')?;
    config
        .taxonomy_pages()
        .into_iter()
        .find(|t| t.key() == key)
        .map(|t| theme::taxonomy_name(config, strings, &t, NameForm::All, lang))
}
