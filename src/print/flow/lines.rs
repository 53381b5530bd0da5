//! Setting text for the galley: the column a block is set in ([`Area`]), paragraphs set into
//! lines through the inline stage, and set lines placed as galley items with the break rules
//! for widows and orphans. Every block style builds on this.

use super::galley::{Content, Kind, LineInfo, ParaLine};
use super::look::Look;
use super::look::Typesetter;
use crate::print::display::{Color, Draw, translate};
use crate::print::doc::{Align, Inline};
use crate::print::fonts::{FontId, face};
use crate::print::inline::{LineEnd, ParSpec, SetLine, Shaper, TextStyle, set};
use crate::units::Pt;

/// Space after a paragraph, in body lines.
pub(super) const PARAGRAPH_SPACE: f32 = 0.5;
/// Width of the bar beside quotes and testimonials.
pub(super) const QUOTE_BAR: f32 = 2.0;
/// Padding inside tinted boxes (code, cards, testimonials), in points.
pub(super) const BOX_PADDING: f32 = 8.0;
pub(super) const RULE_WIDTH: f32 = 0.5;

/// The column blocks are set in (lists and quotes narrow it) and its running text style.
#[derive(Clone, Copy, Debug)]
pub(super) struct Area {
    pub x: f32,
    pub width: f32,
    pub text: TextStyle,
    pub line: f32,
    pub justify: bool,
    /// Space after a paragraph, in points.
    pub par_space: f32,
}
impl Area {
    pub(super) fn indented(&self, by: f32) -> Area {
        Area {
            x: self.x + by,
            width: (self.width - by).max(1.0),
            ..*self
        }
    }
}

/// The shaper and the design values of one layout, and the count of paragraphs set so far
/// (pagination keeps a paragraph's lines apart only where no widow or orphan results).
pub(super) struct Setter<'a> {
    pub look: Look,
    pub shaper: Shaper<'a>,
    pub paragraphs: usize,
}

impl<'a> Setter<'a> {
    pub(super) fn new(ts: &Typesetter<'a>) -> Self {
        Setter {
            look: Look::new(ts.settings),
            shaper: Shaper::new(ts.fonts, ts.lang),
            paragraphs: 0,
        }
    }

    pub(super) fn body_area(&self) -> Area {
        let l = &self.look;
        Area {
            x: 0.0,
            width: l.measure,
            text: TextStyle::upright(l.body, false, l.size, l.text),
            line: l.line,
            justify: l.justify,
            par_space: l.line * PARAGRAPH_SPACE,
        }
    }

    pub(super) fn spec(&self, area: &Area) -> ParSpec {
        ParSpec {
            style: area.text,
            link_color: self.look.accent,
            width: area.width,
            justify: area.justify,
            hyphenate: self.look.hyphenate,
            align: Align::Left,
        }
    }

    pub(super) fn set_in(&mut self, inlines: &[Inline], area: &Area) -> Vec<SetLine> {
        let spec = self.spec(area);
        set(&mut self.shaper, inlines, &spec)
    }

    /// Sets `inlines` without hyphenation: labels and display lines, where a broken word
    /// in a few short lines is more disturbing than a ragged edge.
    pub(super) fn set_unhyphenated(&mut self, inlines: &[Inline], area: &Area) -> Vec<SetLine> {
        let spec = ParSpec {
            hyphenate: false,
            ..self.spec(area)
        };
        set(&mut self.shaper, inlines, &spec)
    }

    /// Ascent and depth (both positive) of a style's face at its size.
    pub(super) fn extent(&self, style: &TextStyle) -> (f32, f32) {
        let font = self
            .shaper
            .fonts
            .face(face(style.family, style.bold, style.italic));
        let m = self.shaper.fonts.metrics(font);
        (m.ascender * style.size, -m.descender * style.size)
    }

    pub(super) fn font(&self, style: &TextStyle) -> FontId {
        self.shaper
            .fonts
            .face(face(style.family, style.bold, style.italic))
    }

