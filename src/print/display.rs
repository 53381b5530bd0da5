//! The display list every stage draws into and the PDF writer reads: shaped glyph runs,
//! lines, rectangles, images and links on positioned pages, with the page's bookmarks. A leaf
//! of `print`: the stages that produce draws (inline, flow, booklet) and the one that writes
//! them (pdf) meet here without importing each other.

use super::fonts::FontId;
use crate::units::Pt;

/// One shaped glyph. Lengths are in points at the run's size.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Glyph {
    pub gid: u16,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// Byte offset in the run's text of the first character this glyph shows.
    pub cluster: usize,
}

/// A shaped fragment, ready to be measured by layout and drawn by the PDF writer.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct GlyphRun {
    pub font: FontId,
    pub size: f32,
    pub text: String,
    pub glyphs: Vec<Glyph>,
    /// Sum of the advances, in points.
    pub width: f32,
}

/// A colour as both kinds of edition draw it, each channel 0..1: RGB in the editions read on
/// screens, CMYK in the print-shop edition (worked out from the theme's settings, see
/// `theme::print_color`). `registration` marks what prints on every plate (crop marks).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Color {
    pub rgb: [f32; 3],
    pub cmyk: [f32; 4],
    pub registration: bool,
}

impl Color {
    pub(crate) const BLACK: Color = Color {
        rgb: [0.0; 3],
        cmyk: [0.0, 0.0, 0.0, 1.0],
        registration: false,
    };
    pub(crate) const WHITE: Color = Color {
        rgb: [1.0; 3],
        cmyk: [0.0; 4],
        registration: false,
    };
    /// Registration black: the `/All` separation in print, black on screen.
    pub(crate) const REGISTRATION: Color = Color {
        registration: true,
        ..Color::BLACK
    };
}

/// One thing drawn on a page. Coordinates are points from the page's bottom-left corner.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Draw {
    /// `y` is the baseline.
    Text {
        run: GlyphRun,
        x: Pt,
        y: Pt,
        color: Color,
    },
    Line {
        from: (Pt, Pt),
        to: (Pt, Pt),
        width: Pt,
        color: Color,
    },
    Rect {
        x: Pt,
        y: Pt,
        w: Pt,
        h: Pt,
        fill: Option<Color>,
        stroke: Option<(Pt, Color)>,
    },
    Image {
        image: ImageId,
        x: Pt,
        y: Pt,
        w: Pt,
        h: Pt,
    },
    Link {
        x: Pt,
        y: Pt,
        w: Pt,
        h: Pt,
        target: LinkTarget,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum LinkTarget {
    Uri(String),
    /// 0-based page index.
    Page(usize),
}

/// An image added with [`crate::print::pdf::PdfWriter::add_image`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct ImageId(pub usize);

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Page {
    pub width: Pt,
    pub height: Pt,
    /// The finished page inside the media box; `None` = the whole page.
    pub trim: Option<Rect>,
    /// The area printed beyond the trim; `None` = the whole page.
    pub bleed: Option<Rect>,
    pub draws: Vec<Draw>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rect {
    pub x: Pt,
    pub y: Pt,
    pub w: Pt,
    pub h: Pt,
}

/// One bookmark; `level` 1 is top level, 2 nests under the previous level 1, and so on.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Outline {
    pub title: String,
    pub level: u8,
    /// 0-based page index.
    pub page: usize,
    /// Where on the page the bookmark jumps to (top of the view).
    pub y: Pt,
}

/// Moves a draw by (`dx`, `dy`).
pub(crate) fn translate(draw: &mut Draw, dx: f32, dy: f32) {
    let shift = |x: &mut Pt, y: &mut Pt| {
        x.0 += dx;
        y.0 += dy;
    };
    match draw {
        Draw::Text { x, y, .. }
        | Draw::Rect { x, y, .. }
        | Draw::Image { x, y, .. }
        | Draw::Link { x, y, .. } => shift(x, y),
        Draw::Line { from, to, .. } => {
            shift(&mut from.0, &mut from.1);
            shift(&mut to.0, &mut to.1);
        }
    }
}
