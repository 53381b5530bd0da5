//! Responsive images for the web. Every JPEG or PNG a page shows (a story's cover and gallery,
//! an image in the Markdown text) is made in a few widths ([`resize::LADDER`], never wider than
//! the original) and placed beside the original in the page's folder: `cover.jpg` gets
//! `cover-480w.jpg`, `cover-800w.jpg`, ... The original is copied as before.
//!
//! Resized files come from the [`cache`] when the image did not change; otherwise the image is
//! decoded once and its widths are encoded in parallel (rayon), as are the images themselves.
//! A site without images does no work here at all.
//!
//! Templates get the result through [`Catalog::sized`]: the URL of the largest width (`src`),
//! a ready `srcset` and the pixel size of `src` (`width`, `height`).

pub(crate) mod cache;
pub(crate) mod html;
pub(crate) mod resize;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::BaseUrl;
use crate::content::local_path;
use crate::content::{Asset, Kind, Page, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Sink;

use super::percent;
use cache::Cache;
use resize::{Format, JPEG_QUALITY};

/// An image ready for a template or an `<img>` tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sized {
    /// The URL of the largest width made (at most [`resize::MAX_WIDTH`] pixels).
    pub src: String,
    /// `URL 480w, URL 800w, ...`, smallest first.
    pub srcset: String,
    /// The pixel size of `src`, upright (EXIF orientation applied).
    pub width: u32,
    pub height: u32,
}

/// What the image step did, for the build report.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    /// Source images shown by the pages (each counted once, however many pages show it).
    pub images: usize,
    /// Resized files encoded in this build.
    pub encoded: usize,
    /// Resized files taken from the cache.
    pub reused: usize,
    /// The time the image step took (reading, resizing, encoding; not placing).
    pub elapsed: std::time::Duration,
}

#[derive(Debug)]
struct Variant {
    width: u32,
    height: u32,
    cached: PathBuf,
}

/// One source image, made in its widths.
#[derive(Debug)]
struct Processed {
    format: Format,
    /// Smallest first; the last one is `src`.
    variants: Vec<Variant>,
}

/// A resized file to place in the output.
struct Placement {
    dest: String,
    cached: PathBuf,
    page: PathBuf,
}

/// Every image of the site, resized.
#[derive(Default)]
pub(crate) struct Catalog {
    processed: HashMap<PathBuf, Processed>,
    placements: Vec<Placement>,
    pub stats: Stats,
}

