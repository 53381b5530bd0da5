//! Rebuilding only what a change affects. Changed files are noted as they come; a rebuild
//! reloads the site (parsing again only the changed files, through the load cache), works out
//! which entries changed, and re-renders the pages that read them (a story's pages in every
//! language, the lists and other pages that show it, the sitemap), or the pages using a changed
//! template. Anything that changes the set of pages or the menu, and site.yaml or the theme's
//! strings, renders the whole site (from memory: the load cache still saves the parsing).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::admin;
use crate::booklets::Booklets;
use crate::content::booklets::{Booklet, FileSizes, Origin};
use crate::content::load::{ParseCache, Trust, load_cached};
use crate::content::{Kind, Site};
use crate::diagnostics::Diagnostics;
use crate::output::{Body, Memory, Sink};
use crate::theme::{Theme, mentions};
use crate::web::{self, Job, Prepared};

/// An entry of the site: its kind and name, the same in every language.
type EntryKey = (Kind, String);

/// What a page read when it was last rendered, to know whether a change concerns it.
struct JobInfo {
    entries: Vec<EntryKey>,
    all_stories: bool,
    template: &'static str,
}

/// The last version of the site that built.
struct Built {
    site: Arc<Site>,
    theme: Arc<Theme>,
    /// The sizes of the booklet files served, shown on the pages' download links.
    booklet_sizes: FileSizes,
    /// The share cards served, by their path.
    card_files: FileSizes,
    jobs: HashMap<String, JobInfo>,
    menu: Vec<MenuLink>,
}

/// Changes noted since the last successful build.
#[derive(Default)]
struct Pending {
    full: bool,
    content: BTreeSet<PathBuf>,
    templates: BTreeSet<String>,
    statics: bool,
}

/// What a rebuild produced, for the server to take over.
pub struct Update {
    /// Everything to serve (`replace_all`), or the files that changed.
    pub files: BTreeMap<String, Body>,
    /// Whether `files` replaces everything served (a full build) or adds to it.
    pub replace_all: bool,
    /// The site's base path (`/ngo-site/`), under which everything is served.
    pub base_path: String,
    /// Pages rendered by this build.
    pub pages: usize,
    /// Booklets printed by this build.
    pub booklets: usize,
    /// Problems that did not stop it.
    pub warnings: Diagnostics,
    /// How long it took.
    pub elapsed: Duration,
}

pub(crate) struct Session {
    site_dir: PathBuf,
    /// `http://127.0.0.1:1111`: the served site's links use it with the base path.
    origin: String,
    cache: ParseCache,
    /// Each story's card and search words, made again only for changed stories.
    reuse: web::Reuse,
    last: Option<Built>,
    /// The booklet files served now, by their path.
    booklet_files: BTreeMap<String, Body>,
    pending: Pending,
    booklets: Box<dyn Booklets + Send>,
}

impl Session {
    /// A session for the site in `site_dir`, served at `origin`, with `booklets` making its PDF
    /// files.
    pub(crate) fn new(
        site_dir: &Path,
        origin: &str,
        booklets: Box<dyn Booklets + Send>,
    ) -> Session {
        Session {
            site_dir: site_dir.to_path_buf(),
            origin: origin.trim_end_matches('/').to_string(),
            cache: ParseCache::default(),
            reuse: web::Reuse::default(),
            last: None,
            booklet_files: BTreeMap::new(),
            pending: Pending {
                full: true,
                ..Pending::default()
            },
            booklets,
        }
    }

    /// Note changed files (relative to the site folder) for the next rebuild.
    pub(crate) fn note(&mut self, changed: &[PathBuf]) {
        for path in changed {
            self.cache.forget(&self.site_dir.join(path));
            let parts: Vec<String> = path
                .components()
                .map(|c| c.as_os_str().to_string_lossy().to_string())
                .collect();
            match parts
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice()
            {
                ["content", .., last] if last.ends_with(".md") => {
                    self.pending.content.insert(path.clone());
                }
                ["themes", _, "templates", rest @ ..] if !rest.is_empty() => {
                    self.pending.templates.insert(rest.join("/"));
                }
                ["themes", _, "static", ..] | ["static", ..] => self.pending.statics = true,
                // site.yaml, the theme's strings and settings, images of page bundles.
                _ => self.pending.full = true,
            }
        }
    }

