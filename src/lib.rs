//! # egiz — a static site generator for NGOs
//!
//! *Егіз* is Kazakh for "twins": every story lives as two (or more) language versions of one
//! thing. egiz reads Markdown project stories with YAML front matter, renders a multilingual
//! website through Tera themes, and typesets printable PDF booklets from the same content.
//!
//! ## The pipeline
//!
//! ```text
//! site.yaml ─┐
//! content/ ──┼─► content::load ─► Site (immutable model) ─┬─► web::render ──► HTML, feeds, search index, sitemap, images
//! themes/  ──┘        │                                    └─► print::engine ──► PDF
//!                     └─ Diagnostics: all problems at once, file:line:col
//!                                               output::Staging ─► atomic swap into output/
//! ```
//!
//! 1. [`config`] reads `site.yaml`: languages (Kazakh first in the example), the base URL (which
//!    may have a sub-path), taxonomies with language-neutral term keys.
//! 2. [`content`] walks `content/`, splits front matter ([`content::frontmatter`]), parses it into
//!    typed schemas ([`content::schema`]) with errors placed at `file:line:col` ([`yaml`]),
//!    renders each Markdown body once ([`markdown`]), pairs translations by their file suffix
//!    (`NAME.kk.md` / `NAME.ru.md`), copies language-neutral facts from the default language's file
//!    into translations that omit them, and resolves every page's address. Every problem of the
//!    whole site is collected in [`diagnostics::Diagnostics`]; with any error, nothing is written.
//! 3. [`web`] loads the theme (site theme → the theme it extends → the built-in default, embedded
//!    into the binary by `build.rs`), compiles the templates once, and renders all pages in parallel
//!    (rayon), with [`i18n`] for plurals, dates, numbers and transliterated slugs. Before the
//!    pages, [`web::images`] resizes every JPEG and PNG the pages show (in parallel, reusing
//!    `<site>/.egiz-cache/images/`), so templates get `srcset`, `width` and `height`.
//!    The web side works on a [`web::Prepared`] site: pages borrowed for missing translations
//!    ([`web::fallback`]), taxonomy terms ([`web::taxonomy`]) and dashboard figures, worked out
//!    once; every HTML page is a [`web::Job`] that says what content it reads, so the dev server
//!    can re-render only what a change touches. Feeds, the search index and the sitemap are
//!    written beside the pages.
//! 4. [`print`](mod@crate::print) typesets the same model on paper, in stages that each have a module:
//!    [`print::doc`] (a block/inline tree from Markdown; [`print::story`] adds a story's facts,
//!    results and quotes) → [`print::fonts`] and [`print::shape`] (the embedded Noto family,
//!    harfrust shaping with kerning) → [`print::hyphenate`] (Liang patterns for Russian and
//!    Kazakh) and [`print::linebreak`] (Knuth–Plass) inside [`print::paragraph`] →
//!    [`print::blocks`] (headings, lists, tables, figures into a galley, [`print::layout`]) →
//!    [`print::paginate`] (widows, orphans, keeps, running header and folio) → [`print::pdf`]
//!    (printpdf, then a lopdf pass for page boxes, outlines, links and metadata).
//!    [`print::engine`] ties them together with the theme's [`print::settings`].
//!    Booklets: the model resolves every booklet and story leaflet ([`content::booklets`]: its
//!    stories, paper, editions and the PDF files they make, with their addresses); the build
//!    typesets them first ([`print::booklet`]: cover, contents with real page numbers, text,
//!    back cover with a QR code; single, sequential, flip, parallel, imposed and print-shop
//!    editions), in parallel, then the web pages, which link to the files and show their sizes.
//!    [`booklets`] drives this for `egiz build` and `egiz booklet`.
//! 5. [`output`] writes into a staging folder beside `output/` and swaps it in only when the whole
//!    build succeeded, so a failed build leaves the previous output byte-identical. Every path is
//!    checked to stay inside the output folder.
//!
//! Addresses come from transliterated names, the same everywhere a slug is made:
//!
//! ```
//! assert_eq!(egiz::i18n::slugify("Қазақстанның"), "qazaqstannyng");
//! assert_eq!(egiz::i18n::slugify("Біз туралы"), "biz-turaly");
//! ```
//!
//! and every link is written under the site's base path, so a site can live in a sub-folder:
//!
//! ```
//! let base = egiz::config::BaseUrl::parse("https://org.github.io/ngo-site").unwrap();
//! assert_eq!(base.link("kk/projects/x/"), "/ngo-site/kk/projects/x/");
//! assert_eq!(base.permalink("ru/"), "https://org.github.io/ngo-site/ru/");
//! ```
//!
//! The dev server ([`serve`]) runs the same pipeline into memory and then keeps what it can
//! between saves: parsed files ([`content::load::ParseCache`], trusted without looking at the
//! disk while the watcher reports every change), each story's card and search words
//! ([`web::Reuse`]), and the booklet files a change does not concern. A rebuild re-renders
//! the jobs that read a changed entry, before or after the change, and
//! `serve::incremental`'s tests check after each kind of edit that what it serves is byte for
//! byte what a fresh build makes.
//!
//! The web and print renderers only read the model; neither knows the other.
//! `main.rs` is a thin command-line layer over [`build`], [`init`], [`new_story`],
//! [`print_story`], [`booklets::build_booklets`], [`serve::serve`] (the dev server with live
//! reload) and [`check::check`].

pub mod booklets;
pub mod check;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod i18n;
pub mod markdown;
pub mod output;
pub mod print;
pub mod progress;
pub mod scaffold;
pub mod serve;
pub mod web;
pub mod yaml;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use diagnostics::Diagnostics;

