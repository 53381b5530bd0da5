//! Reading `content/`: finding every content file, parsing its front matter and Markdown,
//! pairing translations, inheriting neutral facts, resolving addresses and checking it all.
//! Every problem is collected; a site with any error is not returned.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::config::{self, Config};
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean, suggest};
use crate::markdown::{self, ReferenceKind, Rendered};
use crate::taxonomy::Taxonomy;
use crate::yaml;

use super::frontmatter;
use super::model::{Asset, Entry, Kind, Meta, Page, Site};
use super::schema::{BookletMeta, ImageRef, Inherit, PageMeta, StoryMeta};

pub const CONTENT_DIR: &str = "content";
const PROJECTS: &str = "projects";
const BOOKLETS: &str = "booklets";

/// Load and validate the whole site in `site_dir`. On success, the warnings come with the site.
pub fn load(site_dir: &Path, base_url: Option<&str>) -> Result<(Site, Diagnostics), Diagnostics> {
    load_cached(
        site_dir,
        base_url,
        &mut ParseCache::default(),
        Trust::Verify,
    )
}

/// Content files parsed by earlier loads, so that a reload (in the dev server) parses only the
/// files that changed since. A file is parsed again when its size or modification time differ,
/// or when [`ParseCache::forget`] was told it changed.
#[derive(Default)]
pub struct ParseCache {
    files: HashMap<PathBuf, (Stamp, Parsed)>,
    /// The base path the cached Markdown was rendered with (links include it).
    base_path: String,
    /// The content files the last load found, and what finding them reported.
    found: Option<Arc<(Found, Diagnostics)>>,
}

/// How much of the last load [`load_cached`] may take on trust.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trust {
    /// Walk the content folder, and compare each file's time and size with the cache.
    Verify,
    /// The caller watches the content folder: it has told [`ParseCache::forget`] of every file
    /// that changed, and no file appeared or disappeared since the last load. The list of files
    /// and every remembered parse are reused without looking at the disk (the dev server: a
    /// thousand `stat` calls are a good part of a rebuild's time).
    Watched,
}

type Stamp = Option<(std::time::SystemTime, u64)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl ParseCache {
    /// Parse the file at this absolute path again on the next load.
    pub fn forget(&mut self, path: &Path) {
        self.files.remove(path);
    }

    /// How many files are cached.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Whether the last load found the content file at this absolute path.
    pub fn knows(&self, path: &Path) -> bool {
        self.found
            .as_ref()
            .is_some_and(|found| found.0.sources.iter().any(|s| s.abs == path))
    }

    /// The remembered parse of `source`, if it may still be used: on trust, or when the file's
    /// time and size are those it was parsed at.
    fn get(&self, source: &Source, trust: Trust) -> Option<Parsed> {
        let (cached_stamp, parsed) = self.files.get(&source.abs)?;
        let unchanged = match trust {
            Trust::Watched => true,
            Trust::Verify => cached_stamp.is_some() && *cached_stamp == stamp(&source.abs),
        };
        (unchanged && parsed.source == *source).then(|| parsed.clone())
    }
}

