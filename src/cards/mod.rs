//! Share cards: a PNG picture of every story in every language, in each size of
//! [`crate::theme::cards::SIZES`] (`card-1200x630.png` for link previews, `card-1080x1080.png`
//! for a square post), written beside the story's page. A card shows the site's name and mark,
//! the title, the district, the headline result and the cover photo, in the theme's design
//! (`theme.yaml`, `cards:`).
//!
//! Cards sit between the two renderers: they set text with the print engine's fonts and
//! shaping, and the web pages link them. So this module may import `print`, the web renderer
//! never imports it: the build and the dev server make the cards first and hand `web` the files
//! made with their sizes ([`Made::files`]), as they hand it the booklets' file sizes.
//!
//! Stages: [`facts`] (what a card shows, from the model) → [`layout`] (where it goes, with
//! [`text`] setting balanced, shrink-to-fit lines) → [`draw`] (tiny-skia pixels) → [`png`]
//! (small files). Cards are cached in `<site>/.egiz-cache/cards/` by a hash of everything
//! they show, and made in parallel, one story per task so its cover is decoded once.

pub(crate) mod draw;
pub(crate) mod facts;
pub(crate) mod layout;
pub(crate) mod png;
pub(crate) mod text;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use image::DynamicImage;
use rayon::prelude::*;

use crate::content::booklets::FileSizes;
use crate::content::{Entry, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Sink;
use crate::print::fonts::FontSet;
use crate::theme::Theme;
use crate::theme::cards::{CardDesign, CardSize, SIZES};
use crate::web::images::cache::{Cache, content_hash};

use facts::Facts;

/// Relative to the site folder, beside the resized images.
pub(crate) const CACHE_DIR: &str = ".egiz-cache/cards";

/// Raised when the drawing changes in a way the cache key does not capture (another layout
/// rule, another encoder), so old cards are not reused.
const CARD_VERSION: u32 = 1;

/// What the card step did, for the build report.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    /// Story pages that got cards (one per story and language).
    pub pages: usize,
    /// Card files placed in the output.
    pub cards: usize,
    /// Cards drawn in this build.
    pub drawn: usize,
    /// Cards taken from the cache.
    pub reused: usize,
    /// The size of all card files, in bytes.
    pub bytes: u64,
    /// The time the card step took (reading covers, drawing, encoding, placing).
    pub elapsed: Duration,
}

/// The cards of a site.
#[derive(Debug, Default)]
pub(crate) struct Made {
    /// Every card file by its output path (`kk/projects/x/card-1200x630.png`), with its size in
    /// bytes: the web pages link the ones they find here.
    pub files: FileSizes,
    pub stats: Stats,
}

/// The theme's sun as a square picture at the site's root, for the organisation's logo in the
/// structured data; a site's own `static/logo.png` replaces it.
pub(crate) const LOGO: &str = "logo.png";

/// One card file: where it goes, where the cache keeps it, and whether it was drawn now.
struct Card {
    dest: String,
    cached: PathBuf,
    drawn: bool,
}

/// The fonts of every card, parsed once per process (the dev server makes cards on each save).
fn fonts() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(FontSet::embedded)
}

/// Which cards [`make`] makes and places.
#[derive(Clone, Copy)]
pub(crate) enum Which<'a> {
    /// Every story's.
    All,
    /// Every story's listed in [`Made::files`], but only these stories' placed (the dev
    /// server's changed ones: it serves the others from before).
    Place(&'a HashSet<String>),
    /// Only these stories' made, listed and placed (an incremental build keeps the others').
    Only(&'a HashSet<String>),
}

impl Which<'_> {
    fn lists(&self, story: &str) -> bool {
        match self {
            Which::All | Which::Place(_) => true,
            Which::Only(names) => names.contains(story),
        }
    }

    fn places(&self, story: &str) -> bool {
        match self {
            Which::All => true,
            Which::Place(names) | Which::Only(names) => names.contains(story),
        }
    }
}

