//! Flow layout: a document's blocks set into a galley, the vertical list that pagination then
//! cuts into pages. The stages, one file each: the galley's items ([`galley`]), the design
//! values from the theme ([`look`]), text set into galley lines ([`lines`]), the block styles
//! ([`blocks`], with [`tables`], [`cards`] and tinted [`boxes`]), pagination with the running
//! header and folio ([`paginate`]) and the report of where everything landed ([`report`]).
//!
//! Imports inside go one way: `galley`, `look` and `report` are leaves; `lines` builds on the
//! first two; `tables`, `cards` and `boxes` on `lines`; `blocks` strings the block styles
//! together; `paginate` reads the galley and fills the report.

mod blocks;
mod boxes;
mod cards;
pub mod galley;
mod lines;
pub mod look;
pub mod paginate;
pub mod report;
mod tables;
#[cfg(test)]
pub(crate) mod testdata;
#[cfg(test)]
mod tests;

pub use galley::{Content, Frame, Galley, Item, Kind, LineInfo, ParaLine};
pub use look::Look;

use crate::print::display::ImageId;
use crate::print::doc::Document;
use crate::print::fonts::FontSet;
use crate::theme::print::PrintSettings;

/// What every stage of setting a booklet needs: the fonts, the theme's print settings and
/// the language of the text (BCP 47: "kk", "ru"; it picks hyphenation patterns and shaping).
#[derive(Clone, Copy)]
pub struct Typesetter<'a> {
    pub fonts: &'a FontSet,
    pub settings: &'a PrintSettings,
    pub lang: &'a str,
}

/// Looks up an image by its Markdown `src`: its id in the PDF writer and its pixel size.
pub type ImageLookup<'a> = dyn FnMut(&str) -> Option<(ImageId, u32, u32)> + 'a;

/// Sets a story into a galley: headings, paragraphs, lists, quotes, images, tables,
/// figures and testimonials, then its footnotes. Never fails: an image the lookup does not
/// know is replaced by its caption.
pub fn layout(doc: &Document, ts: &Typesetter, images: &mut ImageLookup) -> Galley {
    blocks::layout_document(doc, ts, images)
}