    /// Rebuild what the noted changes affect. On error nothing changes: the last version that
    /// built stays, and the changes stay noted for the next try.
    pub(crate) fn rebuild(&mut self) -> Result<Update, Diagnostics> {
        let started = Instant::now();
        let mut update = match self.last.take() {
            Some(last) if !self.pending.full => {
                let result = self.update(&last);
                if result.is_err() {
                    self.last = Some(last);
                } else {
                    // Freeing a large site takes milliseconds the served page need not wait for.
                    std::thread::spawn(move || drop(last));
                }
                result?
            }
            previous => {
                let result = self.full();
                if result.is_err() {
                    self.last = previous;
                }
                result?
            }
        };
        self.pending = Pending::default();
        update.elapsed = started.elapsed();
        Ok(update)
    }

    fn base_url(&self) -> Result<String, Diagnostics> {
        let (config, _) = crate::config::load(&self.site_dir, None)?;
        Ok(format!("{}{}", self.origin, config.base.path))
    }

    fn load_site(
        &mut self,
        base_url: &str,
        trust: Trust,
    ) -> Result<(Site, Diagnostics), Diagnostics> {
        load_cached(&self.site_dir, Some(base_url), &mut self.cache, trust)
    }

    /// The watcher reports every change, so a reload may trust the parse cache unless a
    /// content file came or went (then the content folder is walked again).
    fn trust(&self) -> Trust {
        let only_edits = self.pending.content.iter().all(|path| {
            let path = self.site_dir.join(path);
            path.is_file() && self.cache.knows(&path)
        });
        if only_edits {
            Trust::Watched
        } else {
            Trust::Verify
        }
    }

    fn load_theme(&self, site: &Site, warnings: &mut Diagnostics) -> Result<Theme, Diagnostics> {
        let (theme, theme_warnings) = Theme::load(&self.site_dir, &site.config)?;
        warnings.extend(theme_warnings);
        Ok(theme)
    }

    /// Load and render everything.
    fn full(&mut self) -> Result<Update, Diagnostics> {
        let base_url = self.base_url()?;
        let (site, mut warnings) = self.load_site(&base_url, Trust::Verify)?;
        let theme = self.load_theme(&site, &mut warnings)?;
        // site.yaml or the theme's strings may have changed every story's card and words.
        self.reuse.clear();
        let memory = Memory::new();
        // Booklets first, as in `egiz build`: the web pages show each PDF's size.
        let all: Vec<&Booklet> = site.prints.iter().collect();
        let booklets = all.len();
        let sizes = self.booklets.render(&site, &theme, &all, &memory)?;
        let cards = crate::cards::make(&site, &theme, &memory, crate::cards::Which::All)?.files;
        let prepared = web::prepare(&site, &sizes, &cards);
        let pages = web::render_prepared(&site, &prepared, &theme, &memory, &mut self.reuse)?.pages;
        let jobs = job_infos(&prepared, &web::jobs(&prepared), &theme);
        drop(prepared);
        Ok(self.finish(
            Built::new(Arc::new(site), Arc::new(theme), (sizes, cards), jobs),
            memory,
            true,
            (pages, booklets),
            warnings,
        ))
    }

