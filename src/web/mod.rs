//! The web renderer: turns the site model into HTML pages through the theme's templates, plus
//! the language chooser, 404 page, sitemap, robots.txt and static files.

pub mod context;
pub mod facets;
pub mod search;
pub mod sitemap;
pub mod templates;
pub mod theme;

use std::sync::Arc;

use rayon::prelude::*;
use tera::{Context, Tera, Value};

use crate::content::{Entry, Kind, Page, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Staging;

use context::{Builder, LanguageValues};
pub use theme::Theme;

/// One HTML file to render.
enum Job<'a> {
    Content(&'a Entry, &'a Page),
    List(&'a str),
    /// The search page of a language, `/{lang}/search/`.
    Search(&'a str),
    Chooser,
    NotFound,
}

/// Render the whole site into `staging`. Returns the number of HTML pages written.
pub fn render(site: &Site, theme: &Theme, staging: &Staging) -> Result<usize, Diagnostics> {
    let strings = Arc::new(theme.strings.clone());
    let tera = templates::environment(theme, &site.config.base, strings.clone())?;
    let builder = Builder {
        site,
        strings: &strings,
    };
    let languages: Vec<LanguageValues> = site
        .config
        .language_codes()
        .into_iter()
        .map(|l| builder.language(l))
        .collect();
    let facets: Vec<(&str, Value)> = site
        .config
        .language_codes()
        .into_iter()
        .map(|l| (l, facets::Facets::of(site, l).value()))
        .collect();

    let mut jobs = vec![Job::Chooser, Job::NotFound];
    for lang in site.config.language_codes() {
        jobs.push(Job::List(lang));
        jobs.push(Job::Search(lang));
    }
    for entry in site.entries().filter(|e| e.kind != Kind::ProjectsIndex) {
        jobs.extend(entry.pages.iter().map(|page| Job::Content(entry, page)));
    }
    if site.home.is_none() {
        // Without content/_index.LANG.md each language still gets a home page.
        jobs.push(Job::List(""));
    }

    let renderer = Renderer {
        site,
        tera: &tera,
        builder: &builder,
        languages: &languages,
        facets: &facets,
        staging,
    };
    let failures: Vec<Diagnostic> = jobs
        .par_iter()
        .filter_map(|job| renderer.render(job).err())
        .collect();
    let problems = Diagnostics::from_iter(failures);
    if problems.has_errors() {
        return Err(problems);
    }
    let mut problems = Diagnostics::new();
    copy_assets(site, staging, &mut problems);
    write_static(site, theme, staging, &mut problems);
    if let Err(d) = sitemap::write(site, staging) {
        problems.push(d);
    }
    if let Err(d) = search::write(site, staging) {
        problems.push(d);
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(jobs.len())
}

struct Renderer<'a> {
    site: &'a Site,
    tera: &'a Tera,
    builder: &'a Builder<'a>,
    languages: &'a [LanguageValues],
    /// The filter values of each language (see `facets`).
    facets: &'a [(&'a str, Value)],
    staging: &'a Staging,
}

