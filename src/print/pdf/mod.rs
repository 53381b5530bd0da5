//! Writes positioned pages (a display list) to PDF bytes: printpdf builds the document
//! from subset fonts ([`embed`]), images ([`images`]) and each page's operations ([`ops`]),
//! then a lopdf pass ([`fixup`]) adds what printpdf lacks, and for a print shop makes the file
//! PDF/X-4 ([`pdfx`], with the profiles of [`icc`]). What a file is for is its [`Output`].
//!
//! Imports inside go one way: `error` and `jpeg` are leaves; `fixup`, `icc` and `images` use
//! them, `embed`, `ops` and `pdfx` build on those, and this file writes the document.

mod embed;
mod error;
mod fixup;
mod icc;
mod images;
mod jpeg;
mod ops;
mod pdfx;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use printpdf::{PdfDocument, PdfFont, PdfPage, PdfParseErrorSeverity, PdfSaveOptions};

use crate::print::display::{Draw, ImageId, Outline, Page};
use crate::print::fonts::{FontId, FontSet};
use embed::EmbeddedFont;
use images::Image;
use ops::{PageOps, image_resource, pt};

pub(crate) use error::PdfError;
pub(crate) use fixup::Meta;
pub(crate) use icc::{OutputIntent, press_colors};
pub(crate) use images::ImageTarget;

/// What a file is made for, which decides its colours and how many pixels its images keep.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Output {
    /// Read on screens: DeviceRGB, which viewers show as sRGB (the colours of the web site),
    /// images at most 150 ppi so the file downloads quickly.
    Screen,
    /// Printed on an office printer (the imposed sheets): RGB like a screen, since printer
    /// drivers expect it, but images at up to 300 ppi.
    Office,
    /// Sent to a print shop: PDF/X-4 for the output intent, every colour CMYK, images at most
    /// 300 ppi and tagged as sRGB.
    PrintShop(OutputIntent),
}

impl Output {
    pub(crate) fn image_target(&self) -> ImageTarget {
        match self {
            Output::Screen => ImageTarget {
                max_ppi: 150.0,
                icc_rgb: false,
            },
            Output::Office => ImageTarget {
                max_ppi: 300.0,
                icc_rgb: false,
            },
            Output::PrintShop(_) => ImageTarget {
                max_ppi: 300.0,
                icc_rgb: true,
            },
        }
    }
}

/// Collects images, then writes all pages at once.
pub(crate) struct PdfWriter<'a> {
    fonts: &'a FontSet,
    /// Shared with the writers of the other files of a booklet ([`PdfWriter::sibling`]).
    images: Vec<Arc<Image>>,
}

impl<'a> PdfWriter<'a> {
    pub(crate) fn new(fonts: &'a FontSet) -> Self {
        PdfWriter {
            fonts,
            images: Vec::new(),
        }
    }

    /// Adds a JPEG or PNG; it is sized and encoded for the file when the pages are written.
    pub(crate) fn add_image(&mut self, bytes: &[u8]) -> Result<ImageId, PdfError> {
        self.images.push(Arc::new(Image::from_bytes(bytes)?));
        Ok(ImageId(self.images.len() - 1))
    }

    /// A writer for another file with the same images: each is read once, and each size of
    /// it made once, for all the files of a booklet.
    pub(crate) fn sibling(&self) -> PdfWriter<'a> {
        PdfWriter {
            fonts: self.fonts,
            images: self.images.clone(),
        }
    }

    /// Pixel size as displayed (a portrait phone photo stored sideways reports portrait);
    /// (0, 0) for an unknown id.
    pub(crate) fn image_size(&self, id: ImageId) -> (u32, u32) {
        self.images.get(id.0).map_or((0, 0), |i| i.display_size())
    }

    /// Writes the pages for `output`: subset fonts, images, outline, metadata; the same input
    /// always gives the same bytes.
    pub(crate) fn finish(
        self,
        pages: Vec<Page>,
        outline: &[Outline],
        meta: &Meta,
        output: &Output,
    ) -> Result<Vec<u8>, PdfError> {
        let fonts = embed::embed_fonts(self.fonts, embed::collect_glyphs(&pages))?;
        let doc = self.document(&fonts, &pages, &meta.title, output)?;
        let mut lo = to_lopdf(&doc)?;
        fixup::apply(&mut lo, &pages, outline, meta);
        if let Output::PrintShop(intent) = output {
            pdfx::apply(&mut lo, intent, meta);
        }
        fixup::save(lo)
    }

    /// The printpdf document: fonts, the images that are drawn, one page per [`Page`].
    fn document(
        &self,
        fonts: &BTreeMap<FontId, EmbeddedFont>,
        pages: &[Page],
        title: &str,
        output: &Output,
    ) -> Result<PdfDocument, PdfError> {
        let mut doc = PdfDocument::new(title);
        for font in fonts.values() {
            doc.resources.fonts.map.insert(
                printpdf::FontId(font.resource.clone()),
                PdfFont::new(font.parsed.clone()),
            );
        }
        let cmyk = matches!(output, Output::PrintShop(_));
        let mut used_images = BTreeSet::new();
        for page in pages {
            let ops =
                PageOps::new(fonts, &self.images, pages, &mut used_images, cmyk).build(page)?;
            // The lopdf pass rewrites the boxes; printpdf only needs the page size here.
            let media = printpdf::Rect::from_xywh(
                printpdf::Pt(0.0),
                printpdf::Pt(0.0),
                pt(page.width),
                pt(page.height),
            );
            doc.pages.push(PdfPage {
                media_box: media.clone(),
                trim_box: media.clone(),
                crop_box: media,
                ops,
            });
        }
        let placed = largest_placements(pages);
        let target = output.image_target();
        for id in used_images {
            if let Some(image) = self.images.get(id.0) {
                let size = placed.get(&id).copied().unwrap_or((0.0, 0.0));
                doc.resources
                    .xobjects
                    .map
                    .insert(image_resource(id), image.xobject(size, target)?);
            }
        }
        Ok(doc)
    }
}

/// The largest width and height (points) each image is drawn at: it keeps the pixels that
/// placement needs.
fn largest_placements(pages: &[Page]) -> BTreeMap<ImageId, (f32, f32)> {
    let mut placed: BTreeMap<ImageId, (f32, f32)> = BTreeMap::new();
    for draw in pages.iter().flat_map(|p| &p.draws) {
        if let Draw::Image { image, w, h, .. } = draw {
            let size = placed.entry(*image).or_default();
            size.0 = size.0.max(w.0.abs());
            size.1 = size.1.max(h.0.abs());
        }
    }
    placed
}

/// Serializes through printpdf; its error-level warnings mean a broken file, so fail.
fn to_lopdf(doc: &PdfDocument) -> Result<lopdf::Document, PdfError> {
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: false, // the fonts handed over are already subset
        // `secure` drops operations printpdf has no type for; the only one egiz writes is the
        // tint of the registration separation (`SCN`, see `ops::full_tint`).
        secure: false,
        image_optimization: None, // images come sized and encoded for the edition
    };
    let mut warnings = Vec::new();
    let lo = doc.to_lopdf_document(&options, &mut warnings);
    match warnings
        .into_iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error)
    {
        Some(error) => Err(PdfError::Write(error.msg)),
        None => Ok(lo),
    }
}