    /// Render what the pending changes affect, given the last build.
    fn update(&mut self, last: &Built) -> Result<Update, Diagnostics> {
        let base_url = last.site.config.base.permalink("");
        let reload_site = !self.pending.content.is_empty();
        let reload_theme = !self.pending.templates.is_empty() || self.pending.statics;
        let mut warnings = Diagnostics::new();
        let loaded = if reload_site {
            let (site, load_warnings) = self.load_site(&base_url, self.trust())?;
            warnings = load_warnings;
            Some(site)
        } else {
            None
        };
        let theme = if reload_theme {
            let config_of = loaded.as_ref().unwrap_or(&last.site);
            Arc::new(self.load_theme(config_of, &mut warnings)?)
        } else {
            last.theme.clone()
        };
        let memory = Memory::new();
        let (site, changed, sizes, booklets) = match loaded {
            Some(site) => {
                let mut changed = changed_entries(&last.site, &site, &self.pending.content);
                let (sizes, booklets) =
                    self.remake_booklets(last, &site, &theme, &mut changed, &memory)?;
                (Arc::new(site), changed, sizes, booklets)
            }
            None => (
                last.site.clone(),
                HashSet::new(),
                last.booklet_sizes.clone(),
                0,
            ),
        };
        let cards = remake_cards(last, &site, &theme, &changed, &memory)?;
        let prepared = web::prepare(&site, &sizes, &cards);
        let jobs = web::jobs(&prepared);
        let structure_changed = jobs.len() != last.jobs.len()
            || jobs.iter().any(|job| !last.jobs.contains_key(&job.key()))
            || menu(&site) != last.menu;
        for (_, name) in &changed {
            self.reuse.forget(name);
        }
        let pages = if structure_changed {
            // Everything served is replaced: every card must be there, not just the changed.
            crate::cards::make(&site, &theme, &memory, crate::cards::Which::All)?;
            web::render_prepared(&site, &prepared, &theme, &memory, &mut self.reuse)?.pages
        } else {
            let templates = affected_templates(&theme, &self.pending.templates);
            let exists = |name: &str| theme.templates.contains_key(name);
            // Borrowed keys: a term page reads hundreds of entries, each looked up here.
            let changed_keys: HashSet<(Kind, &str)> = changed
                .iter()
                .map(|(kind, name)| (*kind, name.as_str()))
                .collect();
            let shown: &Site = &prepared.site;
            let affected = |job: &Job| {
                let reads = job.reads(shown);
                templates.contains(job.template(&exists))
                    || reads_changed(
                        reads.entries.iter().copied(),
                        reads.all_stories,
                        &changed_keys,
                    )
                    || last.jobs.get(&job.key()).is_some_and(|info| {
                        if templates.contains(info.template) {
                            return true;
                        }
                        let entries = info.entries.iter().map(|(k, n)| (*k, n.as_str()));
                        reads_changed(entries, info.all_stories, &changed_keys)
                    })
            };
            let chosen: Vec<Job> = jobs
                .par_iter()
                .filter(|job| affected(job))
                .copied()
                .collect();
            // Resized images come from the cache, so this costs little unless an image changed.
            let images = web::images::process(&prepared.site)?;
            let mut problems = Diagnostics::new();
            let pages = if reload_site {
                copy_entry_assets(&site, &changed, &memory, &mut problems);
                images.place(&memory, &mut problems);
                let reuse = &mut self.reuse;
                web::render_with_indexes(
                    &site, &prepared, &theme, &images, &chosen, &memory, reuse,
                )?
                .0
                .len()
            } else {
                web::render_pages(
                    &prepared,
                    &theme,
                    &images,
                    &chosen,
                    &memory,
                    &mut self.reuse.cards,
                )?
                .len()
            };
            if self.pending.statics {
                web::files::write_static(&site, &theme, &memory, &mut problems);
            }
            if problems.has_errors() {
                return Err(problems);
            }
            pages
        };
        let jobs = job_infos(&prepared, &jobs, &theme);
        drop(prepared);
        Ok(self.finish(
            Built::new(site, theme, (sizes, cards), jobs),
            memory,
            structure_changed,
            (pages, booklets),
            warnings,
        ))
    }

    /// Make again the booklets `changed` concerns, before the pages, as `egiz build` does: the
    /// booklets' web pages show each PDF's size, so those pages count as changed too. Returns
    /// the sizes of the booklet files served after the change, and how many booklets were made.
    fn remake_booklets(
        &self,
        last: &Built,
        site: &Site,
        theme: &Theme,
        changed: &mut HashSet<EntryKey>,
        sink: &dyn Sink,
    ) -> Result<(FileSizes, usize), Diagnostics> {
        let remade: Vec<&Booklet> = affected_booklets(&last.site, site, changed);
        let keys: Vec<EntryKey> = remade.iter().map(|b| booklet_key(b)).collect();
        let made = self.booklets.render(site, theme, &remade, sink)?;
        let mut sizes = kept_sizes(&last.booklet_sizes, site);
        sizes.extend(made);
        let count = keys.len();
        changed.extend(keys);
        Ok((sizes, count))
    }

