//! The web renderer: turns the site model into HTML pages through the theme's templates, plus
//! the language chooser, 404 page, taxonomy pages, impact dashboard, Atom feeds, sitemap,
//! robots.txt and static files.
//!
//! Every HTML page is one [`Job`]. A job says what it reads from the content ([`Job::reads`]), so
//! the dev server can re-render only the pages a change affects ([`render_pages`]).

pub(crate) mod booklets;
pub(crate) mod charts;
pub(crate) mod context;
pub(crate) mod dashboard;
pub(crate) mod facets;
pub(crate) mod fallback;
pub(crate) mod feed;
pub(crate) mod files;
pub(crate) mod filter_index;
pub(crate) mod images;
pub(crate) mod indexes;
pub(crate) mod jsonld;
pub(crate) mod pagination;
pub(crate) mod percent;
pub(crate) mod reuse;
pub(crate) mod search;
pub(crate) mod share;
pub(crate) mod sitemap;
pub(crate) mod taxonomy;
pub(crate) mod templates;

use std::sync::Arc;

use rayon::prelude::*;
use tera::{Context, Tera, Value};

use crate::content::booklets::FileSizes;
use crate::content::{Entry, Kind, Page, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{Recorder, Sink};
use crate::theme::Theme;

use context::{Builder, LanguageValues};
use reuse::CardCache;
pub(crate) use reuse::Reuse;

/// One HTML page (or one set of pages made together) to render.
#[derive(Clone, Copy)]
pub(crate) enum Job<'a> {
    Content(&'a Entry, &'a Page),
    /// The project list of a language; `List("")` is every language's home page of a site
    /// without home texts.
    List(&'a str),
    /// The booklet list of a language, with the site's booklets it shows.
    Booklets(&'a str, &'a [Entry]),
    Terms(&'a str, &'a taxonomy::TaxonomyPages),
    Term(&'a str, &'a taxonomy::TaxonomyPages, &'a taxonomy::Term),
    Dashboard(&'a str),
    /// The search page of a language, `/{lang}/search/`.
    Search(&'a str),
    Chooser,
    NotFound,
}

/// What a job shows from the content, besides what every page shows (site.yaml, the theme's
/// strings, the menu of plain pages).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Reads<'a> {
    /// Entries shown on the page, by kind and name. A content page reads its own entry (all its
    /// languages: the language switcher links to them).
    pub entries: Vec<(Kind, &'a str)>,
    /// The page lists stories (cards, feeds): a story added, removed or changed changes it.
    pub all_stories: bool,
}

impl<'a> Job<'a> {
    /// A name for the job, unique in a site and stable between builds: the file it writes.
    /// A new kind of job must give one, and say what it reads ([`Job::reads`]).
    pub(crate) fn key(&self) -> String {
        match self {
            Job::Content(_, page) => format!("{}index.html", page.path),
            Job::List("") => "*/index.html".to_string(),
            Job::List(lang) => format!("{lang}/projects/index.html"),
            Job::Booklets(lang, _) => format!("{lang}/booklets/index.html"),
            Job::Terms(lang, tax) => format!("{}index.html", taxonomy::index_path(lang, tax.key())),
            Job::Term(lang, tax, term) => {
                format!(
                    "{}index.html",
                    taxonomy::term_path(lang, tax.key(), &term.key)
                )
            }
            Job::Dashboard(lang) => format!("{}index.html", dashboard::path(lang)),
            Job::Search(lang) => format!("{lang}/search/index.html"),
            Job::Chooser => "index.html".to_string(),
            Job::NotFound => "404.html".to_string(),
        }
    }

    /// `site` is the site the job was made from (the prepared one).
    pub(crate) fn reads(&self, site: &'a Site) -> Reads<'a> {
        match self {
            Job::Content(entry, _) => Reads {
                entries: vec![(entry.kind, entry.name.as_str())],
                all_stories: entry.kind == Kind::Home,
            },
            Job::List("") => Reads {
                entries: Vec::new(),
                all_stories: true,
            },
            Job::List(_) => Reads {
                entries: vec![(Kind::ProjectsIndex, "")],
                all_stories: true,
            },
            Job::Booklets(_, booklets) => Reads {
                entries: booklets
                    .iter()
                    .map(|e| (Kind::Booklet, e.name.as_str()))
                    .collect(),
                all_stories: false,
            },
            // Counts come from every story.
            Job::Terms(..) => Reads {
                entries: Vec::new(),
                all_stories: true,
            },
            // A term page shows the cards of its stories, and its switcher asks whether it has
            // stories in each language: a story that joins or leaves the term is one of them
            // before or after the change, which the server checks both.
            Job::Term(_, _, term) => Reads {
                entries: term
                    .story_names(site)
                    .into_iter()
                    .map(|n| (Kind::Story, n))
                    .collect(),
                all_stories: false,
            },
            // Totals come from every story (and every booklet's print run).
            Job::Dashboard(_) => Reads {
                entries: Vec::new(),
                all_stories: true,
            },
            // The filters list the districts, topics and years of all stories.
            Job::Search(_) => Reads {
                entries: Vec::new(),
                all_stories: true,
            },
            Job::Chooser | Job::NotFound => Reads::default(),
        }
    }

    /// The top-level template the job renders with; `exists` tells which optional templates
    /// the theme has.
    pub(crate) fn template(&self, exists: &dyn Fn(&str) -> bool) -> &'static str {
        match self {
            Job::Content(entry, _) => match entry.kind {
                Kind::Story => "story.html",
                Kind::Home => "home.html",
                Kind::Booklet if exists("booklet.html") => "booklet.html",
                _ => "page.html",
            },
            Job::List("") => "home.html",
            Job::List(_) => "list.html",
            Job::Booklets(..) => "booklets.html",
            Job::Terms(..) => "terms.html",
            Job::Term(..) => "term.html",
            Job::Dashboard(_) => "dashboard.html",
            Job::Search(_) => "search.html",
            Job::Chooser => "chooser.html",
            Job::NotFound => "404.html",
        }
    }
}

/// The site as the web renderer shows it: with borrowed pages for missing translations (when
/// the site asks for them), its taxonomy terms and its dashboard figures, worked out once, and
/// the files made before the pages: the sizes of the booklet files the print side made (for the
/// download links) and of the share cards (for the download links and link previews).
pub(crate) struct Prepared<'a> {
    pub site: std::borrow::Cow<'a, Site>,
    pub taxonomies: Vec<taxonomy::TaxonomyPages>,
    pub figures: dashboard::Figures,
    pub booklet_sizes: &'a FileSizes,
    /// The share cards by their output path (`kk/projects/x/card-1200x630.png`); empty when
    /// the theme makes none, and pages then offer none.
    pub card_files: &'a FileSizes,
}

/// Prepares `site` for rendering; `booklet_sizes` are the sizes of the booklet files made
/// (empty when none were: the links then show no size), `card_files` the share cards made.
pub(crate) fn prepare<'a>(
    site: &'a Site,
    booklet_sizes: &'a FileSizes,
    card_files: &'a FileSizes,
) -> Prepared<'a> {
    let shown = fallback::apply(site);
    let taxonomies = taxonomy::collect(&shown);
    let figures = dashboard::figures(&shown);
    Prepared {
        site: shown,
        taxonomies,
        figures,
        booklet_sizes,
        card_files,
    }
}

/// Every HTML page of the site, as jobs.
pub(crate) fn jobs<'a>(prepared: &'a Prepared) -> Vec<Job<'a>> {
    let site: &Site = &prepared.site;
    let mut jobs = vec![Job::Chooser, Job::NotFound];
    for lang in site.config.language_codes() {
        jobs.push(Job::List(lang));
        if site.booklets.iter().any(|e| e.page(lang).is_some()) {
            jobs.push(Job::Booklets(lang, &site.booklets));
        }
        jobs.push(Job::Search(lang));
        jobs.push(Job::Dashboard(lang));
        for tax in &prepared.taxonomies {
            jobs.push(Job::Terms(lang, tax));
            for term in tax.terms.iter().filter(|t| t.count(lang) > 0) {
                jobs.push(Job::Term(lang, tax, term));
            }
        }
    }
    for entry in site.entries().filter(|e| e.kind != Kind::ProjectsIndex) {
        jobs.extend(entry.pages.iter().map(|page| Job::Content(entry, page)));
    }
    if home_missing_in(site).next().is_some() {
        // Without content/_index.LANG.md each language still gets a home page.
        jobs.push(Job::List(""));
    }
    jobs
}