/// Make (or take from the cache) the cards of the story pages `which` names and place them in
/// `sink`. A theme with `cards: { enabled: false }` gets none.
pub(crate) fn make(
    site: &Site,
    theme: &Theme,
    sink: &dyn Sink,
    which: Which,
) -> Result<Made, Diagnostics> {
    let started = Instant::now();
    let design = &theme.cards;
    if !design.enabled || site.stories.is_empty() {
        return Ok(Made::default());
    }
    let cache = Cache::in_folder(&site.root, CACHE_DIR);
    let stories: Vec<&Entry> = site
        .stories
        .iter()
        .filter(|e| which.lists(&e.name))
        .collect();
    // Placing and measuring the cards happen on every core too: at 40,000 cards, the links
    // alone took most of a second on one.
    let results: Vec<Result<Vec<(Card, u64)>, Diagnostic>> = stories
        .par_iter()
        .map(|entry| {
            let cards = story_cards(site, design, &cache, entry)?;
            let placed = which.places(&entry.name);
            cards
                .into_iter()
                .map(|card| {
                    if placed {
                        sink.link(&card.cached, &card.dest)?;
                    }
                    let bytes = std::fs::metadata(&card.cached).map_or(0, |m| m.len());
                    Ok((card, bytes))
                })
                .collect()
        })
        .collect();
    let mut made = Made::default();
    let mut problems = Diagnostics::new();
    for result in results {
        let cards = match result {
            Ok(cards) => cards,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        for (card, bytes) in cards {
            made.stats.cards += 1;
            made.stats.bytes += bytes;
            if card.drawn {
                made.stats.drawn += 1;
            } else {
                made.stats.reused += 1;
            }
            made.files.insert(card.dest, bytes);
        }
    }
    // The logo is listed always (pages name it). The dev server has it from its first build:
    // it changes with the theme's colours, which rebuild everything.
    match logo(design, &cache) {
        Ok(cached) => {
            if !matches!(which, Which::Place(_))
                && let Err(d) = sink.link(&cached, LOGO)
            {
                problems.push(d);
            }
            let bytes = std::fs::metadata(&cached).map_or(0, |m| m.len());
            made.files.insert(LOGO.to_string(), bytes);
        }
        Err(d) => problems.push(d),
    }
    if problems.has_errors() {
        return Err(problems);
    }
    made.stats.pages = made.stats.cards / SIZES.len();
    made.stats.elapsed = started.elapsed();
    Ok(made)
}

/// The cards of one story in all its languages and sizes, drawing those the cache lacks.
fn story_cards(
    site: &Site,
    design: &CardDesign,
    cache: &Cache,
    entry: &Entry,
) -> Result<Vec<Card>, Diagnostic> {
    let mut photos = Photos::default();
    let mut cards = Vec::new();
    for page in &entry.pages {
        let Some(meta) = page.story() else { continue };
        let facts = Facts::of(site, page, meta);
        for size in SIZES {
            let name = cache_name(design, &facts, size, &photos.hash(facts.cover.as_deref()));
            let cached = cache.path(&name);
            let drawn = !cached.is_file();
            if drawn {
                let photo = photos.decoded(facts.cover.as_deref());
                let bytes = render(design, &facts, size, photo).map_err(|why| {
                    Diagnostic::error(format!(
                        "cannot make the share card {}: {why}",
                        size.file_name()
                    ))
                    .in_file(&page.source)
                })?;
                cache.store(&name, &bytes).map_err(|e| {
                    Diagnostic::error(format!("cannot write the card cache {}: {e}", cached.display()))
                        .with_hint("check that the site folder is writable and the disk is not full; the .egiz-cache folder may be deleted at any time")
                })?;
            }
            cards.push(Card {
                dest: format!("{}{}", page.path, size.file_name()),
                cached,
                drawn,
            });
        }
    }
    Ok(cards)
}

/// The logo file in the cache, drawn when the cache lacks it.
fn logo(design: &CardDesign, cache: &Cache) -> Result<PathBuf, Diagnostic> {
    let colors = &design.colors;
    let key = format!(
        "{CARD_VERSION}\n{:?}\n{:?}",
        colors.background, colors.accent
    );
    let name = format!("{}-logo-c{CARD_VERSION}.png", content_hash(key.as_bytes()));
    let cached = cache.path(&name);
    if cached.is_file() {
        return Ok(cached);
    }
    let pixmap = draw::logo(colors.background, colors.accent, 512);
    let bytes = png::encode(&pixmap, false)
        .map_err(|why| Diagnostic::error(format!("cannot make the logo: {why}")))?;
    cache.store(&name, &bytes).map_err(|e| {
        Diagnostic::error(format!(
            "cannot write the card cache {}: {e}",
            cached.display()
        ))
    })
}

/// Draws one card and encodes it.
pub(crate) fn render(
    design: &CardDesign,
    facts: &Facts,
    size: CardSize,
    photo: Option<&DynamicImage>,
) -> Result<Vec<u8>, String> {
    let layout = layout::lay_out(fonts(), design, facts, size, photo.is_some());
    let pixmap = draw::draw(fonts(), &layout, photo);
    png::encode(&pixmap, layout.photo.is_some() && photo.is_some())
}

/// The cache file of a card: a hash of everything that makes it look as it does.
fn cache_name(design: &CardDesign, facts: &Facts, size: CardSize, photo: &str) -> String {
    let key = format!(
        "{CARD_VERSION}\n{}\n{}\n{}x{}\n{photo}",
        design.fingerprint(),
        facts.fingerprint(),
        size.width,
        size.height
    );
    format!(
        "{}-{}x{}-c{CARD_VERSION}.png",
        content_hash(key.as_bytes()),
        size.width,
        size.height
    )
}

/// The cover photos of one story, each read and hashed once and decoded only when a card
/// needs drawing. A photo that cannot be read makes cards without it: the image step reports
/// the file.
#[derive(Default)]
struct Photos {
    hashes: HashMap<PathBuf, String>,
    decoded: BTreeMap<PathBuf, Option<DynamicImage>>,
}

impl Photos {
    fn hash(&mut self, path: Option<&Path>) -> String {
        let Some(path) = path else {
            return String::new();
        };
        self.hashes
            .entry(path.to_path_buf())
            .or_insert_with(|| {
                std::fs::read(path).map_or_else(|_| "unreadable".to_string(), |b| content_hash(&b))
            })
            .clone()
    }

    fn decoded(&mut self, path: Option<&Path>) -> Option<&DynamicImage> {
        let path = path?;
        self.decoded
            .entry(path.to_path_buf())
            .or_insert_with(|| {
                let bytes = std::fs::read(path).ok()?;
                crate::web::images::resize::decode(&bytes)
                    .ok()
                    .map(|d| d.image)
            })
            .as_ref()
    }
}

#[cfg(test)]
mod tests;
