//! Booklets as the site prints them: every booklet of `content/booklets/` and every story that
//! asks for a leaflet of its own (`booklet: true` or a map of options), resolved from front
//! matter into what to print — languages, stories (a list of names or a taxonomy filter),
//! paper, editions — and the PDF files that makes, with their addresses. Both the build and
//! `egiz check` validate booklets here; the web pages link to the files named here, and the
//! print engine writes them.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics, suggest};
use crate::i18n::Date;
use crate::taxonomy::Taxonomy;
use crate::units::Paper;

use super::model::{Entry, Page, Site};
use super::schema::{Checked, ImageRef, Partner, StorySelection};

/// The folder of the output (and URL path) the PDF files go to.
pub(crate) const OUTPUT_FOLDER: &str = "booklets";

/// One way of printing a booklet; each edition is one PDF file (per language, or per pair).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Edition {
    /// One language, single pages in reading order.
    Single,
    /// Two languages one after the other.
    Sequential,
    /// Tête-bêche: one language from the front cover, the other from the back, upside down.
    Flip,
    /// Two languages side by side in two columns.
    Parallel,
    /// 2-up sheets for saddle-stitch on a home or office printer.
    Imposed,
    /// Single pages with 3 mm bleed, trim and bleed boxes and crop marks, for a print shop.
    PrintShop,
}

impl Edition {
    pub const ALL: [Edition; 6] = [
        Edition::Single,
        Edition::Sequential,
        Edition::Flip,
        Edition::Parallel,
        Edition::Imposed,
        Edition::PrintShop,
    ];

    /// The name written in `editions:`.
    pub fn key(self) -> &'static str {
        match self {
            Edition::Single => "single",
            Edition::Sequential => "sequential",
            Edition::Flip => "flip",
            Edition::Parallel => "parallel",
            Edition::Imposed => "imposed",
            Edition::PrintShop => "print-shop",
        }
    }

    pub fn parse(key: &str) -> Option<Edition> {
        Edition::ALL.into_iter().find(|e| e.key() == key)
    }

    /// Whether the edition sets two languages in one file.
    pub fn is_bilingual(self) -> bool {
        matches!(
            self,
            Edition::Sequential | Edition::Flip | Edition::Parallel
        )
    }
}

/// Where each included story starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StoryStart {
    /// Under the story before, on the same page, when at least a third of the page is left;
    /// on the next page otherwise. So no page is left under a third full but a story's last.
    #[default]
    Continue,
    /// On the next page.
    NewPage,
    /// On the next right-hand (odd) page, leaving a blank page when needed.
    RightPage,
}

/// How the cover shows the cover image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CoverLayout {
    /// Inside the margins, under the title.
    #[default]
    Framed,
    /// Over the whole page, to the paper's edge (and into the bleed), the title on a band.
    FullBleed,
}

/// Where a booklet comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A booklet of `content/booklets/`: its own text, then its stories.
    Booklet,
    /// A story's own leaflet (`booklet:` in the story).
    Leaflet,
}

/// The size in bytes of each booklet file the print side made, by its path (as in
/// [`BookletFile::path`]). The build makes booklets before web pages and hands this map to the
/// web renderer, which shows the sizes on download links; the model itself never changes.
pub(crate) type FileSizes = BTreeMap<String, u64>;

/// One PDF file of a booklet.
#[derive(Debug, Clone, PartialEq)]
pub struct BookletFile {
    pub edition: Edition,
    /// The language, or the two languages of a bilingual edition in their order.
    pub languages: Vec<String>,
    /// Relative to the output folder: `booklets/appeals-guide.kk-ru.flip.pdf`.
    pub path: String,
}

impl BookletFile {
    pub fn file_name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
}

/// A booklet, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Booklet {
    /// The entry's name (`appeals-guide`); a leaflet has its story's name.
    pub name: String,
    pub origin: Origin,
    /// The name files are made from: the name as a slug.
    pub file_stem: String,
    /// The languages it exists in, in site order.
    pub languages: Vec<String>,
    pub paper: Paper,
    pub editions: Vec<Edition>,
    /// Names of the included stories, in booklet order (a leaflet: its own story).
    pub stories: Vec<String>,
    pub story_start: StoryStart,
    pub cover_layout: CoverLayout,
    /// Creep of the imposed edition: how far each sheet's pages move towards the spine, per
    /// sheet from the outside (the paper's thickness; 0 for none).
    pub creep_mm: f32,
    pub files: Vec<BookletFile>,
}

