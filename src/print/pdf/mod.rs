//! Writes positioned pages (a display list) to PDF bytes: printpdf builds the document
//! from subset fonts and shaped glyphs, then a lopdf pass adds what printpdf lacks.

mod embed;
mod fixup;
mod images;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Actions, BorderArray, ColorArray, CurTransMat, Destination, LinkAnnotation, Op, PaintMode,
    PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, TextItem,
    TextMatrix, XObjectId, XObjectTransform,
};

use crate::print::display::{Color, Draw, GlyphRun, ImageId, LinkTarget, Outline, Page, Rect};
use crate::print::fonts::{FontId, FontSet};
use crate::units::Pt;
use embed::EmbeddedFont;
use images::Image;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// BCP 47 code for the Catalog `/Lang`.
    pub lang: String,
    /// (year, month, day): both creation and modification date, so builds are reproducible.
    pub date: (i32, u8, u8),
    pub creator: String,
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("unsupported or damaged image: {0}")]
    Image(String),
    #[error("image #{0} was not added to this PDF writer")]
    UnknownImage(usize),
    #[error("cannot embed font {name}: {reason}")]
    Font { name: String, reason: String },
    #[error("cannot write the PDF: {0}")]
    Write(String),
}

/// Collects images, then writes all pages at once.
pub struct PdfWriter<'a> {
    fonts: &'a FontSet,
    images: Vec<Image>,
}

impl<'a> PdfWriter<'a> {
    pub fn new(fonts: &'a FontSet) -> Self {
        PdfWriter {
            fonts,
            images: Vec::new(),
        }
    }

    /// Adds a JPEG (embedded byte for byte) or PNG (decoded, stored losslessly), both at
    /// full resolution.
    pub fn add_image(&mut self, bytes: &[u8]) -> Result<ImageId, PdfError> {
        self.images.push(Image::from_bytes(bytes)?);
        Ok(ImageId(self.images.len() - 1))
    }

    /// Pixel size as displayed (a portrait phone photo stored sideways reports portrait);
    /// (0, 0) for an unknown id.
    pub fn image_size(&self, id: ImageId) -> (u32, u32) {
        self.images.get(id.0).map_or((0, 0), Image::display_size)
    }

    /// Writes the pages: subset fonts, images, outline, metadata; the same input always
    /// gives the same bytes.
    pub fn finish(
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

fn image_resource(id: ImageId) -> XObjectId {
    XObjectId(format!("Im{}", id.0))
}

/// NaN or infinity would be written literally and break the file; draw at 0 instead.
fn finite(v: f32) -> f32 {
    if v.is_finite() { v } else { 0.0 }
}

fn pdf_color(c: Color) -> printpdf::Color {
    let channel = |v: f32| finite(v).clamp(0.0, 1.0);
    printpdf::Color::Rgb(printpdf::Rgb {
        r: channel(c.r),
        g: channel(c.g),
        b: channel(c.b),
        icc_profile: None,
    })
}

fn pt(v: Pt) -> printpdf::Pt {
    printpdf::Pt(finite(v.0))
}

/// Translates one page's draws into printpdf operations, skipping redundant state changes.
struct PageOps<'w> {
    fonts: &'w BTreeMap<FontId, EmbeddedFont>,
    images: &'w [Image],
    pages: &'w [Page],
    used_images: &'w mut BTreeSet<ImageId>,
    ops: Vec<Op>,
    in_text: bool,
    fill: Option<Color>,
    stroke: Option<Color>,
    line_width: Option<f32>,
    font: Option<(FontId, f32)>,
}

impl<'w> PageOps<'w> {
    fn new(
        fonts: &'w BTreeMap<FontId, EmbeddedFont>,
        images: &'w [Image],
        pages: &'w [Page],
        used_images: &'w mut BTreeSet<ImageId>,
    ) -> Self {
        PageOps {
            fonts,
            images,
            pages,
            used_images,
            ops: Vec::new(),
            in_text: false,
            fill: None,
            stroke: None,
            line_width: None,
            font: None,
        }
    }

    fn build(mut self, page: &Page) -> Result<Vec<Op>, PdfError> {
        for draw in &page.draws {
            match draw {
                Draw::Text { run, x, y, color } => self.text(run, x.0, y.0, *color),
                Draw::Line {
                    from,
                    to,
                    width,
                    color,
                } => self.line(*from, *to, *width, *color),
                Draw::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill,
                    stroke,
                } => self.rect(
                    Rect {
                        x: *x,
                        y: *y,
                        w: *w,
                        h: *h,
                    },
                    *fill,
                    *stroke,
                ),
                Draw::Image { image, x, y, w, h } => self.image(
                    *image,
                    Rect {
                        x: *x,
                        y: *y,
                        w: *w,
                        h: *h,
                    },
                )?,
                Draw::Link { x, y, w, h, target } => self.link(
                    Rect {
                        x: *x,
                        y: *y,
                        w: *w,
                        h: *h,
                    },
                    target,
                ),
            }
        }
        self.end_text();
        Ok(self.ops)
    }

