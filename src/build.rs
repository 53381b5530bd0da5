//! `egiz build` as a library call: load the site, make its booklets, render its web pages with
//! the booklets' sizes, and swap the result into the output folder in one step.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::diagnostics::Diagnostics;
use crate::theme::Theme;
use crate::{admin, booklets, cards, content, output, web};

/// What `egiz build` needs to know.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holding site.yaml).
    pub site: PathBuf,
    /// Defaults to `<site>/output`.
    pub output: Option<PathBuf>,
    /// Replaces `base_url` from site.yaml (e.g. for a preview deployment).
    pub base_url: Option<String>,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// The output folder written.
    pub output: PathBuf,
    /// HTML pages written.
    pub pages: usize,
    /// Booklets and story leaflets printed (each in several PDF files).
    pub booklets: usize,
    /// Languages of the site.
    pub languages: usize,
    /// Stories read.
    pub stories: usize,
    /// PDF files of the booklets.
    pub pdfs: usize,
    /// Their total size in bytes.
    pub pdf_bytes: u64,
    /// Resized images: how many were encoded and how many came from the cache.
    pub images: web::images::Stats,
    /// Share cards: how many, drawn or from the cache, their bytes and time.
    pub cards: cards::Stats,
    /// Problems that did not stop the build.
    pub warnings: Diagnostics,
    /// How long the build took.
    pub elapsed: Duration,
}

/// Load the site, render it, and swap the result into the output folder.
/// On error, the returned diagnostics hold every problem found and nothing was written.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| options.site.join("output"));
    output::recover(&output);
    let (site, mut warnings) = content::load(&options.site, options.base_url.as_deref())?;
    warnings.extend(content::coverage::report(&site));
    let (theme, theme_warnings) =
        Theme::load(&options.site, &site.config).map_err(|mut problems| {
            problems.extend(warnings.clone());
            problems
        })?;
    warnings.extend(theme_warnings);
    let staging = output::Staging::new(&output, &options.site)?;
    // Booklets first: the web pages show the size of each PDF file.
    let made = booklets::make(
        &site,
        &theme,
        &site.prints.iter().collect::<Vec<_>>(),
        &staging,
    )?;
    warnings.extend(made.warnings.clone());
    // Then the share cards: the story pages link them and name them in their link previews.
    let cards = cards::make(&site, &theme, &staging, None)?;
    let rendered = web::render(&site, &theme, (&made.files, &cards.files), &staging)?;
    if site.config.raw.admin.is_some() {
        admin::write(&site, &theme, &staging, &admin::Mode::Published)?;
    }
    staging.commit()?;
    Ok(BuildReport {
        output,
        pages: rendered.pages,
        booklets: made.booklets,
        pdfs: made.files.len(),
        pdf_bytes: made.bytes(),
        images: rendered.images,
        cards: cards.stats,
        languages: site.config.raw.languages.len(),
        stories: site.stories.len(),
        warnings,
        elapsed: started.elapsed(),
    })
}
