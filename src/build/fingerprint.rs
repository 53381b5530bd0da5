//! Fingerprints of what each part of a build reads, so that an incremental build can tell which
//! parts would come out the same and keep them from the previous output.
//!
//! A part's fingerprint hashes everything it is made from: the global inputs (egiz's version,
//! site.yaml, the theme's settings, strings and static files, every picture and static file of
//! the site), the site's shape (its pages and its menu), the templates it renders with, and the
//! entries it reads (their source files and the sizes of the PDFs they link). So a part whose
//! fingerprint is unchanged would be rendered byte for byte as before. A hash is 64 bits of
//! SipHash: a collision between two versions of one page is not a practical worry, and a
//! fingerprint only ever compares with one written by the same egiz version.

use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::content::booklets::{Booklet, FileSizes, Origin};
use crate::content::{Kind, Site};
use crate::theme::{Theme, mentions};
use crate::web::{Job, Prepared};

/// A fingerprint, as stored in the build state.
pub(crate) type Fp = u64;

/// Files up to this size are hashed by their bytes; larger ones (pictures) by their size and
/// modification time, which is what every other tool trusts too.
const READ_UP_TO: u64 = 256 * 1024;

/// The folders of a site that egiz reads, besides site.yaml.
const INPUT_FOLDERS: [&str; 3] = ["content", "themes", "static"];

/// A quick fingerprint of every input file by its path, size and modification time, with the
/// egiz version and the build's options: when it is what the last build saw, and the output is
/// still that build's, nothing needs doing.
pub(crate) fn inputs(site_dir: &Path, options: &[&str]) -> Fp {
    let mut hasher = DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    options.hash(&mut hasher);
    stat(&site_dir.join("site.yaml")).hash(&mut hasher);
    for folder in INPUT_FOLDERS {
        for entry in walkdir::WalkDir::new(site_dir.join(folder))
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            entry.path().hash(&mut hasher);
            stat(entry.path()).hash(&mut hasher);
        }
    }
    hasher.finish()
}

/// A file's size and modification time in nanoseconds, or nothing when it is missing.
fn stat(path: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    Some((meta.len(), modified))
}

/// A file's fingerprint: its bytes when small, its size and time when large.
fn file(path: &Path) -> Fp {
    let mut hasher = DefaultHasher::new();
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() <= READ_UP_TO => std::fs::read(path).ok().hash(&mut hasher),
        Ok(_) => stat(path).hash(&mut hasher),
        Err(_) => None::<u8>.hash(&mut hasher),
    }
    hasher.finish()
}

fn combine(parts: impl Hash) -> Fp {
    let mut hasher = DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish()
}

/// The fingerprints a build compares with the previous one's.
pub(crate) struct Fingerprints {
    /// What every part reads: egiz, site.yaml, the theme but its templates (its settings,
    /// strings, fonts and static files), pictures, static files, the build's options.
    pub global: Fp,
    /// Each entry by kind and name: its source files (every language).
    sources: HashMap<(Kind, String), Fp>,
    /// Every entry's source, for the parts that read the whole site.
    all_sources: Fp,
    /// Each template with those it uses (extends, includes, imports), by name.
    templates: HashMap<String, Fp>,
}

impl Fingerprints {
    /// Fingerprints of the site as loaded; `options` are the build's own (the base address).
    pub(crate) fn of(site: &Site, theme: &Theme, options: &[&str]) -> Fingerprints {
        let sources: HashMap<(Kind, String), Fp> = site
            .entries()
            .map(|entry| {
                // The bytes loaded, hashed as they were read: a file changed since is caught
                // when its text is read again (content::body), not taken for the old one.
                let files: Vec<(&PathBuf, Fp)> = entry
                    .pages
                    .iter()
                    .map(|page| (&page.source, page.source_hash))
                    .collect();
                ((entry.kind, entry.name.clone()), combine(files))
            })
            .collect();
        let all_sources = combine(
            site.entries()
                .map(|e| sources.get(&(e.kind, e.name.clone())))
                .collect::<Vec<_>>(),
        );
        Fingerprints {
            global: global(site, options),
            sources,
            all_sources,
            templates: templates(theme),
        }
    }

