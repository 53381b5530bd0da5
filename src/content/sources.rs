//! Finding the content files under `content/` and classifying each by where it is and what it
//! is called: its kind (story, page, booklet, home text), its name and its language.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};

use super::model::{Asset, Kind};

/// The folder of the content files inside a site.
pub(crate) const CONTENT_DIR: &str = "content";
pub(super) const PROJECTS: &str = "projects";
pub(super) const BOOKLETS: &str = "booklets";

/// A content file, classified by where it is and what it is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Source {
    pub(super) abs: PathBuf,
    /// Relative to the site folder, as shown in messages.
    pub(super) shown: PathBuf,
    pub(super) kind: Kind,
    /// Shared by all translations: `balkhash-appeals`, `team/alice`, or "" for the home text.
    pub(super) name: String,
    pub(super) lang: String,
    /// The page bundle's folder, for `NAME/index.LANG.md`.
    pub(super) bundle: Option<PathBuf>,
}

pub(super) struct Found {
    pub(super) sources: Vec<Source>,
    /// Every non-Markdown file inside each bundle folder, relative to the folder.
    pub(super) bundle_assets: HashMap<PathBuf, Vec<Asset>>,
}

pub(super) fn find_sources(site_dir: &Path, config: &Config, problems: &mut Diagnostics) -> Found {
    let content = site_dir.join(CONTENT_DIR);
    let mut found = Found {
        sources: Vec::new(),
        bundle_assets: HashMap::new(),
    };
    if !content.is_dir() {
        problems.push(
            Diagnostic::warning("the site has no content/ folder, so it has no pages")
                .with_hint("create content/_index.kk.md and content/projects/NAME.kk.md, or run `egiz new story NAME`"),
        );
        return found;
    }
    let walked = crate::paths::files_under(&content, site_dir, is_hidden);
    walked.report("the site folder", site_dir, problems);
    let files = walked.files;

    let bundles: Vec<PathBuf> = files
        .iter()
        .filter(|f| is_markdown(f) && file_stem_without_lang(f, config) == "index")
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .collect();

    for file in files {
        let shown = relative_to(&file, site_dir);
        if is_markdown(&file) {
            match classify(&file, &content, &bundles, config) {
                Ok(source) => found.sources.push(Source { shown, ..source }),
                Err(d) => problems.push(d.in_file(&shown)),
            }
        } else if let Some(bundle) = bundles
            .iter()
            .filter(|b| file.starts_with(b))
            .max_by_key(|b| b.as_os_str().len())
        {
            let dest = relative_to(&file, bundle)
                .to_string_lossy()
                .replace('\\', "/");
            found
                .bundle_assets
                .entry(bundle.clone())
                .or_default()
                .push(Asset { source: file, dest });
        }
    }
    found
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.ends_with('~') || name.starts_with('#')
}

fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "md")
}

fn relative_to(path: &Path, base: &Path) -> PathBuf {
    path.strip_prefix(base)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// `about.kk.md` → ("about", Some("kk")); `about.md` → ("about", None); `about.kz.md` → ("about", Some("kz")).
fn split_name(path: &Path) -> (String, Option<String>) {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    match stem.rsplit_once('.') {
        Some((name, lang)) => (name.to_string(), Some(lang.to_string())),
        None => (stem, None),
    }
}

fn file_stem_without_lang(path: &Path, config: &Config) -> String {
    let (name, lang) = split_name(path);
    match lang {
        Some(lang) if config.has_language(&lang) => name,
        Some(lang) => format!("{name}.{lang}"),
        None => name,
    }
}

fn classify(
    file: &Path,
    content: &Path,
    bundles: &[PathBuf],
    config: &Config,
) -> Result<Source, Diagnostic> {
    let (stem, suffix) = split_name(file);
    let lang = match suffix {
        Some(code) if config.has_language(&code) => code,
        Some(code) => {
            let known = config.language_codes();
            let hint = match did_you_mean(&code, known.iter().copied()) {
                Some(best) => {
                    format!("did you mean \"{best}\"? The file name should end in .{best}.md")
                }
                None => format!(
                    "the configured languages are {}; name the file NAME.LANG.md, e.g. {stem}.{}.md",
                    known.join(", "),
                    config.default_language
                ),
            };
            return Err(
                Diagnostic::error(format!("unknown language suffix \"{code}\""))
                    .at(1, 1)
                    .with_hint(hint),
            );
        }
        None => config.default_language.clone(),
    };
    let dirs: Vec<String> = relative_to(file.parent().unwrap_or(content), content)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    let section = dirs.first().map(String::as_str);
    let source = |kind, name: String, bundle: Option<PathBuf>| {
        Ok(Source {
            abs: file.to_path_buf(),
            shown: PathBuf::new(),
            kind,
            name,
            lang: lang.clone(),
            bundle,
        })
    };

    if stem == "_index" {
        return match dirs.as_slice() {
            [] => source(Kind::Home, String::new(), None),
            [s] if s == PROJECTS => source(Kind::ProjectsIndex, String::new(), None),
            _ => Err(Diagnostic::error("`_index` files are only used for the home page and the project list")
                .with_hint("move it to content/_index.LANG.md or content/projects/_index.LANG.md, or give it another name")),
        };
    }
    let parent = file.parent().map(Path::to_path_buf);
    let in_bundle = parent.as_ref().is_some_and(|p| bundles.contains(p));
    if in_bundle && stem != "index" {
        return Err(Diagnostic::error(
            "a page bundle holds one story or page: this folder already has an index file",
        )
        .with_hint("move this file out of the bundle folder, or rename it to index.LANG.md"));
    }
    match section {
        Some(s) if s == PROJECTS || s == BOOKLETS => {
            let kind = if s == PROJECTS {
                Kind::Story
            } else {
                Kind::Booklet
            };
            if stem == "index" {
                match dirs.last() {
                    Some(name) if dirs.len() >= 2 => source(kind, name.clone(), parent),
                    _ => Err(Diagnostic::error(format!(
                        "content/{s}/index files have no name to make an address from"
                    ))
                    .with_hint(format!(
                        "put a story in content/{s}/NAME.LANG.md or content/{s}/NAME/index.LANG.md"
                    ))),
                }
            } else {
                source(kind, stem, None)
            }
        }
        _ if stem == "index" => {
            if dirs.is_empty() {
                Err(Diagnostic::error("content/index files are not used")
                    .with_hint("the home page text goes in content/_index.LANG.md"))
            } else {
                source(Kind::Page, dirs.join("/"), parent)
            }
        }
        _ => {
            let mut parts = dirs;
            parts.push(stem);
            source(Kind::Page, parts.join("/"), None)
        }
    }
}
