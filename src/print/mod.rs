//! The print engine: typesets stories and booklets into PDF pages, in stages that each own a
//! module or a folder: the document model read from Markdown (`doc`, with `story` adding a
//! story's facts), inline layout of paragraphs (`inline`: shaping, hyphenation, Knuth–Plass
//! line breaking, setting lines), flow layout of blocks into a galley and pages (`flow`),
//! the booklets' covers, contents and editions (`booklet`), and the PDF writer (`pdf`).
//! `engine` is the front door for one story.
//!
//! Imports go one way, each module using only those above it in this list:
//!
//! 1. `fonts` — the faces and their metrics (a leaf);
//! 2. `display` — the display list every stage draws into and `pdf` reads;
//! 3. `doc`, then `story` — the print document model;
//! 4. `inline` — paragraphs into lines (doc, fonts, display);
//! 5. `flow` — blocks into a galley, the galley into pages (inline, doc, fonts, display);
//! 6. `pdf` — pages into PDF bytes (display, fonts);
//! 7. `engine` — one story set and written (flow, inline, story, pdf);
//! 8. `booklet` — covers, contents, editions (everything above).

pub(crate) mod booklet;
pub(crate) mod display;
pub(crate) mod doc;
pub(crate) mod engine;
pub(crate) mod flow;
pub(crate) mod fonts;
pub(crate) mod inline;
pub(crate) mod pdf;
#[cfg(test)]
mod site_tests;
pub(crate) mod story;
#[cfg(test)]
mod testdata;