/// [`load`], reusing and refreshing `cache`, trusting it as far as `trust` says.
pub fn load_cached(
    site_dir: &Path,
    base_url: Option<&str>,
    cache: &mut ParseCache,
    trust: Trust,
) -> Result<(Site, Diagnostics), Diagnostics> {
    let (config, mut problems) = config::load(site_dir, base_url)?;
    let trust = if cache.base_path == config.base.path {
        trust
    } else {
        cache.files.clear();
        cache.base_path = config.base.path.clone();
        Trust::Verify
    };
    let found = match &cache.found {
        Some(found) if trust == Trust::Watched => found.clone(),
        _ => {
            let mut found_problems = Diagnostics::new();
            let found = find_sources(site_dir, &config, &mut found_problems);
            Arc::new((found, found_problems))
        }
    };
    cache.found = Some(found.clone());
    let (found, found_problems) = &*found;
    problems.extend(found_problems.clone());
    let shared: &ParseCache = cache;
    let parsed: Vec<(Parsed, Option<Stamp>)> = found
        .sources
        .par_iter()
        .map(|source| match shared.get(source, trust) {
            Some(parsed) => (parsed, None),
            // The stamp is taken before reading: a write during the parse is seen next time.
            None => {
                let stamp = stamp(&source.abs);
                (parse_source(source.clone(), &config), Some(stamp))
            }
        })
        .collect();
    let present: std::collections::HashSet<&Path> =
        parsed.iter().map(|(p, _)| p.source.abs.as_path()).collect();
    cache
        .files
        .retain(|path, _| present.contains(path.as_path()));
    for (file, fresh) in &parsed {
        if let Some(stamp) = fresh {
            cache
                .files
                .insert(file.source.abs.clone(), (*stamp, file.clone()));
        }
    }
    let parsed = parsed.into_iter().map(|(p, _)| p);

    let mut groups: BTreeMap<(Kind, String), Vec<Parsed>> = BTreeMap::new();
    for mut file in parsed {
        problems.extend(std::mem::take(&mut file.problems));
        groups
            .entry((file.source.kind, file.source.name.clone()))
            .or_default()
            .push(file);
    }
    let groups: Vec<((Kind, String), Vec<Parsed>)> = groups.into_iter().collect();
    let built: Vec<(Option<Entry>, Diagnostics)> = groups
        .into_par_iter()
        .map(|((kind, name), files)| {
            let mut found_problems = Diagnostics::new();
            let entry = build_entry(
                kind,
                name,
                files,
                &config,
                &found.bundle_assets,
                &mut found_problems,
            );
            (entry, found_problems)
        })
        .collect();
    let mut entries = Vec::with_capacity(built.len());
    for (entry, entry_problems) in built {
        problems.extend(entry_problems);
        entries.extend(entry);
    }
    check_unique_paths(&entries, &config, &mut problems);
    super::reserved::check(&entries, &config, &mut problems);

    if problems.has_errors() {
        return Err(problems);
    }
    let mut site = assemble(site_dir, config, entries);
    let (prints, booklet_problems) = super::booklets::resolve(&site);
    problems.extend(booklet_problems);
    if problems.has_errors() {
        return Err(problems);
    }
    site.prints = prints;
    Ok((site, problems))
}

/// A content file, classified by where it is and what it is called.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Source {
    abs: PathBuf,
    /// Relative to the site folder, as shown in messages.
    shown: PathBuf,
    kind: Kind,
    /// Shared by all translations: `balkhash-appeals`, `team/alice`, or "" for the home text.
    name: String,
    lang: String,
    /// The page bundle's folder, for `NAME/index.LANG.md`.
    bundle: Option<PathBuf>,
}

struct Found {
    sources: Vec<Source>,
    /// Every non-Markdown file inside each bundle folder, relative to the folder.
    bundle_assets: HashMap<PathBuf, Vec<Asset>>,
}

fn find_sources(site_dir: &Path, config: &Config, problems: &mut Diagnostics) -> Found {
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
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e.file_name()))
        .filter_map(|entry| match entry {
            Ok(e) if e.file_type().is_file() => Some(e.into_path()),
            Ok(_) => None,
            Err(err) => {
                problems.push(Diagnostic::error(format!(
                    "cannot read the content folder: {err}"
                )));
                None
            }
        })
        .collect();

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

/// One file read and parsed, before translations are paired.
#[derive(Clone)]
struct Parsed {
    source: Source,
    meta: Option<Meta>,
    yaml: Arc<str>,
    yaml_line: usize,
    body: Arc<str>,
    body_line: usize,
    rendered: Rendered,
    problems: Diagnostics,
}