/// The cover and colophon facts of one language version.
#[derive(Debug, Clone)]
pub struct Front<'a> {
    pub lang: &'a str,
    pub title: &'a str,
    pub subtitle: Option<&'a str>,
    pub publisher: Option<&'a str>,
    pub contacts: Option<&'a str>,
    pub print_run: Option<u64>,
    pub date: Option<Date>,
    pub partners: &'a [Partner],
    pub cover: Option<&'a ImageRef>,
    /// The page the booklet's web address, cover image and (for a booklet) own text belong to.
    pub page: &'a Page,
}

impl Booklet {
    /// The entry the booklet comes from.
    pub fn entry<'s>(&self, site: &'s Site) -> Option<&'s Entry> {
        match self.origin {
            Origin::Booklet => site.booklets.iter().find(|e| e.name == self.name),
            Origin::Leaflet => site.stories.iter().find(|e| e.name == self.name),
        }
    }

    /// The files to offer on a page in `lang`: its own language's and the bilingual ones.
    pub fn files_for<'b>(&'b self, lang: &'b str) -> impl Iterator<Item = &'b BookletFile> + 'b {
        self.files
            .iter()
            .filter(move |f| f.languages.iter().any(|l| l == lang))
    }

    /// The languages of the bilingual editions: the first two the booklet exists in.
    pub fn pair(&self) -> Option<(&str, &str)> {
        match self.languages.as_slice() {
            [a, b, ..] => Some((a, b)),
            _ => None,
        }
    }

    /// Cover and colophon facts in `lang`.
    pub fn front<'s>(&self, site: &'s Site, lang: &'s str) -> Option<Front<'s>> {
        let page = self.entry(site)?.page(lang)?;
        if let Some(meta) = page.booklet() {
            return Some(Front {
                lang,
                title: &page.title,
                subtitle: meta.subtitle.as_deref(),
                publisher: meta.publisher.as_deref(),
                contacts: meta.contacts.as_deref(),
                print_run: meta.print_run,
                date: meta.date,
                partners: meta.partners.as_deref().unwrap_or_default(),
                cover: meta.cover.as_ref(),
                page,
            });
        }
        let story = page.story()?;
        let options = story
            .booklet
            .as_ref()
            .and_then(|v| leaflet_request(v).ok().flatten())
            .unwrap_or_default();
        let summary = page.summary();
        Some(Front {
            lang,
            title: &page.title,
            subtitle: (!summary.is_empty()).then_some(summary),
            // A leaflet is the site's own: its publisher is the site.
            publisher: Some(site.config.title(lang)),
            contacts: None,
            print_run: options.print_run,
            date: story.date,
            partners: story.partners.as_deref().unwrap_or_default(),
            cover: story.cover.as_ref(),
            page,
        })
    }
}

/// The options a story's `booklet:` map may give (`booklet: true` takes all defaults).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LeafletOptions {
    pub paper: Option<Checked<Paper>>,
    pub editions: Option<Vec<String>>,
    pub print_run: Option<u64>,
    pub story_start: Option<StoryStart>,
    pub cover_layout: Option<CoverLayout>,
    pub creep_mm: Option<f32>,
}

/// `booklet:` of a story: `Ok(None)` for no leaflet (`false`), the options otherwise.
pub(crate) fn leaflet_request(value: &serde_yaml::Value) -> Result<Option<LeafletOptions>, String> {
    match value {
        serde_yaml::Value::Bool(false) | serde_yaml::Value::Null => Ok(None),
        serde_yaml::Value::Bool(true) => Ok(Some(LeafletOptions::default())),
        serde_yaml::Value::Mapping(_) => leaflet_options(value).map(Some),
        _ => Err("`booklet:` is `true` or a map of options, like { paper: A6 }".to_string()),
    }
}

fn leaflet_options(value: &serde_yaml::Value) -> Result<LeafletOptions, String> {
    serde_yaml::from_value(value.clone()).map_err(|e| format!("in `booklet:`, {e}"))
}