/// Resize every image the site's pages show. Errors (an unreadable image, a name clash) are
/// all collected; nothing is written to the output here.
pub(crate) fn process(site: &Site) -> Result<Catalog, Diagnostics> {
    let started = std::time::Instant::now();
    let uses = uses(site);
    if uses.is_empty() {
        return Ok(Catalog::default());
    }
    let mut sources: Vec<&Path> = uses.iter().map(|(_, a)| a.source.as_path()).collect();
    sources.sort();
    sources.dedup();

    let cache = Cache::new(&site.root);
    let results: Vec<Result<(Processed, Counts), Diagnostic>> = sources
        .par_iter()
        .map(|source| process_one(&cache, source, &site.root))
        .collect();
    let mut catalog = Catalog::default();
    let mut problems = Diagnostics::new();
    for (source, result) in sources.iter().zip(results) {
        match result {
            Ok((processed, counts)) => {
                catalog.stats.images += 1;
                catalog.stats.encoded += counts.encoded;
                catalog.stats.reused += counts.reused;
                catalog.processed.insert(source.to_path_buf(), processed);
            }
            Err(d) => problems.push(d),
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    catalog.plan_placements(&uses, &mut problems);
    if problems.has_errors() {
        return Err(problems);
    }
    catalog.stats.elapsed = started.elapsed();
    Ok(catalog)
}

impl Catalog {
    /// The resized versions of `src` (as written in the front matter or the Markdown) on `page`;
    /// None for an image that is not resized (a web address, an SVG, a file in `static/`).
    pub(crate) fn sized(&self, base: &BaseUrl, page: &Page, src: &str) -> Option<Sized> {
        let asset = page_asset(page, src)?;
        let processed = self.processed.get(&asset.source)?;
        let url = |width| {
            let dest = variant_dest(&asset.dest, width, processed.format);
            base.link(&format!(
                "{}{}",
                page.path,
                percent::encode(&dest, percent::PATH)
            ))
        };
        let srcset = processed
            .variants
            .iter()
            .map(|v| format!("{} {}w", url(v.width), v.width))
            .collect::<Vec<_>>()
            .join(", ");
        let top = processed.variants.last()?;
        Some(Sized {
            src: url(top.width),
            srcset,
            width: top.width,
            height: top.height,
        })
    }

    /// Link (or copy) every resized file from the cache beside its page in the output.
    pub(crate) fn place(&self, staging: &dyn Sink, problems: &mut Diagnostics) {
        for placement in &self.placements {
            if let Err(d) = staging.link(&placement.cached, &placement.dest) {
                problems.push(d.in_file(&placement.page));
            }
        }
    }

    /// Where each resized file goes, refusing names that would replace another file of the page.
    fn plan_placements(&mut self, uses: &[(&Page, &Asset)], problems: &mut Diagnostics) {
        let mut taken: HashMap<&str, HashSet<String>> = HashMap::new();
        for (page, asset) in uses {
            let Some(processed) = self.processed.get(&asset.source) else {
                continue;
            };
            let page_files = taken
                .entry(page.path.as_str())
                .or_insert_with(|| page.assets.iter().map(|a| a.dest.clone()).collect());
            for variant in &processed.variants {
                let dest = variant_dest(&asset.dest, variant.width, processed.format);
                if !page_files.insert(dest.clone()) {
                    problems.push(
                        Diagnostic::error(format!(
                            "the resized copy \"{dest}\" of the image \"{}\" would replace another file of the same name",
                            asset.dest
                        ))
                        .in_file(&page.source)
                        .with_hint(format!(
                            "egiz writes resized images as NAME-{}w.{}; rename \"{dest}\" or \"{}\"",
                            variant.width,
                            processed.format.extension(),
                            asset.dest
                        )),
                    );
                    continue;
                }
                self.placements.push(Placement {
                    dest: format!("{}{dest}", page.path),
                    cached: variant.cached.clone(),
                    page: page.source.clone(),
                });
            }
        }
    }
}

/// Every local JPEG or PNG a web page shows, with the page that shows it (each once per page):
/// the cover and gallery of stories, and the images in the text of every page.
fn uses(site: &Site) -> Vec<(&Page, &Asset)> {
    let mut uses = Vec::new();
    for entry in site.entries().filter(|e| e.kind != Kind::ProjectsIndex) {
        // Only a page's own files are resized: a page without any has nothing to scan for.
        for page in entry.pages.iter().filter(|p| !p.assets.is_empty()) {
            let mut sources: Vec<String> = Vec::new();
            if let Some(meta) = page.story() {
                let front_matter = meta.cover.iter().chain(meta.gallery.iter().flatten());
                sources.extend(front_matter.map(|image| image.src.clone()));
            }
            sources.extend(html::sources(&page.html(&site.config.base.path)));
            let mut seen = HashSet::new();
            for src in &sources {
                if let Some(asset) = page_asset(page, src)
                    && Format::from_path(&asset.source).is_some()
                    && seen.insert(asset.dest.as_str())
                {
                    uses.push((page, asset));
                }
            }
        }
    }
    uses
}

/// The file of `page` that `src` names, if it is one of the page's own files.
pub(crate) fn page_asset<'p>(page: &'p Page, src: &str) -> Option<&'p Asset> {
    let relative = local_path(src)?;
    let dest = relative.trim_start_matches("./");
    page.assets.iter().find(|a| a.dest == dest)
}

/// How many resized files of one image were encoded, and how many came from the cache.
struct Counts {
    encoded: usize,
    reused: usize,
}

/// Resize one image, encoding only the widths the cache does not hold yet.
fn process_one(
    cache: &Cache,
    source: &Path,
    root: &Path,
) -> Result<(Processed, Counts), Diagnostic> {
    let shown = source.strip_prefix(root).unwrap_or(source);
    let unreadable = |why: String| {
        // The decoders' messages may end in a newline or span lines; keep the report one line.
        let why = why.split_whitespace().collect::<Vec<_>>().join(" ");
        Diagnostic::error(format!("cannot read the image: {why}"))
            .in_file(shown)
            .with_hint("the file may be damaged, cut short, or not really a JPEG or PNG picture: open it in an image viewer and save (export) it again as JPEG or PNG")
    };
    let bytes = std::fs::read(source).map_err(|e| unreadable(e.to_string()))?;
    let probe = resize::probe(&bytes).map_err(unreadable)?;
    let hash = cache::content_hash(&bytes);
    let variants: Vec<Variant> = resize::widths(probe.width)
        .into_iter()
        .map(|width| Variant {
            width,
            height: resize::height_for(&probe, width),
            cached: cache.path(&cache::file_name(&hash, width, probe.format, JPEG_QUALITY)),
        })
        .collect();
    let missing: Vec<&Variant> = variants.iter().filter(|v| !v.cached.is_file()).collect();
    if !missing.is_empty() {
        let decoded = resize::decode(&bytes).map_err(unreadable)?;
        missing.par_iter().try_for_each(|variant| {
            let encoded = decoded
                .encode(variant.width, variant.height)
                .map_err(|why| unreadable(format!("cannot resize it: {why}")))?;
            let same_pixels = variant.width == probe.width && probe.upright;
            let chosen = smaller_of(&bytes, &encoded, same_pixels);
            let name = variant.cached.file_name().unwrap_or_default().to_string_lossy();
            cache.store(&name, chosen).map(|_| ()).map_err(|e| {
                Diagnostic::error(format!(
                    "cannot write the image cache {}: {e}",
                    variant.cached.display()
                ))
                .with_hint("check that the site folder is writable and the disk is not full; the .egiz-cache folder may be deleted at any time")
            })
        })?;
    }
    let counts = Counts {
        encoded: missing.len(),
        reused: variants.len() - missing.len(),
    };
    let sizes: Vec<u64> = variants
        .iter()
        .map(|v| std::fs::metadata(&v.cached).map_or(u64::MAX, |m| m.len()))
        .collect();
    let keep = worth_keeping(&sizes);
    let mut flags = keep.iter();
    let variants = variants
        .into_iter()
        .filter(|_| flags.next().copied().unwrap_or(true))
        .collect();
    Ok((
        Processed {
            format: probe.format,
            variants,
        },
        counts,
    ))
}