/// What `render` wrote.
#[derive(Debug, Clone)]
pub(crate) struct Rendered {
    /// HTML pages (jobs: a paginated list counts once).
    pub pages: usize,
    pub images: images::Stats,
    /// The files each job wrote, by its key.
    pub jobs: Vec<(String, Vec<String>)>,
    /// The files of the sitemap, the feeds and the search index, when they were written.
    pub indexes: Vec<String>,
}

/// Which of a site's pages a render makes: an incremental build keeps the others from the
/// previous output.
pub(crate) struct Part<'p, 'a> {
    pub jobs: &'p [Job<'a>],
    /// The sitemap, the feeds and the search index.
    pub indexes: bool,
}

/// Render the whole site into `sink`; `booklet_sizes` are what the print side made,
/// `card_files` the share cards.
pub(crate) fn render(
    site: &Site,
    theme: &Theme,
    (booklet_sizes, card_files): (&FileSizes, &FileSizes),
    sink: &dyn Sink,
) -> Result<Rendered, Diagnostics> {
    // Pages borrowed for missing translations exist only here, not in the model (see fallback).
    let prepared = prepare(site, booklet_sizes, card_files);
    render_prepared(site, &prepared, theme, sink, &mut Reuse::default())
}

/// [`render`] of a site already prepared, reusing and filling `reuse` (see [`Reuse`]).
pub(crate) fn render_prepared(
    site: &Site,
    prepared: &Prepared,
    theme: &Theme,
    sink: &dyn Sink,
    reuse: &mut Reuse,
) -> Result<Rendered, Diagnostics> {
    let all = jobs(prepared);
    let part = Part {
        jobs: &all,
        indexes: true,
    };
    render_part(site, prepared, theme, sink, reuse, part)
}

