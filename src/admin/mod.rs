//! The web editor: Decap CMS set up from the site's own content model, written to
//! `output/admin/` (by `egiz build` when site.yaml has an `admin:` block, and always by
//! `egiz serve`, whose local backend it then saves to).
//!
//! - [`config`] builds `config.yml` (collections, fields, translations) from the site;
//! - [`fields`] and [`labels`] give each front matter field its widget, translation mode and
//!   words in Kazakh, Russian and English;
//! - [`assets`] holds the embedded Decap files and the page that starts them;
//! - [`backend`] answers Decap's local backend protocol for `egiz serve`, and [`merge`] keeps
//!   a saved file's own formatting where the editor changed nothing.

pub(crate) mod assets;
pub(crate) mod backend;
pub(crate) mod config;
pub(crate) mod fields;
pub(crate) mod labels;
pub(crate) mod merge;

use std::collections::BTreeMap;

use crate::content::{Entry, Site};
use crate::diagnostics::Diagnostic;
use crate::output::Sink;
use crate::theme::Theme;

/// The folder of the editor inside the output.
pub(crate) const ADMIN_DIR: &str = "admin";

/// Where uploads outside a story's own folder go, relative to the site: `static/media/`
/// is published as `media/`.
pub(crate) const STATIC_MEDIA: &str = "static/media";

/// Which backend the written editor saves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The published site: the git host of the `admin:` block.
    Published,
    /// `egiz serve`: its local backend at `api_url` (`http://127.0.0.1:1111/api/v1`), reachable
    /// from pages on `host`.
    Local { api_url: String, host: String },
}

/// Write the editor's files into `admin/` of `sink`.
pub(crate) fn write(
    site: &Site,
    theme: &Theme,
    sink: &dyn Sink,
    mode: &Mode,
) -> Result<(), Diagnostic> {
    let config = &site.config;
    let default_lang = config::default_ui_language(config);
    let put = |name: &str, bytes: &[u8]| sink.write(&format!("{ADMIN_DIR}/{name}"), bytes);
    for (name, bytes) in assets::vendored() {
        put(name, bytes)?;
    }
    put(
        "index.html",
        assets::index_html(config.title(&config.default_language), default_lang).as_bytes(),
    )?;
    let styles: Vec<String> = theme
        .static_files
        .keys()
        .filter(|path| path.ends_with(".css"))
        .map(|path| format!("../{path}"))
        .collect();
    put(
        "egiz-admin.js",
        assets::admin_js(default_lang, &config::UI_LANGUAGES, &styles).as_bytes(),
    )?;
    put(
        "config.yml",
        config::config_yaml(site, mode, default_lang).as_bytes(),
    )?;
    for lang in config::UI_LANGUAGES {
        put(
            &format!("config.{lang}.yml"),
            config::config_yaml(site, mode, lang).as_bytes(),
        )?;
    }
    put("titles.json", titles(site).as_bytes())
}

/// Every entry's title in each language it is written in, by collection and entry name, for
/// the entry list (`{"stories": {"balkhash-appeals": {"kk": ..., "ru": ...}}}`).
fn titles(site: &Site) -> String {
    let of = |entries: &[Entry]| -> BTreeMap<String, BTreeMap<String, String>> {
        entries
            .iter()
            .map(|entry| {
                let titles = entry
                    .pages
                    .iter()
                    .filter(|p| p.borrowed_from.is_none())
                    .map(|p| (p.lang.clone(), p.title.clone()))
                    .collect();
                (entry.name.clone(), titles)
            })
            .collect()
    };
    let mut all = serde_json::Map::new();
    all.insert(
        "_default".into(),
        site.config.default_language.clone().into(),
    );
    for (name, entries) in [
        ("stories", &site.stories),
        ("booklets", &site.booklets),
        ("pages", &site.pages),
    ] {
        all.insert(
            name.into(),
            serde_json::to_value(of(entries)).unwrap_or_default(),
        );
    }
    serde_json::Value::Object(all).to_string()
}