fn parse_source(source: Source, config: &Config) -> Parsed {
    let mut parsed = Parsed {
        source,
        meta: None,
        yaml: "".into(),
        yaml_line: 1,
        body: "".into(),
        body_line: 1,
        rendered: Rendered::default(),
        problems: Diagnostics::new(),
    };
    let shown = parsed.source.shown.clone();
    let text = match std::fs::read(&parsed.source.abs).map(String::from_utf8) {
        Ok(Ok(text)) => text,
        Ok(Err(_)) => {
            parsed.problems.push(
                Diagnostic::error("the file is not UTF-8 text")
                    .in_file(&shown)
                    .with_hint("save it as UTF-8 (in most editors: Save as… → Encoding: UTF-8)"),
            );
            return parsed;
        }
        Err(err) => {
            parsed
                .problems
                .push(Diagnostic::error(format!("cannot read the file: {err}")).in_file(&shown));
            return parsed;
        }
    };
    let split = match frontmatter::split(&text, &shown) {
        Ok(split) => split,
        Err(d) => {
            parsed.problems.push(d);
            return parsed;
        }
    };
    let meta = match parsed.source.kind {
        Kind::Story => parse_story(split.yaml, &shown, split.yaml_line, config).map(Meta::Story),
        Kind::Booklet => {
            parse_meta::<BookletMeta>(split.yaml, &shown, split.yaml_line).map(Meta::Booklet)
        }
        Kind::Page | Kind::Home | Kind::ProjectsIndex => {
            parse_meta::<PageMeta>(split.yaml, &shown, split.yaml_line).map(Meta::Page)
        }
    };
    match meta {
        Ok(meta) => parsed.meta = Some(meta),
        Err(d) => parsed.problems.push(d),
    }
    parsed.rendered = markdown::render_html(split.body, &config.base.path);
    parsed.yaml = split.yaml.into();
    parsed.yaml_line = split.yaml_line;
    parsed.body = split.body.into();
    parsed.body_line = split.body_line;
    parsed
}

fn parse_meta<T: DeserializeOwned + Default>(
    text: &str,
    file: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    if text.trim().is_empty() {
        return Ok(T::default());
    }
    yaml::parse(text, file, first_line)
}

/// A story's front matter: the typed fields, and the fields of the site's own taxonomies
/// (`donor: usaid` or `donor: [usaid, eu]`), which `StoryMeta` cannot know by name.
fn parse_story(
    text: &str,
    file: &Path,
    first_line: usize,
    config: &Config,
) -> Result<StoryMeta, Diagnostic> {
    if text.trim().is_empty() {
        return Ok(StoryMeta::default());
    }
    let fields: Vec<String> = config
        .custom_taxonomies()
        .map(|t| t.key().to_string())
        .collect();
    let (mut meta, lifted) = yaml::parse_lifting::<StoryMeta>(text, file, first_line, &fields)?;
    for (field, value) in lifted {
        let keys = term_keys(&value).ok_or_else(|| {
            let d = Diagnostic::error(format!("`{field}` must be a term key or a list of them"))
                .in_file(file)
                .with_hint(format!(
                    "write `{field}: KEY` or `{field}: [KEY, KEY]` with keys from site.yaml"
                ));
            match yaml::position_of(text, &field, None) {
                Some((line, column)) => d.at(line + first_line - 1, column),
                None => d,
            }
        })?;
        meta.custom_terms.insert(field, keys);
    }
    Ok(meta)
}

/// `usaid` or `[usaid, eu]` as keys; `None` for any other shape.
fn term_keys(value: &serde_yaml::Value) -> Option<Vec<String>> {
    match value {
        serde_yaml::Value::String(key) => Some(vec![key.clone()]),
        serde_yaml::Value::Sequence(items) => items
            .iter()
            .map(|item| item.as_str().map(str::to_string))
            .collect(),
        _ => None,
    }
}

impl Parsed {
    /// A diagnostic placed at a front matter field (and a text inside its value) of this file.
    fn at_field(&self, key: &str, needle: Option<&str>, d: Diagnostic) -> Diagnostic {
        let d = d.in_file(&self.source.shown);
        match yaml::position_of(&self.yaml, key, needle) {
            Some((line, column)) => d.at(line + self.yaml_line - 1, column),
            None => d.at(1, 1),
        }
    }

    fn dir(&self) -> &Path {
        self.source.abs.parent().unwrap_or(Path::new("."))
    }

    fn shown_dir(&self) -> &Path {
        self.source.shown.parent().unwrap_or(Path::new(""))
    }
}

