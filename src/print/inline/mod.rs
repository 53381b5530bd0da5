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

use crate::print::doc::Inline;

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
