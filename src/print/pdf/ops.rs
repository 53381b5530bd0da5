//! One page's draws as printpdf operations: text sections with their fonts and colours,
//! lines, rectangles, placed images and link annotations, each graphics state set only when
//! it changes. Colours are DeviceRGB on screen and DeviceCMYK in print, where registration
//! marks use the `/All` separation ([`REGISTRATION_SPACE`], defined on each page by the
//! PDF/X pass).

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Actions, BorderArray, ColorArray, CurTransMat, Destination, DictItem, LinkAnnotation, Op,
    PaintMode, PdfFontHandle, TextItem, TextMatrix, XObjectId, XObjectTransform,
};

use super::embed::EmbeddedFont;
use super::error::{PdfError, finite};
use super::images::Image;
use crate::print::display::{Color, Draw, GlyphRun, ImageId, LinkTarget, Page, Rect};
use crate::print::fonts::FontId;
use crate::units::Pt;

pub(super) fn image_resource(id: ImageId) -> XObjectId {
    XObjectId(format!("Im{}", id.0))
}

/// The page resource name of the registration colour space.
pub(super) const REGISTRATION_SPACE: &str = "CSAll";

fn channel(v: f32) -> f32 {
    finite(v).clamp(0.0, 1.0)
}

fn pdf_color(c: Color, cmyk: bool) -> printpdf::Color {
    if cmyk {
        let [cy, m, y, k] = c.cmyk.map(channel);
        printpdf::Color::Cmyk(printpdf::Cmyk {
            c: cy,
            m,
            y,
            k,
            icc_profile: None,
        })
    } else {
        let [r, g, b] = c.rgb.map(channel);
        printpdf::Color::Rgb(printpdf::Rgb {
            r,
            g,
            b,
            icc_profile: None,
        })
    }
}

pub(super) fn pt(v: Pt) -> printpdf::Pt {
    printpdf::Pt(finite(v.0))
}

/// Translates one page's draws into printpdf operations, skipping redundant state changes.
pub(super) struct PageOps<'w> {
    fonts: &'w BTreeMap<FontId, EmbeddedFont>,
    images: &'w [std::sync::Arc<Image>],
    pages: &'w [Page],
    used_images: &'w mut BTreeSet<ImageId>,
    /// Print: CMYK colours and the registration separation.
    cmyk: bool,
    ops: Vec<Op>,
    in_text: bool,
    fill: Option<Color>,
    stroke: Option<Color>,
    line_width: Option<f32>,
    font: Option<(FontId, f32)>,
}

impl<'w> PageOps<'w> {
    pub(super) fn new(
        fonts: &'w BTreeMap<FontId, EmbeddedFont>,
        images: &'w [std::sync::Arc<Image>],
        pages: &'w [Page],
        used_images: &'w mut BTreeSet<ImageId>,
        cmyk: bool,
    ) -> Self {
        PageOps {
            fonts,
            images,
            pages,
            used_images,
            cmyk,
            ops: Vec::new(),
            in_text: false,
            fill: None,
            stroke: None,
            line_width: None,
            font: None,
        }
    }

    pub(super) fn build(mut self, page: &Page) -> Result<Vec<Op>, PdfError> {
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
            if color.registration && self.cmyk {
                self.ops.push(Op::SetColorSpaceFill {
                    id: REGISTRATION_SPACE.to_string(),
                });
                self.ops.push(full_tint("scn"));
            } else {
                self.ops.push(Op::SetFillColor {
                    col: pdf_color(color, self.cmyk),
                });
            }
            self.fill = Some(color);
        }
    }

    fn set_stroke(&mut self, width: Pt, color: Color) {
        if self.stroke != Some(color) {
            if color.registration && self.cmyk {
                self.ops.push(Op::SetColorSpaceStroke {
                    id: REGISTRATION_SPACE.to_string(),
                });
                self.ops.push(full_tint("SCN"));
            } else {
                self.ops.push(Op::SetOutlineColor {
                    col: pdf_color(color, self.cmyk),
                });
            }
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

/// Tint 1 of the current (separation) colour space. printpdf has no operation for it; the
/// writer's save options let this one through (see `to_lopdf`).
fn full_tint(operator: &str) -> Op {
    Op::Unknown {
        key: operator.to_string(),
        value: vec![DictItem::Real(1.0)],
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