/// [`render_prepared`] of the pages of `part` only; the images, bundle files and static files
/// are placed all the same (from their caches: that costs little).
pub(crate) fn render_part(
    site: &Site,
    prepared: &Prepared,
    theme: &Theme,
    sink: &dyn Sink,
    reuse: &mut Reuse,
    part: Part,
) -> Result<Rendered, Diagnostics> {
    let shown: &Site = &prepared.site;
    // Pages need the images' sizes, so images come first.
    let catalog = images::process(shown)?;
    let (jobs, indexes) = if part.indexes {
        render_with_indexes(site, prepared, theme, &catalog, part.jobs, sink, reuse)?
    } else {
        let jobs = render_pages(prepared, theme, &catalog, part.jobs, sink, &mut reuse.cards)?;
        (jobs, Vec::new())
    };
    let mut problems = Diagnostics::new();
    files::copy_assets(shown, sink, &mut problems);
    catalog.place(sink, &mut problems);
    files::write_static(shown, theme, sink, &mut problems);
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(Rendered {
        pages: jobs.len(),
        images: catalog.stats,
        jobs,
        indexes,
    })
}

/// The files each job wrote, by the job's key.
pub(crate) type JobFiles = Vec<(String, Vec<String>)>;

/// [`render_pages`] with, beside them on the other cores, the sitemap and the feeds, then the
/// search index from the words the story pages gathered: the work that reads the whole site
/// (`site` as written, `prepared` as shown). Returns the files of each job and those of the
/// indexes.
pub(crate) fn render_with_indexes(
    site: &Site,
    prepared: &Prepared,
    theme: &Theme,
    images: &images::Catalog,
    jobs: &[Job],
    sink: &(dyn Sink + Sync),
    reuse: &mut Reuse,
) -> Result<(JobFiles, Vec<String>), Diagnostics> {
    let Reuse { words, cards } = reuse;
    let gathered = search::Gathered::new(std::mem::take(words));
    let recorder = Recorder::new(sink);
    let (pages, mut problems) = rayon::join(
        || render_jobs(prepared, theme, images, jobs, sink, cards, Some(&gathered)),
        || indexes::write_lists(site, prepared, &recorder),
    );
    *words = gathered.into_cache();
    if let Err(d) = search::write(&prepared.site, &recorder, words) {
        problems.push(d);
    }
    let indexes = recorder.into_placed();
    match pages {
        Ok(pages) if !problems.has_errors() => Ok((pages, indexes)),
        Ok(_) => Err(problems),
        Err(mut failures) => {
            failures.extend(problems);
            Err(failures)
        }
    }
}