fn build_entry(
    kind: Kind,
    name: String,
    files: Vec<Parsed>,
    config: &Config,
    bundle_assets: &HashMap<PathBuf, Vec<Asset>>,
    problems: &mut Diagnostics,
) -> Option<Entry> {
    // A default-language file that did not parse has already been reported; its translations
    // would only add follow-on errors (a missing inherited date), so they are checked no further.
    let default_broken = files
        .iter()
        .any(|f| f.source.lang == config.default_language && f.meta.is_none());
    let mut by_lang: BTreeMap<String, Parsed> = BTreeMap::new();
    for file in files {
        if file.meta.is_none() {
            continue;
        }
        if let Some(first) = by_lang.get(&file.source.lang) {
            problems.push(
                Diagnostic::error(format!(
                    "two files are the same {} in \"{}\": {} and {}",
                    kind_word(kind),
                    file.source.lang,
                    first.source.shown.display(),
                    file.source.shown.display()
                ))
                .in_file(&file.source.shown)
                .at(1, 1)
                .with_hint("keep one of them (a bundle folder NAME/index.LANG.md or a single file NAME.LANG.md, not both)"),
            );
            continue;
        }
        by_lang.insert(file.source.lang.clone(), file);
    }
    for file in by_lang.values() {
        check_own_fields(file, config, problems);
    }
    if default_broken {
        return None;
    }
    let base = by_lang
        .get(&config.default_language)
        .and_then(|f| f.meta.clone());

    let mut pages = Vec::new();
    for lang in config.language_codes() {
        let Some(mut file) = by_lang.remove(lang) else {
            continue;
        };
        let Some(mut meta) = file.meta.take() else {
            continue;
        };
        if lang != config.default_language {
            inherit(&mut meta, base.as_ref());
        }
        if let Some(page) = finish_page(kind, &name, file, meta, bundle_assets, problems) {
            pages.push(page);
        }
    }
    (!pages.is_empty()).then_some(Entry { kind, name, pages })
}

fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Story => "story",
        Kind::Page => "page",
        Kind::Home => "home page text",
        Kind::ProjectsIndex => "project list text",
        Kind::Booklet => "booklet",
    }
}

fn inherit(meta: &mut Meta, base: Option<&Meta>) {
    match (meta, base) {
        (Meta::Story(own), Some(Meta::Story(base))) => own.inherit_from(base),
        (Meta::Page(own), Some(Meta::Page(base))) => own.inherit_from(base),
        (Meta::Booklet(own), Some(Meta::Booklet(base))) => own.inherit_from(base),
        _ => {}
    }
}

/// Checks of the fields a file gives itself, so a problem is reported in the file that has it
/// (an inherited value was already checked in the default language's file).
fn check_own_fields(file: &Parsed, config: &Config, problems: &mut Diagnostics) {
    match &file.meta {
        Some(Meta::Story(meta)) => {
            for taxonomy in config.taxonomies() {
                for key in meta.terms(&taxonomy) {
                    check_term(file, config, &taxonomy, key, problems);
                }
            }
            if let Some(period) = &meta.period
                && let (Some(start), Some(end)) = (period.start, period.end)
                && end < start
            {
                problems.push(
                    file.at_field(
                        "period",
                        Some(&end.iso()),
                        Diagnostic::error(format!(
                            "the period ends ({}) before it starts ({})",
                            end.iso(),
                            start.iso()
                        ))
                        .with_hint("swap `start` and `end`, or correct the year"),
                    ),
                );
            }
            check_images(file, "cover", meta.cover.iter(), problems);
            check_images(file, "gallery", meta.gallery.iter().flatten(), problems);
        }
        Some(Meta::Booklet(meta)) => check_images(file, "cover", meta.cover.iter(), problems),
        _ => {}
    }
    for reference in file
        .rendered
        .references
        .iter()
        .filter(|r| r.kind == ReferenceKind::Image)
    {
        if let Err(message) = resolve_local(file.dir(), file.shown_dir(), &reference.target) {
            problems.push(
                Diagnostic::error(message.text)
                    .in_file(&file.source.shown)
                    .at(reference.line + file.body_line - 1, reference.column)
                    .with_hint(message.hint),
            );
        }
    }
    if let Some(meta) = &file.meta {
        problems.extend(super::alt::missing_alt(&super::alt::FileImages {
            file: &file.source.shown,
            meta,
            front_matter: &file.yaml,
            front_matter_line: file.yaml_line,
            references: &file.rendered.references,
            body_line: file.body_line,
        }));
    }
}

fn check_term(
    file: &Parsed,
    config: &Config,
    taxonomy: &Taxonomy,
    key: &str,
    problems: &mut Diagnostics,
) {
    if config.has_term(taxonomy, key) {
        return;
    }
    let known = config.term_keys(taxonomy);
    let otherwise = if known.is_empty() {
        format!(
            "add `taxonomies: {{ {taxonomy}: {{ {key}: {{ kk: ..., ru: ... }} }} }}` to site.yaml"
        )
    } else {
        format!(
            "the {taxonomy} terms in site.yaml are: {}; add \"{key}\" there with its labels if it is new",
            known.join(", ")
        )
    };
    let hint = suggest(key, known.iter().copied(), &otherwise);
    problems.push(
        file.at_field(
            taxonomy.key(),
            Some(key),
            Diagnostic::error(format!("\"{key}\" is not a {taxonomy} term in site.yaml"))
                .with_hint(hint),
        ),
    );
}

