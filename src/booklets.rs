//! Making PDF files from the site: the booklets for `egiz build` (into the site's staging
//! folder, with the web pages), for `egiz serve` (through [`Booklets`]) and for `egiz booklet
//! [NAME...]` (only `output/booklets/`, swapped in whole when every file is made, so a failure
//! leaves the previous files as they were); one story's PDFs for `egiz print`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::content::Site;
use crate::content::booklets::{Booklet, FileSizes, OUTPUT_FOLDER};
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::output::{Sink, Staging};
use crate::print::booklet::Made;
use crate::print::engine::Engine;
use crate::theme::Theme;

/// Renders `booklets` into `sink` with the theme's print settings, fonts and strings.
pub(crate) fn make(
    site: &Site,
    theme: &Theme,
    booklets: &[&Booklet],
    sink: &dyn Sink,
) -> Result<Made, Diagnostics> {
    if booklets.is_empty() {
        return Ok(Made::default());
    }
    let engine = Engine::new(theme, site)?;
    crate::print::booklet::render(site, booklets, &engine, sink)
}

/// What makes the PDF booklets of a site for the dev server: renders `booklets` into `sink` (at
/// the addresses the web pages link to) and returns every file made with its size in bytes.
/// `egiz serve` is given [`PrintedBooklets`]; tests give the server a stand-in.
pub trait Booklets {
    /// Typesets `booklets` of `site` into `sink`; the size of each file made.
    fn render(
        &self,
        site: &Site,
        theme: &Theme,
        booklets: &[&Booklet],
        sink: &dyn Sink,
    ) -> Result<FileSizes, Diagnostics>;
}

/// Booklets made by the print engine, as `egiz build` makes them.
pub struct PrintedBooklets;

impl Booklets for PrintedBooklets {
    fn render(
        &self,
        site: &Site,
        theme: &Theme,
        booklets: &[&Booklet],
        sink: &dyn Sink,
    ) -> Result<FileSizes, Diagnostics> {
        make(site, theme, booklets, sink).map(|made| made.files)
    }
}

/// What `egiz booklet` needs to know.
#[derive(Debug, Clone)]
/// __SKIP__
pub struct BookletOptions {
    /// The site folder.
    pub site: PathBuf,
    /// The site's output folder (default `<site>/output`); the files go to its `booklets/`.
    pub output: Option<PathBuf>,
    /// The booklets to make (entry or file names); all when empty.
    pub names: Vec<String>,
}

/// What `egiz booklet` made.
#[derive(Debug)]
pub struct BookletReport {
    /// The folder the files are in.
    pub folder: PathBuf,
    /// Booklets and leaflets made.
    pub booklets: usize,
    /// PDF files written.
    pub pdfs: usize,
    /// Their total size.
    pub bytes: u64,
    /// Their pages, all editions together.
    pub pages: usize,
    /// Problems that did not stop it.
    pub warnings: Diagnostics,
    /// How long it took.
    pub elapsed: Duration,
}

/// Makes the named booklets (or all) into `<output>/booklets/`. The other booklets' files
/// there stay; with no names, the folder holds exactly the site's booklets afterwards.
pub fn build_booklets(options: &BookletOptions) -> Result<BookletReport, Diagnostics> {
    let started = Instant::now();
    let (site, mut warnings) = crate::content::load(&options.site, None)?;
    let (theme, theme_warnings) = Theme::load(&options.site, &site.config)?;
    warnings.extend(theme_warnings);
    let chosen = choose(&site, &options.names)?;
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| options.site.join("output"));
    crate::output::check_target(
        &crate::output::absolute(&output),
        &crate::output::absolute(&options.site),
    )
    .map_err(|d| Diagnostics::from_iter([d]))?;
    let folder = output.join(OUTPUT_FOLDER);
    let staging = Staging::new(&folder, &options.site).map_err(|d| Diagnostics::from_iter([d]))?;
    if !options.names.is_empty() {
        keep_others(&folder, &chosen, &staging)?;
    }
    let sink = Folder {
        staging: &staging,
        prefix: format!("{OUTPUT_FOLDER}/"),
    };
    let made = make(&site, &theme, &chosen, &sink)?;
    crate::content::body::check_unchanged(&site)?;
    staging.commit().map_err(|d| Diagnostics::from_iter([d]))?;
    warnings.extend(made.warnings.clone());
    Ok(BookletReport {
        folder,
        booklets: made.booklets,
        pdfs: made.files.len(),
        bytes: made.bytes(),
        pages: made.pages,
        warnings,
        elapsed: started.elapsed(),
    })
}

