//! Result figures as cards: tinted boxes in rows, the figure big in the accent colour and its
//! label small below it, each row one unsplittable galley item.

use super::galley::{Content, LineInfo};
use super::lines::{Area, BOX_PADDING, Setter, lines_from, plain};
use crate::print::display::Draw;
use crate::print::doc::ResultFigure;
use crate::print::inline::{LineEnd, TextStyle};
use crate::units::Pt;

/// Between cards, across and down.
pub(super) const CARD_GAP: f32 = 6.0;
/// At most this many result figures in a row.
const CARDS_PER_ROW: usize = 3;

impl Setter<'_> {
    /// Result figures as rows of cards, at most [`CARDS_PER_ROW`] a row, the rows as even as
    /// possible.
    pub(super) fn card_rows(&mut self, figures: &[ResultFigure], area: &Area) -> Vec<Content> {
        let mut rest = figures;
        let mut rows = Vec::new();
        for count in row_sizes(figures.len(), CARDS_PER_ROW) {
            let (row, tail) = rest.split_at(count.min(rest.len()));
            rest = tail;
            rows.push(self.card_row(row, area));
        }
        rows
    }

    /// A row of tinted cards: the figure big in the accent colour, its label small below.
    pub(super) fn card_row(&mut self, row: &[ResultFigure], area: &Area) -> Content {
        let l = self.look;
        let count = row.len().max(1) as f32;
        let card = (area.width - CARD_GAP * (count - 1.0)) / count;
        let inner = card - 2.0 * BOX_PADDING;
        let label_area = Area {
            text: TextStyle::upright(l.headings, false, l.small + 0.5, l.text),
            line: (l.small + 0.5) * 1.3,
            justify: false,
            width: inner,
            ..*area
        };
        let mut cards = Vec::new();
        let mut height: f32 = 0.0;
        for (i, figure) in row.iter().enumerate() {
            let x = area.x + i as f32 * (card + CARD_GAP);
            let (draws, lines, h) = self.card(figure, x + BOX_PADDING, &label_area);
            height = height.max(h);
            cards.push((x, draws, lines));
        }
        let mut draws = Vec::new();
        let mut infos = Vec::new();
        for (x, mut card_draws, mut lines) in cards {
            draws.push(Draw::Rect {
                x: Pt(x),
                y: Pt(-height),
                w: Pt(card),
                h: Pt(height),
                fill: Some(l.tint),
                stroke: None,
            });
            draws.append(&mut card_draws);
            infos.append(&mut lines);
        }
        Content::block(Pt(height), draws, infos)
    }

    /// One card's draws (relative to the row's top), lines and height.
    pub(super) fn card(
        &mut self,
        figure: &ResultFigure,
        x: f32,
        label: &Area,
    ) -> (Vec<Draw>, Vec<LineInfo>, f32) {
        let l = self.look;
        let mut value_style = TextStyle::upright(l.headings, true, l.figure, l.accent);
        let mut run = self
            .shaper
            .shape(self.font(&value_style), value_style.size, &figure.value);
        if run.width > label.width && run.width > 0.0 {
            // A long figure shrinks to fit its card rather than running out of it.
            value_style.size *= label.width / run.width;
            run = self
                .shaper
                .shape(self.font(&value_style), value_style.size, &figure.value);
        }
        let font = self.font(&value_style);
        let metrics = self.shaper.fonts.metrics(font);
        let size = value_style.size;
        // The digits' tops sit a padding below the card's top, but the face's ascent must
        // stay inside the card.
        let top = BOX_PADDING.max((metrics.ascender - metrics.cap_height) * size + 1.0);
        let value_baseline = top + metrics.cap_height * size;
        let value_width = run.width;
        let mut draws = vec![Draw::Text {
            run,
            x: Pt(x),
            y: Pt(-value_baseline),
            color: value_style.color,
        }];
        let mut lines = vec![LineInfo {
            x: Pt(x),
            width: Pt(value_width),
            measure: Pt(label.width),
            baseline: Pt(value_baseline),
            end: LineEnd::Last,
            text: figure.value.clone(),
            paragraph: None,
        }];
        let label_top = value_baseline - metrics.descender * size * 0.5 + 2.0;
        let column = Area { x, ..*label };
        // Never hyphenated: a label is a few words in a narrow card.
        let set_lines = self.set_unhyphenated(&[plain(&figure.label)], &column);
        let line_count = set_lines.len();
        let (ascent, depth) = self.extent(&label.text);
        let baseline = ((label.line - ascent - depth) / 2.0).max(0.0) + ascent;
        let (mut label_draws, mut label_lines) =
            lines_from(set_lines, &column, label_top, baseline);
        draws.append(&mut label_draws);
        lines.append(&mut label_lines);
        let height = label_top + line_count as f32 * label.line + BOX_PADDING;
        (draws, lines, height)
    }
}

/// Row lengths for `count` cards, at most `per_row` a row, as even as possible (4 → 2 + 2).
pub(super) fn row_sizes(count: usize, per_row: usize) -> Vec<usize> {
    if count == 0 || per_row == 0 {
        return Vec::new();
    }
    let rows = count.div_ceil(per_row);
    let base = count / rows;
    let longer = count % rows;
    (0..rows).map(|r| base + usize::from(r < longer)).collect()
}