impl Renderer<'_> {
    fn render(&self, job: &Job) -> Result<(), Diagnostic> {
        match job {
            Job::Content(entry, page) => self.content(entry, page),
            Job::List("") => self.missing_homes(),
            Job::List(lang) => self.list(lang),
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
        let values = self.values(lang);
        let mut context = Context::new();
        context.insert("lang", lang);
        context.insert_value("site", values.site.clone());
        context.insert_value("t", values.strings.clone());
        context.insert_value("menu", self.builder.menu_value(values, path));
        context.insert_value("page", page);
        context.insert_value("translations", translations);
        context.insert("generator", concat!("egiz ", env!("CARGO_PKG_VERSION")));
        context
    }

    fn content(&self, entry: &Entry, page: &Page) -> Result<(), Diagnostic> {
        let kind = Builder::kind_of(entry);
        let template = match entry.kind {
            Kind::Story => "story.html",
            Kind::Home => "home.html",
            Kind::Booklet if self.tera.contains_template("booklet.html") => "booklet.html",
            _ => "page.html",
        };
        let translations = self
            .builder
            .translations(Some(entry), &|_| None, &page.lang);
        let mut context = self.context(
            &page.lang,
            &page.path,
            self.builder.page(kind, page),
            translations,
        );
        if entry.kind == Kind::Home {
            context.insert_value("stories", self.values(&page.lang).cards.clone());
        }
        self.write(
            template,
            &context,
            &format!("{}index.html", page.path),
            Some(page),
        )
    }

    fn list(&self, lang: &str) -> Result<(), Diagnostic> {
        let path = format!("{lang}/projects/");
        let intro = self.site.projects_index.as_ref().and_then(|e| e.page(lang));
        let title = intro
            .map(|p| p.title.clone())
            .unwrap_or_else(|| self.builder.strings.get(lang, "projects", None));
        let page = self.builder.generated_page(
            "list",
            &title,
            &path,
            intro.map_or("", |p| p.html.as_str()),
        );
        let translations =
            self.builder
                .translations(None, &|code| Some(format!("{code}/projects/")), lang);
        let mut context = self.context(lang, &path, page, translations);
        context.insert_value("stories", self.values(lang).cards.clone());
        context.insert_value("facets", self.facets_of(lang));
        self.write("list.html", &context, &format!("{path}index.html"), None)
    }

    fn facets_of(&self, lang: &str) -> Value {
        self.facets
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(Value::none(), |(_, v)| v.clone())
    }

    /// The search page: a form, and the script that reads `/{lang}/search-index.json`.
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
                .link(&format!("{lang}/{}", search::INDEX_FILE)),
        );
        self.write("search.html", &context, &format!("{path}index.html"), None)
    }

    /// Home pages for a site without home texts: the site title and the latest stories.
    fn missing_homes(&self) -> Result<(), Diagnostic> {
        for lang in self.site.config.language_codes() {
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
        let html = self.tera.render(template, context).map_err(|err| {
            let d = Diagnostic::error(format!("cannot render {file} with the template {template}: {}", templates::error_chain(&err)));
            match page {
                Some(page) => d.in_file(&page.source).with_hint("the page's data did not fit the template; check the template or the front matter"),
                None => d.with_hint("check the theme's template"),
            }
        })?;
        self.staging.write(file, html.as_bytes())
    }
}

/// Bundle images and referenced images beside each page; the second language's copy is a link
/// to the first.
fn copy_assets(site: &Site, staging: &Staging, problems: &mut Diagnostics) {
    let mut placed: std::collections::HashMap<&std::path::Path, String> =
        std::collections::HashMap::new();
    for entry in site.entries() {
        for page in &entry.pages {
            for asset in &page.assets {
                let dest = format!("{}{}", page.path, asset.dest);
                let result = match placed.get(asset.source.as_path()) {
                    Some(first) => staging.duplicate(first, &dest),
                    None => staging.copy(&asset.source, &dest),
                };
                match result {
                    Ok(()) => {
                        placed.entry(asset.source.as_path()).or_insert(dest);
                    }
                    Err(d) => problems.push(d.in_file(&page.source)),
                }
            }
        }
    }
}

/// The theme's static files, then the site's own `static/` folder (which wins).
fn write_static(site: &Site, theme: &Theme, staging: &Staging, problems: &mut Diagnostics) {
    for (relative, origin) in &theme.static_files {
        match origin.read() {
            Ok(bytes) => {
                if let Err(d) = staging.write(relative, &bytes) {
                    problems.push(d);
                }
            }
            Err(err) => problems.push(Diagnostic::error(format!(
                "cannot read {}: {err}",
                origin.shown(relative).display()
            ))),
        }
    }
    let own = site.root.join("static");
    for entry in walkdir::WalkDir::new(&own)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let Ok(relative) = entry.path().strip_prefix(&own) else {
            continue;
        };
        let relative = relative.to_string_lossy().replace('\\', "/");
        let _ = std::fs::remove_file(staging.root().join(&relative));
        if let Err(d) = staging.copy(entry.path(), &relative) {
            problems.push(d);
        }
    }
}
