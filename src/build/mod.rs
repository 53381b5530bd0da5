//! `egiz build` as a library call: load the site, make its booklets, render its web pages with
//! the booklets' sizes, and swap the result into the output folder in one step.
//!
//! Builds are incremental: each part of the site (a page job, the sitemap with the feeds and
//! the search index, a booklet) is fingerprinted by what it reads (`fingerprint`), and the next
//! build into the same folder (`state`) keeps the parts whose fingerprints did not change, as
//! hard links to the previous output's files, and renders only the others. The staging folder
//! and the swap are the same as for a full build, so the output stays whole at every moment.
//! When no input file changed at all, nothing is loaded and nothing written.

mod fingerprint;
mod state;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::content::Site;
use crate::content::booklets::{Booklet, FileSizes};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Staging;
use crate::theme::Theme;
use crate::{admin, booklets, cards, content, output, web};

use fingerprint::{Fingerprints, Fp};
use state::State;

/// What `egiz build` needs to know.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holding site.yaml).
    pub site: PathBuf,
    /// Defaults to `<site>/output`.
    pub output: Option<PathBuf>,
    /// Replaces `base_url` from site.yaml (e.g. for a preview deployment).
    pub base_url: Option<String>,
    /// Render everything, keeping nothing of the previous build.
    pub clean: bool,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// The output folder written.
    pub output: PathBuf,
    /// HTML pages of the site (a paginated list counts once).
    pub pages: usize,
    /// Of these, the pages rendered by this build; the others were kept from the last one.
    pub rendered: usize,
    /// Booklets and story leaflets of the site (each in several PDF files).
    pub booklets: usize,
    /// Of these, the booklets printed by this build.
    pub printed: usize,
    /// Nothing changed since the last build, so nothing was done.
    pub unchanged: bool,
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

/// Load the site, render what changed since the last build (everything, the first time or
/// with `clean`), and swap the result into the output folder.
/// On error, the returned diagnostics hold every problem found and nothing was written.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let output = options
        .output
        .clone()
        .unwrap_or_else(|| options.site.join("output"));
    output::recover(&output);
    let absolute = output::absolute(&output);
    let settings = [options.base_url.as_deref().unwrap_or("")];
    let inputs = fingerprint::inputs(&options.site, &settings);
    let previous = (!options.clean)
        .then(|| state::load(&options.site, &absolute))
        .flatten();
    let unchanged_since = |s: &&State| s.inputs == inputs && s.output_is_whole();
    if let Some(state) = previous.as_ref().filter(unchanged_since) {
        return Ok(unchanged(output, state, started));
    }
    let (site, mut warnings) = content::load(&options.site, options.base_url.as_deref())?;
    warnings.extend(content::coverage::report(&site));
    let (theme, theme_warnings) =
        Theme::load(&options.site, &site.config).map_err(|mut problems| {
            problems.extend(warnings.clone());
            problems
        })?;
    warnings.extend(theme_warnings);
    let fingerprints = Fingerprints::of(&site, &theme, &settings);
    let mut staging = Staging::new(&output, &options.site)?;
    if previous.is_some() {
        staging.keep_unchanged();
    }
    // Changed global inputs (site.yaml, the theme's settings, a picture) may change any part.
    let previous = previous.filter(|s| s.global == fingerprints.global);
    let keep = Keep {
        staging: &staging,
        from: &absolute,
    };
    let mut state = State {
        version: env!("CARGO_PKG_VERSION").to_string(),
        output: absolute.clone(),
        build: staging.build_id().to_string(),
        inputs,
        global: fingerprints.global,
        ..State::default()
    };
    // Booklets first: the web pages show the size of each PDF file.
    let printed = print_booklets(&site, &theme, &fingerprints, previous.as_ref(), &keep)?;
    warnings.extend(printed.warnings.clone());
    // Then the share cards: the story pages link them and name them in their link previews.
    let cards = make_cards(&site, &theme, &fingerprints, previous.as_ref(), &keep)?;
    state.cards = cards.parts;
    let rendered = render_pages(
        &site,
        &theme,
        (&printed.sizes, &cards.sizes),
        &fingerprints,
        previous.as_ref(),
        &keep,
        &mut state,
    )?;
    if site.config.raw.admin.is_some() {
        admin::write(&site, &theme, &staging, &admin::Mode::Published)?;
    }
    content::body::check_unchanged(&site)?;
    state.files = staging.files();
    staging.commit()?;
    state.booklets = printed.parts;
    state.summary = state::Summary {
        pages: rendered.pages,
        booklets: site.prints.len(),
        languages: site.config.raw.languages.len(),
        stories: site.stories.len(),
        pdfs: printed.sizes.len(),
        pdf_bytes: printed.sizes.values().sum(),
        warnings: warnings.iter().cloned().collect(),
    };
    state::save(&options.site, &state);
    let summary = &state.summary;
    Ok(BuildReport {
        output,
        pages: summary.pages,
        rendered: rendered.rendered,
        booklets: summary.booklets,
        printed: printed.printed,
        unchanged: false,
        pdfs: summary.pdfs,
        pdf_bytes: summary.pdf_bytes,
        images: rendered.images,
        cards: cards.stats,
        languages: summary.languages,
        stories: summary.stories,
        warnings,
        elapsed: started.elapsed(),
    })
}