/// Every booklet and leaflet of the site, with the problems that keep one from being printed
/// as asked (errors) or that change what is printed (warnings), each at its front matter line.
pub(crate) fn resolve(site: &Site) -> (Vec<Booklet>, Diagnostics) {
    let mut report = Reporter {
        root: &site.root,
        problems: Diagnostics::new(),
    };
    let mut booklets: Vec<Booklet> = site
        .booklets
        .iter()
        .filter_map(|entry| booklet(site, entry, &mut report))
        .collect();
    let taken: HashMap<String, String> = booklets
        .iter()
        .map(|b| (b.file_stem.clone(), b.name.clone()))
        .collect();
    for entry in &site.stories {
        let Some(leaflet) = leaflet(entry, &mut report) else {
            continue;
        };
        if let Some(other) = taken.get(&leaflet.file_stem) {
            if let Some(page) = entry.pages.first() {
                report.at_field(
                    page,
                    "booklet",
                    None,
                    Diagnostic::error(format!(
                        "the leaflet of this story would have the same file names as the booklet \"{other}\""
                    ))
                    .with_hint("rename the booklet or the story, or remove `booklet:` from the story"),
                );
            }
            continue;
        }
        booklets.push(leaflet);
    }
    (booklets, report.problems)
}

/// The print settings a booklet's or a leaflet's front matter gives.
struct Written<'a> {
    paper: Option<&'a Checked<Paper>>,
    editions: Option<&'a [String]>,
    story_start: Option<StoryStart>,
    cover_layout: Option<CoverLayout>,
    creep_mm: Option<f32>,
    /// The front matter key the settings are written under: the booklet's own fields, or a
    /// story's `booklet:` map.
    key: fn(&'static str) -> &'static str,
}

fn booklet(site: &Site, entry: &Entry, report: &mut Reporter) -> Option<Booklet> {
    let first = entry.pages.first()?;
    let meta = first.booklet()?;
    // Language-neutral settings come from the default language's file (translations inherit
    // them); a translation that writes its own is checked too, at its own line.
    for page in entry.pages.iter().skip(1) {
        if let Some(own) = page.booklet() {
            story_selection(site, page, own.stories.as_ref(), report);
            paper(page, own.paper.as_ref(), |k| k, report);
            editions(page, own.editions.as_deref(), 2, |k| k, report);
        }
    }
    let languages: Vec<String> = entry.pages.iter().map(|p| p.lang.clone()).collect();
    let written = Written {
        paper: meta.paper.as_ref(),
        editions: meta.editions.as_deref(),
        story_start: meta.story_start,
        cover_layout: meta.cover_layout,
        creep_mm: meta.creep_mm,
        key: |k| k,
    };
    let stories = story_selection(site, first, meta.stories.as_ref(), report);
    Some(assemble(
        entry,
        Origin::Booklet,
        languages,
        stories,
        &written,
        first,
        report,
    ))
}

fn leaflet(entry: &Entry, report: &mut Reporter) -> Option<Booklet> {
    let first = entry.pages.first()?;
    let value = first.story()?.booklet.as_ref()?;
    let options = match leaflet_request(value) {
        Ok(Some(options)) => options,
        Ok(None) => return None,
        Err(message) => {
            report.at_field(first, "booklet", None, Diagnostic::error(message));
            return None;
        }
    };
    let languages: Vec<String> = entry.pages.iter().map(|p| p.lang.clone()).collect();
    let written = Written {
        paper: options.paper.as_ref(),
        editions: options.editions.as_deref(),
        story_start: options.story_start,
        cover_layout: options.cover_layout,
        creep_mm: options.creep_mm,
        key: |_| "booklet",
    };
    Some(assemble(
        entry,
        Origin::Leaflet,
        languages,
        vec![entry.name.clone()],
        &written,
        first,
        report,
    ))
}

fn assemble(
    entry: &Entry,
    origin: Origin,
    languages: Vec<String>,
    stories: Vec<String>,
    written: &Written,
    page: &Page,
    report: &mut Reporter,
) -> Booklet {
    let paper = paper(page, written.paper, written.key, report);
    let editions = editions(page, written.editions, languages.len(), written.key, report);
    let file_stem = file_stem(&entry.name);
    let files = files(&file_stem, &editions, &languages);
    Booklet {
        name: entry.name.clone(),
        origin,
        file_stem,
        languages,
        paper,
        editions,
        stories,
        story_start: written.story_start.unwrap_or_default(),
        cover_layout: written.cover_layout.unwrap_or_default(),
        creep_mm: creep(page, written.creep_mm, written.key, report),
        files,
    }
}

