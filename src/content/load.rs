//! Reading `content/`: the files found (sources.rs) and parsed (parsed.rs) are paired into
//! entries by translation, inherit neutral facts, get their addresses and are checked
//! (fields.rs) — with a cache so the dev server re-parses only what changed. Every problem is
//! collected; a site with any error is not returned.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{self, Config};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::ReferenceKind;

use super::fields::{check_own_fields, resolve_local};
use super::model::{Asset, Entry, Kind, Meta, Page, Site};
use super::parsed::{Parsed, parse_source};
use super::schema::Inherit;
use super::sources::{BOOKLETS, Found, PROJECTS, Source, find_sources};

/// Load and validate the whole site in `site_dir`. On success, the warnings come with the site.
/// The pages' texts are not held: each is read again from its file when needed (see
/// [`super::body`]).
pub(crate) fn load(
    site_dir: &Path,
    base_url: Option<&str>,
) -> Result<(Site, Diagnostics), Diagnostics> {
    let mut once = ParseCache {
        once: true,
        ..ParseCache::default()
    };
    load_cached(site_dir, base_url, &mut once, Trust::Verify)
}

/// Content files parsed by earlier loads, so that a reload (in the dev server) parses only the
/// files that changed since. A file is parsed again when its size or modification time differ,
/// or when [`ParseCache::forget`] was told it changed.
#[derive(Default)]
pub(crate) struct ParseCache {
    files: HashMap<PathBuf, (Stamp, Parsed)>,
    /// The base path the cached Markdown was rendered with (links include it).
    base_path: String,
    /// The content files the last load found, and what finding them reported.
    found: Option<Arc<(Found, Diagnostics)>>,
    /// For a single load: nothing is remembered, and the pages' texts are not held.
    once: bool,
}

/// How much of the last load [`load_cached`] may take on trust.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Trust {
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
    pub(crate) fn forget(&mut self, path: &Path) {
        self.files.remove(path);
    }

    /// Whether the last load found the content file at this absolute path.
    pub(crate) fn knows(&self, path: &Path) -> bool {
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
pub(crate) fn load_cached(
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
            None if shared.once => (parse_source(source.clone(), &config, false), None),
            // The stamp is taken before reading: a write during the parse is seen next time.
            None => {
                let stamp = stamp(&source.abs);
                (parse_source(source.clone(), &config, true), Some(stamp))
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
        .outline
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
        source_hash: file.hash,
        toc: file.outline.toc,
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
    use crate::content::fields::local_path;

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

    /// A site with one story, `a`, titled "Бірінші": its folder and the story's file.
    fn site_with_story_a() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let projects = dir.path().join("content/projects");
        std::fs::create_dir_all(&projects).expect("content folder");
        std::fs::write(dir.path().join("site.yaml"), SITE).expect("site.yaml");
        let file = projects.join("a.kk.md");
        std::fs::write(&file, story("Бірінші")).expect("story");
        (dir, file)
    }

    fn title_of(site: &Site, name: &str) -> String {
        let entry = site.stories.iter().find(|e| e.name == name).expect("story");
        entry.page("kk").expect("kk page").title.clone()
    }

    /// `Watched` reads only the files the caller forgot; `Verify` notices any change and walks
    /// the folder for new files.
    #[test]
    fn a_watched_reload_trusts_the_cache_and_a_verified_one_looks_at_the_disk() {
        let (dir, file) = site_with_story_a();
        let projects = file.parent().expect("content/projects").to_path_buf();
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

    /// A single load holds no text: each read goes to the file, and a file edited since the
    /// load is reported, by name, instead of being used.
    #[test]
    fn a_build_load_reads_texts_again_and_names_a_file_edited_since() {
        let (dir, file) = site_with_story_a();
        let (site, _) = load(dir.path(), None).expect("loads");
        let page = site.stories[0].page("kk").expect("kk page");
        assert_eq!(page.body.text().trim(), "Мәтін.");
        assert!(super::super::body::check_unchanged(&site).is_ok());

        std::fs::write(&file, story("Бірінші").replace("Мәтін", "Өзгерген мәтін")).expect("edit");
        assert_eq!(page.body.text(), "", "the edited text is not used");
        let problems = super::super::body::check_unchanged(&site).expect_err("reported");
        let shown = problems.to_json();
        assert!(shown.contains("a.kk.md") && shown.contains("changed while egiz was building"));
    }
}