/// What `egiz build` needs to know.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub site: PathBuf,
    /// Defaults to `<site>/output`.
    pub output: Option<PathBuf>,
    /// Replaces `base_url` from site.yaml (e.g. for a preview deployment).
    pub base_url: Option<String>,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub output: PathBuf,
    pub pages: usize,
    /// Booklets and story leaflets printed (each in several PDF files).
    pub booklets: usize,
    pub languages: usize,
    pub stories: usize,
    /// PDF files of the booklets and their total size in bytes.
    pub pdfs: usize,
    pub pdf_bytes: u64,
    /// Resized images: how many were encoded and how many came from the cache.
    pub images: web::images::Stats,
    pub warnings: Diagnostics,
    pub elapsed: Duration,
}

/// Load the site, render it, and swap the result into the output folder.
/// On error, the returned diagnostics hold every problem found and nothing was written.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let (mut site, mut warnings) = content::load(&options.site, options.base_url.as_deref())?;
    warnings.extend(content::coverage::report(&site));
    let (theme, theme_warnings) =
        web::Theme::load(&options.site, &site.config).map_err(|mut problems| {
            problems.extend(warnings.clone());
            problems
        })?;
    warnings.extend(theme_warnings);
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| options.site.join("output"));
    let staging =
        output::Staging::new(&output, &options.site).map_err(|d| Diagnostics::from_iter([d]))?;
    // Booklets first: the web pages show the size of each PDF file.
    let made = booklets::make(
        &site,
        &theme,
        &site.prints.iter().collect::<Vec<_>>(),
        &staging,
    )?;
    booklets::record_sizes(&mut site, &made.files);
    warnings.extend(made.warnings.clone());
    let rendered = web::render(&site, &theme, &staging)?;
    staging.commit().map_err(|d| Diagnostics::from_iter([d]))?;
    Ok(BuildReport {
        output,
        pages: rendered.pages,
        booklets: made.booklets,
        pdfs: made.files.len(),
        pdf_bytes: made.bytes(),
        images: rendered.images,
        languages: site.config.raw.languages.len(),
        stories: site.stories.len(),
        warnings,
        elapsed: started.elapsed(),
    })
}

/// Create a new, working site in `dir` (which must not exist or be empty).
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, Diagnostics> {
    scaffold::init(dir).map_err(|d| Diagnostics::from_iter([d]))
}

/// What `egiz print` needs to know.
#[derive(Debug, Clone)]
pub struct PrintOptions {
    pub site: PathBuf,
    /// The story's name (its file or folder name in content/projects).
    pub story: String,
    /// One language; all the story's languages when `None`.
    pub lang: Option<String>,
    /// The folder the PDFs go to.
    pub output: PathBuf,
}

/// One PDF written by `egiz print`.
#[derive(Debug)]
pub struct PrintedFile {
    pub path: PathBuf,
    pub pages: usize,
    pub bytes: usize,
}

/// Typeset one story as a PDF per language: `NAME.LANG.pdf` in the output folder.
pub fn print_story(options: &PrintOptions) -> Result<(Vec<PrintedFile>, Diagnostics), Diagnostics> {
    let (site, mut warnings) = content::load(&options.site, None)?;
    let Some(entry) = site.stories.iter().find(|e| e.name == options.story) else {
        let names: Vec<&str> = site.stories.iter().map(|e| e.name.as_str()).collect();
        let hint = match diagnostics::did_you_mean(&options.story, names.iter().copied()) {
            Some(best) => format!("did you mean \"{best}\"?"),
            None => format!("the stories are: {}", names.join(", ")),
        };
        return Err(Diagnostics::from_iter([diagnostics::Diagnostic::error(
            format!(
                "there is no story \"{}\" in content/projects",
                options.story
            ),
        )
        .with_hint(hint)]));
    };
    let pages: Vec<&content::Page> = match &options.lang {
        Some(lang) => match entry.page(lang) {
            Some(page) => vec![page],
            None => {
                let have: Vec<&str> = entry.pages.iter().map(|p| p.lang.as_str()).collect();
                return Err(Diagnostics::from_iter([diagnostics::Diagnostic::error(
                    format!("the story \"{}\" has no \"{lang}\" version", entry.name),
                )
                .with_hint(format!("it exists in: {}", have.join(", ")))]));
            }
        },
        None => entry.pages.iter().collect(),
    };
    let (theme, theme_warnings) = web::Theme::load(&options.site, &site.config)?;
    warnings.extend(theme_warnings);
    let engine = print::engine::Engine::new(&theme)?;
    std::fs::create_dir_all(&options.output).map_err(|e| {
        Diagnostics::from_iter([diagnostics::Diagnostic::error(format!(
            "cannot create {}: {e}",
            options.output.display()
        ))])
    })?;
    let mut written = Vec::new();
    for page in pages {
        let pdf = engine.story_pdf(&site, page)?;
        warnings.extend(pdf.warnings);
        let path = options
            .output
            .join(format!("{}.{}.pdf", entry.name, page.lang));
        std::fs::write(&path, &pdf.bytes).map_err(|e| {
            Diagnostics::from_iter([diagnostics::Diagnostic::error(format!(
                "cannot write {}: {e}",
                path.display()
            ))])
        })?;
        written.push(PrintedFile {
            path,
            pages: pdf.pages,
            bytes: pdf.bytes.len(),
        });
    }
    Ok((written, warnings))
}

/// Create `content/projects/NAME.LANG.md` for every configured language.
pub fn new_story(site_dir: &Path, name: &str) -> Result<Vec<PathBuf>, Diagnostics> {
    let (config, _) = config::load(site_dir, None)?;
    scaffold::new_story(site_dir, &config, name).map_err(|d| Diagnostics::from_iter([d]))
}
