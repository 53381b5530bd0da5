//! Making the booklets' PDF files for `egiz build` (into the site's staging folder, with the
//! web pages) and for `egiz booklet [NAME...]` (only `output/booklets/`, swapped in whole when
//! every file is made, so a failure leaves the previous files as they were).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::content::Site;
use crate::content::booklets::{Booklet, OUTPUT_FOLDER};
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::output::{Sink, Staging};
use crate::print::booklet::Made;
use crate::print::engine::Engine;
use crate::web::Theme;

/// Renders `booklets` into `sink` with the theme's print settings, fonts and strings.
pub fn make(
    site: &Site,
    theme: &Theme,
    booklets: &[&Booklet],
    sink: &dyn Sink,
) -> Result<Made, Diagnostics> {
    if booklets.is_empty() {
        return Ok(Made::default());
    }
    let engine = Engine::new(theme)?;
    crate::print::booklet::render(site, booklets, &engine, sink)
}

/// Notes the size of every file made in the model, for the web pages' download links. Files
/// not in `files` keep the size they have.
pub fn record_sizes(site: &mut Site, files: &[(String, u64)]) {
    for booklet in &mut site.prints {
        for file in &mut booklet.files {
            if let Some((_, size)) = files.iter().find(|(path, _)| *path == file.path) {
                file.size = Some(*size);
            }
        }
    }
}

/// The dev server's booklets: made by the print engine, into its memory, before the pages
/// that link to them (with their sizes, as `egiz build` shows them).
pub struct ServeBooklets;

impl crate::serve::incremental::Booklets for ServeBooklets {
    fn render(
        &self,
        site: &Site,
        theme: &Theme,
        booklets: &[&Booklet],
        sink: &dyn Sink,
    ) -> Result<Vec<(String, u64)>, Diagnostics> {
        make(site, theme, booklets, sink).map(|made| made.files)
    }
}

/// What `egiz booklet` needs to know.
#[derive(Debug, Clone)]
pub struct BookletOptions {
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
    pub booklets: usize,
    pub pdfs: usize,
    pub bytes: u64,
    pub pages: usize,
    pub warnings: Diagnostics,
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
