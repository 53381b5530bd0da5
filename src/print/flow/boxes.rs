//! Tinted boxes: code blocks (sans lines cut at the box edge) and testimonials (italic text
//! and its attribution), set as galley lines that pagination may split like a paragraph's.
//! The builder puts the tint and the bar behind them as frames.

use super::galley::{Content, ParaLine};
use super::lines::{Area, BOX_PADDING, QUOTE_BAR, Setter, line_content, pad, plain};
use crate::print::display::{Draw, Glyph, GlyphRun};
use crate::print::doc::Align;
use crate::print::fonts::Family;
use crate::print::inline::{LineEnd, ParSpec, SetLine, TextStyle, set};
use crate::units::Pt;

impl Setter<'_> {
    /// A code block's lines, in the sans face, cut where too wide (never hyphenated), padded
    /// for their tinted box.
    pub(super) fn code_lines(&mut self, code: &str, area: &Area) -> Vec<Content> {
        let l = self.look;
        let style = TextStyle::upright(Family::Sans, false, l.small + 1.0, l.text);
        let font = self.font(&style);
        let line = style.size * 1.35;
        let inner = area.indented(BOX_PADDING);
        let inner = Area {
            width: inner.width - BOX_PADDING,
            text: style,
            line,
            ..inner
        };
        let mut lines = Vec::new();
        for source in code.split('\n') {
            let source = source.replace('\t', "    ");
            let run = self.shaper.shape(font, style.size, source.trim_end());
            lines.extend(wrap_code(run, inner.width));
        }
        let (ascent, depth) = self.extent(&style);
        let baseline = ((line - ascent - depth) / 2.0).max(0.0) + ascent;
        let paragraph = self.paragraphs;
        self.paragraphs += 1;
        let count = lines.len();
        let mut items: Vec<Content> = lines
            .into_iter()
            .enumerate()
            .map(|(index, run)| {
                let para = ParaLine {
                    paragraph,
                    index,
                    count,
                };
                let width = run.width;
                let text = run.text.clone();
                let set = SetLine {
                    draws: vec![Draw::Text {
                        run,
                        x: Pt(0.0),
                        y: Pt(0.0),
                        color: style.color,
                    }],
                    x: 0.0,
                    width,
                    end: LineEnd::Forced,
                    text,
                };
                let mut content = line_content(set, &inner, baseline, Some(para));
                content.height = Pt(line);
                content.break_before = index == 0 || (index >= 2 && count - index >= 2);
                content
            })
            .collect();
        pad(&mut items, BOX_PADDING * 0.75, BOX_PADDING * 0.75);
        items
    }

    /// A testimonial's lines, italic and ragged, with who said it under them set right, padded
    /// for their tinted box.
    pub(super) fn testimonial_lines(
        &mut self,
        text: &str,
        by: Option<&str>,
        area: &Area,
    ) -> Vec<Content> {
        let l = self.look;
        let inner = area.indented(BOX_PADDING + QUOTE_BAR);
        let mut inner = Area {
            width: inner.width - BOX_PADDING,
            justify: false,
            ..inner
        };
        inner.text.italic = true;
        let lines = self.set_in(&[plain(text)], &inner);
        let mut items = self.line_items(lines, &inner, inner.line, true);
        if let Some(by) = by.filter(|b| !b.trim().is_empty()) {
            let by_area = Area {
                text: TextStyle::upright(l.headings, false, l.small + 0.5, l.muted),
                line: (l.small + 0.5) * l.leading,
                ..inner
            };
            let spec = ParSpec {
                align: Align::Right,
                hyphenate: false,
                ..self.spec(&by_area)
            };
            let by_lines = set(&mut self.shaper, &[plain(&format!("— {by}"))], &spec);
            let mut by_items = self.line_items(by_lines, &by_area, by_area.line, false);
            // A little air between the quote and who said it; the attribution stays with the
            // quote's last line.
            pad(&mut by_items, l.line * 0.25, 0.0);
            by_items.iter_mut().for_each(|i| i.break_before = false);
            items.append(&mut by_items);
        }
        pad(&mut items, BOX_PADDING, BOX_PADDING);
        items
    }
}

/// Cuts a shaped code line into pieces no wider than `width`, at character clusters.
fn wrap_code(run: GlyphRun, width: f32) -> Vec<GlyphRun> {
    if run.width <= width || run.glyphs.is_empty() {
        return vec![run];
    }
    let mut out = Vec::new();
    let mut start = 0; // glyph index
    let mut x = 0.0;
    let glyphs = &run.glyphs;
    for (i, g) in glyphs.iter().enumerate() {
        let starts_cluster = i == 0 || glyphs.get(i - 1).is_some_and(|p| p.cluster != g.cluster);
        if starts_cluster && x + g.advance > width && i > start {
            out.push(sub_run(&run, start, i));
            start = i;
            x = 0.0;
        }
        x += g.advance;
    }
    out.push(sub_run(&run, start, glyphs.len()));
    out
}

fn sub_run(run: &GlyphRun, from: usize, to: usize) -> GlyphRun {
    let glyphs = run.glyphs.get(from..to).unwrap_or_default();
    let text_from = glyphs.first().map_or(0, |g| g.cluster);
    let text_to = run.glyphs.get(to).map_or(run.text.len(), |g| g.cluster);
    GlyphRun {
        font: run.font,
        size: run.size,
        text: run
            .text
            .get(text_from..text_to)
            .unwrap_or_default()
            .to_string(),
        glyphs: glyphs
            .iter()
            .map(|g| Glyph {
                cluster: g.cluster.saturating_sub(text_from),
                ..g.clone()
            })
            .collect(),
        width: glyphs.iter().map(|g| g.advance).sum(),
    }
}
