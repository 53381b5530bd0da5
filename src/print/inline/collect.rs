//! Collecting: a paragraph's styled runs joined into one text, cut into word pieces at the
//! break opportunities of UAX #14, at style changes and at hyphenation points, each piece
//! shaped once, and turned into the breaker's boxes, glue and penalties.

use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::hyphenate::{HyphLang, hyphenation_points};
use super::linebreak::{FIL, HYPHEN_PENALTY, INFINITE_PENALTY, Item};
use super::shape::Shaper;
use super::style::{ParSpec, RunStyle, run_style};
use crate::print::display::Glyph;
use crate::print::doc::Inline;

/// A break after an explicit slash or other punctuation without a space.
const PUNCTUATION_PENALTY: f32 = 100.0;
/// Breaking after another one-letter word (a digit, a Latin letter) leaves it hanging at the
/// line end; costly, not forbidden.
const SHORT_WORD_PENALTY: f32 = 1000.0;
/// The one-letter prepositions and conjunctions of Russian (and the few that Kazakh text
/// borrows): bound to the next word, as Russian typography asks — never at a line end.
const BOUND_TO_NEXT: [char; 8] = ['в', 'к', 'с', 'у', 'о', 'и', 'а', 'я'];
/// Justified lines stretch their letter spacing a little too, not only the spaces: 0.02 em
/// after every glyph per unit of adjustment ratio. A typical line (ratio well under 1) gains
/// less than 0.01 em a letter, which no reader sees, yet a word of ten letters then absorbs as
/// much slack as a space does. That is what lets the breaker avoid hyphens (a line without
/// one is often slightly looser) and bound prepositions without widening the word gaps:
/// measured on the example booklets (bench/page_flow.py), hyphenated lines fell from 20 % to
/// 14-15 % while the median word gap fell from 0.231-0.235 to 0.226-0.228 line heights.
const LETTER_STRETCH: f32 = 0.02;
/// A space may shrink to 60 % of its width (TeX's fonts allow 67 %): a line that is a little
/// too long closes up instead of breaking a word.
const SPACE_SHRINK: f32 = 0.4;
/// Between the characters of a string too wide for any line: the last resort.
const SPLIT_PENALTY: f32 = 800.0;

/// A paragraph ready for breaking: its text, the looks of its runs, the breaker's items and
/// what each of them stands for, index for index.
pub(super) struct Paragraph {
    pub text: String,
    pub styles: Vec<RunStyle>,
    pub items: Vec<Item>,
    pub elems: Vec<Elem>,
    pub pieces: Vec<Piece>,
}

/// Collects `inlines` for breaking; `None` when the text is blank (it gives no lines).
pub(super) fn collect(
    shaper: &mut Shaper,
    inlines: &[Inline],
    spec: &ParSpec,
) -> Option<Paragraph> {
    let mut collector = Collector::new(shaper, inlines, spec);
    if collector.text.trim().is_empty() {
        return None;
    }
    collector.collect_items();
    Some(Paragraph {
        text: collector.text,
        styles: collector.styles,
        items: collector.items,
        elems: collector.elems,
        pieces: collector.pieces,
    })
}

/// A word fragment in one style: unbreakable, shaped once.
#[derive(Clone, Debug)]
pub(super) struct Piece {
    pub style: usize,
    pub range: Range<usize>,
    /// Clusters relative to `range.start`.
    pub glyphs: Vec<Glyph>,
    pub width: f32,
}

/// What an item of the breaker's list stands for.
#[derive(Clone, Debug)]
pub(super) enum Elem {
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
pub(super) enum BreakKind {
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

struct Collector<'s, 'a> {
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

impl<'s, 'a> Collector<'s, 'a> {
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
        Collector {
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
    fn collect_items(&mut self) {
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
        } else if is_bound_to_next(word_text) {
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
            shrink: width * SPACE_SHRINK,
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
}

fn is_breaking_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// «в», «К», «и»…: a one-letter preposition or conjunction (any case), or one opening a
/// parenthesis or quote («(в»).
fn is_bound_to_next(word: &str) -> bool {
    let core = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut chars = core.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c
            .to_lowercase()
            .next()
            .is_some_and(|c| BOUND_TO_NEXT.contains(&c)),
        _ => false,
    }
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

/// Cuts a shaped run (of the text starting at `start`) at `points` (ascending); a point
/// inside a ligature or other multi-character glyph is dropped. Each piece comes with the
/// point it ends at (None for the last). One walk over the glyphs, whatever the number of
/// points: a word of tens of thousands of letters has thousands of them.
pub(super) fn cut_run(
    glyphs: Vec<Glyph>,
    style: usize,
    range: Range<usize>,
    points: impl Iterator<Item = usize>,
) -> Vec<(Piece, Option<usize>)> {
    let mut out = Vec::new();
    // The current piece starts at glyph `first` and text offset `rest_start`; `cursor` is
    // the first glyph whose cluster is not before the point looked at.
    let mut first = 0;
    let mut cursor = 0;
    let mut rest_start = range.start;
    for p in points {
        let Some(local) = p.checked_sub(range.start) else {
            continue;
        };
        while glyphs.get(cursor).is_some_and(|g| g.cluster < local) {
            cursor += 1;
        }
        if p <= rest_start
            || cursor == first
            || glyphs.get(cursor).map(|g| g.cluster) != Some(local)
        {
            continue;
        }
        let part = glyphs.get(first..cursor).unwrap_or_default();
        out.push((
            piece(
                style,
                rest_start..p,
                rebased(part, rest_start - range.start),
            ),
            Some(p),
        ));
        first = cursor;
        rest_start = p;
    }
    let part = glyphs.get(first..).unwrap_or_default();
    out.push((
        piece(
            style,
            rest_start..range.end,
            rebased(part, rest_start - range.start),
        ),
        None,
    ));
    out
}

/// `glyphs` with clusters counted from `offset` bytes into the run instead of its start.
fn rebased(glyphs: &[Glyph], offset: usize) -> Vec<Glyph> {
    glyphs
        .iter()
        .map(|g| Glyph {
            cluster: g.cluster.saturating_sub(offset),
            ..g.clone()
        })
        .collect()
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

/// One piece per character cluster. Glyphs of a left-to-right run come in cluster order, so a
/// cluster's glyphs are neighbours: one walk, not one per cluster.
fn by_cluster(piece: Piece) -> Vec<Piece> {
    let base = piece.range.start;
    let clusters: Vec<&[Glyph]> = piece
        .glyphs
        .chunk_by(|a, b| a.cluster == b.cluster)
        .collect();
    let ends = clusters
        .iter()
        .skip(1)
        .filter_map(|c| c.first().map(|g| g.cluster))
        .chain(std::iter::once(piece.range.len()));
    clusters
        .iter()
        .zip(ends)
        .map(|(glyphs, to)| {
            let from = glyphs.first().map_or(0, |g| g.cluster);
            self::piece(piece.style, base + from..base + to, rebased(glyphs, from))
        })
        .collect()
}