/// The report of a build that found every input file as the last build left it.
fn unchanged(output: PathBuf, state: &State, started: Instant) -> BuildReport {
    let summary = &state.summary;
    BuildReport {
        output,
        pages: summary.pages,
        rendered: 0,
        booklets: summary.booklets,
        printed: 0,
        unchanged: true,
        languages: summary.languages,
        stories: summary.stories,
        pdfs: summary.pdfs,
        pdf_bytes: summary.pdf_bytes,
        images: web::images::Stats::default(),
        cards: cards::Stats::default(),
        warnings: Diagnostics::from_iter(summary.warnings.iter().cloned()),
        elapsed: started.elapsed(),
    }
}

/// Places files of the previous output in the staging folder unchanged.
struct Keep<'a> {
    staging: &'a Staging,
    from: &'a Path,
}

impl Keep<'_> {
    /// Keeps every file of a part; `false` when one is missing (the part is then made again).
    fn all<'f>(&self, files: impl IntoIterator<Item = &'f String>) -> Result<bool, Diagnostic> {
        for file in files {
            if !self.staging.keep(self.from, file)? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

impl Keep<'_> {
    /// Keeps the files of `part` from the last build when its fingerprint is still `fp`.
    fn sized<'p>(
        &self,
        part: Option<&'p state::SizedPart>,
        fp: Fp,
    ) -> Result<Option<&'p state::SizedPart>, Diagnostics> {
        let Some(part) = part.filter(|part| part.fp == fp) else {
            return Ok(None);
        };
        let kept = self
            .all(part.files.iter().map(|(path, _)| path))
            .map_err(|d| Diagnostics::from_iter([d]))?;
        Ok(kept.then_some(part))
    }
}

/// The booklets of a build: printed now or kept.
struct Printed {
    sizes: FileSizes,
    printed: usize,
    warnings: Diagnostics,
    parts: HashMap<String, state::SizedPart>,
}

/// Prints the booklets whose fingerprints changed and keeps the others' files.
fn print_booklets(
    site: &Site,
    theme: &Theme,
    fingerprints: &Fingerprints,
    previous: Option<&State>,
    keep: &Keep,
) -> Result<Printed, Diagnostics> {
    let mut printed = Printed {
        sizes: FileSizes::new(),
        printed: 0,
        warnings: Diagnostics::new(),
        parts: HashMap::new(),
    };
    let mut to_print: Vec<(&Booklet, Fp)> = Vec::new();
    for booklet in &site.prints {
        let fp = fingerprints.booklet(booklet);
        let kept = keep.sized(
            previous.and_then(|s| s.booklets.get(&booklet.file_stem)),
            fp,
        )?;
        match kept {
            Some(part) => {
                printed.sizes.extend(part.files.iter().cloned());
                printed
                    .warnings
                    .extend(Diagnostics::from_iter(part.warnings.iter().cloned()));
                printed
                    .parts
                    .insert(booklet.file_stem.clone(), part.clone());
            }
            None => to_print.push((booklet, fp)),
        }
    }
    let chosen: Vec<&Booklet> = to_print.iter().map(|(b, _)| *b).collect();
    let made = booklets::make(site, theme, &chosen, keep.staging)?;
    for (booklet, fp) in to_print {
        let files = booklet
            .files
            .iter()
            .filter_map(|f| Some((f.path.clone(), *made.files.get(&f.path)?)))
            .collect();
        let warnings = made
            .warnings_of
            .get(&booklet.file_stem)
            .cloned()
            .unwrap_or_default();
        printed.parts.insert(
            booklet.file_stem.clone(),
            state::SizedPart {
                fp,
                files,
                warnings,
            },
        );
    }
    printed.printed = made.booklets;
    printed.sizes.extend(made.files.clone());
    printed.warnings.extend(made.warnings);
    Ok(printed)
}

/// The share cards of a build: made now or kept.
struct Cards {
    sizes: FileSizes,
    stats: cards::Stats,
    parts: HashMap<String, state::SizedPart>,
}

