//! The Decap CMS configuration (`admin/config.yml`), built from the site: its languages,
//! its `admin:` block, and one collection per kind of content with the fields of
//! [`super::fields`]. Nothing of it is written by hand, so the editor never drifts from the
//! model.

use serde_yaml::Value;

use crate::config::{AdminBackend, Config};
use crate::content::Site;

use super::fields::{Fields, map, set, text};
use super::labels::label;
use super::{Mode, STATIC_MEDIA};

/// The interface languages the editor has strings for.
pub(crate) const UI_LANGUAGES: [&str; 3] = ["kk", "ru", "en"];

/// The interface language of `config.yml`: `admin.locale`, else the site's default language
/// when the editor speaks it, else English.
pub(crate) fn default_ui_language(config: &Config) -> &str {
    if let Some(locale) = config.raw.admin.as_ref().and_then(|a| a.locale.as_deref()) {
        return locale;
    }
    let default = config.default_language.as_str();
    if UI_LANGUAGES.contains(&default) {
        default
    } else {
        "en"
    }
}

/// The whole configuration in interface language `lang`, as YAML text.
pub(crate) fn config_yaml(site: &Site, mode: &Mode, lang: &str) -> String {
    let config = decap_config(site, mode, lang);
    let yaml = serde_yaml::to_string(&config).unwrap_or_default();
    format!(
        "# Written by egiz from site.yaml and the content model; edit those, not this file.\n{yaml}"
    )
}

fn decap_config(site: &Site, mode: &Mode, lang: &str) -> Value {
    let config = &site.config;
    let mut root = map([
        ("backend", backend(config, mode)),
        ("locale", text(lang)),
        ("site_url", text(&config.base.permalink(""))),
        ("display_url", text(&config.base.permalink(""))),
        ("media_folder", text(STATIC_MEDIA)),
        ("public_folder", text(&config.base.link("media"))),
        (
            "slug",
            map([
                ("encoding", text("unicode")),
                // Decap's accent folding turns Cyrillic л into n; our preSave hook gives the slug.
                ("clean_accents", Value::Bool(false)),
                ("sanitize_replacement", text("-")),
            ]),
        ),
        (
            "i18n",
            map([
                ("structure", text("multiple_files")),
                (
                    "locales",
                    Value::Sequence(config.language_codes().into_iter().map(text).collect()),
                ),
                ("default_locale", text(&config.default_language)),
            ]),
        ),
        ("collections", Value::Sequence(collections(site, lang))),
    ]);
    if let Mode::Local { api_url, host } = mode
        && config.raw.admin.is_some()
    {
        set(
            &mut root,
            "local_backend",
            map([
                ("url", text(api_url)),
                ("allowed_hosts", Value::Sequence(vec![text(host)])),
            ]),
        );
    }
    root
}

/// Where saves go: the `admin:` block's git host, or (serving without one) straight to the
/// local backend, so the editor works before any host is chosen.
fn backend(config: &Config, mode: &Mode) -> Value {
    match (&config.raw.admin, mode) {
        (Some(admin), _) => {
            let mut backend = map([
                ("name", text(admin.backend.key())),
                ("branch", text(&admin.branch)),
            ]);
            if let Some(repo) = &admin.repo {
                set(&mut backend, "repo", text(repo));
            }
            if let Some(base_url) = &admin.base_url {
                set(&mut backend, "base_url", text(base_url));
            }
            if let Some(app_id) = &admin.app_id {
                set(&mut backend, "app_id", text(app_id));
                if admin.backend == AdminBackend::Gitlab {
                    set(&mut backend, "auth_type", text("implicit"));
                }
            }
            backend
        }
        (None, Mode::Local { api_url, .. }) => map([
            ("name", text("proxy")),
            ("proxy_url", text(api_url)),
            ("branch", text("main")),
        ]),
        (None, Mode::Published) => map([("name", text("git-gateway"))]),
    }
}

fn collections(site: &Site, lang: &str) -> Vec<Value> {
    let fields = Fields {
        config: &site.config,
        lang,
    };
    vec![
        folder_collection("stories", "content/projects", fields.story(), lang),
        folder_collection("booklets", "content/booklets", fields.booklet(site), lang),
        pages_collection(fields.page(), lang),
        home_collection(site, &fields, lang),
    ]
}

/// Stories and booklets: single files (`NAME.kk.md`) and page bundles (`NAME/index.kk.md`),
/// new ones made as bundles so their pictures sit beside them.
fn folder_collection(name: &str, folder: &str, fields: Vec<Value>, lang: &str) -> Value {
    map([
        ("name", text(name)),
        ("label", text(&label(&format!("collection.{name}"), lang))),
        (
            "label_singular",
            text(&label(&format!("singular.{name}"), lang)),
        ),
        (
            "description",
            text(super::labels::hint(&format!("collection.{name}"), lang).unwrap_or("")),
        ),
        ("folder", text(folder)),
        ("path", text("{{slug}}/index")),
        ("slug", text("{{fields.slug}}")),
        // The entry's own folder: a bundle's pictures are its media.
        ("media_folder", text("")),
        ("public_folder", text("")),
        ("create", Value::Bool(true)),
        ("extension", text("md")),
        ("format", text("frontmatter")),
        ("i18n", Value::Bool(true)),
        ("summary", text("{{title}}")),
        (
            "sortable_fields",
            Value::Sequence(vec![text("date"), text("title")]),
        ),
        ("fields", Value::Sequence(fields)),
    ])
}

/// Plain pages: `content/NAME.kk.md`, one level deep.
fn pages_collection(fields: Vec<Value>, lang: &str) -> Value {
    map([
        ("name", text("pages")),
        ("label", text(&label("collection.pages", lang))),
        ("label_singular", text(&label("singular.pages", lang))),
        (
            "description",
            text(super::labels::hint("collection.pages", lang).unwrap_or("")),
        ),
        ("folder", text("content")),
        ("slug", text("{{fields.slug}}")),
        ("media_folder", text(&format!("/{STATIC_MEDIA}"))),
        ("create", Value::Bool(true)),
        ("extension", text("md")),
        ("format", text("frontmatter")),
        ("i18n", Value::Bool(true)),
        ("summary", text("{{title}}")),
        ("fields", Value::Sequence(fields)),
    ])
}

/// The home text and the stories section's text, one file per language: Decap allows
/// `multiple_files` translations only in folder collections, so each language's file is an
/// item of its own here.
fn home_collection(site: &Site, fields: &Fields, lang: &str) -> Value {
    let mut files = Vec::new();
    for (key, folder) in [
        ("home.site", "content"),
        ("home.projects", "content/projects"),
    ] {
        for language in site.config.languages() {
            let name = format!("{}-{}", key.trim_start_matches("home."), language.code);
            files.push(map([
                ("name", text(&name)),
                (
                    "label",
                    text(&format!("{} — {}", label(key, lang), language.name)),
                ),
                (
                    "file",
                    text(&format!("{folder}/_index.{}.md", language.code)),
                ),
                ("fields", Value::Sequence(fields.home())),
            ]));
        }
    }
    map([
        ("name", text("home")),
        ("label", text(&label("collection.home", lang))),
        (
            "description",
            text(super::labels::hint("collection.home", lang).unwrap_or("")),
        ),
        ("editor", map([("preview", Value::Bool(true))])),
        ("files", Value::Sequence(files)),
    ])
}