fn check_images<'a>(
    file: &Parsed,
    field: &str,
    images: impl Iterator<Item = &'a ImageRef>,
    problems: &mut Diagnostics,
) {
    for image in images {
        if let Err(message) = resolve_local(file.dir(), file.shown_dir(), &image.src) {
            problems.push(file.at_field(
                field,
                Some(&image.src),
                Diagnostic::error(message.text).with_hint(message.hint),
            ));
        }
    }
}

struct Problem {
    text: String,
    hint: String,
}

/// A relative file reference resolved against the page's folder: its source and its place
/// beside the page in the output. `Ok(None)` for addresses that are not local files.
fn resolve_local(dir: &Path, shown_dir: &Path, target: &str) -> Result<Option<Asset>, Problem> {
    let Some(relative) = local_path(target) else {
        return Ok(None);
    };
    if relative.split('/').any(|part| part == "..") || relative.contains('\\') {
        return Err(Problem {
            text: format!("the image \"{target}\" is outside the page's folder"),
            hint: "put the image in the same folder as the text (a page bundle: NAME/index.LANG.md + images), or in static/ and write its address as /images/NAME.jpg".into(),
        });
    }
    let source = dir.join(&relative);
    if !source.is_file() {
        let hint = match std::fs::read_dir(dir) {
            Ok(entries) => {
                let names: Vec<String> = entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().to_string())
                    .collect();
                suggest(
                    &relative,
                    names.iter().map(String::as_str),
                    &format!("put the file at {}", shown_dir.join(&relative).display()),
                )
            }
            Err(_) => format!("put the file at {}", shown_dir.join(&relative).display()),
        };
        return Err(Problem {
            text: format!("the image \"{target}\" does not exist"),
            hint,
        });
    }
    Ok(Some(Asset {
        source,
        dest: relative.trim_start_matches("./").to_string(),
    }))
}

/// The file path part of a relative address, percent-decoded; None for web addresses,
/// site-absolute paths, anchors and data URLs.
pub(crate) fn local_path(target: &str) -> Option<String> {
    let target = target.split(['#', '?']).next().unwrap_or("");
    if target.is_empty() || target.starts_with('/') || target.contains(':') {
        return None;
    }
    Some(percent_decode(target))
}

pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).to_string()
}

fn finish_page(
    kind: Kind,
    name: &str,
    file: Parsed,
    meta: Meta,
    bundle_assets: &HashMap<PathBuf, Vec<Asset>>,
    problems: &mut Diagnostics,
) -> Option<Page> {
    let shown = file.source.shown.clone();
    let title = match &meta {
        Meta::Story(m) => m.title.clone(),
        Meta::Page(m) => m.title.clone(),
        Meta::Booklet(m) => m.title.clone(),
    }
    .map(|t| t.trim().to_string())
    .filter(|t| !t.is_empty());
    let Some(title) = title else {
        problems.push(Diagnostic::error(format!("the {} has no title", kind_word(kind)))
            .in_file(&shown)
            .at(1, 1)
            .with_hint("add a line `title: ...` to the front matter (every language file needs its own title)"));
        return None;
    };
    if let Meta::Story(m) = &meta
        && m.date.is_none()
    {
        problems.push(Diagnostic::error("the story has no date").in_file(&shown).at(1, 1)
            .with_hint("add a line `date: 2023-12-06` (year-month-day) to the front matter of the default language's file"));
        return None;
    }

    let slug = match &meta {
        Meta::Story(m) => m.slug.as_deref(),
        Meta::Page(m) => m.slug.as_deref(),
        Meta::Booklet(m) => m.slug.as_deref(),
    };
    let path = match page_path(kind, name, slug, &file.source.lang) {
        Ok(path) => path,
        Err(d) => {
            problems.push(file.at_field("slug", None, d));
            return None;
        }
    };

    let mut assets = file
        .source
        .bundle
        .as_ref()
        .and_then(|b| bundle_assets.get(b))
        .cloned()
        .unwrap_or_default();
    let references = file
        .rendered
        .references
        .iter()
        .filter(|r| r.kind == ReferenceKind::Image)
        .map(|r| r.target.as_str());
    let (cover, gallery) = match &meta {
        Meta::Story(m) => (m.cover.as_ref(), m.gallery.as_deref().unwrap_or_default()),
        Meta::Booklet(m) => (m.cover.as_ref(), &[][..]),
        Meta::Page(_) => (None, &[][..]),
    };
    let images = cover.into_iter().chain(gallery).map(|i| i.src.as_str());
    for target in references.chain(images) {
        if let Ok(Some(asset)) = resolve_local(file.dir(), file.shown_dir(), target)
            && !assets.iter().any(|a| a.dest == asset.dest)
        {
            assets.push(asset);
        }
    }

    Some(Page {
        lang: file.source.lang,
        source: shown,
        title,
        meta,
        body: file.body,
        body_line: file.body_line,
        html: file.rendered.html,
        toc: file.rendered.toc,
        path,
        assets,
        borrowed_from: None,
    })
}

