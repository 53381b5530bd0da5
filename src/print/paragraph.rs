//! Paragraph setting: styled inline runs → shaped word pieces → Knuth–Plass items → lines of
//! positioned glyph runs, one run per style and line, the spaces in it real space glyphs.

use std::collections::HashMap;
use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::doc::{Align, Inline};
use super::fonts::{Family, FontId, FontSet};
use super::hyphenate::{HyphLang, hyphenation_points};
use super::layout::{LineEnd, face};
use super::linebreak::{FIL, INFINITE_PENALTY, Item, Line, Params, break_lines};
use super::pdf::{Color, Draw, LinkTarget};
use super::shape::{Glyph, GlyphRun, shape};
use crate::units::Pt;

/// Max adjustment ratio of the first pass: spaces may grow to 2½ times their width before
/// the breaker looks at looser settings.
const TOLERANCE: f32 = 3.0;
const HYPHEN_PENALTY: f32 = 50.0;
const FLAGGED_DEMERITS: f32 = 5000.0;
const FITNESS_DEMERITS: f32 = 100.0;
/// A break after an explicit slash or other punctuation without a space.
const PUNCTUATION_PENALTY: f32 = 100.0;
/// Breaking after a one-letter word ("в", "и", "с") leaves it hanging at the line end,
/// which Russian and Kazakh typography avoids; costly, not forbidden.
const SHORT_WORD_PENALTY: f32 = 1000.0;
/// Justified lines stretch their letter spacing a little too, not only the spaces: at the
/// first-pass tolerance (ratio 3) this adds 0.015 em after every glyph, invisible as such,
/// but it takes a quarter of a loose line's gaps out of the spaces.
const LETTER_STRETCH: f32 = 0.005;
/// Between the characters of a string too wide for any line: the last resort.
const SPLIT_PENALTY: f32 = 800.0;
/// Hyphenated lines in a row beyond which the breaker is told to find another way.
const MAX_HYPHENS_IN_A_ROW: usize = 2;
/// A line may get this loose (adjustment ratio) to avoid a third hyphen in a row.
const LADDER_LOOSENESS: f32 = 2.0;
/// Re-breaks spent on removing long hyphen ladders.
const HYPHEN_LADDER_RETRIES: usize = 6;
/// Footnote references: size and raise as fractions of the text size.
const SUPERSCRIPT_SIZE: f32 = 0.7;
const SUPERSCRIPT_RISE: f32 = 0.33;
/// Inline code in the sans face, a little smaller so it matches the serif's x-height.
const CODE_SIZE: f32 = 0.9;

/// Shapes text, remembering every (face, size, text) seen during one layout: words repeat
/// a lot, and shaping is the costliest step of setting.
pub(super) struct Shaper<'a> {
    pub fonts: &'a FontSet,
    lang: &'a str,
    cache: HashMap<(FontId, u32), HashMap<String, GlyphRun>>,
}

impl<'a> Shaper<'a> {
    pub fn new(fonts: &'a FontSet, lang: &'a str) -> Self {
        Shaper {
            fonts,
            lang,
            cache: HashMap::new(),
        }
    }

    pub fn lang(&self) -> &'a str {
        self.lang
    }

    pub fn shape(&mut self, font: FontId, size: f32, text: &str) -> GlyphRun {
        let per_face = self.cache.entry((font, size.to_bits())).or_default();
        if let Some(run) = per_face.get(text) {
            return run.clone();
        }
        let run = shape(self.fonts, font, size, text, self.lang);
        per_face.insert(text.to_string(), run.clone());
        run
    }

    pub fn width(&mut self, font: FontId, size: f32, text: &str) -> f32 {
        self.shape(font, size, text).width
    }
}

/// The look of a paragraph's plain text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct TextStyle {
    pub family: Family,
    pub bold: bool,
    pub italic: bool,
    pub size: f32,
    pub color: Color,
}

/// How to set one paragraph.
#[derive(Clone, Copy, Debug)]
pub(super) struct ParSpec {
    pub style: TextStyle,
    pub link_color: Color,
    /// The measure.
    pub width: f32,
    pub justify: bool,
    pub hyphenate: bool,
    /// Where ragged lines sit in the measure; justified lines fill it.
    pub align: Align,
}

/// One set line: draws relative to the line's left end at x = 0 and its baseline at y = 0.
#[derive(Clone, Debug)]
pub(super) struct SetLine {
    pub draws: Vec<Draw>,
    /// Where the ink starts (the alignment offset).
    pub x: f32,
    pub width: f32,
    pub end: LineEnd,
    pub text: String,
}

/// Sets `inlines` into lines of `spec.width`. Empty text gives no lines.
pub(super) fn set(shaper: &mut Shaper, inlines: &[Inline], spec: &ParSpec) -> Vec<SetLine> {
    let mut builder = Builder::new(shaper, inlines, spec);
    if builder.text.trim().is_empty() {
        return Vec::new();
    }
    builder.collect();
    let lines = builder.break_into_lines();
    lines.iter().map(|line| builder.set_line(line)).collect()
}