    /// Booklets are made again only when a change concerns them, so a rebuild that replaces
    /// every served file hands on the other booklets' files from the builds that made them.
    fn keep_booklet_files(
        &mut self,
        site: &Site,
        files: &mut BTreeMap<String, Body>,
        replace_all: bool,
    ) {
        let current: HashSet<&str> = site
            .prints
            .iter()
            .flat_map(|b| &b.files)
            .map(|f| f.path.as_str())
            .collect();
        self.booklet_files
            .retain(|path, _| current.contains(path.as_str()));
        for (path, body) in files.iter() {
            if current.contains(path.as_str()) {
                self.booklet_files.insert(path.clone(), body.clone());
            }
        }
        if replace_all {
            for (path, body) in &self.booklet_files {
                files.entry(path.clone()).or_insert_with(|| body.clone());
            }
        }
    }

    /// The served editor saves to this server's local backend.
    fn admin_mode(&self) -> admin::Mode {
        let host = self
            .origin
            .split("://")
            .nth(1)
            .and_then(|rest| rest.rsplit_once(':'))
            .map_or("127.0.0.1", |(host, _)| host)
            .trim_matches(['[', ']'])
            .to_string();
        admin::Mode::Local {
            api_url: format!("{}{}", self.origin, super::server::API_PATH),
            host,
        }
    }

    /// Keep `built` as the last good version and hand over what was made.
    fn finish(
        &mut self,
        built: Built,
        memory: Memory,
        replace_all: bool,
        (pages, booklets): (usize, usize),
        mut warnings: Diagnostics,
    ) -> Update {
        let base_path = built.site.config.base.path.clone();
        // The editor's config lists the site's stories and terms: written after every change.
        if let Err(problem) = admin::write(&built.site, &built.theme, &memory, &self.admin_mode()) {
            warnings.push(problem);
        }
        let mut files = memory.into_files();
        self.keep_booklet_files(&built.site, &mut files, replace_all);
        self.last = Some(built);
        Update {
            files,
            replace_all,
            base_path,
            pages,
            booklets,
            warnings,
            elapsed: Duration::ZERO,
        }
    }
}

impl Built {
    fn new(
        site: Arc<Site>,
        theme: Arc<Theme>,
        (booklet_sizes, card_files): (FileSizes, FileSizes),
        jobs: HashMap<String, JobInfo>,
    ) -> Built {
        let menu = menu(&site);
        Built {
            site,
            theme,
            booklet_sizes,
            card_files,
            jobs,
            menu,
        }
    }
}

/// The share cards after a change: a story's cards show its own entry only (site.yaml and the
/// theme's settings rebuild everything), so only changed stories' cards are placed again; the
/// others are served from before. The cache makes a story whose card did not change cheap.
fn remake_cards(
    last: &Built,
    site: &Site,
    theme: &Theme,
    changed: &HashSet<EntryKey>,
    sink: &dyn Sink,
) -> Result<FileSizes, Diagnostics> {
    let stories: HashSet<String> = changed
        .iter()
        .filter(|(kind, _)| *kind == Kind::Story)
        .map(|(_, name)| name.clone())
        .collect();
    if stories.is_empty() {
        return Ok(last.card_files.clone());
    }
    Ok(crate::cards::make(site, theme, sink, crate::cards::Which::Place(&stories))?.files)
}

/// What each page of the site reads, to compare with the next change.
fn job_infos(prepared: &Prepared, jobs: &[Job], theme: &Theme) -> HashMap<String, JobInfo> {
    let exists = |name: &str| theme.templates.contains_key(name);
    jobs.par_iter()
        .map(|job| {
            let reads = job.reads(&prepared.site);
            let info = JobInfo {
                entries: reads
                    .entries
                    .iter()
                    .map(|(kind, name)| (*kind, name.to_string()))
                    .collect(),
                all_stories: reads.all_stories,
                template: job.template(&exists),
            };
            (job.key(), info)
        })
        .collect()
}

/// A plain page as the main navigation shows it.
#[derive(PartialEq)]
struct MenuLink {
    title: String,
    path: String,
}

/// The main navigation's pages in every language: a change renders every page again.
fn menu(site: &Site) -> Vec<MenuLink> {
    site.pages
        .iter()
        .flat_map(|e| {
            e.pages.iter().map(|p| MenuLink {
                title: p.title.clone(),
                path: p.path.clone(),
            })
        })
        .collect()
}

/// Whether a page that reads `entries` (and every story, with `all_stories`) shows a changed entry.
fn reads_changed<'a>(
    mut entries: impl Iterator<Item = (Kind, &'a str)>,
    all_stories: bool,
    changed: &HashSet<(Kind, &str)>,
) -> bool {
    (all_stories && changed.iter().any(|(kind, _)| *kind == Kind::Story))
        || entries.any(|entry| changed.contains(&entry))
}

