//! Pictures too coarse for print: each picture placed in the edition a print shop or a printer
//! gets (the print-shop edition, else the single pages) at fewer than [`MIN_PRINT_PPI`] pixels
//! per inch is named with its file, the page and its resolution, so that the site's editors can
//! find a larger original before the booklet goes to press.

use std::collections::BTreeSet;
use std::path::Path;

use crate::content::booklets::{Booklet, BookletFile, Edition};
use crate::diagnostics::Diagnostic;
use crate::print::display::{Draw, Page};

use super::images::Images;

/// Below this a print shop's preflight complains (300 ppi is what they ask for).
pub(crate) const MIN_PRINT_PPI: f32 = 250.0;

/// The file of each language whose pictures are checked: the print-shop edition where the
/// booklet has one, else the single pages.
pub(crate) fn checked_files(booklet: &Booklet) -> Vec<&BookletFile> {
    booklet
        .languages
        .iter()
        .filter_map(|lang| {
            let of = |edition: Edition| {
                booklet
                    .files
                    .iter()
                    .find(|f| f.edition == edition && f.languages == [lang.clone()])
            };
            of(Edition::PrintShop).or_else(|| of(Edition::Single))
        })
        .collect()
}

/// Pixels per inch of a `w` × `h` pixel picture drawn `placed` points large (the lower of the
/// two directions); `None` when it is not drawn at any size.
pub(crate) fn ppi(pixels: (u32, u32), placed: (f32, f32)) -> Option<f32> {
    let (w, h) = (placed.0.abs() / 72.0, placed.1.abs() / 72.0);
    (w > 0.0 && h > 0.0).then(|| (pixels.0 as f32 / w).min(pixels.1 as f32 / h))
}

/// A warning for every picture of `pages` (the pages of `file`) that prints below
/// [`MIN_PRINT_PPI`], once per picture and page; pictures are named from the site folder `root`.
pub(crate) fn warnings(
    file: &BookletFile,
    pages: &[Page],
    images: &Images,
    root: &Path,
) -> Vec<Diagnostic> {
    let mut seen = BTreeSet::new();
    let mut found = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        for draw in &page.draws {
            let Draw::Image { image, w, h, .. } = draw else {
                continue;
            };
            let Some((source, shown, pixels)) = images.source(*image) else {
                continue;
            };
            let Some(ppi) = ppi(pixels, (w.0, h.0)) else {
                continue;
            };
            if ppi >= MIN_PRINT_PPI || !seen.insert((*image, index)) {
                continue;
            }
            let needed = (pixels.0 as f32 * 300.0 / ppi, pixels.1 as f32 * 300.0 / ppi);
            found.push(
                Diagnostic::warning(format!(
                    "the picture {} prints at {:.0} ppi on page {} of {}; print shops ask for 300 ppi (250 at the least)",
                    source.strip_prefix(root).unwrap_or(source).display(),
                    ppi.floor(),
                    index + 1,
                    file.path
                ))
                .in_file(shown)
                .with_hint(format!(
                    "use a larger original: {} × {} pixels or more for this size",
                    needed.0.ceil(),
                    needed.1.ceil()
                )),
            );
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ppi_is_the_lower_direction() {
        // 1600 × 1000 pixels over 4 × 3 inches: 400 across, 333 down.
        let ppi = ppi((1600, 1000), (288.0, 216.0)).expect("placed");
        assert!((ppi - 333.3).abs() < 0.1, "{ppi}");
        assert_eq!(super::ppi((10, 10), (0.0, 5.0)), None);
    }
}
