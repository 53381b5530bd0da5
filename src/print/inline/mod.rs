//! Inline layout: one paragraph of styled runs set into lines, in stages, one file each —
//! how runs look (`style`), shaping with a per-layout cache ([`shape`]), collecting the
//! text into shaped pieces and the breaker's items (`collect`, with [`hyphenate`]),
//! choosing the breaks ([`linebreak`], Knuth–Plass) and setting the chosen lines into
//! positioned glyph runs (`line`).
//!
//! Imports inside go one way: `style`, `shape`, `hyphenate` and `linebreak` are leaves,
//! `collect` uses them, `line` uses `collect`, and only this file strings the stages together.

mod collect;
pub(crate) mod hyphenate;
mod line;
pub(crate) mod linebreak;
pub(crate) mod shape;
mod style;
#[cfg(test)]
mod tests;

pub(crate) use line::{LineEnd, SetLine};
pub(crate) use shape::Shaper;
pub(crate) use style::{ParSpec, TextStyle};

use crate::print::doc::{Align, Inline};

/// Halvings of the measure when balancing display lines: 1/1000 of the range is plenty.
const BALANCE_STEPS: usize = 10;

/// Sets `inlines` into lines of `spec.width`. Empty text gives no lines.
pub(crate) fn set(shaper: &mut Shaper, inlines: &[Inline], spec: &ParSpec) -> Vec<SetLine> {
    let Some(mut paragraph) = collect::collect(shaper, inlines, spec) else {
        return Vec::new();
    };
    let lines = linebreak::break_paragraph(&mut paragraph.items, spec.width, spec.justify);
    let mut setter = line::LineSetter {
        shaper,
        para: &paragraph,
        spec,
        word: None,
    };
    lines.iter().map(|line| setter.set_line(line)).collect()
}

/// Sets ragged display type (headings, cover titles) balanced: as many lines as at the full
/// measure, in the narrowest measure that keeps that count, so a title's lines are about
/// equally long and its last line is never one short word left over («Как обратиться в /
/// государственные органы» becomes two even lines). Justified or not left-aligned text is
/// set as usual.
pub(crate) fn set_balanced(
    shaper: &mut Shaper,
    inlines: &[Inline],
    spec: &ParSpec,
) -> Vec<SetLine> {
    let lines = set(shaper, inlines, spec);
    let count = lines.len();
    if count < 2 || spec.justify || spec.align != Align::Left {
        return lines;
    }
    let total: f32 = lines.iter().map(|l| l.width).sum();
    let (mut low, mut high) = (total / count as f32, spec.width);
    let mut best = lines;
    for _ in 0..BALANCE_STEPS {
        let width = (low + high) / 2.0;
        let trial = set(shaper, inlines, &ParSpec { width, ..*spec });
        let fits = trial.len() <= count && trial.iter().all(|l| l.width <= width + 0.01);
        if fits {
            high = width;
            best = trial;
        } else {
            low = width;
        }
    }
    best
}