/// Entries with a page from one of the `changed` files, before or after the change.
fn changed_entries(before: &Site, after: &Site, changed: &BTreeSet<PathBuf>) -> HashSet<EntryKey> {
    before
        .entries()
        .chain(after.entries())
        .filter(|entry| entry.pages.iter().any(|p| changed.contains(&p.source)))
        .map(|entry| (entry.kind, entry.name.clone()))
        .collect()
}

/// The changed templates and every template that extends, includes or imports one of them.
pub(crate) fn affected_templates(theme: &Theme, changed: &BTreeSet<String>) -> HashSet<String> {
    let mut affected: HashSet<String> = changed.iter().cloned().collect();
    loop {
        let before = affected.len();
        for (name, (text, _)) in &theme.templates {
            if !affected.contains(name) && affected.iter().any(|used| mentions(text, used)) {
                affected.insert(name.clone());
            }
        }
        if affected.len() == before {
            return affected;
        }
    }
}

/// The pictures beside the pages of changed entries (a story may refer to a new one).
fn copy_entry_assets(
    site: &Site,
    changed: &HashSet<EntryKey>,
    sink: &dyn Sink,
    problems: &mut Diagnostics,
) {
    for entry in site
        .entries()
        .filter(|e| changed.contains(&(e.kind, e.name.clone())))
    {
        for page in &entry.pages {
            for asset in &page.assets {
                if let Err(d) = sink.copy(&asset.source, &format!("{}{}", page.path, asset.dest)) {
                    problems.push(d.in_file(&page.source));
                }
            }
        }
    }
}

/// Booklets that changed themselves or include a changed story, before or after the change: a
/// story that leaves a booklet's `{ district: ... }` filter changes that booklet too.
fn affected_booklets<'a>(
    before: &Site,
    after: &'a Site,
    changed: &HashSet<EntryKey>,
) -> Vec<&'a Booklet> {
    let touched = |booklet: &Booklet| {
        changed.contains(&booklet_key(booklet))
            || booklet
                .stories
                .iter()
                .any(|name| changed.contains(&(Kind::Story, name.clone())))
    };
    let touched_before: HashSet<EntryKey> = before
        .prints
        .iter()
        .filter(|b| touched(b))
        .map(booklet_key)
        .collect();
    after
        .prints
        .iter()
        .filter(|b| touched(b) || touched_before.contains(&booklet_key(b)))
        .collect()
}

/// The sizes of the booklet files served before that `site` still has (a rebuild remakes only
/// some booklets; the others' files are still served as they were).
fn kept_sizes(before: &FileSizes, site: &Site) -> FileSizes {
    site.prints
        .iter()
        .flat_map(|b| &b.files)
        .filter_map(|f| Some((f.path.clone(), *before.get(&f.path)?)))
        .collect()
}

