//! Setting lines: the breaker's chosen breaks turned into positioned glyph runs, one run per
//! style and line, the spaces real space glyphs widened to the set glue, justified lines
//! letter-spaced a little, links given rectangles, hyphens added where a word was broken.

use std::ops::Range;
use std::sync::Arc;

use super::collect::{BreakKind, Elem, Paragraph};
use super::linebreak::{FIL, INFINITE_PENALTY, Item, Line};
use super::shape::Shaper;
use super::style::{ParSpec, RunStyle};
use crate::print::display::{Draw, Glyph, GlyphRun, LinkTarget};
use crate::print::doc::Align;
use crate::print::fonts::face;
use crate::units::Pt;

/// One set line: draws relative to the line's left end at x = 0 and its baseline at y = 0.
#[derive(Clone, Debug)]
pub(crate) struct SetLine {
    pub draws: Vec<Draw>,
    /// Where the ink starts (the alignment offset).
    pub x: f32,
    pub width: f32,
    pub end: LineEnd,
    pub text: String,
}

/// How a line ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum LineEnd {
    /// At a space.
    Space,
    /// Hyphenated inside `word` (punctuation stripped), the hyphen `offset` bytes in. Shared
    /// by the lines of one word: a word of a million letters has thousands of lines.
    Hyphen { word: Arc<str>, offset: usize },
    /// After a hyphen or dash of the text itself.
    ExplicitHyphen,
    /// Inside an unbreakable string wider than the line (a long address), without a hyphen.
    Split,
    /// At a hard line break.
    Forced,
    /// The paragraph's last line.
    Last,
}

/// Sets the lines of one collected paragraph.
pub(super) struct LineSetter<'p, 's, 'a> {
    pub shaper: &'s mut Shaper<'a>,
    pub para: &'p Paragraph,
    pub spec: &'p ParSpec,
    /// The word the last hyphenated line was broken in, so its lines share one copy.
    pub word: Option<(Range<usize>, Arc<str>)>,
}

impl LineSetter<'_, '_, '_> {
    pub(super) fn set_line(&mut self, line: &Line) -> SetLine {
        let ratio = line.ratio;
        let range = line.start..line.end.min(self.para.items.len());
        let mut out = LineBuilder {
            tracking: self.tracking(range.clone(), ratio),
            ..LineBuilder::default()
        };
        for index in range {
            let (Some(&item), Some(elem)) =
                (self.para.items.get(index), self.para.elems.get(index))
            else {
                continue;
            };
            match (elem.clone(), item) {
                (Elem::Piece(p), _) => {
                    if let Some(piece) = self.para.pieces.get(p) {
                        let text = self.para.text.get(piece.range.clone()).unwrap_or_default();
                        out.word(self.para.styles.get(piece.style), text, &piece.glyphs);
                    }
                }
                (
                    Elem::Space { style, letters },
                    Item::Glue {
                        width,
                        stretch,
                        shrink,
                    },
                ) => {
                    let set = glue_width(width, stretch - letters, shrink, ratio);
                    let gid = self.space_glyph(style);
                    out.space(self.para.styles.get(style), gid, set);
                }
                _ => {}
            }
        }
        let end = self.line_end(line);
        if let Some(style) = self.hyphen_style(line.end) {
            let glyphs = self
                .para
                .styles
                .get(style)
                .map(|s| self.shaper.shape(s.font, s.size, "-"));
            if let Some(run) = glyphs {
                out.push(self.para.styles.get(style), "-", &run.glyphs, run.width);
            }
        }
        let offset = match self.spec.align {
            Align::Center => (self.spec.width - out.x) / 2.0,
            Align::Right => self.spec.width - out.x,
            Align::Left | Align::None => 0.0,
        }
        .max(0.0);
        let (ascent, descent) = self.link_box();
        let width = out.x;
        let text = out.text.clone();
        SetLine {
            draws: out.finish(offset, ascent, descent),
            x: offset,
            width,
            end,
            text,
        }
    }

    /// Letter spacing of a line set at `ratio`: the letter part of its spaces' stretch spread
    /// over its glyphs, and how many glyphs get it (all but the last, which stays flush).
    fn tracking(&self, range: Range<usize>, ratio: f32) -> (f32, usize) {
        if ratio <= 0.0 {
            return (0.0, 0);
        }
        let mut letters = 0.0;
        let mut glyphs = 0;
        for elem in self.para.elems.get(range).unwrap_or_default() {
            match elem {
                Elem::Space { letters: l, .. } => letters += l,
                Elem::Piece(p) => glyphs += self.para.pieces.get(*p).map_or(0, |p| p.glyphs.len()),
                _ => {}
            }
        }
        let gaps = glyphs.saturating_sub(1);
        if gaps == 0 {
            return (0.0, 0);
        }
        (ratio * letters / gaps as f32, gaps)
    }

    /// The glyph of a space in `style`, if the face has one.
    fn space_glyph(&mut self, style: usize) -> Option<u16> {
        let s = self.para.styles.get(style)?;
        let (font, size) = (s.font, s.size);
        self.shaper
            .shape(font, size, " ")
            .glyphs
            .first()
            .map(|g| g.gid)
    }

    /// The style of the hyphen to draw when a line breaks at `end`.
    fn hyphen_style(&self, end: usize) -> Option<usize> {
        match self.para.elems.get(end)? {
            Elem::Break(BreakKind::Hyphen { style, .. } | BreakKind::Soft { style }) => {
                Some(*style)
            }
            _ => None,
        }
    }

    fn line_end(&mut self, line: &Line) -> LineEnd {
        match (self.para.elems.get(line.end), self.para.items.get(line.end)) {
            (Some(Elem::Break(BreakKind::Hyphen { word, at, .. })), _) => LineEnd::Hyphen {
                word: self.shared_word(word.clone()),
                offset: at.saturating_sub(word.start),
            },
            (Some(Elem::Break(BreakKind::Explicit | BreakKind::Soft { .. })), _) => {
                LineEnd::ExplicitHyphen
            }
            (Some(Elem::Break(BreakKind::Split)), _) => LineEnd::Split,
            (_, Some(Item::Penalty { penalty, .. })) if *penalty <= -INFINITE_PENALTY => {
                if line.end + 1 >= self.para.items.len() {
                    LineEnd::Last
                } else {
                    LineEnd::Forced
                }
            }
            (_, None) => LineEnd::Last,
            _ => LineEnd::Space,
        }
    }

    /// The text of `range`, shared with the line before when it was broken in the same word.
    fn shared_word(&mut self, range: Range<usize>) -> Arc<str> {
        match &self.word {
            Some((last, text)) if *last == range => text.clone(),
            _ => {
                let text: Arc<str> = self.para.text.get(range.clone()).unwrap_or_default().into();
                self.word = Some((range, text.clone()));
                text
            }
        }
    }

    /// The vertical extent of link rectangles around the baseline.
    fn link_box(&self) -> (f32, f32) {
        let size = self.spec.style.size;
        let font = self
            .shaper
            .fonts
            .face(face(self.spec.style.family, false, false));
        let m = self.shaper.fonts.metrics(font);
        (m.ascender * size, m.descender * size)
    }
}

