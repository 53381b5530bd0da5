//! Tables: column widths shared out by the cells' text, and one unsplittable galley item
//! per row, its cells set ragged in the sans face with a rule under the row.

use super::galley::Content;
use super::lines::{Area, RULE_WIDTH, Setter, lines_from, plain_text};
use crate::print::display::{Color, Draw};
use crate::print::doc::{Align, Inline};
use crate::print::inline::{ParSpec, TextStyle, set};
use crate::units::Pt;

const CELL_PADDING_X: f32 = 3.0;
const CELL_PADDING_Y: f32 = 2.5;
const HEADER_RULE_WIDTH: f32 = 0.8;

/// A table set: the header row (kept with the first row) and the body rows.
pub(super) struct Table {
    pub header: Option<Content>,
    pub rows: Vec<Content>,
}

impl Setter<'_> {
    /// A table's rows, each unsplittable, in columns shared out by their text; `None` for a
    /// table without columns.
    pub(super) fn table(
        &mut self,
        header: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        align: &[Align],
        area: &Area,
    ) -> Option<Table> {
        let l = self.look;
        let columns = rows
            .iter()
            .map(Vec::len)
            .chain(std::iter::once(header.len()))
            .max()
            .unwrap_or(0);
        if columns == 0 {
            return None;
        }
        let size = l.small + 1.0;
        let cell = Area {
            text: TextStyle::upright(l.headings, false, size, l.text),
            line: size * l.leading.min(1.35),
            justify: false,
            ..*area
        };
        let all_rows = std::iter::once(header).chain(rows.iter().map(Vec::as_slice));
        let widths = self.column_widths(all_rows, columns, &cell);
        let header = (!header.is_empty()).then(|| {
            let mut bold = cell;
            bold.text.bold = true;
            self.table_row(header, &widths, align, &bold, (HEADER_RULE_WIDTH, l.text))
        });
        let rows = rows
            .iter()
            .map(|row| self.table_row(row, &widths, align, &cell, (RULE_WIDTH, l.rule)))
            .collect();
        Some(Table { header, rows })
    }

    /// Column widths in proportion to each column's unbroken text width, but never below
    /// its longest word, filling the area.
    pub(super) fn column_widths<'r>(
        &mut self,
        rows: impl Iterator<Item = &'r [Vec<Inline>]>,
        columns: usize,
        cell: &Area,
    ) -> Vec<f32> {
        let font = self.font(&cell.text);
        let bold = self.font(&TextStyle {
            bold: true,
            ..cell.text
        });
        let size = cell.text.size;
        let mut natural = vec![0.0_f32; columns];
        let mut longest = vec![0.0_f32; columns];
        for (r, row) in rows.enumerate() {
            let font = if r == 0 { bold } else { font };
            for (c, inlines) in row.iter().enumerate() {
                let text = plain_text(inlines);
                let width = self.shaper.width(font, size, &text);
                let word = text
                    .split_whitespace()
                    .map(|w| self.shaper.width(font, size, w))
                    .fold(0.0, f32::max);
                if let (Some(n), Some(m)) = (natural.get_mut(c), longest.get_mut(c)) {
                    *n = n.max(width);
                    // A hair over the word, so that rounding never hyphenates it.
                    *m = m.max(word.min(cell.width / 2.0) + 0.5);
                }
            }
        }
        let padding = 2.0 * CELL_PADDING_X * columns as f32;
        let available = (cell.width - padding).max(columns as f32);
        share_widths(&natural, &longest, available)
    }

    pub(super) fn table_row(
        &mut self,
        cells: &[Vec<Inline>],
        widths: &[f32],
        align: &[Align],
        cell: &Area,
        rule: (f32, Color),
    ) -> Content {
        let (ascent, depth) = self.extent(&cell.text);
        let baseline = ((cell.line - ascent - depth) / 2.0).max(0.0) + ascent;
        let mut draws = Vec::new();
        let mut infos = Vec::new();
        let mut x = cell.x;
        let mut tallest = 1;
        for (c, &width) in widths.iter().enumerate() {
            let inlines = cells.get(c).map(Vec::as_slice).unwrap_or_default();
            let spec = ParSpec {
                width,
                align: align.get(c).copied().unwrap_or(Align::Left),
                ..self.spec(cell)
            };
            let lines = set(&mut self.shaper, inlines, &spec);
            tallest = tallest.max(lines.len());
            let column = Area {
                x: x + CELL_PADDING_X,
                width,
                ..*cell
            };
            let (mut cell_draws, mut cell_lines) =
                lines_from(lines, &column, CELL_PADDING_Y, baseline);
            draws.append(&mut cell_draws);
            infos.append(&mut cell_lines);
            x += width + 2.0 * CELL_PADDING_X;
        }
        let height = 2.0 * CELL_PADDING_Y + tallest as f32 * cell.line;
        let (rule_width, rule_color) = rule;
        draws.push(Draw::Line {
            from: (Pt(cell.x), Pt(-height + rule_width / 2.0)),
            to: (Pt(x), Pt(-height + rule_width / 2.0)),
            width: Pt(rule_width),
            color: rule_color,
        });
        Content::block(Pt(height), draws, infos)
    }
}

/// Shares `available` among columns in proportion to `natural`, giving every column at
/// least its `minimum` (the rest is shared among the others).
pub(super) fn share_widths(natural: &[f32], minimum: &[f32], available: f32) -> Vec<f32> {
    let columns = natural.len();
    let mut fixed = vec![false; columns];
    let mut widths = vec![0.0; columns];
    for _ in 0..=columns {
        let fixed_width: f32 = (0..columns)
            .filter(|&c| fixed.get(c).copied().unwrap_or(false))
            .filter_map(|c| minimum.get(c))
            .sum();
        let share_total: f32 = (0..columns)
            .filter(|&c| !fixed.get(c).copied().unwrap_or(true))
            .filter_map(|c| natural.get(c).map(|n| n.max(1.0)))
            .sum();
        let rest = (available - fixed_width).max(0.0);
        let mut changed = false;
        for c in 0..columns {
            let (Some(&n), Some(&m), Some(f), Some(w)) = (
                natural.get(c),
                minimum.get(c),
                fixed.get_mut(c),
                widths.get_mut(c),
            ) else {
                continue;
            };
            if *f {
                *w = m;
                continue;
            }
            *w = rest * n.max(1.0) / share_total.max(1.0);
            if *w < m {
                *f = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let total: f32 = widths.iter().sum();
    if total > available + 0.01 && total > 0.0 {
        widths.iter_mut().for_each(|w| *w *= available / total);
    }
    widths
}