/// Makes the cards of the stories whose fingerprints changed (their own cache makes an
/// unchanged card cheap, but 40,000 of them still cost most of a second) and keeps the others'.
fn make_cards(
    site: &Site,
    theme: &Theme,
    fingerprints: &Fingerprints,
    previous: Option<&State>,
    keep: &Keep,
) -> Result<Cards, Diagnostics> {
    let mut sizes = FileSizes::new();
    let mut parts = HashMap::new();
    let mut remake = std::collections::HashSet::new();
    for story in &site.stories {
        let fp = fingerprints.story(&story.name).unwrap_or_default();
        let kept = keep.sized(previous.and_then(|s| s.cards.get(&story.name)), fp)?;
        match kept {
            Some(part) => {
                sizes.extend(part.files.iter().cloned());
                parts.insert(story.name.clone(), part.clone());
            }
            None => {
                remake.insert(story.name.clone());
            }
        }
    }
    let which = if previous.is_some() {
        cards::Which::Only(&remake)
    } else {
        cards::Which::All
    };
    let made = cards::make(site, theme, keep.staging, which)?;
    for story in site.stories.iter().filter(|s| remake.contains(&s.name)) {
        let files = story
            .pages
            .iter()
            .flat_map(|page| {
                crate::theme::cards::SIZES
                    .iter()
                    .map(move |size| format!("{}{}", page.path, size.file_name()))
            })
            .filter_map(|path| Some((path.clone(), *made.files.get(&path)?)))
            .collect();
        let fp = fingerprints.story(&story.name).unwrap_or_default();
        parts.insert(
            story.name.clone(),
            state::SizedPart {
                fp,
                files,
                warnings: Vec::new(),
            },
        );
    }
    sizes.extend(made.files);
    Ok(Cards {
        sizes,
        stats: made.stats,
        parts,
    })
}

/// What the web side of a build did.
struct Pages {
    pages: usize,
    rendered: usize,
    images: web::images::Stats,
}

/// Renders the page jobs whose fingerprints changed (with the indexes when theirs did), keeps
/// the others' files, and notes every part in `state`.
fn render_pages(
    site: &Site,
    theme: &Theme,
    (booklet_sizes, card_files): (&FileSizes, &FileSizes),
    fingerprints: &Fingerprints,
    previous: Option<&State>,
    keep: &Keep,
    state: &mut State,
) -> Result<Pages, Diagnostics> {
    let prepared = web::prepare(site, booklet_sizes, card_files);
    let jobs = web::jobs(&prepared);
    let pages = fingerprints.pages(&prepared, &jobs, theme);
    let shown: &Site = &prepared.site;
    let fps: Vec<(String, Fp)> = jobs
        .par_iter()
        .map(|job| (job.key(), pages.job(job, shown)))
        .collect();
    let kept: Vec<Result<bool, Diagnostic>> = fps
        .par_iter()
        .map(|(key, fp)| match previous.and_then(|s| s.jobs.get(key)) {
            Some(part) if part.fp == *fp => keep.all(&part.files),
            _ => Ok(false),
        })
        .collect();
    let kept = kept
        .into_iter()
        .collect::<Result<Vec<bool>, Diagnostic>>()
        .map_err(|d| Diagnostics::from_iter([d]))?;
    let chosen: Vec<web::Job> = jobs
        .iter()
        .zip(&kept)
        .filter(|(_, kept)| !**kept)
        .map(|(job, _)| *job)
        .collect();
    let indexes_fp = pages.indexes();
    let indexes_kept = match previous {
        Some(s) if s.indexes.fp == indexes_fp => keep
            .all(&s.indexes.files)
            .map_err(|d| Diagnostics::from_iter([d]))?,
        _ => false,
    };
    let part_indexes = !indexes_kept;
    let part = web::Part {
        jobs: &chosen,
        indexes: part_indexes,
    };
    // The search words of unchanged stories, from the last build.
    let fingerprint = |name: &str| fingerprints.story(name);
    let words_file = state::words_file(&site.root, &state.output);
    let mut reuse = web::Reuse {
        words: match previous {
            Some(_) => web::search::saved::load(&words_file, &fingerprint),
            None => web::search::WordCache::default(),
        },
        ..web::Reuse::default()
    };
    let rendered = web::render_part(site, &prepared, theme, keep.staging, &mut reuse, part)?;
    if part_indexes {
        let _ = std::fs::create_dir_all(words_file.parent().unwrap_or(&site.root));
        // Saving them only spares the next build some work: a failure costs nothing else.
        let _ = web::search::saved::save(&reuse.words, &fingerprint, &words_file);
    }
    let mut files: HashMap<String, Vec<String>> = rendered.jobs.into_iter().collect();
    for ((key, fp), kept) in fps.into_iter().zip(kept) {
        let files = if kept {
            previous
                .and_then(|s| s.jobs.get(&key))
                .map(|p| p.files.clone())
                .unwrap_or_default()
        } else {
            files.remove(&key).unwrap_or_default()
        };
        state.jobs.insert(key, state::Part { fp, files });
    }
    state.indexes = state::Part {
        fp: indexes_fp,
        files: match (indexes_kept, previous) {
            (true, Some(s)) => s.indexes.files.clone(),
            _ => rendered.indexes,
        },
    };
    Ok(Pages {
        pages: jobs.len(),
        rendered: chosen.len(),
        images: rendered.images,
    })
}
