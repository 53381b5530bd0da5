//! Booklets: the print product. A booklet (or a story's leaflet) resolved by
//! [`crate::content::booklets`] is composed per language ([`compose`]: its own text and
//! stories after the table of contents, [`contents`]), given its covers ([`cover`],
//! [`back_cover`] with a QR code and the colophon, both set with the display type of
//! [`column`](mod@column)), then assembled into editions ([`editions`]: single, sequential, flip,
//! parallel, imposed, print-shop) with page-level operations ([`impose`]), and written as
//! PDF files. Pages added only to reach a multiple of 4 are [`notes`] pages before the back
//! cover.
//!
//! Imports inside go one way: `column`, `images`, `qr` and `impose` are leaves; `setup`
//! and `resolution` (pictures too coarse for print) use `images`; `contents`, `cover`, `back_cover`, `notes` and `parallel` build on `setup`;
//! `compose` uses `contents`; `editions` puts all of them together, and this file runs it.

pub(crate) mod back_cover;
pub(crate) mod column;
pub(crate) mod compose;
pub(crate) mod contents;
pub(crate) mod cover;
pub(crate) mod editions;
pub(crate) mod images;
pub(crate) mod impose;
pub(crate) mod notes;
pub(crate) mod parallel;
pub(crate) mod qr;
pub(crate) mod resolution;
pub(crate) mod setup;

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::content::Site;
use crate::content::booklets::{Booklet, FileSizes};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Sink;

use super::engine::Engine;

/// What rendering booklets made.
#[derive(Debug, Default)]
pub(crate) struct Made {
    /// Every file written (relative to the output folder) with its size in bytes.
    pub files: FileSizes,
    pub booklets: usize,
    /// Pages of the single editions, for the summary.
    pub pages: usize,
    pub warnings: Diagnostics,
    /// The same warnings by the booklet they concern (its `file_stem`), for an incremental
    /// build that keeps a booklet's files and must still report them.
    pub warnings_of: std::collections::BTreeMap<String, Vec<Diagnostic>>,
}

impl Made {
    pub(crate) fn bytes(&self) -> u64 {
        self.files.values().sum()
    }
}

/// One booklet's files (path, size), warnings and file stem.
type Rendered = (Vec<(String, u64)>, Vec<Diagnostic>, String);

/// Renders `booklets` of `site` into `sink`, in parallel, with a progress bar on a terminal.
/// On any failure nothing is reported as made and every problem comes back.
pub(crate) fn render(
    site: &Site,
    booklets: &[&Booklet],
    engine: &Engine,
    sink: &dyn Sink,
) -> Result<Made, Diagnostics> {
    let inputs = inputs(site, engine);
    let progress = crate::progress::slow_bar(booklets.len(), "booklets");
    let pages = AtomicUsize::new(0);
    let results: Vec<Result<Rendered, Diagnostic>> = booklets
        .par_iter()
        .map(|booklet| {
            let (written, warnings) = editions::render(&inputs, booklet)?;
            let mut files = Vec::with_capacity(written.len());
            for file in written {
                sink.write(&file.path, &file.bytes)?;
                let first = booklet.languages.first().map_or("", String::as_str);
                if file.path.ends_with(&format!(".{first}.pdf")) {
                    pages.fetch_add(file.pages, Ordering::Relaxed);
                }
                files.push((file.path, file.bytes.len() as u64));
            }
            progress.inc();
            Ok((files, warnings, booklet.file_stem.clone()))
        })
        .collect();
    progress.finish();
    let mut made = Made {
        booklets: booklets.len(),
        pages: pages.into_inner(),
        ..Made::default()
    };
    let mut problems = Diagnostics::new();
    for result in results {
        match result {
            Ok((files, warnings, stem)) => {
                made.files.extend(files);
                made.warnings
                    .extend(Diagnostics::from_iter(warnings.clone()));
                made.warnings_of.insert(stem, warnings);
            }
            Err(problem) => problems.push(problem),
        }
    }
    if problems.has_errors() {
        problems.extend(made.warnings);
        return Err(problems);
    }
    Ok(made)
}

/// For `egiz check`: the pictures of `booklets` that would print below
/// [`resolution::MIN_PRINT_PPI`], found by composing the pages without writing any PDF.
pub(crate) fn resolution_warnings(
    site: &Site,
    booklets: &[&Booklet],
    engine: &Engine,
) -> Diagnostics {
    let inputs = inputs(site, engine);
    let found: Vec<Vec<Diagnostic>> = booklets
        .par_iter()
        .map(|booklet| editions::resolution(&inputs, booklet))
        .collect();
    Diagnostics::from_iter(found.into_iter().flatten())
}

/// What every edition is made from: the site and the engine's settings, fonts, strings and
/// output intent.
fn inputs<'a>(site: &'a Site, engine: &'a Engine) -> editions::Inputs<'a> {
    editions::Inputs {
        site,
        settings: &engine.settings,
        fonts: &engine.fonts,
        strings: &engine.strings,
        intent: &engine.intent,
    }
}