/// The booklets named (by entry name or file name), or all; an unknown name is an error.
fn choose<'s>(site: &'s Site, names: &[String]) -> Result<Vec<&'s Booklet>, Diagnostics> {
    if names.is_empty() {
        return Ok(site.prints.iter().collect());
    }
    let mut chosen: Vec<&Booklet> = Vec::new();
    let mut problems = Diagnostics::new();
    for name in names {
        match site
            .prints
            .iter()
            .find(|b| b.name == *name || b.file_stem == *name)
        {
            Some(booklet) => {
                if !chosen.iter().any(|c| c.name == booklet.name) {
                    chosen.push(booklet);
                }
            }
            None => {
                let known: Vec<&str> = site.prints.iter().map(|b| b.name.as_str()).collect();
                let hint = match did_you_mean(name, known.iter().copied()) {
                    Some(best) => format!("did you mean \"{best}\"?"),
                    None if known.is_empty() => "the site has no booklets: add one to content/booklets/, or `booklet: true` to a story".to_string(),
                    None => format!("the booklets are: {}", known.join(", ")),
                };
                problems.push(
                    Diagnostic::error(format!("there is no booklet \"{name}\"")).with_hint(hint),
                );
            }
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(chosen)
}

/// Copies the files of the booklets not being made from the current folder into staging, so
/// that making one booklet leaves the others' files in place.
fn keep_others(folder: &Path, chosen: &[&Booklet], staging: &Staging) -> Result<(), Diagnostics> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Ok(());
    };
    let remade: Vec<&str> = chosen
        .iter()
        .flat_map(|b| b.files.iter().map(|f| f.file_name()))
        .collect();
    let mut problems = Diagnostics::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if remade.contains(&name.as_str()) || !entry.path().is_file() {
            continue;
        }
        if let Err(d) = staging.copy(&entry.path(), &name) {
            problems.push(d);
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(())
}

/// The staging folder of `booklets/`, addressed with the paths the model gives
/// (`booklets/x.kk.pdf`).
struct Folder<'a> {
    staging: &'a Staging,
    prefix: String,
}

impl Folder<'_> {
    fn inside<'p>(&self, relative: &'p str) -> &'p str {
        relative.strip_prefix(&self.prefix).unwrap_or(relative)
    }
}

impl Sink for Folder<'_> {
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.staging.write(self.inside(relative), bytes)
    }

    fn copy(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        self.staging.copy(source, self.inside(relative))
    }

    fn duplicate(&self, existing: &str, relative: &str) -> Result<(), Diagnostic> {
        self.staging
            .duplicate(self.inside(existing), self.inside(relative))
    }

    fn remove(&self, relative: &str) {
        Sink::remove(self.staging, self.inside(relative));
    }
}

/// What `egiz print` needs to know.
#[derive(Debug, Clone)]
pub struct PrintOptions {
    /// The site folder.
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
    /// Where it was written.
    pub path: PathBuf,
    /// Its pages.
    pub pages: usize,
    /// Its size.
    pub bytes: usize,
}

/// `egiz print`: typeset one story as a PDF per language, `NAME.LANG.pdf` in the folder the
/// user names (each written whole: temporary file, then rename).
pub fn print_story(options: &PrintOptions) -> Result<(Vec<PrintedFile>, Diagnostics), Diagnostics> {
    let (site, mut warnings) = crate::content::load(&options.site, None)?;
    let Some(entry) = site.stories.iter().find(|e| e.name == options.story) else {
        let names: Vec<&str> = site.stories.iter().map(|e| e.name.as_str()).collect();
        let hint = match did_you_mean(&options.story, names.iter().copied()) {
            Some(best) => format!("did you mean \"{best}\"?"),
            None => format!("the stories are: {}", names.join(", ")),
        };
        return Err(Diagnostics::from_iter([Diagnostic::error(format!(
            "there is no story \"{}\" in content/projects",
            options.story
        ))
        .with_hint(hint)]));
    };
    let pages: Vec<&crate::content::Page> = match &options.lang {
        Some(lang) => match entry.page(lang) {
            Some(page) => vec![page],
            None => {
                let have: Vec<&str> = entry.pages.iter().map(|p| p.lang.as_str()).collect();
                return Err(Diagnostics::from_iter([Diagnostic::error(format!(
                    "the story \"{}\" has no \"{lang}\" version",
                    entry.name
                ))
                .with_hint(format!("it exists in: {}", have.join(", ")))]));
            }
        },
        None => entry.pages.iter().collect(),
    };
    let (theme, theme_warnings) = Theme::load(&options.site, &site.config)?;
    warnings.extend(theme_warnings);
    let engine = Engine::new(&theme, &site)?;
    std::fs::create_dir_all(&options.output).map_err(|e| {
        Diagnostics::from_iter([Diagnostic::error(format!(
            "cannot create {}: {e}",
            options.output.display()
        ))])
    })?;
    let mut written = Vec::new();
    for page in pages {
        let pdf = engine.story_pdf(&site, page)?;
        crate::content::body::check_unchanged(&site)?;
        warnings.extend(pdf.warnings);
        let path = options
            .output
            .join(format!("{}.{}.pdf", entry.name, page.lang));
        crate::output::write_file(&path, &pdf.bytes)?;
        written.push(PrintedFile {
            path,
            pages: pdf.pages,
            bytes: pdf.bytes.len(),
        });
    }
    Ok((written, warnings))
}
