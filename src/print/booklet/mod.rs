//! Booklets: the print product. A booklet (or a story's leaflet) resolved by
//! [`crate::content::booklets`] is composed per language ([`compose`]: cover, table of
//! contents, its own text and stories, back cover with a QR code and the colophon), then
//! assembled into editions ([`editions`]: single, sequential, flip, parallel, imposed,
//! print-shop) with page-level operations ([`impose`]), and written as PDF files.

pub mod impose;
pub mod qr;
