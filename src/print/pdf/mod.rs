//! Writes positioned pages (a display list) to PDF bytes: printpdf builds the document
//! from subset fonts ([`embed`]), images ([`images`]) and each page's operations ([`ops`]),
//! then a lopdf pass ([`fixup`]) adds what printpdf lacks.
//!
//! Imports inside go one way: `error` is the leaf; `fixup` and `images` use it, `embed` and
//! `ops` build on those, and this file writes the document.

mod embed;
mod error;
mod fixup;
mod images;
mod ops;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{PdfDocument, PdfFont, PdfPage, PdfParseErrorSeverity, PdfSaveOptions};

use crate::print::display::{ImageId, Outline, Page};
use crate::print::fonts::{FontId, FontSet};
use embed::EmbeddedFont;
use images::Image;
use ops::{PageOps, image_resource, pt};

pub(crate) use error::PdfError;
pub(crate) use fixup::Meta;

/// Collects images, then writes all pages at once.
pub(crate) struct PdfWriter<'a> {
    fonts: &'a FontSet,
    images: Vec<Image>,
}

impl<'a> PdfWriter<'a> {
    pub(crate) fn new(fonts: &'a FontSet) -> Self {
        PdfWriter {
            fonts,
            images: Vec::new(),
        }
    }

    /// Adds a JPEG (embedded byte for byte) or PNG (decoded, stored losslessly), both at
    /// full resolution.
    pub(crate) fn add_image(&mut self, bytes: &[u8]) -> Result<ImageId, PdfError> {
        self.images.push(Image::from_bytes(bytes)?);
        Ok(ImageId(self.images.len() - 1))
    }

    /// Pixel size as displayed (a portrait phone photo stored sideways reports portrait);
    /// (0, 0) for an unknown id.
    pub(crate) fn image_size(&self, id: ImageId) -> (u32, u32) {
        self.images.get(id.0).map_or((0, 0), Image::display_size)
    }

    /// Writes the pages: subset fonts, images, outline, metadata; the same input always
    /// gives the same bytes.
    pub(crate) fn finish(
        self,
        pages: Vec<Page>,
        outline: &[Outline],
        meta: &Meta,
    ) -> Result<Vec<u8>, PdfError> {
        let fonts = embed::embed_fonts(self.fonts, embed::collect_glyphs(&pages))?;
        let doc = self.document(&fonts, &pages, &meta.title)?;
        let mut lo = to_lopdf(&doc)?;
        fixup::apply(&mut lo, &pages, outline, meta);
        fixup::save(lo)
    }

    /// The printpdf document: fonts, the images that are drawn, one page per [`Page`].
    fn document(
        &self,
        fonts: &BTreeMap<FontId, EmbeddedFont>,
        pages: &[Page],
        title: &str,
    ) -> Result<PdfDocument, PdfError> {
        let mut doc = PdfDocument::new(title);
        for font in fonts.values() {
            doc.resources.fonts.map.insert(
                printpdf::FontId(font.resource.clone()),
                PdfFont::new(font.parsed.clone()),
            );
        }
        let mut used_images = BTreeSet::new();
        for page in pages {
            let ops = PageOps::new(fonts, &self.images, pages, &mut used_images).build(page)?;
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
        for id in used_images {
            if let Some(image) = self.images.get(id.0) {
                doc.resources
                    .xobjects
                    .map
                    .insert(image_resource(id), image.xobject());
            }
        }
        Ok(doc)
    }
}

/// Serializes through printpdf; its error-level warnings mean a broken file, so fail.
fn to_lopdf(doc: &PdfDocument) -> Result<lopdf::Document, PdfError> {
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: false, // the fonts handed over are already subset
        secure: true,
        image_optimization: None, // never re-encode or downscale images
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
