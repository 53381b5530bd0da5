//! Flow layout: a document's blocks set into a galley, the vertical list that pagination then
//! cuts into pages. The stages, one file each: the galley's items ([`galley`]), the design
//! values from the theme ([`look`]), text set into galley lines (`lines`), the block styles
//! (`blocks`, with `tables`, `cards` and tinted `boxes`), pagination with the running
//! header and folio ([`paginate`]) and the report of where everything landed ([`report`]).
//!
//! Imports inside go one way: `galley`, `look` (with the [`Typesetter`]) and `report` are leaves; `lines` builds on the
//! first two; `tables`, `cards` and `boxes` on `lines`; `blocks` strings the block styles
//! together; `paginate` reads the galley and fills the report.

mod blocks;
mod boxes;
mod cards;
pub(crate) mod galley;
mod lines;
pub(crate) mod look;
pub(crate) mod paginate;
pub(crate) mod report;
mod tables;
#[cfg(test)]
pub(crate) mod testdata;
#[cfg(test)]
mod tests;

pub(crate) use blocks::ImageLookup;
pub(crate) use galley::{Content, Galley, Item, Kind};
pub(crate) use look::{Look, Typesetter};

use crate::print::doc::Document;

/// Sets a story into a galley: headings, paragraphs, lists, quotes, images, tables,
/// figures and testimonials, then its footnotes. Never fails: an image the lookup does not
/// know is replaced by its caption.
pub(crate) fn layout(doc: &Document, ts: &Typesetter, images: &mut ImageLookup) -> Galley {
    blocks::layout_document(doc, ts, images)
}