/// The entry a booklet is made from: its own, or a leaflet's story.
fn booklet_key(booklet: &Booklet) -> EntryKey {
    let kind = match booklet.origin {
        Origin::Booklet => Kind::Booklet,
        Origin::Leaflet => Kind::Story,
    };
    (kind, booklet.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGIN: &str = "http://127.0.0.1:1";
    const SITE: &str = "title: { kk: Сайт, ru: Сайт }
base_url: https://example.org/ngo/
missing_translation: fallback
languages:
  - { code: kk, name: Қазақша }
  - { code: ru, name: Русский }
taxonomies:
  district:
    balkhash: { kk: Балқаш ауданы, ru: Балхашский район }
    zhambyl: { kk: Жамбыл ауданы, ru: Жамбылский район }
  topics:
    youth: { kk: Жастар, ru: Молодёжь }
    sport: { kk: Спорт, ru: Спорт }
";

    fn story(title: &str, date: &str, district: &str, body: &str) -> String {
        format!(
            "---\ntitle: {title}\ndate: {date}\ndistrict: {district}\ntopics: [youth]\nsummary: {title} туралы\n---\n\n{body}\n"
        )
    }

    fn write_file(dir: &Path, path: &str, text: &str) {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().expect("parent")).expect("folder");
        std::fs::write(file, text).expect("write");
    }

    /// Three Kazakh stories, two of them in Balkhash district, and a booklet of that district's
    /// stories.
    fn booklet_site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        let write = |path: &str, text: &str| write_file(dir.path(), path, text);
        write("site.yaml", SITE);
        write(
            "content/booklets/balkhash.kk.md",
            "---\ntitle: Балқаш жобалары\nstories: { district: balkhash }\n---\n\nКіріспе.\n",
        );
        let stories = [
            (
                "wells",
                "Құдықтар",
                "2023-05-01",
                "balkhash",
                "Ауылда құдық қазылды.",
            ),
            (
                "sport",
                "Спорт алаңы",
                "2023-06-01",
                "zhambyl",
                "Балаларға алаң салынды.",
            ),
            (
                "library",
                "Кітапхана",
                "2022-03-01",
                "balkhash",
                "Кітапхана ашылды.",
            ),
        ];
        for (name, title, date, district, body) in stories {
            write(
                &format!("content/projects/{name}.kk.md"),
                &story(title, date, district, body),
            );
        }
        dir
    }

    /// What a browser would get: the files of every update so far, as bytes.
    fn apply(served: &mut BTreeMap<String, Vec<u8>>, update: Update) {
        if update.replace_all {
            served.clear();
        }
        for (path, body) in update.files {
            served.insert(path, body.read().expect("readable").into_owned());
        }
    }

    /// Stands in for the print engine: each booklet file holds the titles of its stories, so
    /// its size changes when they do.
    struct TitleFiles;

    impl Booklets for TitleFiles {
        fn render(
            &self,
            site: &Site,
            _: &Theme,
            booklets: &[&Booklet],
            sink: &dyn Sink,
        ) -> Result<FileSizes, Diagnostics> {
            let mut made = FileSizes::new();
            for booklet in booklets {
                let titles: Vec<&str> = site
                    .stories
                    .iter()
                    .filter(|e| booklet.stories.contains(&e.name))
                    .flat_map(|e| e.pages.iter().map(|p| p.title.as_str()))
                    .collect();
                for file in &booklet.files {
                    // Some kilobytes, so that a new title shows in the size on the page.
                    let text = format!("{}: {}\n", file.path, titles.join(", ")).repeat(200);
                    sink.write(&file.path, text.as_bytes())
                        .map_err(|d| Diagnostics::from_iter([d]))?;
                    made.insert(file.path.clone(), text.len() as u64);
                }
            }
            Ok(made)
        }
    }

    fn session(dir: &Path) -> Session {
        Session::new(dir, ORIGIN, Box::new(TitleFiles))
    }

    fn full_build(dir: &Path) -> BTreeMap<String, Vec<u8>> {
        let mut served = BTreeMap::new();
        apply(&mut served, session(dir).rebuild().expect("builds"));
        served
    }

    /// Records which booklets each rebuild asks for, instead of making PDFs.
    #[derive(Clone, Default)]
    struct Recorder(Arc<std::sync::Mutex<Vec<Vec<String>>>>);

    impl Booklets for Recorder {
        fn render(
            &self,
            _: &Site,
            _: &Theme,
            booklets: &[&Booklet],
            _: &dyn Sink,
        ) -> Result<FileSizes, Diagnostics> {
            let names = booklets.iter().map(|b| b.name.clone()).collect();
            self.0.lock().expect("not poisoned").push(names);
            Ok(FileSizes::new())
        }
    }

    /// A booklet is made again when a story it prints changes, joins or leaves it, and only then.
    #[test]
    fn booklets_are_remade_when_a_story_in_them_changes_joins_or_leaves() {
        let dir = booklet_site();
        let write = |path: &str, text: &str| write_file(dir.path(), path, text);
        let recorder = Recorder::default();
        let mut server = Session::new(dir.path(), ORIGIN, Box::new(recorder.clone()));
        server.rebuild().expect("first build");

        let mut remade = |path: &str, text: String| {
            write(path, &text);
            server.note(&[PathBuf::from(path)]);
            server.rebuild().expect("rebuilds");
            let calls = recorder.0.lock().expect("not poisoned");
            calls
                .last()
                .expect("a call")
                .contains(&"balkhash".to_string())
        };
        let wells = "content/projects/wells.kk.md";
        let sport = "content/projects/sport.kk.md";
        let library = "content/projects/library.kk.md";
        assert!(
            remade(wells, story("Таза су", "2023-05-01", "balkhash", "Мәтін.")),
            "its story changed"
        );
        assert!(
            !remade(
                sport,
                story("Спорт алаңы", "2023-06-01", "zhambyl", "Мәтін.")
            ),
            "another district's story"
        );
        assert!(
            remade(
                library,
                story("Кітапхана", "2022-03-01", "zhambyl", "Мәтін.")
            ),
            "a story left it"
        );
        assert!(
            remade(
                sport,
                story("Спорт алаңы", "2023-06-01", "balkhash", "Мәтін.")
            ),
            "a story joined it"
        );
    }

    /// After each kind of edit, what the server serves is byte for byte what a fresh build of
    /// the edited site makes: no stale list, term page, feed, sitemap, search index, booklet
    /// or booklet size on a download link.
    #[test]
    fn after_each_edit_the_served_site_is_what_a_full_build_makes() {
        let dir = booklet_site();
        let write = |path: &str, text: &str| write_file(dir.path(), path, text);
        write(
            "content/projects/wells.ru.md",
            "---\ntitle: Колодцы\n---\n\nВ селе вырыли колодцы.\n",
        );
        let mut server = session(dir.path());
        let mut served = BTreeMap::new();
        apply(&mut served, server.rebuild().expect("first build"));

        let edits: [(&str, Option<String>); 7] = [
            // A title shows in lists, term pages, feeds and the search index.
            (
                "content/projects/wells.kk.md",
                Some(story(
                    "Таза су құдықтары",
                    "2023-05-01",
                    "balkhash",
                    "Ауылда құдық қазылды.",
                )),
            ),
            // Moving a story to another district changes two term pages and the counts.
            (
                "content/projects/sport.kk.md",
                Some(story(
                    "Спорт алаңы",
                    "2023-06-01",
                    "balkhash",
                    "Балаларға алаң салынды.",
                )),
            ),
            // A new date reorders every list.
            (
                "content/projects/library.kk.md",
                Some(story(
                    "Кітапхана",
                    "2024-01-15",
                    "balkhash",
                    "Кітапхана ашылды.",
                )),
            ),
            // A translation's own text; the story it inherits facts from is unchanged.
            (
                "content/projects/wells.ru.md",
                Some(
                    "---\ntitle: Колодцы с чистой водой\n---\n\nВ селе вырыли три колодца.\n"
                        .into(),
                ),
            ),
            // A new translation replaces a borrowed (fallback) page.
            (
                "content/projects/sport.ru.md",
                Some("---\ntitle: Спортплощадка\n---\n\nДля детей построили площадку.\n".into()),
            ),
            // A new story, then one removed.
            (
                "content/projects/school.kk.md",
                Some(story("Мектеп", "2023-09-01", "zhambyl", "Мектеп жөнделді.")),
            ),
            ("content/projects/library.kk.md", None),
        ];
        for (path, text) in edits {
            match &text {
                Some(text) => write(path, text),
                None => std::fs::remove_file(dir.path().join(path)).expect("remove"),
            }
            server.note(&[PathBuf::from(path)]);
            apply(&mut served, server.rebuild().expect("rebuilds"));
            let fresh = full_build(dir.path());
            let differ: BTreeSet<&String> = fresh
                .keys()
                .chain(served.keys())
                .filter(|file| fresh.get(*file) != served.get(*file))
                .collect();
            assert!(
                differ.is_empty(),
                "after editing {path}, these differ from a full build: {differ:?}"
            );
        }
    }

    #[test]
    fn changes_are_sorted_by_what_they_touch() {
        let mut session = Session::new(
            Path::new("/nonexistent"),
            "http://127.0.0.1:1",
            Box::new(TitleFiles),
        );
        session.pending = Pending::default();
        session.note(&[
            PathBuf::from("content/projects/x.kk.md"),
            PathBuf::from("themes/mine/templates/partials/card.html"),
            PathBuf::from("static/logo.svg"),
        ]);
        assert!(!session.pending.full);
        assert!(session.pending.statics);
        assert_eq!(
            session.pending.templates.iter().collect::<Vec<_>>(),
            ["partials/card.html"]
        );
        assert_eq!(session.pending.content.len(), 1);
        session.note(&[PathBuf::from("site.yaml")]);
        assert!(session.pending.full);
    }
}