/// Render the HTML pages of `jobs` (made from `prepared`) into `sink`, and nothing else (no assets,
/// static files or sitemap). Returns the files each job wrote.
pub(crate) fn render_pages(
    prepared: &Prepared,
    theme: &Theme,
    images: &images::Catalog,
    jobs: &[Job],
    sink: &dyn Sink,
    cards: &mut CardCache,
) -> Result<JobFiles, Diagnostics> {
    render_jobs(prepared, theme, images, jobs, sink, cards, None)
}

/// [`render_pages`], the story pages' search words going to `words` when given.
fn render_jobs(
    prepared: &Prepared,
    theme: &Theme,
    images: &images::Catalog,
    jobs: &[Job],
    sink: &dyn Sink,
    cards: &mut CardCache,
    words: Option<&search::Gathered>,
) -> Result<JobFiles, Diagnostics> {
    let site: &Site = &prepared.site;
    let strings = Arc::new(theme.strings.clone());
    let tera = templates::environment(theme, &site.config.base, strings.clone())?;
    let builder = Builder {
        site,
        strings: &strings,
        images,
        booklet_sizes: prepared.booklet_sizes,
        card_files: prepared.card_files,
        logo: jsonld::entities::logo(site, prepared.card_files),
    };
    if jobs.is_empty() {
        return Ok(Vec::new());
    }
    let languages: Vec<LanguageValues> = site
        .config
        .language_codes()
        .into_iter()
        .map(|l| builder.language(l, cards))
        .collect();
    let facets: Vec<(&str, Value)> = site
        .config
        .language_codes()
        .into_iter()
        .map(|l| (l, facets::Facets::of(site, builder.strings, l).value()))
        .collect();

    let renderer = Renderer {
        site,
        tera: &tera,
        builder: &builder,
        languages: &languages,
        staging: sink,
        figures: &prepared.figures,
        facets: &facets,
        words,
    };
    let progress = crate::progress::bar(jobs.len(), "pages");
    // Pieces of a few jobs, so a core that finishes early always finds pages to take: the
    // jobs differ in cost (a story page, a term page of many cards), and with rayon's own
    // pieces one core rendered the last fifth of a 10,000-story build alone.
    let results: Vec<Result<(String, Vec<String>), Diagnostic>> = jobs
        .par_iter()
        .with_max_len(8)
        .map(|job| {
            let recorder = Recorder::new(sink);
            let result = Renderer {
                staging: &recorder,
                ..renderer
            }
            .render(job);
            progress.inc();
            result.map(|()| (job.key(), recorder.into_placed()))
        })
        .collect();
    progress.finish();
    let mut written = Vec::with_capacity(results.len());
    let mut problems = Diagnostics::new();
    for result in results {
        match result {
            Ok(files) => written.push(files),
            Err(d) => problems.push(d),
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(written)
}

struct Renderer<'a> {
    site: &'a Site,
    tera: &'a Tera,
    builder: &'a Builder<'a>,
    languages: &'a [LanguageValues],
    staging: &'a dyn Sink,
    figures: &'a dashboard::Figures,
    /// The filter values of each language (see `facets`).
    facets: &'a [(&'a str, Value)],
    /// Where story pages leave their search words, when the index is written after them.
    words: Option<&'a search::Gathered>,
}

