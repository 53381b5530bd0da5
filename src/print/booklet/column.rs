//! The type of the covers and the contents page: plain text set ragged without hyphenation
//! (display type) in one column, placed as a block from its top edge down, or line by line
//! from a baseline.

use crate::print::display::{Draw, translate};
use crate::print::doc::{Align, Inline, Style};
use crate::print::fonts::FontSet;
use crate::print::inline::{LineEnd, ParSpec, SetLine, Shaper, TextStyle, set_balanced};

/// One column of display type in one language.
pub(super) struct Column<'f> {
    pub shaper: Shaper<'f>,
    /// The column's left edge.
    pub x: f32,
    pub width: f32,
    pub align: Align,
}

impl<'f> Column<'f> {
    pub(super) fn new(fonts: &'f FontSet, lang: &'f str, x: f32, width: f32, align: Align) -> Self {
        Column {
            shaper: Shaper::new(fonts, lang),
            x,
            width,
            align,
        }
    }

    /// `text` set in the column.
    pub(super) fn lines(&mut self, text: &str, style: TextStyle) -> Vec<SetLine> {
        self.lines_in(text, style, self.width)
    }

    /// `text` set ragged in `width` (narrower than the column, beside a page number).
    pub(super) fn lines_in(&mut self, text: &str, style: TextStyle, width: f32) -> Vec<SetLine> {
        set_plain(&mut self.shaper, text, style, width, self.align)
    }

    /// Places `text` as a block whose top edge is at `top`; returns the top edge for what
    /// follows (just under the last line's descenders).
    pub(super) fn stack(
        &mut self,
        draws: &mut Vec<Draw>,
        text: &str,
        style: TextStyle,
        top: f32,
        leading: f32,
    ) -> f32 {
        let lines = self.lines(text, style);
        if lines.is_empty() {
            return top;
        }
        self.place_lines(draws, &lines, top - style.size * 0.95, leading) - style.size * 0.3
    }

    /// Places `text` from the baseline `first` down; returns the last baseline.
    pub(super) fn place(
        &mut self,
        draws: &mut Vec<Draw>,
        text: &str,
        style: TextStyle,
        first: f32,
        leading: f32,
    ) -> f32 {
        let lines = self.lines(text, style);
        self.place_lines(draws, &lines, first, leading)
    }

    /// Places lines already set from the baseline `first` down; returns the last baseline.
    pub(super) fn place_lines(
        &self,
        draws: &mut Vec<Draw>,
        lines: &[SetLine],
        first: f32,
        leading: f32,
    ) -> f32 {
        place_lines(draws, lines, self.x, first, leading)
    }

    /// One line of `text` at the largest size up to the style's that fits `width` (a web address
    /// has no place to break).
    pub(super) fn fitted_line(&mut self, text: &str, mut style: TextStyle) -> SetLine {
        loop {
            let lines = set_plain(&mut self.shaper, text, style, f32::MAX / 4.0, Align::Left);
            let line = lines.into_iter().next();
            match line {
                Some(line) if line.width <= self.width || style.size <= 4.0 => return line,
                Some(_) => style.size -= 0.5,
                None => {
                    return SetLine {
                        draws: Vec::new(),
                        x: 0.0,
                        width: 0.0,
                        end: LineEnd::Last,
                        text: String::new(),
                    };
                }
            }
        }
    }
}

/// Ragged lines of plain text (no hyphenation: display type), balanced when left-aligned.
fn set_plain(
    shaper: &mut Shaper,
    text: &str,
    style: TextStyle,
    width: f32,
    align: Align,
) -> Vec<SetLine> {
    let inlines = [Inline {
        text: text.to_string(),
        style: Style::default(),
        link: None,
    }];
    let spec = ParSpec {
        style,
        link_color: style.color,
        width: width.max(1.0),
        justify: false,
        hyphenate: false,
        align,
    };
    set_balanced(shaper, &inlines, &spec)
}

/// Places lines from the baseline `first` down, `leading` apart, at `x`; returns the last
/// baseline (or `first` for no lines).
pub(super) fn place_lines(
    draws: &mut Vec<Draw>,
    lines: &[SetLine],
    x: f32,
    first: f32,
    leading: f32,
) -> f32 {
    let mut baseline = first;
    for (n, line) in lines.iter().enumerate() {
        baseline = first - n as f32 * leading;
        for draw in &line.draws {
            let mut draw = draw.clone();
            translate(&mut draw, x, baseline);
            draws.push(draw);
        }
    }
    baseline
}