    /// What is made from a story alone (its share cards, its search words): the global inputs
    /// and the story's own entry. `None` for a story the site does not have.
    pub(crate) fn story(&self, name: &str) -> Option<Fp> {
        let source = self.sources.get(&(Kind::Story, name.to_string()))?;
        Some(combine((self.global, source)))
    }

    /// What a booklet is printed from: the global inputs, its own entry and its stories.
    pub(crate) fn booklet(&self, booklet: &Booklet) -> Fp {
        let own = match booklet.origin {
            Origin::Booklet => (Kind::Booklet, booklet.name.clone()),
            Origin::Leaflet => (Kind::Story, booklet.name.clone()),
        };
        let stories: Vec<Option<&Fp>> = booklet
            .stories
            .iter()
            .map(|name| self.sources.get(&(Kind::Story, name.clone())))
            .collect();
        let files: Vec<&str> = booklet.files.iter().map(|f| f.path.as_str()).collect();
        combine((
            self.global,
            &booklet.file_stem,
            self.sources.get(&own),
            stories,
            files,
        ))
    }

    /// What the web pages read of each job, given the booklet files and share cards made.
    pub(crate) fn pages<'p>(
        &self,
        prepared: &'p Prepared,
        jobs: &[Job<'p>],
        theme: &Theme,
    ) -> Pages<'_> {
        let shape = combine((
            jobs.iter().map(Job::key).collect::<Vec<_>>(),
            menu(&prepared.site),
        ));
        // The PDFs' sizes show on the pages that link them: a booklet's own pages, and a story's
        // when it has a leaflet.
        let sizes = entry_sizes(&prepared.site, prepared.booklet_sizes);
        // A booklet's page shows its stories as cards.
        let stories_of = booklet_stories(&prepared.site, &self.sources);
        let entries: HashMap<(Kind, String), Fp> = self
            .sources
            .iter()
            .map(|(key, source)| {
                let shown = (source, sizes.get(key), stories_of.get(key));
                (key.clone(), combine(shown))
            })
            .collect();
        let all = combine((self.all_sources, sizes));
        Pages {
            fingerprints: self,
            shape,
            entries,
            all,
            exists: theme.templates.keys().cloned().collect(),
        }
    }
}

/// Fingerprints of a site's pages (see [`Fingerprints::pages`]).
pub(crate) struct Pages<'f> {
    fingerprints: &'f Fingerprints,
    /// Which pages the site has, and its menu: every page shows the menu and links others.
    shape: Fp,
    /// Each entry as its pages show it: its sources and the sizes of its PDFs.
    entries: HashMap<(Kind, String), Fp>,
    all: Fp,
    exists: std::collections::HashSet<String>,
}

impl Pages<'_> {
    /// A job's fingerprint: what it reads (see [`Job::reads`]) and how it is rendered.
    pub(crate) fn job(&self, job: &Job, site: &Site) -> Fp {
        let reads = job.reads(site);
        let entries: Vec<(Kind, &str, Option<&Fp>)> = reads
            .entries
            .iter()
            .map(|(kind, name)| (*kind, *name, self.entries.get(&(*kind, name.to_string()))))
            .collect();
        let template = job.template(&|name| self.exists.contains(name));
        combine((
            self.fingerprints.global,
            self.shape,
            job.key(),
            self.fingerprints.templates.get(template),
            entries,
            reads.all_stories.then_some(self.all),
        ))
    }

    /// The sitemap, the feeds and the search index read every entry and the site's shape.
    pub(crate) fn indexes(&self) -> Fp {
        combine((self.fingerprints.global, self.shape, self.all))
    }
}