/// `appeals-guide`, or `reports-2023` for a booklet in a sub-folder `reports/2023`.
fn file_stem(name: &str) -> String {
    name.split('/')
        .map(crate::i18n::slugify)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The files of the editions, in the order a download list shows them.
fn files(stem: &str, editions: &[Edition], languages: &[String]) -> Vec<BookletFile> {
    let file = |edition: Edition, langs: Vec<String>, name: String| BookletFile {
        edition,
        languages: langs,
        path: format!("{OUTPUT_FOLDER}/{name}"),
    };
    let mut files = Vec::new();
    for edition in Edition::ALL.into_iter().filter(|e| editions.contains(e)) {
        match edition {
            Edition::Single => {
                for lang in languages {
                    files.push(file(
                        edition,
                        vec![lang.clone()],
                        format!("{stem}.{lang}.pdf"),
                    ));
                }
            }
            Edition::Sequential | Edition::Flip | Edition::Parallel => {
                if let [a, b, ..] = languages {
                    files.push(file(
                        edition,
                        vec![a.clone(), b.clone()],
                        format!("{stem}.{a}-{b}.{}.pdf", edition.key()),
                    ));
                }
            }
            Edition::Imposed | Edition::PrintShop => {
                let suffix = if edition == Edition::Imposed {
                    "imposed"
                } else {
                    "print"
                };
                for lang in languages {
                    files.push(file(
                        edition,
                        vec![lang.clone()],
                        format!("{stem}.{lang}.{suffix}.pdf"),
                    ));
                }
            }
        }
    }
    files
}

/// The creep in millimetres; 0 when not given, and when not between 0 and 1 mm (an error).
fn creep(
    page: &Page,
    value: Option<f32>,
    key: fn(&'static str) -> &'static str,
    report: &mut Reporter,
) -> f32 {
    match value {
        None => 0.0,
        Some(mm) if (0.0..=1.0).contains(&mm) => mm,
        Some(mm) => {
            report.at_field(
                page,
                key("creep_mm"),
                Some("creep_mm"),
                Diagnostic::error(format!("a creep of {mm} mm per sheet is not paper")).with_hint(
                    "give the paper's thickness, e.g. `creep_mm: 0.1` for 80 g/m² office paper",
                ),
            );
            0.0
        }
    }
}

/// The paper size; A5 when not given or not usable (an error then).
fn paper(
    page: &Page,
    value: Option<&Checked<Paper>>,
    key: fn(&'static str) -> &'static str,
    report: &mut Reporter,
) -> Paper {
    match value {
        None => Paper::default(),
        Some(Checked::Valid(paper)) => *paper,
        Some(Checked::Invalid(err)) => {
            report.at_field(
                page,
                key("paper"),
                Some("paper"),
                Diagnostic::error(format!("the paper size cannot be used: {err}")).with_hint(
                    "write `paper: A5` (or A4, A6, Letter), or `paper: { width_mm: 148, height_mm: 210 }`",
                ),
            );
            Paper::default()
        }
    }
}

/// The editions asked for (all that apply when not given); unknown names are errors, and
/// bilingual editions of a booklet in one language are left out with a warning.
fn editions(
    page: &Page,
    written: Option<&[String]>,
    languages: usize,
    key: fn(&'static str) -> &'static str,
    report: &mut Reporter,
) -> Vec<Edition> {
    let Some(written) = written else {
        return Edition::ALL
            .into_iter()
            .filter(|e| languages >= 2 || !e.is_bilingual())
            .collect();
    };
    let mut editions = Vec::new();
    for name in written {
        let Some(edition) = Edition::parse(name) else {
            let keys = Edition::ALL.map(Edition::key);
            let hint = suggest(
                name,
                keys,
                &format!("the editions are: {}", keys.join(", ")),
            );
            report.at_field(
                page,
                key("editions"),
                Some(name),
                Diagnostic::error(format!("unknown booklet edition \"{name}\"")).with_hint(hint),
            );
            continue;
        };
        if edition.is_bilingual() && languages < 2 {
            report.at_field(
                page,
                key("editions"),
                Some(name),
                Diagnostic::warning(format!(
                    "the {name} edition needs two languages, and this booklet has one: it is left out"
                ))
                .with_hint("add the translation of the booklet, or remove the edition"),
            );
            continue;
        }
        if !editions.contains(&edition) {
            editions.push(edition);
        }
    }
    editions
}

/// The story names a booklet's `stories:` selects: the names of a list in its order, or the
/// stories a taxonomy filter (`{ district: balkhash }`) matches, newest first.
fn story_selection(
    site: &Site,
    page: &Page,
    value: Option<&Checked<StorySelection>>,
    report: &mut Reporter,
) -> Vec<String> {
    match value {
        None => Vec::new(),
        Some(Checked::Valid(StorySelection::Names(names))) => {
            named_stories(site, page, names, report)
        }
        Some(Checked::Valid(StorySelection::Filter(filter))) => {
            story_filter(site, page, filter, report)
        }
        Some(Checked::Invalid(message)) => {
            report.at_field(page, "stories", None, Diagnostic::error(message.clone()));
            Vec::new()
        }
    }
}

fn named_stories(site: &Site, page: &Page, names: &[String], report: &mut Reporter) -> Vec<String> {
    let known: Vec<&str> = site.stories.iter().map(|e| e.name.as_str()).collect();
    let mut found = Vec::new();
    for name in names {
        if known.contains(&name.as_str()) {
            if !found.contains(name) {
                found.push(name.clone());
            }
            continue;
        }
        let hint = suggest(
            name,
            known.iter().copied(),
            "name a story by its file name without the language: kids-sport for content/projects/kids-sport.kk.md",
        );
        report.at_field(
            page,
            "stories",
            Some(name),
            Diagnostic::error(format!(
                "the booklet includes the story \"{name}\", which does not exist"
            ))
            .with_hint(hint),
        );
    }
    found
}

/// Stories whose terms match every taxonomy of the filter (any of a list of terms).
fn story_filter(
    site: &Site,
    page: &Page,
    filter: &BTreeMap<String, Vec<String>>,
    report: &mut Reporter,
) -> Vec<String> {
    let taxonomies = site.config.taxonomies();
    let mut wanted: Vec<(Taxonomy, &[String])> = Vec::new();
    let mut usable = true;
    for (key, terms) in filter {
        let Some(taxonomy) = taxonomies.iter().find(|t| t.key() == key) else {
            let names = site.config.raw.taxonomies.keys().map(String::as_str);
            let hint = suggest(
                key,
                names,
                "filter by a taxonomy of site.yaml, like { district: balkhash }",
            );
            report.at_field(
                page,
                "stories",
                Some(key),
                Diagnostic::error(format!(
                    "the booklet filters stories by \"{key}\", which is not a taxonomy in site.yaml"
                ))
                .with_hint(hint),
            );
            usable = false;
            continue;
        };
        for term in terms {
            if !site.config.has_term(taxonomy, term) {
                let keys = site.config.term_keys(taxonomy);
                let hint = suggest(
                    term,
                    keys.iter().copied(),
                    &format!("the terms of {taxonomy} are: {}", keys.join(", ")),
                );
                report.at_field(
                    page,
                    "stories",
                    Some(term),
                    Diagnostic::error(format!("\"{term}\" is not a {taxonomy} term in site.yaml"))
                        .with_hint(hint),
                );
                usable = false;
            }
        }
        wanted.push((taxonomy.clone(), terms));
    }
    if !usable {
        return Vec::new();
    }
    let selected: Vec<String> = site
        .stories
        .iter()
        .filter(|entry| {
            let Some(meta) = entry.pages.first().and_then(Page::story) else {
                return false;
            };
            wanted.iter().all(|(taxonomy, terms)| {
                meta.terms(taxonomy)
                    .iter()
                    .any(|t| terms.iter().any(|w| w == t))
            })
        })
        .map(|e| e.name.clone())
        .collect();
    if selected.is_empty() {
        report.at_field(
            page,
            "stories",
            None,
            Diagnostic::warning("the booklet's story filter matches no story")
                .with_hint("check the terms, or list the stories by name"),
        );
    }
    selected
}

/// Places problems at the front matter line that wrote the value. A value a translation
/// inherits was checked in the file that wrote it, so a page that does not write the key
/// reports nothing.
struct Reporter<'a> {
    root: &'a Path,
    problems: Diagnostics,
}

impl Reporter<'_> {
    fn at_field(&mut self, page: &Page, key: &str, needle: Option<&str>, d: Diagnostic) {
        let d = d.in_file(&page.source);
        let text = std::fs::read_to_string(self.root.join(&page.source)).ok();
        let Some(text) = text else {
            self.problems.push(d);
            return;
        };
        let Ok(split) = super::frontmatter::split(&text, &page.source) else {
            self.problems.push(d.at(1, 1));
            return;
        };
        if let Some((line, column)) = crate::yaml::position_of(split.yaml, key, needle) {
            self.problems.push(d.at(line + split.yaml_line - 1, column));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::schema::STORIES_SHAPE;

    #[test]
    fn story_lists_are_names_and_maps_are_filters() {
        let names: Checked<StorySelection> = serde_yaml::from_str("[a, b]").expect("yaml");
        assert_eq!(
            names,
            Checked::Valid(StorySelection::Names(vec!["a".into(), "b".into()]))
        );
        let one: Checked<StorySelection> = serde_yaml::from_str("a").expect("yaml");
        assert_eq!(one, Checked::Valid(StorySelection::Names(vec!["a".into()])));
        let filter: Checked<StorySelection> =
            serde_yaml::from_str("{ district: b, topics: [c, d] }").expect("yaml");
        let Checked::Valid(StorySelection::Filter(filter)) = filter else {
            panic!("a filter: {filter:?}")
        };
        assert_eq!(filter["topics"], ["c", "d"]);
        let nested: Checked<StorySelection> = serde_yaml::from_str("[a, [b]]").expect("yaml");
        assert_eq!(nested, Checked::Invalid(STORIES_SHAPE.to_string()));
        let bad: Checked<StorySelection> =
            serde_yaml::from_str("{ district: { x: 1 } }").expect("yaml");
        assert!(
            matches!(&bad, Checked::Invalid(m) if m.contains("the filter's \"district\" must be a term")),
            "{bad:?}"
        );
    }

    #[test]
    fn files_are_named_for_what_they_are() {
        let langs = vec!["kk".to_string(), "ru".to_string()];
        let names: Vec<String> = files("guide", &Edition::ALL, &langs)
            .iter()
            .map(|f| f.path.clone())
            .collect();
        assert_eq!(
            names,
            [
                "booklets/guide.kk.pdf",
                "booklets/guide.ru.pdf",
                "booklets/guide.kk-ru.sequential.pdf",
                "booklets/guide.kk-ru.flip.pdf",
                "booklets/guide.kk-ru.parallel.pdf",
                "booklets/guide.kk.imposed.pdf",
                "booklets/guide.ru.imposed.pdf",
                "booklets/guide.kk.print.pdf",
                "booklets/guide.ru.print.pdf",
            ]
        );
        let one = files("guide", &[Edition::Flip, Edition::Single], &langs[..1]);
        assert_eq!(one.len(), 1, "{one:?}");
    }

    #[test]
    fn leaflet_requests() {
        let yes: serde_yaml::Value = serde_yaml::from_str("true").expect("yaml");
        assert!(leaflet_request(&yes).expect("valid").is_some());
        let no: serde_yaml::Value = serde_yaml::from_str("false").expect("yaml");
        assert!(leaflet_request(&no).expect("valid").is_none());
        let map: serde_yaml::Value =
            serde_yaml::from_str("{ paper: A6, story_start: right-page }").expect("yaml");
        let options = leaflet_request(&map).expect("valid").expect("some");
        assert_eq!(options.story_start, Some(StoryStart::RightPage));
        let bad: serde_yaml::Value = serde_yaml::from_str("{ colour: red }").expect("yaml");
        assert!(leaflet_request(&bad).is_err());
        let odd: serde_yaml::Value = serde_yaml::from_str("3").expect("yaml");
        assert!(leaflet_request(&odd).is_err());
    }

    #[test]
    fn stems_are_slugs() {
        assert_eq!(file_stem("reports/2023"), "reports-2023");
        assert_eq!(file_stem("Біз туралы"), "biz-turaly");
    }
}