/// A run's face, size and colour once the paragraph's base style is applied.
#[derive(Clone, Debug, PartialEq)]
struct RunStyle {
    font: FontId,
    size: f32,
    color: Color,
    /// Baseline shift up (superscripts).
    rise: f32,
    link: Option<String>,
}

fn run_style(fonts: &FontSet, inline: &Inline, spec: &ParSpec) -> RunStyle {
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

/// A word fragment in one style: unbreakable, shaped once.
#[derive(Clone, Debug)]
struct Piece {
    style: usize,
    range: Range<usize>,
    /// Clusters relative to `range.start`.
    glyphs: Vec<Glyph>,
    width: f32,
}

/// What an item of the breaker's list stands for.
#[derive(Clone, Debug)]
enum Elem {
    Nothing,
    Piece(usize),
    /// `letters` is the part of the glue's stretch that goes into letter spacing.
    Space {
        style: usize,
        letters: f32,
    },
    Break(BreakKind),
}

#[derive(Clone, Debug)]
enum BreakKind {
    /// A hyphenation point at `at` inside the `word` range; the hyphen in `style`.
    Hyphen {
        word: Range<usize>,
        at: usize,
        style: usize,
    },
    /// A soft hyphen of the text: a hyphen appears when breaking there.
    Soft {
        style: usize,
    },
    /// After a hyphen or dash of the text.
    Explicit,
    /// After punctuation without a space (a slash).
    Punctuation,
    Split,
}

/// How two adjacent pieces of one word are joined.
#[derive(Clone, Debug)]
enum Joint {
    /// No break (a style change inside the word).
    Glued,
    /// A hyphenation point.
    Hyphen { word: Range<usize>, at: usize },
    /// Inside a string too wide for any line.
    Split,
}

struct Builder<'s, 'a> {
    shaper: &'s mut Shaper<'a>,
    spec: &'s ParSpec,
    text: String,
    /// Where each inline starts in `text`; `styles` has their looks, index for index.
    starts: Vec<usize>,
    styles: Vec<RunStyle>,
    lang: HyphLang,
    items: Vec<Item>,
    elems: Vec<Elem>,
    pieces: Vec<Piece>,
    /// Glyphs set since the last space: the letters whose spacing that space stretches.
    glyphs_since_space: usize,
}

impl<'s, 'a> Builder<'s, 'a> {
    fn new(shaper: &'s mut Shaper<'a>, inlines: &[Inline], spec: &'s ParSpec) -> Self {
        let mut text = String::new();
        let mut starts = Vec::new();
        let mut styles = Vec::new();
        for inline in inlines.iter().filter(|i| !i.text.is_empty()) {
            starts.push(text.len());
            text.push_str(&inline.text);
            styles.push(run_style(shaper.fonts, inline, spec));
        }
        let lang = HyphLang::from_code(shaper.lang());
        Builder {
            shaper,
            spec,
            text,
            starts,
            styles,
            lang,
            items: Vec::new(),
            elems: Vec::new(),
            pieces: Vec::new(),
            glyphs_since_space: 0,
        }
    }

    /// The inline that `pos` falls in.
    fn style_at(&self, pos: usize) -> usize {
        self.starts.partition_point(|&s| s <= pos).saturating_sub(1)
    }

    fn push(&mut self, item: Item, elem: Elem) {
        self.items.push(item);
        self.elems.push(elem);
    }

    /// Builds boxes, glue and penalties from the break opportunities of UAX #14 over the
    /// whole text, so a style change inside a word is never a break.
    fn collect(&mut self) {
        let breaks: Vec<(usize, BreakOpportunity)> = linebreaks(&self.text).collect();
        let mut start = 0;
        for (pos, opportunity) in breaks {
            let segment = self.text.get(start..pos).unwrap_or_default();
            let content_end = start + segment.trim_end_matches(is_breaking_space).len();
            let word = start..content_end;
            let has_space = content_end < pos;
            if pos >= self.text.len() {
                self.word(word);
                self.items.extend(Item::paragraph_end());
                self.elems
                    .extend([Elem::Nothing, Elem::Nothing, Elem::Nothing]);
                break;
            }
            let soft = self
                .text
                .get(word.clone())
                .is_some_and(|w| w.ends_with('\u{AD}'));
            let shaped_end = if soft {
                content_end - '\u{AD}'.len_utf8()
            } else {
                content_end
            };
            self.word(start..shaped_end);
            if opportunity == BreakOpportunity::Mandatory {
                self.glyphs_since_space = 0;
                self.push(forbid(), Elem::Nothing);
                self.push(fill(), Elem::Nothing);
                self.push(force(), Elem::Nothing);
            } else if has_space {
                self.space(word, pos);
            } else if soft {
                self.soft_hyphen(shaped_end);
            } else {
                self.break_without_space(word);
            }
            start = pos;
        }
    }

    /// The glue after `word`, the next word starting at `next`.
    fn space(&mut self, word: Range<usize>, next: usize) {
        let next_char = self.text.get(next..).and_then(|t| t.chars().next());
        let word_text = self.text.get(word.clone()).unwrap_or_default();
        if next_char.is_some_and(|c| c == '—' || c == '–') {
            // A dash between words stays on the line of the word before it.
            self.push(forbid(), Elem::Nothing);
        } else if is_one_letter_word(word_text) {
            self.push(penalty(SHORT_WORD_PENALTY, false), Elem::Nothing);
        }
        let style = self.style_at(word.end);
        let font = self.styles.get(style).map(|s| (s.font, s.size));
        let width = font.map_or(0.0, |(f, size)| self.shaper.width(f, size, " "));
        let letters = if self.spec.justify {
            LETTER_STRETCH * self.spec.style.size * self.glyphs_since_space as f32
        } else {
            0.0
        };
        self.glyphs_since_space = 0;
        let glue = Item::Glue {
            width,
            stretch: width / 2.0 + letters,
            shrink: width / 3.0,
        };
        self.push(glue, Elem::Space { style, letters });
    }

    fn soft_hyphen(&mut self, at: usize) {
        let style = self.style_at(at.saturating_sub(1));
        let width = self.hyphen_width(style);
        self.push(
            Item::Penalty {
                width,
                penalty: HYPHEN_PENALTY,
                flagged: true,
            },
            Elem::Break(BreakKind::Soft { style }),
        );
    }

    /// UAX #14 allows a break here without a space: after a hyphen or dash (flagged, free of
    /// width: the dash is already there), after a slash or similar (unflagged). A hyphen
    /// after a number ("70-тен") joins a suffix and is not a break.
    fn break_without_space(&mut self, word: Range<usize>) {
        let text = self.text.get(word).unwrap_or_default();
        let mut chars = text.chars().rev();
        let last = chars.next();
        let before = chars.next();
        match last {
            Some('-' | '\u{2010}') if before.is_some_and(|c| c.is_ascii_digit()) => {}
            Some('-' | '\u{2010}' | '–' | '—') => self.push(
                penalty(HYPHEN_PENALTY, true),
                Elem::Break(BreakKind::Explicit),
            ),
            _ => self.push(
                penalty(PUNCTUATION_PENALTY, false),
                Elem::Break(BreakKind::Punctuation),
            ),
        }
    }

    fn hyphen_width(&mut self, style: usize) -> f32 {
        match self.styles.get(style) {
            Some(s) => {
                let (font, size) = (s.font, s.size);
                self.shaper.width(font, size, "-")
            }
            None => 0.0,
        }
    }

    /// Boxes for one word (text between break opportunities, without its spaces), cut at
    /// style changes and hyphenation points.
    fn word(&mut self, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let core = self.core(range.clone());
        let points: Vec<usize> = if self.spec.hyphenate && !core.is_empty() {
            let word = self.text.get(core.clone()).unwrap_or_default();
            hyphenation_points(word, self.lang)
                .into_iter()
                .map(|p| core.start + p)
                .collect()
        } else {
            Vec::new()
        };
        let parts = self.shaped_parts(range, &points, &core);
        let hyphen = self.hyphen_width_of(&parts);
        let parts = split_wide_chains(parts, self.spec.width, hyphen);
        self.push_parts(parts);
    }

    /// The word without surrounding punctuation, as hyphenation wants it.
    fn core(&self, range: Range<usize>) -> Range<usize> {
        let text = self.text.get(range.clone()).unwrap_or_default();
        let lead = text.len() - text.trim_start_matches(|c: char| !c.is_alphabetic()).len();
        let trimmed = text.trim_end_matches(|c: char| !c.is_alphabetic());
        let end = range.start + trimmed.len();
        (range.start + lead).min(end)..end
    }

    /// Shapes each style's part of the word once and cuts it at the hyphenation points.
    fn shaped_parts(
        &mut self,
        range: Range<usize>,
        points: &[usize],
        core: &Range<usize>,
    ) -> Vec<(Piece, Joint)> {
        let mut parts: Vec<(Piece, Joint)> = Vec::new();
        let mut at = range.start;
        while at < range.end {
            let style = self.style_at(at);
            let end = self
                .starts
                .get(style + 1)
                .copied()
                .unwrap_or(usize::MAX)
                .min(range.end);
            let Some(run_style) = self.styles.get(style) else {
                break;
            };
            let (font, size) = (run_style.font, run_style.size);
            let text = self.text.get(at..end).unwrap_or_default();
            let run = self.shaper.shape(font, size, text);
            if let Some(last) = parts.last_mut() {
                last.1 = Joint::Glued;
            }
            let inside = points.iter().copied().filter(|&p| p > at && p < end);
            for (piece, cut) in cut_run(run.glyphs, style, at..end, inside) {
                let joint = match cut {
                    Some(p) => Joint::Hyphen {
                        word: core.clone(),
                        at: p,
                    },
                    None => Joint::Glued,
                };
                parts.push((piece, joint));
            }
            at = end.max(at + 1);
        }
        parts
    }

    fn hyphen_width_of(&mut self, parts: &[(Piece, Joint)]) -> f32 {
        let style = parts.first().map_or(0, |(p, _)| p.style);
        self.hyphen_width(style)
    }

    fn push_parts(&mut self, parts: Vec<(Piece, Joint)>) {
        let count = parts.len();
        for (i, (piece, joint)) in parts.into_iter().enumerate() {
            let style = piece.style;
            self.glyphs_since_space += piece.glyphs.len();
            self.push(
                Item::Box { width: piece.width },
                Elem::Piece(self.pieces.len()),
            );
            self.pieces.push(piece);
            if i + 1 == count {
                break;
            }
            match joint {
                Joint::Glued => {}
                Joint::Hyphen { word, at } => {
                    let width = self.hyphen_width(style);
                    let item = Item::Penalty {
                        width,
                        penalty: HYPHEN_PENALTY,
                        flagged: true,
                    };
                    self.push(item, Elem::Break(BreakKind::Hyphen { word, at, style }));
                }
                Joint::Split => {
                    self.push(penalty(SPLIT_PENALTY, false), Elem::Break(BreakKind::Split))
                }
            }
        }
    }

    fn params(&self) -> Params {
        let width = self.spec.width;
        Params {
            tolerance: TOLERANCE,
            hyphen_penalty: HYPHEN_PENALTY,
            flagged_demerits: FLAGGED_DEMERITS,
            fitness_demerits: FITNESS_DEMERITS,
            justify: self.spec.justify,
            ..Params::new(width)
        }
    }

    /// Knuth–Plass, then, while more than two hyphenated lines follow each other, forbid the
    /// hyphen that makes the third one and break again (when that still finds a breaking).
    fn break_into_lines(&mut self) -> Vec<Line> {
        let params = self.params();
        let mut lines = break_lines(&self.items, &params);
        for _ in 0..HYPHEN_LADDER_RETRIES {
            let Some(end) = third_hyphen_in_a_row(&lines) else {
                break;
            };
            let Some(old) = self.set_penalty(end, INFINITE_PENALTY) else {
                break;
            };
            let retry = break_lines(&self.items, &params);
            if retry.len() > lines.len() || any_worse_than(&retry, &lines) {
                self.set_penalty(end, old);
                break;
            }
            lines = retry;
        }
        lines
    }

    /// Changes the cost of the penalty at `index`, returning the old cost.
    fn set_penalty(&mut self, index: usize, cost: f32) -> Option<f32> {
        match self.items.get_mut(index) {
            Some(Item::Penalty { penalty, .. }) => Some(std::mem::replace(penalty, cost)),
            _ => None,
        }
    }

    fn set_line(&mut self, line: &Line) -> SetLine {
        let ratio = line.ratio;
        let range = line.start..line.end.min(self.items.len());
        let mut out = LineBuilder {
            tracking: self.tracking(range.clone(), ratio),
            ..LineBuilder::default()
        };
        for index in range {
            let (Some(&item), Some(elem)) = (self.items.get(index), self.elems.get(index)) else {
                continue;
            };
            match (elem.clone(), item) {
                (Elem::Piece(p), _) => {
                    if let Some(piece) = self.pieces.get(p) {
                        let text = self.text.get(piece.range.clone()).unwrap_or_default();
                        out.word(self.styles.get(piece.style), text, &piece.glyphs);
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
                    out.space(self.styles.get(style), gid, set);
                }
                _ => {}
            }
        }
        let end = self.line_end(line);
        if let Some(style) = self.hyphen_style(line.end) {
            let glyphs = self
                .styles
                .get(style)
                .map(|s| self.shaper.shape(s.font, s.size, "-"));
            if let Some(run) = glyphs {
                out.push(self.styles.get(style), "-", &run.glyphs, run.width);
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
        for elem in self.elems.get(range).unwrap_or_default() {
            match elem {
                Elem::Space { letters: l, .. } => letters += l,
                Elem::Piece(p) => glyphs += self.pieces.get(*p).map_or(0, |p| p.glyphs.len()),
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
        let s = self.styles.get(style)?;
        let (font, size) = (s.font, s.size);
        self.shaper
            .shape(font, size, " ")
            .glyphs
            .first()
            .map(|g| g.gid)
    }

    /// The style of the hyphen to draw when a line breaks at `end`.
    fn hyphen_style(&self, end: usize) -> Option<usize> {
        match self.elems.get(end)? {
            Elem::Break(BreakKind::Hyphen { style, .. } | BreakKind::Soft { style }) => {
                Some(*style)
            }
            _ => None,
        }
    }

    fn line_end(&self, line: &Line) -> LineEnd {
        match (self.elems.get(line.end), self.items.get(line.end)) {
            (Some(Elem::Break(BreakKind::Hyphen { word, at, .. })), _) => LineEnd::Hyphen {
                word: self.text.get(word.clone()).unwrap_or_default().to_string(),
                offset: at.saturating_sub(word.start),
            },
            (Some(Elem::Break(BreakKind::Explicit | BreakKind::Soft { .. })), _) => {
                LineEnd::ExplicitHyphen
            }
            (Some(Elem::Break(BreakKind::Split)), _) => LineEnd::Split,
            (_, Some(Item::Penalty { penalty, .. })) if *penalty <= -INFINITE_PENALTY => {
                if line.end + 1 >= self.items.len() {
                    LineEnd::Last
                } else {
                    LineEnd::Forced
                }
            }
            (_, None) => LineEnd::Last,
            _ => LineEnd::Space,
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

fn is_breaking_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

fn is_one_letter_word(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.next().is_some() && letters.next().is_none() && word.chars().count() == 1
}

fn penalty(cost: f32, flagged: bool) -> Item {
    Item::Penalty {
        width: 0.0,
        penalty: cost,
        flagged,
    }
}

fn forbid() -> Item {
    penalty(INFINITE_PENALTY, false)
}

fn force() -> Item {
    penalty(-INFINITE_PENALTY, false)
}

fn fill() -> Item {
    Item::Glue {
        width: 0.0,
        stretch: FIL,
        shrink: 0.0,
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

/// Cuts a shaped run (of the text starting at `start`) at `points`; a point inside a
/// ligature or other multi-character glyph is dropped. Each piece comes with the point it
/// ends at (None for the last).
fn cut_run(
    glyphs: Vec<Glyph>,
    style: usize,
    range: Range<usize>,
    points: impl Iterator<Item = usize>,
) -> Vec<(Piece, Option<usize>)> {
    let mut out = Vec::new();
    let mut rest = glyphs;
    let mut rest_start = range.start;
    for p in points {
        let Some(local) = p.checked_sub(rest_start) else {
            continue;
        };
        let Some(cut) = rest.iter().position(|g| g.cluster == local) else {
            continue;
        };
        if cut == 0 {
            continue;
        }
        let tail = rest.split_off(cut);
        out.push((piece(style, rest_start..p, rest), Some(p)));
        rest = tail
            .into_iter()
            .map(|g| Glyph {
                cluster: g.cluster.saturating_sub(local),
                ..g
            })
            .collect();
        rest_start = p;
    }
    out.push((piece(style, rest_start..range.end, rest), None));
    out
}

fn piece(style: usize, range: Range<usize>, glyphs: Vec<Glyph>) -> Piece {
    Piece {
        style,
        range,
        width: glyphs.iter().map(|g| g.advance).sum(),
        glyphs,
    }
}

/// Splits every chain (pieces glued together) wider than `width` into one piece per
/// character cluster, with a costly break between each.
fn split_wide_chains(parts: Vec<(Piece, Joint)>, width: f32, hyphen: f32) -> Vec<(Piece, Joint)> {
    let mut out = Vec::new();
    let mut chain: Vec<(Piece, Joint)> = Vec::new();
    for (piece, joint) in parts {
        let ends_chain = matches!(joint, Joint::Hyphen { .. });
        chain.push((piece, joint));
        if ends_chain {
            flush_chain(&mut chain, &mut out, width - hyphen);
        }
    }
    flush_chain(&mut chain, &mut out, width);
    out
}

fn flush_chain(chain: &mut Vec<(Piece, Joint)>, out: &mut Vec<(Piece, Joint)>, width: f32) {
    let total: f32 = chain.iter().map(|(p, _)| p.width).sum();
    if total <= width {
        out.append(chain);
        return;
    }
    for (piece, joint) in chain.drain(..) {
        let mut clusters = by_cluster(piece);
        let last = clusters.pop();
        out.extend(clusters.into_iter().map(|p| (p, Joint::Split)));
        if let Some(last) = last {
            let joint = match joint {
                Joint::Glued => Joint::Split,
                other => other,
            };
            out.push((last, joint));
        }
    }
}

/// One piece per character cluster.
fn by_cluster(piece: Piece) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let base = piece.range.start;
    let mut bounds: Vec<usize> = piece.glyphs.iter().map(|g| g.cluster).collect();
    bounds.dedup();
    let ends: Vec<usize> = bounds
        .iter()
        .skip(1)
        .copied()
        .chain(std::iter::once(piece.range.len()))
        .collect();
    for (&from, &to) in bounds.iter().zip(&ends) {
        let glyphs: Vec<Glyph> = piece
            .glyphs
            .iter()
            .filter(|g| g.cluster == from)
            .map(|g| Glyph {
                cluster: 0,
                ..g.clone()
            })
            .collect();
        out.push(self::piece(piece.style, base + from..base + to, glyphs));
    }
    out
}

fn third_hyphen_in_a_row(lines: &[Line]) -> Option<usize> {
    let mut run = 0;
    for line in lines {
        run = if line.hyphenated { run + 1 } else { 0 };
        if run > MAX_HYPHENS_IN_A_ROW {
            return Some(line.end);
        }
    }
    None
}

/// Whether a re-break made a line looser than both the loosest line before and the
/// looseness a hyphen ladder is worth: three hyphens in a row beat a gappy line.
fn any_worse_than(retry: &[Line], lines: &[Line]) -> bool {
    let loosest = |ls: &[Line]| ls.iter().map(|l| l.ratio).fold(0.0_f32, f32::max);
    loosest(retry) > loosest(lines).max(LADDER_LOOSENESS)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::doc::Style;
    use crate::print::fonts::FontSet;
    use crate::print::layout::testdata::{KAZAKH, RUSSIAN};

    const BLACK: Color = Color {
        r: 0.0,
        g: 0.0,
        b: 0.0,
    };
    const BLUE: Color = Color {
        r: 0.0,
        g: 0.0,
        b: 1.0,
    };

    fn spec(width: f32, justify: bool) -> ParSpec {
        ParSpec {
            style: TextStyle {
                family: Family::Serif,
                bold: false,
                italic: false,
                size: 10.0,
                color: BLACK,
            },
            link_color: BLUE,
            width,
            justify,
            hyphenate: true,
            align: Align::Left,
        }
    }

    fn plain(text: &str) -> Inline {
        styled(text, Style::default())
    }

    fn styled(text: &str, style: Style) -> Inline {
        Inline {
            text: text.into(),
            style,
            link: None,
        }
    }

    fn set_text(lang: &str, text: &str, spec: &ParSpec) -> Vec<SetLine> {
        let fonts = FontSet::embedded();
        let mut shaper = Shaper::new(&fonts, lang);
        set(&mut shaper, &[plain(text)], spec)
    }

    /// The plain paragraphs of a fixture story (no headings, quotes or list items).
    fn paragraphs(story: &str) -> Vec<&str> {
        story
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.starts_with(['#', '>', '-']))
            .collect()
    }

    fn texts(lines: &[SetLine]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    fn runs(line: &SetLine) -> Vec<&GlyphRun> {
        line.draws
            .iter()
            .filter_map(|d| match d {
                Draw::Text { run, .. } => Some(run),
                _ => None,
            })
            .collect()
    }

    /// Where the ink of a line ends: the last run's x plus its width.
    fn ink_end(line: &SetLine) -> f32 {
        line.draws
            .iter()
            .filter_map(|d| match d {
                Draw::Text { run, x, .. } => Some(x.0 + run.width),
                _ => None,
            })
            .fold(0.0, f32::max)
    }

    #[test]
    fn justified_lines_fill_the_measure_and_none_is_wider() {
        for (lang, story) in [("kk", KAZAKH), ("ru", RUSSIAN)] {
            for width in [337.3, 250.0, 180.0] {
                for text in paragraphs(story) {
                    let lines = set_text(lang, text, &spec(width, true));
                    let (last, body) = lines.split_last().expect("lines");
                    for line in body {
                        assert!(
                            (ink_end(line) - width).abs() < 0.01,
                            "{lang} {width}: {} ends at {}",
                            line.text,
                            ink_end(line)
                        );
                        assert!((line.width - width).abs() < 0.01);
                    }
                    assert!(last.width <= width + 0.01);
                    assert_eq!(last.end, LineEnd::Last);
                }
            }
        }
    }

    #[test]
    fn every_hyphen_is_at_a_hyphenation_point() {
        for (lang, story) in [("kk", KAZAKH), ("ru", RUSSIAN)] {
            let mut hyphens = 0;
            for text in paragraphs(story) {
                for line in set_text(lang, text, &spec(200.0, true)) {
                    if let LineEnd::Hyphen { word, offset } = &line.end {
                        hyphens += 1;
                        let points = hyphenation_points(word, HyphLang::from_code(lang));
                        assert!(points.contains(offset), "{word} at {offset}");
                        assert!(line.text.ends_with('-'), "{}", line.text);
                    }
                }
            }
            assert!(hyphens > 3, "{lang}: {hyphens}");
        }
    }

    #[test]
    fn hyphens_rarely_come_more_than_two_in_a_row() {
        let mut ladders = 0;
        for (lang, story) in [("kk", KAZAKH), ("ru", RUSSIAN)] {
            for text in paragraphs(story) {
                let lines = set_text(lang, text, &spec(337.3, true));
                let mut run = 0;
                for line in &lines {
                    run = if matches!(line.end, LineEnd::Hyphen { .. }) {
                        run + 1
                    } else {
                        0
                    };
                    if run > MAX_HYPHENS_IN_A_ROW {
                        ladders += 1;
                    }
                }
            }
        }
        assert_eq!(ladders, 0);
    }

    #[test]
    fn each_line_is_one_run_with_real_spaces() {
        let lines = set_text("kk", paragraphs(KAZAKH)[0], &spec(337.3, true));
        for line in &lines {
            let runs = runs(line);
            assert_eq!(runs.len(), 1, "{}", line.text);
            assert_eq!(runs[0].text, line.text);
            let spaces: Vec<usize> = line.text.match_indices(' ').map(|(i, _)| i).collect();
            assert!(!spaces.is_empty(), "{}", line.text);
            for at in spaces {
                assert!(
                    runs[0].glyphs.iter().any(|g| g.cluster == at),
                    "no glyph for the space at {at}"
                );
            }
        }
    }

    #[test]
    fn ragged_lines_keep_natural_spaces() {
        let fonts = FontSet::embedded();
        let space = shape(
            &fonts,
            fonts.face(face(Family::Serif, false, false)),
            10.0,
            " ",
            "ru",
        )
        .width;
        let lines = set_text("ru", paragraphs(RUSSIAN)[0], &spec(250.0, false));
        assert!(lines.len() > 3);
        for line in &lines {
            let run = runs(line)[0];
            for (i, _) in run.text.match_indices(' ') {
                let glyph = run
                    .glyphs
                    .iter()
                    .find(|g| g.cluster == i)
                    .expect("space glyph");
                assert!((glyph.advance - space).abs() < 1e-4);
            }
            assert!(line.width <= 250.0);
        }
    }

    #[test]
    fn style_change_inside_a_word_is_no_break() {
        let fonts = FontSet::embedded();
        let mut shaper = Shaper::new(&fonts, "kk");
        let bold = Style {
            bold: true,
            ..Style::default()
        };
        let inlines = [styled("Қазақ", bold), plain("стан бүгін")];
        let mut no_hyphens = spec(337.3, true);
        no_hyphens.hyphenate = false;
        let mut builder = Builder::new(&mut shaper, &inlines, &no_hyphens);
        builder.collect();
        assert!(
            matches!(
                builder.items[..3],
                [Item::Box { .. }, Item::Box { .. }, Item::Glue { .. }]
            ),
            "{:?}",
            builder.items
        );
        let lines = set(&mut shaper, &inlines, &no_hyphens);
        let runs = runs(&lines[0]);
        assert_eq!(runs.len(), 2);
        assert_eq!(
            (runs[0].text.as_str(), runs[1].text.as_str()),
            ("Қазақ", "стан бүгін")
        );
    }

    #[test]
    fn no_break_spaces_hold_numbers_together() {
        let text =
            "Тираж 5\u{a0}000 дана, бағасы 1\u{202f}250 ₸, тағы 5\u{a0}000 және 7\u{a0}000 адам.";
        for width in [60.0, 80.0, 100.0] {
            let lines = set_text("kk", text, &spec(width, true));
            for line in &lines {
                assert!(
                    !line.text.starts_with("000") && !line.text.starts_with("250"),
                    "{:?}",
                    texts(&lines)
                );
            }
            let nbsp_glyphs = lines
                .iter()
                .flat_map(runs)
                .filter(|r| r.text.contains('\u{a0}'))
                .count();
            assert!(nbsp_glyphs > 0);
        }
    }

    #[test]
    fn a_long_address_is_split_between_characters_without_hyphens() {
        let text = "Сілтеме: https://example.org/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa соңы.";
        let lines = set_text("kk", text, &spec(100.0, true));
        assert!(
            lines.iter().any(|l| l.end == LineEnd::Split),
            "{:?}",
            texts(&lines)
        );
        for line in &lines {
            assert!(line.width <= 100.01, "{} is {}", line.text, line.width);
            assert!(line.end != LineEnd::Split || !line.text.ends_with('-'));
        }
        let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
        assert!(joined.contains("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    }

    #[test]
    fn hard_break_ends_a_line() {
        let lines = set_text("kk", "Бірінші жол\nекінші жол", &spec(337.3, true));
        assert_eq!(texts(&lines), ["Бірінші жол", "екінші жол"]);
        assert_eq!(lines[0].end, LineEnd::Forced);
        assert!(
            lines[0].width < 100.0,
            "the line before a hard break is not justified"
        );
    }

    #[test]
    fn a_dash_never_starts_a_line_and_a_number_keeps_its_suffix() {
        let text = "Жоба — қоғамда белсенді әлеуметтендіру арқылы 70-тен астам баланы қамтыды — бұл нәтиже 300-ден астам адамға жетті – нақты көмек.";
        for width in (60..200).step_by(7) {
            let lines = set_text("kk", text, &spec(width as f32, true));
            for line in &lines {
                assert!(
                    !line.text.starts_with('—') && !line.text.starts_with('–'),
                    "{width}: {:?}",
                    texts(&lines)
                );
                assert!(
                    !line.text.ends_with("70-") && !line.text.ends_with("300-"),
                    "{width}: {:?}",
                    texts(&lines)
                );
            }
        }
    }

    #[test]
    fn explicit_hyphen_is_a_break_without_an_added_hyphen() {
        let text = "қажыр-қайраты";
        let fonts = FontSet::embedded();
        let whole = shape(
            &fonts,
            fonts.face(face(Family::Serif, false, false)),
            10.0,
            text,
            "kk",
        )
        .width;
        let mut s = spec(whole - 5.0, true);
        s.hyphenate = false;
        let lines = set_text("kk", text, &s);
        assert_eq!(texts(&lines), ["қажыр-", "қайраты"]);
        assert_eq!(lines[0].end, LineEnd::ExplicitHyphen);
    }

    #[test]
    fn links_get_rectangles_over_their_words() {
        let fonts = FontSet::embedded();
        let mut shaper = Shaper::new(&fonts, "kk");
        let link = Inline {
            text: "жоба сайты".into(),
            style: Style::default(),
            link: Some("https://example.org".into()),
        };
        let lines = set(
            &mut shaper,
            &[plain("Толығырақ: "), link, plain(" бар.")],
            &spec(337.3, false),
        );
        let rects: Vec<(f32, f32)> = lines[0]
            .draws
            .iter()
            .filter_map(|d| match d {
                Draw::Link {
                    x,
                    w,
                    target: LinkTarget::Uri(u),
                    ..
                } if u == "https://example.org" => Some((x.0, w.0)),
                _ => None,
            })
            .collect();
        assert_eq!(rects.len(), 1);
        let start = shaper.width(
            fonts.face(face(Family::Serif, false, false)),
            10.0,
            "Толығырақ: ",
        );
        let (x, w) = rects[0];
        assert!((x - start).abs() < 0.5, "{x} vs {start}");
        assert!(w > 30.0 && w < 70.0, "{w}");
        let colors: Vec<Color> = lines[0]
            .draws
            .iter()
            .filter_map(|d| match d {
                Draw::Text { color, .. } => Some(*color),
                _ => None,
            })
            .collect();
        assert_eq!(colors, [BLACK, BLUE, BLACK]);
    }

    #[test]
    fn footnote_reference_is_small_and_raised() {
        let fonts = FontSet::embedded();
        let mut shaper = Shaper::new(&fonts, "kk");
        let sup = Style {
            superscript: true,
            ..Style::default()
        };
        let lines = set(
            &mut shaper,
            &[plain("Дереккөз"), styled("1", sup), plain(" бар.")],
            &spec(337.3, true),
        );
        let texts: Vec<(String, f32, f32)> = lines[0]
            .draws
            .iter()
            .filter_map(|d| match d {
                Draw::Text { run, y, .. } => Some((run.text.clone(), run.size, y.0)),
                _ => None,
            })
            .collect();
        assert_eq!((texts[1].0.as_str(), texts[1].1), ("1", 7.0));
        assert!((texts[1].2 - 3.3).abs() < 1e-4);
        assert_eq!(texts[0].2, 0.0);
    }

    #[test]
    fn emphasis_in_italic_text_turns_upright() {
        let fonts = FontSet::embedded();
        let mut shaper = Shaper::new(&fonts, "kk");
        let mut italic = spec(337.3, true);
        italic.style.italic = true;
        let em = Style {
            italic: true,
            ..Style::default()
        };
        let lines = set(
            &mut shaper,
            &[plain("Дәйексөз "), styled("ерекше", em)],
            &italic,
        );
        let fonts_used: Vec<FontId> = runs(&lines[0]).iter().map(|r| r.font).collect();
        assert_eq!(
            fonts_used,
            [
                fonts.face(face(Family::Serif, false, true)),
                fonts.face(face(Family::Serif, false, false))
            ]
        );
    }

    #[test]
    fn centred_and_right_aligned_lines_are_offset() {
        let mut s = spec(200.0, false);
        s.align = Align::Right;
        let right = set_text("kk", "Оң жақта", &s);
        assert!((right[0].x + right[0].width - 200.0).abs() < 0.01);
        s.align = Align::Center;
        let centre = set_text("kk", "Ортада", &s);
        assert!((2.0 * centre[0].x + centre[0].width - 200.0).abs() < 0.01);
    }

    #[test]
    fn cutting_a_run_skips_points_inside_a_ligature() {
        let glyph = |cluster| Glyph {
            gid: 1,
            advance: 5.0,
            x_offset: 0.0,
            y_offset: 0.0,
            cluster,
        };
        // "office": the "ffi" ligature covers bytes 1..4.
        let glyphs = vec![glyph(0), glyph(1), glyph(4), glyph(5)];
        let pieces = cut_run(glyphs, 0, 10..16, [12, 14].into_iter());
        let ranges: Vec<Range<usize>> = pieces.iter().map(|(p, _)| p.range.clone()).collect();
        assert_eq!(ranges, [10..14, 14..16]);
        assert_eq!(pieces[1].0.glyphs[0].cluster, 0);
        assert_eq!(pieces[0].0.width, 10.0);
    }

    #[test]
    fn empty_text_gives_no_lines() {
        assert!(set_text("kk", "", &spec(100.0, true)).is_empty());
        assert!(set_text("kk", "  ", &spec(100.0, true)).is_empty());
        assert!(!set_text("kk", "сөз", &spec(0.0, true)).is_empty());
    }

    #[test]
    fn a_word_that_fits_a_narrow_column_is_not_hyphenated() {
        let fonts = FontSet::embedded();
        let mut shaper = Shaper::new(&fonts, "kk");
        let mut s = spec(0.0, false);
        s.style.family = Family::Sans;
        s.style.size = 8.5;
        s.width = shaper.width(
            fonts.face(face(Family::Sans, false, false)),
            8.5,
            "Райымбек",
        ) + 0.05;
        let lines = set(&mut shaper, &[plain("Райымбек")], &s);
        assert_eq!(texts(&lines), ["Райымбек"]);
    }
}