/// The inputs every part reads.
fn global(site: &Site, options: &[&str]) -> Fp {
    let mut files: Vec<PathBuf> = vec![site.root.join("site.yaml")];
    for folder in INPUT_FOLDERS {
        files.extend(
            walkdir::WalkDir::new(site.root.join(folder))
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file() && !is_text_or_template(&site.root, e.path()))
                .map(|e| e.into_path()),
        );
    }
    // Pictures a page names from elsewhere in the site. (Every theme layer is a folder of
    // themes/, walked above, or egiz's own, which its version covers.)
    for entry in site.entries() {
        for page in &entry.pages {
            files.extend(page.assets.iter().map(|a| a.source.clone()));
        }
    }
    files.sort();
    files.dedup();
    let hashed: Vec<(&PathBuf, Fp)> = files.par_iter().map(|path| (path, file(path))).collect();
    combine((env!("CARGO_PKG_VERSION"), options, hashed))
}

/// Markdown under content/ is fingerprinted per entry, templates per template.
fn is_text_or_template(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy());
    match (
        parts.next().as_deref(),
        parts.next(),
        parts.next().as_deref(),
    ) {
        (Some("content"), ..) => path.extension().is_some_and(|e| e == "md"),
        (Some("themes"), Some(_), Some("templates")) => true,
        _ => false,
    }
}

/// Each template's text with the texts of the templates it uses, by name.
fn templates(theme: &Theme) -> HashMap<String, Fp> {
    let uses: BTreeMap<&str, Vec<&str>> = theme
        .templates
        .iter()
        .map(|(name, (text, _))| {
            let used = theme
                .templates
                .keys()
                .filter(|other| *other != name && mentions(text, other))
                .map(String::as_str)
                .collect();
            (name.as_str(), used)
        })
        .collect();
    theme
        .templates
        .keys()
        .map(|name| {
            let mut closure = vec![name.as_str()];
            let mut next = 0;
            while next < closure.len() {
                for used in uses.get(closure[next]).into_iter().flatten() {
                    if !closure.contains(used) {
                        closure.push(used);
                    }
                }
                next += 1;
            }
            closure.sort_unstable();
            let texts: Vec<(&str, &str)> = closure
                .iter()
                .map(|n| (*n, theme.templates[*n].0.as_str()))
                .collect();
            (name.clone(), combine(texts))
        })
        .collect()
}

/// The main navigation: its plain pages' titles and addresses, in every language.
fn menu(site: &Site) -> Vec<(&str, &str)> {
    site.pages
        .iter()
        .flat_map(|e| e.pages.iter().map(|p| (p.title.as_str(), p.path.as_str())))
        .collect()
}

/// The sizes of the PDF files each entry links (a booklet's, a story's leaflet), by entry.
fn entry_sizes(site: &Site, sizes: &FileSizes) -> BTreeMap<(Kind, String), Vec<(String, u64)>> {
    let mut by_entry: BTreeMap<(Kind, String), Vec<(String, u64)>> = BTreeMap::new();
    for booklet in &site.prints {
        let kind = match booklet.origin {
            Origin::Booklet => Kind::Booklet,
            Origin::Leaflet => Kind::Story,
        };
        let files = booklet
            .files
            .iter()
            .filter_map(|f| Some((f.path.clone(), *sizes.get(&f.path)?)));
        by_entry
            .entry((kind, booklet.name.clone()))
            .or_default()
            .extend(files);
    }
    by_entry
}

/// The sources of the stories each booklet prints, by the booklet's entry.
fn booklet_stories(
    site: &Site,
    sources: &HashMap<(Kind, String), Fp>,
) -> HashMap<(Kind, String), Vec<Option<Fp>>> {
    site.prints
        .iter()
        .filter(|b| b.origin == Origin::Booklet)
        .map(|booklet| {
            let stories = booklet
                .stories
                .iter()
                .map(|name| sources.get(&(Kind::Story, name.clone())).copied())
                .collect();
            ((Kind::Booklet, booklet.name.clone()), stories)
        })
        .collect()
}