/// The page's folder in the output. Every segment is a transliterated slug, so no name or
/// `slug:` in the content can reach outside the output folder.
fn page_path(kind: Kind, name: &str, slug: Option<&str>, lang: &str) -> Result<String, Diagnostic> {
    let mut segments: Vec<String> = name.split('/').map(crate::i18n::slugify).collect();
    if let Some(slug) = slug {
        let last = crate::i18n::slugify(slug);
        if last.is_empty() {
            return Err(Diagnostic::error(format!(
                "the slug \"{slug}\" has no letters or digits to make an address from"
            ))
            .with_hint("write the slug with letters, e.g. `slug: balkhash-appeals`"));
        }
        if let Some(l) = segments.last_mut() {
            *l = last;
        }
    }
    if kind != Kind::Home && kind != Kind::ProjectsIndex && segments.iter().any(String::is_empty) {
        return Err(Diagnostic::error(format!("cannot make an address from the name \"{name}\""))
            .with_hint("rename the file with letters or digits, e.g. my-story.kk.md, or set `slug: my-story`"));
    }
    let joined = segments.join("/");
    Ok(match kind {
        Kind::Home => format!("{lang}/"),
        Kind::ProjectsIndex => format!("{lang}/{PROJECTS}/"),
        Kind::Story => format!("{lang}/{PROJECTS}/{joined}/"),
        Kind::Booklet => format!("{lang}/{BOOKLETS}/{joined}/"),
        Kind::Page => format!("{lang}/{joined}/"),
    })
}

/// Two files must never write the same address (the later would silently replace the other).
fn check_unique_paths(entries: &[Entry], config: &Config, problems: &mut Diagnostics) {
    let mut claimed: HashMap<String, String> = HashMap::new();
    for lang in config.language_codes() {
        claimed.insert(format!("{lang}/{PROJECTS}/"), "the project list".into());
        claimed.insert(format!("{lang}/{BOOKLETS}/"), "the booklet list".into());
    }
    for entry in entries.iter().filter(|e| e.kind != Kind::ProjectsIndex) {
        for page in &entry.pages {
            let owner = page.source.display().to_string();
            if let Some(first) = claimed.insert(page.path.clone(), owner.clone()) {
                problems.push(
                    Diagnostic::error(format!(
                        "the address /{} is claimed twice: by {first} and by {owner}",
                        page.path
                    ))
                    .in_file(&page.source)
                    .at(1, 1)
                    .with_hint("rename one of the files, or give one a different `slug:`"),
                );
            }
        }
    }
}