    fn text(&mut self, run: &GlyphRun, x: f32, y: f32, color: Color) {
        let Some(font) = self.fonts.get(&run.font) else {
            return;
        };
        let segments = font.segments(run, finite(x), finite(y));
        if segments.is_empty() {
            return;
        }
        if !self.in_text {
            self.ops.push(Op::StartTextSection);
            self.in_text = true;
        }
        self.set_fill(color);
        if self.font != Some((run.font, run.size)) {
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(printpdf::FontId(font.resource.clone())),
                size: printpdf::Pt(run.size),
            });
            self.font = Some((run.font, run.size));
        }
        for segment in segments {
            self.ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(printpdf::Pt(segment.x), printpdf::Pt(segment.y)),
            });
            self.ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(segment.glyphs)],
            });
        }
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    fn set_fill(&mut self, color: Color) {
        if self.fill != Some(color) {
            self.ops.push(Op::SetFillColor {
                col: pdf_color(color),
            });
            self.fill = Some(color);
        }
    }

    fn set_stroke(&mut self, width: Pt, color: Color) {
        if self.stroke != Some(color) {
            self.ops.push(Op::SetOutlineColor {
                col: pdf_color(color),
            });
            self.stroke = Some(color);
        }
        if self.line_width != Some(width.0) {
            self.ops.push(Op::SetOutlineThickness { pt: pt(width) });
            self.line_width = Some(width.0);
        }
    }

    fn line(&mut self, from: (Pt, Pt), to: (Pt, Pt), width: Pt, color: Color) {
        self.end_text();
        self.set_stroke(width, color);
        let point = |(x, y): (Pt, Pt)| printpdf::LinePoint {
            p: printpdf::Point { x: pt(x), y: pt(y) },
            bezier: false,
        };
        self.ops.push(Op::DrawLine {
            line: printpdf::Line {
                points: vec![point(from), point(to)],
                is_closed: false,
            },
        });
    }

    fn rect(&mut self, rect: Rect, fill: Option<Color>, stroke: Option<(Pt, Color)>) {
        let mode = match (fill, stroke) {
            (Some(_), Some(_)) => PaintMode::FillStroke,
            (Some(_), None) => PaintMode::Fill,
            (None, Some(_)) => PaintMode::Stroke,
            (None, None) => return,
        };
        self.end_text();
        if let Some(color) = fill {
            self.set_fill(color);
        }
        if let Some((width, color)) = stroke {
            self.set_stroke(width, color);
        }
        self.ops.push(Op::DrawRectangle {
            rectangle: printpdf::Rect {
                x: pt(rect.x),
                y: pt(rect.y),
                width: pt(rect.w),
                height: pt(rect.h),
                mode: Some(mode),
                winding_order: None,
            },
        });
    }

    fn image(&mut self, id: ImageId, rect: Rect) -> Result<(), PdfError> {
        let image = self.images.get(id.0).ok_or(PdfError::UnknownImage(id.0))?;
        self.end_text();
        let matrix = image
            .placement(rect.x.0, rect.y.0, rect.w.0, rect.h.0)
            .map(finite);
        self.used_images.insert(id);
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::SetTransformationMatrix {
            matrix: CurTransMat::Raw(matrix),
        });
        self.ops.push(Op::UseXobject {
            id: image_resource(id),
            transform: XObjectTransform {
                no_auto_scale: true, // our matrix already maps the unit square to the box
                ..XObjectTransform::default()
            },
        });
        self.ops.push(Op::RestoreGraphicsState);
        Ok(())
    }

    fn link(&mut self, rect: Rect, target: &LinkTarget) {
        let actions = match target {
            LinkTarget::Uri(uri) => Actions::Uri(ascii_uri(uri)),
            LinkTarget::Page(index) => {
                // A link to a page that does not exist would point nowhere.
                let Some(page) = self.pages.get(*index) else {
                    return;
                };
                Actions::Goto(Destination::Xyz {
                    page: index + 1, // printpdf counts pages from 1
                    left: Some(0.0),
                    top: Some(finite(page.height.0)),
                    zoom: None,
                })
            }
        };
        let area = printpdf::Rect::from_xywh(pt(rect.x), pt(rect.y), pt(rect.w), pt(rect.h));
        self.ops.push(Op::LinkAnnotation {
            link: LinkAnnotation::new(
                area,
                actions,
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                Some(ColorArray::Transparent),
                None,
            ),
        });
    }
}

/// URIs in PDF are 7-bit ASCII: percent-encode anything else (Cyrillic paths, spaces).
fn ascii_uri(uri: &str) -> String {
    let mut out = String::with_capacity(uri.len());
    for byte in uri.bytes() {
        if byte.is_ascii_graphic() {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
