//! How a paragraph and each of its runs look: the paragraph's base style and measure, and a
//! run's face, size, colour and rise once its emphasis, code or footnote style is applied.

use crate::print::display::Color;
use crate::print::doc::{Align, Inline};
use crate::print::fonts::{Family, FontId, FontSet, face};

/// Footnote references: size and raise as fractions of the text size.
const SUPERSCRIPT_SIZE: f32 = 0.7;
const SUPERSCRIPT_RISE: f32 = 0.33;
/// Inline code in the sans face, a little smaller so it matches the serif's x-height.
const CODE_SIZE: f32 = 0.9;

/// The look of a paragraph's plain text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct TextStyle {
    pub family: Family,
    pub bold: bool,
    pub italic: bool,
    pub size: f32,
    pub color: Color,
}

impl TextStyle {
    /// An upright (not italic) style.
    pub(crate) fn upright(family: Family, bold: bool, size: f32, color: Color) -> TextStyle {
        TextStyle {
            family,
            bold,
            italic: false,
            size,
            color,
        }
    }
}

/// How to set one paragraph.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ParSpec {
    pub style: TextStyle,
    pub link_color: Color,
    /// The measure.
    pub width: f32,
    pub justify: bool,
    pub hyphenate: bool,
    /// Where ragged lines sit in the measure; justified lines fill it.
    pub align: Align,
}

/// A run's face, size and colour once the paragraph's base style is applied.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct RunStyle {
    pub font: FontId,
    pub size: f32,
    pub color: Color,
    /// Baseline shift up (superscripts).
    pub rise: f32,
    pub link: Option<String>,
}

pub(super) fn run_style(fonts: &FontSet, inline: &Inline, spec: &ParSpec) -> RunStyle {
    let base = spec.style;
    let s = inline.style;
    let bold = base.bold || s.bold;
    // Emphasis inside italic text (a quote) turns upright, as in good book typography.
    let italic = base.italic != s.italic;
    let (family, mut size) = if s.code {
        (Family::Sans, base.size * CODE_SIZE)
    } else {
        (base.family, base.size)
    };
    let mut rise = 0.0;
    if s.superscript {
        size *= SUPERSCRIPT_SIZE;
        rise = base.size * SUPERSCRIPT_RISE;
    }
    RunStyle {
        font: fonts.face(face(family, bold, italic && !s.code)),
        size,
        color: if inline.link.is_some() {
            spec.link_color
        } else {
            base.color
        },
        rise,
        link: inline.link.clone(),
    }
}