/// Which widths (smallest first, by file size in bytes) are worth offering: a smaller width
/// whose file is not smaller than a wider one's (flat illustrations can do that) would only make
/// phones download more for less. The widest is always kept.
fn worth_keeping(sizes: &[u64]) -> Vec<bool> {
    let mut keep = vec![true; sizes.len()];
    let mut smallest_wider = u64::MAX;
    for (index, &size) in sizes.iter().enumerate().rev() {
        keep[index] = size < smallest_wider;
        smallest_wider = smallest_wider.min(size);
    }
    keep
}

/// The file to serve at the original's own size: the re-encoded one, unless the original shows
/// the same pixels (not resized, not turned) in fewer bytes — a carefully optimised JPEG often
/// beats the simple baseline encoder at quality 80.
fn smaller_of<'a>(original: &'a [u8], encoded: &'a [u8], same_pixels: bool) -> &'a [u8] {
    if same_pixels && original.len() <= encoded.len() {
        original
    } else {
        encoded
    }
}

/// `photos/cover.jpeg` at 800 px → `photos/cover-800w.jpg`.
pub(crate) fn variant_dest(dest: &str, width: u32, format: Format) -> String {
    let (dir, file) = match dest.rfind('/') {
        Some(i) => dest.split_at(i + 1),
        None => ("", dest),
    };
    let stem = match file.rfind('.') {
        Some(i) if i > 0 => &file[..i],
        _ => file,
    };
    format!("{dir}{stem}-{width}w.{}", format.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_sit_beside_the_original_with_their_width() {
        assert_eq!(
            variant_dest("cover.jpg", 800, Format::Jpeg),
            "cover-800w.jpg"
        );
        assert_eq!(
            variant_dest("img/Photo.JPEG", 480, Format::Jpeg),
            "img/Photo-480w.jpg"
        );
        assert_eq!(
            variant_dest("a.b/map.png", 1200, Format::Png),
            "a.b/map-1200w.png"
        );
        assert_eq!(variant_dest(".hidden", 10, Format::Png), ".hidden-10w.png");
    }

    #[test]
    fn the_original_serves_its_own_size_only_when_smaller_and_upright() {
        let (small, large) = (&b"small"[..], &b"much larger"[..]);
        assert_eq!(smaller_of(small, large, true), small);
        assert_eq!(smaller_of(large, small, true), small);
        assert_eq!(
            smaller_of(small, large, false),
            large,
            "resized or turned: encoded"
        );
    }

    #[test]
    fn a_narrower_file_that_is_not_lighter_is_left_out() {
        assert_eq!(worth_keeping(&[10, 20, 30]), [true, true, true]);
        assert_eq!(worth_keeping(&[13, 28, 51, 41]), [true, true, false, true]);
        assert_eq!(worth_keeping(&[50, 40]), [false, true]);
        assert_eq!(worth_keeping(&[]), Vec::<bool>::new());
    }

    #[test]
    fn urls_in_srcset_have_no_spaces_or_commas() {
        let url_escape = |path| percent::encode(path, percent::PATH);
        assert_eq!(url_escape("my photo,1.jpg"), "my%20photo%2C1.jpg");
        assert_eq!(
            url_escape("фото/a-1_b.jpg"),
            "%D1%84%D0%BE%D1%82%D0%BE/a-1_b.jpg"
        );
    }
}
