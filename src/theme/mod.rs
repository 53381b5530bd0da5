//! Themes: the layers a site's look is made of (the site's theme → the theme it extends → the
//! built-in default), merged into one set of templates, static files, UI strings and settings.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::config::{Config, NameForm};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::StringTable;
use crate::taxonomy::Taxonomy;
use crate::yaml;

pub(crate) mod cards;
pub(crate) mod print;
pub(crate) mod print_color;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));
}

/// The name of the built-in theme.
pub(crate) const DEFAULT_THEME: &str = "default";

/// What `taxonomy` is called in `lang`: the site's `taxonomy_names`, else the theme's string
/// (`taxonomy_district`), so both renderers name a taxonomy alike.
pub(crate) fn taxonomy_name(
    config: &Config,
    strings: &StringTable,
    taxonomy: &Taxonomy,
    form: NameForm,
    lang: &str,
) -> String {
    match config.taxonomy_name(taxonomy, form, lang) {
        Some(name) => name.to_string(),
        None => {
            let key = form.theme_key(taxonomy);
            let name = strings.get(lang, &key, None);
            // A site's own taxonomy the theme has no words for is shown by its key.
            if name == key {
                taxonomy.key().to_string()
            } else {
                name
            }
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ThemeFile {
    /// Accepted so that theme.yaml can say what a theme is; egiz shows neither yet.
    #[allow(dead_code)]
    pub name: Option<String>,
    #[allow(dead_code)]
    pub description: Option<String>,
    pub extends: Option<String>,
    /// Print settings, read by the print engine.
    pub print: Option<serde_yaml::Value>,
    /// The share cards' design (see `cards`).
    pub cards: Option<cards::CardDesign>,
}

/// Where a theme file comes from: the binary or a file of the site.
#[derive(Debug, Clone)]
pub enum Origin {
    Embedded(&'static [u8]),
    File(PathBuf),
}

impl Origin {
    pub fn read(&self) -> std::io::Result<std::borrow::Cow<'static, [u8]>> {
        match self {
            Origin::Embedded(bytes) => Ok(std::borrow::Cow::Borrowed(bytes)),
            Origin::File(path) => std::fs::read(path).map(std::borrow::Cow::Owned),
        }
    }

    /// How the file is named in messages.
    pub fn shown(&self, relative: &str) -> PathBuf {
        match self {
            Origin::Embedded(_) => PathBuf::from(format!("(built-in default theme)/{relative}")),
            Origin::File(path) => path.clone(),
        }
    }
}

/// All layers of a theme merged: later layers override earlier ones file by file.
pub struct Theme {
    /// Template name (`story.html`, `partials/card.html`) → its text and origin.
    pub templates: BTreeMap<String, (String, PathBuf)>,
    /// Static file path (`css/egiz.css`) → where to read it.
    pub static_files: BTreeMap<String, Origin>,
    /// The UI strings of every layer, the nearest first.
    pub strings: StringTable,
    /// The print settings of the nearest layer that has them.
    pub print: Option<(serde_yaml::Value, PathBuf)>,
    /// The share cards' design of the nearest layer that has one.
    pub(crate) cards: cards::CardDesign,
}

/// One layer's files, relative to the theme folder.
struct Layer {
    files: Vec<(String, Origin)>,
    settings: ThemeFile,
    dir: PathBuf,
}

impl Theme {
    /// The site's theme with the layers it extends, ending with the built-in default.
    pub fn load(site_dir: &Path, config: &Config) -> Result<(Theme, Diagnostics), Diagnostics> {
        let mut problems = Diagnostics::new();
        let layers = chain(site_dir, &config.raw.theme, &mut problems);
        let mut theme = Theme {
            templates: BTreeMap::new(),
            static_files: BTreeMap::new(),
            strings: StringTable::new(&config.default_language),
            print: None,
            cards: cards::CardDesign::default(),
        };
        for layer in layers {
            for (relative, origin) in layer.files {
                theme.add_file(&relative, origin, &config.language_codes(), &mut problems);
            }
            if let Some(print) = layer.settings.print {
                theme.print = Some((print, layer.dir.join("theme.yaml")));
            }
            if let Some(design) = layer.settings.cards {
                theme.cards = design;
            }
        }
        for lang in config.language_codes() {
            for key in theme.strings.missing(lang) {
                problems.push(Diagnostic::warning(format!(
                    "the UI string \"{key}\" has no {lang} translation in the theme; the {} text is used",
                    config.default_language
                ))
                .with_hint(format!("add `{key}: ...` to themes/{}/i18n/{lang}.yaml", config.raw.theme)));
            }
        }
        if problems.has_errors() {
            return Err(problems);
        }
        Ok((theme, problems))
    }

    fn add_file(
        &mut self,
        relative: &str,
        origin: Origin,
        languages: &[&str],
        problems: &mut Diagnostics,
    ) {
        let shown = origin.shown(relative);
        let read = || match origin.read() {
            Ok(bytes) => String::from_utf8(bytes.into_owned())
                .map_err(|_| Diagnostic::error("the file is not UTF-8 text").in_file(&shown)),
            Err(err) => {
                Err(Diagnostic::error(format!("cannot read the theme file: {err}")).in_file(&shown))
            }
        };
        if let Some(name) = relative.strip_prefix("templates/") {
            match read() {
                Ok(text) => {
                    self.templates
                        .insert(name.to_string(), (text, shown.clone()));
                }
                Err(d) => problems.push(d),
            }
        } else if let Some(file) = relative.strip_prefix("static/") {
            self.static_files.insert(file.to_string(), origin.clone());
        } else if let Some(file) = relative.strip_prefix("i18n/") {
            let Some(lang) = file.strip_suffix(".yaml") else {
                return;
            };
            if !languages.contains(&lang) {
                return;
            }
            match read() {
                Ok(text) => problems.extend(self.strings.merge_yaml(lang, &text, &shown)),
                Err(d) => problems.push(d),
            }
        }
    }
}

/// The layers from the built-in default up to the site's theme, in merge order.
fn chain(site_dir: &Path, name: &str, problems: &mut Diagnostics) -> Vec<Layer> {
    let mut layers = Vec::new();
    let mut current = Some(name.to_string());
    let mut seen = Vec::new();
    while let Some(theme) = current.take() {
        if seen.contains(&theme) {
            problems.push(
                Diagnostic::error(format!(
                    "the themes extend each other in a circle: {} → {theme}",
                    seen.join(" → ")
                ))
                .with_hint("remove `extends:` from one of them"),
            );
            break;
        }
        seen.push(theme.clone());
        let dir = site_dir.join("themes").join(&theme);
        if dir.is_dir() {
            let layer = read_layer(&dir, problems);
            current = match &layer.settings.extends {
                Some(parent) => Some(parent.clone()),
                None if theme != DEFAULT_THEME => Some(DEFAULT_THEME.to_string()),
                None => None,
            };
            layers.push(layer);
        } else if theme != DEFAULT_THEME {
            problems.push(
                Diagnostic::error(format!("the theme \"{theme}\" does not exist"))
                    .in_file("site.yaml")
                    .with_hint(format!("create the folder themes/{theme}/ with a theme.yaml, or use `theme: default`")),
            );
        }
    }
    layers.push(embedded_layer(problems));
    layers.reverse();
    layers
}

fn embedded_layer(problems: &mut Diagnostics) -> Layer {
    let files: Vec<(String, Origin)> = embedded::FILES
        .iter()
        .map(|(path, bytes)| (path.to_string(), Origin::Embedded(bytes)))
        .collect();
    let settings = files
        .iter()
        .find(|(path, _)| path == "theme.yaml")
        .map(|(path, origin)| {
            parse_settings(
                &String::from_utf8_lossy(&origin.read().unwrap_or_default()),
                &origin.shown(path),
                problems,
            )
        })
        .unwrap_or_default();
    Layer {
        files,
        settings,
        dir: PathBuf::from("(built-in default theme)"),
    }
}

fn parse_settings(text: &str, file: &Path, problems: &mut Diagnostics) -> ThemeFile {
    let mut settings = yaml::parse::<ThemeFile>(text, file, 1).unwrap_or_else(|d| {
        problems.push(d);
        ThemeFile::default()
    });
    // A card design that cannot be drawn is refused here, where its lines are known.
    if let Some(Err(message)) = settings.cards.as_ref().map(cards::CardDesign::check) {
        let (line, column) = yaml::position_of(text, "cards", Some("margin")).unwrap_or((1, 1));
        problems.push(
            Diagnostic::error(message)
                .in_file(file)
                .at(line, column)
                .with_hint("see \"Share cards\" in docs/THEMES.md"),
        );
        settings.cards = None;
    }
    settings
}

fn read_layer(dir: &Path, problems: &mut Diagnostics) -> Layer {
    let settings_file = dir.join("theme.yaml");
    let settings = match std::fs::read_to_string(&settings_file) {
        Ok(text) => parse_settings(&text, &settings_file, problems),
        Err(_) => ThemeFile::default(),
    };
    let found = crate::paths::files_under(dir, dir, |name| name.to_string_lossy().starts_with('.'));
    found.report("the theme folder", Path::new(""), problems);
    let files = found
        .files
        .into_iter()
        .filter_map(|path| {
            let relative = path
                .strip_prefix(dir)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            Some((relative, Origin::File(path)))
        })
        .collect();
    Layer {
        files,
        settings,
        dir: dir.to_path_buf(),
    }
}

/// Whether a template's text names another template in quotes (extends, include, import):
/// how the dev server and incremental builds know which templates a template uses.
pub(crate) fn mentions(text: &str, template: &str) -> bool {
    text.contains(&format!("\"{template}\"")) || text.contains(&format!("'{template}'"))
}

#[cfg(test)]
mod tests {
    use super::mentions;

    #[test]
    fn template_mentions_are_quoted_names() {
        assert!(mentions("{% extends \"base.html\" %}", "base.html"));
        assert!(mentions(
            "{% include 'partials/card.html' %}",
            "partials/card.html"
        ));
        assert!(!mentions("{% extends \"mybase.html\" %}", "base.html"));
    }
}