/// A list that may span pages, as [`Renderer::paged`] writes it.
pub(super) struct List<'l> {
    template: &'l str,
    /// What templates call the items: `stories`, `booklets`.
    key: &'static str,
    lang: &'l str,
    /// The list's first page, `kk/projects/`; the same in another language has its code.
    first: &'l str,
    items: &'l [Value],
    /// How many items the list has in a language: where it has none, the list has no page
    /// (but the project list, which every language has, empty or not).
    in_language: &'l dyn Fn(&str) -> usize,
    always: bool,
}

impl Renderer<'_> {
    fn render(&self, job: &Job) -> Result<(), Diagnostic> {
        match job {
            Job::Content(entry, page) => self.content(entry, page),
            Job::List("") => self.missing_homes(),
            Job::List(lang) => self.list(lang),
            Job::Booklets(lang, _) => self.booklet_list(lang),
            Job::Terms(lang, tax) => self.terms_page(lang, tax),
            Job::Term(lang, tax, term) => self.term_page(lang, tax, term),
            Job::Dashboard(lang) => self.dashboard_page(lang, self.figures),
            Job::Search(lang) => self.search(lang),
            Job::Chooser => self.root_page("chooser.html", "chooser", "index.html"),
            Job::NotFound => self.root_page("404.html", "404", "404.html"),
        }
    }

    fn values(&self, lang: &str) -> &LanguageValues {
        self.languages
            .iter()
            .find(|v| v.lang == lang)
            .unwrap_or(&self.languages[0])
    }

    fn context(&self, lang: &str, path: &str, page: Value, translations: Value) -> Context {
        // A generated home page (a site without home texts) still presents the organisation.
        let kind = page.get_from_path("kind").and_then(Value::as_str);
        let main = (kind == Some("home")).then(|| jsonld::entities::ngo(self.builder, lang));
        self.context_about(lang, path, page, translations, main)
    }

    /// The context of a page whose JSON-LD is about `main` (see [`jsonld::graph`]).
    fn context_about(
        &self,
        lang: &str,
        path: &str,
        page: Value,
        translations: Value,
        main: Option<serde_json::Value>,
    ) -> Context {
        let values = self.values(lang);
        let mut context = Context::new();
        context.insert("lang", lang);
        context.insert_value("site", values.site.clone());
        context.insert_value("t", values.strings.clone());
        context.insert_value("menu", self.builder.menu_value(values, path));
        context.insert("generator", concat!("egiz ", env!("CARGO_PKG_VERSION")));
        let title = page
            .get_from_path("title")
            .and_then(Value::as_str)
            .unwrap_or("");
        if let Some(json_ld) = jsonld::graph(self.builder, lang, path, title, main) {
            context.insert("json_ld", &json_ld);
        }
        context.insert_value("page", page);
        context.insert_value("translations", translations);
        context
    }

    fn content(&self, entry: &Entry, page: &Page) -> Result<(), Diagnostic> {
        let kind = Builder::kind_of(entry);
        let template =
            Job::Content(entry, page).template(&|name| self.tera.contains_template(name));
        let translations = self
            .builder
            .translations(Some(entry), &|_| None, &page.lang);
        // A story's text goes beside its page, for the search page's excerpts.
        let base = &self.site.config.base.path;
        let (html, text) = match entry.kind {
            Kind::Story => {
                let (html, text) = page.html_and_text(base);
                (html, Some(text))
            }
            _ => (page.html(base), None),
        };
        let mut context = self.context_about(
            &page.lang,
            &page.path,
            self.builder.page(kind, page, &html),
            translations,
            jsonld::entities::of_page(self.builder, entry, page),
        );
        if entry.kind == Kind::Home {
            context.insert_value("stories", self.values(&page.lang).cards.clone());
        }
        self.write(
            template,
            &context,
            &format!("{}index.html", page.path),
            Some(page),
        )?;
        if let Some(text) = text {
            let file = format!("{}{}", page.path, search::TEXT_FILE);
            self.staging
                .write(&file, search::text_file(&text).as_bytes())?;
            if let Some(words) = self.words {
                words.add(&self.site.config, &entry.name, page, text);
            }
        }
        Ok(())
    }

    fn list(&self, lang: &str) -> Result<(), Diagnostic> {
        let first = format!("{lang}/projects/");
        let intro = self.site.projects_index.as_ref().and_then(|e| e.page(lang));
        let intro_html = intro.map(|p| p.html(&self.site.config.base.path));
        let title = intro
            .map(|p| p.title.clone())
            .unwrap_or_else(|| self.builder.strings.get(lang, "projects", None));
        let cards = self.values(lang).cards.as_array().unwrap_or_default();
        let size = self.site.config.raw.page_size;
        // A list of several pages filters through its index (see filter_index).
        let filter_index = (pagination::page_count(cards.len(), size) > 1)
            .then(|| format!("{first}{}", filter_index::FILE));
        if let Some(file) = &filter_index {
            self.staging
                .write(file, filter_index::json(cards, size).as_bytes())?;
        }
        let in_language = |code: &str| self.values(code).cards.as_array().map_or(0, <[Value]>::len);
        self.paged(
            List {
                template: "list.html",
                key: "stories",
                lang,
                first: &first,
                items: cards,
                in_language: &in_language,
                always: true,
            },
            &|path, number| {
                // The list's own text opens its first page only.
                let html = if number == 1 {
                    intro_html.as_deref().unwrap_or("")
                } else {
                    ""
                };
                let page = self.builder.generated_page("list", &title, path, html);
                let mut context = self.context(lang, path, page, Value::none());
                context.insert_value("facets", self.facets_of(lang));
                if let Some(file) = &filter_index {
                    context.insert("filter_index", &self.site.config.base.link(file));
                    context.insert("filter_pages", &self.site.config.base.link(&first));
                }
                context
            },
        )
    }

    fn booklet_list(&self, lang: &str) -> Result<(), Diagnostic> {
        let first = format!("{lang}/booklets/");
        let title = self.builder.strings.get(lang, "booklets", None);
        let all = booklets::list(self.builder, lang);
        let in_language = |code: &str| {
            self.site
                .booklets
                .iter()
                .filter(|e| e.page(code).is_some())
                .count()
        };
        self.paged(
            List {
                template: "booklets.html",
                key: "booklets",
                lang,
                first: &first,
                items: all.as_array().unwrap_or_default(),
                in_language: &in_language,
                always: false,
            },
            &|path, _| {
                let page = self.builder.generated_page("booklets", &title, path, "");
                self.context(lang, path, page, Value::none())
            },
        )
    }

    /// Writes every page of `list`: each gets the context `context_at(path, number)` makes,
    /// its share of the items and its `pagination`, and its translations are the same page of
    /// the list in the languages where the list is that long.
    pub(super) fn paged(
        &self,
        list: List,
        context_at: &dyn Fn(&str, usize) -> Context,
    ) -> Result<(), Diagnostic> {
        let size = self.site.config.raw.page_size;
        let total = pagination::page_count(list.items.len(), size);
        let first_of = |code: &str| list.first.replacen(list.lang, code, 1);
        for (number, items) in pagination::pages(list.items, size) {
            let path = pagination::page_path(list.first, number);
            let mut context = context_at(&path, number);
            let translations = self.builder.translations(
                None,
                &|code| {
                    let count = (list.in_language)(code);
                    let exists =
                        (count > 0 || list.always) && pagination::page_count(count, size) >= number;
                    exists.then(|| pagination::page_path(&first_of(code), number))
                },
                list.lang,
            );
            context.insert_value("translations", translations);
            context.insert_value(list.key, Value::from(items.to_vec()));
            if let Some(pager) = pagination::pager(
                list.first,
                number,
                total,
                &self.site.config.base,
                self.builder.strings,
                list.lang,
            ) {
                context.insert("pagination", &pager);
            }
            self.write(list.template, &context, &format!("{path}index.html"), None)?;
        }
        Ok(())
    }

    fn facets_of(&self, lang: &str) -> Value {
        self.facets
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(Value::none(), |(_, v)| v.clone())
    }

    /// The search page: a form, and the script that reads the index beside it (`search/`).
    fn search(&self, lang: &str) -> Result<(), Diagnostic> {
        let path = format!("{lang}/search/");
        let title = self.builder.strings.get(lang, "search", None);
        let page = self.builder.generated_page("search", &title, &path, "");
        let translations =
            self.builder
                .translations(None, &|code| Some(format!("{code}/search/")), lang);
        let mut context = self.context(lang, &path, page, translations);
        context.insert_value("facets", self.facets_of(lang));
        context.insert(
            "search_index",
            &self
                .site
                .config
                .base
                .link(&format!("{lang}/{}", search::MANIFEST)),
        );
        self.write("search.html", &context, &format!("{path}index.html"), None)
    }

    /// Home pages for languages without a home text: the site title and the latest stories.
    fn missing_homes(&self) -> Result<(), Diagnostic> {
        for lang in home_missing_in(self.site) {
            let path = format!("{lang}/");
            let page = self
                .builder
                .generated_page("home", self.site.config.title(lang), &path, "");
            let translations =
                self.builder
                    .translations(None, &|code| Some(format!("{code}/")), lang);
            let mut context = self.context(lang, &path, page, translations);
            context.insert_value("stories", self.values(lang).cards.clone());
            self.write("home.html", &context, &format!("{path}index.html"), None)?;
        }
        Ok(())
    }

    fn root_page(&self, template: &str, kind: &str, file: &str) -> Result<(), Diagnostic> {
        let lang = self.site.config.default_language.as_str();
        let page = self.builder.generated_page(
            kind,
            self.site.config.title(lang),
            if file == "index.html" { "" } else { file },
            "",
        );
        let translations = self
            .builder
            .translations(None, &|code| Some(format!("{code}/")), lang);
        let context = self.context(lang, "", page, translations);
        self.write(template, &context, file, None)
    }

    fn write(
        &self,
        template: &str,
        context: &Context,
        file: &str,
        page: Option<&Page>,
    ) -> Result<(), Diagnostic> {
        let html = templates::render(self.tera, template, context).map_err(|err| {
            let d = Diagnostic::error(format!("cannot render {file} with the template {template}: {}", templates::error_chain(&err)));
            match page {
                Some(page) => d.in_file(&page.source).with_hint("the page's data did not fit the template; check the template or the front matter"),
                None => d.with_hint("check the theme's template"),
            }
        })?;
        self.staging.write(file, html.as_bytes())
    }
}

/// The languages without a home text (`content/_index.LANG.md`).
fn home_missing_in(site: &Site) -> impl Iterator<Item = &str> {
    site.config
        .language_codes()
        .into_iter()
        .filter(|lang| site.home.as_ref().and_then(|h| h.page(lang)).is_none())
}