fn glue_width(width: f32, stretch: f32, shrink: f32, ratio: f32) -> f32 {
    if ratio >= 0.0 {
        if stretch >= FIL {
            width
        } else {
            width + stretch * ratio
        }
    } else {
        width + shrink * ratio
    }
}

/// Accumulates one line's glyphs into runs of one style, with space glyphs widened to the
/// set glue, and link rectangles.
#[derive(Default)]
struct LineBuilder {
    runs: Vec<(RunStyle, GlyphRun, f32)>,
    links: Vec<(String, f32, f32)>,
    /// The pen: width set so far.
    x: f32,
    text: String,
    /// The next glyphs must start a new run (after a gap drawn without a glyph).
    gap: bool,
    /// Extra advance after each word glyph, and how many glyphs still get it.
    tracking: (f32, usize),
}

impl LineBuilder {
    /// A word piece, letter-spaced by the line's tracking.
    fn word(&mut self, style: Option<&RunStyle>, text: &str, glyphs: &[Glyph]) {
        let (extra, remaining) = self.tracking;
        if extra == 0.0 || remaining == 0 {
            let width = glyphs.iter().map(|g| g.advance).sum();
            self.push(style, text, glyphs, width);
            return;
        }
        let tracked = remaining.min(glyphs.len());
        self.tracking.1 -= tracked;
        let spaced: Vec<Glyph> = glyphs
            .iter()
            .enumerate()
            .map(|(i, g)| Glyph {
                advance: g.advance + if i < tracked { extra } else { 0.0 },
                ..g.clone()
            })
            .collect();
        let width = spaced.iter().map(|g| g.advance).sum();
        self.push(style, text, &spaced, width);
    }

    fn push(&mut self, style: Option<&RunStyle>, text: &str, glyphs: &[Glyph], width: f32) {
        let Some(style) = style else {
            self.x += width;
            return;
        };
        self.text.push_str(text);
        self.track_link(style, width);
        let continues = !self.gap && self.runs.last().is_some_and(|(s, _, _)| same_run(s, style));
        self.gap = false;
        if !continues {
            let run = GlyphRun {
                font: style.font,
                size: style.size,
                text: String::new(),
                glyphs: Vec::new(),
                width: 0.0,
            };
            self.runs.push((style.clone(), run, self.x));
        }
        if let Some((_, run, _)) = self.runs.last_mut() {
            let offset = run.text.len();
            run.text.push_str(text);
            run.glyphs.extend(glyphs.iter().map(|g| Glyph {
                cluster: g.cluster + offset,
                ..g.clone()
            }));
            run.width += width;
        }
        self.x += width;
    }

    /// A space `width` wide: a space glyph of that advance, so text extraction sees a real
    /// space and the line stays one run per style.
    fn space(&mut self, style: Option<&RunStyle>, gid: Option<u16>, width: f32) {
        match (style, gid) {
            (Some(style), Some(gid)) => {
                let glyph = Glyph {
                    gid,
                    advance: width,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    cluster: 0,
                };
                self.push(Some(style), " ", &[glyph], width);
            }
            _ => {
                self.text.push(' ');
                self.x += width;
                self.gap = true;
            }
        }
    }

    fn track_link(&mut self, style: &RunStyle, width: f32) {
        match (&style.link, self.links.last_mut()) {
            (Some(url), Some((open, x, w))) if open == url && (*x + *w - self.x).abs() < 0.01 => {
                *w += width;
            }
            (Some(url), _) => self.links.push((url.clone(), self.x, width)),
            (None, _) => {}
        }
    }

    fn finish(self, offset: f32, ascent: f32, descent: f32) -> Vec<Draw> {
        let mut draws = Vec::with_capacity(self.runs.len() + self.links.len());
        for (style, run, x) in self.runs {
            draws.push(Draw::Text {
                run,
                x: Pt(x + offset),
                y: Pt(style.rise),
                color: style.color,
            });
        }
        for (url, x, w) in self.links {
            draws.push(Draw::Link {
                x: Pt(x + offset),
                y: Pt(descent),
                w: Pt(w),
                h: Pt(ascent - descent),
                target: LinkTarget::Uri(url),
            });
        }
        draws
    }
}

fn same_run(a: &RunStyle, b: &RunStyle) -> bool {
    a.font == b.font && a.size == b.size && a.color == b.color && a.rise == b.rise
}