fn assemble(site_dir: &Path, config: Config, entries: Vec<Entry>) -> Site {
    let mut site = Site {
        root: site_dir.to_path_buf(),
        config,
        stories: Vec::new(),
        pages: Vec::new(),
        booklets: Vec::new(),
        prints: Vec::new(),
        home: None,
        projects_index: None,
    };
    for entry in entries {
        match entry.kind {
            Kind::Story => site.stories.push(entry),
            Kind::Page => site.pages.push(entry),
            Kind::Booklet => site.booklets.push(entry),
            Kind::Home => site.home = Some(entry),
            Kind::ProjectsIndex => site.projects_index = Some(entry),
        }
    }
    let newest_first = |a: &Entry, b: &Entry| {
        let date = |e: &Entry| e.pages.first().and_then(Page::date);
        date(b).cmp(&date(a)).then_with(|| a.name.cmp(&b.name))
    };
    site.stories.sort_by(newest_first);
    site.booklets.sort_by(newest_first);
    let default_language = site.config.default_language.clone();
    site.pages.sort_by_key(|e| {
        let page = e.page(&default_language).or(e.pages.first());
        let weight = page
            .and_then(|p| p.page_meta())
            .and_then(|m| m.weight)
            .unwrap_or(i64::MAX);
        (weight, page.map(|p| p.title.clone()).unwrap_or_default())
    });
    site
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_paths_skip_web_addresses_and_decode_spaces() {
        assert_eq!(local_path("cover.jpg"), Some("cover.jpg".into()));
        assert_eq!(local_path("my%20photo.jpg#x"), Some("my photo.jpg".into()));
        assert_eq!(local_path("https://x.org/a.jpg"), None);
        assert_eq!(local_path("/images/a.jpg"), None);
        assert_eq!(local_path("data:image/png;base64,AAA"), None);
    }

    #[test]
    fn paths_are_slugs_under_the_language() {
        assert_eq!(
            page_path(Kind::Story, "kids-sport", None, "kk").ok(),
            Some("kk/projects/kids-sport/".into())
        );
        assert_eq!(
            page_path(Kind::Page, "Біз туралы", None, "kk").ok(),
            Some("kk/biz-turaly/".into())
        );
        assert_eq!(
            page_path(Kind::Story, "x", Some("../../etc"), "ru").ok(),
            Some("ru/projects/etc/".into())
        );
        assert!(page_path(Kind::Story, "x", Some("../.."), "ru").is_err());
        assert_eq!(
            page_path(Kind::Home, "", None, "ru").ok(),
            Some("ru/".into())
        );
    }

    const SITE: &str = "title: { kk: Сайт, ru: Сайт }\nbase_url: https://example.org/\nlanguages:\n  - { code: kk, name: Қазақша }\n  - { code: ru, name: Русский }\n";

    fn story(title: &str) -> String {
        format!("---\ntitle: {title}\ndate: 2023-12-06\n---\n\nМәтін.\n")
    }

    fn title_of(site: &Site, name: &str) -> String {
        let entry = site.stories.iter().find(|e| e.name == name).expect("story");
        entry.page("kk").expect("kk page").title.clone()
    }

    /// `Watched` reads only the files the caller forgot; `Verify` notices any change and walks
    /// the folder for new files.
    #[test]
    fn a_watched_reload_trusts_the_cache_and_a_verified_one_looks_at_the_disk() {
        let dir = tempfile::tempdir().expect("tempdir");
        let projects = dir.path().join("content/projects");
        std::fs::create_dir_all(&projects).expect("content folder");
        std::fs::write(dir.path().join("site.yaml"), SITE).expect("site.yaml");
        let file = projects.join("a.kk.md");
        std::fs::write(&file, story("Бірінші")).expect("story");
        let mut cache = ParseCache::default();
        let load = |cache: &mut ParseCache, trust| {
            load_cached(dir.path(), None, cache, trust)
                .expect("loads")
                .0
        };
        assert_eq!(title_of(&load(&mut cache, Trust::Verify), "a"), "Бірінші");
        assert!(cache.knows(&file));

        std::fs::write(&file, story("Екінші нұсқа")).expect("edit");
        std::fs::write(projects.join("b.kk.md"), story("Жаңа")).expect("new story");
        let site = load(&mut cache, Trust::Watched);
        assert_eq!(title_of(&site, "a"), "Бірінші", "not forgotten: reused");
        assert_eq!(site.stories.len(), 1, "the folder is not walked");

        cache.forget(&file);
        assert_eq!(
            title_of(&load(&mut cache, Trust::Watched), "a"),
            "Екінші нұсқа"
        );

        std::fs::write(&file, story("Үшінші, ұзынырақ")).expect("edit");
        let site = load(&mut cache, Trust::Verify);
        assert_eq!(
            title_of(&site, "a"),
            "Үшінші, ұзынырақ",
            "a changed size is noticed"
        );
        assert_eq!(site.stories.len(), 2, "the new story is found");
    }

    #[test]
    fn parent_folder_references_are_refused() {
        assert!(resolve_local(Path::new("."), Path::new(""), "../secret.jpg").is_err());
    }
}