    /// One item per line, `line_height` apart, the baseline where half the leading above
    /// the face's ascent puts it. With `breakable`, a page may end between lines as long as
    /// it leaves at least two lines on each side (no orphan, no widow).
    pub(super) fn line_items(
        &mut self,
        lines: Vec<SetLine>,
        area: &Area,
        line_height: f32,
        breakable: bool,
    ) -> Vec<Content> {
        let (ascent, depth) = self.extent(&area.text);
        let baseline = ((line_height - ascent - depth) / 2.0).max(0.0) + ascent;
        let paragraph = self.paragraphs;
        self.paragraphs += 1;
        let count = lines.len();
        let mut after_hyphen = false;
        lines
            .into_iter()
            .enumerate()
            .map(|(index, line)| {
                // No word is hyphenated across a page turn: the page ends a line earlier.
                let break_before =
                    index == 0 || (breakable && index >= 2 && count - index >= 2 && !after_hyphen);
                after_hyphen = ends_in_hyphen(&line.end);
                let para = ParaLine {
                    paragraph,
                    index,
                    count,
                };
                let mut content = line_content(line, area, baseline, Some(para));
                content.height = Pt(line_height);
                content.break_before = break_before;
                content
            })
            .collect()
    }
}

/// Whether a line ends inside a word (hyphenated, or at a hyphen of the text).
pub(super) fn ends_in_hyphen(end: &LineEnd) -> bool {
    matches!(end, LineEnd::Hyphen { .. } | LineEnd::ExplicitHyphen)
}

/// Draws of a set line placed in `area` with its baseline `baseline` below the item top.
pub(super) fn line_content(
    line: SetLine,
    area: &Area,
    baseline: f32,
    paragraph: Option<ParaLine>,
) -> Content {
    let mut draws = line.draws;
    draws
        .iter_mut()
        .for_each(|d| translate(d, area.x, -baseline));
    Content {
        height: Pt(baseline),
        draws,
        break_before: true,
        kind: Kind::Text,
        lines: vec![LineInfo {
            x: Pt(area.x + line.x),
            width: Pt(line.width),
            measure: Pt(area.width),
            baseline: Pt(baseline),
            end: line.end,
            text: line.text,
            paragraph,
        }],
        frames: Vec::new(),
    }
}

/// The draws and line infos of lines set in `area`, the first line's top `first_top` below
/// the item's top and the others `area.line` apart, each baseline `baseline` below its
/// line's top: the lines of a table cell or of a card's label.
pub(super) fn lines_from(
    lines: Vec<SetLine>,
    area: &Area,
    first_top: f32,
    baseline: f32,
) -> (Vec<Draw>, Vec<LineInfo>) {
    let mut draws = Vec::new();
    let mut infos = Vec::new();
    for (i, line) in lines.into_iter().enumerate() {
        let top = first_top + i as f32 * area.line;
        let mut content = line_content(line, area, baseline, None);
        content
            .draws
            .iter_mut()
            .for_each(|d| translate(d, 0.0, -top));
        content.lines.iter_mut().for_each(|l| l.baseline.0 += top);
        draws.append(&mut content.draws);
        infos.append(&mut content.lines);
    }
    (draws, infos)
}

/// Lines stacked `leading` apart in one item whose top is the first line's ascent and
/// bottom the last line's depth.
pub(super) fn stacked(
    lines: Vec<SetLine>,
    area: &Area,
    ascent: f32,
    leading: f32,
    depth: f32,
) -> Content {
    let count = lines.len();
    let mut draws = Vec::new();
    let mut infos = Vec::new();
    for (i, line) in lines.into_iter().enumerate() {
        let mut content = line_content(line, area, ascent + i as f32 * leading, None);
        draws.append(&mut content.draws);
        infos.append(&mut content.lines);
    }
    let height = ascent + count.saturating_sub(1) as f32 * leading + depth;
    Content {
        height: Pt(height),
        draws,
        break_before: true,
        kind: Kind::Text,
        lines: infos,
        frames: Vec::new(),
    }
}

/// Adds padding inside a run of items: above the first, below the last.
pub(super) fn pad(items: &mut [Content], top: f32, bottom: f32) {
    if let Some(first) = items.first_mut() {
        first.height.0 += top;
        first.draws.iter_mut().for_each(|d| translate(d, 0.0, -top));
        first.lines.iter_mut().for_each(|l| l.baseline.0 += top);
    }
    if let Some(last) = items.last_mut() {
        last.height.0 += bottom;
    }
}

pub(super) fn rule_content(x: f32, width: f32, color: Color) -> Content {
    let rule = Draw::Line {
        from: (Pt(x), Pt(-0.5)),
        to: (Pt(x + width), Pt(-0.5)),
        width: Pt(RULE_WIDTH),
        color,
    };
    Content::block(Pt(1.0), vec![rule], Vec::new())
}

pub(super) fn plain(text: &str) -> Inline {
    Inline {
        text: text.to_string(),
        style: Default::default(),
        link: None,
    }
}

pub(super) fn plain_text(inlines: &[Inline]) -> String {
    inlines.iter().map(|i| i.text.as_str()).collect()
}
